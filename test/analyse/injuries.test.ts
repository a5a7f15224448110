import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Injury } from '../../src/analyse/index.js';
import { analyseLines } from '../transcript.js';

const injuriesOf = (lines: string[]): Injury[] => analyseLines(lines).injuries;
// An injury as one line: its label, who raised it, and her first words about it.
const brief = (i: Injury) => `${i.label}${i.raisedBy ? ' (interviewer)' : ''}: first "${i.first.text}"`;
const accountsOf = (i: Injury) => i.accounts.map((a) => `${a.text}${a.hedged ? ' (hedged)' : ''} → ${[...a.primary].join(' ') || '-'}`);

describe('injuries', () => {
  it('tracks one injury through the turns, with each account she gives of it', () => {
    const [injury, ...more] = injuriesOf([
      'SW: How did Riley get the bruise on his cheek?',
      'MUM: He fell off the sofa, he bruises easily.',
      'SW: The nursery said he told them something different.',
      'MUM: Oh, no, that was the other one. He banged it on the cot.',
    ]);
    assert.equal(more.length, 0);
    assert.equal(brief(injury!), 'bruise on his cheek (interviewer): first "fell off the sofa"');
    assert.deepEqual([injury!.family, injury!.part], ['bruise', 'cheek']);
    assert.deepEqual(accountsOf(injury!), ['fell off the sofa → sofa', 'banged it on the cot → cot']);
    assert.deepEqual(injury!.vague.map((v) => v.text), ['bruises easily']);
    assert.equal(injury!.explained, true);
  });

  it('keeps two injuries apart, each with its own account', () => {
    const injuries = injuriesOf([
      'SW: How did he get the bruise on his arm?',
      'MUM: He fell off the sofa.',
      'SW: And the cut on his head?',
      'MUM: He banged it on the radiator.',
    ]);
    assert.deepEqual(injuries.map(brief), [
      'bruise on his arm (interviewer): first "fell off the sofa"',
      'cut on his head (interviewer): first "banged it on the radiator"',
    ]);
    assert.deepEqual(injuries.map(accountsOf), [['fell off the sofa → sofa'], ['banged it on the radiator → radiator']]);
  });

  it('joins a later "the bruise" to the bruise already talked about, and keeps each mention\'s words', () => {
    const injuries = injuriesOf([
      "SW: Nursery noticed a bruise on Kai's back.",
      "MUM: I don't know how he got it. He's always falling over.",
      'SW: And the burn on his hand?',
      "MUM: No idea. Kids get bumps, don't they.",
      'SW: And the bruise, when did you see that?',
      "MUM: I don't know. Kids get bumps.",
    ]);
    assert.deepEqual(injuries.map((i) => i.mentions.map((m) => m.words.text)), [["bruise on Kai's back", 'bruise'], ['burn on his hand']]);
    assert.deepEqual(injuries[0]!.vague.map((v) => v.text), ["I don't know how", 'always falling', "I don't know", 'Kids get bumps']);
    // "He's always falling over" is an account with nothing named: not an explanation.
    assert.deepEqual(accountsOf(injuries[0]!), ['falling over → -']);
    assert.equal(injuries[0]!.explained, false);
  });

  it('quotes the injury words with the body part, and an account named right after them ("from football")', () => {
    const [injury] = injuriesOf(['SW: What happened to his leg?', "MUM: He's got a bruise on his leg from football on Saturday."]);
    assert.equal(brief(injury!), 'bruise on his leg: first "bruise on his leg"');
    assert.deepEqual(accountsOf(injury!), ['from football → football']);
  });

  it('reads a doer as the account ("the cat scratched her") and a guess as hedged ("must have fallen")', () => {
    const [scratch] = injuriesOf(['SW: How did she get the scratch on her face?', 'MUM: The cat scratched her when she pulled its tail.']);
    assert.equal(accountsOf(scratch!)[0], 'The cat scratched → cat');
    const [fracture] = injuriesOf([
      'Q. The hospital found a fracture in his wrist. How did it happen?',
      "A. He must have fallen out of bed in the night. I didn't hear anything.",
    ]);
    assert.deepEqual(accountsOf(fracture!), ['must have fallen out of bed (hedged) → bed']);
  });

  it('starts her part at her first answer, even a bare "Yeah"', () => {
    const [injury] = injuriesOf([
      'SW: Nursery noticed a bruise on his arm.',
      'MUM: Yeah.',
      'SW: How did that happen?',
      "MUM: Must have been at his dad's.",
    ]);
    assert.equal(brief(injury!), 'bruise on his arm (interviewer): first "Yeah"');
    assert.deepEqual(injury!.vague.map((v) => v.text), ['Must have been']);
  });

  it('does not take a professional\'s reported words as her vague ones', () => {
    const [injury] = injuriesOf(['HV: What did the GP say about the bruise?', 'MUM: The GP said it was nothing to worry about.']);
    assert.deepEqual(injury!.vague, []);
  });

  const none: Array<{ name: string; lines: string[] }> = [
    { name: 'a general question about injuries, answered no', lines: ['HV: Any bruises or marks?', 'MUM: No, nothing like that.'] },
    {
      name: 'a yes/no question about a mark, denied',
      lines: ['SW: Did it leave a mark?', "DAD: No. His mum checked him at bath time and there wasn't a mark on him."],
    },
    {
      name: "the speaker's own bruise, blood tests and cut hours",
      lines: [
        'SW: How are you doing?',
        "MUM: I've got a bruise on my arm from the door, it's fine.",
        'SW: And work?',
        "MUM: I had a blood test on Monday and they've cut my hours.",
      ],
    },
    {
      name: 'the interviewer alone talks about an injury',
      lines: ['SW: The nursery said his bruise has gone now.', 'SW: How is he sleeping?', 'MUM: Fine, through the night.'],
    },
  ];
  for (const c of none) {
    it(`finds no injury: ${c.name}`, () => assert.deepEqual(injuriesOf(c.lines).map(brief), []));
  }
});
