import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { json } from '../../src/report/json.js';
import type { FileResult } from '../../src/types.js';
import { check } from '../../src/cli/run.js';
import { clue, continued, interview, missing, quiet } from './sample.js';

const TOP_KEYS = ['version', 'files', 'errors'];
const FILE_KEYS = ['file', 'speakers', 'people', 'clues'];
const SPEAKER_KEYS = ['label', 'role'];
const PERSON_KEYS = ['name', 'aliases', 'class', 'roles', 'lines'];
const CLUE_KEYS = ['rule', 'kind', 'severity', 'file', 'line', 'column', 'lines', 'who', 'speaker', 'message', 'evidence'];
const EVIDENCE_KEYS = ['line', 'column', 'endLine', 'endColumn', 'text'];
const ERROR_KEYS = ['file', 'message'];

type Json = Record<string, unknown>;

function keys(value: unknown): string[] {
  return Object.keys(value as Json);
}

function list(value: unknown): Json[] {
  assert.ok(Array.isArray(value));
  return value as Json[];
}

describe('json', () => {
  const output = json([interview, missing, quiet]);
  const doc = JSON.parse(output) as Json;

  it('is two-space indented JSON with a trailing newline', () => {
    assert.ok(output.endsWith('}\n'));
    assert.ok(output.startsWith('{\n  "version": 1,\n  "files": [\n    {\n'));
  });

  it('has exactly the documented keys, in order, at every level', () => {
    assert.deepEqual(keys(doc), TOP_KEYS);
    assert.equal(doc.version, 1);
    const files = list(doc.files);
    assert.equal(files.length, 2);
    for (const file of files) {
      assert.deepEqual(keys(file), FILE_KEYS);
      for (const speaker of list(file.speakers)) assert.deepEqual(keys(speaker), SPEAKER_KEYS);
      for (const person of list(file.people)) assert.deepEqual(keys(person), PERSON_KEYS);
      for (const c of list(file.clues)) {
        assert.deepEqual(keys(c), CLUE_KEYS);
        for (const evidence of list(c.evidence)) assert.deepEqual(keys(evidence), EVIDENCE_KEYS);
      }
    }
    const errors = list(doc.errors);
    assert.deepEqual(errors, [{ file: 'seeds/missing.txt', message: 'no such file' }]);
    for (const error of errors) assert.deepEqual(keys(error), ERROR_KEYS);
  });

  it('reports people with their class and sorted unique mention lines', () => {
    const [file] = list(doc.files);
    assert.deepEqual(list(file?.people)[0], {
      name: 'Steven',
      aliases: ['he'],
      class: 'friend',
      roles: ['friend'],
      lines: [8, 14, 16],
    });
    assert.deepEqual(list(file?.speakers), [
      { label: 'SW', role: 'interviewer' },
      { label: 'TRACEY', role: 'interviewee' },
    ]);
  });

  it('lists clues by line then column with their evidence', () => {
    const [file] = list(doc.files);
    const clues = list(file?.clues);
    assert.deepEqual(
      clues.map((c) => `${c.line}:${c.column}`),
      ['8:17', '8:24', '14:1', '14:24'],
    );
    assert.deepEqual(clues[2], {
      rule: 'contradiction',
      kind: 'contradiction',
      severity: 'error',
      file: 'seeds/interview.txt',
      line: 14,
      column: 1,
      lines: [8, 14],
      who: 'Steven',
      speaker: 'TRACEY',
      message: 'denies a relationship (line 8) but describes romantic detail (line 14)',
      evidence: [
        { line: 8, column: 24, endLine: 8, endColumn: 37, text: 'just a friend' },
        { line: 14, column: 24, endLine: 14, endColumn: 57, text: "a Valentine's dinner here at mine" },
      ],
    });
  });

  it('drops internal fields such as speaker counts, person ids and gender', () => {
    assert.ok(!output.includes('"utterances"'));
    assert.ok(!output.includes('"questions"'));
    assert.ok(!output.includes('"gender"'));
    assert.ok(!output.includes('"id"'));
    assert.ok(!output.includes('"personClass"'));
  });

  it('shows control, bidi and separator characters in text fields, so a consumer that prints one prints no control', () => {
    const text = 'said \u001b[2J and \u009b31m and \u202eevil\u2028\nnext line';
    const file: FileResult = {
      ...quiet,
      ok: true,
      clues: [clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, evidence: [{ line: 1, column: 1, text }] })],
    } as FileResult;
    const out = json([file]);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028]/.test(out));
    const parsed = JSON.parse(out) as { files: Array<{ clues: Array<{ evidence: Array<{ text: string }> }> }> };
    // Decoded, the field holds only printable characters and the line feed JSON itself escapes.
    assert.equal(parsed.files[0]?.clues[0]?.evidence[0]?.text, 'said \\x1b[2J and \\x9b31m and U+202EevilU+2028\nnext line');
  });

  it('handles no results', () => {
    assert.equal(json([]), '{\n  "version": 1,\n  "files": [],\n  "errors": []\n}\n');
  });
});

describe('json: timestamps and paragraphs', () => {
  it('adds time to evidence only when it has one, and lineUnit only for paragraphs', () => {
    const timed: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      file: 'statement.docx',
      lineUnit: 'paragraph',
      clues: [
        clue({
          kind: 'relationship',
          severity: 'info',
          line: 1,
          column: 1,
          evidence: [
            { line: 1, column: 1, text: 'my boyfriend', time: '00:05:15' },
            { line: 2, column: 1, text: 'Ashley' },
          ],
        }),
      ],
    };
    const doc = JSON.parse(json([timed, quiet])) as { files: Array<Json & { clues: Array<{ evidence: Json[] }> }> };
    assert.deepEqual(keys(doc.files[0]), ['file', 'lineUnit', 'speakers', 'people', 'clues']);
    assert.equal(doc.files[0]!.lineUnit, 'paragraph');
    assert.deepEqual(keys(doc.files[1]), FILE_KEYS);
    assert.deepEqual(doc.files[0]!.clues[0]!.evidence, [
      { line: 1, column: 1, text: 'my boyfriend', time: '00:05:15' },
      { line: 2, column: 1, text: 'Ashley' },
    ]);
  });
});

describe('json: where quoted words end', () => {
  it('gives the end of words that run onto the next line on that line, one past the last character', () => {
    const doc = JSON.parse(json([check(continued)])) as { files: Array<{ clues: Array<{ rule: string; evidence: Json[] }> }> };
    const denial = doc.files[0]!.clues.find((c) => c.rule === 'relationship');
    assert.deepEqual(denial?.evidence, [{ line: 2, column: 47, endLine: 3, endColumn: 9, text: 'just a friend' }]);
    const line3 = continued.text.split('\n')[2]!;
    assert.equal(line3.slice(0, 9 - 1), 'a friend');
  });

  it('leaves the end out, as version 1 always did, for evidence that records none', () => {
    const bare = clue({ kind: 'relationship', severity: 'info', line: 2, column: 1, evidence: [{ line: 2, column: 1, text: 'my fella' }] });
    const doc = JSON.parse(json([{ ...(quiet as Extract<FileResult, { ok: true }>), clues: [bare] }])) as { files: Array<{ clues: Array<{ evidence: Json[] }> }> };
    assert.deepEqual(doc.files[0]!.clues[0]!.evidence, [{ line: 2, column: 1, text: 'my fella' }]);
  });
});
