import type { Clue, Evidence, FileResult, Person, Speaker } from '../types.js';
import { byPosition } from './text.js';

type OkResult = Extract<FileResult, { ok: true }>;

// JSON.stringify leaves these raw; escaping them keeps the output valid and harmless when printed.
const RAW_INVISIBLE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Machine-readable report, `version` 1: readable files with their clues, and the files that failed. Fields added
 * since (a clue's `confidence`, a person's `introducedBy`, evidence `endLine`/`endColumn` and `time`, a file's
 * `lineUnit` and `suppressed` count) are optional, so consumers that ignore unknown keys keep working.
 */
export function json(results: FileResult[]): string {
  const document = {
    version: 1,
    files: results.filter((r): r is OkResult => r.ok).map(fileJson),
    errors: results.flatMap((r) => (r.ok ? [] : [{ file: r.file, message: r.error }])),
  };
  return `${stringify(document, 2)}\n`;
}

/** JSON text with the invisible and line-separator characters JSON leaves raw escaped as `\uXXXX`. */
export function stringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fileJson(result: OkResult) {
  return {
    file: result.file,
    ...(result.lineUnit === 'paragraph' ? { lineUnit: 'paragraph' } : {}),
    ...(result.suppressed ? { suppressed: result.suppressed } : {}),
    speakers: result.speakers.map(speakerJson),
    people: result.people.map(personJson),
    clues: [...result.clues].sort(byPosition).map(clueJson),
  };
}

function speakerJson(speaker: Speaker) {
  return { label: speaker.label, role: speaker.role };
}

function personJson(person: Person) {
  return {
    name: person.name,
    aliases: [...person.aliases],
    class: person.personClass,
    roles: [...person.roles],
    lines: [...new Set(person.mentions.map((m) => m.line))].sort((a, b) => a - b),
    ...(person.introducedBy ? { introducedBy: person.introducedBy } : {}),
  };
}

/** One clue as `--format json` and `--format jsonl` print it. */
export function clueJson(clue: Clue) {
  return {
    rule: clue.rule,
    kind: clue.kind,
    severity: clue.severity,
    file: clue.file,
    line: clue.line,
    column: clue.column,
    lines: [...clue.lines],
    who: clue.who,
    speaker: clue.speaker,
    message: clue.message,
    evidence: clue.evidence.map(evidenceJson),
    ...(clue.confidence === undefined ? {} : { confidence: clue.confidence }),
  };
}

/** Quoted words with where they start and, when known, where they end (`endColumn` one past the last character). */
function evidenceJson(evidence: Evidence) {
  return {
    line: evidence.line,
    column: evidence.column,
    ...(evidence.endLine === undefined || evidence.endColumn === undefined
      ? {}
      : { endLine: evidence.endLine, endColumn: evidence.endColumn }),
    text: evidence.text,
    ...(evidence.time === undefined ? {} : { time: evidence.time }),
  };
}
