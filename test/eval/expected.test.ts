import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { ANNOTATED_KINDS, parseExpected } from '../../src/eval/expected.js';

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
    ['an unknown top-level key', '{ "clues": [], "clue": [] }', `${FILE}: unknown key "clue" (allowed: clues, source)`],
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
      `${FILE}: clues[1] has unknown key "otherline" (allowed: kind, line, otherLine, who, note)`,
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
