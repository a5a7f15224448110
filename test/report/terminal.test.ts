import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminal } from '../../src/report/terminal.js';
import type { FileResult } from '../../src/types.js';
import { clue, interview, missing, quiet } from './sample.js';

const plain = { color: false };
const ESC = '\u001b';

function summaryOf(output: string): string {
  const lines = output.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

function withClues(clues: ReturnType<typeof clue>[]): FileResult {
  return { ...quiet, file: 'seeds/some.txt', clues } as FileResult;
}

describe('terminal', () => {
  it('lays out a file, its speakers, people and sorted clues (golden, colour off)', () => {
    const expected = [
      'seeds/interview.txt',
      '  speakers: SW interviewer (inferred: asked 9 questions) · TRACEY interviewee',
      '  people: Steven (friend), his brother, mum',
      "  8:17    warning  unexplained-adult  Steven: adult in the home whose role in the child's life is never established",
      '          8:17 "And there\'s Steven."  14:1 "Steven came round"',
      '  8:24    info     relationship       Steven: says the relationship is denied',
      '          8:24 "just a friend"',
      '  14:1    error    contradiction      Steven: denies a relationship (line 8) but describes romantic detail (line 14)',
      '          8:24 "just a friend"  14:24 "a Valentine\'s dinner here at mine"',
      '  14:24   warning  relationship       Steven: romantic detail implies a relationship',
      '          14:24 "a Valentine\'s dinner here at mine"',
      '',
      '✖ 4 clues (1 error, 2 warnings, 1 info) in 1 file',
      '',
    ];
    assert.deepEqual(terminal([interview], plain).split('\n'), expected);
  });

  it('prints quiet files, skips failed ones and counts both in the summary (golden)', () => {
    const expected = [
      'seeds/interview.txt',
      '  speakers: SW interviewer (inferred: asked 9 questions) · TRACEY interviewee',
      '  people: Steven (friend), his brother, mum',
      "  8:17    warning  unexplained-adult  Steven: adult in the home whose role in the child's life is never established",
      '          8:17 "And there\'s Steven."  14:1 "Steven came round"',
      '  8:24    info     relationship       Steven: says the relationship is denied',
      '          8:24 "just a friend"',
      '  14:1    error    contradiction      Steven: denies a relationship (line 8) but describes romantic detail (line 14)',
      '          8:24 "just a friend"  14:24 "a Valentine\'s dinner here at mine"',
      '  14:24   warning  relationship       Steven: romantic detail implies a relationship',
      '          14:24 "a Valentine\'s dinner here at mine"',
      '',
      'seeds/quiet.txt',
      '  speakers: Q interviewer (option) · A interviewee',
      '  no clues',
      '',
      '✖ 4 clues (1 error, 2 warnings, 1 info) in 2 files, 1 file could not be read',
      '',
    ];
    assert.deepEqual(terminal([interview, missing, quiet], plain).split('\n'), expected);
  });

  it('does not mutate the clues it sorts', () => {
    const before = (interview.ok ? interview.clues : []).map((c) => `${c.line}:${c.column}`);
    terminal([interview], plain);
    assert.deepEqual((interview.ok ? interview.clues : []).map((c) => `${c.line}:${c.column}`), before);
  });

  it('colours when asked and never otherwise', () => {
    const coloured = terminal([interview, missing, quiet], { color: true });
    assert.match(coloured, /\u001b\[31merror/);
    assert.match(coloured, /\u001b\[33mwarning/);
    assert.match(coloured, /\u001b\[34minfo/);
    assert.match(coloured, /\u001b\[4mseeds\/interview\.txt/);
    assert.ok(!terminal([interview, missing, quiet], plain).includes(ESC));
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), terminal([interview, missing, quiet], plain));
  });

  it('neutralises control characters from the transcript', () => {
    const hostile: FileResult = {
      file: 'seeds/\u001b[2Jevil.txt',
      ok: true,
      speakers: [{ label: 'SW\u0007', role: 'interviewer', source: 'inferred', utterances: 1, questions: 1 }],
      people: [{ id: 1, name: 'Ste\u009bven', aliases: [], personClass: 'unknown', roles: ['\u202efriend'], mentions: [] }],
      clues: [
        clue({
          kind: 'unexplained-adult',
          severity: 'warning',
          line: 3,
          column: 1,
          who: 'Ste\u009bven',
          message: 'named \u001b]0;pwned\u0007 but never explained',
          evidence: [{ line: 3, column: 1, text: 'I said\r\n\u001b[31mnothing\u001b[0m\tat all' }],
        }),
      ],
    };
    for (const color of [false, true]) {
      const output = terminal([hostile], { color });
      const withoutChalk = output.replace(/\u001b\[\d+m/g, '');
      assert.ok(!withoutChalk.includes(ESC), 'no raw ESC besides chalk');
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/.test(withoutChalk), 'no raw controls');
      assert.ok(withoutChalk.includes('seeds/\\x1b[2Jevil.txt'));
      assert.ok(withoutChalk.includes('SW\\x07 interviewer'));
      assert.ok(withoutChalk.includes('Ste\\x9bven (U+202Efriend)'));
      assert.ok(withoutChalk.includes('Ste\\x9bven: named \\x1b]0;pwned\\x07 but never explained'));
      assert.ok(withoutChalk.includes('"I said\\r\\n\\x1b[31mnothing\\x1b[0m\\tat all"'));
    }
  });

  it('truncates quoted evidence to 80 characters', () => {
    const long = 'a'.repeat(79) + 'bcdef';
    const output = terminal(
      [withClues([clue({ kind: 'relationship', severity: 'info', line: 2, column: 5, evidence: [{ line: 2, column: 5, text: long }] })])],
      plain,
    );
    assert.ok(output.includes(`2:5 "${'a'.repeat(79)}…"`));
    const exact = 'b'.repeat(80);
    const kept = terminal(
      [withClues([clue({ kind: 'relationship', severity: 'info', line: 2, column: 5, evidence: [{ line: 2, column: 5, text: exact }] })])],
      plain,
    );
    assert.ok(kept.includes(`"${exact}"`));
  });

  it('does not repeat who when the message already names them, and omits an empty evidence line', () => {
    const output = terminal(
      [withClues([clue({ kind: 'relationship', severity: 'info', line: 2, column: 5, message: 'Steven: just a friend' })])],
      plain,
    );
    assert.ok(output.includes('relationship  Steven: just a friend\n\n'));
  });

  it('says so when there are no clues', () => {
    assert.equal(summaryOf(terminal([quiet], plain)), '✔ no clues in 1 file');
    assert.equal(summaryOf(terminal([quiet, quiet], plain)), '✔ no clues in 2 files');
    assert.equal(summaryOf(terminal([], plain)), '✔ no clues in 0 files');
    assert.equal(summaryOf(terminal([quiet, missing, missing], plain)), '✖ no clues in 1 file, 2 files could not be read');
    assert.equal(terminal([missing], plain), '✖ no clues in 0 files, 1 file could not be read\n');
  });

  it('pluralises and counts only the severities present', () => {
    const one = clue({ kind: 'relationship', severity: 'warning', line: 1, column: 1 });
    const info = clue({ kind: 'relationship', severity: 'info', line: 2, column: 1 });
    const error = clue({ kind: 'contradiction', severity: 'error', line: 3, column: 1 });
    assert.equal(summaryOf(terminal([withClues([one])], plain)), '✖ 1 clue (1 warning) in 1 file');
    assert.equal(summaryOf(terminal([withClues([info, info])], plain)), '✖ 2 clues (2 info) in 1 file');
    assert.equal(
      summaryOf(terminal([withClues([error, error, one]), quiet], plain)),
      '✖ 3 clues (2 errors, 1 warning) in 2 files',
    );
  });

  it('says "asked 1 question" for a single question', () => {
    const file: FileResult = {
      ...quiet,
      ok: true,
      speakers: [{ label: 'SW', role: 'interviewer', source: 'inferred', utterances: 2, questions: 1 }],
    } as FileResult;
    assert.ok(terminal([file], plain).includes('speakers: SW interviewer (inferred: asked 1 question)\n'));
  });

  it('says the label made an interviewer who asked no question (lower-case speech-to-text has no question marks)', () => {
    const file: FileResult = {
      ...quiet,
      ok: true,
      speakers: [{ label: 'interviewer', role: 'interviewer', source: 'inferred', utterances: 4, questions: 0 }],
    } as FileResult;
    assert.ok(terminal([file], plain).includes('speakers: interviewer interviewer (inferred from the label)\n'));
  });

  it('summary counts add up to the clue lines listed', () => {
    const output = terminal([interview, quiet, interview], plain);
    const clueLines = output.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line));
    const match = /^✖ (\d+) clues \((\d+) errors?, (\d+) warnings?, (\d+) info\)/.exec(summaryOf(output));
    assert.ok(match);
    const [, total, errors, warnings, infos] = match.map(Number);
    assert.equal(total, clueLines.length);
    assert.equal((errors ?? 0) + (warnings ?? 0) + (infos ?? 0), total);
  });
});

describe('terminal: timed and paragraph-numbered transcripts', () => {
  it('shows each quote\'s timestamp after its position, and says when line numbers are paragraphs', () => {
    const timed: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      file: 'statement.docx',
      lineUnit: 'paragraph',
      clues: [
        clue({
          kind: 'relationship',
          severity: 'warning',
          line: 12,
          column: 14,
          message: 'relationship denied: "just a friend"',
          evidence: [
            { line: 12, column: 14, text: 'just a friend', time: '00:12:31' },
            { line: 13, column: 2, text: 'not in a relationship' },
          ],
        }),
      ],
    };
    const lines = terminal([timed], plain).split('\n');
    assert.equal(lines[0], 'statement.docx (line numbers are paragraphs)');
    assert.ok(lines.includes('          12:14 [00:12:31] "just a friend"  13:2 "not in a relationship"'), lines.join('\n'));
  });

  it('says nothing about line numbers for an ordinary file', () => {
    assert.equal(terminal([quiet], plain).split('\n')[0], quiet.file);
  });

  it('marks interviewers the file itself named', () => {
    const named: FileResult = {
      ...(quiet as Extract<FileResult, { ok: true }>),
      speakers: [
        { label: 'INV', role: 'interviewer', source: 'file', utterances: 3, questions: 3 },
        { label: 'MOT', role: 'interviewee', source: 'file', utterances: 3, questions: 0 },
      ],
    };
    assert.match(terminal([named], plain), /^ {2}speakers: INV interviewer \(named in the file\) · MOT interviewee$/m);
  });
});
