/** Parsing the plain-text transcript format reviewers type: `SPEAKER: text` lines, continuations, timestamps, comments. */

import { InputError } from '../errors.js';
import type { Segment, Source, Utterance } from '../types.js';
import { canonicalSpeaker, stripBom } from './text.js';

// The longest speaker label accepted, in characters.
export const MAX_LABEL_LENGTH = 30;

// mm:ss or hh:mm:ss, optionally with a fraction of a second (00:12:31.250).
export const TIME = String.raw`\d{1,2}:[0-5]\d(?::[0-5]\d)?(?:[.,]\d{1,3})?`;
const LONG_TIME = String.raw`\d{1,2}:[0-5]\d:[0-5]\d(?:[.,]\d{1,3})?`;
const BRACKETED_TIME = new RegExp(String.raw`\[(${TIME})\]|\((${TIME})\)`, 'y');
// A bare hh:mm:ss is never speech; a bare 12:31 might be, so it counts only before a label or on its own line.
const BARE_LONG_TIME = new RegExp(String.raw`(${LONG_TIME})(?=\s|$)`, 'y');
const BARE_ANY_TIME = new RegExp(String.raw`(${TIME})(?=\s|$)`, 'y');

const TITLE_WITH_STOP = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Fr|Sr|Jr|St|Sgt|Insp|Det|DC|DS|DI|PC)\.`;
const INITIALS = String.raw`(?:\p{Lu}\.)+`;
const CAPITALISED_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’-]*`;
const FIRST_LABEL_WORD = `(?:${TITLE_WITH_STOP}|${INITIALS}|${CAPITALISED_WORD})`;
const NEXT_LABEL_WORD = String.raw`(?:${FIRST_LABEL_WORD}|\p{N}+)`;
// 1–4 words, each capitalised (or a number after the first: `Speaker 1`); the colon is checked separately.
const NAME_LABEL = new RegExp(String.raw`${FIRST_LABEL_WORD}(?:[ \t]+${NEXT_LABEL_WORD}){0,3}`, 'uy');
// Court style `Q.` / `A.`: only these single letters may end with a period instead of a colon.
const COURT_LABEL = /([QA])\.(?=\s|$)/y;
const SPACES = /[ \t]*/y;

/** A line that starts a new turn: who speaks, any timestamp, and where their words begin. */
interface LabelledLine {
  label: string;
  time?: string;
  textStart: number;
}

/** An utterance being assembled line by line. */
interface DraftUtterance {
  speaker: string;
  time?: string;
  text: string;
  segments: Segment[];
  /** Where the text would start on the label line, used when the turn has no words at all. */
  labelLine: number;
  labelTextColumn: number;
}

/** Splits a plain-text transcript into utterances with exact file positions; throws InputError when it has no speaker labels. */
export function parsePlain(source: Source): Utterance[] {
  const lines = splitLines(stripBom(source.text));
  const spellings = new Map<string, string>();
  const drafts: DraftUtterance[] = [];
  let current: DraftUtterance | undefined;
  let pendingTime: string | undefined;

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.trimEnd();
    const start = firstNonSpace(line);
    if (start === -1 || line[start] === '#') return;

    const labelled = readLabel(line, start);
    if (labelled) {
      // A timestamp on its own line just before the label comes first, so it wins.
      const speaker = canonicalSpeaker(labelled.label, spellings);
      current = startUtterance(speaker, pendingTime ?? labelled.time, lineNumber, labelled.textStart + 1);
      pendingTime = undefined;
      drafts.push(current);
      appendText(current, line, labelled.textStart, lineNumber);
      return;
    }

    const timeOnly = timestampOnly(line, start);
    if (timeOnly !== undefined) {
      pendingTime = timeOnly;
      return;
    }

    pendingTime = undefined;
    if (!current) return; // title or preamble before the first speaker
    appendText(current, line, skipLeadingTimestamp(line, start), lineNumber);
  });

  if (drafts.length === 0) {
    throw new InputError(`${source.file}: no speaker labels found; expected lines like "SW: How are things at home?"`);
  }
  return drafts.map(toUtterance);
}

/** Reads a speaker label (with any timestamps around it) at `start`, or returns undefined when the line is not labelled. */
function readLabel(line: string, start: number): LabelledLine | undefined {
  let position = start;
  const before = timestampAt(line, position, true);
  if (before) position = skipSpaces(line, before.end);

  const label = readNameLabel(line, position) ?? readCourtLabel(line, position);
  if (!label) return undefined;

  position = skipSpaces(line, label.end);
  const after = timestampAt(line, position, false);
  if (after) position = skipSpaces(line, after.end);

  const time = before?.time ?? label.time ?? after?.time;
  return time === undefined
    ? { label: label.label, textStart: position }
    : { label: label.label, time, textStart: position };
}

function readNameLabel(line: string, start: number): { label: string; time?: string; end: number } | undefined {
  NAME_LABEL.lastIndex = start;
  const words = NAME_LABEL.exec(line);
  if (!words) return undefined;
  const label = words[0].replace(/[ \t]+/g, ' ');
  if (label.length > MAX_LABEL_LENGTH) return undefined;

  // `SW [00:12:31]: ...` puts the timestamp between the label and its colon.
  let position = skipSpaces(line, NAME_LABEL.lastIndex);
  const inner = timestampAt(line, position, false);
  if (inner) position = skipSpaces(line, inner.end);
  // `At 10:30 he came` is a time of day, not a speaker called "At 10".
  if (line[position] !== ':' || /\d/.test(line[position + 1] ?? '')) return undefined;
  return inner ? { label, time: inner.time, end: position + 1 } : { label, end: position + 1 };
}

function readCourtLabel(line: string, start: number): { label: string; time?: string; end: number } | undefined {
  COURT_LABEL.lastIndex = start;
  const match = COURT_LABEL.exec(line);
  return match?.[1] ? { label: match[1], end: COURT_LABEL.lastIndex } : undefined;
}

/** A timestamp starting at `position`, without its brackets; bare `12:31` only when `allowShortBare`. */
function timestampAt(line: string, position: number, allowShortBare: boolean): { time: string; end: number } | undefined {
  BRACKETED_TIME.lastIndex = position;
  const bracketed = BRACKETED_TIME.exec(line);
  if (bracketed) return { time: (bracketed[1] ?? bracketed[2]) as string, end: BRACKETED_TIME.lastIndex };
  const bare = allowShortBare ? BARE_ANY_TIME : BARE_LONG_TIME;
  bare.lastIndex = position;
  const match = bare.exec(line);
  return match?.[1] ? { time: match[1], end: bare.lastIndex } : undefined;
}

function timestampOnly(line: string, start: number): string | undefined {
  const found = timestampAt(line, start, true);
  return found && found.end === line.length ? found.time : undefined;
}

/** Continuation lines may start with a running timestamp; it is not speech, so the text starts after it. */
function skipLeadingTimestamp(line: string, start: number): number {
  const found = timestampAt(line, start, false);
  return found ? skipSpaces(line, found.end) : start;
}

function startUtterance(speaker: string, time: string | undefined, labelLine: number, labelTextColumn: number): DraftUtterance {
  const draft: DraftUtterance = { speaker, text: '', segments: [], labelLine, labelTextColumn };
  if (time !== undefined) draft.time = time;
  return draft;
}

function appendText(draft: DraftUtterance, line: string, textStart: number, lineNumber: number): void {
  if (textStart >= line.length) return;
  const piece = line.slice(textStart);
  if (draft.text !== '') draft.text += ' ';
  draft.segments.push({ offset: draft.text.length, line: lineNumber, column: textStart + 1 });
  draft.text += piece;
}

function toUtterance(draft: DraftUtterance, index: number): Utterance {
  const segments =
    draft.segments.length > 0 ? draft.segments : [{ offset: 0, line: draft.labelLine, column: draft.labelTextColumn }];
  const first = segments[0] as Segment;
  return {
    index,
    speaker: draft.speaker,
    text: draft.text,
    line: first.line,
    column: first.column,
    ...(draft.time === undefined ? {} : { time: draft.time }),
    segments,
  };
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function firstNonSpace(line: string): number {
  return line.search(/\S/);
}

function skipSpaces(line: string, position: number): number {
  SPACES.lastIndex = position;
  SPACES.exec(line);
  return SPACES.lastIndex;
}
