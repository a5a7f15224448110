import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hasProperName,
  nameMatch,
  normaliseName,
  rosterEntries,
  scoreRoster,
  speakerName,
  type RosterEntry,
} from '../../src/eval/roster.js';
import type { Person, Speaker } from '../../src/types.js';

const FILE = 'court/day.txt';

function person(name: string, lines: number[], extra: Partial<Person> = {}): Person {
  return {
    id: lines[0] ?? 0,
    name,
    aliases: [],
    personClass: 'unknown',
    roles: [],
    mentions: lines.map((line) => ({ utterance: 0, line, column: 1, text: name, speaker: 'A', pronoun: false })),
    ...extra,
  };
}

function speaker(label: string): Speaker {
  return { label, role: 'other', source: 'inferred', utterances: 1, questions: 0 };
}

function entry(name: string, aliases: string[] = [], line = 10): RosterEntry {
  return { name, aliases, line, from: 'person' };
}

function counts(expected: string[], reported: RosterEntry[]): [number, number, number] {
  const { tally } = scoreRoster([{ file: FILE, expected, reported }]);
  return [tally.tp, tally.fp, tally.fn];
}

describe('normaliseName', () => {
  const cases: Array<[string, string]> = [
    ['Mr. Trump', 'trump'],
    ['President Donald J. Trump', 'donald j trump'],
    ["Trump's", 'trump'],
    ['Don Junior’s', 'don jr'],
    ['Donald Trump, Jr.', 'donald trump jr'],
    ['JUDGE PAULEY', 'pauley'],
    ['ADA Joshua Steinglass', 'joshua steinglass'],
    ['Senior Court Reporter Lisa Kramsky', 'lisa kramsky'],
    ['Susan Pearce—Bates', 'susan pearce bates'],
    ['Judge', 'judge'],
  ];
  for (const [name, normal] of cases) it(`${name} → ${normal}`, () => assert.equal(normaliseName(name), normal));
});

describe('nameMatch', () => {
  const fires: Array<[string, string, number]> = [
    ['Donald Trump', 'Donald Trump', 3],
    ['MR. BOVE', 'Bove', 3],
    ['President Trump', 'Trump', 3],
    ['Emily Fox', 'Emily Jane Fox', 2],
    ['Donald J. Trump', 'Donald Trump', 2],
    ['Mr. Bove', 'Emil Bove', 1],
    ["Pauley's", 'William Pauley', 1],
    ['Trump Jr.', 'Donald Trump Jr.', 1],
  ];
  for (const [reported, expected, strength] of fires) {
    it(`matches ${reported} to ${expected} (${strength})`, () => assert.equal(nameMatch(reported, expected), strength));
  }
  const quiet: Array<[string, string]> = [
    ['Emil', 'Emil Bove'],
    ['Donald Trump', 'Donald Trump Jr.'],
    ['Trump', 'Donald Trump Jr.'],
    ['Bernick', 'Bernik'],
    ['Emil Bove', 'Bove'],
    ['Jay Grdina', 'James Grdina'],
  ];
  for (const [reported, expected] of quiet) {
    it(`does not match ${reported} to ${expected}`, () => assert.equal(nameMatch(reported, expected), 0));
  }
});

describe('speakerName', () => {
  const named: Array<[string, string]> = [
    ['MR. BOVE', 'BOVE'],
    ['MS. NECHELES', 'NECHELES'],
    ['DET. JOHN ALLEN', 'JOHN ALLEN'],
    ['Dr Patel', 'Patel'],
    ['JOHN ALLEN', 'JOHN ALLEN'],
  ];
  for (const [label, name] of named) it(`${label} names ${name}`, () => assert.equal(speakerName(label), name));
  for (const label of ['THE COURT', 'THE WITNESS', 'Q', 'A', 'SW', 'AUDIO DESCRIPTION', 'COURT OFFICER', 'INTERVIEWER', 'A Paragraph D']) {
    it(`${label} names no one`, () => assert.equal(speakerName(label), undefined));
  }
});

describe('hasProperName', () => {
  it('keeps a person with a proper name', () => {
    assert.ok(hasProperName(person('Gina Rodriguez', [5], { roles: ["stormy daniels' manager"] })));
  });
  for (const name of ['my mum', 'a friend', 'the lodger', 'her boyfriend', 'judge']) {
    it(`leaves out "${name}" (role words only)`, () => assert.equal(hasProperName(person(name, [5], { roles: [name] })), false));
  }
  it('leaves out a capitalised role word that is the person\'s role', () => {
    assert.equal(hasProperName(person('Mum', [5], { roles: ['mum'] })), false);
  });
});

describe('rosterEntries', () => {
  const speakers = [speaker('THE COURT'), speaker('MR. BOVE'), speaker('MR. BLANCHE'), speaker('Q'), speaker('A')];
  const turns = [
    { speaker: 'MR. BLANCHE', line: 3 },
    { speaker: 'THE COURT', line: 12 },
    { speaker: 'MR. BOVE', line: 14 },
    { speaker: 'Q', line: 16 },
  ];
  const people = [
    person('Stephen Weiss', [2]),
    person('Keith Davidson', [2, 18]),
    person('a friend', [20], { roles: ['a friend'] }),
    {
      ...person('Dylan Howard', [22]),
      mentions: [
        { utterance: 0, line: 4, column: 1, text: 'Dylan Howard', speaker: 'A', pronoun: false },
        { utterance: 1, line: 22, column: 1, text: 'he', speaker: 'A', pronoun: true },
      ],
    },
  ];

  it('lists named speakers who speak inside the range, then named people named inside it', () => {
    assert.deepEqual(rosterEntries(speakers, people, turns, [10, 30]), [
      { name: 'BOVE', aliases: ['MR. BOVE'], line: 14, from: 'speaker' },
      { name: 'Keith Davidson', aliases: [], line: 18, from: 'person' },
    ]);
  });

  it('lists everyone named without a range', () => {
    const names = rosterEntries(speakers, people, turns).map((e) => e.name);
    assert.deepEqual(names, ['BOVE', 'BLANCHE', 'Stephen Weiss', 'Keith Davidson', 'Dylan Howard']);
  });
});

describe('scoreRoster', () => {
  it('matches equal names, surnames and first + last names, one-to-one', () => {
    assert.deepEqual(counts(['Emil Bove', 'Emily Jane Fox', 'Keith Davidson'], [entry('BOVE'), entry('Emily Fox'), entry('Keith Davidson')]), [3, 0, 0]);
  });

  it('matches through an alias when the name does not', () => {
    assert.deepEqual(counts(['Donald Trump'], [entry('President Donald J', ['President Trump', 'Donald'])]), [1, 0, 0]);
  });

  it('prefers the entry\'s own name to an alias that names someone else', () => {
    const s = scoreRoster([{ file: FILE, expected: ['Michael Cohen', 'Michael Avenatti'], reported: [entry('Michael Avenatti', ['Michael Cohen'])] }]);
    assert.deepEqual(s.misses, [{ file: FILE, name: 'Michael Cohen' }]);
  });

  it('counts a second entry for someone already matched as a false positive (not merged), the weaker match second', () => {
    const s = scoreRoster([{ file: FILE, expected: ['Donald Trump'], reported: [entry('Trump', [], 12), entry('Donald Trump', [], 20)] }]);
    assert.deepEqual([s.tally.tp, s.tally.fp, s.tally.fn], [1, 1, 0]);
    assert.deepEqual(s.falsePositives, [{ file: FILE, name: 'Trump', line: 12, sameAs: 'Donald Trump' }]);
  });

  it('counts a name that matches no one as a false positive, and an unmatched expected person as a miss', () => {
    const s = scoreRoster([{ file: FILE, expected: ['Gina Rodriguez'], reported: [entry('This Settlement Agreement', [], 7)] }]);
    assert.deepEqual(s.falsePositives, [{ file: FILE, name: 'This Settlement Agreement', line: 7 }]);
    assert.deepEqual(s.misses, [{ file: FILE, name: 'Gina Rodriguez' }]);
    assert.deepEqual([s.tally.precision, s.tally.recall], [0, 0]);
  });

  it('does not match a first name alone, nor a bare surname to someone\'s Jr.', () => {
    assert.deepEqual(counts(['Emil Bove', 'Donald Trump Jr.'], [entry('Emil'), entry('Trump')]), [0, 2, 2]);
  });

  it('gives a shared surname to the first such person listed, not to whoever is left', () => {
    const s = scoreRoster([{ file: FILE, expected: ['Donald Trump', 'Melania Trump'], reported: [entry('Donald Trump'), entry('Trump')] }]);
    assert.deepEqual(s.misses, [{ file: FILE, name: 'Melania Trump' }]);
    assert.equal(s.falsePositives[0]?.sameAs, 'Donald Trump');
  });

  it('scores each transcript against its own list', () => {
    const s = scoreRoster([
      { file: 'a.txt', expected: ['Emil Bove'], reported: [] },
      { file: 'b.txt', expected: [], reported: [entry('Emil Bove')] },
    ]);
    assert.deepEqual([s.cases, s.tally.tp, s.tally.fp, s.tally.fn], [2, 0, 1, 1]);
  });
});
