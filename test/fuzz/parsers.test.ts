/** Fuzz: every input parser, on transcript-shaped text and noise, returns utterances whose words map back, or the tool's own InputError. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { parse } from '../../src/parse/index.js';
import { INPUT_FORMATS } from '../../src/read/detect-format.js';
import { assertWordsMapBack } from '../formats/positions.js';
import { settings, sourceFor, textFor } from './arbitraries.js';

describe('fuzz: parsers', () => {
  for (const format of INPUT_FORMATS) {
    it(`${format}: no exception but InputError; every word maps back to the file`, () => {
      let parsed = 0;
      fc.assert(
        fc.property(textFor[format], (text) => {
          const file = `fuzz.${format}`;
          let transcript;
          try {
            transcript = parse(sourceFor(file, text, format));
          } catch (error) {
            assert.ok(error instanceof InputError, `not an InputError: ${String((error as Error)?.stack ?? error)}`);
            assert.ok(error.message.startsWith(`${file}:`), error.message);
            return;
          }
          parsed += 1;
          if (format !== 'json') assertWordsMapBack(transcript.utterances, text);
          for (const u of transcript.utterances) assert.ok(u.line >= 1 && u.column >= 1, `${u.line}:${u.column}`);
        }),
        settings(400),
      );
      assert.ok(parsed > 0, 'every case was rejected: the generator does not reach the parser');
    });
  }
});
