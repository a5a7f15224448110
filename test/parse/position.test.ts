import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { positionAt } from '../../src/parse/position.js';
import type { Utterance } from '../../src/types.js';

// TRACEY: He is a friend,     (line 7, text at column 9)
//    he stays over.           (line 8, text at column 4)
const utterance: Utterance = {
  index: 3,
  speaker: 'TRACEY',
  text: 'He is a friend, he stays over.',
  line: 7,
  column: 9,
  segments: [
    { offset: 0, line: 7, column: 9 },
    { offset: 16, line: 8, column: 4 },
  ],
};

describe('positionAt', () => {
  const cases: Array<[offset: number, line: number, column: number, what: string]> = [
    [0, 7, 9, 'the first character'],
    [8, 7, 17, '"friend" on the label line'],
    [14, 7, 23, 'the comma ending the first line'],
    [15, 7, 24, 'the joining space, just past the first line'],
    [16, 8, 4, 'the first character of the continuation line'],
    [19, 8, 7, '"stays"'],
    [29, 8, 17, 'the final period'],
  ];
  for (const [offset, line, column, what] of cases) {
    it(`maps offset ${offset} (${what}) to ${line}:${column}`, () => {
      assert.deepEqual(positionAt(utterance, offset), { line, column });
    });
  }

  it('clamps offsets outside the text', () => {
    assert.deepEqual(positionAt(utterance, -5), { line: 7, column: 9 });
    assert.deepEqual(positionAt(utterance, 1000), { line: 8, column: 18 });
  });

  it('maps an empty turn to its only segment', () => {
    const empty: Utterance = { ...utterance, text: '', segments: [{ offset: 0, line: 2, column: 8 }] };
    assert.deepEqual(positionAt(empty, 0), { line: 2, column: 8 });
  });
});
