import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clauseBefore, isNegative, reportedFromProfessional, withoutOverlaps } from '../../src/analyse/speech.js';
import { analyseLines } from '../transcript.js';

// The interviewee's first sentence, and the offset of some words in it.
const said = (line: string, words: string) => {
  const analysis = analyseLines(['SW: And then?', line]);
  const sentence = analysis.sentences.find((s) => s.role === 'interviewee')!;
  return { analysis, sentence, at: sentence.utterance.text.indexOf(words) };
};

describe('speech helpers', () => {
  it('clauseBefore: the words back to a comma or a conjunction, and the conjunction that opened the clause', () => {
    const { sentence, at } = said("MUM: He was fine, but he's not sleeping.", 'sleeping');
    const { tokens, opener } = clauseBefore(sentence, at);
    assert.deepEqual(tokens.map((t) => t.text).filter(Boolean), ["he's", 'not']);
    assert.equal(opener?.normal, 'but');
    const hypothetical = said("MUM: If he stayed over I'd tell you.", 'stayed');
    assert.equal(clauseBefore(hypothetical.sentence, hypothetical.at).opener?.normal, 'if');
  });

  it('isNegative: the tag, or "not" and "never"', () => {
    const { sentence } = said("MUM: He never stays, he isn't here.", 'never');
    assert.deepEqual(sentence.tokens.filter(isNegative).map((t) => t.normal), ['never', 'not']);
  });

  it('withoutOverlaps: in order, the longer of two overlapping spans kept', () => {
    const spans = [
      { sentence: 1, start: 10, end: 20, id: 'later' },
      { sentence: 0, start: 5, end: 8, id: 'short' },
      { sentence: 0, start: 4, end: 12, id: 'long' },
      { sentence: 0, start: 20, end: 25, id: 'apart' },
    ];
    assert.deepEqual(withoutOverlaps(spans).map((s) => s.id), ['long', 'apart', 'later']);
  });

  it('reportedFromProfessional: "the GP said …" is not the speaker\'s own words; "I said …" is', () => {
    const gp = said('MUM: The GP said it was nothing to worry about.', 'nothing');
    assert.equal(reportedFromProfessional(gp.analysis, gp.sentence, gp.at), true);
    const own = said('MUM: I said it was nothing.', 'nothing');
    assert.equal(reportedFromProfessional(own.analysis, own.sentence, own.at), false);
  });
});
