/**
 * The project's configuration, `clues.config.json` (JSON with comments): which rules run and how loud they are,
 * the interviewers' labels, people known to the case, and extra lexicon words.
 */

import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CUE_TYPES, DEFAULT_LEXICON, NOUN_CLASSES, buildLexicon, type KnownPerson, type Lexicon, type LexiconExtras } from '../analyse/index.js';
import { InputError } from '../errors.js';
import { parseJsonInput, readText, TEXT, TEXTS, type Schema } from '../read/json-input.js';
import { rules as RULES } from '../finish/rules.js';
import { RULE_SETTINGS, type RuleSetting } from '../finish/rule-settings.js';

import { CONFIG_FILE } from './config-file.js';

export { CONFIG_FILE };


export interface Config {
  /** The file it was read from. */
  file: string;
  rules: Record<string, RuleSetting>;
  interviewers: string[];
  people: KnownPerson[];
  lexicon: LexiconExtras;
}

const SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', propertyNames: { enum: RULES.map((r) => r.id) }, additionalProperties: { enum: RULE_SETTINGS } },
    interviewers: TEXTS,
    people: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: TEXT, role: TEXT } },
    },
    lexicon: {
      type: 'object',
      additionalProperties: false,
      properties: {
        people: {
          type: 'object',
          propertyNames: { enum: NOUN_CLASSES },
          additionalProperties: { type: 'object', additionalProperties: { enum: ['m', 'f', null] } },
        },
        notPeople: TEXTS,
        nicknames: { type: 'object', additionalProperties: TEXT },
        patterns: { type: 'object', propertyNames: { enum: CUE_TYPES }, additionalProperties: TEXTS },
      },
    },
  },
};

/** Each config's lexicon, built once when the config is checked and reused for every file of the run. */
const lexicons = new WeakMap<Config, Lexicon>();

/** The config file nearest to `dir`: in it or in the closest folder above. */
export async function findConfig(dir: string): Promise<string | undefined> {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, CONFIG_FILE);
    if (await exists(candidate)) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

/** Reads and checks a config file; any problem is one InputError naming the file, the place and the key. */
export async function readConfig(path: string): Promise<Config> {
  return parseConfig(path, await readText(path, 'config'));
}

/** Parses config text (JSON; comments and trailing commas allowed) and checks every key. */
export function parseConfig(path: string, text: string): Config {
  const { data, place } = parseJsonInput(path, text, SCHEMA);
  const config = data as Partial<Omit<Config, 'file'>>;
  const result: Config = {
    file: path,
    rules: config.rules ?? {},
    interviewers: config.interviewers ?? [],
    people: config.people ?? [],
    lexicon: config.lexicon ?? {},
  };
  try {
    const extras = result.lexicon;
    // The starter config lists the lexicon's keys empty; only words make a lexicon of their own worth building.
    const none = Object.values(extras).every((value) => Object.keys(value as object).length === 0);
    lexicons.set(result, none ? DEFAULT_LEXICON : buildLexicon(extras));
  } catch (error) {
    // The lexicon names the list at fault (`patterns.romance: …`); point at that list in the file.
    const message = (error as Error).message;
    const list = /^([\w.]+): /.exec(message)?.[1];
    throw new InputError(`${list ? place(['lexicon', ...list.split('.')]) : path}: lexicon.${message}`);
  }
  return result;
}

/** The lexicon with the config's extra words (the built-in one when it adds none). */
export function configLexicon(config: Config): Lexicon {
  let lexicon = lexicons.get(config);
  if (!lexicon) lexicons.set(config, (lexicon = buildLexicon(config.lexicon)));
  return lexicon;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
