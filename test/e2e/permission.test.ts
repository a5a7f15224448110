/**
 * End-to-end: a full report runs under Node's permission model with reads limited to the package and the input,
 * and writes only to `-o`'s folder; a report aimed anywhere else is refused with one line and exit 2.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

const ROOT = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const BIN = join(ROOT, 'bin', 'clues.js');
/** Node 20 calls it --experimental-permission; later versions --permission. */
const FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function node(flags: string[], args: string[], cwd: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS']) delete env[key];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [...flags, BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: child.exitCode, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** stderr without Node's own notice that the permission model is experimental. */
function ownStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/ExperimentalWarning|--trace-warnings/.test(line) && line !== '')
    .join('\n');
}

describe('a full report under the permission model', { skip: !process.allowedNodeEnvironmentFlags.has(FLAG) && `node has no ${FLAG}` }, () => {
  let inputs = '';
  let out = '';
  let elsewhere = '';
  let read: string[] = [];
  let expected = '';

  before(async () => {
    inputs = mkdtempSync(join(tmpdir(), 'clues-perm-in-'));
    out = mkdtempSync(join(tmpdir(), 'clues-perm-out-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'clues-perm-elsewhere-'));
    copyFileSync(join(ROOT, 'seeds', 'interview.txt'), join(inputs, 'interview.txt'));
    // The package (node_modules may be a symlink to another checkout's) and the one input file.
    const modules = realpathSync(join(ROOT, 'node_modules'));
    read = [`${ROOT}/*`, ...(modules.startsWith(`${ROOT}/`) ? [] : [`${modules}/*`]), join(inputs, 'interview.txt')].map((p) => `--allow-fs-read=${p}`);
    const free = await node([], ['--format', 'json', 'interview.txt'], inputs);
    assert.equal(free.status, 1, free.stderr);
    expected = free.stdout;
    assert.ok((JSON.parse(expected) as { files: Array<{ clues: unknown[] }> }).files[0]!.clues.length > 0);
  });

  after(() => {
    for (const dir of [inputs, out, elsewhere]) rmSync(dir, { recursive: true, force: true });
  });

  it('prints to stdout with no write permission at all', async () => {
    const run = await node([FLAG, ...read], ['--format', 'json', 'interview.txt'], inputs);
    assert.equal(ownStderr(run.stderr), '');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, expected);
  });

  it('writes -o with write permission for its folder only', async () => {
    const target = join(out, 'report.json');
    // -o writes a temp file and renames it into place; Node 20's permission model checks fs.rename's source for read too.
    const flags = [FLAG, ...read, `--allow-fs-read=${out}/*`, `--allow-fs-write=${out}/*`];
    const run = await node(flags, ['--format', 'json', '-o', target, 'interview.txt'], inputs);
    assert.equal(ownStderr(run.stderr), '');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(readFileSync(target, 'utf8'), expected);
  });

  it('is refused a write anywhere else: one line, exit 2, no file', async () => {
    const target = join(elsewhere, 'report.json');
    const flags = [FLAG, ...read, `--allow-fs-read=${out}/*`, `--allow-fs-write=${out}/*`];
    const run = await node(flags, ['--format', 'json', '-o', target, 'interview.txt'], inputs);
    assert.equal(run.status, 2);
    assert.equal(ownStderr(run.stderr), `clues: ${target}: cannot write report: Access to this API has been restricted`);
    assert.equal(existsSync(target), false);
  });
});
