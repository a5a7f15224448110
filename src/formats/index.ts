/**
 * The transcript formats `clues` reads as text, in one array. The format names, `--input-format`'s choices, the
 * extensions a folder walk picks up, sniffing and parsing all come from it: adding a format is adding its file here.
 */

import { chat } from './chat.js';
import type { Format, SourceText } from './define.js';
import { markdown } from './markdown.js';
import { plain } from './plain.js';
import { srt } from './srt.js';
import { vtt } from './vtt.js';
import { whisper } from './whisper.js';

export type { Format, SourceText } from './define.js';

/** Every text format, in the order `--input-format` lists them. */
export const FORMATS = [plain, markdown, vtt, srt, whisper, chat] as const;

/** The name of a text format: `txt`, `md`, `vtt`… */
export type TextFormat = (typeof FORMATS)[number]['name'];

/** A file's text as the read stage hands it to the parse stage. */
export interface Source extends SourceText {
  /** The text's format; the default format (plain text) when absent. */
  format?: TextFormat;
}

const ALL: readonly Format<TextFormat>[] = FORMATS;

/** The format any text is read as when nothing says otherwise: the one with no sniff. */
export const DEFAULT_FORMAT: TextFormat = ALL.find((format) => format.sniff === undefined)!.name;

/** The format called `name`; the default format when there is no name. */
export function formatNamed(name: TextFormat | undefined): Format<TextFormat> {
  return ALL.find((format) => format.name === (name ?? DEFAULT_FORMAT))!;
}

/** What the content alone says: the first format whose text starts with its signature, else one with a line like it, else the default. */
export function sniffFormat(text: string): TextFormat {
  const head = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  const found =
    ALL.find((format) => format.sniff?.by === 'start' && format.sniff.test(head)) ??
    ALL.find((format) => format.sniff?.by === 'line' && format.sniff.test(head));
  return found?.name ?? DEFAULT_FORMAT;
}

/** Whether a format is recognised only by lines that may stand in any text (or is the default): it never outranks an extension. */
export function isLoose(name: TextFormat): boolean {
  return formatNamed(name).sniff?.by !== 'start';
}
