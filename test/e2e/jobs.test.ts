/** `--jobs`: files checked on worker threads give exactly the report of one thread, in input order. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');

function clues(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'NODE_TEST_CONTEXT']) delete env[key];
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('--jobs', () => {
  it('reports a folder byte for byte the same on one thread and on three workers, files in input order', () => {
    const one = clues(['fixtures', '-f', 'json', '--fail-on', 'warning', '--jobs', '1']);
    const three = clues(['fixtures', '-f', 'json', '--fail-on', 'warning', '--jobs', '3']);
    assert.equal(one.status, 1);
    assert.equal(three.status, one.status);
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.stderr, one.stderr);
    const files = (JSON.parse(one.stdout) as { files: Array<{ file: string }> }).files.map((r) => r.file);
    assert.ok(files.length > 40, `${files.length} files reported`);
  });

  it('reports a missing file among files checked on workers as one thread does', () => {
    const args = ['fixtures/just-a-friend-valentines.txt', 'nope.txt', 'fixtures/clean-school-meeting.txt', '-f', 'json'];
    const one = clues([...args, '--jobs', '1']);
    const two = clues([...args, '--jobs', '2']);
    assert.equal(two.status, 2);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(two.stderr, /nope\.txt: no such file or directory/);
    assert.match(two.stdout, /"file": "fixtures\/just-a-friend-valentines\.txt"[\s\S]*"file": "fixtures\/clean-school-meeting\.txt"/);
  });

  it('refuses --jobs 0 before any work', () => {
    const run = clues(['--jobs', '0']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--jobs <n>' argument '0' is invalid\. must be a whole number, 1 or more\./);
    assert.equal(run.stdout, '');
  });
});
