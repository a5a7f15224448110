import { InputError } from '../errors.js';
import { CLUE_KINDS, type ClueKind } from '../types.js';

/** One clue a careful reviewer would raise, from an annotation's `clues`. */
export interface ExpectedClue {
  kind: ClueKind;
  line: number;
  otherLine?: number;
  /** Other lines (another mention, the question a "Yes" answers) that also count as a hit. */
  alsoLines?: number[];
  who?: string;
  note?: string;
}

/** A whole `NAME.expected.json`: the clues, and optionally the roster and the lines annotated. */
export interface Annotation {
  clues: ExpectedClue[];
  /** Where the transcript came from, or its file name beside the annotation. */
  source?: string;
  /** Every named person mentioned or speaking (within `range`), one canonical name each. */
  people?: string[];
  /** The annotated lines, [first, last], 1-based and inclusive; outside it nothing is scored. */
  range?: [number, number];
}

/** The kinds a fixture annotates: all but `suppression`, which is about the file's own `clues-ignore` comments, not what was said. */
export const ANNOTATED_KINDS = CLUE_KINDS.filter((kind) => kind !== 'suppression');

const TOP_KEYS = ['clues', 'source', 'people', 'range'];
const CLUE_KEYS = ['kind', 'line', 'otherLine', 'alsoLines', 'who', 'note'];

type Fail = (problem: string) => never;

/** Reads an annotation's clues alone (see `parseAnnotation`). */
export function parseExpected(file: string, text: string): ExpectedClue[] {
  return parseAnnotation(file, text).clues;
}

/** Reads `{ "clues": [...], "source"?, "people"?, "range"? }`, throwing an InputError that names the file and what is wrong. */
export function parseAnnotation(file: string, text: string): Annotation {
  const fail: Fail = (problem) => {
    throw new InputError(`${file}: ${problem}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON: ${(error as Error).message}`);
  }
  if (!isObject(data)) return fail('must be an object like { "clues": [...] }');
  const extra = Object.keys(data).filter((key) => !TOP_KEYS.includes(key));
  if (extra.length > 0) fail(`unknown key "${extra[0]}" (allowed: ${TOP_KEYS.join(', ')})`);
  if (!Array.isArray(data.clues)) return fail('"clues" must be an array');
  const annotation: Annotation = { clues: data.clues.map((item: unknown, i: number) => expectedClue(item, `clues[${i}]`, fail)) };
  if (data.source !== undefined) {
    if (typeof data.source !== 'string' || data.source.trim() === '') return fail('"source" must be a non-empty string');
    annotation.source = data.source;
  }
  if (data.people !== undefined) annotation.people = people(data.people, fail);
  if (data.range !== undefined) {
    const range = lineRange(data.range, fail);
    annotation.range = range;
    annotation.clues.forEach((clue, i) => {
      if (clue.line < range[0] || clue.line > range[1]) fail(`clues[${i}].line ${clue.line} is outside "range" [${range.join(', ')}]`);
    });
  }
  return annotation;
}

function expectedClue(item: unknown, at: string, fail: Fail): ExpectedClue {
  if (!isObject(item)) return fail(`${at} must be an object`);
  const extra = Object.keys(item).filter((key) => !CLUE_KEYS.includes(key));
  if (extra.length > 0) fail(`${at} has unknown key "${extra[0]}" (allowed: ${CLUE_KEYS.join(', ')})`);
  const { kind, line, otherLine, alsoLines, who, note } = item;
  if (!isKind(kind)) {
    return fail(`${at}.kind must be one of ${ANNOTATED_KINDS.join(', ')} (got ${JSON.stringify(kind) ?? 'nothing'})`);
  }
  if (!isLine(line)) return fail(`${at}.line must be a positive integer`);
  if (otherLine !== undefined && !isLine(otherLine)) return fail(`${at}.otherLine must be a positive integer`);
  if (alsoLines !== undefined) {
    if (!Array.isArray(alsoLines)) return fail(`${at}.alsoLines must be an array of line numbers`);
    const bad = alsoLines.findIndex((l) => !isLine(l));
    if (bad !== -1) fail(`${at}.alsoLines[${bad}] must be a positive integer`);
  }
  if (who !== undefined && typeof who !== 'string') return fail(`${at}.who must be a string`);
  if (note !== undefined && typeof note !== 'string') return fail(`${at}.note must be a string`);
  const clue: ExpectedClue = { kind, line };
  if (otherLine !== undefined) clue.otherLine = otherLine;
  if (alsoLines !== undefined) clue.alsoLines = alsoLines as number[];
  if (who !== undefined) clue.who = who;
  if (note !== undefined) clue.note = note;
  return clue;
}

function people(value: unknown, fail: Fail): string[] {
  if (!Array.isArray(value)) return fail('"people" must be an array of names');
  const seen = new Map<string, number>();
  value.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || name.trim() === '') fail(`people[${i}] must be a non-empty string`);
    const key = (name as string).trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) fail(`people[${i}] "${name as string}" is listed twice (also people[${first}])`);
    seen.set(key, i);
  });
  return value as string[];
}

function lineRange(value: unknown, fail: Fail): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !isLine(value[0]) || !isLine(value[1]) || value[0] > value[1]) {
    return fail(`"range" must be [first, last]: two positive line numbers, first <= last (got ${JSON.stringify(value)})`);
  }
  return [value[0], value[1]];
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
