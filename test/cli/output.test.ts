import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { writeAtomically } from '../../src/cli/output.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isWindows = process.platform === 'win32';

describe('writeAtomically', () => {
  let root: string;
  let n = 0;
  /** A fresh empty directory for each test. */
  const fresh = async (): Promise<string> => {
    const dir = join(root, `t${n++}`);
    await mkdir(dir);
    return dir;
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'clues-output-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the content, and nothing else in the directory', async () => {
    const dir = await fresh();
    const file = join(dir, 'clues.sarif');
    await writeAtomically(file, '{"version":"2.1.0"}\n… “quotes” and ünïcödé\n');
    assert.equal(await readFile(file, 'utf8'), '{"version":"2.1.0"}\n… “quotes” and ünïcödé\n');
    assert.deepEqual(await readdir(dir), ['clues.sarif']);
  });

  it('writes an empty report', async () => {
    const dir = await fresh();
    const file = join(dir, 'empty.txt');
    await writeAtomically(file, '');
    assert.equal(await readFile(file, 'utf8'), '');
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const dir = await fresh();
    const file = join(dir, 'report.json');
    await writeFile(file, 'the old report, which is longer than the new one\n');
    await writeAtomically(file, 'new\n');
    assert.equal(await readFile(file, 'utf8'), 'new\n');
    await writeAtomically(file, 'newer\n');
    assert.equal(await readFile(file, 'utf8'), 'newer\n');
    assert.deepEqual(await readdir(dir), ['report.json']);
  });

  it('works with a relative path', async () => {
    const dir = await fresh();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await writeAtomically('relative.md', '# report\n');
    } finally {
      process.chdir(cwd);
    }
    assert.equal(await readFile(join(dir, 'relative.md'), 'utf8'), '# report\n');
  });

  it('is readable and writable by the owner only', { skip: isWindows && 'no POSIX modes on Windows' }, async () => {
    const dir = await fresh();
    const file = join(dir, 'private.txt');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeAtomically(file, 'sensitive');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  it('a missing directory is one clear InputError, and nothing is created', async () => {
    const dir = await fresh();
    const file = join(dir, 'no-such-dir', 'clues.sarif');
    await assert.rejects(writeAtomically(file, 'x'), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.message, `${file}: cannot write report: directory ${join(dir, 'no-such-dir')} does not exist`);
      return true;
    });
    assert.deepEqual(await readdir(dir), []);
  });

  it('a directory at the path is an InputError, and the directory is left alone', async () => {
    const dir = await fresh();
    const target = join(dir, 'out');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'keep');
    await assert.rejects(writeAtomically(target, 'x'), (error: unknown) => error instanceof InputError && error.message.startsWith(`${target}: cannot write report: `));
    assert.deepEqual(await readdir(dir), ['out']);
    assert.equal(await readFile(join(target, 'keep.txt'), 'utf8'), 'keep');
  });

  it('an empty path or one ending in a separator is an InputError', async () => {
    await assert.rejects(writeAtomically('', 'x'), InputError);
    await assert.rejects(writeAtomically(join(root, 'dir') + '/', 'x'), InputError);
  });

  it('a read-only directory is "permission denied" and the old file is intact', { skip: (isRoot || isWindows) && 'root and Windows ignore directory permissions' }, async () => {
    const dir = await fresh();
    const file = join(dir, 'report.txt');
    await writeFile(file, 'old report\n');
    await chmod(dir, 0o555);
    try {
      await assert.rejects(writeAtomically(file, 'new report\n'), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.message, `${file}: cannot write report: permission denied in ${dir}`);
        return true;
      });
    } finally {
      await chmod(dir, 0o755);
    }
    assert.equal(await readFile(file, 'utf8'), 'old report\n');
    assert.deepEqual(await readdir(dir), ['report.txt']);
  });

  it('a failing rename leaves the old file intact, removes the temporary file and names the problem', async () => {
    const dir = await fresh();
    const file = join(dir, 'report.txt');
    await writeFile(file, 'old report\n');
    let tempSeen: string | undefined;
    const failingRename = async (from: Parameters<typeof import('node:fs/promises').rename>[0]): Promise<void> => {
      tempSeen = String(from);
      // The new text is complete on disk in the same directory before the rename is attempted.
      assert.equal(await readFile(tempSeen, 'utf8'), 'new report\n');
      throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
    };
    await assert.rejects(writeAtomically(file, 'new report\n', { rename: failingRename }), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.message, `${file}: cannot write report: no space left on the device`);
      return true;
    });
    assert.ok(tempSeen?.startsWith(join(dir, '.clues-report.txt.')), `temporary file ${tempSeen} is in the target's directory`);
    assert.equal(await readFile(file, 'utf8'), 'old report\n');
    assert.deepEqual(await readdir(dir), ['report.txt']);
  });

  it('an unknown failure keeps its own message', async () => {
    const dir = await fresh();
    const file = join(dir, 'report.txt');
    const rename = async (): Promise<void> => {
      throw new Error('disk on fire');
    };
    await assert.rejects(writeAtomically(file, 'x', { rename }), { name: 'InputError', message: `${file}: cannot write report: disk on fire` });
    assert.deepEqual(await readdir(dir), []);
  });

  it('concurrent writes to one path never mix: the file is one whole report', async () => {
    const dir = await fresh();
    const file = join(dir, 'report.txt');
    const texts = Array.from({ length: 8 }, (_, i) => `${String(i).repeat(100_000)}\n`);
    await Promise.all(texts.map((text) => writeAtomically(file, text)));
    assert.ok(texts.includes(await readFile(file, 'utf8')));
    assert.deepEqual(await readdir(dir), ['report.txt']);
  });
});
