import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runClues } from '../helpers/cli.js';

// Inputs in path order (one run lists them in the order given; a merge lists files by path), with a missing file so
// the shards' outputs carry an error line too.
const INPUTS = ['fixtures/formats', 'fixtures/missing.txt', 'seeds'];
const FORMATS = ['terminal', 'json', 'jsonl', 'sarif', 'github', 'markdown'] as const;

let dir: string;
const out = (name: string) => join(dir, name);

/** Runs shard i of n over INPUTS, writing `-f <format>` to a file; returns its path. */
function shard(index: number, count: number, format: 'jsonl' | 'sarif', extra: string[] = []): string {
  const path = out(`shard-${index}-of-${count}${extra.join('')}.${format}`);
  const run = runClues([...INPUTS, '--shard', `${index}/${count}`, '-f', format, '-o', path, '--fail-on', 'none', ...extra]);
  assert.ok(run.status === 0 || run.status === 2, run.stderr);
  return path;
}

describe('clues merge: shard outputs give the report of one run', () => {
  const shards = new Map<number, string[]>();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clues-merge-'));
    for (const count of [2, 3]) shards.set(count, Array.from({ length: count }, (_, i) => shard(i, count, 'jsonl')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a run line, one line per file (its whole result, or an error), and an end line counting them', () => {
    const lines = shards.get(2)!.flatMap((path) => readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
    const runs = lines.filter((l) => l['type'] === 'run');
    assert.deepEqual(runs.map((r) => r['shard']), [{ index: 0, count: 2 }, { index: 1, count: 2 }]);
    const files = lines.filter((l) => l['type'] === 'file');
    assert.equal(files.length, 25, 'every transcript once, across the two shards');
    assert.ok(files.every((f) => Array.isArray(f['people']) && Array.isArray(f['speakers']) && Array.isArray(f['clues'])));
    assert.deepEqual(lines.filter((l) => l['type'] === 'error').map((l) => l['file']), ['fixtures/missing.txt']);
    const ends = lines.filter((l) => l['type'] === 'end').map((l) => l['files'] as number);
    assert.equal(ends.reduce((a, b) => a + b, 0), 26);
  });

  for (const format of FORMATS) {
    it(`2 and 3 shards merged print exactly one run's ${format} report, with its exit code`, () => {
      const one = runClues([...INPUTS, '-f', format, '--no-color']);
      assert.equal(one.status, 2, 'the missing file makes every run exit 2');
      for (const [count, paths] of shards) {
        const merged = runClues(['merge', ...paths, '-f', format, '--no-color']);
        assert.equal(merged.stdout, one.stdout, `${count} shards, ${format}`);
        assert.equal(merged.status, one.status);
      }
    });
  }

  it('--redact at the merge gives the pseudonyms of one redacted run', () => {
    for (const format of ['json', 'terminal']) {
      const one = runClues([...INPUTS, '-f', format, '--redact', '--no-color']);
      const merged = runClues(['merge', ...shards.get(3)!, '-f', format, '--redact', '--no-color']);
      assert.equal(merged.stdout, one.stdout);
      assert.match(one.stdout, /Person A/);
      assert.doesNotMatch(one.stdout, /Steven/);
    }
  });

  it('--fail-on decides the exit code as in one run', () => {
    const readable = ['seeds'];
    const paths = [0, 1].map((i) => {
      const path = out(`seeds-${i}.jsonl`);
      runClues([...readable, '--shard', `${i}/2`, '-f', 'jsonl', '-o', path, '--fail-on', 'none']);
      return path;
    });
    for (const level of ['error', 'none']) {
      assert.equal(runClues(['merge', ...paths, '--fail-on', level]).status, runClues([...readable, '--fail-on', level]).status);
    }
    assert.equal(runClues(['merge', ...paths, '--fail-on', 'error']).status, 1, 'the seed has an error-level contradiction');
  });

  it('an HTML report from JSON Lines has the clues, and says the transcript is not included', () => {
    const merged = runClues(['merge', ...shards.get(2)!, '-f', 'html']);
    assert.equal(merged.status, 2);
    assert.match(merged.stdout, /just a friend/);
    assert.match(merged.stdout, /The transcript is not included in this report/);
  });

  it('a missing shard, a cut-off output and a repeated shard are each one line and exit 2; the rest is still reported', () => {
    const [first, second, third] = shards.get(3)!;
    const missing = runClues(['merge', first!, third!, '-f', 'json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^clues: shard 1 of 3 is missing/m);
    assert.ok((JSON.parse(missing.stdout) as { files: unknown[] }).files.length > 0, 'the other shards are reported');

    const cut = out('cut.jsonl');
    writeFileSync(cut, readFileSync(second!, 'utf8').trimEnd().split('\n').slice(0, -1).join('\n') + '\n');
    const truncated = runClues(['merge', first!, cut, third!, '-f', 'json']);
    assert.equal(truncated.status, 2);
    assert.match(truncated.stderr, /cut\.jsonl: ends before its last line: the run that wrote it did not finish/);

    const twice = runClues(['merge', first!, second!, third!, second!, '-f', 'json']);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /shard 1 of 3 is given twice/);
    assert.doesNotMatch(twice.stderr, /checked in both/, 'only the first copy of a repeated shard is merged');
  });

  it('refuses outputs that cannot be merged: redacted shards, mixed kinds, other files, options of the runs', () => {
    const redacted = [0, 1].map((i) => shard(i, 2, 'jsonl', ['--redact']));
    const r = runClues(['merge', ...redacted]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /written with --redact, whose pseudonyms are decided over one run/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);

    const sarif = shard(0, 2, 'sarif');
    assert.match(runClues(['merge', shards.get(2)![0]!, sarif]).stderr, /JSON Lines and SARIF: give one kind/);
    const readme = runClues(['merge', join(ROOT, 'README.md')]);
    assert.equal(readme.status, 2);
    assert.match(readme.stderr, /README\.md: not the output of clues --format jsonl or --format sarif/);
    const option = runClues(['merge', ...shards.get(2)!, '--shard', '0/2']);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /--shard belongs to the runs that wrote them/);
  });

  it('SARIF shard outputs merge into the SARIF of one run, byte for byte, and into nothing else', () => {
    const paths = [0, 1, 2].map((i) => shard(i, 3, 'sarif'));
    const one = runClues([...INPUTS, '-f', 'sarif']);
    const merged = runClues(['merge', ...paths, '-f', 'sarif']);
    assert.equal(merged.stdout, one.stdout);
    assert.equal(merged.status, one.status);
    const log = JSON.parse(readFileSync(paths[0]!, 'utf8')) as { runs: Array<{ properties?: unknown }> };
    assert.deepEqual(log.runs[0]!.properties, { shard: { index: 0, count: 3 } });
    const json = runClues(['merge', ...paths, '-f', 'json']);
    assert.equal(json.status, 2);
    assert.match(json.stderr, /SARIF outputs merge only into SARIF/);
  });
});

describe('--format jsonl streams', () => {
  it('writes a file\'s line as soon as it is checked, before the next file is even read', { skip: process.platform === 'win32' && 'no FIFOs on Windows', timeout: 120_000 }, async () => {
    const fifoDir = mkdtempSync(join(tmpdir(), 'clues-stream-'));
    try {
      // The second input is a FIFO: reading it blocks until this test writes it, which it does only once the first
      // file's line has arrived. A run that read every file first, or printed at the end, would never print it.
      const fifo = join(fifoDir, 'later.txt');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      for (const jobs of ['1', '2']) {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'clues.js'), 'seeds/interview.txt', fifo, '-f', 'jsonl', '-j', jobs, '--fail-on', 'none'], { cwd: ROOT });
        let stdout = '';
        const firstLine = new Promise<void>((resolve) => {
          child.stdout.on('data', (chunk: Buffer) => {
            stdout += chunk.toString();
            if (stdout.includes('"file":"seeds/interview.txt"')) resolve();
          });
        });
        await firstLine;
        assert.doesNotMatch(stdout, /"type":"end"/);
        writeFileSync(fifo, 'SW: Who lives at home?\nMUM: Just me and the kids.\n');
        const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(status, 0);
        const types = stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
        assert.deepEqual(types, ['run', 'file', 'file', 'end'], `--jobs ${jobs}`);
      }
    } finally {
      rmSync(fifoDir, { recursive: true, force: true });
    }
  });
});
