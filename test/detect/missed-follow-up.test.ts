import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missedFollowUp } from '../../src/detect/missed-follow-up.js';
import { analyse, buildLexicon } from '../../src/analyse/index.js';
import { parse } from '../../src/parse/index.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => missedFollowUp.detect(analyseLines(lines)).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.message}`);

describe('missed-follow-up', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'a mate staying at the house, never asked about',
      lines: [
        'SW: How have you been keeping?',
        'MUM: Not bad. My mate Leanne has been stopping over on Fridays.',
        'SW: And how is Kai sleeping?',
        'MUM: Better, he goes down at seven now.',
      ],
      expected: ['2 error Leanne: the interviewee raised "My mate Leanne", placed in the home or with the child ("stopping over"), and the interviewer never asked about her'],
    },
    {
      name: 'an injury the interviewer moves past',
      lines: [
        'HV: How has Alfie been this week?',
        'MUM: Alright. He had a bruise on his cheek on Monday, but he is fine now.',
        'HV: Is he eating well?',
        'MUM: Yeah, loads.',
      ],
      expected: ['2 error : the interviewee raised an injury ("bruise") and the interviewer never asked about it'],
    },
    {
      name: 'a man placed in the home, known only as "this bloke"',
      lines: ['SW: Who is around at home?', 'MUM: Me and the kids. This bloke from the pub stays over sometimes.', 'SW: How are the kids sleeping?', 'MUM: Fine.'],
      expected: [
        '2 error this bloke: the interviewee raised "This bloke", placed in the home or with the child ("stays over"), and the interviewer never asked about him',
      ],
    },
    {
      name: 'a man who kicked off and the police called, raised in one breath: one clue',
      lines: [
        'SW: How was the weekend?',
        'MUM: Not great. Gary kicked off on Saturday night and the police were called.',
        'SW: Okay. How is Lily getting on at school?',
        "MUM: She's doing well.",
      ],
      expected: [
        '2 warning Gary: the interviewee raised "Gary" and a safety concern about him ("kicked off", "the police were called"), and the interviewer never asked about either',
      ],
    },
    {
      name: 'a safety concern with nobody named',
      lines: ['SW: How are things at home?', 'MUM: Better. There was a lot of shouting before Christmas.', 'SW: And is Mia at nursery now?', 'MUM: Three mornings a week.'],
      expected: ['2 warning : the interviewee raised a safety concern ("shouting") and the interviewer never asked about it'],
    },
    {
      name: 'a friend the interviewer asks about only with a pronoun that means the baby',
      lines: [
        'HV: How is Isla?',
        'DAD: Good. My girlfriend, Chantelle, comes round some evenings.',
        'HV: Did you take Isla to the clinic?',
        'DAD: Yeah, on Tuesday.',
        'HV: Can you pop her on the mat?',
      ],
      expected: [
        '2 error Chantelle: the interviewee raised "My girlfriend, Chantelle", placed in the home or with the child ("comes round"), and the interviewer never asked about her',
      ],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(detect(c.lines), c.expected));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'a mate mentioned in passing, never in the home',
      lines: [
        'SW: How have you been keeping?',
        'MUM: Not bad. I went to the bingo with my mate Leanne on Friday.',
        'SW: And how is Kai sleeping?',
        'MUM: Better, he goes down at seven now.',
      ],
    },
    {
      name: 'the seed: the interviewer asks "Tell me about Steven"',
      lines: [
        'SW: Who do you have around you for support?',
        "TRACEY: My mum helps out a bit. And there's Steven.",
        'SW: Tell me about Steven.',
        "TRACEY: He's just a friend. We're not in a relationship.",
      ],
    },
    {
      name: 'an injury the interviewer asks about',
      lines: ['HV: How has Alfie been this week?', 'MUM: Alright. He had a bruise on his cheek on Monday.', 'HV: How did he get the bruise?', 'MUM: He fell off the slide at the park.'],
    },
    {
      name: 'relatives and professionals never asked about',
      lines: [
        'SW: Who helps you out?',
        'MUM: My mum, my sister Kelly, and his dad has him on Saturdays.',
        'Dr Patel, the GP, saw him last week, and the health visitor comes on Tuesdays.',
        'SW: And how is nursery going?',
        'MUM: Fine, he loves it.',
      ],
    },
    {
      name: 'a transcript with no interviewer',
      lines: ['MUM: My mate Jordan stays over most weekends.', 'He had a bruise on his arm.', 'Gary kicked off on Saturday and the police were called.'],
    },
    {
      name: 'a mate the interviewer asks about by pronoun in the next turn',
      lines: ['SW: Who else is around?', 'MUM: My mate Jordan pops round most days.', 'SW: Does he ever look after the kids?', 'MUM: No, never.'],
    },
    {
      name: 'a concern the interviewer takes up with "What happened?"',
      lines: ['SW: How was the weekend?', 'MUM: Gary kicked off on Saturday.', 'SW: What happened?', 'MUM: He was shouting about money.'],
    },
    {
      name: 'an injury the interviewer raised first',
      lines: ["SW: Tyler's teacher said he had a bruise on his arm. Do you know how?", 'MUM: He fell off the climbing frame.', 'SW: Okay. How is he sleeping?', 'MUM: Fine.'],
    },
    {
      name: 'a danger denied',
      lines: ['SW: How are things with his dad?', 'MUM: Fine. He never hit me or anything.', 'SW: And school?', 'MUM: Good.'],
    },
    {
      name: "the child's own behaviour",
      lines: ["SW: How's Tayla been?", "MUM: Tayla's six now. She's been kicking off at school.", 'SW: Is she eating?', 'MUM: Yes.'],
    },
    {
      name: 'a safety concern the interviewer comes back to later',
      lines: [
        'SW: Why did you split up?',
        "MUM: He'd get loud when he'd had a drink.",
        'SW: And the children?',
        'MUM: They see him Saturdays.',
        'SW: Has he ever been aggressive towards them?',
        'MUM: No.',
      ],
    },
    {
      name: '"she calls him Grandad": a courtesy title, not another adult',
      lines: ['SW: Who does Freya stay with?', 'NAN: Me and my partner Roy.', "MUM: Roy's great with her. She calls him Grandad.", 'SW: Does Roy ever have her on his own?', 'NAN: Sometimes.'],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines), []));
  }

  it('makes a clue quoting the adult as first raised and the words that place them', () => {
    const clues = missedFollowUp.detect(
      analyseLines([
        'SW: Who helps you out with Kai?',
        'MUM: My mum, mostly. My mate Jordan stays over at weekends.',
        'SW: And how is nursery going?',
        'MUM: Fine, he loves it.',
      ]),
    );
    assert.deepEqual(clues, [
      {
        rule: 'missed-follow-up',
        kind: 'missed-follow-up',
        severity: 'error',
        file: 't.txt',
        line: 2,
        column: 22,
        lines: [2],
        who: 'Jordan',
        speaker: 'MUM',
        messageId: 'personPlaced',
        data: { said: 'My mate Jordan', pronoun: 'him', presence: '"stays over"' },
        message: 'the interviewee raised "My mate Jordan", placed in the home or with the child ("stays over"), and the interviewer never asked about him',
        evidence: [
          { line: 2, column: 22, endLine: 2, endColumn: 36, text: 'My mate Jordan' },
          { line: 2, column: 37, endLine: 2, endColumn: 47, text: 'stays over' },
        ],
      },
    ]);
  });

  it("reads its words from the run's lexicon: a safety pattern a team added is a concern to follow up", () => {
    const text = 'SW: How was the weekend?\nMUM: Alright. Dean got lairy on Saturday.\nSW: And how is school?\nMUM: Fine.\n';
    const withWords = (lexicon = buildLexicon()) => missedFollowUp.detect(analyse(parse({ file: 't.txt', text }), { lexicon })).map((c) => c.message);
    assert.deepEqual(withWords(), []);
    assert.deepEqual(withWords(buildLexicon({ patterns: { safety: ['{get} lairy'] } })), [
      'the interviewee raised a safety concern ("got lairy") and the interviewer never asked about it',
    ]);
  });
});
