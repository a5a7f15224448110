/** What an input format declares: its name, the extensions that name it, how its text is recognised, and its parser. */

import type { ParsedTranscript } from '../types.js';

/** What a parser is given: the text, the file name its messages start with, and what the text was taken out of. */
export interface SourceText {
  /** Path as given on the command line (or `<stdin>`), used in every report. */
  file: string;
  text: string;
  /** Set when the text is a Word document's paragraphs, one per line (so a line number counts paragraphs). */
  container?: 'docx';
}

/** How text alone shows that it is in a format, looked for after any byte-order mark and leading blank lines. */
export interface Sniff {
  /**
   * `start`: the text opens with the format's own signature (a header, a first cue), which outranks the file's
   * extension. `line`: some line looks like the format; it is tried after every `start` sniff, and outranks only
   * the extension of the default format.
   */
  by: 'start' | 'line';
  test: (head: string) => boolean;
}

/** An input format: one file declares it with `defineFormat`, and the `FORMATS` array lists it. */
export interface Format<Name extends string = string> {
  /** What `--input-format` calls it; also its usual extension. */
  name: Name;
  /** The file extensions that name it, lower-case with the dot. */
  extensions: readonly string[];
  /** How its text is recognised without an extension; absent for the default format, which any other text is read as. */
  sniff?: Sniff;
  /** The utterances and the `clues-ignore` directives in its comments; throws InputError (message starting with the file name) when the text is not this format. */
  parse: (source: SourceText) => ParsedTranscript;
}

/** Declares an input format, keeping its name as a literal type so the list of format names is derived from the array. */
export function defineFormat<const Name extends string>(format: Format<Name>): Format<Name> {
  return format;
}
