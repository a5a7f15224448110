import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unexplainedInjury } from '../../src/detect/unexplained-injury.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => unexplainedInjury.detect(analyseLines(lines));
const summary = (lines: string[]) => detect(lines).map((c) => `${c.line} ${c.severity} ${c.who}`);

describe('unexplained-injury', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[]; quotes?: string[] }> = [
    {
      name: 'a bruise the interviewer raised, answered with "I don\'t know how" and "he bruises easily"',
      lines: ['SW: How did Riley get the bruise on his cheek?', "MUM: I don't know how. He bruises easily."],
      expected: ['2 warning Riley'],
      quotes: ["I don't know how", 'bruises easily'],
    },
    {
      name: 'an account that changes between two of her turns',
      lines: [
        'SW: How did Riley get the bruise on his cheek?',
        'MUM: He fell off the sofa, he bruises easily.',
        'SW: The nursery said he told them something different.',
        'MUM: Oh, no, that was the other one. He banged it on the cot.',
      ],
      expected: ['2 error Riley'],
      quotes: ['fell off the sofa', 'banged it on the cot'],
    },
    {
      name: 'a second-hand account that changes (the climbing frame, then the big slide)',
      lines: [
        "Interviewer: Tyler's teacher said he had a bruise on his arm last week. Do you know how that happened?",
        "Stacey: He said he fell off the climbing frame at the park. I wasn't there, I was at the dentist.",
        'Interviewer: Who was with Tyler at the park on Tuesday?',
        'Stacey: Craig had him. He said Tyler came off the big slide.',
      ],
      expected: ['2 error Tyler'],
      quotes: ['fell off the climbing frame', 'came off the big slide'],
    },
    {
      name: 'an injury she mentions herself and never explains',
      lines: ["HV: How's bath time going with Lily?", "MUM: Fine. She's got a burn on her hand, but it's healing now."],
      expected: ['2 warning the child'],
      quotes: ['burn on her hand'],
    },
    {
      name: 'an injury on a continuation line, put down to "must have happened at his nan\'s"',
      lines: [
        'SW: How was the weekend?',
        'MUM: Quiet. We stayed in mostly, watched films,',
        "and Tyler's got a black eye, it must have happened at his nan's.",
      ],
      expected: ['3 warning Tyler'],
      quotes: ['black eye', 'must have happened'],
    },
    {
      name: 'a fracture put down to a fall nobody saw ("must have fallen out of bed")',
      lines: [
        'Q. The hospital found a fracture in his wrist. How did it happen?',
        "A. He must have fallen out of bed in the night. I didn't hear anything.",
      ],
      expected: ['2 warning the child'],
      quotes: ['must have fallen out of bed'],
    },
    {
      name: 'a mark she raises and plays down in passing',
      lines: [
        'Student SW: And bath time and bedtime?',
        "CHELSEA: Bath every other night. She had a mark on her arm at bath time on Sunday, a bluey one, I don't know where from.",
        "Kids get bumps, don't they. Then she's in bed by half seven.",
      ],
      expected: ['2 warning the child'],
      quotes: ['mark on her arm', "I don't know where", 'Kids get bumps'],
    },
    {
      name: "an injury raised by the interviewer: the clue is on her first answer, even a bare \"Yeah\"",
      lines: [
        'SW: Nursery noticed a bruise on his arm.',
        'MUM: Yeah.',
        'SW: How did that happen?',
        "MUM: Must have been at his dad's.",
      ],
      expected: ['2 warning the child'],
      quotes: ['Yeah', 'Must have been'],
    },
    {
      name: 'what the child said, then what his dad said: a changed account in two of her turns',
      lines: [
        "MUM: Kai was bleeding from his nose when he came back from his dad's.",
        'SW: Did you ask him what happened?',
        'MUM: He said he fell off the bunk bed.',
        'SW: OK.',
        'MUM: His dad said he walked into a door.',
      ],
      expected: ['1 error Kai'],
      quotes: ['bleeding from his nose', 'fell off the bunk bed', 'walked into a door'],
    },
    {
      name: 'two injuries, one clue each, however often the vague words come back',
      lines: [
        "SW: Nursery noticed a bruise on Kai's back.",
        "MUM: I don't know how he got it. He's always falling over.",
        'SW: And the burn on his hand?',
        "MUM: No idea. Kids get bumps, don't they.",
        'SW: When did you first notice the burn?',
        "MUM: I don't know. I never noticed it. I don't know.",
        'SW: And the bruise, when did you see that?',
        "MUM: I don't know. Kids get bumps.",
      ],
      expected: ['2 warning Kai', '4 warning the child'],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => {
      assert.deepEqual(summary(c.lines), c.expected);
      const quoted = detect(c.lines).flatMap((clue) => clue.evidence.map((e) => e.text));
      for (const q of c.quotes ?? []) assert.ok(quoted.includes(q), `"${q}" not among ${JSON.stringify(quoted)}`);
    });
  }

  // Which injuries there are at all (none asked about in general, denied, or an adult's own) is tested with the model,
  // in test/analyse/injuries.test.ts; here the injuries are found and given a plain account that holds.
  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'a plain, specific account with a witness',
      lines: [
        'SW: Has he had any injuries?',
        'MUM: He fell off the climbing frame at nursery and grazed his knee. They rang me and filled in an accident form.',
      ],
    },
    {
      name: 'the same account told twice',
      lines: [
        'SW: How did he get the bruise?',
        'MUM: He fell off the sofa.',
        'SW: When was that?',
        'MUM: Tuesday. He fell off the sofa reaching for the remote.',
      ],
    },
    {
      name: 'an account given with the injury ("from football")',
      lines: ['SW: What happened to his leg?', "MUM: He's got a bruise on his leg from football on Saturday."],
    },
    {
      name: 'a bite with its doer named',
      lines: ['SW: How did she get the scratch on her face?', 'MUM: The cat scratched her when she pulled its tail.'],
    },
    {
      name: 'an explained graze, then "I don\'t know" about something else',
      lines: [
        'SW: What did nursery say about the graze on his knee?',
        'MUM: He fell off the bike at nursery, they filled in a form.',
        "SW: OK. When's his next appointment?",
        "MUM: I don't know, I'll have to check.",
      ],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(summary(c.lines), []));
  }

  it('makes a complete clue with evidence at the exact words', () => {
    const clues = detect([
      'SW: How did Riley get the bruise on his cheek?',
      'MUM: He fell off the sofa, he bruises easily.',
      'SW: The nursery said he told them something different.',
      'MUM: Oh, no, that was the other one. He banged it on the cot.',
    ]);
    assert.deepEqual(clues, [
      {
        rule: 'unexplained-injury',
        kind: 'unexplained-injury',
        severity: 'error',
        file: 't.txt',
        line: 2,
        column: 9,
        lines: [2, 4],
        who: 'Riley',
        speaker: 'MUM',
        messageId: 'changedAndVague',
        data: {
          injury: 'bruise on his cheek (raised by the interviewer)',
          earlier: 'fell off the sofa',
          later: 'banged it on the cot',
          vague: '"bruises easily"',
        },
        message:
          'bruise on his cheek (raised by the interviewer): the account of how it happened changes, "fell off the sofa" then ' +
          '"banged it on the cot", and it is put down to "bruises easily"; an injury explained differently each time needs a clear account',
        evidence: [
          { line: 2, column: 9, endLine: 2, endColumn: 26, text: 'fell off the sofa' },
          { line: 2, column: 31, endLine: 2, endColumn: 45, text: 'bruises easily' },
          { line: 4, column: 41, endLine: 4, endColumn: 61, text: 'banged it on the cot' },
        ],
      },
    ]);
  });
});
