import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/parse/plain.js';
import { assignRoles, countQuestions } from '../../src/parse/roles.js';
import type { Speaker } from '../../src/types.js';

function rolesOf(text: string, interviewer?: string): Speaker[] {
  return assignRoles(parsePlain({ file: 'interview.txt', text }), interviewer);
}

function summary(speakers: Speaker[]): string[] {
  return speakers.map((s) => `${s.label} ${s.role} ${s.source} ${s.utterances}/${s.questions}`);
}

const homeVisit = [
  'TRACEY: Come in, sit down. Do you want a tea?',
  'SW: No thanks. How are things at home? Who lives here with you?',
  "TRACEY: Just me and Kayden. My mum pops round. Why?",
  'SW: Does anyone else stay over? Has Steven been round?',
  "TRACEY: He's just a friend.",
].join('\n');

describe('assignRoles: --interviewer', () => {
  it('makes the named speaker the interviewer, matching case-insensitively', () => {
    assert.deepEqual(summary(rolesOf(homeVisit, 'tracey')), [
      'TRACEY interviewer option 3/2',
      'SW interviewee inferred 2/4',
    ]);
  });

  it('accepts a comma-separated list and a trailing colon', () => {
    const text = 'SW: Who was there?\nPC Jones: Was he drunk?\nTRACEY: Steven was.\n';
    assert.deepEqual(summary(rolesOf(text, ' sw: , pc jones ')), [
      'SW interviewer option 1/1',
      'PC Jones interviewer option 1/1',
      'TRACEY interviewee inferred 1/0',
    ]);
  });

  it('throws InputError naming an unknown label and listing the speakers found', () => {
    assert.throws(() => rolesOf(homeVisit, 'Nurse'), {
      name: 'InputError',
      message: '--interviewer "Nurse" matches no speaker; speakers found: TRACEY, SW',
    });
    assert.throws(() => rolesOf(homeVisit, 'SW,Nurse,HV'), {
      message: '--interviewer "Nurse", "HV" match no speaker; speakers found: TRACEY, SW',
    });
    assert.throws(() => rolesOf(homeVisit, 'Nurse'), InputError);
  });

  it('infers as usual when the option is empty', () => {
    assert.deepEqual(summary(rolesOf(homeVisit, ' , ')), summary(rolesOf(homeVisit)));
  });
});

describe('assignRoles: inferred', () => {
  it('picks the speaker who asks the most questions, even when they did not speak first', () => {
    assert.deepEqual(summary(rolesOf(homeVisit)), [
      'TRACEY interviewee inferred 3/2',
      'SW interviewer inferred 2/4',
    ]);
  });

  it('makes Q the interviewer in a Q/A transcript whoever asks more', () => {
    const text = 'A. What do you want? Why are you here? Who sent you?\nQ. Does Steven live with you?\nA. No.';
    assert.deepEqual(summary(rolesOf(text)), ['A interviewee inferred 2/3', 'Q interviewer inferred 1/1']);
  });

  it('gives a tie to whoever spoke first', () => {
    const text = 'MUM: Is he in trouble?\nSW: Can we talk about Steven?\nMUM: No.\nSW: Okay.';
    assert.deepEqual(summary(rolesOf(text)), ['MUM interviewer inferred 2/1', 'SW interviewee inferred 2/1']);
  });

  it('gives the first speaker the role when nobody asks anything', () => {
    const text = 'SW: Tell me about Steven.\nTRACEY: He is a friend.';
    assert.deepEqual(summary(rolesOf(text)), ['SW interviewer inferred 1/0', 'TRACEY interviewee inferred 1/0']);
  });

  it('keeps a second parent who asks fewer questions as an interviewee', () => {
    const text = [
      'SW: Who looks after Kayden? Does Steven have a key? Where does he sleep?',
      'MUM: Nobody.',
      'DAD: Why do you want to know?',
      'MUM: Just me.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'SW interviewer inferred 1/3',
      'MUM interviewee inferred 2/0',
      'DAD interviewee inferred 1/1',
    ]);
  });

  it('has only an interviewee when one person speaks', () => {
    const text = 'TRACEY: Who is he? I do not know.\nHe comes round. Why would I lie?';
    assert.deepEqual(summary(rolesOf(text)), ['TRACEY interviewee inferred 1/2']);
  });

  it('lists speakers in order of first appearance', () => {
    const text = 'HV: Hello?\nSW: Hi?\nTRACEY: Yes.\nSW: Okay?\nNAN: Tea?';
    assert.deepEqual(
      rolesOf(text).map((s) => s.label),
      ['HV', 'SW', 'TRACEY', 'NAN'],
    );
  });
});

describe('countQuestions', () => {
  const cases: Array<[text: string, questions: number]> = [
    ['How are things at home?', 1],
    ['Who lives here? Does Steven stay over?', 2],
    ['What?! Really??', 2],
    ['He said "why?" and walked off.', 1],
    ['He was [inaudible?] at the door.', 0],
    ['Is it (the lodger?) who minds him', 1],
    ['No. He never did.', 0],
    ['', 0],
  ];
  for (const [text, questions] of cases) {
    it(`counts ${questions} in "${text}"`, () => {
      assert.equal(countQuestions(text), questions);
    });
  }
});

describe('assignRoles: interviewers named by the file', () => {
  const utterances = parsePlain({ file: 'interview.txt', text: homeVisit });

  it('uses them instead of inferring, matching case-insensitively', () => {
    assert.deepEqual(summary(assignRoles(utterances, undefined, ['tracey'])), [
      'TRACEY interviewer file 3/2',
      'SW interviewee file 2/4',
    ]);
  });

  it('ignores labels that never speak', () => {
    assert.deepEqual(summary(assignRoles(utterances, undefined, ['SW', 'CLERK'])), [
      'TRACEY interviewee file 3/2',
      'SW interviewer file 2/4',
    ]);
  });

  it('infers when none of them speaks', () => {
    assert.deepEqual(summary(assignRoles(utterances, undefined, ['CLERK'])), summary(assignRoles(utterances)));
  });

  it('gives way to --interviewer', () => {
    assert.deepEqual(summary(assignRoles(utterances, 'TRACEY', ['SW'])), [
      'TRACEY interviewer option 3/2',
      'SW interviewee inferred 2/4',
    ]);
  });
});
