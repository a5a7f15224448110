/**
 * Hostile input at the command line (issue 10): size limits and zip bombs, a Word document under another name,
 * stdin that is a folder, `-o` at something other than a regular file, Ctrl-C during a write, a reader that closes
 * the pipe early, and the last line that accounts for every input. Each runs the real bin/clues.js.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { lstatSync, copyFileSync, existsSync, symlinkSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { makeDocx } from '../read/docx-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');
const SEED = join(ROOT, 'seeds', 'interview.txt');
const MB = 1024 * 1024;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function clues(args: string[], stdin: string | number = 'pipe', input = ''): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: [stdin as 'pipe', 'pipe', 'pipe'],
    ...(stdin === 'pipe' ? { input } : {}),
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** Exactly one stderr line, no stack trace. */
function oneLine(run: Run): string {
  assert.doesNotMatch(run.stderr, /^ {4}at /m, 'no stack trace');
  const all = lines(run.stderr);
  assert.equal(all.length, 1, `exactly one stderr line:\n${run.stderr}`);
  return all[0]!;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'clues-limits-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('limits', () => {
  it('a folder with a zip-bomb .docx and good transcripts reports the good ones and exits 2', async () => {
    const folder = join(dir, 'bomb-folder');
    mkdirSync(folder);
    copyFileSync(SEED, join(folder, 'a-interview.txt'));
    copyFileSync(join(ROOT, 'fixtures', 'formats', 'stated-boyfriend.docx'), join(folder, 'c-boyfriend.docx'));
    // 60 MB of paragraphs, over the 50 MB default, in a file of a few hundred KB.
    const bomb = await makeDocx(Array.from({ length: 60 * 1024 }, () => 'SW: '.padEnd(1024, 'a')));
    assert.ok(bomb.length < 2 * MB, `small on disk: ${bomb.length}`);
    writeFileSync(join(folder, 'b-bomb.docx'), bomb);
    const run = clues([folder, '--format', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 2, run.stderr);
    const [error, summary, ...rest] = lines(run.stderr);
    assert.equal(error, `clues: ${join(folder, 'b-bomb.docx')}: Word document unpacks to more than the 50 MB limit (--max-size)`);
    assert.equal(summary, 'clues: 3 inputs: 2 reported, 1 failed (each named above)');
    assert.deepEqual(rest, []);
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string }>; errors: Array<{ file: string }> };
    const names = (list: Array<{ file: string }>): string[] => list.map((f) => f.file.slice(folder.length + 1));
    assert.deepEqual(names(report.files), ['a-interview.txt', 'c-boyfriend.docx']);
    assert.deepEqual(names(report.errors), ['b-bomb.docx']);
  });

  it('the last line names a file a folder walk read and skipped, and why', () => {
    const folder = join(dir, 'with-package-json');
    mkdirSync(folder);
    copyFileSync(SEED, join(folder, 'interview.txt'));
    writeFileSync(join(folder, 'package.json'), '{"name": "not-a-transcript"}\n');
    const run = clues([folder, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(oneLine(run), `clues: 2 inputs: 1 reported, 1 skipped (${join(folder, 'package.json')}: JSON that is not a transcript)`);
  });

  it('--max-size refuses a larger file by its size, in one line, and still reports the others', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'SW: Who lives at home?\nMUM: Just me.\n'.repeat(100)); // 3700 bytes
    const run = clues(['--max-size', '2KB', big, SEED]);
    assert.equal(run.status, 2);
    const [error, summary] = lines(run.stderr);
    assert.equal(error, `clues: ${big}: file is 3700 bytes, over the 2 KB limit (--max-size)`);
    assert.equal(summary, 'clues: 2 inputs: 1 reported, 1 failed (each named above)');
    assert.match(run.stdout, /interview\.txt/);
  });

  it('--max-size counts stdin while reading it', () => {
    const run = clues(['--max-size', '2000', '-'], 'pipe', 'SW: hello there\n'.repeat(1000));
    assert.equal(run.status, 2);
    assert.equal(oneLine(run), 'clues: <stdin>: standard input is more than the 2000 bytes limit (--max-size)');
  });

  for (const bad of ['10XB', '-1', 'lots', '0']) {
    it(`--max-size ${bad} is a usage error in one line`, () => {
      const run = clues(['--max-size', bad, SEED]);
      assert.equal(run.status, 2);
      assert.equal(oneLine(run), `clues: --max-size must be a number of bytes, or one with KB, MB or GB (got ${JSON.stringify(bad)})`);
      assert.equal(run.stdout, '');
    });
  }
});

describe('what an input is', () => {
  it('a real .docx renamed .txt is read as a Word document', () => {
    const renamed = join(dir, 'renamed.txt');
    copyFileSync(join(ROOT, 'fixtures', 'formats', 'stated-boyfriend.docx'), renamed);
    const run = clues([renamed, '--format', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; error?: string; clues?: unknown[] }> };
    assert.equal(report.files[0]?.error, undefined);
    assert.ok((report.files[0]?.clues ?? []).length > 0, run.stdout);
  });

  it('stdin that is a folder says so', () => {
    const fd = openSync(dir, 'r');
    try {
      const run = clues(['-'], fd);
      assert.equal(run.status, 2);
      assert.equal(oneLine(run), 'clues: <stdin>: standard input is a directory, not a transcript file');
    } finally {
      closeSync(fd);
    }
  });
});

describe('-o writes only a regular file or a new path', () => {
  // Stand-ins made in the temp folder, so that if -o ever regressed, running these tests as root would replace
  // them and not the machine's /dev/null or /dev/stdout (which is what happened before this change).
  const made = (name: string, make: (path: string) => void): (() => string) => () => {
    const path = join(dir, name);
    if (!existsSync(path)) make(path);
    return path;
  };
  const isRoot = process.getuid?.() === 0;
  const device = isRoot ? made('null', (path) => execFileSync('mknod', ['-m', '666', path, 'c', '1', '3'])) : () => '/dev/null';
  const stdoutLink = made('stdout', (path) => symlinkSync('/proc/self/fd/1', path));
  const targets: Array<[string, () => string, string]> = [
    ['a device (/dev/null)', device, 'a device'],
    ['a link to stdout (/dev/stdout)', stdoutLink, 'a socket'], // a spawned child's stdout on Linux is a socket pair
    ['a FIFO', made('pipe', (path) => execFileSync('mkfifo', [path])), 'a pipe'],
    ['a directory', () => dir, 'a directory'],
  ];
  for (const [name, path, kind] of targets) {
    it(`-o ${name} is a usage error before any analysis, and the node is left as it was`, { skip: process.platform !== 'linux' }, () => {
      const target = path();
      const before = statSync(target);
      const run = clues(['-o', target, SEED]);
      assert.equal(run.status, 2);
      assert.equal(oneLine(run), `clues: ${target}: cannot write report: it is ${kind}, not a regular file`);
      assert.equal(run.stdout, '');
      const after = statSync(target);
      assert.equal(after.ino, before.ino);
      assert.equal(after.isFile(), false);
      assert.equal(lstatSync(target).isSymbolicLink(), name.includes('link'));
    });
  }

  it('--write-baseline at a device is refused the same way', { skip: process.platform !== 'linux' }, () => {
    const target = device();
    const run = clues(['--write-baseline', target, SEED]);
    assert.equal(run.status, 2);
    assert.equal(oneLine(run), `clues: ${target}: cannot write baseline: it is a device, not a regular file`);
    assert.equal(statSync(target).isCharacterDevice(), true);
  });

  it('Ctrl-C during the write leaves no temporary file and no report', { skip: process.platform === 'win32' }, async () => {
    const out = join(dir, 'interrupted');
    mkdirSync(out);
    // A write that never finishes, so the signal arrives while the temporary file exists.
    const script = `
      import { writeAtomically } from ${JSON.stringify(join(ROOT, 'dist', 'src', 'cli', 'output.js'))};
      import { promises as fs } from 'node:fs';
      const open = async (...args) => {
        const handle = await fs.open(...args);
        return { writeFile: async () => { process.stdout.write('writing\\n'); await new Promise(() => setInterval(() => {}, 1000)); }, sync: async () => {}, close: () => handle.close() };
      };
      await writeAtomically(${JSON.stringify(join(out, 'report.txt'))}, 'x', { open });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    assert.equal(readdirSync(out).length, 1, 'the temporary file exists mid-write');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
    assert.equal(code, 130);
    assert.deepEqual(readdirSync(out), []);
  });
});

describe('a reader that closes the pipe early', () => {
  for (const [args, expected] of [
    [['fixtures', '--format', 'json', '--fail-on', 'none'], 0],
    [[SEED, '--format', 'json'], 1],
  ] as const) {
    it(`clues ${args.join(' ')} | head ends quietly with exit ${expected}`, async () => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.destroy(); // like `head -1` having read its line and gone
      const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
      assert.equal(code, expected, stderr);
      assert.doesNotMatch(stderr, /EPIPE|^ {4}at /m);
    });
  }
});
