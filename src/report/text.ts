import { relative, resolve, sep } from 'node:path';
import type { Clue, Evidence, FileResult } from '../types.js';

export { visible } from '../visible.js';

/** Shortens text to at most `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `1 clue`, `2 clues`; pass the plural when it is not the word plus `s`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** `, 2 silenced by clues-ignore` when directives in the transcripts silenced any clues, so a summary never hides them. */
export function silenced(results: FileResult[]): string {
  const count = results.reduce((sum, r) => sum + (r.ok ? (r.suppressed ?? 0) : 0), 0);
  return count > 0 ? `, ${count} silenced by clues-ignore` : '';
}

export { byPosition } from '../position.js';

/** The path of a reported file relative to the current directory, with forward slashes. */
export function relativePath(file: string): string {
  return relative(process.cwd(), resolve(file)).split(sep).join('/');
}

/** The quoted words at the clue's own position, else the first quoted on its line. */
export function primaryEvidence(clue: Clue): Evidence | undefined {
  return (
    clue.evidence.find((e) => e.line === clue.line && e.column === clue.column) ??
    clue.evidence.find((e) => e.line === clue.line)
  );
}

/** Where quoted words starting at `at` end (exclusive column), when the evidence records an end after `at`. */
export function evidenceEnd(at: { line: number; column: number }, quoted: Evidence | undefined): { line: number; column: number } | undefined {
  if (quoted?.endLine === undefined || quoted.endColumn === undefined) return undefined;
  const after = quoted.endLine > at.line || (quoted.endLine === at.line && quoted.endColumn > at.column);
  return after ? { line: quoted.endLine, column: quoted.endColumn } : undefined;
}
