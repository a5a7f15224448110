import { analyse } from '../analyse/index.js';
import { detect } from '../detect/index.js';
import { InputError } from '../errors.js';
import { configLexicon, type Config } from './config.js';
import type { CaseFacts } from '../read/facts.js';
import { finish, type FinishSettings } from '../finish/index.js';
import { parse } from '../parse/index.js';
import { readSources, type InputFormat, type Source } from '../read/read.js';
import { naiveResult } from '../eval/naive.js';
import type { FileResult } from '../types.js';

/** Options that change what the pipeline finds and keeps (not how it is shown). */
export interface RunOptions extends Omit<FinishSettings, 'ruleSettings'> {
  interviewer?: string;
  facts?: CaseFacts;
  /** `--input-format`: parse every input as this format. */
  inputFormat?: InputFormat;
  /** `--stdin-filename`: the name standard input is reported under (its extension picks the format). */
  stdinFilename?: string;
  /** The project's `clues.config.json`; its `rules` are the finishing stage's rule settings. */
  config?: Config;
  /** `--max-size`: the most bytes one input may have, or a .docx unpack to. */
  maxSize?: number;
  /** Told of each file a folder walk left out, and why. */
  onSkip?: (file: string, reason: string) => void;
}

/** Parses, analyses, runs every detector on one source and finishes its result; an input problem becomes a failed result. */
export function check(source: Source, options: RunOptions = {}): FileResult {
  return finish([detected(source, options)], finishSettings(options))[0]!;
}

/** Reads every path, checks each file, and finishes the results together; unreadable files become failed results, in input order. */
export async function run(paths: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const { inputFormat, stdinFilename, maxSize, onSkip } = options;
  const sources = await readSources(paths, undefined, { inputFormat, stdinFilename, maxSize, onSkip });
  const results = sources.map((s) => ('error' in s ? { file: s.file, ok: false as const, error: withFile(s.file, s.error) } : detected(s, options)));
  return finish(results, finishSettings(options));
}

function finishSettings(options: RunOptions): FinishSettings {
  return options.config ? { ...options, ruleSettings: options.config.rules } : options;
}

/** The detectors' clues for one source, with the file's `clues-ignore` directives for the finishing stage to apply. */
function detected(source: Source, options: RunOptions): FileResult {
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
    const { directives } = transcript;
    const result: FileResult = { file: source.file, ok: true, speakers: transcript.speakers, people, clues: detect(analysis), ...(directives ? { directives } : {}) };
    return transcript.lineUnit === 'paragraph' ? { ...result, lineUnit: 'paragraph' } : result;
  } catch (error) {
    if (error instanceof InputError) return { file: source.file, ok: false, error: withFile(source.file, error.message) };
    throw error;
  }
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
