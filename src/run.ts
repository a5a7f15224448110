import { analyse } from './analyse/index.js';
import { detect } from './detect/index.js';
import { InputError } from './errors.js';
import { applyRuleSettings, configLexicon, type Config } from './config.js';
import type { CaseFacts } from './facts.js';
import { parse } from './parse/index.js';
import { readSources, type InputFormat, type Source } from './read/read.js';
import { applySuppressions } from './suppress.js';
import { naiveResult } from './eval/naive.js';
import type { FileResult } from './types.js';

/** Options that change what the pipeline finds (not how it is shown). */
export interface RunOptions {
  interviewer?: string;
  facts?: CaseFacts;
  /** `--input-format`: parse every input as this format. */
  inputFormat?: InputFormat;
  /** `--stdin-filename`: the name standard input is reported under (its extension picks the format). */
  stdinFilename?: string;
  /** The project's `clues.config.json`. */
  config?: Config;
  /** `--max-size`: the most bytes one input may have, or a .docx unpack to. */
  maxSize?: number;
  /** Told of each file a folder walk left out, and why. */
  onSkip?: (file: string, reason: string) => void;
}

/** Parses, analyses and runs every detector on one source; an input problem becomes a failed result. */
export function check(source: Source, options: RunOptions = {}): FileResult {
  try {
    const { config } = options;
    const transcript = parse(source, {
      ...(options.interviewer === undefined ? {} : { interviewer: options.interviewer }),
      ...(config ? { interviewers: config.interviewers } : {}),
    });
    const analysis = analyse(transcript, {
      ...(options.facts ? { facts: options.facts } : {}),
      ...(config ? { known: config.people, lexicon: configLexicon(config) } : {}),
    });
    const people = analysis.roster.people;
    const found = applySuppressions(source.file, detect(analysis), transcript.directives ?? [], people);
    const clues = config ? applyRuleSettings(found.clues, config.rules) : found.clues;
    const { suppressed } = found;
    const result: FileResult = { file: source.file, ok: true, speakers: transcript.speakers, people, clues, ...(suppressed > 0 ? { suppressed } : {}) };
    return transcript.lineUnit === 'paragraph' ? { ...result, lineUnit: 'paragraph' } : result;
  } catch (error) {
    if (error instanceof InputError) return { file: source.file, ok: false, error: withFile(source.file, error.message) };
    throw error;
  }
}

/** Reads every path and checks each file; unreadable files become failed results, in input order. */
export async function checkPaths(paths: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const { inputFormat, stdinFilename, maxSize, onSkip } = options;
  const sources = await readSources(paths, undefined, { inputFormat, stdinFilename, maxSize, onSkip });
  return sources.map((s) => ('error' in s ? { file: s.file, ok: false as const, error: withFile(s.file, s.error) } : check(s, options)));
}

function withFile(file: string, message: string): string {
  return message.startsWith(`${file}:`) ? message : `${file}: ${message}`;
}

/** The naive baseline's result for one path, for `clues eval`: parse only, then flag every name compromise finds. */
export async function naivePath(path: string, options: RunOptions = {}): Promise<FileResult> {
  const [source] = await readSources([path]);
  if (!source || 'error' in source) return { file: path, ok: false, error: withFile(path, source?.error ?? 'unreadable') };
  try {
    return naiveResult(parse(source, options.interviewer === undefined ? {} : { interviewer: options.interviewer }));
  } catch (error) {
    if (error instanceof InputError) return { file: source.file, ok: false, error: withFile(source.file, error.message) };
    throw error;
  }
}
