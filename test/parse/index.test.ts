import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../src/parse/index.js';

const homeVisit = [
  'TRACEY: Come in, sit down. Do you want a tea?',
  'SW: No thanks. How are things at home? Who lives here with you?',
  "TRACEY: Just me and Kayden. My mum pops round. Why?",
  'SW: Does anyone else stay over? Has Steven been round?',
  "TRACEY: He's just a friend.",
].join('\n');

describe('parse', () => {
  it('returns the file, utterances and speakers with roles', () => {
    const transcript = parse({ file: 'visit.txt', text: homeVisit });
    assert.equal(transcript.file, 'visit.txt');
    assert.equal(transcript.utterances.length, 5);
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role]),
      [
        ['TRACEY', 'interviewee'],
        ['SW', 'interviewer'],
      ],
    );
  });

  it('passes --interviewer through to the roles', () => {
    const transcript = parse({ file: 'visit.txt', text: homeVisit }, { interviewer: 'TRACEY' });
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role, s.source]),
      [
        ['TRACEY', 'interviewer', 'option'],
        ['SW', 'interviewee', 'inferred'],
      ],
    );
  });

  it('lets the no-label error through unchanged', () => {
    assert.throws(() => parse({ file: 'notes.txt', text: 'just some notes\n' }), {
      name: 'InputError',
      message: 'notes.txt: no speaker labels found; expected lines like "SW: How are things at home?"',
    });
  });

  it('puts the file name in front of the error of a bad --interviewer', () => {
    assert.throws(() => parse({ file: 'visit.txt', text: homeVisit }, { interviewer: 'Nurse' }), {
      name: 'InputError',
      message: 'visit.txt: --interviewer "Nurse" matches no speaker; speakers found: TRACEY, SW',
    });
  });
});
