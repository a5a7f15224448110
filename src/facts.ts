import { readFile } from 'node:fs/promises';
import { InputError } from './errors.js';

/** What is already on record for a case (`--facts case.json`): who lives there, who is known, what was said. */
export interface CaseFacts {
  /** People recorded as living in the home. */
  household: string[];
  /** People known to the case, with what they are known as. */
  known: Array<{ name: string; role: string }>;
  /** Statements made to police or social workers about a person. */
  statements: Array<{ to: string; about: string; relationship?: Relationship; livesHere?: boolean }>;
  /** Injuries on record. */
  injuries: Array<{ child?: string; injury: string; date?: string }>;
}

export const RELATIONSHIPS = ['partner', 'friend', 'relative', 'none'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];

/** Reads and checks a case facts file; any problem is one InputError naming the file and the key. */
export async function readFacts(path: string): Promise<CaseFacts> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read case facts (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseFacts(path, text);
}

/** Parses case facts from JSON text; see `CaseFacts` for the shape. */
export function parseFacts(path: string, text: string): CaseFacts {
  const fail = (message: string): never => {
    throw new InputError(`${path}: ${message}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  const root = object(data, 'the file', fail);
  only(root, ['household', 'known', 'statements', 'injuries', '$comment'], '', fail);
  const strings = (value: unknown, at: string): string[] =>
    array(value, at, fail).map((v, i) => (typeof v === 'string' && v.trim() ? v : fail(`${at}[${i}] must be a non-empty string`)));
  const str = (o: Record<string, unknown>, key: string, at: string, optional = false): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    return typeof v === 'string' && v.trim() ? v : fail(`${at}.${key} must be a non-empty string`);
  };
  return {
    household: root.household === undefined ? [] : strings(root.household, 'household'),
    known: (root.known === undefined ? [] : array(root.known, 'known', fail)).map((item, i) => {
      const at = `known[${i}]`;
      const o = object(item, at, fail);
      only(o, ['name', 'role'], at, fail);
      return { name: str(o, 'name', at)!, role: str(o, 'role', at)! };
    }),
    statements: (root.statements === undefined ? [] : array(root.statements, 'statements', fail)).map((item, i) => {
      const at = `statements[${i}]`;
      const o = object(item, at, fail);
      only(o, ['to', 'about', 'relationship', 'livesHere', 'date'], at, fail);
      const statement: CaseFacts['statements'][number] = { to: str(o, 'to', at)!, about: str(o, 'about', at)! };
      if (o.relationship !== undefined) {
        if (!RELATIONSHIPS.includes(o.relationship as Relationship)) fail(`${at}.relationship must be one of ${RELATIONSHIPS.join(', ')}`);
        statement.relationship = o.relationship as Relationship;
      }
      if (o.livesHere !== undefined) {
        if (typeof o.livesHere !== 'boolean') fail(`${at}.livesHere must be true or false`);
        statement.livesHere = o.livesHere as boolean;
      }
      return statement;
    }),
    injuries: (root.injuries === undefined ? [] : array(root.injuries, 'injuries', fail)).map((item, i) => {
      const at = `injuries[${i}]`;
      const o = object(item, at, fail);
      only(o, ['child', 'injury', 'date'], at, fail);
      const child = str(o, 'child', at, true);
      const date = str(o, 'date', at, true);
      return { injury: str(o, 'injury', at)!, ...(child ? { child } : {}), ...(date ? { date } : {}) };
    }),
  };
}

function object(value: unknown, at: string, fail: (m: string) => never): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(`${at} must be an object`);
}

function array(value: unknown, at: string, fail: (m: string) => never): unknown[] {
  return Array.isArray(value) ? value : fail(`${at} must be an array`);
}

function only(o: Record<string, unknown>, keys: string[], at: string, fail: (m: string) => never): void {
  const extra = Object.keys(o).find((k) => !keys.includes(k));
  if (extra) fail(`${at ? `${at} has ` : ''}unknown key "${extra}" (allowed: ${keys.filter((k) => k !== '$comment').join(', ')})`);
}
