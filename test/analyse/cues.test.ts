import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseLines } from '../transcript.js';

const cuesOf = (lines: string[]) => {
  const analysis = analyseLines(lines);
  return analysis.cues.filter((c) => analysis.sentences[c.sentence]!.role === 'interviewee').map((c) => `${c.type}${c.negated ? ' (not)' : ''}: "${c.text}" → ${c.personId === undefined ? '-' : analysis.roster.people[c.personId]!.name}`);
};

describe('cues', () => {
  it('finds a pattern two cue types share as a cue of each, and overlapping matches of one type once', () => {
    const types = cuesOf(['SW: What happened to her arm?', 'MUM: It was nothing, just a little tap.']).map((c) => c.split(':')[0]);
    assert.equal(types.filter((t) => t === 'minimiser').length, 2, types.join(', '));
    assert.equal(types.filter((t) => t === 'injuryVague').length, 2, types.join(', '));
  });

  it('places an adult in the home by how much it matters', () => {
    assert.deepEqual(cuesOf(['SW: Who comes round?', 'MUM: Dave comes round. He stays over some nights. He has got a key now. He watches the baby.']), [
      'visit: "comes round" → Dave',
      'overnight: "stays over" → Dave',
      'residence: "got a key" → Dave',
      'care: "watches the baby" → Dave',
    ]);
  });

  it('reads a safety concern said in the negative as negative, once, for every detector', () => {
    const safety = cuesOf(['SW: What happens when he is angry?', 'MUM: He never hit me. He pushed me once.']).filter((c) => c.startsWith('safety'));
    assert.deepEqual(safety.map((c) => c.split(':')[0]), ['safety (not)', 'safety']);
  });

  it('attributes "left him with X" to X, and the speaker\'s own stays to nobody', () => {
    assert.deepEqual(cuesOf(['SW: Saturday?', "MUM: I left him with Jason. I stayed over at Kelly's."]), [
      'carerAfter: "left him with" → Jason',
      'overnight: "stayed over" → -',
    ]);
  });

  it('marks a cue said in the negative', () => {
    assert.deepEqual(cuesOf(['SW: Does Liam stay?', "MUM: Liam doesn't stay over any more."]), ['overnight (not): "stay over" → Liam']);
  });

  it('finds denials and romance and gives "we\'re not together" to the man talked about', () => {
    assert.deepEqual(cuesOf(['SW: Tell me about Steven.', "MUM: He's just a friend. We're not together. He's every girl's dream."]), [
      'denial: "just a friend" → Steven',
      'minimiser: "just a friend" → Steven',
      'denial: "not together" → Steven',
      'romance: "every girl\'s dream" → Steven',
    ]);
  });

  it('ignores words inside non-speech brackets', () => {
    assert.deepEqual(cuesOf(['Q: Who was there?', 'A: Nobody. [Dave stays over, inaudible] No.']), []);
  });

  it('finds the claims that later words can undermine', () => {
    assert.deepEqual(cuesOf(['SW: Who lives there?', "MUM: No one else lives here. It's just me and the baby. I haven't seen Lee since Christmas."]), [
      'nobodyElseHome: "No one else lives" → -',
      'residence (not): "lives here" → -',
      'nobodyElseHome: "just me and the baby" → -',
      'notSeen: "seen Lee since" → Lee',
    ]);
  });
});
