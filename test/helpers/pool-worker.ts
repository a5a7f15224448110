/** A worker for the pool tests: doubles a number after a delay that makes later inputs finish first, or dies. */
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';
import { serveTasks } from '../../src/cli/pool.js';

// `node --test dist/test/` loads every module under test/ as a test file too: only a worker serves.
if (!isMainThread) serveTasks(async ({ n, die }: { n: number; die?: 'memory' | 'throw' }) => {
  if (die === 'memory') {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1e6 }, (_, i) => i));
  }
  if (die === 'throw') throw new Error(`task ${n} broke`);
  await sleep((10 - (n % 10)) * 3);
  return { n, doubled: 2 * n, thread: (await import('node:worker_threads')).threadId };
});
