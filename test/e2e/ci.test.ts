/**
 * End to end, as a training team's pipeline uses the tool: a committed baseline, a project config found from the
 * working folder, and `clues init`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');
const PRACTICE = 'fixtures/baseline/practice-interview.txt';
const BASELINE = 'fixtures/baseline/practice-interview.baseline.json';

function clues(args: string[], cwd = ROOT) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['FORCE_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'clues-ci-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the practice interview and its baseline in a fresh folder, at the same relative paths. */
function copyPractice(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'fixtures', 'baseline'), { recursive: true });
  cpSync(join(ROOT, PRACTICE), join(dir, PRACTICE));
  cpSync(join(ROOT, BASELINE), join(dir, BASELINE));
  return dir;
}

interface JsonClue {
  rule: string;
  severity: string;
  who: string;
  line: number;
}
const cluesOf = (stdout: string): JsonClue[] => (JSON.parse(stdout) as { files: Array<{ clues: JsonClue[] }> }).files.flatMap((f) => f.clues);

describe('a training transcript committed with its baseline', () => {
  it('raises clues of its own, so the baseline has something to hold back', () => {
    const run = clues([PRACTICE, '--format', 'json', '--fail-on', 'info']);
    assert.equal(run.status, 1);
    assert.ok(cluesOf(run.stdout).length >= 3);
  });

  it('passes against its committed baseline', () => {
    const run = clues([PRACTICE, '--baseline', BASELINE, '--fail-on', 'info', '--format', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(cluesOf(run.stdout), []);
    assert.equal(run.stderr, '');
  });

  it('fails with exit 1 when one new adult is added, and names only the new clues', () => {
    const dir = copyPractice('new-clue');
    appendFileSync(join(dir, PRACTICE), 'SW: Anyone else who helps?\nLISA: My mate Kyle has been minding Mason while I work.\n');
    const run = clues([PRACTICE, '--baseline', BASELINE, '--format', 'json'], dir);
    assert.equal(run.status, 1);
    const found = cluesOf(run.stdout);
    assert.ok(found.some((c) => c.rule === 'unexplained-adult'));
    assert.deepEqual([...new Set(found.map((c) => c.who))], ['Kyle']);
    assert.ok(found.every((c) => c.line === 19), 'every clue points at the added line');
  });

  it('stays green when lines are added above without new clues, and lists a clue that has gone', () => {
    const dir = copyPractice('edited');
    const path = join(dir, PRACTICE);
    const text = readFileSync(path, 'utf8')
      .replace('SW: Thanks for seeing me', '# Second take, re-recorded.\nSW: Thanks for seeing me')
      .replace("And Darren comes round sometimes, he's just a friend.", 'And Darren comes round sometimes.');
    writeFileSync(path, text);
    const run = clues([PRACTICE, '--baseline', BASELINE, '--format', 'json', '--fail-on', 'info'], dir);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stderr, /gone since the baseline: fixtures\/baseline\/practice-interview\.txt: relationship Darren/);
  });
});

describe('clues.config.json from the working folder', () => {
  const team = join(scratch, 'team');
  const cohort = join(team, 'cohort-3');
  mkdirSync(cohort, { recursive: true });
  cpSync(join(ROOT, PRACTICE), join(cohort, 'practice.txt'));

  it('is found in a folder above, and changes the report', () => {
    const before = cluesOf(clues(['practice.txt', '-f', 'json'], cohort).stdout);
    assert.ok(before.some((c) => c.rule === 'minimisation'));
    assert.ok(before.some((c) => c.rule === 'unexplained-adult' && c.who === 'Darren'));
    writeFileSync(
      join(team, 'clues.config.json'),
      '{\n  // this cohort practises with a known family friend\n  "rules": { "minimisation": "off" },\n  "people": [{ "name": "Darren", "role": "family friend, checked" }]\n}\n',
    );
    const run = clues(['practice.txt', '-f', 'json'], cohort);
    const now = cluesOf(run.stdout);
    assert.ok(!now.some((c) => c.rule === 'minimisation'));
    assert.ok(!now.some((c) => c.rule === 'unexplained-adult' && c.who === 'Darren'));
    assert.ok(now.some((c) => c.rule === 'contradiction'), 'the rest of the report stands');
  });

  it('--no-config ignores it, and --config names another', () => {
    const ignored = cluesOf(clues(['practice.txt', '-f', 'json', '--no-config'], cohort).stdout);
    assert.ok(ignored.some((c) => c.rule === 'minimisation'));
    writeFileSync(join(scratch, 'strict.json'), '{ "rules": { "relationship": "error" } }');
    const strict = cluesOf(clues(['practice.txt', '-f', 'json', '--config', join(scratch, 'strict.json')], cohort).stdout);
    assert.ok(strict.some((c) => c.rule === 'minimisation'), 'only the named config applies');
    const relationships = strict.filter((c) => c.rule === 'relationship');
    assert.ok(relationships.length > 0 && relationships.every((c) => c.severity === 'error'), 'and it does apply');
  });

  it('a mistake in it is one line naming the file, the place and the key, exit 2', () => {
    writeFileSync(join(scratch, 'typo.json'), '{\n  "rules": { "minimisaton": "off" }\n}\n');
    const run = clues(['practice.txt', '--config', join(scratch, 'typo.json')], cohort);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^clues: .*typo\.json:2:14: unknown key "rules\.minimisaton" \(one of: unexplained-adult, .*\)\n$/);
  });

  it('a missing --config file is an input error, exit 2', () => {
    const run = clues(['practice.txt', '--config', join(scratch, 'nope.json')], cohort);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^clues: .*nope\.json: cannot read config \(ENOENT\)\n$/);
  });
});

describe('clues init', () => {
  it('writes a commented starter config that the next run reads, and will not overwrite it', () => {
    const dir = join(scratch, 'init');
    mkdirSync(dir);
    const first = clues(['init'], dir);
    assert.equal(first.status, 0, first.stderr);
    const path = join(dir, 'clues.config.json');
    assert.ok(existsSync(path));
    assert.match(readFileSync(path, 'utf8'), /^\/\/ /);
    assert.match(first.stdout, /clues\.config\.json/);

    cpSync(join(ROOT, PRACTICE), join(dir, 'practice.txt'));
    const report = clues(['practice.txt', '-f', 'json'], dir);
    assert.equal(report.status, 1, report.stderr);

    const second = clues(['init'], dir);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /already exists \(use --force to replace it\)/);
    assert.equal(clues(['init', '--force'], dir).status, 0);
  });

  it('--force replaces a symlink with the file, never writing through it to somewhere else', () => {
    const dir = join(scratch, 'init-link');
    mkdirSync(dir);
    writeFileSync(join(scratch, 'elsewhere.txt'), 'precious\n');
    symlinkSync(join(scratch, 'elsewhere.txt'), join(dir, 'clues.config.json'));
    assert.equal(clues(['init'], dir).status, 2, 'a symlink counts as a config already there');
    assert.equal(clues(['init', '--force'], dir).status, 0);
    assert.equal(readFileSync(join(scratch, 'elsewhere.txt'), 'utf8'), 'precious\n');
    assert.ok(!lstatSync(join(dir, 'clues.config.json')).isSymbolicLink());
  });
});
