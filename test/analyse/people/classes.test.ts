import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines, peopleOf } from '../../transcript.js';

// [transcript lines, the roster as name:class]: the classes pass on role words, ages, child cues and children's parents.
const TABLE: Array<[string[], string[]]> = [
  [['SW: Who is Dean?', "MUM: Dean's my boyfriend."], ['Dean:partner']],
  [['SW: How old is Mia?', "MUM: Mia's four."], ['Mia:child']],
  [['SW: How old is Dean?', 'MUM: Dean is 34.'], ['Dean:unknown']],
  [['SW: How is Kayla sleeping?', 'MUM: Better.'], ['Kayla:child']],
  [['SW: Does Riley see his dad?', 'MUM: Sometimes.'], ['Riley:child', 'his dad:relative']],
  [['SW: Who helps?', "MUM: Dr Shah, and my sister Kelly. Kelly's kids are at school."], ['Dr Shah:professional', 'Kelly:relative', "kelly's kids:child"]],
];

describe('classes pass', () => {
  for (const [lines, expected] of TABLE) {
    it(`${lines.join(' / ')} → ${expected.join(', ')}`, () => {
      assert.deepEqual(peopleOf(analyseLines(lines)), expected);
    });
  }
});
