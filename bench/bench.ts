/**
 * Speed and memory of the whole pipeline on long transcripts: `npm run bench`.
 * Exits 1 when a target is missed, so a slowdown is noticed; targets are for the 2-core CI machine.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from '../src/run.js';
import type { Source } from '../src/types.js';

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
process.exitCode = missed ? 1 : 0;
