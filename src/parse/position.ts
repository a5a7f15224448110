/** Mapping offsets in an utterance's joined text back to 1-based line and column in the file. */

import type { Utterance } from '../types.js';

/** The file line and column of `offset` in `utterance.text` (offsets outside the text are clamped to it). */
export function positionAt(utterance: Utterance, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, utterance.text.length));
  let segment = utterance.segments[0];
  for (const candidate of utterance.segments) {
    if (candidate.offset > clamped) break;
    segment = candidate;
  }
  if (!segment) return { line: utterance.line, column: utterance.column + clamped };
  return { line: segment.line, column: segment.column + (clamped - segment.offset) };
}
