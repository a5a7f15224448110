import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { ANNOTATED_KINDS, parseAnnotation, parseExpected } from '../../src/eval/expected.js';

const FILE = 'fixtures/a.expected.json';

function rejects(text: string, message: string): void {
  assert.throws(() => parseExpected(FILE, text), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.message, message);
    return true;
  });
}

describe('parseExpected', () => {
  it('reads every field and keeps optional ones only when given', () => {
    const text = JSON.stringify({
      clues: [
        { kind: 'unexplained-adult', line: 8, who: 'Steven', note: 'comes round, never explained' },
        { kind: 'relationship', line: 8, who: 'Steven' },
        { kind: 'contradiction', line: 14, otherLine: 8, who: 'Steven', note: 'friend vs Valentine' },
      ],
    });
    assert.deepEqual(parseExpected(FILE, text), [
      { kind: 'unexplained-adult', line: 8, who: 'Steven', note: 'comes round, never explained' },
      { kind: 'relationship', line: 8, who: 'Steven' },
      { kind: 'contradiction', line: 14, otherLine: 8, who: 'Steven', note: 'friend vs Valentine' },
    ]);
    assert.deepEqual(Object.keys(parseExpected(FILE, '{"clues":[{"kind":"relationship","line":3}]}')[0] ?? {}), ['kind', 'line']);
  });

  it('reads people, range, source and alsoLines (the shared corpus\'s annotations)', () => {
    const text = JSON.stringify({
      source: 'pbutland/caughtlistening transcripts/240502.txt @ 564daae',
      clues: [
        { kind: 'relationship', line: 1175, alsoLines: [3117, 3119], who: 'Gina Rodriguez; Anthony Kotsev' },
        { kind: 'contradiction', line: 3183, otherLine: 1175, who: 'Anthony Kotsev' },
      ],
      people: ['Keith Davidson', 'Emil Bove', 'Donald Trump'],
      range: [1173, 4167],
    });
    assert.deepEqual(parseAnnotation(FILE, text), {
      source: 'pbutland/caughtlistening transcripts/240502.txt @ 564daae',
      clues: [
        { kind: 'relationship', line: 1175, alsoLines: [3117, 3119], who: 'Gina Rodriguez; Anthony Kotsev' },
        { kind: 'contradiction', line: 3183, otherLine: 1175, who: 'Anthony Kotsev' },
      ],
      people: ['Keith Davidson', 'Emil Bove', 'Donald Trump'],
      range: [1173, 4167],
    });
    assert.deepEqual(Object.keys(parseAnnotation(FILE, '{ "clues": [] }')), ['clues']);
  });

  it('lets a contradiction\'s otherLine and alsoLines reach outside the range (the earlier statement may be)', () => {
    const text = '{ "clues": [{ "kind": "contradiction", "line": 20, "otherLine": 3, "alsoLines": [2] }], "range": [10, 30] }';
    assert.equal(parseAnnotation(FILE, text).clues.length, 1);
  });

  it('accepts an empty list', () => {
    assert.deepEqual(parseExpected(FILE, '{ "clues": [] }\n'), []);
  });

  const clue = (fields: Record<string, unknown>) => JSON.stringify({ clues: [{ kind: 'relationship', line: 1 }, fields] });
  const cases: Array<[string, string, string]> = [
    ['broken JSON', '{ "clues": [', `${FILE}: invalid JSON: `],
    ['an array at the top', '[]', `${FILE}: must be an object like { "clues": [...] }`],
    ['null', 'null', `${FILE}: must be an object like { "clues": [...] }`],
    ['no clues key', '{}', `${FILE}: "clues" must be an array`],
    ['clues not an array', '{ "clues": {} }', `${FILE}: "clues" must be an array`],
    ['an unknown top-level key', '{ "clues": [], "clue": [] }', `${FILE}: unknown key "clue" (allowed: clues, source, people, range)`],
    ['source not a string', '{ "clues": [], "source": 7 }', `${FILE}: "source" must be a non-empty string`],
    ['people not an array', '{ "clues": [], "people": "Emil Bove" }', `${FILE}: "people" must be an array of names`],
    ['an empty name in people', '{ "clues": [], "people": ["Emil Bove", " "] }', `${FILE}: people[1] must be a non-empty string`],
    ['a name in people that is not text', '{ "clues": [], "people": [["Emil", "Bove"]] }', `${FILE}: people[0] must be a non-empty string`],
    [
      'a person listed twice',
      '{ "clues": [], "people": ["Emil Bove", "Keith Davidson", "emil bove"] }',
      `${FILE}: people[2] "emil bove" is listed twice (also people[0])`,
    ],
    ['a range of one number', '{ "clues": [], "range": [3] }', `${FILE}: "range" must be [first, last]: two positive line numbers, first <= last (got [3])`],
    [
      'a range backwards',
      '{ "clues": [], "range": [40, 12] }',
      `${FILE}: "range" must be [first, last]: two positive line numbers, first <= last (got [40,12])`,
    ],
    [
      'a range as text',
      '{ "clues": [], "range": "12-40" }',
      `${FILE}: "range" must be [first, last]: two positive line numbers, first <= last (got "12-40")`,
    ],
    [
      'a clue outside the range',
      '{ "clues": [{ "kind": "relationship", "line": 12 }, { "kind": "relationship", "line": 41 }], "range": [12, 40] }',
      `${FILE}: clues[1].line 41 is outside "range" [12, 40]`,
    ],
    ['alsoLines not an array', clue({ kind: 'relationship', line: 2, alsoLines: 4 }), `${FILE}: clues[1].alsoLines must be an array of line numbers`],
    [
      'a bad line in alsoLines',
      clue({ kind: 'relationship', line: 2, alsoLines: [4, 0] }),
      `${FILE}: clues[1].alsoLines[1] must be a positive integer`,
    ],
    ['a clue that is not an object', '{ "clues": [1, 2] }', `${FILE}: clues[0] must be an object`],
    [
      'an unknown kind',
      clue({ kind: 'romance', line: 2 }),
      `${FILE}: clues[1].kind must be one of ${ANNOTATED_KINDS.join(', ')} (got "romance")`,
    ],
    [
      'the suppression kind (problems with clues-ignore comments are not annotated)',
      clue({ kind: 'suppression', line: 2 }),
      `${FILE}: clues[1].kind must be one of ${ANNOTATED_KINDS.join(', ')} (got "suppression")`,
    ],
    [
      'a missing kind',
      clue({ line: 2 }),
      `${FILE}: clues[1].kind must be one of ${ANNOTATED_KINDS.join(', ')} (got nothing)`,
    ],
    ['a missing line', clue({ kind: 'relationship' }), `${FILE}: clues[1].line must be a positive integer`],
    ['line zero', clue({ kind: 'relationship', line: 0 }), `${FILE}: clues[1].line must be a positive integer`],
    ['a fractional line', clue({ kind: 'relationship', line: 2.5 }), `${FILE}: clues[1].line must be a positive integer`],
    ['a line as text', clue({ kind: 'relationship', line: '2' }), `${FILE}: clues[1].line must be a positive integer`],
    [
      'a bad otherLine',
      clue({ kind: 'contradiction', line: 9, otherLine: -1 }),
      `${FILE}: clues[1].otherLine must be a positive integer`,
    ],
    ['who not a string', clue({ kind: 'relationship', line: 2, who: 3 }), `${FILE}: clues[1].who must be a string`],
    ['note not a string', clue({ kind: 'relationship', line: 2, note: null }), `${FILE}: clues[1].note must be a string`],
    [
      'a misspelt key',
      clue({ kind: 'contradiction', line: 9, otherline: 3 }),
      `${FILE}: clues[1] has unknown key "otherline" (allowed: kind, line, otherLine, alsoLines, who, note)`,
    ],
  ];
  for (const [name, text, message] of cases) {
    it(`rejects ${name}`, () => {
      if (message.endsWith('invalid JSON: ')) {
        assert.throws(() => parseExpected(FILE, text), (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.ok(error.message.startsWith(message), error.message);
          return true;
        });
      } else {
        rejects(text, message);
      }
    });
  }
});
