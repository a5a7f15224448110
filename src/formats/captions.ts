/**
 * The caption engine WebVTT and SubRip share: cue timing lines, and cues to utterances.
 *
 * Cue timing lines are read by webvtt-parser (W3C's WebVTT validator), which checks timestamps to the
 * letter of the spec and says what is wrong with them. The block structure and the cue text are read
 * by hand (here and in vtt.ts, srt.ts), because no caption library keeps file positions: every word of an
 * utterance must map back to its line and column (see `Segment`), across voice tags, inline tags and
 * decoded entities.
 */

import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import type { Segment, Utterance } from '../types.js';
import { canonicalSpeaker, clockTime } from './text.js';
import { readColonLabel } from './label.js';
import { quote } from '../visible.js';

/** The part of webvtt-parser used here; the package ships no types. */
interface WebVttParserModule {
  WebVTTCueTimingsAndSettingsParser: new (
    line: string,
    onError: (message: string, column: number) => void,
  ) => { parse(cue: { startTime?: number; endTime?: number }, previousCueStart: number): boolean | undefined };
}

const require = createRequire(import.meta.url);
const webvtt = require('webvtt-parser') as WebVttParserModule;
// The HTML named character references WebVTT allows (`&amp;`, `&eacute;`…), as webvtt-parser ships them.
const ENTITIES = require('webvtt-parser/html-entities.json') as Record<string, string>;

/** Label for a speaker the captions do not name (live captions that mark turns only with `>>`). */
export const UNNAMED_SPEAKER = 'Speaker';

/** One line of cue text, as written, with its 1-based line number. */
export interface CueLine {
  text: string;
  line: number;
}

/** A caption cue: when it starts (seconds) and its text lines. */
export interface Cue {
  start: number;
  lines: CueLine[];
}

/** How a format marks up cue text. */
export interface CueMarkup {
  /** Decode `&amp;`-style character references (WebVTT); SRT text is literal. */
  entities: boolean;
  /** Strip `{\an8}`-style override codes that SRT files carry over from SSA. */
  overrideCodes: boolean;
}

/** What separates a cue's start and end times. */
export const ARROW = '-->';

/**
 * Reads a cue timing line (`00:00:01.000 --> 00:00:04.000 align:start`) and returns the start in seconds.
 * For SRT the comma before milliseconds is read as a period. Cue settings are not checked; bad timestamps,
 * and a timing line cut short, throw InputError.
 */
export function readTiming(file: string, line: string, lineNumber: number, atEndOfFile: boolean, srt: boolean): number {
  const text = srt ? line.replace(/(\d),(\d)/g, '$1.$2') : line;
  const errors: string[] = [];
  const cue: { startTime?: number; endTime?: number } = {};
  const parsed = new webvtt.WebVTTCueTimingsAndSettingsParser(text, (message) => errors.push(message)).parse(cue, 0);
  if (parsed && cue.startTime !== undefined) return cue.startTime;

  const arrow = line.indexOf(ARROW);
  const startText = (arrow === -1 ? line : line.slice(0, arrow)).trim();
  const endText = arrow === -1 ? '' : (line.slice(arrow + ARROW.length).trim().split(/[ \t]/)[0] ?? '');
  const prefix = atEndOfFile ? 'truncated cue: ' : '';
  if (cue.startTime !== undefined && endText === '') {
    throw new InputError(`${file}:${lineNumber}: truncated cue: timing line ${quote(clip(line.trim()))} has no end time`);
  }
  const failsAtStart = cue.startTime === undefined;
  const failing = failsAtStart ? startText : endText;
  const searchFrom = failsAtStart || arrow === -1 ? 0 : arrow + ARROW.length;
  const column = Math.max(1, line.indexOf(failing, searchFrom) + 1);
  const reason = (errors.at(-1) ?? 'not a timestamp').replace(/\.$/, '');
  const example = srt ? '00:01:02,500' : '00:01:02.500';
  throw new InputError(
    `${file}:${lineNumber}: ${prefix}bad timestamp ${quote(clip(failing))} at column ${column}: ` +
      `${reason.charAt(0).toLowerCase()}${reason.slice(1)} (expected hh:mm:ss${srt ? ',' : '.'}ttt like ${example})`,
  );
}

/**
 * The cue whose timing line is line `timingIndex` (0-based): its start and its text lines, which run to a blank
 * line or to a line `startsCue` says begins the next cue; `next` is the line after it. A timing line at the end of
 * the file with no text is a truncated cue (InputError).
 */
export function readCue(
  file: string,
  lines: string[],
  timingIndex: number,
  lastContent: number,
  srt: boolean,
  startsCue: (index: number) => boolean,
): { cue: Cue; next: number } {
  const start = readTiming(file, lines[timingIndex] as string, timingIndex + 1, timingIndex === lastContent, srt);
  const cue: Cue = { start, lines: [] };
  let index = timingIndex + 1;
  while (index < lines.length && !isBlank(lines[index]) && !startsCue(index)) {
    cue.lines.push({ text: lines[index] as string, line: index + 1 });
    index += 1;
  }
  if (cue.lines.length === 0 && timingIndex === lastContent) {
    throw new InputError(`${file}:${timingIndex + 1}: truncated cue: no text after the timing line at the end of the file`);
  }
  return { cue, next: index };
}

/** A piece of utterance text and where it is in the file: verbatim text, or one decoded character reference. */
interface Run {
  text: string;
  line: number;
  column: number;
  verbatim: boolean;
}

/** What a cue's text says, in order: who speaks, where a new turn starts, and the words. */
type Item = { kind: 'speaker'; name: string } | { kind: 'turn' } | { kind: 'text'; runs: Run[] };

interface Draft {
  speaker: string | undefined;
  time: string;
  text: string;
  segments: Segment[];
}

/**
 * Turns cues into utterances. Who speaks comes from `<v Name>` voice spans, else from `Name:` at the start
 * of a line (never both: a file that uses voice spans names speakers only with them); a cue with neither
 * continues the previous speaker, and consecutive cues of one speaker join into one utterance. `>>` starts
 * a new turn by a speaker the captions do not name (`Speaker`). A cue whose text repeats the previous cue's
 * exactly (live captioning tools resend cues) is dropped, and so are sound notes before anyone speaks.
 */
export function utterancesFromCues(file: string, cues: Cue[], markup: CueMarkup): Utterance[] {
  const usesVoices = cues.some((cue) => cue.lines.some((line) => /<v[ \t.]/.test(line.text)));
  const spellings = new Map<string, string>();
  const drafts: Draft[] = [];
  let speaker: string | undefined;
  let current: Draft | undefined;
  let previousText: string | undefined;

  for (const cue of cues) {
    const raw = cue.lines.map((line) => line.text.trim()).join('\n');
    if (raw !== '' && raw === previousText) continue;
    previousText = raw;
    const time = clockTime(cue.start);
    const state: LineState = { inVoice: false, labels: !usesVoices };
    const items: Item[] = [];
    for (const line of cue.lines) readCueLine(line, state, markup, items);

    for (const item of items) {
      if (item.kind === 'speaker') {
        const name = canonicalSpeaker(item.name, spellings);
        if (current && current.speaker !== name) current = undefined;
        speaker = name;
      } else if (item.kind === 'turn') {
        current = undefined;
        speaker = undefined;
      } else {
        // A sound note before anyone speaks (`[jaunty piano tune]`) is no one's words.
        if (drafts.length === 0 && speaker === undefined && isSoundNote(item.runs.map((run) => run.text).join(''))) continue;
        if (!current) {
          current = { speaker, time, text: '', segments: [] };
          drafts.push(current);
        }
        appendRuns(current, item.runs, time);
      }
    }
  }

  if (drafts.length === 0) throw new InputError(`${file}: no caption text found in any cue`);
  return drafts.map((draft, index) => toUtterance(draft, index));
}

interface LineState {
  /** Inside a `<v>` span of the current cue: its speaker is set, so `Name:` is not read. */
  inVoice: boolean;
  /** Whether `Name:` prefixes name speakers in this file. */
  labels: boolean;
}

/** Reads one line of cue text into items: speaker changes, turn markers and runs of words with their columns. */
function readCueLine(cueLine: CueLine, state: LineState, markup: CueMarkup, items: Item[]): void {
  const { text, line } = cueLine;
  let chunk: Run[] = [];
  const flush = (): void => {
    const runs = trimRuns(chunk);
    if (runs.length > 0) items.push({ kind: 'text', runs });
    chunk = [];
  };
  // At the start of the line or just after `>>`, where a `Name:` label may stand.
  let atTurnStart = true;
  let position = 0;

  while (position < text.length) {
    const char = text[position] as string;
    if (char === '<') {
      const tag = readTag(text, position);
      if (tag) {
        if (tag.name === 'v' && tag.annotation !== '') {
          flush();
          items.push({ kind: 'speaker', name: markup.entities ? decodeEntities(tag.annotation) : tag.annotation });
          state.inVoice = true;
          atTurnStart = false;
        }
        position = tag.end;
        continue;
      }
    }
    if (markup.overrideCodes && char === '{' && text[position + 1] === '\\') {
      const close = text.indexOf('}', position);
      if (close !== -1) {
        position = close + 1;
        continue;
      }
    }
    if (char === '>' && text[position + 1] === '>') {
      flush();
      items.push({ kind: 'turn' });
      state.inVoice = false;
      while (text[position] === '>') position += 1;
      atTurnStart = true;
      continue;
    }
    if (atTurnStart) {
      if (/\s/.test(char)) {
        position += 1;
        continue;
      }
      atTurnStart = false;
      const label = state.labels && !state.inVoice ? readColonLabel(text, position) : undefined;
      if (label) {
        flush();
        items.push({ kind: 'speaker', name: label.label });
        position = label.end;
        continue;
      }
    }
    if (markup.entities && char === '&') {
      const reference = readEntity(text, position);
      if (reference) {
        chunk.push({ text: reference.value, line, column: position + 1, verbatim: false });
        position = reference.end;
        continue;
      }
    }
    // Plain words up to the next character that may start markup (a lone one is taken literally).
    let end = position + 1;
    while (end < text.length && !'<&{>'.includes(text[end] as string)) end += 1;
    chunk.push({ text: text.slice(position, end), line, column: position + 1, verbatim: true });
    position = end;
  }
  flush();
}

/** Drops whitespace at both ends of a chunk of runs, keeping each run's column right. */
function trimRuns(runs: Run[]): Run[] {
  const result = runs.filter((run) => run.text !== '');
  while (result.length > 0) {
    const first = result[0] as Run;
    const trimmed = first.text.replace(/^\s+/, '');
    if (trimmed === first.text) break;
    if (trimmed === '' || !first.verbatim) result.shift();
    else result[0] = { ...first, text: trimmed, column: first.column + (first.text.length - trimmed.length) };
  }
  while (result.length > 0) {
    const last = result[result.length - 1] as Run;
    const trimmed = last.text.replace(/\s+$/, '');
    if (trimmed === last.text) break;
    if (trimmed === '' || !last.verbatim) result.pop();
    else result[result.length - 1] = { ...last, text: trimmed };
  }
  return result;
}

/**
 * Appends a chunk of a cue starting at `time` to an utterance, a single space after what it has; a new segment,
 * carrying the cue's time, starts wherever the mapping jumps.
 */
function appendRuns(draft: Draft, runs: Run[], time: string): void {
  if (draft.text !== '') draft.text += ' ';
  for (const run of runs) {
    const offset = draft.text.length;
    const last = draft.segments[draft.segments.length - 1];
    const continues =
      last !== undefined && last.time === time && last.line === run.line && last.column + (offset - last.offset) === run.column;
    if (!continues) draft.segments.push({ offset, line: run.line, column: run.column, time });
    draft.text += run.text;
  }
}

function toUtterance(draft: Draft, index: number): Utterance {
  const first = draft.segments[0] as Segment;
  return {
    index,
    speaker: draft.speaker ?? UNNAMED_SPEAKER,
    text: draft.text,
    line: first.line,
    column: first.column,
    time: draft.time,
    segments: draft.segments,
  };
}

/** A markup tag at `position` (`<v.loud Ann>`, `</i>`, `<c.red>`, `<00:00:01.000>`, `<font color="red">`), or undefined if `<` is literal. */
function readTag(text: string, position: number): { name: string; annotation: string; end: number } | undefined {
  if (!/[A-Za-z0-9/]/.test(text[position + 1] ?? '')) return undefined;
  const close = text.indexOf('>', position);
  if (close === -1) return undefined;
  const inner = text.slice(position + 1, close);
  if (inner.includes('<')) return undefined;
  const match = /^(\/?[A-Za-z][A-Za-z0-9]*|[0-9][0-9:.]*)((?:\.[^\s.]*)*)(?:[ \t\f]+(.*))?$/s.exec(inner);
  const name = match?.[1] ?? inner;
  const annotation = (match?.[3] ?? '').trim().replace(/\s+/g, ' ');
  return { name, annotation, end: close + 1 };
}

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** A character reference (`&amp;`, `&#39;`, `&#x2019;`) at `position`, decoded; undefined when it is not one. */
function readEntity(text: string, position: number): { value: string; end: number } | undefined {
  REFERENCE.lastIndex = position;
  const match = REFERENCE.exec(text);
  const body = match?.[1];
  if (!body) return undefined;
  let value: string | undefined;
  if (body.startsWith('#')) {
    const code = /^#[xX]/.test(body) ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    value = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  } else {
    value = ENTITIES[`&${body};`];
  }
  return value === undefined ? undefined : { value, end: REFERENCE.lastIndex };
}

function decodeEntities(text: string): string {
  let result = '';
  let position = 0;
  while (position < text.length) {
    const reference = text[position] === '&' ? readEntity(text, position) : undefined;
    if (reference) {
      result += reference.value;
      position = reference.end;
    } else {
      result += text[position];
      position += 1;
    }
  }
  return result;
}

/** Text that is only sound notes and punctuation: `[jaunty piano tune]`, `(music)`, `♪ ♪`. */
function isSoundNote(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text.replace(/\[[^\]]*\]|\([^)]*\)/g, ''));
}


/** Lines of the text without a byte-order mark, split at CRLF, LF or CR. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** The index of the last line with anything on it (-1 for an empty file). */
export function lastContentLine(lines: string[]): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) if (!isBlank(lines[index])) return index;
  return -1;
}

/** A line quoted in a message, cut short when long. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
