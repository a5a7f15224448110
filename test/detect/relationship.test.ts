import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relationship } from '../../src/detect/relationship.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => relationship.detect(analyseLines(lines)).map((c) => `${c.line} ${c.severity} ${c.who}: ${c.message}`);

describe('relationship', () => {
  const fires: Array<{ name: string; lines: string[]; expected: string[] }> = [
    {
      name: 'a denial and romantic detail about the same man',
      lines: [
        'SW: Who is Steven?',
        "TRACEY: He's just a friend. We're not in a relationship.",
        'SW: What is he like?',
        "TRACEY: He's every girl's dream, to be honest.",
      ],
      expected: [
        '2 warning Steven: relationship denied: "just a friend", "not in a relationship"',
        '4 info Steven: romantic relationship implied: "every girl\'s dream"',
      ],
    },
    {
      name: 'a stated boyfriend',
      lines: ['SW: Who lives with you?', "GEMMA: Me and Lily, and my boyfriend Ashley's round most nights."],
      expected: ['2 info Ashley: stated: "my boyfriend"'],
    },
    {
      name: 'a lodger and his brother',
      lines: ['SW: Who lives there?', "DAD: Gary, he's the lodger. His brother Jason stays in the box room."],
      expected: ['2 info Gary: stated: "the lodger"', '2 info Jason: stated: "Gary\'s brother"'],
    },
    {
      name: 'a denial phrased as "not my fella"',
      lines: ['SW: Who is Kieran to you?', "KIRSTY: He's not my fella, if that's what you're asking. There's nothing going on between us."],
      expected: ['2 warning Kieran: relationship denied: "not my fella", "nothing going on"'],
    },
    {
      name: 'a particular mate',
      lines: ['Q: Who is he?', "A: Dave? He's a mate of mine from work."],
      expected: ['2 info Dave: stated: "a mate of mine"'],
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => assert.deepEqual(detect(c.lines), c.expected));
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: "the speaker's and the child's own relatives",
      lines: ['HV: Who helps?', 'MUM: My mum, my sister Kelly, and his dad has him on Saturdays. His nan takes him to the park.'],
    },
    {
      name: 'professionals',
      lines: ['SW: Who have you seen?', 'MUM: Dr Patel, the GP, and Sarah, the social worker. The health visitor came round.'],
    },
    {
      name: 'not together with the child\'s dad',
      lines: ["SW: How are things with the girls' dad?", "MUM: Fine. We're not together, obviously, but we get on for their sake."],
    },
    {
      name: "Valentine's cards from the kids",
      lines: ['SW: Did you do anything nice this month?', "MUM: The kids made me a Valentine's card at nursery. They kissed me goodnight."],
    },
    {
      name: 'a friend mentioned in passing',
      lines: ['SW: How did you hear about the group?', 'MUM: A friend told me about it.'],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines), []));
  }
});
