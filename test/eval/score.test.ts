import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExpectedClue } from '../../src/eval/expected.js';
import { formatScores, score, type Scores } from '../../src/eval/score.js';
import type { Clue, ClueKind } from '../../src/types.js';

const FILE = 'fixtures/steven.txt';

function reported(kind: ClueKind, line: number, lines: number[] = [line], who = 'Steven'): Clue {
  return {
    rule: kind,
    kind,
    severity: 'warning',
    file: FILE,
    line,
    column: 1,
    lines,
    who,
    speaker: 'TRACEY',
    messageId: 'test',
    data: {},
    message: `${kind} at ${line}`,
    evidence: [],
  };
}

function one(expected: ExpectedClue[], clues: Clue[]): Scores {
  return score([{ file: FILE, expected, clues }]);
}

function counts(scores: Scores, kind?: ClueKind): [number, number, number] {
  const t = kind ? scores.kinds[kind] : scores.overall;
  return [t.tp, t.fp, t.fn];
}

describe('score', () => {
  it('matches an exact clue', () => {
    const s = one([{ kind: 'unexplained-adult', line: 8, who: 'Steven' }], [reported('unexplained-adult', 8)]);
    assert.deepEqual(counts(s), [1, 0, 0]);
    assert.deepEqual(s.overall, { expected: 1, reported: 1, tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(s.misses, []);
    assert.deepEqual(s.falsePositives, []);
  });

  it('matches when the expected line is cited but is not the clue line', () => {
    const s = one([{ kind: 'unexplained-adult', line: 14 }], [reported('unexplained-adult', 8, [8, 14, 20])]);
    assert.deepEqual(counts(s, 'unexplained-adult'), [1, 0, 0]);
  });

  it('requires otherLine to be cited too when given', () => {
    const expected: ExpectedClue[] = [{ kind: 'contradiction', line: 14, otherLine: 6 }];
    assert.deepEqual(counts(one(expected, [reported('contradiction', 14, [6, 14])])), [1, 0, 0]);
    const wrong = one(expected, [reported('contradiction', 14, [8, 14])]);
    assert.deepEqual(counts(wrong), [0, 1, 1]);
    assert.deepEqual(wrong.misses, [{ file: FILE, kind: 'contradiction', line: 14, otherLine: 6 }]);
  });

  it('matches a clue that cites one of alsoLines instead of line', () => {
    const expected: ExpectedClue[] = [{ kind: 'relationship', line: 1175, alsoLines: [3117, 3119] }];
    assert.deepEqual(counts(one(expected, [reported('relationship', 3119)])), [1, 0, 0]);
    assert.deepEqual(counts(one(expected, [reported('relationship', 3000, [3000, 3117])])), [1, 0, 0]);
  });

  it('does not match a clue that cites none of line and alsoLines', () => {
    const expected: ExpectedClue[] = [{ kind: 'relationship', line: 1175, alsoLines: [3117, 3119] }];
    assert.deepEqual(counts(one(expected, [reported('relationship', 3118, [1174, 3118, 3120])])), [0, 1, 1]);
  });

  it('matches a contradiction citing one line from {line, alsoLines} and another from {otherLine, alsoLines}', () => {
    const expected: ExpectedClue[] = [{ kind: 'contradiction', line: 40, otherLine: 12, alsoLines: [14, 42] }];
    for (const lines of [[12, 40], [14, 40], [12, 42], [14, 42]]) {
      assert.deepEqual(counts(one(expected, [reported('contradiction', lines[1]!, lines)])), [1, 0, 0], String(lines));
    }
  });

  it('does not match a contradiction citing only one side, or one alsoLine alone', () => {
    const expected: ExpectedClue[] = [{ kind: 'contradiction', line: 40, otherLine: 12, alsoLines: [14] }];
    // [14]: an alsoLine counts for either side, but one line cannot be both.
    for (const lines of [[40], [12], [14], [40, 50], [5, 12]]) {
      assert.deepEqual(counts(one(expected, [reported('contradiction', lines[0]!, lines)])), [0, 1, 1], String(lines));
    }
  });

  it('prefers the reported clue whose own line is the expected line over one citing an alsoLine', () => {
    const s = one(
      [
        { kind: 'relationship', line: 8, alsoLines: [14] },
        { kind: 'relationship', line: 14 },
      ],
      [reported('relationship', 14, [14]), reported('relationship', 8, [8])],
    );
    assert.deepEqual(counts(s), [2, 0, 0]);
  });

  it('with a range, scores only reported clues whose line is inside it', () => {
    const expected: ExpectedClue[] = [{ kind: 'relationship', line: 20 }];
    const clues = [reported('relationship', 20), reported('relationship', 9), reported('relationship', 31), reported('relationship', 30)];
    const s = score([{ file: FILE, expected, clues, range: [10, 30] }]);
    assert.deepEqual(counts(s), [1, 1, 0]);
    assert.deepEqual(s.falsePositives.map((fp) => fp.line), [30]);
  });

  it('with a range, does not match an expected clue to a clue whose line is outside it, even if it cites the line', () => {
    const s = score([{ file: FILE, expected: [{ kind: 'relationship', line: 20 }], clues: [reported('relationship', 5, [5, 20])], range: [10, 30] }]);
    assert.deepEqual(counts(s), [0, 0, 1]);
  });

  it('leaves problems with clues-ignore comments out: they are about the file\'s annotations, not its words', () => {
    const problem: Clue = { ...reported('suppression', 1), rule: 'clues-ignore', who: '' };
    const s = one([{ kind: 'relationship', line: 8 }], [problem, reported('relationship', 8)]);
    assert.deepEqual(counts(s), [1, 0, 0]);
    assert.deepEqual(s.falsePositives, []);
    assert.doesNotMatch(formatScores(s, { verbose: true }), /suppression/);
  });

  it('counts a clue reported twice once, the second as a false positive', () => {
    const s = one([{ kind: 'relationship', line: 8 }], [reported('relationship', 8), reported('relationship', 8)]);
    assert.deepEqual(counts(s), [1, 1, 0]);
    assert.equal(s.falsePositives.length, 1);
  });

  it('lets one reported clue satisfy only one of two expected ones', () => {
    const s = one(
      [
        { kind: 'relationship', line: 8, who: 'Steven' },
        { kind: 'relationship', line: 14, who: 'Steven' },
      ],
      [reported('relationship', 8, [8, 14])],
    );
    assert.deepEqual(counts(s), [1, 0, 1]);
    assert.deepEqual(s.misses, [{ file: FILE, kind: 'relationship', line: 14, who: 'Steven' }]);
  });

  it('prefers the reported clue whose own line is the expected line', () => {
    // Greedy without the preference would give 8→(8: lines 8,14) and leave 14 unmatched.
    const s = one(
      [
        { kind: 'relationship', line: 8 },
        { kind: 'relationship', line: 14 },
      ],
      [reported('relationship', 14, [8, 14]), reported('relationship', 8, [8])],
    );
    assert.deepEqual(counts(s), [2, 0, 0]);
  });

  it('does not match a clue of another kind', () => {
    const s = one([{ kind: 'unexplained-adult', line: 8, who: 'Steven' }], [reported('relationship', 8)]);
    assert.deepEqual(counts(s, 'unexplained-adult'), [0, 0, 1]);
    assert.deepEqual(counts(s, 'relationship'), [0, 1, 0]);
    assert.deepEqual(s.falsePositives, [
      { file: FILE, kind: 'relationship', line: 8, who: 'Steven', message: 'relationship at 8' },
    ]);
  });

  it('does not match across files', () => {
    const s = score([
      { file: 'fixtures/a.txt', expected: [{ kind: 'relationship', line: 3 }], clues: [] },
      { file: 'fixtures/b.txt', expected: [], clues: [reported('relationship', 3)] },
    ]);
    assert.deepEqual(counts(s), [0, 1, 1]);
    assert.equal(s.misses[0]?.file, 'fixtures/a.txt');
    assert.equal(s.falsePositives[0]?.file, 'fixtures/b.txt');
  });

  it('scores every kind even with no data, as perfect', () => {
    const s = score([]);
    for (const t of [s.kinds['unexplained-adult'], s.kinds.relationship, s.kinds.contradiction, s.overall]) {
      assert.deepEqual(t, { expected: 0, reported: 0, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    }
  });

  it('nothing reported: precision 1, recall 0, F1 0', () => {
    const s = one([{ kind: 'relationship', line: 3 }], []);
    assert.equal(s.kinds.relationship.precision, 1);
    assert.equal(s.kinds.relationship.recall, 0);
    assert.equal(s.kinds.relationship.f1, 0);
  });

  it('nothing expected: precision 0, recall 1, F1 0', () => {
    const s = one([], [reported('contradiction', 3)]);
    assert.equal(s.kinds.contradiction.precision, 0);
    assert.equal(s.kinds.contradiction.recall, 1);
    assert.equal(s.kinds.contradiction.f1, 0);
  });

  it('computes rates per kind and overall (micro-averaged)', () => {
    const s = one(
      [
        { kind: 'unexplained-adult', line: 2 },
        { kind: 'unexplained-adult', line: 5 },
        { kind: 'relationship', line: 5 },
      ],
      [reported('unexplained-adult', 2), reported('unexplained-adult', 9), reported('relationship', 5), reported('relationship', 7)],
    );
    const adult = s.kinds['unexplained-adult'];
    assert.deepEqual([adult.expected, adult.reported, adult.tp, adult.fp, adult.fn], [2, 2, 1, 1, 1]);
    assert.equal(adult.precision, 0.5);
    assert.equal(adult.recall, 0.5);
    assert.equal(adult.f1, 0.5);
    assert.deepEqual(counts(s), [2, 2, 1]);
    assert.equal(s.overall.precision, 0.5);
    assert.equal(s.overall.recall, 2 / 3);
    assert.ok(Math.abs(s.overall.f1 - 4 / 7) < 1e-12);
  });
});

describe('formatScores', () => {
  const scores = score([
    {
      file: 'fixtures/steven.txt',
      expected: [
        { kind: 'unexplained-adult', line: 8, who: 'Steven' },
        { kind: 'contradiction', line: 14, otherLine: 8, who: 'Steven', note: 'friend vs Valentine' },
        { kind: 'relationship', line: 8, who: 'Steven' },
      ],
      clues: [reported('unexplained-adult', 8), reported('relationship', 8), reported('relationship', 16, [16], 'Jason')],
    },
  ]);

  it('prints a fixed-width table with an overall row (golden)', () => {
    assert.equal(
      formatScores(scores, { verbose: false }),
      [
        'kind               expected  reported    tp  precision  recall     F1',
        'unexplained-adult         1         1     1      1.000   1.000  1.000',
        'relationship              1         2     1      0.500   1.000  0.667',
        'contradiction             1         0     0      1.000   0.000  0.000',
        'overall                   3         3     2      0.667   0.667  0.667',
        '',
      ].join('\n'),
    );
  });

  it('adds a labelled baseline table', () => {
    const baseline = score([]);
    const out = formatScores(scores, { verbose: false, baseline, baselineLabel: 'HEAD~1' });
    const lines = out.split('\n');
    assert.equal(lines[6], 'baseline: HEAD~1');
    // An empty baseline exercises no kind: its table is the header and the overall row.
    assert.equal(lines[7], 'kind     expected  reported    tp  precision  recall     F1');
    assert.equal(lines[8], 'overall         0         0     0      1.000   1.000  1.000');
  });

  it('lists misses and false positives when verbose (golden)', () => {
    const out = formatScores(scores, { verbose: true });
    const tail = out.split('\n').slice(6).join('\n');
    assert.equal(
      tail,
      [
        'misses (1):',
        '  fixtures/steven.txt:14  contradiction  Steven  (and line 8) friend vs Valentine',
        '',
        'false positives (1):',
        '  fixtures/steven.txt:16  relationship  Jason  relationship at 16',
        '',
      ].join('\n'),
    );
    assert.ok(formatScores(score([]), { verbose: true }).includes('misses (0): none\n\nfalse positives (0): none\n'));
  });
});
