/** The seed case, in-process: the whole pipeline on seeds/interview.txt must find every annotated clue. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { parseExpected, type ExpectedClue } from '../../src/eval/expected.js';
import { score, type Scores } from '../../src/eval/score.js';
import { run } from '../../src/cli/run.js';
import { CLUE_KINDS, type Clue } from '../../src/types.js';

/** The repo root, from dist/test/e2e/seed.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEED = join(ROOT, 'seeds', 'interview.txt');
const EXPECTED = join(ROOT, 'seeds', 'interview.expected.json');

describe('seed case (in-process pipeline)', () => {
  let clues: Clue[] = [];
  let expected: ExpectedClue[] = [];
  let scores: Scores;

  before(async () => {
    const results = await run([SEED]);
    assert.equal(results.length, 1);
    const result = results[0]!;
    assert.ok(result.ok, result.ok ? '' : result.error);
    clues = result.clues;
    expected = parseExpected(EXPECTED, readFileSync(EXPECTED, 'utf8'));
    scores = score([{ file: SEED, expected, clues }]);
  });

  it('has annotated clues of the three kinds the seed case is about', () => {
    for (const kind of ['unexplained-adult', 'relationship', 'contradiction']) assert.ok(expected.some((e) => e.kind === kind), kind);
  });

  for (const kind of CLUE_KINDS) {
    it(`finds every expected ${kind} clue (recall 1.0)`, () => {
      const missed = scores.misses.filter((m) => m.kind === kind);
      assert.deepEqual(missed, [], `missed ${kind} clues`);
      assert.equal(scores.kinds[kind].recall, 1);
      assert.equal(scores.kinds[kind].tp, expected.filter((e) => e.kind === kind).length);
    });
  }

  it('finds every expected clue overall', () => {
    assert.equal(scores.overall.recall, 1, JSON.stringify(scores.misses, null, 2));
  });

  it('cites both line 12 and line 15 in the contradiction', () => {
    const contradictions = clues.filter((c) => c.kind === 'contradiction');
    assert.ok(contradictions.length > 0, 'a contradiction is reported');
    assert.ok(
      contradictions.some((c) => c.lines.includes(12) && c.lines.includes(15)),
      JSON.stringify(contradictions.map((c) => c.lines)),
    );
  });

  it('reports the contradiction as an error about Steven, from TRACEY', () => {
    const contradiction = clues.find((c) => c.kind === 'contradiction' && c.lines.includes(12) && c.lines.includes(15));
    assert.ok(contradiction);
    assert.equal(contradiction.severity, 'error');
    assert.equal(contradiction.who, 'Steven');
    assert.equal(contradiction.speaker, 'TRACEY');
  });
});
