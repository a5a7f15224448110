/** Mapping offsets in an utterance's joined text back to 1-based line and column in the file. */

import type { Clue, Segment, Utterance } from './types.js';

/** The segment holding `offset` in `utterance.text`: the last one starting at or before it. */
export function segmentAt(utterance: Utterance, offset: number): Segment | undefined {
  // Segments are in offset order; a binary search keeps an utterance of thousands of lines linear to place.
  const { segments } = utterance;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.offset > offset) high = mid - 1;
    else low = mid;
  }
  return segments[low];
}

/** The file line and column of `offset` in `utterance.text` (offsets outside the text are clamped to it). */
export function positionAt(utterance: Utterance, offset: number): { line: number; column: number } {
  const clamped = clamp(utterance, offset);
  const segment = segmentAt(utterance, clamped);
  if (!segment) return { line: utterance.line, column: utterance.column + clamped };
  return { line: segment.line, column: segment.column + (clamped - segment.offset) };
}

/**
 * Where the span `start`–`end` of `utterance.text` ends in the file: the line of its last character and the
 * column just past it (exclusive). A span that runs onto another line of the file ends on that line; trailing
 * spaces are not counted (a space joining two lines is no character of the file). An empty span ends where it starts.
 */
export function endPositionAt(utterance: Utterance, start: number, end: number): { line: number; column: number } {
  const from = clamp(utterance, start);
  let clamped = clamp(utterance, end);
  while (clamped > from && /\s/.test(utterance.text[clamped - 1] as string)) clamped -= 1;
  if (clamped <= from) return positionAt(utterance, from);
  const last = positionAt(utterance, clamped - 1);
  const next = positionAt(utterance, clamped);
  // A last character written as several (`&amp;` in WebVTT, `\u00e9` in JSON) is followed, on the same line,
  // by a segment that starts further on; anywhere else the end is one past the last character.
  return next.line === last.line && next.column > last.column ? next : { line: last.line, column: last.column + 1 };
}

function clamp(utterance: Utterance, offset: number): number {
  return Math.max(0, Math.min(offset, utterance.text.length));
}

/** Orders clues by line, then column, keeping the detectors' order for ties. */
export function byPosition(a: Clue, b: Clue): number {
  return a.line - b.line || a.column - b.column;
}
