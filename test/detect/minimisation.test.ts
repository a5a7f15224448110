import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimisation } from '../../src/detect/minimisation.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => minimisation.detect(analyseLines(lines));
const summary = (lines: string[]) => detect(lines).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.evidence.map((e) => e.text).join(' | ')}`);

describe('minimisation', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'a man played down as "just a friend" who "only stayed the once"',
      lines: ['SW: Who is Steven?', "TRACEY: He's just a friend. He only stayed the once."],
      expected: ['2 info Steven: just a friend | only stayed the once'],
    },
    {
      name: 'wanting services gone, after "to be honest"',
      lines: ['SW: Is there anything you want from us?', 'TRACEY: To be honest, I just want social services out of our lives.'],
      expected: ['2 info social services: out of our lives'],
    },
    {
      name: 'a smack played down, one clue per turn',
      lines: [
        'SW: Can you tell me what happened?',
        'GARETH: I gave him a smack on the leg. It was nothing, just a little tap.',
        'SW: Has it happened before?',
        'GARETH: No, it was a one-off. Kids exaggerate.',
      ],
      expected: ['2 info the child: It was nothing | just a little tap', '4 info the child: it was a one-off | Kids exaggerate'],
    },
    {
      name: 'words on a continuation line of a long answer',
      lines: [
        "Interviewer: Who's been helping?",
        "TRACEY: My mum's been coming up on a Thursday, and then there's Marcus, who I've known for years,",
        "and he's only a mate, there's nothing like that going on.",
      ],
      expected: ['3 info Marcus: only a mate'],
    },
    {
      name: 'time with the child and the man played down',
      lines: ["SW: Why didn't you mention that earlier?", "STACEY: I didn't think. It was only an hour. He wouldn't hurt him, he's not like that."],
      expected: ["2 info the child: It was only an hour | He wouldn't hurt him | he's not like that"],
    },
    {
      name: 'a bruise played down, with the child named',
      lines: ['SW: Nursery saw a bruise on Ellis, your little boy.', "LEAH: He bruises easily, he always has. It's only a bruise."],
      expected: ["2 info Ellis: bruises easily | It's only a bruise"],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(summary(c.lines), c.expected));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: '"to be honest" and "honestly" on their own',
      lines: ['SW: How have things been?', "MUM: Better, honestly. To be honest, it's been a good month."],
    },
    {
      name: 'the words denied ("not just a friend")',
      lines: ['SW: Who is Dean?', "MUM: He's not just a friend, he's my partner now."],
    },
    {
      name: "a professional's words reported",
      lines: ['HV: What did the GP say about the rash?', 'MUM: The GP said it was nothing to worry about and gave us some cream.'],
    },
    {
      name: 'a journey time',
      lines: ['SW: How far away is your mum?', "MUM: She lives in Hartley so it's only ten minutes on the bus."],
    },
    {
      name: "the interviewer's words, agreed to",
      lines: ["SW: So he's just a friend?", 'MUM: Yes.'],
    },
    {
      name: 'a bare "Only once." answering how often something worrying happened',
      lines: ['Interviewer: Has anything happened at contact that worried you?', 'Jodie: Only once. Ryan told Ollie he would be living with him soon.'],
    },
    {
      name: 'children playing',
      lines: ['SW: What were the kids doing?', 'MUM: They were playing in the garden with the dog.'],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(summary(c.lines), []));
  }

  it('makes a complete clue with evidence at the exact words', () => {
    const clues = detect([
      'SW: Is there anything you want from us?',
      "TRACEY: To be honest, I just want social services out of our lives. It's all been blown out of proportion.",
    ]);
    assert.deepEqual(clues, [
      {
        rule: 'minimisation',
        kind: 'minimisation',
        severity: 'info',
        file: 't.txt',
        line: 2,
        column: 51,
        lines: [2],
        who: 'social services',
        speaker: 'TRACEY',
        messageId: 'both',
        data: { playsDown: '"blown out of proportion"', servicesOut: '"out of our lives"' },
        message:
          'plays down a person or harm: "blown out of proportion"; wants services gone: "out of our lives"; ' +
          'words that make a person or a harm sound smaller than it is are worth testing',
        evidence: [
          { line: 2, column: 51, endLine: 2, endColumn: 67, text: 'out of our lives' },
          { line: 2, column: 83, endLine: 2, endColumn: 106, text: 'blown out of proportion' },
        ],
      },
    ]);
  });
});
