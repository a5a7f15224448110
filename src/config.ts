/**
 * The project's configuration, `clues.config.json` (JSON with comments): which rules run and how loud they are,
 * the interviewers' labels, people known to the case, and extra lexicon words.
 */

import { access, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CUE_TYPES, DEFAULT_LEXICON, NOUN_CLASSES, buildLexicon, type KnownPerson, type Lexicon, type LexiconExtras } from './analyse/index.js';
import { rules as RULES } from './rules.js';
import { InputError } from './errors.js';
import { SEVERITIES, type Clue, type Severity } from './types.js';

export const CONFIG_FILE = 'clues.config.json';

/** `on` keeps the rule's own severities (they vary clue by clue); a severity sets every clue of the rule to it. */
export const RULE_SETTINGS = ['off', 'on', ...SEVERITIES] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export interface Config {
  /** The file it was read from. */
  file: string;
  rules: Record<string, RuleSetting>;
  interviewers: string[];
  people: KnownPerson[];
  lexicon: LexiconExtras;
}

const nonEmpty = { type: 'string', minLength: 1 } as const;
const words = { type: 'array', items: nonEmpty } as const;

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', propertyNames: { enum: RULES.map((r) => r.id) }, additionalProperties: { enum: RULE_SETTINGS } },
    interviewers: words,
    people: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: nonEmpty, role: nonEmpty } },
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
        notPeople: words,
        nicknames: { type: 'object', additionalProperties: nonEmpty },
        patterns: { type: 'object', propertyNames: { enum: CUE_TYPES }, additionalProperties: words },
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;
/** The schema's validator, compiled on first use: most runs have no config and should not pay for ajv. */
function validator(): ValidateFunction {
  if (!compiled) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    compiled = new Ajv({ allErrors: false, strict: true }).compile(SCHEMA);
  }
  return compiled;
}

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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read config (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseConfig(path, text);
}

/** Parses config text (JSON; comments and trailing commas allowed) and checks every key. */
export function parseConfig(path: string, text: string): Config {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const at = (offset: number): string => {
    const before = text.slice(0, offset).split('\n');
    return `${path}:${before.length}:${before.at(-1)!.length + 1}`;
  };
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0];
    throw new InputError(first ? `${at(first.offset)}: invalid JSON (${printParseErrorCode(first.error)})` : `${path}: the file is empty`);
  }
  const data = nodeValue(tree);
  const validate = validator();
  if (!validate(data)) {
    const error = validate.errors![0]!;
    const node = nodeOf(tree, error);
    throw new InputError(`${node ? at(node.offset) : path}: ${describe(error)}`);
  }
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
    const node = list ? findNodeAtLocation(tree, ['lexicon', ...list.split('.')]) : undefined;
    throw new InputError(`${node ? at(node.offset) : path}: lexicon.${message}`);
  }
  return result;
}

/** The lexicon with the config's extra words (the built-in one when it adds none). */
export function configLexicon(config: Config): Lexicon {
  let lexicon = lexicons.get(config);
  if (!lexicon) lexicons.set(config, (lexicon = buildLexicon(config.lexicon)));
  return lexicon;
}

/** Applies the rules' settings: drops clues of rules turned off, and sets the severity of rules given one. */
export function applyRuleSettings(clues: Clue[], rules: Record<string, RuleSetting>): Clue[] {
  return clues.flatMap((clue) => {
    const setting = rules[clue.rule] ?? 'on';
    if (setting === 'off') return [];
    return setting === 'on' || setting === clue.severity ? [clue] : [{ ...clue, severity: setting as Severity }];
  });
}

// jsonc-parser's own value keeps `__proto__` as a plain key, which is what validation should see.
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, nodeValue(p.children![1]!)]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The node an error is about: the offending key for an unknown key, else the value. */
function nodeOf(tree: Node, error: ErrorObject): Node | undefined {
  const path = keyPath(error.instancePath);
  const node = findNodeAtLocation(tree, path);
  const key = error.params.additionalProperty ?? error.propertyName;
  if (node && typeof key === 'string') {
    const property = node.children?.find((p) => p.children?.[0]?.value === key);
    return property?.children?.[0] ?? node;
  }
  return node;
}

function keyPath(instancePath: string): Array<string | number> {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Names the key in the words a config author wrote it in: `rules.minimisation`, `people[0].name`. */
function keyName(path: Array<string | number>): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function describe(error: ErrorObject): string {
  const path = keyPath(error.instancePath);
  const key = keyName(path) || 'the config';
  const allowed = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = keyName([...path, error.params.additionalProperty as string]);
      const known = Object.keys(schemaAt(path)?.properties ?? {}).filter((k) => k !== '$schema');
      return `unknown key "${name}" (known keys here: ${known.join(', ')})`;
    }
    case 'propertyNames':
    case 'enum': {
      // A key that is not one of a fixed set (a rule id, a noun class, a cue type).
      if (error.propertyName !== undefined) {
        const name = keyName([...path, error.propertyName]);
        const names = (schemaAt(path)?.propertyNames as { enum: readonly string[] } | undefined)?.enum ?? [];
        return `unknown key "${name}" (one of: ${names.join(', ')})`;
      }
      return `${key} must be one of ${allowed(error.params.allowedValues as unknown[])}`;
    }
    case 'type':
      return `${key} must be ${article(error.params.type as string)}`;
    case 'required':
      return `${key} needs "${error.params.missingProperty as string}"`;
    case 'minLength':
      return `${key} must not be empty`;
    default:
      return `${key} ${error.message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  return type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  propertyNames?: unknown;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

/** The part of the schema that describes the value at `path`. */
function schemaAt(path: Array<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = SCHEMA as unknown as SchemaNode;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = node.items;
    else node = node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
