import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines, peopleOf } from '../transcript.js';

/** Each person of the roster as `name = alias, alias`. */
const roster = (lines: string[]) => analyseLines(lines).roster.people.map((p) => [p.name, ...p.aliases].join(' = '));

describe('people roster: names', () => {
  it('merges titled, initialled and bare forms of one name into one person named by the full name', () => {
    const people = roster([
      'Q: Did you speak to Mr. Whitlock that day?',
      'A: I spoke to Governor Whitlock, yes. Governor Henry P. Whitlock.',
      'Q: And Whitlock said what?',
      'A: Henry Whitlock said nothing.',
    ]);
    assert.deepEqual(people, ['Henry Whitlock = Governor Whitlock = Whitlock = Mr. Whitlock = Governor Henry P. Whitlock']);
  });

  it('joins a surname met first to the full name met later', () => {
    const people = roster(['Q: Who paid Lusk?', 'A: Nobody paid Lusk.', 'Q: You know Martin Lusk?', 'A: Yes.']);
    assert.deepEqual(people, ['Martin Lusk = Lusk']);
  });

  it('keeps a junior and a relative with another first name apart, and gives a bare surname to the one talked of most', () => {
    const lines = [
      'Q: Did Paul Renner call you?',
      'A: Paul Renner did. Then Renner called again.',
      'Q: And Paul Renner, Jr.?',
      'A: Paul Renner Jr. never called. Nor did Alice Renner.',
      'Q: So Renner called twice?',
    ];
    const people = analyseLines(lines).roster.people;
    assert.deepEqual(people.map((p) => p.name), ['Paul Renner', 'Paul Renner, Jr', 'Alice Renner']);
    assert.deepEqual(people[0]!.mentions.map((m) => m.line), [1, 2, 2, 5]);
  });

  it('joins a first name alone to the one person who has it', () => {
    assert.deepEqual(roster(['Q: Is Nadia Brook your neighbour?', 'A: Nadia is, yes.']), ['Nadia Brook = Nadia']);
  });

  it('joins a second name given with a/k/a, and a surname misspelt by a letter', () => {
    const people = roster([
      'Q: Who signed for Jane Roe a/k/a Marion Keller?',
      'A: Marion Keller signed. Ms. Keller always signs.',
      'Q: Did Mr. Abernathy see it?',
      'A: Mr. Abernethy saw it.',
    ]);
    assert.deepEqual(people, ['Marion Keller = Jane Roe = Ms. Keller', 'Mr. Abernathy = Mr. Abernethy']);
  });

  it('takes no names from document capitals, and a person who speaks under a label is a speaker, not someone talked about', () => {
    const lines = ['THE COURT: Mr. Vance?', 'MR. VANCE: Thank you, Judge. THE PARTIES AGREE THAT THIS AGREEMENT IS FINAL.'];
    assert.deepEqual(roster(lines), []);
    assert.deepEqual(roster(['THE COURT: Mr. Vance?', 'MR. PRICE: Thank you, Judge. THE PARTIES AGREE THAT THIS AGREEMENT IS FINAL.']), ['Mr. Vance']);
  });

  it('takes a person named with a glued word as the person alone', () => {
    const lines = ['Q: Did Rosa Lind tell you?', 'A: Because Rosa Lind was there.', 'Q: Meaning Rosa knew?'];
    assert.deepEqual(roster(lines), ['Rosa Lind = Rosa']);
  });
});

describe('people roster: children named by the interviewer', () => {
  it('makes a child of a named person whose sleep the interviewer asks about', () => {
    const lines = ['SW: Who lives at home with you and Kayla?', 'MUM: Just me and Kayla.', 'SW: How is Kayla sleeping?', 'MUM: Better. Kayla goes down at seven now.'];
    assert.deepEqual(peopleOf(analyseLines(lines)), ['Kayla:child']);
  });

  it('makes a child of a named person who settles at school, is looked after or sleeps in their own bed', () => {
    const lines = [
      'SW: Is Ellis getting on at school?',
      'MUM: Yes. Maisie is looked after by my mum on Fridays, and Rhys is sleeping in his own bed now.',
    ];
    assert.deepEqual(peopleOf(analyseLines(lines)), ['Ellis:child', 'Maisie:child', 'Rhys:child', 'my mum:relative']);
  });

  it('does not make a child of an adult who sleeps over', () => {
    const lines = ['SW: Is Dean sleeping here?', 'MUM: Dean is sleeping over some nights.'];
    assert.deepEqual(peopleOf(analyseLines(lines)), ['Dean:unknown']);
  });
});

describe('people roster: lower-case speech-to-text', () => {
  const stt = [
    'interviewer: so who lives at home with you and the kids at the moment',
    'mum: me and the kids and my boyfriend tony he moved in last month',
    'interviewer: and how do the kids get on with tony when you are at work',
    "mum: fine he is really good with them he looks after them when i'm at work",
    'interviewer: does anyone else stay over at the house',
    'mum: no just us and sometimes my sister comes round for tea',
  ];
  it('finds the names compromise knows when nothing is capitalised', () => {
    assert.deepEqual(roster(stt).filter((p) => p.startsWith('tony')), ['tony']);
  });
  it('keeps ordinary words that can be names as words', () => {
    const words = [
      'interviewer: so what did you do with the letter when it came',
      'mum: i will mark it and then i will file it and rob said to sue him but i will not',
      'interviewer: and did the bill get paid by anyone in the end or is it still open',
      'mum: the bill is still open i think we have hope it gets sorted soon enough',
    ];
    assert.deepEqual(roster(words).filter((p) => /mark|bill|hope|sue/.test(p)), []);
  });
  it('reads capitals as before when the transcript has them', () => {
    assert.deepEqual(roster(['Q: Who is tony?', 'A: I do not know. Maybe a friend of Dean Price.']).filter((p) => p.startsWith('tony')), []);
  });
});
