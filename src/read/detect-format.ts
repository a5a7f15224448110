/**
 * Which transcript format a file is in: `--input-format` if given, else the extension confirmed by the content,
 * else the content alone (stdin, unknown extensions). Pure functions of the name and the text, derived from the
 * one array of formats (`FORMATS`) and the Word container the read stage opens itself.
 */

import { DEFAULT_FORMAT, FORMATS, isLoose, sniffFormat, type TextFormat } from '../formats/index.js';

/** A Word document: not text, so the read stage takes out its paragraphs and reads them as a text format. */
export const WORD = { name: 'docx', extensions: ['.docx'] } as const;

/** The formats `--input-format` accepts: every text format, then Word documents. */
export const INPUT_FORMATS: ReadonlyArray<TextFormat | typeof WORD.name> = [...FORMATS.map((format) => format.name), WORD.name];
export type InputFormat = (typeof INPUT_FORMATS)[number];

const TEXT_EXTENSIONS = new Map<string, TextFormat>(FORMATS.flatMap((format) => format.extensions.map((extension) => [extension, format.name] as const)));

/** The file extensions a directory walk picks up, lower-case with the dot. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS.keys(), ...WORD.extensions];

/** The format a file name's extension stands for (case-insensitive), if it is one `clues` reads. */
export function formatFromName(name: string | undefined): InputFormat | undefined {
  if (name === undefined) return undefined;
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = base.slice(dot).toLowerCase();
  return TEXT_EXTENSIONS.get(extension) ?? (WORD.extensions.some((word) => word === extension) ? WORD.name : undefined);
}

/** What decides a text file's format: the `--input-format` option, the file's name, and its text. */
export interface FormatClues {
  /** `--input-format`, which wins outright. */
  forced?: TextFormat | undefined;
  /** The file name (or `--stdin-filename`); its extension is the first guess. */
  name?: string | undefined;
  /** The decoded text. */
  text?: string | undefined;
}

/**
 * The format to parse a text file as. `forced` wins. A known extension is used unless the content plainly says it
 * is another format (a `.txt` that starts with `WEBVTT` is WebVTT; an `.srt` that is really WebVTT is WebVTT); when
 * the content merely fails to match, the extension's parser is used so that it can say precisely what is wrong.
 * With no known extension, the content decides and plain text is the default.
 */
export function detectFormat({ forced, name, text }: FormatClues): TextFormat {
  if (forced !== undefined) return forced;
  const named = formatFromName(name);
  const byName = named === WORD.name ? undefined : named;
  if (text === undefined) return byName ?? DEFAULT_FORMAT;
  const byContent = sniffFormat(text);
  if (byName === undefined) return byContent;
  // Plain text and Markdown are what the content falls back to, so they never overrule a specific extension.
  if (isLoose(byContent)) return byName === DEFAULT_FORMAT ? byContent : byName;
  return byContent;
}

/** The format of a Word document's paragraphs: Markdown when they look like it, else plain text, whatever else they hold. */
export function paragraphFormat(text: string): TextFormat {
  const sniffed = sniffFormat(text);
  return isLoose(sniffed) ? sniffed : DEFAULT_FORMAT;
}
