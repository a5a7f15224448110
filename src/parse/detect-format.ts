/**
 * Which transcript format a file is in: `--input-format` if given, else the extension confirmed by the content,
 * else the content alone (stdin, unknown extensions). Pure functions of the name and the text.
 */

import { INPUT_FORMATS, type InputFormat } from '../types.js';

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.vtt': 'vtt',
  '.srt': 'srt',
  '.json': 'json',
  '.cha': 'cha',
  '.docx': 'docx',
};

/** The file extensions a directory walk picks up, lower-case with the dot. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** True when `name` is one of the `INPUT_FORMATS`. */
export function isInputFormat(name: string): name is InputFormat {
  return (INPUT_FORMATS as readonly string[]).includes(name);
}

/** The format a file name's extension stands for (case-insensitive), if it is one `clues` reads. */
export function formatFromName(name: string | undefined): InputFormat | undefined {
  if (name === undefined) return undefined;
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return EXTENSIONS[base.slice(dot).toLowerCase()];
}

// The content signatures, each checked on the text with any BOM and leading blank lines removed.
const WEBVTT = /^WEBVTT(?:[ \t]|\r?\n|$)/;
// An SRT cue: a counter line, then `00:00:01,000 --> ` (hours optional in lenient exports, `.` for `,` too).
const SRT_CUE = /^\d+[ \t]*\r?\n[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
const CHAT_HEADER = /^@(?:UTF8|Begin|Font|Window)\b/;
// A Markdown transcript: a turn (perhaps quoted with `>` or in a list item) starting with a bold label:
// `**Tracey:**`, `**Tracey**:`, `**Tracey** [00:12:31]:`.
const MARKDOWN_LABEL =
  /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?(?:\*\*|__)[^*_:\n]{1,40}(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*(?:[[(][\d:.,]+[\])][ \t]*)?:)/m;

/**
 * What the content alone says: a WEBVTT header → vtt; `1` then `00:00:01,000 -->` → srt; text that parses as
 * JSON → json; `@UTF8`/`@Begin` → cha; a `**Name:**` turn → md; anything else → txt.
 */
export function sniffFormat(text: string): InputFormat {
  const head = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  if (WEBVTT.test(head)) return 'vtt';
  if (SRT_CUE.test(head)) return 'srt';
  if (CHAT_HEADER.test(head)) return 'cha';
  if (looksLikeJson(head)) return 'json';
  if (MARKDOWN_LABEL.test(head)) return 'md';
  return 'txt';
}

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

/** What decides a file's format: the `--input-format` option, the file's name, and its text. */
export interface FormatClues {
  /** `--input-format`, which wins outright. */
  forced?: InputFormat | undefined;
  /** The file name (or `--stdin-filename`); its extension is the first guess. */
  name?: string | undefined;
  /** The decoded text; not needed for .docx, whose bytes are not text. */
  text?: string | undefined;
}

/**
 * The format to parse a file as. `forced` wins. A known extension is used unless the content plainly says it is
 * another format (a `.txt` that starts with `WEBVTT` is WebVTT; an `.srt` that is really WebVTT is WebVTT); when the
 * content merely fails to match, the extension's parser is used so that it can say precisely what is wrong. With no
 * known extension, the content decides and plain text is the default.
 */
export function detectFormat({ forced, name, text }: FormatClues): InputFormat {
  if (forced !== undefined) return forced;
  const byName = formatFromName(name);
  if (byName === 'docx' || text === undefined) return byName ?? 'txt';
  const byContent = sniffFormat(text);
  if (byName === undefined) return byContent;
  // Plain text and Markdown are what the content falls back to, so they never overrule a specific extension.
  if (byContent === 'txt' || byContent === 'md') return byName === 'txt' && byContent === 'md' ? 'md' : byName;
  return byContent;
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
