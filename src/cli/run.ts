import { analyse } from '../analyse/index.js';
import { detect } from '../detect/index.js';
import { InputError } from '../errors.js';
import { configLexicon, type Config } from './config.js';
import type { CaseFacts } from '../read/facts.js';
import { finish, type FinishSettings } from '../finish/index.js';
import { parse } from '../parse/index.js';
import { totalmem } from 'node:os';
import { readSources, type InputFormat, type ReadFailure, type Source } from '../read/read.js';
import { inWorkers } from './pool.js';
import { hideQuotedWords } from '../visible.js';
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
  /** `--shard`: whether a file is this run's to check (the read stage leaves the rest unread). */
  include?: (file: string) => boolean;
  /** Told how many inputs there are once they are read, then of each file as its check ends (for the progress bar). */
  onStart?: (total: number) => void;
  onFile?: (result: FileResult) => void;
  /** `--jobs`: how many files are checked at once, each on a worker thread (1: one after another, in this thread). */
  jobs?: number;
  /** Keep each transcript's utterances in its result, for a reporter that shows the transcript (html). */
  utterances?: boolean;
}

/**
 * A transcript longer than this is checked on a worker thread of its own even alone, with a heap sized to the
 * machine: the main thread's default heap (about 4 GB) holds the analysis of roughly 40 MB of transcript.
 */
const LARGE_SOURCE = 8 * 2 ** 20;

/** Parses, analyses, runs every detector on one source and finishes its result; an input problem becomes a failed result. */
export function check(source: Source, options: RunOptions = {}): FileResult {
  return finish([detected(source, options)], finishSettings(options))[0]!;
}

/** Reads every path, checks each file, and finishes the results together; unreadable files become failed results, in input order. */
export async function run(paths: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const { inputFormat, stdinFilename, maxSize, onSkip, include } = options;
  const sources = await readSources(paths, undefined, { inputFormat, stdinFilename, maxSize, onSkip, include });
  options.onStart?.(sources.length);
  return finish(await detectAll(sources, options), finishSettings(options));
}

async function detectAll(sources: Array<Source | ReadFailure>, options: RunOptions): Promise<FileResult[]> {
  const failed = (file: string, error: string): FileResult => ({ file, ok: false, error: withFile(file, error) });
  const readable = sources.filter((s): s is Source => !('error' in s));
  const jobs = Math.min(options.jobs ?? 1, readable.length);
  // (With nothing readable, jobs is 0 and nothing is large: every file is checked, or failed, here.)
  if (jobs <= 1 && !readable.some((s) => s.text.length > LARGE_SOURCE)) {
    return sources.map((s) => told(options, 'error' in s ? failed(s.file, s.error) : detected(s, options)));
  }
  // Only what detection reads crosses to the workers (the finishing stage's callbacks cannot, and stay here).
  // `redact` too: a worker has its own copy of the switch that hides quoted words in error messages.
  const { interviewer, facts, config, redact, utterances } = options;
  const shared: RunOptions = { ...(interviewer === undefined ? {} : { interviewer }), ...(facts ? { facts } : {}), ...(config ? { config } : {}), ...(redact ? { redact } : {}) };
  if (utterances) shared.utterances = true;
  const checked = inWorkers(
    readable.map((source) => ({ source, options: shared })),
    {
      jobs,
      worker: new URL('./check-worker.js', import.meta.url),
      failed: ({ source }, reason) => failed(source.file, reason),
      memoryMb: Math.floor(((totalmem() / 2 ** 20) * 0.75) / jobs),
    },
  );
  const results: FileResult[] = [];
  for (const s of sources) {
    if ('error' in s) results.push(told(options, failed(s.file, s.error)));
    else results.push(told(options, (await checked.next()).value as FileResult));
  }
  await checked.return(undefined);
  return results;
}

/** Tells `onFile` of a result on its way through. */
function told(options: RunOptions, result: FileResult): FileResult {
  options.onFile?.(result);
  return result;
}

/** The detectors' clues for one source on a worker thread (check-worker.ts). */
export function detectedOnWorker({ source, options }: { source: Source; options: RunOptions }): FileResult {
  hideQuotedWords(Boolean(options.redact));
  return detected(source, options);
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
    const result: Extract<FileResult, { ok: true }> = { file: source.file, ok: true, speakers: transcript.speakers, people, clues: detect(analysis), ...(directives ? { directives } : {}) };
    if (options.utterances) result.utterances = transcript.utterances;
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
