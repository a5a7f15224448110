/**
 * Parsing speech-to-text JSON: Whisper / WhisperX `{"segments": [{start, end, text, speaker?}]}` and a plain
 * array `[{speaker, text, start?, end?}]`. JSON.parse reads the values; jsonc-parser's syntax tree says where each
 * value sits in the file, so every character of an utterance maps back to the exact place in its string literal.
 */

import { parseTree, type Node } from 'jsonc-parser';
import { InputError } from '../errors.js';
import { quote } from '../visible.js';
import type { ParsedTranscript, Segment, Utterance } from '../types.js';
import { defineFormat, type SourceText } from './define.js';
import { clockTime, lineColumn, lineOf, lineStarts, stripBom } from './text.js';

/** The label given to segments that carry no `speaker` (plain Whisper output is not diarised). */
export const DEFAULT_WHISPER_SPEAKER = 'Speaker';


/** Speech-to-text JSON (Whisper, WhisperX), recognised as text that parses as JSON; it has no comments, so no directives. */
export const whisper = defineFormat({
  name: 'json',
  extensions: ['.json'],
  sniff: { by: 'start', test: (head) => looksLikeJson(head) },
  parse: (source) => parseWhisperJson(source),
});

/** True when `text` is a JSON document (an object or an array). */
export function looksLikeJson(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

// Where JSON transcripts keep their segments, as parseWhisperJson reads them: Whisper and WhisperX `segments`,
// or a bare array of segments.
const SEGMENT_KEYS = ['segments'];

/**
 * True when `text` is JSON holding a non-empty list of segments (objects with a string `text`): what a directory
 * walk takes a `.json` file to be a transcript by. `package.json`, `tsconfig.json` and annotation files are not.
 */
export function looksLikeJsonTranscript(text: string): boolean {
  return jsonKind(text) === 'transcript';
}

/** What a `.json` file holds: a transcript (segments), some `other` JSON document, or text that is not JSON at all. */
export function jsonKind(text: string): 'transcript' | 'other' | 'invalid' {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return 'invalid';
  }
  if (isSegmentList(value)) return 'transcript';
  if (typeof value !== 'object' || value === null) return 'other';
  const record = value as Record<string, unknown>;
  return SEGMENT_KEYS.some((key) => isSegmentList(record[key])) ? 'transcript' : 'other';
}

function isSegmentList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.slice(0, 5).every((item) => typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string');
}

/** A segment checked against the expected shape: its speaker, start time and where its text literal is. */
interface CheckedSegment {
  speaker: string;
  time?: string;
  /** Offset of the opening quote of the `text` string literal. */
  textAt: number;
}

/** An utterance being assembled from segments: characters and the file offset of each (`-1` for a joining space). */
interface Draft {
  speaker: string;
  time?: string;
  chars: string[];
  offsets: number[];
  /** Where each JSON segment's text starts in `chars`, and its start time. */
  starts: Array<{ at: number; time?: string }>;
}

/** Parses Whisper-style JSON into utterances (consecutive segments of one speaker joined); throws InputError naming file, line and JSON path. */
export function parseWhisperJson(source: SourceText): ParsedTranscript {
  const text = stripBom(source.text);
  const lines = lineStarts(text);
  const where = (offset: number | undefined): string =>
    offset === undefined ? source.file : `${source.file}:${lineOf(lines, offset)}`;

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The line is in the prefix; JSON.parse's own `at position 37 (line 3 column 21)` would repeat it.
    // V8 quotes the text around the fault (`Unexpected token 'S', "Steven Sm"... is not valid JSON`): transcript words.
    const reason = message
      .replace(/\s+in JSON at position \d+(?:\s*\(line \d+ column \d+\))?$/, '')
      .replace(/"([\s\S]*)"(?=(?:\.\.\.)? is not valid JSON$)/, (_, words: string) => quote(words));
    throw new InputError(`${where(syntaxErrorOffset(message, text))}: not valid JSON: ${reason}`);
  }

  const { list, base } = segmentList(data);
  const located = locateValues(syntaxTree(source.file, text), base);
  if (!list) {
    throw new InputError(
      `${where(located.get(''))}: expected Whisper JSON: {"segments": [{"start", "end", "text", "speaker"?}]} or [{"speaker", "text", "start"?}]`,
    );
  }
  const segments = list.map((item, index) => checkSegment(item, `${base}[${index}]`, located, where));

  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const segment of segments) {
    const decoded = decodeStringLiteral(text, segment.textAt);
    const { chars, offsets } = normaliseSpace(decoded.chars, decoded.offsets);
    if (chars.length === 0) continue;
    if (!current || current.speaker !== segment.speaker) {
      current = { speaker: segment.speaker, chars: [], offsets: [], starts: [] };
      if (segment.time !== undefined) current.time = segment.time;
      drafts.push(current);
    } else {
      current.chars.push(' ');
      current.offsets.push(-1);
    }
    current.starts.push(segment.time === undefined ? { at: current.chars.length } : { at: current.chars.length, time: segment.time });
    for (let i = 0; i < chars.length; i += 1) {
      current.chars.push(chars[i] as string);
      current.offsets.push(offsets[i] as number);
    }
  }
  if (drafts.length === 0) {
    const empty = list.length === 0 ? `"${base || 'the array'}" is empty` : 'every segment has empty text';
    throw new InputError(`${where(located.get(base))}: no speech found: ${empty}`);
  }
  return { utterances: drafts.map((draft, index) => toUtterance(draft, index, lines)) };
}

/** The list of segments and its JSON path, or no list when the top level has neither shape. */
function segmentList(data: unknown): { list?: unknown[]; base: string } {
  if (Array.isArray(data)) return { list: data, base: '' };
  if (isObject(data) && Array.isArray(data.segments)) return { list: data.segments, base: 'segments' };
  return { base: '' };
}

function checkSegment(
  item: unknown,
  path: string,
  located: Map<string, number>,
  where: (offset: number | undefined) => string,
): CheckedSegment {
  const fail = (field: string, expected: string, value: unknown): never => {
    const at = located.get(`${path}.${field}`) ?? located.get(path);
    const found = value === undefined ? 'it is missing' : `found ${describe(value)}`;
    throw new InputError(`${where(at)}: ${path}.${field} must be ${expected} (${found})`);
  };
  if (!isObject(item)) {
    throw new InputError(`${where(located.get(path))}: ${path} must be an object with "text" (found ${describe(item)})`);
  }
  if (typeof item.text !== 'string') return fail('text', 'a string', item.text);
  const textAt = located.get(`${path}.text`);
  if (textAt === undefined) throw new Error(`scanner lost ${path}.text`); // cannot happen for valid JSON

  let speaker = DEFAULT_WHISPER_SPEAKER;
  if (typeof item.speaker === 'string' && item.speaker.trim() !== '') speaker = item.speaker.trim();
  else if (typeof item.speaker === 'number') speaker = String(item.speaker);
  else if (item.speaker !== undefined && item.speaker !== null && item.speaker !== '') {
    return fail('speaker', 'a string', item.speaker);
  }

  const checked: CheckedSegment = { speaker, textAt };
  if (typeof item.start === 'number' && Number.isFinite(item.start) && item.start >= 0) {
    checked.time = clockTime(item.start);
  } else if (typeof item.start === 'string' && /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?$/.test(item.start.trim())) {
    checked.time = item.start.trim().replace(/[.,]\d+$/, '');
  } else if (item.start !== undefined && item.start !== null) {
    return fail('start', 'a number of seconds', item.start);
  }
  return checked;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Locating values in text that JSON.parse has already accepted.

/** jsonc-parser's syntax tree of the text; a file nested too deeply for it is an input error, not a crash. */
function syntaxTree(file: string, text: string): Node | undefined {
  try {
    return parseTree(text);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${file}: JSON nested too deeply to read`);
    throw error;
  }
}

/**
 * Map from JSON path (`segments[3].text`, `[0].speaker`, `` for the top level) to the offset where its value
 * starts, for the top level, the segment list at `base` and each segment's fields. Of keys written twice, the last
 * counts, as in JSON.parse.
 */
function locateValues(root: Node | undefined, base: string): Map<string, number> {
  const located = new Map<string, number>();
  if (!root) return located;
  located.set('', root.offset);
  const list = base === '' ? root : propertyValue(root, base);
  if (list === undefined || list.type !== 'array') return located;
  located.set(base, list.offset);
  list.children?.forEach((segment, index) => {
    const path = `${base}[${index}]`;
    located.set(path, segment.offset);
    if (segment.type !== 'object') return;
    for (const property of segment.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) located.set(`${path}.${String(key.value)}`, value.offset);
    }
  });
  return located;
}

/** The value of an object's last property called `key`. */
function propertyValue(object: Node, key: string): Node | undefined {
  let value: Node | undefined;
  for (const property of object.type === 'object' ? (object.children ?? []) : []) {
    if (property.children?.[0]?.value === key) value = property.children[1];
  }
  return value;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes the string literal opening at `start`, keeping for each decoded UTF-16 unit the offset of its source (the `\` of an escape). */
function decodeStringLiteral(text: string, start: number): { chars: string[]; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\') {
      const kind = text[i + 1] ?? '';
      if (kind === 'u') {
        chars.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        offsets.push(i);
        i += 6;
      } else {
        chars.push(SIMPLE_ESCAPES[kind] ?? kind);
        offsets.push(i);
        i += 2;
      }
    } else {
      chars.push(text[i] as string);
      offsets.push(i);
      i += 1;
    }
  }
  return { chars, offsets };
}

/** Trims the text and turns each run of whitespace (including decoded `\n`) into one space, keeping offsets. */
function normaliseSpace(chars: string[], offsets: number[]): { chars: string[]; offsets: number[] } {
  const out: string[] = [];
  const at: number[] = [];
  let pendingSpace = -1;
  chars.forEach((ch, index) => {
    if (/\s/.test(ch)) {
      if (out.length > 0 && pendingSpace === -1) pendingSpace = offsets[index] as number;
      return;
    }
    if (pendingSpace !== -1) {
      out.push(' ');
      at.push(pendingSpace);
      pendingSpace = -1;
    }
    out.push(ch);
    at.push(offsets[index] as number);
  });
  return { chars: out, offsets: at };
}

/** The offset a JSON.parse error message names, if any (`at position 12`, or `line 3 column 5` in newer engines). */
function syntaxErrorOffset(message: string, text: string): number | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const starts = lineStarts(text);
    const start = starts[Number(lineColumn[1]) - 1];
    if (start !== undefined) return start + Number(lineColumn[2]) - 1;
  }
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return Math.max(0, text.trimEnd().length - 1);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Offsets to lines and columns.

function toUtterance(draft: Draft, index: number, lines: number[]): Utterance {
  const segments: Segment[] = [];
  let expected = Number.NaN;
  let currentLine = 0;
  let next = 0; // the next entry of draft.starts
  let time: string | undefined;
  draft.offsets.forEach((offset, at) => {
    let started = false;
    while ((draft.starts[next]?.at ?? Infinity) <= at) {
      time = draft.starts[next]?.time;
      next += 1;
      started = true;
    }
    if (offset === -1) {
      expected += 1; // a joining space sits just past the previous character
      return;
    }
    const { line, column } = lineColumn(lines, offset);
    // A new segment wherever the text jumps in the file: an escape, the next JSON segment, another line.
    if (started || offset !== expected || line !== currentLine) {
      segments.push(time === undefined ? { offset: at, line, column } : { offset: at, line, column, time });
    }
    expected = offset + 1;
    currentLine = line;
  });
  const first = segments[0] as Segment;
  return {
    index,
    speaker: draft.speaker,
    text: draft.chars.join(''),
    line: first.line,
    column: first.column,
    ...(draft.time === undefined ? {} : { time: draft.time }),
    segments,
  };
}

