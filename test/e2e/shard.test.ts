/**
 * `--shard i/n`: n machines each run one share of the same inputs; their reports together are exactly one run's.
 * Each runs the real bin/clues.js.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inShard } from '../../src/read/read.js';
import { readdirSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const INPUTS = ['fixtures/formats', 'seeds/interview.txt', 'no-such-file.txt'];

function clues(...args: string[]) {
  return spawnSync(process.execPath, ['bin/clues.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

type Report = { files: Array<{ file: string }>; errors: Array<{ file: string }> };

describe('--shard i/n', () => {
  it('n shards of a run report, between them, exactly the files and errors of one run, each once', () => {
    const whole = JSON.parse(clues(...INPUTS, '-f', 'json', '--fail-on', 'none').stdout) as Report;
    const n = 3;
    const shards = Array.from({ length: n }, (_, i) => JSON.parse(clues(...INPUTS, '--shard', `${i + 1}/${n}`, '-f', 'json', '--fail-on', 'none').stdout) as Report);
    const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file);
    assert.ok(shards.every((s) => s.files.length < whole.files.length), 'each shard checks only part of the inputs');
    assert.deepEqual(shards.flatMap((s) => s.files).sort(byFile), [...whole.files].sort(byFile));
    assert.deepEqual(shards.flatMap((s) => s.errors).sort(byFile), [...whole.errors].sort(byFile));
  });

  it('every path falls in exactly one share, for any n', () => {
    const paths = readdirSync(`${ROOT}fixtures`).map((f) => `fixtures/${f}`);
    for (let n = 1; n <= 6; n++) {
      for (const path of paths) {
        const shares = Array.from({ length: n }, (_, i) => i + 1).filter((index) => inShard(path, { index, count: n }));
        assert.equal(shares.length, 1, `${path} in ${shares.length} of ${n} shares`);
      }
    }
  });

  it('a share that is not i/n with 1 ≤ i ≤ n is a usage error before any file is read', () => {
    for (const bad of ['0/3', '4/3', '2', 'a/b', '1/0']) {
      const run = clues('seeds/interview.txt', '--shard', bad);
      assert.equal(run.status, 2, bad);
      assert.equal(run.stdout, '', bad);
      assert.match(run.stderr, /--shard <i\/n>.*give the share as i\/n/, bad);
    }
  });
});
