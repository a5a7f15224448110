/** Position checks shared by the format parsers' tests: every word must map back to where it is written. */
import assert from 'node:assert/strict';
import { positionAt } from '../../src/position.js';
import type { Utterance } from '../../src/types.js';

/** The 1-based line and column of the `nth` (0-based) occurrence of `needle` in `text`. */
export function locate(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) not in text`);
  }
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

/** Asserts that `word` in the utterance text maps to where `needle` (default: the word) is written. */
export function assertAt(utterance: Utterance, text: string, word: string, needle = word, nth = 0): void {
  const offset = utterance.text.indexOf(word);
  assert.notEqual(offset, -1, `"${word}" not in "${utterance.text}"`);
  assert.deepEqual(positionAt(utterance, offset), locate(text, needle, nth), `position of "${word}"`);
}

/**
 * Every letter of every word maps to that same letter in the file (codes inside a word, like `j(e)` or `m:hm`,
 * split it across segments, so letters are checked one by one); returns how many words were checked.
 */
export function assertWordsMapBack(utterances: Utterance[], text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let words = 0;
  for (const utterance of utterances) {
    for (const match of utterance.text.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
      for (let i = 0; i < match[0].length; i += 1) {
        const { line, column } = positionAt(utterance, match.index + i);
        const found = (lines[line - 1] ?? '')[column - 1];
        assert.equal(found, match[0][i], `utterance ${utterance.index} "${match[0]}" letter ${i} at ${line}:${column}`);
      }
      words += 1;
    }
  }
  return words;
}
