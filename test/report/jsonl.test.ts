import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { json } from '../../src/report/json.js';
import { jsonl, jsonlEnd, jsonlFile, jsonlStart } from '../../src/report/jsonl.js';
import { mergeOutputs, readShardOutput } from '../../src/cli/merge.js';
import type { FileResult } from '../../src/types.js';
import { clue, interview, missing, quiet } from './sample.js';

type OkResult = Extract<FileResult, { ok: true }>;

function records(output: string): Array<Record<string, unknown>> {
  assert.ok(output.endsWith('\n'));
  return output
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('jsonl', () => {
  it('prints a run line, a line per file in input order (an error line for an unreadable one), and an end line', () => {
    const lines = records(jsonl([interview, missing, quiet]));
    assert.deepEqual(
      lines.map((l) => [l['type'], l['file'] ?? '']),
      [['run', ''], ['file', 'seeds/interview.txt'], ['error', 'seeds/missing.txt'], ['file', 'seeds/quiet.txt'], ['end', '']],
    );
    assert.deepEqual(lines[0], { type: 'run', tool: 'transcript-clues', version: 2, toolVersion: lines[0]!['toolVersion'] });
    assert.deepEqual(lines[2], { type: 'error', file: 'seeds/missing.txt', message: 'no such file' });
    assert.deepEqual(lines[4], { type: 'end', files: 3 });
  });

  it('records the shard and whether names are redacted in the run line', () => {
    const [run] = records(jsonlStart({ shard: { index: 1, count: 4 }, redact: true }));
    assert.deepEqual(run!['shard'], { index: 1, count: 4 });
    assert.equal(run!['redacted'], true);
  });

  it("lists a file's clues by position, as --format json does, with what a merge needs to show them in any format", () => {
    const [line] = records(jsonlFile(interview));
    const doc = JSON.parse(json([interview])) as { files: Array<{ clues: Array<{ line: number; column: number; message: string }> }> };
    const clues = line!['clues'] as Array<{ line: number; column: number; message: string; data: unknown; messageId: string }>;
    assert.deepEqual(
      clues.map((c) => [c.line, c.column, c.message]),
      doc.files[0]!.clues.map((c) => [c.line, c.column, c.message]),
    );
    assert.ok(clues.every((c) => typeof c.messageId === 'string' && typeof c.data === 'object'), 'redaction renders messages again from these');
    assert.deepEqual((line!['people'] as Array<{ mentions: unknown[] }>)[0]!.mentions.length, (interview as OkResult).people[0]!.mentions.length);
  });

  it('reads back into the same results (what clues merge relies on)', () => {
    const output = jsonl([interview, missing, quiet]);
    const merged = mergeOutputs([readShardOutput('a.jsonl', output)]);
    assert.equal(merged.kind, 'jsonl');
    const sorted = (r: FileResult) => (r.ok ? { ...r, clues: [...r.clues].sort((a, b) => a.line - b.line || a.column - b.column) } : r);
    assert.deepEqual(merged.kind === 'jsonl' && merged.results, [interview, missing, quiet].map(sorted));
  });

  it('a reader can tell a cut-off output: no end line, or an end line that counts other than the lines', () => {
    const whole = jsonl([interview, quiet]);
    const cut = whole.split('\n').slice(0, 2).join('\n');
    assert.throws(() => readShardOutput('cut.jsonl', cut), /cut\.jsonl: ends before its last line/);
    const miscounted = jsonlStart() + jsonlFile(quiet) + jsonlEnd(2);
    assert.throws(() => readShardOutput('x.jsonl', miscounted), /counts 2 files, but 1 are there/);
    const bad = jsonlStart() + '{"type":"file","file":"a.txt"}\n' + jsonlEnd(1);
    assert.throws(() => readShardOutput('bad.jsonl', bad), /bad\.jsonl: line 2: .*must have required property/);
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
    assert.equal(output.split('\n').length, 5);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(output));
    const [, fileRecord, errorRecord] = records(output);
    const shown = 'said\n{"type":"error"}\\r\nU+2028U+2029 | <script> %0A \\x1b[2J';
    const [c] = fileRecord!['clues'] as Array<Record<string, unknown>>;
    assert.equal(c!['who'], shown);
    assert.equal(c!['message'], shown);
    assert.equal(c!['confidence'], 0.5);
    assert.deepEqual(errorRecord, { type: 'error', file: 'x\n.txt', message: shown });
  });
});
