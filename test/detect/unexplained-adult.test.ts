import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unexplainedAdult } from '../../src/detect/unexplained-adult.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => unexplainedAdult.detect(analyseLines(lines));

describe('unexplained-adult', () => {
  const fires: Array<{ name: string; lines: string[]; who: string; line: number; severity: string }> = [
    {
      name: 'a friend who comes round for dinner',
      lines: [
        'SW: Who helps you out?',
        "MUM: There's Steven. He's just a friend.",
        'SW: What did you do at the weekend?',
        'MUM: Steven came round and we had dinner here at mine.',
      ],
      who: 'Steven',
      line: 2,
      severity: 'warning',
    },
    {
      name: 'a mate who stays over and minds the baby',
      lines: [
        'SW: Who else is around?',
        'MUM: My mate Jordan. He stays over most weekends and he watches the baby when I go shopping.',
      ],
      who: 'Jordan',
      line: 2,
      severity: 'error',
    },
    {
      name: 'a named adult with no role at all',
      lines: ['SW: Who collected her from school?', 'MUM: Kayleigh did. Kayleigh said it was fine.', 'SW: Who is Kayleigh?', "MUM: She's just Kayleigh, everyone knows her."],
      who: 'Kayleigh',
      line: 2,
      severity: 'info',
    },
    {
      name: 'an unnamed lodger',
      lines: ['SW: Does anyone else live with you?', 'DAD: Well, there is the lodger. He pays rent for the back bedroom.'],
      who: 'the lodger',
      line: 2,
      severity: 'error',
    },
    {
      name: 'a bloke known only by a vague noun who looks after the child',
      lines: ['Q: Who was with him on Saturday?', 'A: This bloke from the pub, he looked after him for an hour while I went to the shop.'],
      who: 'this bloke',
      line: 2,
      severity: 'error',
    },
    {
      name: "another adult's brother who lodges",
      lines: [
        'SW: Who lives at the house?',
        "DAD: Me, the boys, and Gary, he's the lodger. His brother Jason stays in the box room too.",
      ],
      who: 'Jason',
      line: 2,
      severity: 'error',
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => {
      const clues = detect(c.lines).filter((clue) => clue.who === c.who);
      assert.equal(clues.length, 1, `expected one clue for ${c.who}, got ${JSON.stringify(detect(c.lines).map((x) => x.who))}`);
      assert.equal(clues[0]!.line, c.line);
      assert.equal(clues[0]!.severity, c.severity);
    });
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'relatives and professionals who visit',
      lines: [
        'HV: Who helps you with him?',
        'MUM: My mum comes round on Wednesdays and his dad has him on Saturdays.',
        'HV: And the social worker?',
        'MUM: Sarah, the social worker, came round last week. Dr Patel, the GP, saw him too.',
      ],
    },
    {
      name: 'a stated boyfriend who stays over',
      lines: ['SW: Who stays at the flat?', 'MUM: My boyfriend Ashley stays over most nights.'],
    },
    {
      name: 'a friend who is never in the home',
      lines: ['SW: Who do you talk to?', "MUM: My friend Hannah. She's never been to the flat, she lives out past Bramley."],
    },
    {
      name: 'the speaker stays at her mum\'s',
      lines: ['SW: Where were you on Friday?', "MUM: I stayed over at my mum's with the kids."],
    },
    {
      name: 'the children, by name',
      lines: [
        'SW: How are Tayla and Brodie?',
        "MUM: Tayla's six now and Brodie's teething. I pick Tayla up from school at three.",
      ],
    },
    {
      name: 'a person the interviewer alone mentions',
      lines: ['SW: Did Dean come round at the weekend?', "MUM: No."],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => {
      assert.deepEqual(detect(c.lines).map((clue) => `${clue.who}: ${clue.message}`), []);
    });
  }

  it('makes a complete clue with evidence at the exact words', () => {
    const [clue] = detect(['SW: Who helps?', "MUM: There's Steven. He's just a friend.", 'SW: And at the weekend?', 'MUM: Steven came round on Sunday.']);
    assert.deepEqual(clue, {
      rule: 'unexplained-adult',
      kind: 'unexplained-adult',
      severity: 'warning',
      file: 't.txt',
      line: 2,
      column: 14,
      lines: [2, 4],
      who: 'Steven',
      speaker: 'MUM',
      messageId: 'placedDescribed',
      data: { roles: '"a friend"', presence: '"came round"' },
      message: 'placed in the home or with the child ("came round") but only ever described as "a friend"',
      evidence: [
        { line: 2, column: 14, endLine: 2, endColumn: 20, text: 'Steven' },
        { line: 4, column: 13, endLine: 4, endColumn: 23, text: 'came round' },
      ],
    });
  });
});

describe('unexplained-adult: professionals and stated relationships', () => {
  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'her solicitor, who came round with the forms',
      lines: ['SW: Who is Marcus?', 'MUM: Marcus Reid is my solicitor. He came round to the flat on Tuesday with the forms.'],
    },
    { name: 'a lawyer named in a court answer', lines: ['Q: Who is Ruth Mason?', 'A: Ruth Mason is my attorney.'] },
    { name: 'someone asked about whose role is given', lines: ['SW: Who is Carla?', 'MUM: Carla? She is my manager at the care home.'] },
    { name: 'a role put and confirmed', lines: ['DC HARRIS: Who is Gina Rowe? Gina Rowe was your agent?', 'MS LANE: Yes.'] },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines), []));
  }

  it('still fires for a named adult who comes round with no role', () => {
    const clues = detect(['SW: Who is Carla?', 'MUM: Carla. She comes round sometimes.']);
    assert.deepEqual(clues.map((c) => `${c.line} ${c.severity} ${c.who}`), ['2 warning Carla']);
  });
});

describe('unexplained-adult: who someone is, asked and answered', () => {
  const fires: Array<{ name: string; lines: string[]; who: string }> = [
    {
      name: 'social worker: asked who she is, answered only "someone I know"',
      lines: ['SW: Who picked Ruby up on Friday?', 'MUM: Shannon did.', 'SW: Who is Shannon?', "MUM: She's just someone I know from the estate."],
      who: 'Shannon',
    },
    {
      name: 'police: asked who he is, the answer is no answer',
      lines: ['DC Price: Who was in the car?', 'Leanne Hart: Me and Connor Blake.', 'DC Price: Who is Connor Blake?', "Leanne Hart: I don't know, a guy."],
      who: 'Connor Blake',
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(detect(c.lines).map((clue) => clue.who), [c.who]));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'court: who she was, answered with what she does',
      lines: ['Q. Who did you speak to that night?', 'A. I spoke to Dana Whitcombe.', 'Q. Who was Dana Whitcombe?', 'A. She is a radio presenter in Leeds.'],
    },
    {
      name: 'court: who he was, answered by a title alone',
      lines: ['Q. Who was at the meeting?', 'A. Neil Ambrose was there.', 'Q. And who was Neil Ambrose at the time?', 'A. The head of security at the club.'],
    },
    {
      name: 'court: a name set beside what he is',
      lines: ['Q. Who were you talking about when you said Mr. Garvey?', 'A. Tom Garvey, the owner of the gym.'],
    },
    {
      name: 'court: a relative "who" and "you know who he is; right?" ask nothing',
      lines: [
        'Q. What were the first names of the two friends who came with you?',
        'A. Lucy and Marco.',
        'Q. Were Lucy and Marco among the friends who you told about it?',
        'A. Yes.',
        'Q. You know who Rory Delane is; right?',
        'A. I do. I have had clients with claims against Rory Delane.',
      ],
    },
    {
      name: 'social worker: a place is not a person ("in Port Isaac")',
      lines: ['SW: Where did you stay?', 'MUM: In Port Isaac, at a caravan. He would come round most days.'],
    },
    {
      name: 'court: a word of a book title is not a person',
      lines: [
        'Q. Did you read the book "Trust Me: How To Get Rich"?',
        'A. Yes, I read "How To Get Rich". In it he says a baker would be there too, watching them.',
      ],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines).map((clue) => `${clue.who}: ${clue.message}`), []));
  }
});

describe('unexplained-adult: unnamed people who act in her account', () => {
  const fires: Array<{ name: string; lines: string[]; who: string; line: number }> = [
    {
      name: 'somebody rang her',
      lines: ['DC: How did you find out he had been arrested?', 'MS REID: Somebody had rung me that night and told me he was at the station.'],
      who: 'somebody',
      line: 2,
    },
    {
      name: 'a man approached her, in the passive',
      lines: ['PC: What happened outside the nursery?', 'MUM: I was approached by a man at the gates. He told me to keep my mouth shut.'],
      who: 'a man',
      line: 2,
    },
    {
      name: "people she didn't recognise",
      lines: ['SW: Who was at the flat when you got back?', "MUM: Kerry was there with some people I didn't recognise."],
      who: 'some people',
      line: 2,
    },
    {
      name: "a man she says she cannot name: 'I don't know who he is'",
      lines: ['SW: Who picks Mia up on Fridays?', "MUM: Sometimes a man from the estate does, I don't know who he is really."],
      who: 'a man',
      line: 2,
    },
    {
      name: 'she went off with a man she met, and left the children',
      lines: ['SW: Where were you on Saturday night?', 'MUM: I met a guy at the pub and went back to his. The kids were with my sister.'],
      who: 'a guy',
      line: 2,
    },
    {
      name: 'he introduced her to some people, and a later "some people" in another answer is someone else',
      lines: [
        'Q. What happened at the office?',
        'A. He introduced me to a couple of other people and then we left.',
        'Q. And at the hotel?',
        "A. Some people I didn't recognise came to my room.",
      ],
      who: 'a couple of other people',
      line: 2,
    },
    {
      name: 'a friend of hers advised her',
      lines: ['Q: Why did you withdraw the statement?', 'A: A friend of mine who works at the council advised me to.'],
      who: 'a friend of mine',
      line: 2,
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => {
      const clues = detect(c.lines).filter((clue) => clue.who === c.who);
      assert.equal(clues.length, 1, `expected one clue for ${c.who}, got ${JSON.stringify(detect(c.lines).map((x) => x.who))}`);
      assert.equal(clues[0]!.line, c.line);
      assert.equal(clues[0]!.severity, 'info');
    });
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: "she would not meet a stranger: 'I would never meet a man from the internet'",
      lines: ['SW: Do you use dating apps?', 'MUM: No. I would never meet a man from the internet.'],
    },
    {
      name: "'I don't know who did it' is about a deed, not a person she brought up",
      lines: ['PC: What happened to the car?', "MUM: Somebody's kids were playing out. I don't know who did it."],
    },
    { name: 'a hypothetical somebody', lines: ['SW: What would you do?', 'MUM: If somebody called me about him, I would ring you straight away.'] },
    { name: 'the interviewer\'s someone', lines: ['PC: Did somebody call you that night?', 'MUM: No.'] },
    { name: 'a someone in quoted words', lines: ['Q: What did the text say?', 'A: It said: "Somebody told me you were at the house."'] },
    { name: 'someone named straight after', lines: ['SW: Who told you?', 'MUM: A friend, Paula Grant, rang me and told me.'] },
    {
      name: 'a friend she says what she is',
      lines: ['Q: How did you start?', 'A: I met a friend who told me about the job. She was a dancer at the club.'],
    },
    {
      name: 'someone she would not tell',
      lines: ['Q: Why not?', "A: I certainly wasn't going to tell anything to, well, someone I didn't know."],
    },
    { name: 'a professional in her role', lines: ['SW: Who came?', 'MUM: A social worker came round to my flat on Monday.'] },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => {
      assert.deepEqual(detect(c.lines).map((clue) => `${clue.who}: ${clue.message}`), []);
    });
  }
});
