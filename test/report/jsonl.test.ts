import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { json } from '../../src/report/json.js';
import { jsonl } from '../../src/report/jsonl.js';
import type { FileResult } from '../../src/types.js';
import { clue, interview, missing, quiet } from './sample.js';

type OkResult = Extract<FileResult, { ok: true }>;

function records(output: string): unknown[] {
  assert.ok(output === '' || output.endsWith('\n'));
  return output
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as unknown);
}

describe('jsonl', () => {
  it('prints one clue per line by position, then an error line per unreadable file, in input order (golden)', () => {
    const output = jsonl([interview, missing, quiet]);
    const lines = output.split('\n');
    assert.equal(lines.length, 6);
    assert.equal(lines[5], '');
    assert.equal(
      lines[1],
      '{"rule":"relationship","kind":"relationship","severity":"info","file":"seeds/interview.txt","line":8,"column":24,"lines":[8],"who":"Steven","speaker":"TRACEY","message":"says the relationship is denied","evidence":[{"line":8,"column":24,"endLine":8,"endColumn":37,"text":"just a friend"}]}',
    );
    assert.equal(lines[4], '{"type":"error","file":"seeds/missing.txt","message":"no such file"}');
    assert.deepEqual(
      records(output).map((r) => {
        const record = r as { line?: number; column?: number; type?: string };
        return record.type ?? `${record.line}:${record.column}`;
      }),
      ['8:17', '8:24', '14:1', '14:24', 'error'],
    );
  });

  it('prints each clue exactly as --format json lists it', () => {
    const doc = JSON.parse(json([interview, quiet])) as { files: Array<{ clues: unknown[] }> };
    assert.deepEqual(
      records(jsonl([interview, quiet])),
      doc.files.flatMap((f) => f.clues),
    );
  });

  it('prints nothing for no clues', () => {
    assert.equal(jsonl([]), '');
    assert.equal(jsonl([quiet]), '');
  });

  it('keeps hostile text on its own line: every line parses, and its fields hold no control but the line feed', () => {
    const text = 'said\n{"type":"error"}\r\n\u2028\u2029 | <script> %0A \u001b[2J';
    const hostile: FileResult = {
      ...(quiet as OkResult),
      clues: [
        clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: text, message: text, evidence: [{ line: 1, column: 1, text }], confidence: 0.5 }),
      ],
    };
    const output = jsonl([hostile, { file: 'x\n.txt', ok: false, error: text }]);
    assert.equal(output.split('\n').length, 3);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(output));
    const [clueRecord, errorRecord] = records(output) as Array<Record<string, unknown>>;
    const shown = 'said\n{"type":"error"}\\r\nU+2028U+2029 | <script> %0A \\x1b[2J';
    assert.equal(clueRecord!.who, shown);
    assert.equal(clueRecord!.message, shown);
    assert.equal(clueRecord!.confidence, 0.5);
    assert.deepEqual(errorRecord, { type: 'error', file: 'x\n.txt', message: shown });
  });
});
