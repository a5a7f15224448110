import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines } from '../transcript.js';

/** The first statement of a one-line turn, or what a put puts, as `mood polarity head [acts]`. */
function read(line: string): string {
  const put = line.startsWith('DS PATEL');
  const analysis = analyseLines(put ? [line, 'MS WOOD: Yes.'] : [line]);
  const s = put ? analysis.exchanges[0]!.proposition! : analysis.statements[0]!;
  const polarity = s.framed ? 'framed' : s.negative ? (s.hedged ? 'negative, hedged' : 'negative') : 'positive';
  return `${s.mood} ${polarity} ${s.head ?? '-'} [${s.acts.join(' ')}]`;
}

describe('statements: how a clause is read', () => {
  const table: Array<[string, string, string]> = [
    ['a plain denial', "MS WOOD: I didn't go back to the house that night.", 'asserted negative return [return>hous]'],
    ['her own doubt passes the negation on', "MS WOOD: I don't believe I went back to the house that night.", 'asserted negative, hedged return [return>hous]'],
    ['someone else\'s belief leaves it open', "MS WOOD: Lee didn't think I went back to the house that night.", 'asserted framed return [return>hous]'],
    ['a request leaves it open', "MS WOOD: I didn't ask Lee to go back to the house.", 'asserted framed return [return>hous]'],
    ['a particle is no act of its own', 'MS WOOD: I was going on TV every week.', 'asserted positive return [return>tv]'],
    ['what "do" takes is the head', 'MS WOOD: I was doing television from home.', 'asserted positive tv []'],
    ['a leading "going back to X," frames the question', 'DS PATEL: Going back to Lee, did he stay at the house on Friday?', 'question positive stay [stay>hous]'],
    ['"even though…," is a subordinate clause', 'DS PATEL: Even though Lee told you to leave, you stayed at the house?', 'question positive stay [stay>hous]'],
    [
      '"do that" does the act before the comma',
      'DS PATEL: Even though the court ordered you to pay Lee, you are not going to do that?',
      'question negative pay [pay>p:0]',
    ],
    ['"was going to" did not happen', 'MS WOOD: I was going to ring Lee that night.', 'hypothetical positive ring [ring>p:0]'],
  ];
  for (const [name, line, expected] of table) {
    it(name, () => assert.equal(read(line), expected));
  }
});
