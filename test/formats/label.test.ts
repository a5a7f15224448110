import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelStyle, readExaminationHeader } from '../../src/formats/label.js';
import { parsePlain } from '../../src/formats/plain.js';
import type { Utterance } from '../../src/types.js';
import { assertWordsMapBack, locate } from './positions.js';

function parseText(text: string): Utterance[] {
  return parsePlain({ file: 'transcript.txt', text });
}

/** Each turn as `SPEAKER| words`, the way a reader would list who said what. */
function turns(text: string): string[] {
  return parseText(text).map((u) => `${u.speaker}| ${u.text}`);
}

// One realistic sample per label style: the turns it must read, and every word must map back to where it is written.
const styles: Array<{ style: string; text: string; turns: string[] }> = [
  {
    style: 'court titles in upper case with a full stop (MS. NECHELES:)',
    text: 'THE COURT: Good morning.\n\nMS. NECHELES: Your Honor, just one thing.\n\nMR. BLANCHE: Yes.\n\nMS . HOFFINGER: Yes . I mean, the details.\n',
    turns: ['THE COURT| Good morning.', 'MS. NECHELES| Your Honor, just one thing.', 'MR. BLANCHE| Yes.', 'MS. HOFFINGER| Yes . I mean, the details.'],
  },
  {
    style: 'ranks with and without a stop (DET., SGT., DC, DC., DS., DI, PC, INSP.)',
    text: [
      'DET. JOHN ALLEN: This interview is being recorded.',
      'SGT. REID: Present.',
      'DC HUGHES: Who was at the flat?',
      'DC. HUGHES: And after that?',
      'DS. PATEL: Did he stay?',
      'DI Khan: Thank you.',
      'PC Jones: Noted.',
      'INSP. MORRIS: Carry on.',
      'MRS. WOOD: No comment.',
    ].join('\n'),
    turns: [
      'DET. JOHN ALLEN| This interview is being recorded.',
      'SGT. REID| Present.',
      'DC HUGHES| Who was at the flat?',
      'DC. HUGHES| And after that?',
      'DS. PATEL| Did he stay?',
      'DI Khan| Thank you.',
      'PC Jones| Noted.',
      'INSP. MORRIS| Carry on.',
      'MRS. WOOD| No comment.',
    ],
  },
  {
    style: 'other titles and court roles (DR., PROF., REV., JUDGE, THE WITNESS, THE CLERK, THE DEFENDANT, COURT OFFICER, AUDIO DESCRIPTION)',
    text: [
      'DR. OKAFOR: The bruising was older.',
      'PROF. LANE: I agree.',
      'REV. PRICE: She came to church.',
      'JUDGE HARRIS: Sit down, please.',
      'THE WITNESS: Thank you.',
      'THE CLERK: Please state your name.',
      'THE DEFENDANT: Not guilty.',
      'COURT OFFICER: All rise.',
      'AUDIO DESCRIPTION: Jury enters.',
    ].join('\n'),
    turns: [
      'DR. OKAFOR| The bruising was older.',
      'PROF. LANE| I agree.',
      'REV. PRICE| She came to church.',
      'JUDGE HARRIS| Sit down, please.',
      'THE WITNESS| Thank you.',
      'THE CLERK| Please state your name.',
      'THE DEFENDANT| Not guilty.',
      'COURT OFFICER| All rise.',
      'AUDIO DESCRIPTION| Jury enters.',
    ],
  },
  {
    style: 'court Q and A with a space only, between colloquy',
    text: [
      'DIRECT EXAMINATION BY MS. MANGOLD:',
      '',
      'Q Good morning, Ms. Franklin.',
      '',
      'A Good morning.',
      '',
      'Q And who else was present?',
      '',
      'MS. NECHELES: Objection.',
      '',
      'THE COURT: Overruled.',
      '',
      'A My sister, Kelly.',
      '',
      'A bad test is something positive for something. I said, nope.',
      '',
      'Q. And after that?',
      '',
      'A. Nothing.',
    ].join('\n'),
    turns: [
      'Q| Good morning, Ms. Franklin.',
      'A| Good morning.',
      'Q| And who else was present?',
      'MS. NECHELES| Objection.',
      'THE COURT| Overruled.',
      'A| My sister, Kelly. A bad test is something positive for something. I said, nope.',
      'Q| And after that?',
      'A| Nothing.',
    ],
  },
  {
    style: 'examination headers are not speech (CROSS-EXAMINATION, CONTINUED, REDIRECT, RECROSS, DIRECT, BY MR. Y:)',
    text: [
      'MR. BLANCHE: Thank you, your Honor.',
      'CROSS—EXAMINATION BY MS. HOFFINGER:',
      'Q. Who paid?',
      'A. He did.',
      'CONTINUED CROSS-EXAMINATION BY MS. X:',
      'REDIRECT EXAMINATION BY MR. STEINGLASS:',
      'RECROSS EXAMINATION BY MR . BOVE:',
      'DIRECT EXAMINATION',
      'BY MR. Y:',
      'Q. Anything else?',
      'A. No.',
    ].join('\n'),
    turns: ['MR. BLANCHE| Thank you, your Honor.', 'Q| Who paid?', 'A| He did.', 'Q| Anything else?', 'A| No.'],
  },
  {
    style: 'numbered deposition pages: margin numbers, page numbers, running headers and the certificate are not words',
    text: [
      '                                                        12',
      ' 1   Q.   Where were you living in March?',
      ' 2   A.   At my mum\'s on Fenton Street.  My mate Lee',
      ' 3        stops over sometimes.',
      ' 4   Q.   How often?',
      ' 5',
      ' 6   A.   Weekends, mostly.',
      'ACME REPORTING SERVICES  (0114) 555 0100',
      'Page 13',
      ' 1   Q.   Does he have a key?',
      ' 2   A.   No.',
      ' 3                  REPORTER\'S CERTIFICATE',
      ' 4        I, Jane Doe, certify that the foregoing is true.',
    ].join('\n'),
    turns: [
      'Q| Where were you living in March?',
      "A| At my mum's on Fenton Street.  My mate Lee stops over sometimes.",
      'Q| How often?',
      'A| Weekends, mostly.',
      'Q| Does he have a key?',
      'A| No.',
    ],
  },
  {
    style: 'Rev: Name (00:04): with words on the same line or the next',
    text: 'Nicola Wood (00:04):\nHe was round on the Friday.\n\nSpeaker 2 (00:09): Was Lee there?\n',
    turns: ['Nicola Wood| He was round on the Friday.', 'Speaker 2| Was Lee there?'],
  },
  {
    style: 'Otter: Name  0:04 on its own line, words below',
    text: 'Nicola Wood  0:04\nHe was round on the Friday.\nHe stayed late.\n\nSpeaker 2  0:12\nWas Lee there?\n\nNicola Wood  0:15\nNo.\n',
    turns: ['Nicola Wood| He was round on the Friday. He stayed late.', 'Speaker 2| Was Lee there?', 'Nicola Wood| No.'],
  },
  {
    style: 'Teams: [0:03] Name on its own line, words below',
    text: '[0:03] Jo Hale\nCan you tell me who lives with you?\n[0:09] Nicola Wood\nJust me and the kids.\n',
    turns: ['Jo Hale| Can you tell me who lives with you?', 'Nicola Wood| Just me and the kids.'],
  },
  {
    style: 'Trint: Name [00:00:04] above the words',
    text: 'Jo Hale [00:00:04]\nWho picks her up?\n\nNicola Wood [00:00:07]\nMy mum does.\n',
    turns: ['Jo Hale| Who picks her up?', 'Nicola Wood| My mum does.'],
  },
  {
    style: 'Zoom transcript [Name] 10:04:05, words on the line or below',
    text: '[Jo Hale] 10:04:05\nWho picks her up?\n[Nicola Wood] 10:04:09 My mum does.\n[Jo Hale] 10:04:12\nEvery day?\n',
    turns: ['Jo Hale| Who picks her up?', 'Nicola Wood| My mum does.', 'Jo Hale| Every day?'],
  },
  {
    style: 'Zoom chat 10:04:05 From Name : words',
    text: '10:04:05 From Jo Hale : Can you hear me?\n10:04:09 From Nicola Wood to Everyone : Yes, I can.\n',
    turns: ['Jo Hale| Can you hear me?', 'Nicola Wood| Yes, I can.'],
  },
  {
    style: 'Descript [00:00:04] Name: and NVivo 0:00:04 Name: and MAXQDA #00:00:04-0# Name:',
    text: '[00:00:04] Jo Hale: Who picks her up?\n0:00:07 Nicola Wood: My mum does.\n#00:00:10-0# Jo Hale: Every day?\n',
    turns: ['Jo Hale| Who picks her up?', 'Nicola Wood| My mum does.', 'Jo Hale| Every day?'],
  },
  {
    style: 'research codes (INT:, IV:, I:, R:, P3:, Interviewer:, Respondent:, Speaker 1:)',
    text: 'INT: Who helps?\nP3: My nan.\nIV: Since when?\nR: Since May.\nI: Thanks.\nInterviewer: Anyone else?\nRespondent: No.\nSpeaker 1: Okay.\n',
    turns: ['INT| Who helps?', 'P3| My nan.', 'IV| Since when?', 'R| Since May.', 'I| Thanks.', 'Interviewer| Anyone else?', 'Respondent| No.', 'Speaker 1| Okay.'],
  },
  {
    style: 'lower-case speech-to-text labels throughout the file',
    text: 'interviewer: who was at the house on friday\nmum: just me and the kids\nofficer: and lee\nmum: no he was at his mums\ninterviewer: ok thank you\n',
    turns: ['interviewer| who was at the house on friday', 'mum| just me and the kids', 'officer| and lee', 'mum| no he was at his mums', 'interviewer| ok thank you'],
  },
];

describe('label grammar: each style as real transcripts write it', () => {
  for (const { style, text, turns: expected } of styles) {
    it(`reads ${style}`, () => {
      assert.deepEqual(turns(text), expected);
      assert.ok(assertWordsMapBack(parseText(text), text) > 0);
    });
  }

  it('keeps the column of the first word after a margin number', () => {
    const text = ' 1   Q.   Where were you?\n 2   A.   Home.\n' + Array.from({ length: 10 }, (_, i) => ` ${i + 3}   A.   Line ${i}.`).join('\n');
    const [first] = parseText(text);
    assert.deepEqual({ line: first?.line, column: first?.column }, locate(text, 'Where'));
  });
});

describe('label grammar: what is not a label', () => {
  const continuations: Array<[why: string, text: string]> = [
    ['"A " prose going on an answer', 'Q Who was there?\nA Lee was.\nA bad test is something positive.\nQ And then?\nA Nothing.'],
    ['"A " in a file that is no Q/A record', 'TRACEY: I remember it.\nA Good friend of mine came round.'],
    ['a time of day', 'TRACEY: I remember it.\nAt 10:30 he came round.'],
    ['a name and time inside a sentence', 'TRACEY: I remember it.\nMonday 10:30 is when he comes.'],
    ['lower-case prose with a colon in a capitalised transcript', 'TRACEY: I remember it.\nmum: she was there\nmum: again'],
    ['a lower-case colon once in a lower-case transcript', 'interviewer: who was there\nmum: me\ninterviewer: ok\nmum: and then i said: no way\n'],
  ];
  for (const [why, text] of continuations) {
    it(`does not start a turn at ${why}`, () => {
      const before = text.split('\n').filter((line) => /^(Q|A|TRACEY|interviewer|mum):? /.test(line)).length;
      const parsed = parseText(text);
      assert.ok(parsed.length <= before, `${parsed.length} turns: ${parsed.map((u) => u.speaker).join(', ')}`);
      assert.ok(assertWordsMapBack(parsed, text) > 0);
    });
  }

  it('reads a paragraph starting "A bad test" as more of the answer', () => {
    const text = 'Q Who was there?\n\nA Lee was.\n\nA bad test is something positive.\n\nQ And then?\n\nA Nothing.';
    assert.deepEqual(turns(text), ['Q| Who was there?', 'A| Lee was. A bad test is something positive.', 'Q| And then?', 'A| Nothing.']);
  });

  it('does not take a form heading for a speaker', () => {
    const text = 'Present: DC Hughes, DS Patel, Ms Wood\nLocation: Kent Street\nDC HUGHES: Who lives with you?\nMS WOOD: Me and Kayla.';
    assert.deepEqual(turns(text), ['DC HUGHES| Who lives with you?', 'MS WOOD| Me and Kayla.']);
  });

  it('does not take "Q " prose for a marker outside a Q/A record', () => {
    assert.deepEqual(turns('SW: Any questions?\nTRACEY: Q Tips are in the bathroom.'), ['SW| Any questions?', 'TRACEY| Q Tips are in the bathroom.']);
  });

  it('does not take a heading-like line for a label in a colon-labelled file', () => {
    const text = 'SW: When does he come?\nTRACEY: It varies.\nMonday 10:30\nSW: Okay.\nTRACEY: Yes.';
    assert.deepEqual(turns(text), ['SW| When does he come?', 'TRACEY| It varies. Monday 10:30', 'SW| Okay.', 'TRACEY| Yes.']);
  });

  it('does not take a page of prose with numbers for a numbered transcript', () => {
    const text = 'SW: How many?\nTRACEY: 3 kids, 2 cats.\n12 Oak Road is where he lives.\n';
    assert.equal(labelStyle(text.split('\n')).numbered, false);
    assert.deepEqual(turns(text), ['SW| How many?', 'TRACEY| 3 kids, 2 cats. 12 Oak Road is where he lives.']);
  });
});

describe('examination headers', () => {
  const headers: Array<[line: string, questioner: string | undefined]> = [
    ['CROSS-EXAMINATION BY MS. HOFFINGER:', 'MS. HOFFINGER'],
    ['CROSS—EXAMINATION BY MR. BLANCHE:', 'MR. BLANCHE'],
    ['CONTINUED CROSS EXAMINATION BY MR. BOVE:', 'MR. BOVE'],
    ['REDIRECT EXAMINATION BY MR. STEINGLASS:', 'MR. STEINGLASS'],
    ['RECROSS EXAMINATION BY MR . BOVE:', 'MR. BOVE'],
    ['DIRECT EXAMINATION', undefined],
    ['BY MR. Y:', 'MR. Y'],
  ];
  for (const [line, questioner] of headers) {
    it(`reads "${line}" as a header naming ${questioner ?? 'nobody'}`, () => {
      assert.deepEqual(readExaminationHeader(line, 0), questioner === undefined ? {} : { questioner });
    });
  }

  for (const line of ['By Monday: he had gone', 'BY THE WAY: nothing', 'The examination was done by Dr Patel.']) {
    it(`does not read "${line}" as a header`, () => {
      assert.equal(readExaminationHeader(line, 0), undefined);
    });
  }

  it('names the questioner of the Q turns after it, until the next header', () => {
    const text = [
      'DIRECT EXAMINATION BY MS. MANGOLD:',
      'Q Good morning.',
      'A Good morning.',
      'CROSS-EXAMINATION BY MR. BLANCHE:',
      'Q How are you?',
      'A Okay.',
      'DIRECT EXAMINATION',
      'Q Your name?',
      'A Sally.',
    ].join('\n');
    assert.deepEqual(
      parseText(text).map((u) => `${u.speaker} ${u.questioner ?? '-'}`),
      ['Q MS. MANGOLD', 'A -', 'Q MR. BLANCHE', 'A -', 'Q -', 'A -'],
    );
  });
});
