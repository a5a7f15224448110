import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { evaluate } from '../../src/eval/run.js';
import type { Clue, FileResult } from '../../src/types.js';

function clue(file: string, line: number): Clue {
  return {
    rule: 'unexplained-adult',
    kind: 'unexplained-adult',
    severity: 'warning',
    file,
    line,
    column: 1,
    lines: [line],
    who: 'Steven',
    speaker: 'TRACEY',
    messageId: 'test',
    data: {},
    message: 'never explained',
    evidence: [],
  };
}

describe('evaluate', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clues-eval-'));
    await writeFile(join(dir, 'b.txt'), 'SW: who?\nTRACEY: Steven.\n');
    await writeFile(join(dir, 'b.expected.json'), '{ "clues": [ { "kind": "unexplained-adult", "line": 2 } ] }');
    await writeFile(join(dir, 'a.txt'), 'SW: who?\nTRACEY: nobody.\n');
    await writeFile(join(dir, 'a.expected.json'), '{ "clues": [] }');
    await writeFile(join(dir, 'unscored.txt'), 'no expectations');
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'c.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v SW>who?\n');
    await writeFile(join(dir, 'nested', 'c.expected.json'), '{ "clues": [] }');
    await mkdir(join(dir, '.hidden'));
    await writeFile(join(dir, '.hidden', 'd.txt'), 'SW: skipped\n');
    await writeFile(join(dir, '.hidden', 'd.expected.json'), '{ "clues": [] }');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('analyses each transcript with an annotation, walking folders (not hidden ones) in path order, and scores it', async () => {
    const seen: string[] = [];
    const { scores, cases, roster, dir: scored } = await evaluate(dir, async (file) => {
      seen.push(file);
      const clues = file.endsWith('b.txt') ? [clue(file, 2)] : file.endsWith('a.txt') ? [clue(file, 1)] : [];
      return { file, ok: true, speakers: [], people: [], clues };
    });
    assert.deepEqual(seen, [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'nested', 'c.vtt')]);
    assert.equal(cases, 3);
    assert.equal(scored, dir);
    assert.equal(roster, undefined, 'no annotation lists people');
    assert.deepEqual([scores.overall.tp, scores.overall.fp, scores.overall.fn], [1, 1, 0]);
    assert.equal(scores.falsePositives[0]?.file, join(dir, 'a.txt'));
  });

  it('rejects a directory with no fixtures', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'clues-eval-empty-'));
    try {
      await assert.rejects(evaluate(empty, async () => assert.fail('not called')), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.match(error.message, /no fixtures/);
        return true;
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('rejects a missing directory', async () => {
    await assert.rejects(evaluate(join(dir, 'absent'), async () => assert.fail('not called')), InputError);
  });

  it('stops at a fixture that could not be analysed', async () => {
    const failing = async (file: string): Promise<FileResult> => ({ file, ok: false, error: 'no speaker labels found' });
    await assert.rejects(evaluate(dir, failing), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.message, `${join(dir, 'a.txt')}: no speaker labels found`);
      return true;
    });
  });

  const withFolder = async (files: Record<string, string>, test: (folder: string) => Promise<void>) => {
    const folder = await mkdtemp(join(tmpdir(), 'clues-eval-case-'));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
      await test(folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
  const none = async (file: string): Promise<FileResult> => ({ file, ok: true, speakers: [], people: [], clues: [] });

  it('rejects an annotation with no transcript beside it, naming it', async () => {
    await withFolder({ 'orphan.expected.json': '{ "clues": [] }', 'other.txt': 'SW: hi\n' }, async (folder) => {
      await assert.rejects(evaluate(folder, none), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.ok(error.message.startsWith(`${join(folder, 'orphan.expected.json')}: no transcript beside it (orphan.txt, `), error.message);
        return true;
      });
    });
  });

  it('rejects an annotation with two transcripts beside it, asking for "source"', async () => {
    await withFolder({ 'x.expected.json': '{ "clues": [] }', 'x.txt': 'SW: hi\n', 'x.srt': '' }, async (folder) => {
      await assert.rejects(evaluate(folder, none), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.equal(error.message, `${join(folder, 'x.expected.json')}: several transcripts beside it (x.srt, x.txt); name one in "source"`);
        return true;
      });
    });
  });

  it('takes the transcript "source" names, else NAME.<ext> (a "source" that is not a file is provenance)', async () => {
    const files = {
      'x.expected.json': '{ "clues": [], "source": "day-two.txt" }',
      'x.txt': 'SW: not this one\n',
      'day-two.txt': 'SW: this one\n',
      'y.expected.json': '{ "clues": [], "source": "someone/repo transcripts/y.txt @ 564daae" }',
      'y.txt': 'SW: hi\n',
    };
    await withFolder(files, async (folder) => {
      const seen: string[] = [];
      await evaluate(folder, async (file) => {
        seen.push(file);
        return none(file);
      });
      assert.deepEqual(seen, [join(folder, 'day-two.txt'), join(folder, 'y.txt')]);
    });
  });

  it('scores only clues inside "range", and the roster when the annotation lists people', async () => {
    const annotation = {
      clues: [{ kind: 'unexplained-adult', line: 4 }],
      people: ['Emil Bove', 'Keith Davidson', 'Gina Rodriguez'],
      range: [3, 6],
    };
    await withFolder({ 'day.txt': 'transcript', 'day.expected.json': JSON.stringify(annotation) }, async (folder) => {
      const person = (name: string, line: number) => ({
        id: line,
        name,
        aliases: [],
        personClass: 'unknown' as const,
        roles: [],
        mentions: [{ utterance: 0, line, column: 1, text: name, speaker: 'A', pronoun: false }],
      });
      const analyse = async (file: string): Promise<FileResult> => ({
        file,
        ok: true,
        speakers: [{ label: 'MR. BOVE', role: 'other', source: 'inferred', utterances: 1, questions: 0 }],
        people: [person('Davidson', 4), person('Stephen Weiss', 1)],
        clues: [clue(file, 4), clue(file, 1), clue(file, 9)],
      });
      const result = await evaluate(folder, analyse, undefined, async () => [{ speaker: 'MR. BOVE', line: 3 }]);
      assert.deepEqual([result.scores.overall.tp, result.scores.overall.fp, result.scores.overall.fn], [1, 0, 0]);
      assert.ok(result.roster);
      assert.deepEqual([result.roster.tally.tp, result.roster.tally.fp, result.roster.tally.fn], [2, 0, 1]);
      assert.deepEqual(result.roster.misses, [{ file: join(folder, 'day.txt'), name: 'Gina Rodriguez' }]);
    });
  });

  it('names the expected file when it is malformed', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'clues-eval-bad-'));
    try {
      await writeFile(join(bad, 'x.txt'), 'text');
      await writeFile(join(bad, 'x.expected.json'), '{ "clues": [ { "kind": "adult", "line": 1 } ] }');
      const ok = async (file: string): Promise<FileResult> => ({ file, ok: true, speakers: [], people: [], clues: [] });
      await assert.rejects(evaluate(bad, ok), (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.ok(error.message.startsWith(`${join(bad, 'x.expected.json')}: clues[0].kind must be one of`), error.message);
        return true;
      });
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
