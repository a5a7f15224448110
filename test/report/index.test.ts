import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS, reporters, type Reporter } from '../../src/report/index.js';
import { interview } from './sample.js';

describe('reporters', () => {
  it('lists every format by name', () => {
    assert.deepEqual(FORMATS, ['terminal', 'json', 'jsonl', 'sarif', 'github', 'markdown', 'html']);
    for (const name of FORMATS) assert.equal(typeof reporters[name], 'function');
  });

  it('every reporter takes (results, options) and returns text', () => {
    for (const name of FORMATS) {
      const output = reporters[name]([interview], { color: false });
      assert.equal(typeof output, 'string');
      assert.ok(output.endsWith('\n'));
    }
  });

  it('json ignores the colour option', () => {
    const reporter: Reporter = reporters.json;
    assert.equal(reporter([interview], { color: true }), reporter([interview], { color: false }));
  });

  it('only the terminal report is coloured', () => {
    for (const name of FORMATS.filter((f) => f !== 'terminal')) {
      const reporter: Reporter = reporters[name];
      const output = reporter([interview], { color: true });
      assert.equal(output, reporter([interview], { color: false }), name);
      assert.ok(!output.includes('\u001b'), name);
    }
  });
});
