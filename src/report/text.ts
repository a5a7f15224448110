import { relative, resolve, sep } from 'node:path';
import type { Clue, Evidence, FileResult } from '../types.js';

// C0, DEL, C1, and the bidi/direction marks that can reorder what a terminal shows.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control and bidi characters with visible escapes (`\x1b`, `\u202e`) so text cannot drive the terminal. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

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

/** Orders clues by line, then column, keeping the detectors' order for ties. */
export function byPosition(a: Clue, b: Clue): number {
  return a.line - b.line || a.column - b.column;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

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
