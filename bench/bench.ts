/**
 * Speed and memory, each measured against a reference run on the same machine at the same moment: `npm run bench`.
 * Prints a table, writes bench/results/latest.json, and exits 1 when a target is missed. A ratio, not a fixed rate,
 * so a slow machine and a slow change do not look alike.
 *
 *   throughput  clues on a transcript against a plain `nlp(line).people()` of every line of it, in this process
 *   cold start  `clues --version`/`--help` against `node -e 0`; a one-page transcript against importing compromise
 *   batch       200 varied files with --jobs 2 against --jobs 1; peak RSS of 1,000 files against 100 (GNU time)
 *   growth      a realistic interview at 1, 2 and 4 MB (and 50 MB with BENCH_50MB=1), each in its own process
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { withCompromiseSweep } from '../src/analyse/sentences.js';
import { parse } from '../src/parse/index.js';
import { check } from '../src/cli/run.js';
import type { Source } from '../src/formats/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/clues.js`;

const TARGETS = {
  /** Pipeline time over a plain compromise parse of the same text (stretch goal 0.5). */
  throughput: 1.0,
  version: 1.5,
  help: 1.5,
  onePage: 1.15,
  /** Time ratio per doubling of the text: linear is 2, quadratic 4. */
  doubling: 2.2,
  /** Peak RSS over the transcript's size. */
  rssPerSize: 10,
  /** Time with --jobs 2 over --jobs 1: a 1.8x speed-up on 2 cores. */
  jobs: 1 / 1.8,
  /** Peak RSS over 1,000 files against 100: flat in the number of files. */
  rssFiles: 1.2,
};

/**
 * A long, realistic interview: every fixture's turns in order, the interviewers' as SW and the interviewees' as MUM,
 * repeated. Roles come from the parser, so the repeated text still has an interviewer, an interviewee and clues.
 */
function interview(times: number): Source {
  const dir = `${root}fixtures/`;
  const turns = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const transcript = parse({ file: f, text: readFileSync(dir + f, 'utf8') });
      const role = new Map(transcript.speakers.map((s) => [s.label, s.role]));
      const label = { interviewer: 'SW', interviewee: 'MUM' } as Record<string, string>;
      // Context speakers (a solicitor's "my client") are left out: said as MUM, they would make MUM context too.
      return transcript.utterances.flatMap((u) => (label[role.get(u.speaker) ?? ''] ? [`${label[role.get(u.speaker)!]}: ${u.text.replace(/\s*\n\s*/g, ' ')}`] : []));
    });
  return { file: 'interview.txt', text: Array.from({ length: times }, () => turns.join('\n')).join('\n') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function seconds(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** `--growth-run TIMES`: check the interview repeated TIMES times alone in this process; print seconds and peak RSS. */
const growthRun = process.argv.indexOf('--growth-run');
if (growthRun !== -1) {
  const source = interview(Number(process.argv[growthRun + 1]));
  check(interview(1));
  let clues = -1;
  const took = seconds(() => {
    const result = check(source);
    clues = result.ok ? result.clues.length : -1;
  });
  console.log(JSON.stringify({ chars: source.text.length, seconds: took, clues, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

interface Row {
  case: string;
  ours: number;
  reference: number;
  ratio: number;
  target: number;
  unit: string;
  note?: string;
}
const rows: Row[] = [];
const row = (r: Row) => {
  rows.push(r);
  const met = r.ratio <= r.target;
  console.log(
    `${r.case.padEnd(44)} ${r.ours.toFixed(3).padStart(9)} ${r.reference.toFixed(3).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}x  ≤ ${r.target
      .toFixed(2)
      .padEnd(5)} ${met ? 'met' : 'MISSED'}${r.note ? `  ${r.note}` : ''}`,
  );
};

console.log(`${'case'.padEnd(44)} ${'ours'.padStart(9)} ${'reference'.padStart(9)} ${'ratio'.padStart(8)}  target`);

// Throughput: paired runs, alternating which goes first, median of the ratios.
const throughputCases: Source[] = [interview(1)];
const court = `${root}../shared/corpus/court/240513.txt`;
if (existsSync(court)) throughputCases.unshift({ file: 'court day 240513', text: readFileSync(court, 'utf8') });
else console.log('(../shared/corpus not found beside the checkout: throughput on the synthetic interview only)');
check(interview(1)); // warm up compromise, the compiled patterns and the JIT
for (const source of throughputCases) {
  const lines = source.text.split('\n');
  // compromise as it ships: our faster sweep (analyse/sentences.ts) is part of what is measured, not of the reference.
  const plain = () => withCompromiseSweep(() => lines.forEach((line) => nlp(line).people()));
  const pairs = [0, 1, 2].map((k) => {
    // Which runs first alternates, so warming or a busy neighbour does not always favour one side.
    if (k % 2) {
      const reference = seconds(plain);
      return { ours: seconds(() => check(source)), plain: reference };
    }
    const ours = seconds(() => check(source));
    return { ours, plain: seconds(plain) };
  });
  const ours = median(pairs.map((p) => p.ours));
  const reference = median(pairs.map((p) => p.plain));
  row({ case: `throughput: ${source.file} (${Math.round(source.text.length / 1000)} KB), s`, ours, reference, ratio: median(pairs.map((p) => p.ours / p.plain)), target: TARGETS.throughput, unit: 's', note: 'reference: nlp(line).people() per line' });
}

// Cold start: whole processes, interleaved, median of five.
function processSeconds(args: string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr.split('\n')[0]}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}
function coldStart(name: string, ours: string[], reference: string[], target: number) {
  const pairs = [0, 1, 2, 3, 4].map(() => ({ ours: processSeconds(ours), reference: processSeconds(reference) }));
  row({ case: `cold start: ${name}, s`, ours: median(pairs.map((p) => p.ours)), reference: median(pairs.map((p) => p.reference)), ratio: median(pairs.map((p) => p.ours / p.reference)), target, unit: 's' });
}
coldStart('clues --version vs node -e 0', [bin, '--version'], ['-e', '0'], TARGETS.version);
coldStart('clues --help vs node -e 0', [bin, '--help'], ['-e', '0'], TARGETS.help);
coldStart('one page vs import compromise', [bin, `${root}fixtures/clean-school-meeting.txt`, '--no-color'], ['--input-type=module', '-e', "await import('compromise')"], TARGETS.onePage);

// Batch: whole processes over folders of varied transcripts (every fixture and format, copied under new names).
const batchDir = (count: number): string => {
  const dir = `${tmpdir()}/clues-bench-${count}-${process.pid}`;
  const samples = [`${root}fixtures/`, `${root}fixtures/formats/`].flatMap((d) => readdirSync(d).filter((f) => /\.(txt|vtt|srt|cha|md)$/.test(f) && !/^readme/i.test(f)).map((f) => d + f));
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < count; k++) {
    const sample = samples[k % samples.length]!;
    copyFileSync(sample, `${dir}/${String(k).padStart(4, '0')}-${sample.split('/').pop()}`);
  }
  return dir;
};
/** Wall seconds and peak RSS in MB of `clues DIR -f jsonl` (GNU time's %M; the process's, worker threads included). */
function batchRun(dir: string, jobs: number): { seconds: number; rssMb: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, dir, '-f', 'jsonl', '--fail-on', 'none', '--jobs', String(jobs)], { encoding: 'utf8', maxBuffer: 2 ** 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // 2 is expected: fixtures/ holds a damaged transcript on purpose.
  if (child.status !== 0 && child.status !== 2) throw new Error(`batch run exited ${child.status}: ${child.stderr.split('\n')[0]}`);
  return { seconds, rssMb: Number(child.stderr.trim().split('\n').pop()) / 1024 };
}
if (existsSync('/usr/bin/time')) {
  const [d100, d200, d1000] = [100, 200, 1000].map(batchDir);
  const pairs = [0, 1, 2].map((k) => {
    const one = () => batchRun(d200!, 1).seconds;
    const two = () => batchRun(d200!, 2).seconds;
    if (k % 2) {
      const t2 = two();
      return { one: one(), two: t2 };
    }
    const t1 = one();
    return { one: t1, two: two() };
  });
  row({ case: 'batch: 200 files, --jobs 2 vs --jobs 1, s', ours: median(pairs.map((p) => p.two)), reference: median(pairs.map((p) => p.one)), ratio: median(pairs.map((p) => p.two / p.one)), target: TARGETS.jobs, unit: 's', note: `${availableParallelism()} cores; ≤ 0.56 is a 1.8x speed-up` });
  const small = batchRun(d100!, 2);
  const large = batchRun(d1000!, 2);
  row({ case: 'batch: peak RSS, 1,000 vs 100 files, MB', ours: large.rssMb, reference: small.rssMb, ratio: large.rssMb / small.rssMb, target: TARGETS.rssFiles, unit: 'MB', note: `--jobs 2 -f jsonl; ${(large.seconds / 1000).toFixed(3)} s vs ${(small.seconds / 100).toFixed(3)} s per file` });
  for (const d of [d100, d200, d1000]) rmSync(d!, { recursive: true, force: true });
} else {
  console.log('(no /usr/bin/time to measure a process\'s peak RSS: batch rows skipped)');
}

// Growth: each size in its own process, so each peak RSS is its own; GNU time is not needed, resourceUsage is.
const growth = [1, 2, 4, ...(process.env['BENCH_50MB'] ? [50] : [])];
const perMb = 2 ** 20 / interview(1).text.length;
let previous: { chars: number; seconds: number } | undefined;
const growthRows: Array<{ mb: number; chars: number; seconds: number; peakRssMb: number; clues: number; perDoubling?: number }> = [];
console.log(`\n${'growth: realistic interview'.padEnd(30)} ${'chars'.padStart(10)} ${'seconds'.padStart(9)} ${'per 2x'.padStart(7)} ${'peak RSS MB'.padStart(12)} ${'RSS/size'.padStart(9)} ${'clues'.padStart(7)}`);
let growthMissed = false;
for (const mb of growth) {
  // A heap sized to the transcript, as the command line gives a large one on its worker thread (cli/run.ts).
  const heap = `--max-old-space-size=${Math.max(4096, 160 * mb)}`;
  const child = spawnSync(process.execPath, [heap, fileURLToPath(import.meta.url), '--growth-run', String(Math.round(mb * perMb))], { encoding: 'utf8', maxBuffer: 2 ** 20 });
  if (child.status !== 0) {
    console.log(`${`${mb} MB`.padEnd(30)} failed: ${child.signal ?? `exit ${child.status}`} ${child.stderr.split('\n')[0] ?? ''}`);
    growthMissed = true;
    break;
  }
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { chars: number; seconds: number; clues: number; peakRssMb: number };
  const { seconds: wall, peakRssMb } = run;
  const perDoubling = previous ? (wall / previous.seconds) ** (1 / Math.log2(run.chars / previous.chars)) : undefined;
  const rssPerSize = peakRssMb / (run.chars / 2 ** 20);
  growthMissed ||= (perDoubling ?? 0) > TARGETS.doubling || rssPerSize > TARGETS.rssPerSize;
  growthRows.push({ mb, chars: run.chars, seconds: wall, peakRssMb, clues: run.clues, ...(perDoubling === undefined ? {} : { perDoubling }) });
  console.log(
    `${`${mb} MB`.padEnd(30)} ${String(run.chars).padStart(10)} ${wall.toFixed(1).padStart(9)} ${(perDoubling?.toFixed(2) ?? '-').padStart(7)} ${peakRssMb.toFixed(0).padStart(12)} ${rssPerSize
      .toFixed(0)
      .padStart(8)}x ${String(run.clues).padStart(7)}`,
  );
  previous = { chars: run.chars, seconds: wall };
}
console.log(`growth targets: each doubling ≤ ${TARGETS.doubling}x the time (linear is 2x, quadratic 4x); peak RSS ≤ ${TARGETS.rssPerSize}x the file size`);

const missed = rows.some((r) => r.ratio > r.target) || growthMissed;
mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(
  `${root}bench/results/latest.json`,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, targets: TARGETS, ratios: rows, growth: growthRows, missed }, null, 2)}\n`,
);
console.log(`\nwritten: bench/results/latest.json${missed ? ' (a target was missed: exit 1)' : ''}`);
process.exitCode = missed ? 1 : 0;
