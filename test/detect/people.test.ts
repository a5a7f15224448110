import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAdult } from '../../src/analyse/people.js';
import { childFor, injuredChild } from '../../src/detect/people.js';
import { analyseLines } from '../transcript.js';

describe('people helpers', () => {
  it('isAdult: a partner, a friend, a parent-generation relative; not the child, not a brother', () => {
    const analysis = analyseLines([
      'SW: Who is at home?',
      "MUM: Riley is five. My boyfriend Dean lives with us, and my mum. Riley's brother Kyle is seven. My mate Kelly comes round.",
    ]);
    assert.deepEqual(
      analysis.roster.people.map((p) => `${p.name}: ${isAdult(p)}`),
      ['Riley: false', 'Dean: true', 'my mum: true', 'Kyle: false', 'Kelly: true'],
    );
  });

  it('childFor: the child named up to the offset, else the child talked about last', () => {
    const analysis = analyseLines(['SW: How old are the kids?', 'MUM: Mia is five and Josh is two.', 'SW: How is Mia?', "MUM: Fine. She's been really clingy.", 'SW: OK.']);
    const ages = analysis.sentences[1]!;
    assert.equal(childFor(analysis, ages.index), 'Josh');
    assert.equal(childFor(analysis, ages.index, ages.utterance.text.indexOf('is five')), 'Mia');
    assert.equal(childFor(analysis, analysis.sentences.length - 1), 'Mia');
  });

  it('injuredChild: the child named with the injury, not another child talked about', () => {
    const analysis = analyseLines([
      'SW: How is Mia getting on?',
      'MUM: Fine.',
      'SW: And how did Riley get the bruise on his cheek?',
      "MUM: I don't know how.",
    ]);
    assert.equal(injuredChild(analysis, analysis.injuries[0]!), 'Riley');
  });
});
