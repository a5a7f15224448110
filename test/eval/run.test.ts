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
    await writeFile(join(dir, 'orphan.expected.json'), '{ "clues": [] }');
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'c.txt'), 'deeper');
    await writeFile(join(dir, 'nested', 'c.expected.json'), '{ "clues": [] }');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('analyses each fixture with an expected file, in name order, and scores it', async () => {
    const seen: string[] = [];
    const { scores, cases } = await evaluate(dir, async (file) => {
      seen.push(file);
      const clues = file.endsWith('b.txt') ? [clue(file, 2)] : [clue(file, 1)];
      return { file, ok: true, speakers: [], people: [], clues };
    });
    assert.deepEqual(seen, [join(dir, 'a.txt'), join(dir, 'b.txt')]);
    assert.equal(cases, 2);
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
