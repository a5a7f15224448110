import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childWellbeing } from '../../src/detect/child-wellbeing.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => childWellbeing.detect(analyseLines(lines));
const summary = (lines: string[]) => detect(lines).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.evidence.map((e) => e.text).join(' | ')}`);

// Question and answer pairs about adults only, to put distance between a child's mention and what follows.
function gapAboutAdults(pairs: number, asker: string, answerer: string): string[] {
  const lines: string[] = [];
  for (let k = 0; k < pairs; k++) {
    lines.push(`${asker} What did your ex say on the ${k + 1}th call?`, `${answerer} He said the money was sorted and he would ring his brother about the car.`);
  }
  return lines;
}

describe('child-wellbeing', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'several signs over a multi-line answer: one clue at the first',
      lines: [
        'Interviewer: How has Harvey been since he started at the new school?',
        'TRACEY: Up and down. The first couple of weeks he was really unsettled,',
        "he wasn't sleeping, he was wetting the bed again, which he hadn't done since he was four.",
      ],
      expected: ["2 warning Harvey: really unsettled | wasn't sleeping | wetting the bed"],
    },
    {
      name: 'a child who goes quiet and is frightened of a man',
      lines: ['SSW: How did Mia react when she saw him?', "CAROL: Mia went very quiet. She's frightened of him."],
      expected: ['2 warning Mia: very quiet | frightened of'],
    },
    {
      name: 'behind in development and hitting out, relayed from nursery',
      lines: [
        'Q: How is Jayden getting on at nursery?',
        "A: They said he's behind with his speech and he keeps hitting out at the other kids.",
      ],
      expected: ['2 warning Jayden: behind with his speech | hitting out'],
    },
    {
      name: 'one clue per turn: not eating, then crying herself to sleep',
      lines: [
        "HV: How's her feeding?",
        "MUM: She won't eat anything. She's lost weight since last month.",
        'HV: And sleep?',
        'MUM: She cries herself to sleep most nights.',
      ],
      expected: ["2 warning the child: won't eat | lost weight", '4 warning the child: cries herself to sleep'],
    },
    {
      name: 'a child who flinches when an adult walks past',
      lines: ["SW: How is Kian when Dean's around?", 'MUM: He flinches when Dean walks past him.'],
      expected: ['2 warning Kian: flinches'],
    },
    {
      name: 'a home in a very poor state',
      lines: ['SW: How are things at home?', "MUM: The flat's a tip, to be honest. There's no food in the fridge."],
      expected: ["2 warning the child: The flat's a tip | no food in the fridge"],
    },
    {
      name: 'a sign in the same breath as a sibling\'s teething',
      lines: ['SW: How have the kids been?', "Shelley: Hard. Brodie's teething and Tayla's been playing up at school."],
      expected: ['2 warning Tayla: playing up'],
    },
    {
      name: 'a child named again after a long stretch of talk about adults: his pronoun is his',
      lines: [
        'SW: Who is in the house at the moment?',
        'MUM: Me and Kai. Kai is six.',
        ...gapAboutAdults(12, 'SW:', 'MUM:'),
        'SW: And how has Kai been since all that?',
        "MUM: He's not sleeping. He keeps asking where his dad has gone.",
      ],
      expected: ["28 warning Kai: not sleeping"],
    },
    {
      name: 'a sign with "doesn\'t": the child, not an order',
      lines: ['SW: How is Ellie eating?', "MUM: Don't ask. She doesn't eat anything I make her."],
      expected: ["2 warning Ellie: doesn't eat"],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(summary(c.lines), c.expected));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'ordinary ups and downs with their cause ("grumpy because she was teething")',
      lines: ['HV: How has Rosie been?', "MUM: She was grumpy because she was teething. She's not sleeping because of her teeth either."],
    },
    {
      name: 'signs that have stopped',
      lines: ['SW: How are the girls?', "MUM: Better. Layla's sleeping in her own bed again and Tia's stopped wetting the bed."],
    },
    {
      name: 'the speaker about herself',
      lines: ['SW: And how are you?', "MUM: I'm not sleeping, to be honest. I've been really anxious about the court date."],
    },
    {
      name: 'adults: his dad and her boyfriend',
      lines: ['SW: How is his dad with him?', "MUM: His dad gets really angry when he's had a drink. My boyfriend's frightened of him too."],
    },
    {
      name: 'a hypothetical and a denial',
      lines: [
        'SW: Would he tell you if something was wrong?',
        "MUM: If he was frightened of anyone he'd tell me. He's not withdrawn at all, he's a chatterbox.",
      ],
    },
    {
      name: "the interviewer's question, answered no",
      lines: ['HV: Is she frightened of him?', 'MUM: No.'],
    },
    {
      name: 'a lunch she will not eat in a loud hall',
      lines: ['SW: How is Maisie at school?', "DAD: The school nurse rang me about her not eating her lunch, it's too loud in the hall."],
    },
    {
      name: 'a bit clingy on a Sunday night',
      lines: ['Ms Okoro: How are they when they come back?', "Mr Whitfield: Tired. Alfie's a bit clingy Sunday night but he's fine by Monday."],
    },
    {
      name: 'court: a woman called by her title, watched on the news, is no child ("very aggressive")',
      lines: [
        'Q. What were you doing that evening?',
        'A. I was watching Ms. Halloran on the news. She was very aggressive with the presenter.',
      ],
    },
    {
      name: 'police: a man with a title and a child word in his nickname ("Mr. Lolly Boy") who goes quiet',
      lines: [
        'DC Price: Who else was at the depot?',
        'Aaron Webb: A driver the lads call Mr. Lolly Boy. He went really quiet when I asked about the van.',
      ],
    },
    {
      name: 'police: "he got really quiet" of a man she met, long after the baby last came up',
      lines: [
        'DC Price: Who lives with you?',
        'Leanne Hart: Just me and the baby.',
        ...gapAboutAdults(12, 'DC Price:', 'Leanne Hart:'),
        'DC Price: What happened when you told him no?',
        'Leanne Hart: He got really quiet, and then he said he would see me later.',
      ],
    },
    {
      name: 'court: an instruction not to talk, with the witness\'s grown children mentioned long before',
      lines: [
        'Q. Do you have a family?',
        'A. Yes. My children are both at university now.',
        ...gapAboutAdults(12, 'Q.', 'A.'),
        'Q. What did the prosecutors say to you about the case?',
        "A. Please don't talk about the case with anyone.",
      ],
    },
    {
      name: 'court: "he was really angry with me" of Mr. Okafor, a titled adult, long after the witness\'s son came up',
      lines: [
        'Q. Do you have children?',
        'A. Yes. My son Noah lives with me.',
        ...Array.from({ length: 12 }, (_, k) => [`Q. What did the bank say on the ${k + 1}th call?`, 'A. The bank said the money was sorted.']).flat(),
        'Q. What did you tell Mr. Okafor?',
        'A. I told Mr. Okafor the deal was off.',
        'Q. And what was his reaction?',
        'A. He was really angry with me.',
      ],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(summary(c.lines), []));
  }

  it('makes a complete clue with evidence at the exact words', () => {
    const clues = detect([
      'Interviewer: How has Harvey been since he started at the new school?',
      'TRACEY: Up and down. The first couple of weeks he was really unsettled,',
      "he wasn't sleeping, he was wetting the bed again.",
    ]);
    assert.deepEqual(clues, [
      {
        rule: 'child-wellbeing',
        kind: 'child-wellbeing',
        severity: 'warning',
        file: 't.txt',
        line: 2,
        column: 55,
        lines: [2, 3],
        who: 'Harvey',
        speaker: 'TRACEY',
        messageId: 'signs',
        data: { quotes: '"really unsettled", "wasn\'t sleeping", "wetting the bed"' },
        message:
          'signs about how the child is: "really unsettled", "wasn\'t sleeping", "wetting the bed"; a change in a child\'s ' +
          'behaviour, eating, sleeping or development can be the first sign of harm and is worth asking about',
        evidence: [
          { line: 2, column: 55, endLine: 2, endColumn: 71, text: 'really unsettled' },
          { line: 3, column: 4, endLine: 3, endColumn: 19, text: "wasn't sleeping" },
          { line: 3, column: 28, endLine: 3, endColumn: 43, text: 'wetting the bed' },
        ],
      },
    ]);
  });
});
