/**
 * Speed and memory of the whole pipeline on long transcripts: `npm run bench`.
 * Exits 1 when a target is missed, so a slowdown is noticed; targets are for the 2-core CI machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from '../src/run.js';
import type { Source } from '../src/formats/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Minimum throughput (characters of transcript per second) and maximum heap growth per MB of transcript. */
// An hour-long interview is about 60,000 characters: at 25,000 chars/s it is checked in under three seconds.
const TARGETS = { charsPerSecond: 25_000, peakRssMb: 1024 };

function fixturesTranscript(times: number): Source {
  const dir = `${root}fixtures/`;
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(dir + f, 'utf8'));
  // One long interview: every fixture's turns, repeated, as two speakers talking for hours.
  const turns = texts.flatMap((t) => t.split('\n').filter((l) => /^[^#\s][^:]{0,30}:/.test(l)));
  const body = Array.from({ length: times }, () => turns.map((l, i) => (i % 2 ? 'MUM: ' : 'SW: ') + l.replace(/^[^:]*:\s*/, ''))).flat();
  return { file: 'bench.txt', text: body.join('\n') };
}

function measure(source: Source): { seconds: number; clues: number; heapMb: number } {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const result = check(source);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  return { seconds, clues: result.ok ? result.clues.length : -1, heapMb };
}

// `--growth-run TIMES`: check the synthetic interview repeated TIMES times, alone in this process, and print its
// seconds and peak RSS as JSON (the growth case below runs each size in its own process so each peak is its own).
const growthRun = process.argv.indexOf('--growth-run');
if (growthRun !== -1) {
  const source = fixturesTranscript(Number(process.argv[growthRun + 1]));
  check(fixturesTranscript(1));
  const { seconds, clues } = measure(source);
  console.log(JSON.stringify({ chars: source.text.length, seconds, clues, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const cases: Source[] = [fixturesTranscript(3)];
const court = `${root}../shared/corpus/court/240507.txt`;
if (existsSync(court)) cases.push({ file: 'corpus/court/240507.txt', text: readFileSync(court, 'utf8') });
else console.log('(../shared/corpus not found beside the checkout: benchmarking the synthetic transcript only)');

check(fixturesTranscript(1)); // warm up compromise and the compiled patterns
let missed = false;
console.log('transcript                     chars   seconds   chars/s   target   heap MB   clues');
for (const source of cases) {
  const { seconds, clues, heapMb } = measure(source);
  const rate = source.text.length / seconds;
  const ok = rate >= TARGETS.charsPerSecond;
  missed ||= !ok;
  console.log(
    `${source.file.padEnd(28)} ${String(source.text.length).padStart(8)} ${seconds.toFixed(2).padStart(9)} ${Math.round(rate)
      .toString()
      .padStart(9)} ${(rate / TARGETS.charsPerSecond).toFixed(2).padStart(7)}x ${heapMb.toFixed(0).padStart(9)} ${String(clues).padStart(7)}${ok ? '' : '  MISSED'}`,
  );
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
if (peakRssMb > TARGETS.peakRssMb) missed = true;
console.log(`peak RSS ${peakRssMb.toFixed(0)} MB (target ≤ ${TARGETS.peakRssMb} MB, ${(peakRssMb / TARGETS.peakRssMb).toFixed(2)} of it)`);
console.log(`target: ≥ ${TARGETS.charsPerSecond} chars/s; heap MB is the growth while checking one transcript, for reference`);

// Growth: a realistic interview at about 1, 2 and 4 MB (and 50 MB with BENCH_50MB=1: about half an hour on the
// 2-core machine). Linear time shows as a ratio near 2 for each doubling; a ratio near 4 means quadratic work.
const perMb = Math.ceil(2 ** 20 / fixturesTranscript(1).text.length);
const growth = [1, 2, 4, ...(process.env.BENCH_50MB ? [50] : [])];
const GROWTH_RATIO = 2.6;
console.log('\ngrowth: synthetic interview      chars   seconds  ratio/2x  peak RSS MB   clues');
let previous: { chars: number; seconds: number } | undefined;
for (const mb of growth) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--growth-run', String(mb * perMb)], {
    encoding: 'utf8',
    maxBuffer: 2 ** 20,
  });
  if (child.status !== 0) {
    console.log(`${`${mb} MB`.padEnd(28)} failed: ${child.signal ?? `exit ${child.status}`} ${child.stderr.split('\n')[0] ?? ''}`);
    missed = true;
    break;
  }
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { chars: number; seconds: number; clues: number; peakRssMb: number };
  // The time ratio per doubling of the text, so sizes that are not exact doubles compare fairly.
  const ratio = previous ? (run.seconds / previous.seconds) ** (1 / Math.log2(run.chars / previous.chars)) : undefined;
  const slow = ratio !== undefined && ratio > GROWTH_RATIO;
  const heavy = run.peakRssMb > TARGETS.peakRssMb;
  missed ||= slow || heavy;
  console.log(
    `${`${mb} MB`.padEnd(28)} ${String(run.chars).padStart(9)} ${run.seconds.toFixed(2).padStart(9)} ${(ratio?.toFixed(2) ?? '-').padStart(9)} ${run.peakRssMb
      .toFixed(0)
      .padStart(12)} ${String(run.clues).padStart(7)}${slow ? '  NOT LINEAR' : ''}${heavy ? '  OVER RSS TARGET' : ''}`,
  );
  previous = run;
}
console.log(`growth target: each doubling of the text at most ${GROWTH_RATIO}x the time (linear is 2x, quadratic 4x); peak RSS ≤ ${TARGETS.peakRssMb} MB`);
process.exitCode = missed ? 1 : 0;
