import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endPositionAt, positionAt, segmentAt } from '../src/position.js';
import type { Utterance } from '../src/types.js';

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

describe('endPositionAt', () => {
  // [start, end, line, column, what]: the end is the line of the last character and the column just past it.
  const cases: Array<[start: number, end: number, line: number, column: number, what: string]> = [
    [0, 2, 7, 11, '"He" on the label line'],
    [8, 14, 7, 23, '"friend", before the comma'],
    [8, 15, 7, 24, '"friend," ending the first line: one past the comma'],
    [8, 16, 7, 24, '"friend, " with the joining space, which is no character of the file'],
    [8, 24, 8, 12, '"friend, he stays" across the line break: on the continuation line'],
    [16, 30, 8, 18, '"he stays over." to the end of the text'],
    [16, 1000, 8, 18, 'an end past the text, clamped'],
    [19, 19, 8, 7, 'an empty span, where it starts'],
  ];
  for (const [start, end, line, column, what] of cases) {
    it(`ends ${start}–${end} (${what}) at ${line}:${column}`, () => {
      assert.deepEqual(endPositionAt(utterance, start, end), { line, column });
    });
  }

  it('ends after a last character that the file writes as several, when the next run starts later on its line', () => {
    // <v Mum>Tom &amp; Jerry (line 4): "&" decoded at column 12, " Jerry" from column 17.
    const decoded: Utterance = {
      ...utterance,
      text: 'Tom & Jerry',
      line: 4,
      column: 8,
      segments: [
        { offset: 0, line: 4, column: 8 },
        { offset: 5, line: 4, column: 17 },
      ],
    };
    assert.deepEqual(endPositionAt(decoded, 0, 5), { line: 4, column: 17 });
    assert.deepEqual(endPositionAt(decoded, 0, 3), { line: 4, column: 11 });
    assert.deepEqual(endPositionAt(decoded, 6, 11), { line: 4, column: 23 });
  });
});

describe('segmentAt', () => {
  it('finds the segment an offset is in, with its cue time', () => {
    const timed: Utterance = {
      ...utterance,
      segments: [
        { offset: 0, line: 7, column: 9, time: '00:01:00' },
        { offset: 16, line: 8, column: 4, time: '00:01:05' },
      ],
    };
    assert.equal(segmentAt(timed, 0)?.time, '00:01:00');
    assert.equal(segmentAt(timed, 15)?.time, '00:01:00');
    assert.equal(segmentAt(timed, 16)?.time, '00:01:05');
    assert.equal(segmentAt(timed, 29)?.time, '00:01:05');
    assert.equal(segmentAt({ ...timed, segments: [] }, 3), undefined);
  });
});
