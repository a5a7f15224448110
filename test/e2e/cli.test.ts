/**
 * End-to-end tests: run the real `bin/clues.js` as a child process, from the repo root, and check what a
 * user sees: stdout, stderr and the exit code.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { jsonKind } from '../../src/formats/whisper.js';
import { isTranscriptName } from '../../src/read/read.js';

/** The repo root, from dist/test/e2e/cli.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');
const SEED = 'seeds/interview.txt';
const FIXTURES = 'fixtures';
const ESC = '\u001b';

const CLUE_KEYS = ['rule', 'kind', 'severity', 'file', 'line', 'column', 'lines', 'who', 'speaker', 'message', 'evidence'];
/** The documented keys in order; `confidence` may follow where a detector gives one. */
const keysOf = (clue: object) => Object.keys(clue).filter((k) => k !== 'confidence');
const SEVERITIES = ['error', 'warning', 'info'] as const;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string>;
  input?: string;
}

/** Runs the CLI with a clean colour environment (no FORCE_COLOR/NO_COLOR unless the test sets them). */
function clues(args: string[], options: RunOptions = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  Object.assign(env, options.env ?? {});
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const memo = new Map<string, Run>();
/** The same run, done once per file (for the seed, which many tests read). */
function cluesOnce(args: string[]): Run {
  const key = JSON.stringify(args);
  let run = memo.get(key);
  if (!run) {
    run = clues(args);
    memo.set(key, run);
  }
  return run;
}

interface EvidenceJson {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}
interface ClueJson {
  rule: string;
  kind: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  lines: number[];
  who: string;
  speaker: string;
  message: string;
  evidence: EvidenceJson[];
}
interface ReportJson {
  version: number;
  files: Array<{ file: string; speakers: Array<{ label: string; role: string }>; people: unknown[]; clues: ClueJson[] }>;
  errors: Array<{ file: string; message: string }>;
}

function parseJson(run: Run): ReportJson {
  try {
    return JSON.parse(run.stdout) as ReportJson;
  } catch (error) {
    assert.fail(`stdout is not JSON (${(error as Error).message}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Clue head lines of the terminal report: `  10:45   warning  unexplained-adult  Steven: …`. */
const CLUE_LINE = /^ {2}(\d+):(\d+)\s+(error|warning|info)\s+(\S+)\s+(.*)$/;

function clueLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => CLUE_LINE.test(line));
}

function summaryLine(stdout: string): string {
  const all = lines(stdout);
  return all[all.length - 1] ?? '';
}

/** True when `text` is found in the file at 1-based `line`:`column` (a phrase may run on over a line break). */
function textAt(fileLines: string[], line: number, column: number, text: string): { ok: boolean; found: string } {
  const here = fileLines[line - 1];
  if (here === undefined || column < 1) return { ok: false, found: `<no line ${line} col ${column}>` };
  const exact = here.slice(column - 1, column - 1 + text.length);
  if (exact === text) return { ok: true, found: exact };
  // Turns of speech join their lines with one space, so a quote may cross into the next line(s).
  const rest = [here.slice(column - 1), ...fileLines.slice(line, line + 3).map((l) => l.trim())].join(' ');
  const found = rest.slice(0, text.length);
  return { ok: found === text && here.length - (column - 1) < text.length, found: exact };
}

function readLines(path: string): string[] {
  return readFileSync(join(ROOT, path), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** Checks every clue's evidence points at the exact words in the file, and that `lines` is sorted and has `line`. */
function assertPositions(report: ReportJson, path: string): void {
  const fileLines = readLines(path);
  for (const file of report.files) {
    for (const clue of file.clues) {
      const where = `${path} ${clue.kind} ${clue.line}:${clue.column} (${clue.who})`;
      assert.deepEqual([...clue.lines].sort((a, b) => a - b), clue.lines, `${where}: lines ascending`);
      assert.ok(clue.lines.includes(clue.line), `${where}: lines ${JSON.stringify(clue.lines)} include ${clue.line}`);
      for (const evidence of clue.evidence) {
        const at = textAt(fileLines, evidence.line, evidence.column, evidence.text);
        assert.ok(
          at.ok,
          `${where}: evidence "${evidence.text}" should be at ${evidence.line}:${evidence.column}, found "${at.found}"`,
        );
        assert.ok(clue.lines.includes(evidence.line), `${where}: evidence line ${evidence.line} is in lines`);
        // The end is one past the last quoted character, on the line it is on: never past that line's end.
        const endsOn = fileLines[evidence.endLine - 1] ?? '';
        assert.ok(evidence.endColumn >= 2 && evidence.endColumn <= endsOn.length + 1, `${where}: end ${evidence.endLine}:${evidence.endColumn}`);
        assert.ok(
          evidence.endLine === evidence.line
            ? evidence.endColumn === evidence.column + evidence.text.length
            : evidence.endLine > evidence.line && endsOn.slice(0, evidence.endColumn - 1).trimStart().length > 0 &&
                evidence.text.endsWith(endsOn.slice(0, evidence.endColumn - 1).trimStart()),
          `${where}: "${evidence.text}" should end at ${evidence.endLine}:${evidence.endColumn}`,
        );
      }
    }
  }
}

const fixtureFiles = readdirSync(join(ROOT, FIXTURES))
  .filter((name) => name.endsWith('.txt'))
  .sort();
/** Every transcript a walk of fixtures reads, subfolders included (fixtures/formats, fixtures/baseline); JSON only when it holds segments or is broken. */
function transcriptsUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return transcriptsUnder(path);
    if (!isTranscriptName(entry.name)) return [];
    return !entry.name.endsWith('.json') || jsonKind(readFileSync(join(ROOT, path), 'utf8')) !== 'other' ? [path] : [];
  });
}
/** Every file `clues fixtures` reports, in its order. */
const walkedFiles = transcriptsUnder(FIXTURES).sort();
/** stderr of a clean run over the fixtures: only the last line, accounting for every input (the baseline's JSON is skipped). */
const everyReported = `clues: ${walkedFiles.length + 1} inputs: ${walkedFiles.length} reported, 1 skipped (fixtures/baseline/practice-interview.baseline.json: JSON that is not a transcript)\n`;

const tempDir = mkdtempSync(join(tmpdir(), 'clues-e2e-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

describe('clues (e2e)', () => {
  it('finds the compiled CLI and the repo root', () => {
    assert.ok(existsSync(join(ROOT, 'package.json')), `package.json in ${ROOT}`);
    assert.ok(existsSync(BIN), BIN);
  });

  describe('no path: the bundled seed', () => {
    it('exits 1 (an error-level contradiction, default --fail-on error)', () => {
      const run = cluesOnce([]);
      assert.equal(run.status, 1, run.stderr);
      assert.equal(run.stderr, '');
      assert.match(lines(run.stdout)[0] ?? '', /seeds\/interview\.txt$/);
    });

    it('reports Steven as an unexplained adult at line 10', () => {
      const shown = clueLines(cluesOnce([]).stdout);
      assert.ok(
        shown.some((line) => /^ {2}10:\d+\s+\w+\s+unexplained-adult\s+Steven\b/.test(line)),
        shown.join('\n'),
      );
    });

    it('reports the denied relationship at line 12', () => {
      const shown = clueLines(cluesOnce([]).stdout);
      assert.ok(
        shown.some((line) => /^ {2}12:\d+\s+\w+\s+relationship\s+Steven\b.*denied/.test(line)),
        shown.join('\n'),
      );
    });

    it('reports an error contradiction whose evidence cites lines 12, 15 and 18', () => {
      const out = cluesOnce([]).stdout.split('\n');
      const at = out.findIndex((line) => /^ {2}\d+:\d+\s+error\s+contradiction\s+Steven\b/.test(line));
      assert.notEqual(at, -1, out.join('\n'));
      const evidence = out[at + 1] ?? '';
      assert.doesNotMatch(evidence, CLUE_LINE, 'the line after a clue is its evidence');
      for (const line of [12, 15, 18]) {
        assert.match(evidence, new RegExp(`(^|\\s)${line}:\\d+ "`), `evidence cites line ${line}: ${evidence}`);
      }
    });

    it('has a summary whose counts add up to the clue lines shown', () => {
      const { stdout } = cluesOnce([]);
      const shown = clueLines(stdout);
      const summary = summaryLine(stdout);
      const match = /^✖ (\d+) clues? \(([^)]*)\) in 1 file$/.exec(summary);
      assert.ok(match, `summary: ${summary}`);
      assert.equal(Number(match[1]), shown.length);
      const parts = Object.fromEntries(
        (match[2] ?? '').split(', ').map((part) => {
          const [count, word] = part.split(' ');
          return [(word ?? '').replace(/s$/, ''), Number(count)];
        }),
      );
      let total = 0;
      for (const severity of SEVERITIES) {
        const count = shown.filter((line) => CLUE_LINE.exec(line)?.[3] === severity).length;
        assert.equal(parts[severity] ?? 0, count, `${severity} count in "${summary}"`);
        total += count;
      }
      assert.equal(total, Number(match[1]));
    });
  });

  describe('--format json on the seed', () => {
    const report = (): ReportJson => parseJson(cluesOnce(['--format', 'json']));

    it('parses as version 1 with the seed file and its speakers', () => {
      const run = cluesOnce(['--format', 'json']);
      assert.equal(run.status, 1);
      const doc = report();
      assert.equal(doc.version, 1);
      assert.deepEqual(doc.errors, []);
      assert.equal(doc.files.length, 1);
      const file = doc.files[0]!;
      assert.ok(file.file.endsWith('seeds/interview.txt'), file.file);
      assert.deepEqual(file.speakers, [
        { label: 'SW', role: 'interviewer' },
        { label: 'TRACEY', role: 'interviewee' },
      ]);
      assert.ok(file.clues.length > 0);
    });

    it('gives every clue exactly the documented keys, in order', () => {
      for (const clue of report().files[0]!.clues) {
        assert.deepEqual(keysOf(clue), CLUE_KEYS);
        assert.ok(clue.file.endsWith('seeds/interview.txt'));
        assert.ok(SEVERITIES.includes(clue.severity as (typeof SEVERITIES)[number]), clue.severity);
        for (const evidence of clue.evidence) {
          assert.deepEqual(Object.keys(evidence), ['line', 'column', 'endLine', 'endColumn', 'text']);
          assert.equal(typeof evidence.line, 'number');
          assert.equal(typeof evidence.column, 'number');
          assert.equal(typeof evidence.text, 'string');
        }
      }
    });

    it('points every evidence quote at the exact words in the seed file', () => {
      const doc = report();
      assert.ok(doc.files[0]!.clues.some((clue) => clue.evidence.length > 0));
      assertPositions(doc, SEED);
    });

    it('gives the contradiction lines 12, 15 and 18', () => {
      const contradiction = report().files[0]!.clues.find((clue) => clue.kind === 'contradiction');
      assert.ok(contradiction);
      assert.equal(contradiction.severity, 'error');
      for (const line of [12, 15, 18]) assert.ok(contradiction.lines.includes(line), `line ${line}`);
    });
  });

  describe('evidence positions in every fixture (--format json)', () => {
    /** One run over the whole folder; each fixture then gets its own test on its part of the report. */
    const report = (): ReportJson => {
      const run = cluesOnce(['--format', 'json', '--fail-on', 'none', FIXTURES]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, everyReported);
      return parseJson(run);
    };

    it('reads every fixture without errors', () => {
      const doc = report();
      assert.deepEqual(doc.errors, []);
      assert.deepEqual(
        doc.files.map((f) => f.file),
        walkedFiles,
      );
    });

    for (const name of fixtureFiles) {
      it(name, () => {
        const path = `${FIXTURES}/${name}`;
        const file = report().files.find((f) => f.file === path);
        assert.ok(file, `${path} in the report`);
        for (const clue of file.clues) {
          assert.deepEqual(keysOf(clue), CLUE_KEYS);
          assert.equal(clue.file, path);
        }
        assertPositions({ version: 1, files: [file], errors: [] }, path);
      });
    }
  });

  describe('--fail-on', () => {
    it('none exits 0 on the seed', () => {
      const run = clues(['--fail-on', 'none']);
      assert.equal(run.status, 0, run.stderr);
      assert.match(summaryLine(run.stdout), /^✖ \d+ clues? /);
    });

    it('warning exits 1 on the seed', () => {
      assert.equal(clues(['--fail-on', 'warning']).status, 1);
    });

    it('warning exits 0 on a fixture whose clues are all info', () => {
      // Found by running, so the test follows the detectors' severities rather than hard-coding a file.
      const doc = parseJson(cluesOnce(['--format', 'json', '--fail-on', 'none', FIXTURES]));
      const infoOnly = doc.files.find(
        (f) => f.clues.length > 0 && f.clues.every((clue) => clue.severity === 'info'),
      );
      assert.ok(infoOnly, 'some fixture has only info clues');
      const path = infoOnly.file;
      assert.equal(clues(['--fail-on', 'warning', path]).status, 0, path);
      assert.equal(clues(['--fail-on', 'info', path]).status, 1, path);
    });

    const clean = fixtureFiles.filter((name) => name.startsWith('clean-'));
    it('has clean fixtures to check', () => assert.ok(clean.length > 0));
    for (const name of clean) {
      it(`exits 0 and says no clues on ${name}`, () => {
        const run = clues(['--fail-on', 'info', `${FIXTURES}/${name}`]);
        assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
        assert.equal(run.stderr, '');
        assert.match(run.stdout, /^ {2}no clues$/m);
        assert.equal(summaryLine(run.stdout), '✔ no clues in 1 file');
        assert.deepEqual(clueLines(run.stdout), []);
      });
    }
  });

  describe('input errors', () => {
    function assertOneLine(stderr: string): string {
      assert.doesNotMatch(stderr, /^ {4}at /m, 'no stack trace');
      const all = lines(stderr);
      assert.equal(all.length, 1, `exactly one stderr line:\n${stderr}`);
      return all[0]!;
    }

    it('a missing path exits 2 with one line naming it', () => {
      const path = 'no/such/transcript.txt';
      const run = clues([path]);
      assert.equal(run.status, 2);
      const line = assertOneLine(run.stderr);
      assert.ok(line.includes(path), line);
      assert.match(line, /no such file/);
    });

    it('a binary file exits 2 with one line', () => {
      const path = join(tempDir, 'binary.txt');
      writeFileSync(path, Buffer.from([0x53, 0x57, 0x3a, 0x00, 0x01, 0x02, 0xff, 0x00, 0x0a]));
      const run = clues([path]);
      assert.equal(run.status, 2);
      const line = assertOneLine(run.stderr);
      assert.ok(line.includes(path), line);
      assert.match(line, /binary/);
    });

    it('an empty file exits 2 with one line', () => {
      const path = join(tempDir, 'empty.txt');
      writeFileSync(path, '');
      const run = clues([path]);
      assert.equal(run.status, 2);
      const line = assertOneLine(run.stderr);
      assert.ok(line.includes(path), line);
      assert.match(line, /empty/);
    });

    it('a missing file beside the seed exits 2, names only the missing file and still reports the seed', () => {
      const path = 'missing-transcript.txt';
      const run = clues([path, SEED]);
      assert.equal(run.status, 2);
      // The last line accounts for both inputs; the one before it is the missing file's.
      assert.equal(lines(run.stderr).at(-1), 'clues: 2 inputs: 1 reported, 1 failed (each named above)');
      const line = assertOneLine(run.stderr.split('\n').slice(0, -2).join('\n'));
      assert.ok(line.includes(path), line);
      assert.ok(!line.includes('interview'), line);
      assert.match(run.stdout, /^seeds\/interview\.txt$/m);
      assert.ok(clueLines(run.stdout).some((l) => /contradiction/.test(l)), run.stdout);
      assert.match(summaryLine(run.stdout), /in 1 file, 1 file could not be read$/);
    });
  });

  describe('usage', () => {
    it('--help exits 0 and lists the options', () => {
      const run = clues(['--help']);
      assert.equal(run.status, 0, run.stderr);
      for (const option of ['--format', '--fail-on', '--interviewer', '--input-format', '--stdin-filename']) assert.ok(run.stdout.includes(option), option);
    });

    it('--version prints the package.json version', () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = clues(['--version']);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), version);
    });

    it('an unknown option exits 2 naming it', () => {
      const run = clues(['--frobnicate']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--frobnicate/);
      assert.doesNotMatch(run.stderr, /^ {4}at /m);
      assert.equal(run.stdout, '');
    });

    it('--max-warnings abc is a usage error before any work: no report, exit 2', () => {
      for (const bad of ['abc', '-1', '2.5', '']) {
        const run = clues(['fixtures/clean-school-meeting.txt', '--max-warnings', bad]);
        assert.equal(run.status, 2, bad);
        assert.equal(run.stdout, '', `no report for ${JSON.stringify(bad)}`);
        assert.match(run.stderr, /--max-warnings <n>' argument .* is invalid\. must be a whole number, 0 or more/);
      }
      assert.equal(clues(['seeds/interview.txt', '--max-warnings', '0', '--fail-on', 'none']).status, 1, 'the seed has warnings');
    });

    it('--format xml exits 2 naming the allowed choices', () => {
      const run = clues(['--format', 'xml']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /xml/);
      assert.match(run.stderr, /terminal/);
      assert.match(run.stderr, /json/);
      assert.equal(run.stdout, '');
    });
  });

  describe('stdin', () => {
    it('- reads a transcript from stdin and reports it as <stdin>', () => {
      const input = "SW: Who stays at yours?\nMUM: Steven stays over. He's just a friend.\n";
      const run = clues(['-', '--fail-on', 'none'], { input });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(lines(run.stdout)[0], '<stdin>');
      assert.match(run.stdout, /speakers: SW interviewer .*MUM interviewee/);
      assert.ok(clueLines(run.stdout).some((line) => /^ {2}2:\d+ .*Steven/.test(line)), run.stdout);
    });

    it('- with --format json gives <stdin> as the file of the report and its clues', () => {
      const input = "SW: Who stays at yours?\nMUM: Steven stays over. He's just a friend.\n";
      const doc = parseJson(clues(['-', '-f', 'json'], { input }));
      assert.equal(doc.files[0]?.file, '<stdin>');
      for (const clue of doc.files[0]!.clues) assert.equal(clue.file, '<stdin>');
    });
  });

  describe('colour', () => {
    it('FORCE_COLOR=1 colours the terminal report', () => {
      const run = clues([], { env: { FORCE_COLOR: '1' } });
      assert.ok(run.stdout.includes(`${ESC}[`), 'ANSI escapes');
    });

    it('NO_COLOR=1 gives no escapes', () => {
      const run = clues([], { env: { NO_COLOR: '1' } });
      assert.ok(!run.stdout.includes(ESC));
      assert.ok(run.stdout.length > 0);
    });

    it('--no-color gives no escapes, even with FORCE_COLOR=1', () => {
      assert.ok(!clues(['--no-color']).stdout.includes(ESC));
      assert.ok(!clues(['--no-color'], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
    });

    it('a piped stdout is not coloured by default', () => {
      assert.ok(!cluesOnce([]).stdout.includes(ESC));
    });
  });

  describe('--interviewer', () => {
    it('TRACEY makes TRACEY the interviewer, so none of her words raise clues', () => {
      const run = clues(['--interviewer', 'TRACEY']);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /speakers: .*TRACEY interviewer \(option\)/);
      assert.match(run.stdout, /speakers: .*SW interviewee/);
      const doc = parseJson(clues(['--interviewer', 'TRACEY', '-f', 'json']));
      assert.deepEqual(doc.files[0]!.speakers, [
        { label: 'SW', role: 'interviewee' },
        { label: 'TRACEY', role: 'interviewer' },
      ]);
      const clueList = doc.files[0]!.clues;
      assert.deepEqual(
        clueList.filter((clue) => clue.speaker === 'TRACEY'),
        [],
        'clues come only from interviewees',
      );
      assert.ok(clueList.length < parseJson(cluesOnce(['--format', 'json'])).files[0]!.clues.length);
    });

    it('TRACEY drops the clue count to 0 and exits 0', () => {
      const run = clues(['--interviewer', 'TRACEY']);
      assert.equal(run.status, 0);
      assert.deepEqual(clueLines(run.stdout), []);
      assert.match(run.stdout, /^ {2}no clues$/m);
    });

    it('NOBODY exits 2 with a message listing the speakers', () => {
      const run = clues(['--interviewer', 'NOBODY']);
      assert.equal(run.status, 2);
      assert.doesNotMatch(run.stderr, /^ {4}at /m);
      const all = lines(run.stderr);
      assert.equal(all.length, 1, run.stderr);
      assert.match(all[0]!, /NOBODY/);
      assert.match(all[0]!, /SW/);
      assert.match(all[0]!, /TRACEY/);
    });
  });

  describe('directory input', () => {
    it('clues fixtures reports every fixture transcript and does not crash', () => {
      const run = clues(['--fail-on', 'none', FIXTURES]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, everyReported);
      const headers = run.stdout.split('\n').filter((line) => /^fixtures\/\S+\.txt$/.test(line));
      assert.deepEqual(
        headers,
        walkedFiles.filter((path) => path.endsWith('.txt')),
      );
      // fixtures/suppressed.txt silences one clue with a reason; the summary says so rather than hide it.
      assert.match(summaryLine(run.stdout), new RegExp(` in ${walkedFiles.length} files, 1 silenced by clues-ignore$`));
    });
  });
});
