/** Fuzz: the whole pipeline (parse, analyse, detect, every report format) on generated transcripts of every input format. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { reporters } from '../../src/report/index.js';
import { check } from '../../src/cli/run.js';
import { INPUT_FORMATS } from '../../src/read/detect-format.js';
import type { FileResult } from '../../src/types.js';
import { settings, sourceFor, textFor } from './arbitraries.js';

const SCHEMA = new URL('../../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url);
const validateSarif = existsSync(SCHEMA)
  ? (() => {
      const ajv = new Ajv({ allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
      return (log: unknown) => assert.ok(validate(log), ajv.errorsText(validate.errors));
    })()
  : undefined;

/** Each clue's and each quote's position lies in the file, and the quote's first word is written there. */
function assertPositions(result: FileResult, text: string): void {
  if (!result.ok) return;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const clue of result.clues) {
    assert.ok(clue.line >= 1 && clue.line <= lines.length && clue.column >= 1, `${clue.rule} at ${clue.line}:${clue.column}`);
    for (const e of clue.evidence) {
      const line = lines[e.line - 1];
      assert.ok(line !== undefined && e.column >= 1 && e.column <= line.length + 1, `${clue.rule} evidence at ${e.line}:${e.column}`);
      const first = /[\p{L}\p{N}]+/u.exec(e.text)?.[0];
      if (first !== undefined) assert.ok(line.slice(e.column - 1).includes(first), `"${first}" of "${e.text}" not at ${e.line}:${e.column} in "${line}"`);
    }
  }
}

describe('fuzz: the whole pipeline', () => {
  for (const format of INPUT_FORMATS) {
    it(`${format}: no crash; positions true; json, jsonl, sarif valid; summary counts the clues`, () => {
      fc.assert(
        fc.property(textFor[format], (text) => {
          const file = `fuzz.${format === 'docx' ? 'txt' : format}`;
          const result = check(sourceFor(file, text, format));
          if (!result.ok) assert.ok(result.error.startsWith(`${file}:`), result.error);
          assertPositions(result, text);
          const clues = result.ok ? result.clues.length : 0;
          const json = JSON.parse(reporters.json([result])) as { files: Array<{ clues?: unknown[] }> };
          assert.equal(json.files[0]?.clues?.length ?? 0, clues);
          // The Markdown summary line's counts equal the clues listed, in total and by severity.
          const markdown = reporters.markdown([result]);
          const line = /^\*\*(\d+) clues?\*\*(?: \(([^)]*)\))?/m.exec(markdown);
          if (line) {
            assert.equal(Number(line[1]), clues, line[0]);
            for (const [, n, severity] of (line[2] ?? '').matchAll(/(\d+) (error|warning|info)/g)) {
              assert.equal(Number(n), result.ok ? result.clues.filter((c) => c.severity === severity).length : 0, line[0]);
            }
          } else assert.equal(clues, 0, markdown.slice(0, 200));
          const jsonl = reporters.jsonl([result]);
          for (const line of jsonl.split('\n').filter((l) => l !== '')) assert.equal(typeof JSON.parse(line), 'object');
          const sarif = JSON.parse(reporters.sarif([result])) as { runs: Array<{ results: unknown[] }> };
          assert.equal(sarif.runs[0]!.results.length, clues);
          validateSarif?.(sarif);
          for (const name of ['terminal', 'github'] as const) assert.equal(typeof reporters[name]([result], { color: false }), 'string');
        }),
        settings(100),
      );
    });
  }
});
