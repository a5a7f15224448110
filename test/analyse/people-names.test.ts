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
