import { analyse } from '../analyse/index.js';
import { detect } from '../detect/index.js';
import { InputError } from '../errors.js';
import { configLexicon, type Config } from './config.js';
import type { CaseFacts } from '../read/facts.js';
import { finish, type FinishSettings } from '../finish/index.js';
import { parse } from '../parse/index.js';
import { totalmem } from 'node:os';
import { planSources, readSources, type InputFormat, type ReadFailure, type Source } from '../read/read.js';
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

/**
 * The heap of each worker in a pool, in MB: enough for the analysis of a LARGE_SOURCE transcript (about 50 MB per MB
 * of text, on 150 MB for compromise and the rules), and small enough that V8 collects as it goes. With the machine's
 * share instead (gigabytes), a worker's heap grew with every file: peak RSS over 1,000 files was 1.4x that over 100.
 */
const POOL_WORKER_MB = 1024;

/** Parses, analyses, runs every detector on one source and finishes its result; an input problem becomes a failed result. */
export function check(source: Source, options: RunOptions = {}): FileResult {
  return finish([detected(source, options)], finishSettings(options))[0]!;
}

/** Reads every path, checks each file, and finishes the results together; unreadable files become failed results, in input order. */
export async function run(paths: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const detectedResults: FileResult[] = [];
  for await (const result of detectEach(paths, options)) detectedResults.push(result);
  return finish(detectedResults, finishSettings(options));
}

/**
 * Whether each file's result can be finished alone, as soon as it is checked: redaction decides a pseudonym over the
 * whole run, and `--write-baseline` records the whole run, so either makes a report wait for the last file.
 */
export function finishesPerFile(options: RunOptions): boolean {
  return !options.redact && !options.onBaseline;
}

/**
 * Like `run`, but yields each file's finished result as soon as it and every file before it are checked, holding
 * none of them: for a report written file by file (`--format jsonl`). Only when `finishesPerFile(options)`.
 */
export async function* checkEach(paths: string[], options: RunOptions = {}): AsyncGenerator<FileResult> {
  if (!finishesPerFile(options)) throw new Error('checkEach: --redact and --write-baseline finish the whole run at once');
  const settings = finishSettings(options);
  for await (const result of detectEach(paths, options)) yield finish([result], settings)[0]!;
}

/** Each input's detected (not yet finished) result in input order, each file read only as its turn comes. */
async function* detectEach(paths: string[], options: RunOptions): AsyncGenerator<FileResult> {
  const { inputFormat, stdinFilename, maxSize, onSkip, include } = options;
  const { total, sources } = await planSources(paths, undefined, { inputFormat, stdinFilename, maxSize, onSkip, include });
  options.onStart?.(total);
  const failed = (file: string, error: string): FileResult => ({ file, ok: false, error: withFile(file, error) });
  const unread = (s: ReadFailure) => failed(s.file, s.error);
  const jobs = Math.min(options.jobs ?? 1, total);
  // Only what detection reads crosses to the workers (the finishing stage's callbacks cannot, and stay here).
  // `redact` too: a worker has its own copy of the switch that hides quoted words in error messages.
  const { interviewer, facts, config, redact, utterances } = options;
  const shared: RunOptions = { ...(interviewer === undefined ? {} : { interviewer }), ...(facts ? { facts } : {}), ...(config ? { config } : {}), ...(redact ? { redact } : {}) };
  if (utterances) shared.utterances = true;
  const machineShareMb = (workers: number) => Math.floor(((totalmem() / 2 ** 20) * 0.75) / workers);
  /** A large source alone on a worker whose heap is its share of the machine. */
  const alone = (source: Source) =>
    inWorkers(tasks(one(source), shared), {
      jobs: 1,
      worker: CHECK_WORKER,
      failed: (_task, reason) => failed(source.file, reason),
      memoryMb: machineShareMb(1),
    }) as AsyncGenerator<FileResult>;
  if (jobs > 1) {
    // A large source is passed over by the pool, whose heaps are small, and checked alone when its turn comes.
    const checked = inWorkers(tasks(sources, shared), {
      jobs,
      worker: CHECK_WORKER,
      direct: (task): FileResult | Large | undefined => ('error' in task ? unread(task) : task.source.text.length > LARGE_SOURCE ? { large: task.source } : undefined),
      failed: (task, reason) => failed('error' in task ? task.file : task.source.file, reason),
      memoryMb: Math.min(POOL_WORKER_MB, machineShareMb(jobs)),
    });
    for await (const result of checked) {
      if ('large' in result) for await (const r of alone(result.large)) yield told(options, r);
      else yield told(options, result);
    }
    return;
  }
  for await (const source of sources) {
    if ('error' in source) yield told(options, unread(source));
    else if (source.text.length <= LARGE_SOURCE) yield told(options, detected(source, options));
    else for await (const result of alone(source)) yield told(options, result);
  }
}

const CHECK_WORKER = new URL('./check-worker.js', import.meta.url);

/** A source the pool leaves to be checked alone. */
type Large = { large: Source };

/** What a worker thread is sent: a source with the options detection reads, or a failure that needs no worker. */
type Task = { source: Source; options: RunOptions } | ReadFailure;

async function* tasks(sources: AsyncIterable<Source | ReadFailure>, options: RunOptions): AsyncGenerator<Task> {
  for await (const source of sources) yield 'error' in source ? source : { source, options };
}

async function* one<T>(item: T): AsyncGenerator<T> {
  yield item;
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
