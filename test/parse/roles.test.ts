import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/formats/plain.js';
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

  it('has no interviewer when two unlabelled speakers both ask', () => {
    const text = 'KIM: Is he in trouble?\nJO: Can we talk about Steven?\nKIM: No.\nJO: Okay.';
    assert.deepEqual(summary(rolesOf(text)), ['KIM interviewee inferred 2/1', 'JO interviewee inferred 2/1']);
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

describe('assignRoles: several questioners, context speakers and conversations', () => {
  it('makes both officers interviewers, the solicitor other and the woman interviewed the interviewee', () => {
    const text = [
      'DC. HUGHES: This interview is being recorded. Can you state your name?',
      'MS. WOOD: Nicola Wood.',
      'DS. PATEL: Who was at the flat on Friday?',
      'MS. WOOD: Just me and the kids.',
      'MR. GRANT: My client has answered that. She was at home all evening.',
      'DS. PATEL: Did Lee come round? Did he stay over?',
      'MS. WOOD: He popped in. He left at ten.',
      'DC. HUGHES: Where did he go after that?',
      'MS. WOOD: Home, I think. Why would I know?',
      'MR. GRANT: I would like a moment with my client.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'DC. HUGHES interviewer inferred 2/2',
      'MS. WOOD interviewee inferred 4/1',
      'DS. PATEL interviewer inferred 2/3',
      'MR. GRANT other inferred 2/0',
    ]);
  });

  it('makes a solicitor or appropriate adult labelled as such other', () => {
    const text = 'DC Hale: Who looks after Kayden?\nTRACEY: My mum.\nSolicitor: Noted.\nAppropriate Adult: Are you okay?\nTRACEY: Yes.';
    assert.deepEqual(summary(rolesOf(text)), [
      'DC Hale interviewer inferred 1/1',
      'TRACEY interviewee inferred 2/0',
      'Solicitor other inferred 1/0',
      'Appropriate Adult other inferred 1/1',
    ]);
  });

  it('in a court Q/A record: Q asks, the witness answers, counsel in colloquy and the court are other', () => {
    const text = [
      'THE COURT: You may inquire.',
      '',
      'DIRECT EXAMINATION BY MS. HOFFINGER:',
      '',
      'Q Who else was present?',
      '',
      'MS. NECHELES: Objection.',
      '',
      'THE COURT: Overruled.',
      '',
      'A My sister.',
      '',
      'Q Did she stay?',
      '',
      'THE WITNESS: Sorry, could you repeat that?',
      '',
      'Q Did she stay?',
      '',
      'A No.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'THE COURT other inferred 2/0',
      'Q interviewer inferred 3/3',
      'MS. NECHELES other inferred 1/0',
      'A interviewee inferred 2/0',
      'THE WITNESS interviewee inferred 1/1',
    ]);
  });

  it('in a court record without Q/A: counsel who ask the witness are interviewers, counsel in colloquy other', () => {
    const text = [
      'THE COURT: Call your witness.',
      'MS. PATEL: Where were you on the night of the 14th?',
      'MR. DAVIES: At home.',
      'MS. PATEL: Who was with you?',
      'MR. DAVIES: My brother.',
      'MR. OWEN: Objection, your Honor.',
      'THE COURT: Overruled.',
      'MR. OWEN: Could he answer the question first? Is that allowed?',
      'MS. PATEL: Did your brother stay the night?',
      'MR. DAVIES: Yes.',
      'MR. OWEN: Your Honor, again.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'THE COURT other inferred 2/0',
      'MS. PATEL interviewer inferred 3/3',
      'MR. DAVIES interviewee inferred 3/0',
      'MR. OWEN other inferred 3/2',
    ]);
  });

  it('makes a judge who asks the witness an interviewer beside counsel in a court record', () => {
    const text = [
      'THE CLERK: Please be seated.',
      'MR. SHAH: Who lives at the flat?',
      'MS. KERR: Me and Mason.',
      'JUDGE HARRIS: Nobody else? Not the lodger?',
      'MS. KERR: Well, the lodger.',
      'MR. SHAH: What is his name?',
      'MS. KERR: Dean.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'THE CLERK other inferred 1/0',
      'MR. SHAH interviewer inferred 2/2',
      'MS. KERR interviewee inferred 3/0',
      'JUDGE HARRIS interviewer inferred 1/2',
    ]);
  });

  it('in a recorded call between family members: nobody is an interviewer, whoever asks most', () => {
    const text = [
      'MOTHER: Are you eating? Are they feeding you?',
      'SON: Yeah, it is alright. Is Kayden okay?',
      'MOTHER: He is fine. Has your solicitor been?',
      'SON: Tuesday. Did you see Dean?',
      'MOTHER: He came round Saturday. Why?',
      'SON: No reason.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text)), [
      'MOTHER interviewee inferred 3/4',
      'SON interviewee inferred 3/2',
    ]);
  });

  it('in a call labelled by names, where both ask, nobody is an interviewer', () => {
    const text = [
      'DELORES: Did you get the money? Did Kev bring it?',
      'MARCUS: Yeah. Who told you about it?',
      'DELORES: Shannon. Is she still seeing him?',
      'MARCUS: I dunno. How is the baby?',
      'DELORES: Big. Are you coming home Friday?',
    ].join('\n');
    assert.ok(rolesOf(text).every((s) => s.role === 'interviewee'));
  });

  it('in a call with an inmate label, even the only asker is no interviewer', () => {
    const text = 'FEMALE VOICE: Where are you? Who is with you?\nINMATE: At the unit.\nFEMALE VOICE: Is Dean there?\nINMATE: No.';
    assert.ok(rolesOf(text).every((s) => s.role === 'interviewee'));
  });

  it('an unlabelled recording shaped like an interview still has its interviewer', () => {
    const text = 'JB: Who minds her? Is it Dave?\nKD: My mum.\nJB: Does Dave ever have her?\nKD: Never.\nJB: Not once?\nKD: No.';
    assert.deepEqual(summary(rolesOf(text)), ['JB interviewer inferred 3/4', 'KD interviewee inferred 3/0']);
  });

  it('lets --interviewer name a court-style label the file now reads', () => {
    const text = 'DET. JOHN ALLEN: Who was there?\nMS. WOOD: Lee.\nDET. JOHN ALLEN: Anyone else?\nMS. WOOD: No.';
    assert.deepEqual(summary(rolesOf(text, 'DET. JOHN ALLEN')), [
      'DET. JOHN ALLEN interviewer option 2/2',
      'MS. WOOD interviewee inferred 2/0',
    ]);
  });

  it('keeps a solicitor as context when --interviewer names the officers', () => {
    const text = [
      'DC. HUGHES: Who lives with you?',
      'MS. WOOD: Just me and Kayla.',
      'DS. PATEL: Does Lee stay over?',
      "MR. GRANT: I'd remind my client she need not answer.",
      'MS. WOOD: Sometimes.',
    ].join('\n');
    assert.deepEqual(summary(rolesOf(text, 'DC. HUGHES, DS. PATEL')), [
      'DC. HUGHES interviewer option 1/1',
      'MS. WOOD interviewee inferred 2/0',
      'DS. PATEL interviewer option 1/1',
      'MR. GRANT other inferred 1/0',
    ]);
  });

  it('lets --interviewer make someone in a family call the interviewer', () => {
    const text = 'MOTHER: Are you eating?\nSON: Yeah. Is Kayden okay?\nMOTHER: He is fine.';
    assert.deepEqual(summary(rolesOf(text, 'mother')), ['MOTHER interviewer option 2/1', 'SON interviewee inferred 1/1']);
  });
});
