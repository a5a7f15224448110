import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { inShard, parseShard } from '../../src/cli/shard.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = `${root}bin/clues.js`;

interface JsonReport {
  files: Array<{ file: string }>;
}

/** The JSON report of `clues fixtures seeds …`, run from the package root so the paths are the same in every run. */
function report(...args: string[]): JsonReport {
  const r = spawnSync(process.execPath, [bin, 'fixtures', 'seeds', '-f', 'json', '--fail-on', 'none', '-j', '1', ...args], { cwd: root, encoding: 'utf8' });
  // fixtures/ holds a damaged transcript on purpose: its run exits 2, and the failure is part of the report.
  assert.ok(r.status === 0 || r.status === 2, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

describe('--shard', () => {
  it('reads i/n with i from 0, and refuses the rest', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard('0/1'), { index: 0, count: 1 });
    for (const bad of ['4/4', '1/0', 'x', '1', '-1/2', '1/2/3']) assert.throws(() => parseShard(bad), /i\/n|count from 0/);
  });

  it('puts each path in exactly one shard, the same for ./a, a and an absolute path', () => {
    const shards = [0, 1, 2].map((index) => ({ index, count: 3 }));
    for (const file of ['a.txt', 'fixtures/x.vtt', 'deep/er/y.docx']) {
      assert.equal(shards.filter((s) => inShard(file, s)).length, 1);
      for (const s of shards) {
        assert.equal(inShard(`./${file}`, s), inShard(file, s));
        assert.equal(inShard(`${process.cwd()}/${file}`, s), inShard(file, s));
      }
    }
  });

  it('n shards together give exactly the files and clues of one run', () => {
    const whole = report();
    for (const count of [2, 3]) {
      const parts = Array.from({ length: count }, (_, index) => report('--shard', `${index}/${count}`).files);
      for (const part of parts) assert.ok(part.length > 0 && part.length < whole.files.length);
      const merged = parts.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const expected = [...whole.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      assert.deepEqual(merged, expected);
    }
  });
});
