/**
 * End-to-end tests of the input formats: every fixtures/formats/NAME.{vtt,srt,json,cha,md,docx} is the interview in
 * fixtures/NAME.txt in another format, so the real CLI must find the same clues, people and speakers in it, differing
 * only in positions and timestamps. Malformed files of each format exit 2 with one line naming the file.
 *
 * fixtures/formats/stated-boyfriend.docx was saved by LibreOffice Writer 7.4 (no LibreOffice is needed to run
 * these tests): fixtures/stated-boyfriend.txt as HTML with a heading, an italic note, bold speaker labels and each
 * continuation line as a line break (<br>) inside its paragraph, then
 * `soffice --headless --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" stated-boyfriend.html`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { docxText } from '../../src/read/docx.js';

/** The repo root, from dist/test/e2e/formats.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'clues.js');
const FORMATS_DIR = 'fixtures/formats';
const EXTENSIONS = ['vtt', 'srt', 'json', 'cha', 'md', 'docx'] as const;
/** Formats whose every utterance has a time, so every quote carries one. */
const TIMED = new Set(['vtt', 'srt', 'json']);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function clues(args: string[], input = ''): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', input, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface EvidenceJson {
  line: number;
  column: number;
  text: string;
  time?: string;
}
interface ClueJson {
  rule: string;
  kind: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  who: string;
  speaker: string;
  message: string;
  evidence: EvidenceJson[];
}
interface FileJson {
  file: string;
  lineUnit?: string;
  speakers: Array<{ label: string; role: string }>;
  people: Array<{ name: string; aliases: string[]; class: string; roles: string[] }>;
  clues: ClueJson[];
}
interface ReportJson {
  files: FileJson[];
  errors: Array<{ file: string; message: string }>;
}

/** NAME → the extensions fixtures/formats has for it; only names with a fixtures/NAME.txt to compare with. */
function formatFixtures(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  if (!existsSync(join(ROOT, FORMATS_DIR))) return byName;
  for (const file of readdirSync(join(ROOT, FORMATS_DIR)).sort()) {
    const match = /^(.+)\.([a-z]+)$/.exec(file);
    if (!match || !(EXTENSIONS as readonly string[]).includes(match[2]!)) continue;
    if (!existsSync(join(ROOT, 'fixtures', `${match[1]}.txt`))) continue;
    byName.set(match[1]!, [...(byName.get(match[1]!) ?? []), match[2]!]);
  }
  return byName;
}

/** Positions and timestamps in a message (`line 12`, `12:14`, `00:12:31`) are the only part allowed to differ. */
function normaliseMessage(message: string): string {
  return message.replace(/\b\d+(?::\d+)+\b/g, '#').replace(/\blines? [\d, and]+\b/g, 'line #');
}

/** Quoted words compared across formats: CHAT and captions may space punctuation or wrap differently. */
function normaliseQuote(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ (?=[.,?!;:])/g, '').replace(/[‘’]/g, "'").trim().toLowerCase();
}

/** A clue as compared across formats; its speaker by their place among the file's speakers (CHAT relabels them). */
function clueKey(clue: ClueJson, file: FileJson): string {
  const speaker = file.speakers.findIndex((s) => s.label === clue.speaker);
  return [
    clue.kind,
    clue.rule,
    clue.severity,
    clue.who.toLowerCase(),
    `speaker ${speaker} (${file.speakers[speaker]?.role ?? 'unknown'})`,
    normaliseMessage(clue.message),
    clue.evidence.map((e) => normaliseQuote(e.text)).join(' | '),
  ].join(' ¦ ');
}

function peopleKey(file: FileJson): string[] {
  return file.people.map((p) => `${p.name} ¦ ${p.class} ¦ ${p.roles.join(', ')} ¦ ${p.aliases.join(', ')}`.toLowerCase());
}

/** The character at 1-based line:column of `text`. */
function charAt(lines: string[], line: number, column: number): string | undefined {
  return lines[line - 1]?.[column - 1];
}

const fixtures = formatFixtures();
const tempDir = mkdtempSync(join(tmpdir(), 'clues-formats-'));
after(() => rmSync(tempDir, { recursive: true, force: true }));

describe('input formats (e2e)', () => {
  it('has format fixtures to compare', () => {
    assert.ok(fixtures.size > 0, `no ${FORMATS_DIR}/NAME.{${EXTENSIONS.join(',')}} beside a fixtures/NAME.txt`);
    assert.ok([...fixtures.values()].some((exts) => exts.includes('docx')), 'a .docx made by a word processor');
  });

  for (const [name, extensions] of fixtures) {
    describe(name, () => {
      const txtPath = `fixtures/${name}.txt`;
      const paths = extensions.map((ext) => `${FORMATS_DIR}/${name}.${ext}`);
      let memo: ReportJson | undefined;
      /** One run over the .txt and every other format of it. */
      const report = (): ReportJson => {
        if (memo) return memo;
        const run = clues(['--format', 'json', '--fail-on', 'none', txtPath, ...paths]);
        assert.equal(run.status, 0, run.stderr);
        const inputs = paths.length + 1;
        assert.equal(run.stderr, `clues: ${inputs} inputs: ${inputs} reported\n`);
        memo = JSON.parse(run.stdout) as ReportJson;
        assert.deepEqual(memo.errors, []);
        return memo;
      };
      const fileOf = (path: string): FileJson => {
        const found = report().files.find((f) => f.file === path);
        assert.ok(found, `${path} in the report`);
        return found;
      };

      for (const ext of extensions) {
        const path = `${FORMATS_DIR}/${name}.${ext}`;
        describe(`.${ext}`, () => {
          it('finds the same clues as the .txt (kind, rule, severity, who, speaker, message, quotes)', () => {
            const keys = (file: FileJson) => file.clues.map((clue) => clueKey(clue, file)).sort();
            const expected = keys(fileOf(txtPath));
            const actual = keys(fileOf(path));
            assert.deepEqual(actual, expected);
          });

          it('finds the same people', () => {
            assert.deepEqual(peopleKey(fileOf(path)), peopleKey(fileOf(txtPath)));
          });

          it('finds the same speakers with the same roles', () => {
            const roles = (f: FileJson) => f.speakers.map((s) => s.role);
            assert.deepEqual(roles(fileOf(path)), roles(fileOf(txtPath)));
            // CHAT labels speakers by participant code or name (INV, Gemma); every other format keeps the labels.
            if (ext !== 'cha') {
              const labels = (f: FileJson) => f.speakers.map((s) => s.label.toLowerCase());
              assert.deepEqual(labels(fileOf(path)), labels(fileOf(txtPath)));
            }
          });

          it('points every quote into the file, with its time where the format has one', async () => {
            const text = ext === 'docx' ? await docxText(readFileSync(join(ROOT, path))) : readFileSync(join(ROOT, path), 'utf8');
            const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
            for (const clue of fileOf(path).clues) {
              for (const evidence of clue.evidence) {
                const where = `${path}:${evidence.line}:${evidence.column} "${evidence.text}"`;
                const found = charAt(lines, evidence.line, evidence.column);
                // JSON string escapes and Markdown emphasis may stand where the first letter is written.
                assert.ok(found === evidence.text[0] || found === '\\' || found === '*' || found === '_', `${where}: found "${found}"`);
                if (TIMED.has(ext)) assert.match(evidence.time ?? '', /^\d{2}:\d{2}:\d{2}$/, `${where}: time`);
              }
            }
          });

          if (ext === 'docx') {
            it('says its line numbers are paragraphs (terminal and JSON)', () => {
              assert.equal(fileOf(path).lineUnit, 'paragraph');
              const run = clues(['--fail-on', 'none', path]);
              assert.equal(run.status, 0, run.stderr);
              assert.equal(run.stdout.split('\n')[0], `${path} (line numbers are paragraphs)`);
            });
          } else {
            it('has no lineUnit in JSON (line numbers are lines)', () => assert.equal(fileOf(path).lineUnit, undefined));
          }
        });
      }
    });
  }

  describe('detection', () => {
    const vtt = [...fixtures].find(([, exts]) => exts.includes('vtt'));
    const skip = vtt ? false : 'no .vtt fixture';
    const vttPath = vtt ? `${FORMATS_DIR}/${vtt[0]}.vtt` : '';
    const vttText = vtt ? readFileSync(join(ROOT, vttPath), 'utf8') : '';
    const cluesOf = (run: Run): string[] => {
      assert.equal(run.status, 0, run.stderr);
      const file = (JSON.parse(run.stdout) as ReportJson).files[0]!;
      return file.clues.map((clue) => clueKey(clue, file));
    };

    it('sniffs WebVTT on stdin and reports it as <stdin>', { skip }, () => {
      const run = clues(['-', '-f', 'json', '--fail-on', 'none'], vttText);
      assert.equal((JSON.parse(run.stdout) as ReportJson).files[0]!.file, '<stdin>');
      assert.deepEqual(cluesOf(run), cluesOf(clues([vttPath, '-f', 'json', '--fail-on', 'none'])));
    });

    it('--stdin-filename names stdin and its extension picks the format', { skip }, () => {
      const run = clues(['-', '--stdin-filename', 'police-interview.vtt', '-f', 'json', '--fail-on', 'none'], vttText);
      const doc = JSON.parse(run.stdout) as ReportJson;
      assert.equal(doc.files[0]!.file, 'police-interview.vtt');
      for (const clue of doc.files[0]!.clues) assert.equal(clue.file, 'police-interview.vtt');
      assert.deepEqual(cluesOf(run), cluesOf(clues([vttPath, '-f', 'json', '--fail-on', 'none'])));
    });

    it('reads WebVTT saved as .txt as WebVTT', { skip }, () => {
      const path = join(tempDir, 'captions.txt');
      writeFileSync(path, vttText);
      assert.deepEqual(cluesOf(clues([path, '-f', 'json', '--fail-on', 'none'])), cluesOf(clues([vttPath, '-f', 'json', '--fail-on', 'none'])));
    });

    it('--input-format forces a format: a plain transcript misnamed .vtt is read as plain text', () => {
      const name = [...fixtures.keys()][0]!;
      const path = join(tempDir, `${name}.vtt`);
      writeFileSync(path, readFileSync(join(ROOT, 'fixtures', `${name}.txt`)));
      const misread = clues([path]);
      assert.equal(misread.status, 2);
      assert.match(misread.stderr, /WEBVTT/);
      const forced = clues(['--input-format', 'txt', path, '-f', 'json', '--fail-on', 'none']);
      assert.deepEqual(cluesOf(forced), cluesOf(clues([`fixtures/${name}.txt`, '-f', 'json', '--fail-on', 'none'])));
    });

    it('--input-format rejects an unknown format, naming the choices', () => {
      const run = clues(['--input-format', 'pdf', 'fixtures']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /pdf/);
      for (const format of ['txt', 'vtt', 'srt', 'json', 'cha', 'docx']) assert.match(run.stderr, new RegExp(format));
      assert.equal(run.stdout, '');
    });

    it('expands a glob pattern itself (as Windows shells do not)', () => {
      const [name, exts] = [...fixtures][0]!;
      const run = clues(['-f', 'json', '--fail-on', 'none', `${FORMATS_DIR}/${name}.*`]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(
        (JSON.parse(run.stdout) as ReportJson).files.map((f) => f.file),
        [...exts].sort().map((ext) => `${FORMATS_DIR}/${name}.${ext}`),
      );
    });

    it('a pattern that matches nothing exits 2 naming it', () => {
      const run = clues([`${FORMATS_DIR}/no-such-*.vtt`]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `clues: ${FORMATS_DIR}/no-such-*.vtt: no files match this pattern\n`);
    });

    it('decodes a UTF-16 transcript with CRLF line ends, with the same clues and lines as UTF-8', () => {
      const name = [...fixtures.keys()][0]!;
      const text = readFileSync(join(ROOT, 'fixtures', `${name}.txt`), 'utf8');
      const path = join(tempDir, `${name}-utf16.txt`);
      writeFileSync(path, Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf16le'));
      const strip = (run: Run) => {
        assert.equal(run.status, 0, run.stderr);
        return (JSON.parse(run.stdout) as ReportJson).files[0]!.clues.map((c) => ({ ...c, file: '' }));
      };
      assert.deepEqual(strip(clues([path, '-f', 'json', '--fail-on', 'none'])), strip(clues([`fixtures/${name}.txt`, '-f', 'json', '--fail-on', 'none'])));
    });
  });

  describe('malformed files exit 2 with one line naming the file', () => {
    const docx = [...fixtures].find(([, exts]) => exts.includes('docx'));
    const docxBytes = docx ? readFileSync(join(ROOT, FORMATS_DIR, `${docx[0]}.docx`)) : Buffer.alloc(0);
    /** name, content, and what the one stderr line must also match (a line number where the format has lines). */
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['truncated-cue.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v SW>Who stays over?\n\n00:00:05.000 --> 00:00:0', /truncated-cue\.vtt:6: .*truncated cue/],
      ['bad-timestamp.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v SW>Who stays?\n\n00:00:75.000 --> 00:00:78.000\n<v MUM>Steven.\n', /bad-timestamp\.vtt:6: .*bad timestamp/],
      ['no-header.vtt', '00:00:01.000 --> 00:00:04.000\n<v SW>Who stays over?\n', /no-header\.vtt:1\b.*WEBVTT/],
      ['truncated-cue.srt', '1\n00:00:01,000 --> 00:00:04,000\nSW: Who stays over?\n\n2\n00:00:05,000 --> ', /truncated-cue\.srt:6\b/],
      ['bad-timestamp.srt', '1\n00:00:01,000 --> 00:00:04,000\nSW: Who stays?\n\n2\n00:00:5,000 --> 00:00:08,000\nMUM: Steven.\n', /bad-timestamp\.srt:6\b/],
      ['wrong-shape.json', '{\n  "results": [\n    {"transcript": "Who stays over?"}\n  ]\n}\n', /wrong-shape\.json:1\b/],
      ['bad-segment.json', '{"segments": [\n  {"start": 0, "text": "Who stays over?"},\n  {"start": "soon", "text": "Steven."}\n]}\n', /bad-segment\.json:3\b/],
      ['truncated.json', '{"segments": [\n  {"start": 0, "text": "Who stays over?"},\n', /truncated\.json(:\d+)?: not valid JSON/],
      ['no-begin.cha', '@UTF8\n@Participants:\tINV Investigator, MOT Mother\n*INV:\twho stays over ?\n*MOT:\tSteven .\n@End\n', /no-begin\.cha(:\d+)?: .*@Begin/],
      ['no-labels.md', '# Notes\n\nWe talked about who stays over.\n', /no-labels\.md: .*label/],
      ['corrupt.docx', docxBytes.subarray(0, Math.floor(docxBytes.length / 2)), /corrupt\.docx: not a readable Word document \(\.docx\): \S/],
      ['not-a-zip.docx', 'SW: Who stays over?\nMUM: Steven.\n', /not-a-zip\.docx: not a readable Word document/],
    ];
    for (const [name, content, pattern] of cases) {
      it(name, { skip: name.endsWith('.docx') && !docx ? 'no .docx fixture' : false }, () => {
        const path = join(tempDir, name);
        writeFileSync(path, content);
        const run = clues([path, 'seeds/interview.txt']);
        assert.equal(run.status, 2, run.stderr);
        assert.doesNotMatch(run.stderr, /^ {4}at /m, 'no stack trace');
        // One line for the bad file, then the run's last line accounting for both inputs.
        const [last, ...lines] = run.stderr.split('\n').filter((line) => line !== '').reverse();
        assert.equal(last, 'clues: 2 inputs: 1 reported, 1 failed (each named above)');
        assert.equal(lines.length, 1, `exactly one stderr line for the bad file:\n${run.stderr}`);
        assert.ok(lines[0]!.startsWith(`clues: ${path}`), lines[0]);
        assert.match(lines[0]!, pattern);
        // The good file beside it is still reported.
        assert.match(run.stdout, /^seeds\/interview\.txt$/m);
      });
    }
  });
});
