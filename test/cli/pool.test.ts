import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inWorkers } from '../../src/cli/pool.js';

const worker = new URL('../helpers/pool-worker.js', import.meta.url);
type Output = { n: number; doubled: number; thread: number } | { n: number; failed: string };
const failed = (input: { n: number }, reason: string): Output => ({ n: input.n, failed: reason });

async function collect(inputs: Array<{ n: number; die?: 'memory' | 'throw' }>, jobs: number, memoryMb?: number): Promise<Output[]> {
  const outputs: Output[] = [];
  for await (const output of inWorkers(inputs, { jobs, worker, failed, ...(memoryMb ? { memoryMb } : {}) })) outputs.push(output);
  return outputs;
}

describe('worker pool', () => {
  it('gives every output in input order though later inputs finish first, using every worker', async () => {
    const inputs = Array.from({ length: 20 }, (_, n) => ({ n }));
    const outputs = await collect(inputs, 3);
    assert.deepEqual(
      outputs.map((o) => o.n),
      inputs.map((i) => i.n),
    );
    assert.ok(outputs.every((o) => 'doubled' in o && o.doubled === 2 * o.n));
    assert.equal(new Set(outputs.map((o) => ('thread' in o ? o.thread : 0))).size, 3);
  });

  it('fails only the input whose worker ran out of memory or broke, and runs the rest', async () => {
    const inputs = [{ n: 0 }, { n: 1, die: 'memory' as const }, { n: 2 }, { n: 3, die: 'throw' as const }, { n: 4 }, { n: 5 }];
    const outputs = await collect(inputs, 2, 64);
    assert.deepEqual(
      outputs.map((o) => o.n),
      [0, 1, 2, 3, 4, 5],
    );
    assert.match((outputs[1] as { failed: string }).failed, /ran out of memory \(more than 64 MB\)/);
    assert.match((outputs[3] as { failed: string }).failed, /task 3 broke/);
    assert.ok([0, 2, 4, 5].every((k) => 'doubled' in outputs[k]!));
  });

  it('stops every worker when the consumer stops early', async () => {
    const inputs = Array.from({ length: 50 }, (_, n) => ({ n }));
    const seen: number[] = [];
    for await (const output of inWorkers(inputs, { jobs: 2, worker, failed })) {
      seen.push(output.n);
      if (seen.length === 3) break;
    }
    // Reaching this line at all shows no worker keeps the test process alive.
    assert.deepEqual(seen, [0, 1, 2]);
  });
});
