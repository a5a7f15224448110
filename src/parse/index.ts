/** The parse stage: source text to a Transcript of utterances and speakers with roles, by the source's format. */

import { InputError } from '../errors.js';
import type { InputFormat, ParsedTranscript, Source, Transcript } from '../types.js';
import { sniffFormat } from './detect-format.js';
import { parseChat } from './chat.js';
import { findDirectives } from './directives.js';
import { parseMarkdown } from './markdown.js';
import { parsePlain } from './plain.js';
import { assignRoles } from './roles.js';
import { parseSrt } from './srt.js';
import { parseVtt } from './vtt.js';
import { parseWhisperJson } from './whisper.js';

export { parsePlain } from './plain.js';
export { positionAt } from './position.js';
export { assignRoles, countQuestions } from './roles.js';
export { detectFormat, sniffFormat } from './detect-format.js';
export { findDirectives } from './directives.js';

/** A format's parser: throws InputError (message starting with the file name) when the text is not that format. */
type Parser = (source: Source) => ParsedTranscript;

const plain: Parser = (source) => ({ utterances: parsePlain(source) });

/** The parser for each format; a Word document's paragraphs are parsed as `txt` or `md` (see `parserFor`). */
const PARSERS: Record<Exclude<InputFormat, 'docx'>, Parser> = {
  txt: plain,
  md: parseMarkdown,
  vtt: parseVtt,
  srt: parseSrt,
  json: parseWhisperJson,
  cha: parseChat,
};

/** Parses a source into a Transcript; throws InputError (message starts with the file name) when it cannot. */
export function parse(source: Source, options: { interviewer?: string; interviewers?: readonly string[] } = {}): Transcript {
  const parsed = parserFor(source)(source);
  const lineUnit = parsed.lineUnit ?? (source.format === 'docx' ? 'paragraph' : 'line');
  try {
    const speakers = assignRoles(parsed.utterances, options.interviewer, parsed.interviewers, parsed.children, options.interviewers);
    const directives = parsed.directives ?? findDirectives(source.text, source.format);
    return { file: source.file, utterances: parsed.utterances, speakers, lineUnit, ...(directives.length > 0 ? { directives } : {}) };
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${source.file}: ${error.message}`);
    throw error;
  }
}

/** The parser for a source's format (plain text when none is set); a Word document's paragraphs are plain text or Markdown. */
function parserFor(source: Source): Parser {
  const format = source.format ?? 'txt';
  if (format !== 'docx') return PARSERS[format];
  return sniffFormat(source.text) === 'md' ? PARSERS.md : PARSERS.txt;
}
