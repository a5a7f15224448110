import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { compareToBaseline, fingerprint, goneLine, parseBaseline, writeBaseline, type Baseline } from '../../src/finish/baseline.js';
import { InputError } from '../../src/errors.js';
import { run } from '../../src/cli/run.js';
import type { Clue, FileResult } from '../../src/types.js';

/** The repo root, from dist/test/baseline.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'fixtures', 'lodger-and-brother.txt');

type OkResult = Extract<FileResult, { ok: true }>;

function clues(results: FileResult[]): Clue[] {
  return results.flatMap((r) => (r.ok ? r.clues : []));
}

function summary(list: Clue[]): string[] {
  return list.map((c) => `${c.line} ${c.rule} ${c.who}`);
}

describe('baseline on the real pipeline', () => {
  let dir: string;
  let file: string;
  let original: string;
  let baseline: Baseline;
  let baselineText: string;

  /** Writes `text` to the copy, checks it, and compares against the baseline written from the original. */
  async function compareText(text: string) {
    await writeFile(file, text);
    return compareToBaseline(await run([file]), baseline);
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clues-baseline-'));
    file = join(dir, 'lodger-and-brother.txt');
    original = await readFile(FIXTURE, 'utf8');
    await writeFile(file, original);
    const results = await run([file]);
    assert.ok(clues(results).length >= 4, 'the fixture raises clues to baseline');
    baselineText = writeBaseline(results);
    baseline = parseBaseline(join(dir, 'baseline.json'), baselineText);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records every clue once, sorted, with only file, rule and a sha256', async () => {
    const results = await run([file]);
    const parsed = JSON.parse(baselineText) as { version: number; clues: Array<Record<string, unknown>> };
    assert.equal(parsed.version, 2);
    assert.deepEqual(Object.keys(parsed), ['version', 'clues']);
    assert.equal(parsed.clues.length, clues(results).length);
    for (const entry of parsed.clues) {
      assert.deepEqual(Object.keys(entry), ['file', 'rule', 'fingerprint']);
      assert.equal(entry.file, file);
      assert.match(String(entry.fingerprint), /^[0-9a-f]{64}$/);
    }
    const keys = parsed.clues.map((e) => `${e.file}\0${e.rule}\0${e.fingerprint}`);
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(baselineText.endsWith('}\n'));
  });

  it('names no one: no person the run found, no clue\'s who', async () => {
    const results = await run([file]);
    const names = results.flatMap((r) => (r.ok ? [...r.people.map((p) => p.name), ...r.clues.map((c) => c.who)] : [])).filter((n) => n !== '');
    assert.ok(names.includes('Kai'), 'the fixture names people');
    for (const name of names) assert.ok(!baselineText.includes(name), `baseline must not name "${name}"`);
  });

  it('carries no transcript words and no line numbers', () => {
    for (const clue of baseline.clues) assert.ok(!('line' in clue) && !('lines' in clue) && !('evidence' in clue));
    for (const words of ['the lodger', 'stays in the box room', 'watched them', 'more wary', 'the odd evening', 'Nothing regular']) {
      assert.ok(!baselineText.includes(words), `baseline must not quote "${words}"`);
    }
    assert.doesNotMatch(baselineText, /"line"|"column"|"evidence"|"message"/);
  });

  it('is the same text however the results are ordered', async () => {
    const results = await run([file]);
    const reversed = results.map((r) => (r.ok ? { ...r, clues: [...r.clues].reverse() } : r));
    assert.equal(writeBaseline(reversed), baselineText);
  });

  it('finds no new clue and nothing gone when the transcript is unchanged', async () => {
    const { results, gone } = await compareText(original);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.ok, true);
    assert.deepEqual(clues(results), []);
    assert.deepEqual(gone, []);
  });

  it('reports exactly the one clue a new interviewee line raises', async () => {
    const { results, gone } = await compareText(`${original}Mr. Hall: 00:06:55 Louis hasn't been sleeping, he's wetting the bed again.\n`);
    assert.deepEqual(summary(clues(results)), ['23 child-wellbeing Louis']);
    assert.deepEqual(clues(results)[0]!.evidence.map((e) => e.text), ['wetting the bed']);
    assert.deepEqual(gone, []);
    // The rest of the file's report is kept as it was.
    const ok = results[0] as OkResult;
    assert.ok(ok.people.some((p) => p.name === 'Gary'));
  });

  it('reports a new mate who stays over, and only him', async () => {
    const { results, gone } = await compareText(
      `${original}Mr. Hall: 00:06:55 Oh, and my mate Dean stays over most weekends.\nSW: 00:07:01 Tell me about Dean. What's his surname?\n`,
    );
    const fresh = clues(results);
    assert.ok(fresh.length > 0);
    assert.ok(fresh.some((c) => c.rule === 'unexplained-adult'));
    for (const c of fresh) {
      assert.equal(c.who, 'Dean');
      assert.equal(c.line, 23);
    }
    assert.deepEqual(gone, []);
  });

  it('does not make old clues new when unrelated lines are inserted above them', async () => {
    const lines = original.split('\n');
    lines.splice(1, 0, 'SW: 00:05:00 Is it alright if I sit here?', 'Mr. Hall: 00:05:02 Yeah, go ahead, mind the cat.');
    const { results, gone } = await compareText(lines.join('\n'));
    assert.deepEqual(clues(results), []);
    assert.deepEqual(gone, []);
  });

  it('lists a clue that is no longer raised as gone', async () => {
    const edited = original.replace("Kai's a bit more wary, he's thirteen, he keeps to his room.", "Kai's thirteen.");
    assert.notEqual(edited, original);
    const { results, gone } = await compareText(edited);
    assert.deepEqual(clues(results), []);
    assert.deepEqual(
      gone.map((g) => [g.file, g.rule, g.who]),
      [[file, 'child-wellbeing', undefined]],
    );
    assert.match(gone[0]!.fingerprint, /^[0-9a-f]{64}$/);
  });

  it('matches a path written with ./ or backslashes to the same file', async () => {
    await writeFile(file, original);
    const results = await run([file]);
    const dotted = writeBaseline(results.map((r) => ({ ...r, file: `./${r.file.replace(/^\//, '')}` })));
    const entries = parseBaseline('b.json', dotted).clues;
    assert.ok(entries.every((e) => !e.file.startsWith('./')));
    const moved = results.map((r) => ({ ...r, file: `.\\${r.file.replace(/^\//, '').replaceAll('/', '\\')}` }));
    const { results: compared, gone } = compareToBaseline(moved, { version: 1, clues: entries });
    assert.deepEqual(clues(compared), []);
    assert.deepEqual(gone, []);
  });
});

describe('compareToBaseline counting', () => {
  const FILE = 'interviews/a.txt';
  function make(line: number, words: string, who = 'Steven', rule = 'unexplained-adult'): Clue {
    return {
      rule,
      kind: 'unexplained-adult',
      severity: 'error',
      file: FILE,
      line,
      column: 1,
      lines: [line],
      who,
      speaker: 'TRACEY',
      messageId: 'test',
      data: {},
      message: 'something',
      evidence: [{ line, column: 1, text: words }],
    };
  }
  function result(clueList: Clue[], file = FILE): FileResult {
    return { file, ok: true, speakers: [], people: [], clues: clueList };
  }
  const entry = (clue: Clue, file = FILE) => ({ file, rule: clue.rule, who: clue.who, fingerprint: fingerprint(clue) });

  it('treats the second of two identical clues as new when the baseline has one', () => {
    const first = make(3, 'stays over');
    const second = make(9, 'stays over');
    assert.equal(fingerprint(first), fingerprint(second), 'same rule, person and words: same fingerprint');
    const { results, gone } = compareToBaseline([result([second, first])], { version: 1, clues: [entry(first)] });
    assert.deepEqual(clues(results), [second]);
    assert.deepEqual(gone, []);
  });

  it('lists one gone when the baseline has two and one remains', () => {
    const clue = make(3, 'stays over');
    const { results, gone } = compareToBaseline([result([clue])], { version: 1, clues: [entry(clue), entry(clue)] });
    assert.deepEqual(clues(results), []);
    assert.deepEqual(gone, [{ file: FILE, rule: 'unexplained-adult', who: 'Steven', fingerprint: fingerprint(clue) }]);
  });

  it('keys on the file: the same clue in another file is new', () => {
    const clue = make(3, 'stays over');
    const { results, gone } = compareToBaseline([result([clue], 'interviews/b.txt')], { version: 1, clues: [entry(clue)] });
    assert.deepEqual(clues(results), [clue]);
    assert.deepEqual(gone, [], 'a.txt was not checked, so its entries are not gone');
  });

  it('passes failed files through and does not call their clues gone', () => {
    const clue = make(3, 'stays over');
    const failed: FileResult = { file: FILE, ok: false, error: `${FILE}: unreadable` };
    const { results, gone } = compareToBaseline([failed], { version: 1, clues: [entry(clue)] });
    assert.deepEqual(results, [failed]);
    assert.deepEqual(gone, []);
  });

  it('keeps new clues in their original order', () => {
    const a = make(9, 'a', 'Ann');
    const b = make(2, 'b', 'Bob');
    const c = make(5, 'c', 'Cal');
    const { results } = compareToBaseline([result([a, b, c])], { version: 1, clues: [entry(b)] });
    assert.deepEqual(clues(results), [a, c]);
  });

  it('writes an empty baseline for no clues, and skips failed files', () => {
    const text = writeBaseline([{ file: FILE, ok: false, error: 'x' }, result([])]);
    assert.equal(text, '{\n  "version": 2,\n  "clues": []\n}\n');
    assert.deepEqual(parseBaseline('b.json', text), { version: 2, clues: [] });
  });
});

describe('goneLine', () => {
  const HASH = '0123456789ab'.padEnd(64, 'c');
  it('names file, rule and the fingerprint\'s first 12 digits; a version 1 name only without --redact', () => {
    assert.equal(goneLine({ file: 'a.txt', rule: 'unexplained-adult', fingerprint: HASH }, false), 'gone since the baseline: a.txt: unexplained-adult (fingerprint 0123456789ab)');
    const named = { file: 'a.txt', rule: 'unexplained-adult', who: 'Steven', fingerprint: HASH };
    assert.equal(goneLine(named, false), 'gone since the baseline: a.txt: unexplained-adult Steven (fingerprint 0123456789ab)');
    assert.equal(goneLine(named, true), 'gone since the baseline: a.txt: unexplained-adult (fingerprint 0123456789ab)');
  });
});

describe('parseBaseline errors', () => {
  const HASH = 'a'.repeat(64);
  const good = { file: 'a.txt', rule: 'unexplained-adult', who: 'Gary', fingerprint: HASH };
  const cases: Array<[string, string, RegExp]> = [
    ['not JSON', '{ "version": 1,', /^ci\/baseline\.json: invalid baseline: not JSON \(/],
    ['empty file', '', /^ci\/baseline\.json: invalid baseline: not JSON/],
    ['an array at the top', '[]', /expected a JSON object with "version" and "clues", got an array/],
    ['no version', JSON.stringify({ clues: [] }), /"version" is missing; expected 2/],
    ['a future version', JSON.stringify({ version: 3, clues: [] }), /"version" is number 3; this version of clues reads baseline versions 1 and 2/],
    ['version as a string', JSON.stringify({ version: '1', clues: [] }), /"version" is the string "1"/],
    ['no clues', JSON.stringify({ version: 1 }), /"clues" is missing/],
    ['clues not an array', JSON.stringify({ version: 1, clues: {} }), /"clues" must be an array, got an object/],
    ['an unknown top-level key', JSON.stringify({ version: 1, clues: [], extra: true }), /unknown key "extra"/],
    ['an entry that is not an object', JSON.stringify({ version: 1, clues: [good, 'x'] }), /"clues\[1\]" must be an object/],
    ['an entry without fingerprint', JSON.stringify({ version: 1, clues: [{ ...good, fingerprint: undefined }] }), /"clues\[0\]\.fingerprint" is missing/],
    ['who not a string', JSON.stringify({ version: 1, clues: [good, { ...good, who: 3 }] }), /"clues\[1\]\.who" must be a string, got number 3/],
    ['an empty file name', JSON.stringify({ version: 1, clues: [{ ...good, file: '' }] }), /"clues\[0\]\.file" is empty/],
    ['a short fingerprint', JSON.stringify({ version: 1, clues: [{ ...good, fingerprint: 'abc' }] }), /"clues\[0\]\.fingerprint" must be 64 lowercase hex digits/],
    [
      'an entry with a line number',
      JSON.stringify({ version: 1, clues: [{ ...good, line: 3 }] }),
      /unknown key "clues\[0\]\.line"; a version 1 entry has only file, rule, who, fingerprint/,
    ],
    [
      'a name in a version 2 entry',
      JSON.stringify({ version: 2, clues: [good] }),
      /unknown key "clues\[0\]\.who"; a version 2 entry has only file, rule, fingerprint \(never names, line numbers or quoted words\)/,
    ],
    ['a version 1 entry without who', JSON.stringify({ version: 1, clues: [{ ...good, who: undefined }] }), /"clues\[0\]\.who" is missing/],
    [
      'an entry with quoted words',
      JSON.stringify({ version: 1, clues: [{ ...good, text: 'the lodger' }] }),
      /unknown key "clues\[0\]\.text"/,
    ],
  ];

  for (const [name, text, message] of cases) {
    it(`rejects ${name} with one InputError naming the file`, () => {
      assert.throws(
        () => parseBaseline('ci/baseline.json', text),
        (error: unknown) => {
          assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
          assert.ok(error.message.startsWith('ci/baseline.json: invalid baseline: '), error.message);
          assert.match(error.message, message);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  it('accepts a valid file, with a byte-order mark', () => {
    const { who: _who, ...unnamed } = good;
    const text = `\uFEFF${JSON.stringify({ version: 2, clues: [unnamed] })}`;
    assert.deepEqual(parseBaseline('b.json', text), { version: 2, clues: [unnamed] });
  });

  it('still reads a version 1 file, whose entries name the person', () => {
    assert.deepEqual(parseBaseline('b.json', JSON.stringify({ version: 1, clues: [good] })), { version: 1, clues: [good] });
  });
});
