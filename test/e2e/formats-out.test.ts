/** End-to-end: the real `bin/clues.js` prints each machine-readable and review format for the seed, parseable, with exit code 1. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';

/** The repo root, from dist/test/e2e/formats-out.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');
const SEED = 'seeds/interview.txt';
const FORMATS = ['sarif', 'github', 'markdown', 'jsonl'] as const;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from the repo root with a clean colour environment. */
function clues(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ status: child.exitCode, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('--format sarif, github, markdown and jsonl on the seed (bin/clues.js)', () => {
  const runs = new Map<string, Run>();
  let clueCount = 0;

  before(async () => {
    const done = await Promise.all(['json', ...FORMATS].map(async (format) => [format, await clues(['--format', format, SEED])] as const));
    for (const [format, run] of done) runs.set(format, run);
    clueCount = (JSON.parse(runs.get('json')!.stdout) as { files: Array<{ clues: unknown[] }> }).files[0]!.clues.length;
    assert.ok(clueCount > 0);
  });

  for (const format of FORMATS) {
    it(`${format} exits 1 for the seed's error clue and writes nothing to stderr`, () => {
      const run = runs.get(format)!;
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      assert.ok(run.stdout.endsWith('\n'));
    });
  }

  it('sarif parses as one SARIF 2.1.0 run with a result per clue', () => {
    const log = JSON.parse(runs.get('sarif')!.stdout) as {
      version: string;
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0]!.results.length, clueCount);
    for (const result of log.runs[0]!.results) assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, SEED);
  });

  it('github prints one workflow command per clue', () => {
    const lines = runs.get('github')!.stdout.trimEnd().split('\n');
    assert.equal(lines.length, clueCount);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=seeds\/interview\.txt,line=\d+,col=\d+,(endColumn=\d+,)?title=[^:]+::\S/);
    assert.ok(lines.some((line) => line.startsWith('::error ')));
  });

  it('markdown prints a heading, a summary and a table row per clue', () => {
    const output = runs.get('markdown')!.stdout;
    assert.ok(output.startsWith('# Transcript clues\n\n**'));
    assert.ok(output.includes('\n## seeds/interview.txt\n'));
    assert.ok(output.includes('| Line | Severity | Rule | Who | What | Quote |'));
    assert.equal(output.split('\n').filter((line) => line.startsWith('| [')).length, clueCount);
  });

  it('jsonl prints a run line, the file with every clue, and an end line, each parseable', () => {
    const lines = runs.get('jsonl')!.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; file?: string; clues?: Array<{ rule: string; file: string }> });
    assert.deepEqual(lines.map((l) => l.type), ['run', 'file', 'end']);
    assert.equal(lines[1]!.file, SEED);
    assert.equal(lines[1]!.clues!.length, clueCount);
    for (const c of lines[1]!.clues!) assert.equal(c.file, SEED);
  });
});
