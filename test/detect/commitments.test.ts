import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventRetold, priorConceded, propositionFlips } from '../../src/detect/commitments.js';
import type { Conflict } from '../../src/detect/conflict.js';
import { analyseLines } from '../transcript.js';

type Check = (analysis: ReturnType<typeof analyseLines>) => Conflict[];

interface Row {
  name: string;
  lines: string[];
  /** Lines the conflict must cite on its first side and on its second; absent means the check stays quiet. */
  cites?: [number, number];
  /** The least confidence expected, and whether it is an error. */
  confidence?: number;
  error?: boolean;
}

function lines(analysis: ReturnType<typeof analyseLines>, quotes: Conflict['claims']): number[] {
  return quotes.map((q) => analysis.sentences[q.sentence]!.utterance.line);
}

function table(name: string, check: Check, rows: Row[]): void {
  describe(name, () => {
    for (const row of rows) {
      it(`${row.cites ? 'fires' : 'stays quiet'}: ${row.name}`, () => {
        const analysis = analyseLines(row.lines);
        const found = check(analysis);
        if (!row.cites) {
          assert.deepEqual(found.map((c) => c.messageId), []);
          return;
        }
        assert.equal(found.length, 1, found.map((c) => c.messageId).join('\n'));
        const [conflict] = found;
        assert.ok(lines(analysis, conflict!.claims).includes(row.cites[0]), `first side ${lines(analysis, conflict!.claims)}`);
        assert.ok(lines(analysis, conflict!.against).includes(row.cites[1]), `second side ${lines(analysis, conflict!.against)}`);
        if (row.confidence !== undefined) assert.ok(conflict!.confidence >= row.confidence, `confidence ${conflict!.confidence}`);
        if (row.error !== undefined) assert.equal(conflict!.severity === 'error', row.error);
      });
    }
  });
}

table('priorConceded', priorConceded, [
  {
    name: 'committed, then will not say: "never pay him" … "not going to do that?" "I don\'t know."',
    lines: [
      'Q. You have said publicly that you will never pay Tony Briggs the money; right?',
      'A. Right.',
      'Q. So, even though the court ordered you to pay Tony Briggs, you are not going to do that; right?',
      "A. I don't know.",
    ],
    cites: [2, 4],
    error: false,
  },
  {
    name: 'committed, then does not recall being asked about it: quiet',
    lines: [
      'Q. You told the police you will never pay Tony Briggs the money; right?',
      'A. Right.',
      'Q. Do you recall the police asking you whether you would pay Tony Briggs?',
      "A. I don't recall.",
    ],
  },
  {
    name: 'does not recall, a recording is played, then concedes with "that": both unrecalled answers cited',
    lines: [
      'DS PATEL: Do you recall speaking to Lee Barnes about the baby in March?',
      'MS WOOD: No.',
      'DS PATEL: Do you recall saying to Lee, "Keep away from the flat"? Do you recall saying that to Lee?',
      "MS WOOD: I don't.",
      'DS PATEL: I am going to play the recording of the call.',
      'DS PATEL: Does that refresh your recollection that you said that to Lee Barnes?',
      "MS WOOD: I don't know what day it was, but I said it.",
    ],
    cites: [2, 7],
  },
  {
    name: 'shown a document, she recalls what she had not been asked about: quiet',
    lines: [
      'DS PATEL: Do you recall speaking to Lee Barnes about the baby in March?',
      'MS WOOD: No.',
      'DS PATEL: Have a look at this note.',
      'DS PATEL: Does that refresh your recollection that Sharon Hill rang the school?',
      'MS WOOD: Yes.',
    ],
  },
  {
    name: '"I don\'t doubt I said that" is no failure to recall: quiet',
    lines: [
      'DS PATEL: Do you recall saying that to Lee Barnes?',
      "MS WOOD: I don't doubt I said that. I don't remember the words.",
      'DS PATEL: Does that refresh your recollection that you said that to Lee Barnes?',
      'MS WOOD: Yes.',
    ],
  },
  {
    name: 'cross-examination: a denial, then the statement to the police put and conceded, same named person',
    lines: [
      'Q. Did you ever speak with Martin Cole about the loan?',
      'A. No.',
      'Q. In your statement to the police you said that you spoke with Martin Cole about the loan; correct?',
      'A. Yes.',
    ],
    cites: [2, 4],
    confidence: 0.85,
    error: true,
  },
  {
    name: 'police interview: told a friend, then agrees the first account said she told no one',
    lines: [
      'DC WARD: Who did you tell about the argument?',
      'MS LEE: I told my sister that evening.',
      'DC WARD: In your first statement you said you told no one; is that right?',
      'MS LEE: Yes.',
    ],
    cites: [2, 4],
  },
  {
    name: "social-worker interview: 'those are my words' after denying the act",
    lines: [
      'SW: Did you smack him?',
      'DAD: No, I did not.',
      "SW: You wrote in your text to his mum that you smacked him; those are your words?",
      'DAD: Those are my words.',
    ],
    cites: [2, 4],
  },
  {
    name: 'not recalling a specific detail, then refreshed by the log: a what-question, no conflict',
    lines: [
      'Q. When did you last call Mr. Lane?',
      "A. I don't recall.",
      'Q. Does the phone log refresh your recollection that you called Mr. Lane on May 3?',
      'A. Yes.',
    ],
  },
  {
    name: 'the document agrees with what was said before',
    lines: [
      'Q. Did you call Mr. Lane that night?',
      'A. Yes, I called him.',
      'Q. Does the log refresh your recollection that you called Mr. Lane that night?',
      'A. Yes.',
    ],
  },
  {
    name: 'a different object: the statement put is about the car, the denial about the loan',
    lines: [
      'Q. Did you sign the loan papers?',
      'A. No.',
      'Q. In your statement you said you signed the car papers; right?',
      'A. Yes.',
    ],
  },
  {
    name: "counsel's own statements are not the witness's",
    lines: [
      'Q. I never spoke with Martin Cole about the loan.',
      'A. Okay.',
      'Q. In your statement you said that you spoke with Martin Cole about the loan; correct?',
      'A. Yes.',
    ],
  },
  {
    name: 'police interview: denies telling the social worker he lived there, then concedes her statement said so',
    lines: [
      'DC WARD: Did you tell the social worker he lived with you?',
      'MS LEE: No. I never said that.',
      "DC WARD: In your statement you said Lee Dunn lived with you, didn't you?",
      'MS LEE: Yes, I said that.',
    ],
    cites: [2, 4],
    error: true,
  },
  {
    name: 'denies telling the social worker he lived there, and concedes saying he never did: no conflict',
    lines: [
      'DC WARD: Did you tell the social worker he lived with you?',
      'MS LEE: No.',
      "DC WARD: In your statement you said Lee Dunn never lived with you, didn't you?",
      'MS LEE: Yes.',
    ],
  },
]);

table('eventRetold', eventRetold, [
  {
    name: 'court: did not return to the class, later went to the class (synonyms from the lexicon)',
    lines: [
      'Q. After that you went back to the gym class?',
      'A. I did not return to the gym class. I sat in my car.',
      'Q. What happened next?',
      'A. I went to the class afterwards and told the teacher nothing.',
    ],
    cites: [2, 4],
  },
  {
    name: 'a call: never filled out the form, then completed the form',
    lines: [
      'OPERATOR: Did you get the letter about the benefit?',
      'CALLER: Yes. I never filled out the form though.',
      'OPERATOR: Okay, and what happened with the payment?',
      'CALLER: It stopped. I completed the form on Monday and sent it off.',
    ],
    cites: [2, 4],
  },
  {
    name: 'different objects: did not go to college, went to school',
    lines: [
      "A: I didn't go to college.",
      'Q: Where did you study?',
      'A: I went to a school in town.',
    ],
  },
  {
    name: '"I don\'t believe I went back to the house" denies it with doubt: told both ways, never at error',
    lines: [
      "MS WOOD: I don't believe I went back to the house that night.",
      'DS PATEL: What did you do?',
      'MS WOOD: I went back to the house and waited for Lee.',
    ],
    cites: [1, 3],
    error: false,
  },
  {
    name: 'someone else\'s belief or a request is no denial of the act',
    lines: [
      "MS WOOD: Lee didn't think I went back to the house. I didn't ask Lee to go back to the house.",
      'DS PATEL: What did you do?',
      'MS WOOD: I went back to the house and waited.',
    ],
  },
  {
    name: 'a hypothetical is not a claim',
    lines: ["A: I didn't return to the flat.", 'Q: Why not?', 'A: If I returned to the flat he would be there.'],
  },
  {
    name: 'reported speech is not a claim',
    lines: ["A: I didn't return to the flat.", 'Q: What did she say?', 'A: She said I returned to the flat.'],
  },
  {
    name: 'a question is not a claim',
    lines: ["A: I didn't return to the flat.", 'Q: Okay.', 'A: Did I return to the flat? I am not sure what you mean.'],
  },
]);

table('propositionFlips', propositionFlips, [
  {
    name: '"doing television" and "going on TV" are one act',
    lines: [
      "MS WOOD: I don't believe I was doing television from home in May.",
      'DS PATEL: Were you going on TV in May?',
      'MS WOOD: Yes.',
    ],
    cites: [1, 3],
  },
  {
    name: 'making money from the story is not telling it',
    lines: [
      "MS WOOD: I didn't make any money from the story.",
      'DS PATEL: Did you tell the story on the radio?',
      'MS WOOD: Yes.',
    ],
  },
  {
    name: 'a leading "going back to Lee," is not what is asked',
    lines: [
      'MS WOOD: Lee comes round a lot more now.',
      'DS PATEL: Going back to Lee, has he ever looked after Tyler for you?',
      'MS WOOD: No, never on his own.',
    ],
  },
  {
    name: 'court: agrees to following the trial, then says she is not following the trial',
    lines: [
      'Q. You are following the trial; correct?',
      'A. To some extent, yes.',
      'Q. And you watch the news about it?',
      'A. I watch the news, but I am not following the trial.',
    ],
    cites: [2, 4],
  },
  {
    name: 'social-worker interview: did every visit alone, then agrees no visit was alone',
    lines: [
      'SW: Tell me about the visits.',
      'MUM: I did every visit alone.',
      "SW: So you didn't do any visits alone?",
      'MUM: Correct.',
    ],
    cites: [2, 4],
  },
  {
    name: 'a different time: did not know his name then, knows it now',
    lines: ['Q: Did you know his surname at the time?', 'A: I did not.', 'Q: Do you know his surname now?', 'A: Yes.'],
  },
  {
    name: 'different people in the two questions',
    lines: [
      'Q. Have you spoken with Mr. Dale since the hearing?',
      'A. No.',
      'Q. Have you spoken with Ms. Frost and Mr. Dale since the hearing?',
      'A. Yes.',
    ],
  },
  {
    name: 'a no to two acts put together denies the pair, not each',
    lines: [
      'Q. You went to the office, and after that you went to the bank; right?',
      'A. No.',
      'Q. You went to the bank?',
      'A. Yes.',
    ],
  },
  {
    name: 'not recalling a talk about one thing with a named man, then agreeing to talking with him about it',
    lines: [
      'Q. Do you recall discussing the issue, the loan you took out, with Martin Cole?',
      'A. I do not.',
      'Q. Now, these are messages between you and Mr. Cole; right?',
      'A. Yes.',
      'Q. You were communicating with Martin Cole about the loan?',
      'A. Yes.',
    ],
    cites: [2, 6],
  },
  {
    name: "a 'No' to one act described by a past form ('based on'), conceded twice in a row: one clue",
    lines: [
      'Q. By 2016 you had learned the law of tenancy based on your own eviction; right?',
      'A. No.',
      'Q. And by 2016 you had learned the law of tenancy?',
      "A. That's fair.",
      'Q. So you had learned it?',
      'A. I had learned the law of tenancy.',
    ],
    cites: [2, 4],
  },
  {
    name: "'not how': a manner denied, not the signing",
    lines: ['Q. Did you sign the form?', 'A. Yes.', 'Q. Tell us about the form.', 'A. I signed it not how I normally sign my name.'],
  },
  {
    name: 'gave one person a thing, then never gave a statement to a paper: two acts',
    lines: ['Q. You gave Martin Cole the papers; right?', 'A. Yes.', 'Q. What happened next?', 'A. I never gave a statement to the paper.'],
  },
  {
    name: 'agrees to following the hearing about a named man, then in her own words is not following it',
    lines: [
      "Q. Ms. Hart, you have been following the hearing about Dean Price to some extent; correct?",
      'A. Yes, to some extent.',
      'Q. Have you read the reports?',
      'A. No, I am not following the hearing.',
    ],
    cites: [2, 4],
  },
  {
    name: "'people named Keith, and I wanted…' is not a denial of knowing his name",
    lines: [
      'Q. Did you know his last name at the time?',
      'A. I did not.',
      'Q. Why did you save him as Keith Work?',
      "A. I know a lot of people named Keith, and I wanted to know which one it was, and because I didn't know his last name, I put where he works.",
    ],
  },
  {
    name: "'the signed agreement' names a thing; it does not say who signed",
    lines: ['Q. What did you give the bank?', 'A. The signed agreement and the side letter.', 'Q. Did Mr. Hale sign this agreement anywhere?', 'A. No.'],
  },
  {
    name: "a talk that 'came up' and an article that 'didn't come out' are two acts",
    lines: [
      'Q. Did the article come up when you spoke?',
      'A. That conversation came up as well.',
      "Q. And the talks were about making sure that it didn't come out in the magazine?",
      'A. Correct.',
    ],
  },
  {
    name: 'two answers two hundred turns apart with no person or date in common are about different occasions',
    lines: [
      'Q. Did you use a different name for the account?',
      'A. I did.',
      ...Array.from({ length: 110 }, (_, k) => [`Q. And page ${k + 1}?`, 'A. I see it.']).flat(),
      'Q. Did you use a different name for the account?',
      'A. No.',
    ],
  },
  {
    name: 'the same two answers close together do conflict',
    lines: ['Q. Did you use a different name for the account?', 'A. I did.', 'Q. And page one?', 'A. I see it.', 'Q. Did you use a different name for the account?', 'A. No.'],
    cites: [2, 6],
  },
  {
    name: 'denying telling someone a thing is not denying the thing',
    lines: ['SW: Did you tell your mum he lived with you?', 'MS LEE: No.', 'SW: Where does Lee Dunn live?', 'MS LEE: Lee Dunn lived with me for a month.'],
  },
]);
