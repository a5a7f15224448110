import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines } from '../../transcript.js';

/** Each pronoun of the transcript as `line:pronoun → person`, or `→ nobody` when it resolved to no one. */
function pronouns(lines: string[]): string[] {
  const { roster, sentences } = analyseLines(lines);
  const found = roster.bySentence.flat().filter((m) => m.kind === 'pronoun');
  const resolved = new Set(found.map((m) => `${m.sentence}:${m.first}`));
  const out = found.map((m) => `${sentences[m.sentence]!.utterance.line}:${m.text} → ${roster.people[m.personId]!.name}`);
  for (const s of sentences) {
    s.tokens.forEach((t, i) => {
      if (['he', 'him', 'she', 'her'].includes(t.normal) && !resolved.has(`${s.index}:${i}`) && t.text !== '') out.push(`${s.utterance.line}:${t.text} → nobody`);
    });
  }
  return out;
}

// [transcript lines, pronouns with the person each means]
const TABLE: Array<[string[], string[]]> = [
  [['SW: Has Craig looked after Tyler?', "MUM: No, he's never had him."], ["2:he's → Craig", '2:him → Tyler']],
  [['SW: How is Kai?', "MUM: Kai's wary, he's thirteen."], ["2:he's → Kai"]],
  [['SW: Tell me about Jade Cole.', 'MUM: Jade is my sister. I see her on Sundays.'], ['2:her → Jade Cole']],
  [['SW: Does Shannon see Mason?', 'MUM: She has him on Saturdays.'], ['2:She → Shannon', '2:him → Mason']],
  [['SW: Who is at home?', 'MUM: Just me. He left in March.'], ['2:He → nobody']],
  // The one person the question just put is about is whom the answer's "he" means, though a boy was named before.
  [
    ['SW: Who lives with you?', 'MUM: My son Noah.', 'SW: What did your ex say on the phone?', 'MUM: He said the money was sorted.'],
    ['4:He → your ex'],
  ],
  [
    ['Q. Tell us about your family.', 'A. I live with my partner. I share custody of my daughter with her dad.', 'Q. How long have you known your partner?', 'A. I have known him for almost 25 years.'],
    ['4:him → my partner', '2:her → nobody'],
  ],
  // A gender guessed once from a pronoun ("Sky… He") lets later pronouns fit, but a sure match in the question wins.
  [
    ['DC MOSS: Tell me about Sky Lomax.', 'MS BRYCE: He was at the flat most nights.', 'DC MOSS: Did Sky Lomax argue with Darren Pike that night?', 'MS BRYCE: Yes. He said Sky started it.'],
    ['2:He → Sky Lomax', '4:He → Darren Pike'],
  ],
  // "His name was Wes" names someone who had no name yet, not the man already named.
  [
    ['PC DALE: Who else did you tell?', 'MS KERR: Kyle Dent. And my then landlord. His name was Wes. He was the first one I told.'],
    ['2:He → Wes'],
  ],
];

describe('pronouns pass', () => {
  for (const [lines, expected] of TABLE) {
    it(lines.join(' / '), () => {
      assert.deepEqual(pronouns(lines), expected);
    });
  }
});
