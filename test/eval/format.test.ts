import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { evalFormat, formatEval } from '../../src/eval/format.js';
import { scoreRoster } from '../../src/eval/roster.js';
import type { DirScores } from '../../src/eval/run.js';
import { score } from '../../src/eval/score.js';

const roster = scoreRoster([
  {
    file: 'corpus/court/day.txt',
    expected: ['Emil Bove', 'Keith Davidson'],
    reported: [
      { name: 'BOVE', aliases: ['MR. BOVE'], line: 14, from: 'speaker' },
      { name: 'Bove', aliases: [], line: 20, from: 'person' },
      { name: 'This Settlement Agreement', aliases: [], line: 21, from: 'person' },
    ],
  },
]);
const corpus: DirScores = {
  dir: '../shared/corpus',
  cases: 1,
  scores: score([{ file: 'corpus/court/day.txt', expected: [{ kind: 'relationship', line: 18 }], clues: [] }]),
  baseline: score([]),
  roster,
};
const fixtures: DirScores = { dir: 'fixtures', cases: 2, scores: score([]) };

describe('formatEval', () => {
  it('prints one titled section per folder, the roster row under the first table (golden)', () => {
    const out = formatEval([corpus, fixtures], { format: 'text', verbose: false });
    assert.equal(
      out.split('\n').slice(0, 7).join('\n'),
      [
        'real transcripts (../shared/corpus, 1 annotated)',
        'kind          expected  reported    tp  precision  recall     F1',
        'relationship         1         0     0      1.000   0.000  0.000',
        'overall              1         0     0      1.000   0.000  0.000',
        '',
        'roster               2         3     1      0.333   0.500  0.400  (named people, 1 annotation)',
        '',
      ].join('\n'),
    );
    assert.match(out, /^fixtures \(fixtures, 2 annotated\)$/m);
    assert.equal(out.match(/^baseline: /gm)?.length, 1);
  });

  it('lists roster misses and false positives when verbose', () => {
    const out = formatEval([corpus], { format: 'text', verbose: true });
    assert.match(out, /^roster misses \(1\):\n {2}corpus\/court\/day\.txt {2}Keith Davidson$/m);
    assert.match(out, /^ {2}corpus\/court\/day\.txt:20 +Bove +same person as Emil Bove: not merged$/m);
    assert.match(out, /^ {2}corpus\/court\/day\.txt:21 +This Settlement Agreement +matches no one$/m);
  });

  it('says in one line that the default corpus is missing', () => {
    const out = formatEval([fixtures], { format: 'text', verbose: false, missing: '../shared/corpus' });
    assert.equal(out.split('\n')[0], 'real transcripts: ../shared/corpus not found beside this folder; scoring fixtures only');
    assert.match(out, /^fixtures \(fixtures, 2 annotated\)$/m);
  });

  it('gives scripts { dirs: [{ dir, cases, kinds, overall, roster }] } as JSON', () => {
    const data = JSON.parse(formatEval([corpus, fixtures], { format: 'json', verbose: false })) as {
      dirs: Array<{ dir: string; cases: number; kinds: Record<string, { tp: number }>; overall: { fn: number }; roster: { tp: number; cases: number } | null }>;
    };
    assert.deepEqual(data.dirs.map((d) => [d.dir, d.cases]), [['../shared/corpus', 1], ['fixtures', 2]]);
    assert.equal(data.dirs[0]!.overall.fn, 1);
    assert.deepEqual([data.dirs[0]!.roster?.cases, data.dirs[0]!.roster?.tp], [1, 1]);
    assert.equal(data.dirs[1]!.roster, null);
    assert.equal('suppression' in data.dirs[0]!.kinds, false);
    assert.ok('relationship' in data.dirs[0]!.kinds);
  });
});

describe('evalFormat', () => {
  it('reads the main command\'s --format', () => {
    assert.equal(evalFormat('terminal'), 'text');
    assert.equal(evalFormat('json'), 'json');
    assert.throws(() => evalFormat('sarif'), InputError);
  });
});
