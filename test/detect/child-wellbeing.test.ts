import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childWellbeing } from '../../src/detect/child-wellbeing.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => childWellbeing.detect(analyseLines(lines));
const summary = (lines: string[]) => detect(lines).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.evidence.map((e) => e.text).join(' | ')}`);

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
