import { InputError } from '../errors.js';
import { CLUE_KINDS, type ClueKind } from '../types.js';

/** One clue a careful reviewer would raise, from a fixture's `NAME.expected.json`. */
export interface ExpectedClue {
  kind: ClueKind;
  line: number;
  otherLine?: number;
  who?: string;
  note?: string;
}

/** The kinds a fixture annotates: all but `suppression`, which is about the file's own `clues-ignore` comments, not what was said. */
export const ANNOTATED_KINDS = CLUE_KINDS.filter((kind) => kind !== 'suppression');

const CLUE_KEYS = ['kind', 'line', 'otherLine', 'who', 'note'];

/** Reads `{ "clues": [...] }`, throwing an InputError that names the file and what is wrong. */
export function parseExpected(file: string, text: string): ExpectedClue[] {
  const fail = (problem: string): never => {
    throw new InputError(`${file}: ${problem}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  if (!isObject(data)) return fail('must be an object like { "clues": [...] }');
  // `source` names the transcript an annotation was written from (the shared corpus uses it).
  const extra = Object.keys(data).filter((key) => key !== 'clues' && key !== 'source');
  if (extra.length > 0) fail(`unknown key "${extra[0]}" (allowed: clues, source)`);
  if (!Array.isArray(data.clues)) return fail('"clues" must be an array');
  return data.clues.map((item: unknown, i: number) => expectedClue(item, `clues[${i}]`, fail));
}

function expectedClue(item: unknown, at: string, fail: (problem: string) => never): ExpectedClue {
  if (!isObject(item)) return fail(`${at} must be an object`);
  const extra = Object.keys(item).filter((key) => !CLUE_KEYS.includes(key));
  if (extra.length > 0) fail(`${at} has unknown key "${extra[0]}" (allowed: ${CLUE_KEYS.join(', ')})`);
  const { kind, line, otherLine, who, note } = item;
  if (!isKind(kind)) {
    return fail(`${at}.kind must be one of ${ANNOTATED_KINDS.join(', ')} (got ${JSON.stringify(kind) ?? 'nothing'})`);
  }
  if (!isLine(line)) return fail(`${at}.line must be a positive integer`);
  if (otherLine !== undefined && !isLine(otherLine)) return fail(`${at}.otherLine must be a positive integer`);
  if (who !== undefined && typeof who !== 'string') return fail(`${at}.who must be a string`);
  if (note !== undefined && typeof note !== 'string') return fail(`${at}.note must be a string`);
  const clue: ExpectedClue = { kind, line };
  if (otherLine !== undefined) clue.otherLine = otherLine;
  if (who !== undefined) clue.who = who;
  if (note !== undefined) clue.note = note;
  return clue;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKind(value: unknown): value is ClueKind {
  return (ANNOTATED_KINDS as readonly unknown[]).includes(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
