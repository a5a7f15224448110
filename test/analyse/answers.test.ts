import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines } from '../transcript.js';

/** Each exchange as `put → answer: stance`, the put being the asking turn's last sentence. */
const exchangesOf = (lines: string[]) =>
  analyseLines(lines).exchanges.map((e) => {
    const put = e.put[e.put.length - 1]!;
    const answer = e.answer[0]!;
    const stanceWords = answer.utterance.text.slice(answer.start, e.stanceEnd);
    return `${put.text} → ${e.stance}${e.hedged ? ' (hedged)' : ''}${e.stance === 'other' ? '' : ` "${stanceWords}"`}`;
  });

describe('exchanges', () => {
  const table: Array<[string, string[], string]> = [
    ['a plain yes', ['Q. Was Karen McDougal your client?', 'A. Yes.'], 'Was Karen McDougal your client → yes "Yes"'],
    ['yes with an address', ['Q. And you were retained in 2011?', 'A. Yes, sir.'], 'And you were retained in 2011 → yes "Yes, sir"'],
    ['a statement put with a tag', ['Q. You told the police he was your boyfriend, right?', 'A. That\'s correct.'], 'You told the police he was your boyfriend, right → yes "That\'s correct"'],
    ['words conceded', ['Q. In your book you wrote that you were obsessed, didn\'t you?', 'A. Those are my words.'], 'In your book you wrote that you were obsessed, didn\'t you → yes "Those are my words"'],
    ['hedged agreement', ['DC HUGHES: Did he stay over that night?', 'MS WOOD: I think so, yeah.'], 'Did he stay over that night → yes (hedged) "I think so"'],
    ['a denial', ['SW: Is he your boyfriend?', "MUM: No. He's just a friend."], 'Is he your boyfriend → no "No"'],
    ['a denial by verb', ['Q. Did you fill out this form?', "A. I didn't fill out this form."], 'Did you fill out this form → no "I didn\'t"'],
    ['hedged denial, not a plain one', ['Q. Did you ever meet Mr. Bragg?', "A. Not that I recall."], 'Did you ever meet Mr. Bragg → no (hedged) "Not that I recall"'],
    ['longest phrase wins', ['Q. Did you speak to Cohen about Hogan?', "A. I don't recall."], 'Did you speak to Cohen about Hogan → unsure "I don\'t recall"'],
    ['curly apostrophes', ['Q. Was that in 2016?', 'A. I don’t know.'], 'Was that in 2016 → unsure "I don’t know"'],
    ['a short auxiliary answer', ['Q. Did you tell him?', 'A. I did.'], 'Did you tell him → yes "I did"'],
    ['an auxiliary opening a longer answer takes no side', ['Q. What did you do then?', 'A. I did the shopping and went home.'], 'What did you do then → other'],
    ['a filler before the answer', ["DS PATEL: He stayed over that night, didn't he?", 'MS WOOD: Um, no.'], 'He stayed over that night, didn\'t he → no "Um, no"'],
    ['"no idea" is not "no"', ['SW: Who is Dean?', 'MUM: No idea, some bloke of hers.'], 'Who is Dean → unsure "No idea"'],
    [
      'not knowing a detail, then conceding after "but"',
      ['DS PATEL: Does that refresh your memory that you told Lee to stay away?', "MS WOOD: I don't know what day it was, but I said it."],
      'Does that refresh your memory that you told Lee to stay away → yes "I don\'t know what day it was, but I said it"',
    ],
    [
      'not knowing a detail, then denying after "but"',
      ['DS PATEL: Did Lee stay that night?', "MS WOOD: I don't know where he went after, but no, he didn't stay."],
      'Did Lee stay that night → no "I don\'t know where he went after, but no"',
    ],
    [
      'not knowing whether stays unsure, whatever follows',
      ['DS PATEL: Did Lee stay that night?', "MS WOOD: I don't know if he did, but yes, he was around."],
      'Did Lee stay that night → unsure "I don\'t know"',
    ],
    [
      'a hedged opinion after "but" is about something else: stays unsure',
      ['Q. The blog was taken down because her boyfriend had written it, correct?', "A. I don't know who wrote it, but I don't think they were dating at the time."],
      'The blog was taken down because her boyfriend had written it, correct → unsure "I don\'t know"',
    ],
    ['"but" with no stance after it stays unsure', ['DS PATEL: Did Lee stay that night?', "MS WOOD: I don't know when he left, but he was tired."], 'Did Lee stay that night → unsure "I don\'t know"'],
  ];
  for (const [name, lines, expected] of table) {
    it(name, () => assert.deepEqual(exchangesOf(lines), [expected]));
  }

  it('pairs a turn that asks, or anything the interviewer puts, with the very next turn by someone else', () => {
    assert.deepEqual(
      exchangesOf([
        'SW: Tell me about the weekend.',
        'MUM: We went to my mum’s.',
        'SW: Did Dean come?',
        'SW: Or was it just you?',
        'MUM: Yes.',
      ]),
      ['Tell me about the weekend → other', 'Or was it just you → yes "Yes"'],
    );
  });

  it('pairs questions in a conversation with no interviewer too', () => {
    assert.deepEqual(exchangesOf(['MUM: Is Gary still there?', "SON: No, he's gone.", 'MUM: Good.']), ['Is Gary still there → no "No"']);
  });
});

describe('the proposition put', () => {
  const propositionOf = (lines: string[]) => analyseLines(lines).exchanges[0]!.proposition!;
  it('drops a closing tag told by its punctuation, so "; correct?" is no second act', () => {
    const put = propositionOf(['Q. You made a monetary demand to the tenant’s lawyers in order to not publish the photos; correct?', 'A. No.']);
    assert.equal(put.compound, false);
    assert.equal(put.negative, false);
    assert.equal(put.head, 'demand');
  });
  it('unwraps "and then, by the way, is it fair to say that…"', () => {
    assert.equal(propositionOf(['Q. And then, by the way, is it fair to say that you are motivated by money?', 'A. No.']).head, 'motivat');
  });
  it('reads the main clause after "so, when…,"', () => {
    const put = propositionOf(['Q. And so, when you got to the shop, Lee Dunn was not in there?', 'A. No.']);
    assert.equal(put.negative, true);
    assert.ok(!put.nouns.includes('shop'), JSON.stringify(put));
  });
  it('drops ", didn\'t you?" too, and keeps a sentence with no tag whole', () => {
    assert.equal(propositionOf(["Q. You went to the flat and then you called Lee Dunn, didn't you?", 'A. No.']).compound, true);
    assert.equal(propositionOf(["Q. You called Lee Dunn from the flat, didn't you?", 'A. No.']).compound, false);
  });
});
