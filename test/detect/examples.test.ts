import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMessage } from '../../src/detect/detector.js';
import { rules } from '../../src/finish/rules.js';
import { check } from '../../src/cli/run.js';

// `clues explain` shows these examples as what each rule does; they must stay true (clues-ignore's too).
describe('detector examples', () => {
  for (const meta of rules) {
    it(`${meta.id} has a description and examples both ways`, () => {
      assert.ok(meta.description.length > 40 && !/TODO/.test(meta.description), meta.description);
      assert.ok(meta.examples.fires.length >= 2 && meta.examples.quiet.length >= 2);
    });
    const rulesIn = (text: string) => {
      const result = check({ file: 'example', text: `${text}\n` });
      assert.ok(result.ok);
      return result.clues.filter((c) => c.rule === meta.id).map((c) => `${c.line}: ${c.message}`);
    };
    meta.examples.fires.forEach((text, i) => {
      it(`${meta.id} fires on example ${i + 1}`, () => assert.notDeepEqual(rulesIn(text), []));
    });
    it(`${meta.id}'s examples carry a message id it declares, and data that renders to the message`, () => {
      for (const text of meta.examples.fires) {
        const result = check({ file: 'example', text: `${text}\n` });
        assert.ok(result.ok);
        for (const clue of result.clues.filter((c) => c.rule === meta.id)) {
          assert.ok(Object.hasOwn(meta.messages, clue.messageId), clue.messageId);
          assert.equal(clue.message, renderMessage(meta, clue.messageId, clue.data));
        }
      }
    });
    it(`${meta.id}'s message templates have named holes only`, () => {
      for (const [id, template] of Object.entries(meta.messages)) {
        assert.match(id, /^[a-z][A-Za-z]*$/);
        assert.doesNotMatch(template.replace(/\{\w+\}/g, ''), /[{}]/, `${id}: ${template}`);
      }
    });
    meta.examples.quiet.forEach((text, i) => {
      it(`${meta.id} stays quiet on example ${i + 1}`, () => assert.deepEqual(rulesIn(text), []));
    });
  }
});
