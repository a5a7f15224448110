import type { Clue, Evidence, FileResult, Person, Speaker } from '../types.js';
import { visibleInField } from '../visible.js';
import { byPosition } from './text.js';

type OkResult = Extract<FileResult, { ok: true }>;

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

/**
 * JSON text whose strings hold no control or bidi characters: a consumer that prints a field shows `\x1b` or
 * `U+202E`, never the character itself. Line feeds and tabs stay (JSON escapes them, and a rule's help and a
 * multi-line quote need them). U+2028 and U+2029, which JSON leaves raw, are shown too. Keys are the reporters' own.
 */
export function stringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' ? visibleInField(field) : field), indent);
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
