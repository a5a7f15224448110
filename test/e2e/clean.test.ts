import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../../src/cli/run.js';

// A clean, ordinary interview must produce no warnings: the fixtures annotated with nothing but relationships.
const dir = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const quiet = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .filter((f) => (JSON.parse(readFileSync(dir + f, 'utf8')) as { clues: Array<{ kind: string }> }).clues.every((c) => c.kind === 'relationship'))
  .map((f) => f.replace(/\.expected\.json$/, '.txt'));

describe('ordinary interviews stay quiet', () => {
  it('there are at least eight of them', () => assert.ok(quiet.length >= 8, quiet.join(', ')));
  for (const name of quiet) {
    it(`${name}: no clue at warning or above`, () => {
      const result = check({ file: name, text: readFileSync(dir + name, 'utf8') });
      assert.ok(result.ok);
      assert.deepEqual(
        result.clues.filter((c) => c.severity !== 'info').map((c) => `${c.line} ${c.rule} ${c.who}: ${c.message}`),
        [],
      );
    });
  }
});
