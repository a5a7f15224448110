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
  [['SW: How old are they?', "MUM: Mia's four and Jack's two."], ['Mia:child', 'Jack:child']],
  // A bare number after a name is no age; a title makes an adult whatever child word goes with the name.
  [['Q. Did you work with Tina Blake?', 'A. Tina Blake, one of the producers, yes.'], ['Tina Blake:unknown']],
  [['Q. Who was at the depot?', 'A. A driver the lads call Mr. Lolly Boy.'], ['Mr. Lolly:unknown']],
  [['Q. What were you doing?', 'A. Watching Ms. Halloran on the news.'], ['Ms. Halloran:unknown']],
];

describe('classes pass', () => {
  for (const [lines, expected] of TABLE) {
    it(`${lines.join(' / ')} → ${expected.join(', ')}`, () => {
      assert.deepEqual(peopleOf(analyseLines(lines)), expected);
    });
  }
});
