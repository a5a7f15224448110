/**
 * Baselines: the clues a set of transcripts already raises, recorded so a later run reports only new ones.
 *
 * A clue is known by its fingerprint: a hash of the rule, the person and the quoted words, never positions, so
 * lines added or removed elsewhere in a transcript do not make an old clue look new. The baseline file may be
 * committed beside training recordings, so it carries no quoted words, no line numbers and no names: only the
 * file, the rule and the hash. Version 1 files also held the person's name (`who`); they are still read, and
 * `--write-baseline` rewrites them as version 2.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { InputError } from '../errors.js';
import { byPosition } from '../position.js';
import type { Clue, FileResult } from '../types.js';

/** The name of the fingerprint in SARIF's `partialFingerprints`; bump it when `fingerprint()` changes. */
export const FINGERPRINT = 'clueFingerprint/v1';

/** The baseline file format this module writes; it reads this one and version 1, which named the person. */
export const BASELINE_VERSION = 2;
const NAMED_VERSION = 1;

/** One known clue: where, which rule, and its fingerprint; `who` only when read from a version 1 file. */
export interface BaselineEntry {
  file: string;
  rule: string;
  fingerprint: string;
  who?: string;
}

/** A parsed baseline file. An entry appears once per clue, so a fingerprint may repeat. */
export interface Baseline {
  version: typeof BASELINE_VERSION | typeof NAMED_VERSION;
  clues: BaselineEntry[];
}

/** A baseline entry no longer raised by a file that was checked in this run. */
export type GoneClue = BaselineEntry;

type OkResult = Extract<FileResult, { ok: true }>;

/** Stable across edits elsewhere in the transcript: the rule, the person and the quoted words, never positions. */
export function fingerprint(clue: Clue): string {
  const words = JSON.stringify([clue.rule, clue.who, ...clue.evidence.map((e) => e.text)]);
  return createHash('sha256').update(words).digest('hex');
}

/**
 * The baseline file for these results: every clue of every readable file, sorted by file, rule and fingerprint,
 * as JSON with a trailing newline. No names: the fingerprint stands for the person. Files that could not be read
 * contribute nothing.
 */
export function writeBaseline(results: FileResult[]): string {
  const clues = results
    .filter((r): r is OkResult => r.ok)
    .flatMap((r) => r.clues.map((clue) => ({ file: fileKey(r.file), rule: clue.rule, fingerprint: fingerprint(clue) })))
    .sort(byEntry);
  const baseline: Baseline = { version: BASELINE_VERSION, clues };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * The stderr line for a clue gone since the baseline: file, rule and the fingerprint's first 12 digits; a
 * version 1 baseline's name too, unless `--redact` asks for none. Made visible by the caller.
 */
export function goneLine(gone: GoneClue, redact: boolean): string {
  const who = gone.who === undefined || gone.who === '' || redact ? '' : ` ${gone.who}`;
  return `gone since the baseline: ${gone.file}: ${gone.rule}${who} (fingerprint ${gone.fingerprint.slice(0, 12)})`;
}

const ENTRY_KEYS = ['file', 'rule', 'fingerprint'] as const;
/** A version 1 entry's keys, in the order version 1 wrote them. */
const NAMED_ENTRY_KEYS = ['file', 'rule', 'who', 'fingerprint'] as const;
const TOP_KEYS = ['version', 'clues'] as const;
const HASH = /^[0-9a-f]{64}$/;

/** Reads a baseline file's text; anything malformed is an InputError naming `file` and the offending key. */
export function parseBaseline(file: string, text: string): Baseline {
  const fail = (message: string): never => {
    throw new InputError(`${file}: invalid baseline: ${message}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data)) return fail(`expected a JSON object with "version" and "clues", got ${describe(data)}`);
  for (const key of Object.keys(data)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) fail(`unknown key "${key}"; a baseline has only "version" and "clues"`);
  }
  if (!('version' in data)) fail(`"version" is missing; expected ${BASELINE_VERSION}`);
  if (data.version !== BASELINE_VERSION && data.version !== NAMED_VERSION) {
    fail(`"version" is ${describe(data.version)}; this version of clues reads baseline versions ${NAMED_VERSION} and ${BASELINE_VERSION}`);
  }
  const version = data.version as Baseline['version'];
  const keys: readonly string[] = version === NAMED_VERSION ? NAMED_ENTRY_KEYS : ENTRY_KEYS;
  if (!('clues' in data)) fail('"clues" is missing; expected an array (empty when there are no known clues)');
  if (!Array.isArray(data.clues)) return fail(`"clues" must be an array, got ${describe(data.clues)}`);
  const clues = data.clues.map((entry: unknown, i: number): BaselineEntry => {
    const at = `clues[${i}]`;
    if (!isObject(entry)) return fail(`"${at}" must be an object with ${keys.join(', ')}, got ${describe(entry)}`);
    for (const key of Object.keys(entry)) {
      if (!keys.includes(key)) {
        const never = version === NAMED_VERSION ? '(never line numbers or quoted words)' : '(never names, line numbers or quoted words)';
        fail(`unknown key "${at}.${key}"; a version ${version} entry has only ${keys.join(', ')} ${never}`);
      }
    }
    for (const key of keys) {
      if (!(key in entry)) fail(`"${at}.${key}" is missing`);
      if (typeof entry[key] !== 'string') fail(`"${at}.${key}" must be a string, got ${describe(entry[key])}`);
    }
    const { file: path, rule, who, fingerprint: hash } = entry as Record<(typeof NAMED_ENTRY_KEYS)[number], string>;
    if (path === '') fail(`"${at}.file" is empty`);
    if (rule === '') fail(`"${at}.rule" is empty`);
    if (!HASH.test(hash)) fail(`"${at}.fingerprint" must be 64 lowercase hex digits (a sha256), got ${describe(hash)}`);
    return version === NAMED_VERSION ? { file: path, rule, who, fingerprint: hash } : { file: path, rule, fingerprint: hash };
  });
  return { version, clues };
}

/**
 * Splits this run's clues against a baseline. `results` keeps every file in order, each with only its new clues
 * (their order unchanged); failed files pass through. A fingerprint is counted: raised twice now and recorded once,
 * one of the two is new (the later one in the file). `gone` lists baseline entries a checked file no longer raises,
 * in baseline order; entries for files not checked in this run, or that could not be read, are neither old nor gone.
 */
export function compareToBaseline(results: FileResult[], baseline: Baseline): { results: FileResult[]; gone: GoneClue[] } {
  /** Per file, per fingerprint: how many the baseline records and not yet matched by a current clue. */
  const known = new Map<string, Map<string, number>>();
  for (const entry of baseline.clues) {
    const counts = known.get(fileKey(entry.file)) ?? new Map<string, number>();
    counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
    known.set(fileKey(entry.file), counts);
  }

  const checked = new Set<string>();
  const compared = results.map((r): FileResult => {
    if (!r.ok) return r;
    const key = fileKey(r.file);
    checked.add(key);
    const counts = known.get(key) ?? new Map<string, number>();
    const old = new Set<Clue>();
    for (const clue of [...r.clues].sort(byPosition)) {
      const hash = fingerprint(clue);
      const left = counts.get(hash) ?? 0;
      if (left > 0) {
        old.add(clue);
        counts.set(hash, left - 1);
      }
    }
    return { ...r, clues: r.clues.filter((clue) => !old.has(clue)) };
  });

  const gone: GoneClue[] = [];
  for (const entry of baseline.clues) {
    const key = fileKey(entry.file);
    if (!checked.has(key)) continue;
    const counts = known.get(key)!;
    const left = counts.get(entry.fingerprint) ?? 0;
    if (left > 0) {
      gone.push(entry);
      counts.set(entry.fingerprint, left - 1);
    }
  }
  return { results: compared, gone };
}

/** The finishing step for `--write-baseline`: hands over the baseline of the results as they stand, unchanged. */
export function recordBaseline(results: FileResult[], { onBaseline }: { onBaseline?: (text: string) => void }): FileResult[] {
  onBaseline?.(writeBaseline(results));
  return results;
}

/** The finishing step for `--baseline`: keeps only new clues, and tells `onGone` of each entry no longer raised. */
export function compareBaseline(results: FileResult[], { baseline, onGone }: { baseline?: Baseline; onGone?: (gone: GoneClue) => void }): FileResult[] {
  if (baseline === undefined) return results;
  const compared = compareToBaseline(results, baseline);
  for (const gone of compared.gone) onGone?.(gone);
  return compared.results;
}

/** A file as the baseline records it and matches it: forward slashes, no `./` or `a/../`, so `./x.txt` is `x.txt`. */
function fileKey(file: string): string {
  if (file.startsWith('<')) return file; // `<stdin>` is a name, not a path
  return posix.normalize(file.replaceAll('\\', '/'));
}

/** Code-unit order, the same on every machine and locale, so a committed baseline does not churn. */
function byEntry(a: BaselineEntry, b: BaselineEntry): number {
  for (const key of ENTRY_KEYS) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
