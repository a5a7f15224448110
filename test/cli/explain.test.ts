import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectors } from '../../src/detect/index.js';
import { InputError } from '../../src/errors.js';
import { explain } from '../../src/cli/explain.js';

describe('explain', () => {
  it('lists every rule with its severity', () => {
    const text = explain();
    for (const { meta } of detectors) assert.match(text, new RegExp(`^  ${meta.id} +${meta.severity} `, 'm'));
  });

  it('runs a rule\'s examples and shows what fires', () => {
    const text = explain('contradiction');
    assert.match(text, /^contradiction — kind contradiction, default severity error$/m);
    assert.match(text, /^ {3}4 │ TRACEY: Steven came round and we had a Valentine's dinner here at mine\.$/m);
    assert.match(text, /→ line 4: error Steven: denies a relationship/);
    assert.match(text, /Stays quiet on:\n(.*\n)+ {5}→ no clue/);
  });

  it('lists clues-ignore and runs its examples, directives and all', () => {
    assert.match(explain(), /^ {2}clues-ignore +warning {2}A `clues-ignore <rule> <who> -- <reason>` comment/m);
    const text = explain('clues-ignore');
    assert.match(text, /^clues-ignore — kind suppression, default severity warning$/m);
    assert.match(text, /^ {3}1 │ # clues-ignore unexplained-adult Steven$/m);
    assert.match(text, /→ line 1: warning Steven: clues-ignore needs a reason after --: the unexplained-adult clue about Steven is still reported/);
    assert.match(text, /→ line 1: info Jordan: clues-ignore silences nothing/);
  });

  it('rejects an unknown rule, naming the rules there are', () => {
    assert.throws(() => explain('nope'), (e: unknown) => e instanceof InputError && /unknown rule "nope"; rules: unexplained-adult, /.test(e.message));
  });
});
