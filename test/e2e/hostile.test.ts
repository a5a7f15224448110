/**
 * Hostile text end to end (issue 10, findings 4 and 5): transcripts, file names, a config key and a baseline
 * carrying ESC, OSC 52 (a clipboard write), BEL, form feed and U+202E (right-to-left override) reach no
 * terminal raw, in stderr or in any output format; and with `--redact` no name reaches stderr, a baseline file
 * or the SARIF rules. Every fixture is built here, in a temporary folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

/** The repo root, from dist/test/e2e/hostile.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');

const OSC52 = '\u001b]52;c;aGk=\u0007';
const BEL = '\u0007';
const FF = '\u000c';
const RLO = '\u202e';
/** What must never be printed raw: C0 but line feed and tab, DEL, C1, line separators, bidi marks and overrides. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SHOWN_OSC52 = '\\x1b]52;c;aGk=\\x07';

const dir = mkdtempSync(join(tmpdir(), 'clues-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` (the temporary folder unless given) with no colour settings from the environment. */
function clues(args: string[], cwd = dir): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', input: '', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoRaw(text: string, where: string): void {
  const found = RAW.exec(text);
  assert.equal(found, null, `${where} holds U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} raw: ${JSON.stringify(text.slice(0, 300))}`);
}

/** Every string in a parsed JSON document, keys too. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

// A WebVTT interview whose speaker label and words carry every hostile character; it raises clues about Gary.
const HOSTILE_VTT = write(
  'hostile.vtt',
  [
    'WEBVTT',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v SW>Who lives at home with you?',
    '',
    '00:00:05.000 --> 00:00:09.000',
    `<v Tra${RLO}cey${OSC52}>Mum, me and Steven${OSC52} moved in last month, he stays over.`,
    '',
    '00:00:10.000 --> 00:00:12.000',
    '<v SW>Who is Steven?',
    '',
    '00:00:13.000 --> 00:00:15.000',
    `<v Tra${RLO}cey${OSC52}>Just a friend of mum${BEL}s, Gary${FF}${RLO} comes round and stays the night.`,
    '',
  ].join('\n'),
);

describe('every byte printed is safe', () => {
  for (const format of ['terminal', 'json', 'jsonl', 'sarif', 'markdown', 'github']) {
    it(`--format ${format}: hostile speaker labels and words come out shown, never raw`, () => {
      const run = clues([HOSTILE_VTT, '-f', format, '--fail-on', 'none']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Gary/, 'the report has the clues');
      assertNoRaw(run.stdout, `stdout of --format ${format}`);
      assertNoRaw(run.stderr, 'stderr');
      if (format === 'json' || format === 'sarif') {
        for (const s of strings(JSON.parse(run.stdout))) assertNoRaw(s, `a ${format} text field`);
      }
      if (format === 'jsonl') {
        for (const line of run.stdout.trimEnd().split('\n')) for (const s of strings(JSON.parse(line))) assertNoRaw(s, 'a jsonl text field');
      }
      if (format === 'terminal' || format === 'json' || format === 'jsonl') assert.ok(run.stdout.includes('U+202E'), 'the override is shown as U+202E');
    });
  }

  it('parse errors quoting CHAT, SRT and VTT lines show their controls', () => {
    const chat = write('bad.cha', `@Begin\n@Participants:\tCHI Target_Child\n*CHI:\thello .\nnot chat${OSC52}${RLO}${FF}\n@End\n`);
    const srt = write('bad.srt', `1\n00:00:01,000 --> 00:00:04,000\nHello\n\n2\nnot a timing${OSC52}${RLO}\nText\n`);
    const vtt = write('bad.vtt', `WEBVTT\n\nnot a cue${OSC52}${RLO}${BEL}\nnot a timing line either\n`);
    const run = clues([chat, srt, vtt, HOSTILE_VTT, '--fail-on', 'none']);
    assert.equal(run.status, 2);
    assertNoRaw(run.stderr, 'stderr');
    // One line per bad file, then the line that accounts for every input.
    const lines = run.stderr.trimEnd().split('\n').slice(0, -1);
    assert.equal(lines.length, 3, run.stderr);
    assert.match(run.stderr.trimEnd().split('\n').at(-1)!, /^clues: 4 inputs: 1 reported, 3 failed/);
    for (const [line, file] of lines.map((l, i) => [l, [chat, srt, vtt][i]!] as const)) {
      assert.ok(line.startsWith(`clues: ${file}:`), line);
      assert.ok(line.includes(SHOWN_OSC52) && line.includes('U+202E'), line);
    }
    assert.match(run.stdout, /Gary/, 'the good file is still reported');
  });

  it('names of unreadable files show their controls', () => {
    const empty = write(`empty${OSC52}${RLO}.txt`, '');
    const run = clues([empty, `missing${BEL}${FF}${RLO}.txt`, HOSTILE_VTT, '--fail-on', 'none']);
    assert.equal(run.status, 2);
    assertNoRaw(run.stderr, 'stderr');
    assert.ok(run.stderr.includes(`clues: empty${SHOWN_OSC52}U+202E.txt: `), run.stderr);
    assert.ok(run.stderr.includes('clues: missing\\x07\\x0cU+202E.txt: '), run.stderr);
    for (const format of ['terminal', 'json', 'jsonl', 'sarif', 'markdown', 'github']) {
      assertNoRaw(clues([empty, HOSTILE_VTT, '-f', format, '--fail-on', 'none']).stdout, `stdout of --format ${format}`);
    }
  });

  it('an unknown key of a config found in a parent folder shows its controls', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'interviews'), { recursive: true });
    // JSON escapes, so the file is valid JSON whose key holds the raw characters.
    writeFileSync(join(project, 'clues.config.json'), '{ "rules": {}, "bad\\u001b]52;c;aGk=\\u0007\\u202ekey": 1 }\n');
    writeFileSync(join(project, 'interviews', 'a.txt'), 'SW: How are you?\nMUM: Fine.\n');
    const run = clues(['a.txt'], join(project, 'interviews'));
    assert.equal(run.status, 2);
    assertNoRaw(run.stderr, 'stderr');
    assert.ok(run.stderr.includes(`unknown key "bad${SHOWN_OSC52}U+202Ekey"`), run.stderr);
  });

  it('an argument the command line rejects shows its controls', () => {
    const run = clues(['--format', `x${OSC52}${RLO}`]);
    assert.equal(run.status, 2);
    assertNoRaw(run.stderr, 'stderr');
    assert.ok(run.stderr.includes(`'x${SHOWN_OSC52}U+202E' is invalid`), run.stderr);
  });

  it('a version 1 baseline\'s name in a "gone" line shows its controls', () => {
    const entry = { file: HOSTILE_VTT, rule: 'unexplained-adult', who: `Ste${OSC52}ven${RLO}`, fingerprint: 'a'.repeat(64) };
    const baseline = write('named-baseline.json', JSON.stringify({ version: 1, clues: [entry] }));
    const run = clues([HOSTILE_VTT, '--baseline', baseline, '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assertNoRaw(run.stderr, 'stderr');
    assert.ok(run.stderr.includes(`gone since the baseline: ${HOSTILE_VTT}: unexplained-adult Ste${SHOWN_OSC52}venU+202E (fingerprint aaaaaaaaaaaa)`), run.stderr);
  });
});

describe('--redact covers every channel', () => {
  const NAMES = ['Steven', 'Smith', 'Gary'];

  function assertNoName(text: string, where: string): void {
    for (const name of NAMES) assert.ok(!text.includes(name), `${where} names ${name}: ${text.slice(0, 400)}`);
  }

  it('error messages do not quote transcript words', () => {
    const srt = write('named.srt', '1\nSteven Smith moved in\nText\n');
    const vtt = write('named.vtt', 'WEBVTT\n\n00:00:01.000 --> Steven Smith\nHi\n');
    const chat = write('named.cha', '@Begin\n*CHI:\thello .\nSteven Smith moved in\n@End\n');
    // JSON.parse's own message quotes the text around the fault: `Unexpected token 'S', ..."}, Steven Smi"... is not valid JSON`.
    const whisper = write('named.json', '[{"speaker": "A", "text": "Hello"}, Steven Smith moved in]');
    const interviewer = write('labels.txt', 'GARY: Who lives with you?\nSMITH: Steven.\n');
    const files = [srt, vtt, chat, whisper];
    const plain = clues([...files, '--fail-on', 'none']);
    assert.ok(plain.stderr.includes('Steven Smith'), `without --redact the quote helps find the line: ${plain.stderr}`);
    for (const format of ['terminal', 'json', 'sarif', 'markdown', 'github']) {
      const run = clues([...files, '--redact', '-f', format, '--fail-on', 'none']);
      assert.equal(run.status, 2);
      // One line per file, then the line that accounts for them all.
      assert.equal(run.stderr.trimEnd().split('\n').length, files.length + 1, run.stderr);
      assert.ok(run.stderr.includes('[hidden by --redact]'), run.stderr);
      assertNoName(run.stderr, 'stderr');
      assertNoName(run.stdout, `stdout of --format ${format}`);
    }
    const labels = clues([interviewer, '--interviewer', 'Nurse', '--redact']);
    assert.equal(labels.status, 2);
    assert.match(labels.stderr, /speakers found: \[hidden by --redact\]/);
    assertNoName(labels.stderr, 'stderr');
  });

  it('a version 1 baseline\'s names stay off stderr', () => {
    const entry = { file: HOSTILE_VTT, rule: 'unexplained-adult', who: 'Steven', fingerprint: 'b'.repeat(64) };
    const baseline = write('steven-baseline.json', JSON.stringify({ version: 1, clues: [entry] }));
    const run = clues([HOSTILE_VTT, '--baseline', baseline, '--redact', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stderr.includes(`gone since the baseline: ${HOSTILE_VTT}: unexplained-adult (fingerprint bbbbbbbbbbbb)`), run.stderr);
    assertNoName(run.stderr, 'stderr');
  });

  it('--write-baseline records fingerprints, not names, and reads back the same', () => {
    const people = (JSON.parse(clues([HOSTILE_VTT, '-f', 'json', '--fail-on', 'none']).stdout) as { files: Array<{ people: Array<{ name: string }> }> })
      .files[0]!.people.map((p) => p.name);
    assert.ok(people.includes('Gary'), 'the roster names Gary');
    for (const flags of [[], ['--redact']]) {
      const run = clues([HOSTILE_VTT, '--write-baseline', 'written.json', '--fail-on', 'none', ...flags]);
      assert.equal(run.status, 0, run.stderr);
      const text = readFileSync(join(dir, 'written.json'), 'utf8');
      assert.ok(JSON.parse(text).clues.length > 0, 'the baseline records the clues');
      for (const name of people) assert.ok(!text.includes(name), `the baseline names ${name}`);
      const again = clues([HOSTILE_VTT, '--baseline', 'written.json', '-f', 'json', '--fail-on', 'none']);
      assert.equal(again.status, 0, again.stderr);
      assert.deepEqual(JSON.parse(again.stdout).files[0].clues, [], 'every clue is in the baseline');
      assert.equal(again.stderr, '');
    }
  });

  it('SARIF rules carry no example names', () => {
    const rulesOf = (flags: string[]) => JSON.stringify((JSON.parse(clues([HOSTILE_VTT, '-f', 'sarif', '--fail-on', 'none', ...flags]).stdout) as { runs: Array<{ tool: { driver: { rules: unknown } } }> }).runs[0]!.tool.driver.rules);
    assert.ok(rulesOf([]).includes('Steven'), 'the examples name Steven without --redact');
    const redacted = rulesOf(['--redact']);
    assertNoName(redacted, 'the SARIF rules');
    for (const name of ['Daniel', 'Riley', 'Harvey', 'Jordan', 'TRACEY']) assert.ok(!redacted.includes(name), `the SARIF rules name ${name}`);
  });
});
