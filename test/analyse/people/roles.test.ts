import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LEXICON as lexicon } from '../../../src/analyse/lexicon.js';
import { roleSpans } from '../../../src/analyse/people/roles.js';
import { sentencesOf } from '../../../src/analyse/sentences.js';
import type { Utterance } from '../../../src/types.js';

/** The role words of a sentence, each from the word that says whose it is (`his nursery teacher`), names aside. */
function rolesIn(text: string): string[] {
  const utterance = { index: 0, speaker: 'A', text, line: 1 } as unknown as Utterance;
  const { sentences } = sentencesOf([utterance], () => 'interviewee');
  return sentences.flatMap(({ tokens }) =>
    roleSpans(tokens, [], lexicon).map((s) => tokens.slice(s.determiner ?? s.first, s.last + 1).map((t) => t.text).join(' ')),
  );
}

// [sentence, role words with the word that says whose]: determiners found past modifiers, and sentences with none.
const TABLE: Array<[string, string[]]> = [
  ['My mate picks him up.', ['My mate']],
  ['His nursery teacher rang me.', ['His nursery teacher']],
  ['The lodger pays me on Fridays.', ['The lodger']],
  ['Her social worker came on Monday.', ['Her social worker']],
  ['My best mate and my mum were there.', ['My best mate', 'my mum']],
  ['Thank you, Judge.', []],
  ['Yes, Officer.', []],
  ['We went to the park and had chips.', []],
];

describe('roles pass', () => {
  for (const [sentence, expected] of TABLE) {
    it(`${sentence} → ${expected.join(', ') || 'no role words'}`, () => {
      assert.deepEqual(rolesIn(sentence), expected);
    });
  }
});
