import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contradiction } from '../../src/detect/contradiction.js';
import { analyseLines } from '../transcript.js';

const detect = (lines: string[]) => contradiction.detect(analyseLines(lines));

describe('contradiction', () => {
  const fires: Array<{ name: string; lines: string[]; line: number; other: number; who: string }> = [
    {
      name: 'a denied relationship against romantic detail',
      lines: [
        'SW: Tell me about Steven.',
        "TRACEY: He's just a friend. We're not in a relationship.",
        'SW: What did you do on Valentine\'s Day?',
        "TRACEY: Steven came round and we had a Valentine's dinner here at mine.",
      ],
      line: 4,
      other: 2,
      who: 'Steven',
    },
    {
      name: 'a denied relationship against a night together',
      lines: [
        'SW: Who is Kieran to you?',
        "KIRSTY: He's not my fella. There's nothing going on between us.",
        'SW: Has he ever stayed over?',
        'KIRSTY: Once. After my cousin\'s party we spent the night together.',
      ],
      line: 4,
      other: 2,
      who: 'Kieran',
    },
    {
      name: '"just me and the kids" against a mate who stays with a key',
      lines: [
        'SW: Who lives at the house?',
        "SHELLEY: It's just me and the kids.",
        'SW: And your mate Jordan?',
        "SHELLEY: He stays over three or four nights a week. He's got his own key.",
      ],
      line: 4,
      other: 2,
      who: 'Jordan',
    },
    {
      name: '"haven\'t seen him since Christmas" against a later visit',
      lines: [
        'SW: When did you last see Lee?',
        "MUM: I haven't seen him since Christmas.",
        'SW: Has he been to the house at all?',
        'MUM: Well, Lee popped round last week, just for ten minutes.',
      ],
      line: 4,
      other: 2,
      who: 'Lee',
    },
    {
      name: 'a plain negation flip about leaving the child',
      lines: [
        'JB: Has Amelia ever been left with Dave?',
        "KD: No. I've never left her with Dave.",
        'JB: What about Saturday?',
        'KD: I left her with Dave on Saturday, but only for an hour.',
      ],
      line: 4,
      other: 2,
      who: 'Dave',
    },
    {
      name: 'presence denied and later described',
      lines: [
        'JB: Does Liam still stay?',
        "MS ROWE: His mate Liam used to kip on the sofa, but he doesn't stay over any more.",
        'JB: Ruby said Liam was there on Sunday morning.',
        'MS ROWE: Yeah. He stayed over Saturday night.',
      ],
      line: 4,
      other: 2,
      who: 'Liam',
    },
    {
      name: 'a yes/no answer that flips when the question comes round again',
      lines: [
        'SW: Has anyone else looked after him?',
        'MUM: No.',
        'SW: Has Craig ever looked after him?',
        'MUM: Yeah, a couple of times, when I was at work.',
      ],
      line: 4,
      other: 2,
      who: 'Craig',
    },
    {
      name: '"I never said that" against the earlier admission',
      lines: [
        'SW: Who stays at the flat?',
        'MUM: Dean stays over at weekends, he sleeps on the sofa.',
        'SW: So Dean stays over at weekends?',
        'MUM: I never said that.',
      ],
      line: 4,
      other: 2,
      who: 'MUM',
    },
    {
      name: 'a changed account of where the child was',
      lines: [
        'Q. Where was your daughter Amber last weekend?',
        "A. She was at her nan's. The whole weekend, Friday to Sunday.",
        'Q. Amber says she went to a flat.',
        "A. Okay. Saturday night she stopped at my friend Kerry's flat.",
      ],
      line: 4,
      other: 2,
      who: 'Amber',
    },
    {
      name: 'a changed account of how an injury happened',
      lines: [
        'SW: How did Riley get the bruise on his cheek?',
        'MUM: He fell off the sofa, he bruises easily.',
        'SW: The nursery said he told them something different.',
        'MUM: Oh, no, that was the other one. He banged it on the cot.',
      ],
      line: 4,
      other: 2,
      who: 'Riley',
    },
    {
      name: 'a changed account of an injury, whatever the things named ("his scooter", then "the kerb")',
      lines: [
        'SW: How did he get the bruise on his leg?',
        'MUM: He fell off his scooter.',
        'SW: Nursery said something else.',
        'MUM: He tripped on the kerb outside.',
      ],
      line: 4,
      other: 2,
      who: 'the child',
    },
  ];
  for (const c of fires) {
    it(`fires: ${c.name}`, () => {
      const clues = detect(c.lines);
      assert.equal(clues.length, 1, JSON.stringify(clues.map((x) => x.message)));
      const [clue] = clues;
      assert.equal(clue!.line, c.line);
      assert.ok(clue!.lines.includes(c.other), `cites line ${c.other}: ${clue!.lines.join(',')}`);
      assert.equal(clue!.who, c.who);
    });
  }

  const quiet: Array<{ name: string; lines: string[] }> = [
    {
      name: 'a friend who visits, with no denial',
      lines: ['SW: Who comes round?', 'MUM: My friend Kelly comes round on Fridays. She stayed over once.'],
    },
    {
      name: 'a consistent account',
      lines: ['SW: Who lives there?', "MUM: Just me and the baby.", 'SW: Anyone stay over?', 'MUM: No, nobody stays. My mum comes round in the day.'],
    },
    {
      name: 'denials by one speaker, detail from another',
      lines: [
        'SW: Who is Tommo?',
        "MUM: He's just a mate.",
        'SW: And what do you think, Nan?',
        "NAN: She's sweet on him. They spent the night together at Christmas.",
      ],
    },
    {
      name: 'the interviewer\'s own words',
      lines: ["SW: You said he's just a friend, but he stays over?", 'MUM: He stays over on the sofa sometimes, yes.'],
    },
    {
      name: 'the same answer to the same question twice',
      lines: ['SW: Has Dean stayed over?', 'MUM: No.', 'SW: Has Dean ever stayed the night?', 'MUM: No, never.'],
    },
    {
      name: 'the same place told twice',
      lines: ["Q. Where was Amber on Saturday?", "A. She was at her nan's on Saturday.", 'Q. All day?', "A. Yeah, she stayed at her nan's Saturday night too."],
    },
    {
      name: 'one account of an injury, told twice',
      lines: ['SW: How did he get the bruise?', 'MUM: He fell off the sofa.', 'SW: When was that?', 'MUM: Tuesday. He fell off the sofa reaching for the remote.'],
    },
    {
      name: 'two injuries, each with its own account',
      lines: ['SW: How did he get the bruise on his arm?', 'MUM: He fell off the sofa.', 'SW: And the cut on his head?', 'MUM: He banged it on the radiator.'],
    },
    {
      name: 'a hypothetical',
      lines: ['SW: Does Dave come round?', "MUM: He doesn't come round. If he came round I'd tell you."],
    },
  ];
  for (const c of quiet) {
    it(`stays quiet: ${c.name}`, () => assert.deepEqual(detect(c.lines).map((x) => x.message), []));
  }
});
