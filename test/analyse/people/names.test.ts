import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LEXICON as lexicon } from '../../../src/analyse/lexicon.js';
import { nameSpans, nameWords, type NameContext } from '../../../src/analyse/people/names.js';
import { sentencesOf } from '../../../src/analyse/sentences.js';
import type { Utterance } from '../../../src/types.js';

/** The names the names pass finds in each sentence of `lines` (one utterance each), given the whole text as context. */
function namesIn(lines: string[], speakers: string[] = []): string[][] {
  const utterances = lines.map((text, index) => ({ index, speaker: 'A', text, line: index + 1 }) as unknown as Utterance);
  const { sentences } = sentencesOf(utterances, () => 'interviewee');
  const speakerNames = new Set(speakers);
  const { known, common } = nameWords(sentences, { lexicon, speakerNames });
  const ctx: NameContext = { lexicon, speakerNames, known, common };
  return lines.map((_, u) =>
    sentences
      .filter((s) => s.utterance.index === u)
      .flatMap((s) => nameSpans(s.tokens, ctx).map((span) => s.text.slice(s.tokens[span.first]!.start - s.start, s.tokens[span.last]!.end - s.start))),
  );
}

// [sentence, the names in it]: names with the words glued to them taken off, and sentences that must stay quiet.
const TABLE: Array<[string, string[]]> = [
  ['Did Sharon Mills ring you back?', ['Sharon Mills']],
  ['Because Gary Lyons was there, I left.', ['Gary Lyons']],
  ['To Deborah Hart, from the housing office.', ['Deborah Hart']],
  ['Meaning Kelly was at home with them.', ['Kelly']],
  ['Would Marcus come round on a Sunday?', ['Marcus']],
  ['Is Tony Briggs her uncle?', ['Tony Briggs']],
  ['Reporter Jane Olsen wrote about the case.', ['Reporter Jane Olsen']],
  ['We spoke to President Joseph R. Biden about it.', ['President Joseph R. Biden']],
  ['Mr. Okafor asked for the papers.', ['Mr. Okafor']],
  ['DC Rees took a statement.', ['DC Rees']],
  ['Mr W collects his post here.', ['Mr W']],
  ['We watched the Graham Norton Show together.', []],
  ['She booked the Ava Gardner Suite at the hotel.', []],
  ['Good morning, your Honor.', []],
  ['Thank you, Judge.', []],
  ['What did you do next? Where did you go?', []],
  ["Isn't that right? Don't you remember?", []],
  ['Objection. Sustained. Move on to Page 12, Lines 3 to 9.', []],
  ['The People call their next witness, and the Defendant is present.', []],
  ['Please look at Exhibit 40 and the Affirmation.', []],
  ['THAT THE TENANCY AGREEMENT IS TERMINATED', []],
  ['K E I T H signed it, says CPl.', []],
  ['He posted it on Facebook and Snapchat.', []],
  ["Did you discuss with Mr. Wilson Michael Grant's request?", ['Mr. Wilson', "Michael Grant's"]],
  ['He posted it on MeidasTouch.', []],
  // The object of a relationship verb is a person, even one compromise has never heard of.
  ["And I can't recall if I represented Ivanka.", ['Ivanka']],
  ['She dated Kaydence for a year.', ['Kaydence']],
  ['He represented Wakefield Council at the hearing.', []],
  ['someone called dean came round', []],
  ['so i told mark and then will came round with grace', []],
];

describe('names pass', () => {
  for (const [sentence, expected] of TABLE) {
    it(`${sentence} → ${expected.join(', ') || 'no names'}`, () => {
      assert.deepEqual(namesIn([sentence])[0], expected);
    });
  }

  it('keeps a suffix that makes a different person', () => {
    assert.deepEqual(namesIn(['Was Robert Hale, Jr. at the house, or Robert Hale?'])[0], ['Robert Hale, Jr', 'Robert Hale']);
  });

  it('takes a word the transcript writes in lower case for no name', () => {
    const [, second] = namesIn(['I sent a signal to the others.', 'After that Signal went quiet for a week.']);
    assert.deepEqual(second, []);
  });

  it('takes an ordinary word after a title other than Mr or Mrs for no name', () => {
    assert.deepEqual(namesIn(['Court Reporter Then he told me.', 'And then we left.']).flat(), []);
  });

  it('takes a word met mostly after "the" or a work noun for a thing', () => {
    const lines = ['I read it in the Courier.', 'The Courier said so too.', 'Her book Wildfire sold well.', 'Wildfire made money.'];
    assert.deepEqual(namesIn(lines).flat(), []);
  });

  it('takes a word met only after "in" or "at" for a place', () => {
    const lines = ['He was in Brockley then.', 'We met at Brockley.', 'Brockley was quiet.'];
    assert.deepEqual(namesIn(lines).flat(), []);
  });

  it('finds a name a title makes plain, even one compromise takes for a place', () => {
    assert.deepEqual(namesIn(['Mr. Hall came in with Special Counsel Mueller.'])[0], ['Mr. Hall', 'Special Counsel Mueller']);
  });

  it('leaves out the words of speaker labels', () => {
    assert.deepEqual(namesIn(['Thanks, Mrs Hall. Did Dr Patel see him?'], ['hall'])[0], ['Dr Patel']);
  });
});
