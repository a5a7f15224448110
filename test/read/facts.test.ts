import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse } from '../../src/analyse/index.js';
import { contradiction } from '../../src/detect/contradiction.js';
import { unexplainedAdult } from '../../src/detect/unexplained-adult.js';
import { InputError } from '../../src/errors.js';
import { parseFacts } from '../../src/read/facts.js';
import { parse } from '../../src/parse/index.js';

const FILE = 'case.json';
const withFacts = (lines: string[], facts: string) => analyse(parse({ file: 't.txt', text: `${lines.join('\n')}\n` }), { facts: parseFacts(FILE, facts) });

describe('case facts', () => {
  it('reads a full record', () => {
    const facts = parseFacts(
      FILE,
      JSON.stringify({
        household: ['Tracey', 'Peter'],
        known: [{ name: 'Jason Owen', role: 'lodger' }],
        statements: [{ to: 'police', about: 'Steven', relationship: 'partner', livesHere: false, date: '2007-02' }],
        injuries: [{ child: 'Peter', injury: 'bruised face' }],
      }),
    );
    assert.deepEqual(facts.statements, [{ to: 'police', about: 'Steven', relationship: 'partner', livesHere: false }]);
    assert.deepEqual(facts.known, [{ name: 'Jason Owen', role: 'lodger' }]);
  });

  const bad: Array<[string, string, string]> = [
    ['not JSON', '{', '1:2: invalid JSON'],
    ['a list at the top', '[]', '1:1: the file must be an object'],
    ['an unknown key', '{"houshold": []}', '1:2: unknown key "houshold" (known keys here: household, known, statements, injuries)'],
    ['a number for a name', '{"household": [1]}', '1:16: household[0] must be a string'],
    ['a blank name', '{"household": ["  "]}', '1:16: household[0] must not be empty'],
    ['a bad relationship', '{"statements": [{"to": "police", "about": "Steven", "relationship": "lover"}]}', '1:69: statements[0].relationship must be one of "partner", "friend", "relative", "none"'],
    ['a missing role', '{"known": [{"name": "Jason"}]}', '1:12: known[0] needs "role"'],
    ['a line further down', '{\n  "household": ["Tracey"],\n  "statements": [{ "to": "police", "about": "Steven", "livesHere": "yes" }]\n}', '3:68: statements[0].livesHere must be a boolean'],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name}, naming the place and the key`, () => {
      assert.throws(() => parseFacts(FILE, text), (e: unknown) => e instanceof InputError && e.message.startsWith(`${FILE}:${message}`) && !e.message.includes('\n'));
    });
  }

  it('flags an adult who is not on the record, and not one who is', () => {
    const lines = ['SW: Who is around?', "MUM: My boyfriend Dean, and Jason, he's our lodger. Dean's lovely."];
    const offRecord = unexplainedAdult.detect(withFacts(lines, '{"household": ["Tracey"], "known": [{"name": "Jason", "role": "lodger"}]}'));
    assert.deepEqual(
      offRecord.map((c) => `${c.who}: ${c.message}`),
      ['Dean: not on the case record (described as "my boyfriend")'],
    );
  });

  it('finds the seed case: police were told there was a boyfriend, the mother denies it', () => {
    const lines = ['SW: Tell me about Steven.', "TRACEY: He's just a friend. We're not in a relationship."];
    const clues = contradiction.detect(withFacts(lines, '{"statements": [{"to": "police", "about": "Steven", "relationship": "partner"}]}'));
    assert.equal(clues.length, 1);
    assert.equal(clues[0]!.line, 2);
    assert.match(clues[0]!.message, /the record says police were told Steven is her partner, but here: "just a friend"/);
    assert.equal(clues[0]!.confidence, 0.85);
  });

  it('finds a recorded resident against "no one else lives here"', () => {
    const lines = ['SW: Who lives with you?', 'MUM: No one else lives here. Just me and the baby.'];
    const clues = contradiction.detect(withFacts(lines, '{"statements": [{"to": "social worker", "about": "Gary", "livesHere": true}]}'));
    assert.equal(clues.length, 1);
    assert.match(clues[0]!.message, /the record says Gary .* lives in the home, but here: "No one else lives"/);
  });
});
