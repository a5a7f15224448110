import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../../src/cli/run.js';

// Real third-party transcripts live beside the checkout, not in it; a clone elsewhere skips these tests.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/court/', import.meta.url));
const present = existsSync(corpus);
const skip = present ? false : `../shared/corpus/court not found beside the checkout (${corpus}); real-transcript checks skipped`;

describe('real court transcripts from ../shared/corpus', { skip }, () => {
  const files = present ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort() : [];
  for (const name of files) {
    it(`${name}: parses, points every quote at its words, and stays quiet enough to read`, () => {
      const text = readFileSync(corpus + name, 'utf8');
      const result = check({ file: name, text });
      assert.ok(result.ok, result.ok ? '' : result.error);
      const lines = text.split('\n');
      for (const clue of result.clues) {
        for (const e of clue.evidence) {
          const at = lines[e.line - 1]!.slice(e.column - 1);
          assert.ok(at.startsWith(e.text.split(/\s+/)[0]!), `${name}:${e.line}:${e.column} does not start with "${e.text}"`);
        }
      }
      // A reviewer can read one clue per hundred lines of a day in court; more is noise.
      assert.ok(result.clues.length <= lines.length / 100, `${result.clues.length} clues for ${lines.length} lines`);
      const answering = result.speakers.filter((s) => s.role === 'interviewee').map((s) => s.label);
      assert.ok(answering.includes('A'), 'A answers');
      assert.deepEqual(answering.filter((l) => l !== 'A' && l !== 'THE WITNESS'), [], 'in a Q/A record only the witness answers');
    });
  }
});
