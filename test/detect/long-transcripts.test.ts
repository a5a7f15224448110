import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventRetold } from '../../src/detect/commitments.js';
import { contradiction } from '../../src/detect/contradiction.js';
import { analyseLines } from '../transcript.js';

// Turns about nothing the rules compare, to put distance between two statements.
function smallTalk(turns: number): string[] {
  return Array.from({ length: turns }, (_, i) => (i % 2 === 0 ? `Q. What was the weather like on day ${i}?` : 'A. It rained most of the morning.'));
}

describe('long transcripts: what is far apart is still compared, and repetition is not multiplied', () => {
  const denied = ['Q. Did you meet Tony Briggs at the hotel?', 'A. I did not meet Tony Briggs at the hotel.'];
  const told = ['Q. What happened in May?', 'A. I met Tony Briggs at the hotel and we talked about the loan.'];

  it('pairs words told both ways 300 turns apart when they name the same person', () => {
    const lines = [...denied, ...smallTalk(300), ...told];
    const analysis = analyseLines(lines);
    const found = eventRetold(analysis);
    assert.equal(found.length, 1, found.map((c) => c.messageId).join('\n'));
    const line = (q: { sentence: number }) => analysis.sentences[q.sentence]!.utterance.line;
    assert.deepEqual([found[0]!.claims.map(line), found[0]!.against.map(line)], [[2], [lines.length]]);
  });

  it('does not pair them 300 turns apart when nothing but the act is shared', () => {
    const lines = ['Q. Did you go back to the class?', 'A. I did not return to the gym class.', ...smallTalk(300), 'Q. And then?', 'A. I went to the class afterwards.'];
    assert.deepEqual(eventRetold(analyseLines(lines)).map((c) => c.messageId), []);
    const near = ['Q. Did you go back to the class?', 'A. I did not return to the gym class.', 'Q. And then?', 'A. I went to the class afterwards.'];
    assert.equal(eventRetold(analyseLines(near)).length, 1, 'the same pair side by side is a clue');
  });

  it('"nobody else lives here" said three times, one adult against it: one clue citing every claim', () => {
    const lines = [
      'SW: Who lives at the house?',
      "SHELLEY: Nobody else lives here, it's just me and the kids.",
      'SW: Nobody else at all?',
      'SHELLEY: No one else lives here.',
      'SW: Okay.',
      "SHELLEY: Honestly, nobody else lives here.",
      'SW: And your mate Jordan?',
      "SHELLEY: He stays over three or four nights a week. He's got his own key.",
    ];
    const clues = contradiction.detect(analyseLines(lines)).filter((c) => c.messageId === 'nobodyElse');
    assert.equal(clues.length, 1, clues.map((c) => c.message).join('\n'));
    assert.deepEqual(clues[0]!.lines, [2, 4, 6, 8]);
    assert.match(clues[0]!.message, /and 2 more/);
  });

  it('a claim with thirty placements against it quotes the first twenty', () => {
    const nights = Array.from({ length: 30 }, (_, i) => [`SW: And night ${i + 1}?`, `SHELLEY: Jordan stayed over on night ${i + 1}.`]).flat();
    const lines = ['SW: Who lives at the house?', 'SHELLEY: Nobody else lives here.', ...nights];
    const clues = contradiction.detect(analyseLines(lines)).filter((c) => c.messageId === 'nobodyElse');
    assert.equal(clues.length, 1, clues.map((c) => c.message).join('\n'));
    assert.equal(clues[0]!.evidence.length, 21);
    assert.deepEqual(clues[0]!.lines, [2, ...Array.from({ length: 20 }, (_, i) => 4 + 2 * i)]);
  });
});
