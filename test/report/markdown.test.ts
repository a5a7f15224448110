import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escape, markdown } from '../../src/report/markdown.js';
import type { FileResult } from '../../src/types.js';
import { clue, interview, missing, quiet } from './sample.js';

type OkResult = Extract<FileResult, { ok: true }>;

/** The `|` that separate cells: those not escaped by an odd run of backslashes. */
function cellBreaks(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && row[j] === '\\'; j -= 1) slashes += 1;
    if (slashes % 2 === 0) count += 1;
  }
  return count;
}

describe('markdown', () => {
  it('renders a heading, a summary and a table per transcript (golden)', () => {
    const expected = [
      '# Transcript clues',
      '',
      '**4 clues** (1 error, 2 warnings, 1 info) in 2 files; 1 file could not be read.',
      '',
      '## seeds/interview.txt',
      '',
      'Speakers: SW interviewer · TRACEY interviewee',
      '',
      '| Line | Severity | Rule | Who | What | Quote |',
      '|---:|---|---|---|---|---|',
      "| [8](seeds/interview.txt#L8) | warning | unexplained-adult | Steven | adult in the home whose role in the child's life is never established | \"And there's Steven.\" (8:17)<br>\"Steven came round\" (14:1) |",
      '| [8](seeds/interview.txt#L8) | info | relationship | Steven | says the relationship is denied | "just a friend" (8:24) |',
      "| [14](seeds/interview.txt#L14) | error | contradiction | Steven | denies a relationship (line 8) but describes romantic detail (line 14) | \"just a friend\" (8:24)<br>\"a Valentine's dinner here at mine\" (14:24) |",
      "| [14](seeds/interview.txt#L14) | warning | relationship | Steven | romantic detail implies a relationship | \"a Valentine's dinner here at mine\" (14:24) |",
      '',
      '## seeds/quiet.txt',
      '',
      'Speakers: Q interviewer · A interviewee',
      '',
      'No clues.',
      '',
      '## Could not be read',
      '',
      '- seeds/missing.txt: no such file',
      '',
    ];
    assert.deepEqual(markdown([interview, missing, quiet]).split('\n'), expected);
  });

  it('counts every severity, and the counts add up to the total', () => {
    assert.match(markdown([quiet]), /^\*\*0 clues\*\* \(0 errors, 0 warnings, 0 info\) in 1 file\.$/m);
    assert.match(markdown([]), /^\*\*0 clues\*\* \(0 errors, 0 warnings, 0 info\) in 0 files\.$/m);
    const summary = /^\*\*(\d+) clues?\*\* \((\d+) errors?, (\d+) warnings?, (\d+) info\)/m.exec(markdown([interview, interview]));
    assert.ok(summary);
    const [total, ...counts] = summary.slice(1).map(Number);
    assert.equal(total, 8);
    assert.equal(counts.reduce((a, b) => a + b, 0), total);
  });

  it('does not link paragraph numbers, says what they are, and shows cue times', () => {
    const docx: FileResult = {
      ...(quiet as OkResult),
      file: 'statement.docx',
      lineUnit: 'paragraph',
      clues: [
        clue({
          kind: 'relationship',
          severity: 'info',
          file: 'statement.docx',
          line: 3,
          column: 1,
          message: 'boyfriend stated',
          evidence: [{ line: 3, column: 1, text: 'my boyfriend', time: '00:05:15' }],
        }),
      ],
    };
    const output = markdown([docx]);
    assert.ok(output.includes('Line numbers are paragraphs.'));
    assert.ok(output.includes('| 3 | info | relationship | Steven | boyfriend stated | "my boyfriend" (3:1, 00:05:15) |'), output);
  });

  it('percent-encodes the link to a file whose name has spaces or brackets', () => {
    const odd: FileResult = {
      ...(quiet as OkResult),
      file: 'case files/visit (2).txt',
      clues: [clue({ kind: 'relationship', severity: 'info', line: 3, column: 1 })],
    };
    assert.ok(markdown([odd]).includes('| [3](case%20files/visit%20%282%29.txt#L3) |'));
  });

  it('escapes pipes, backticks, HTML, Markdown and line breaks so a transcript cannot inject markup', () => {
    assert.equal(escape('a|b'), 'a\\|b');
    assert.equal(escape('`code`'), '\\`code\\`');
    assert.equal(escape('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(escape('Tom & Jerry &lt;'), 'Tom &amp; Jerry &amp;lt;');
    assert.equal(escape('one\ntwo\r\nthree\rfour\u2028five'), 'one two three four five');
    assert.equal(escape('[click](http://x) ![img](http://y)'), '\\[click\\](http&#8203;://x) !\\[img\\](http&#8203;://y)');
    assert.equal(escape('**bold** _it_ ~~gone~~ \\|'), '\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\\\\\|');
    assert.equal(escape('50% \u001b[2J'), '50% \\\\x1b\\[2J');
  });

  it('keeps a hostile who, message and quote inside their cells (golden row)', () => {
    const hostile: FileResult = {
      ...(quiet as OkResult),
      file: 'evil_<b>.txt',
      speakers: [{ label: 'SW|x', role: 'interviewer', source: 'inferred', utterances: 1, questions: 1 }],
      clues: [
        clue({
          kind: 'unexplained-adult',
          severity: 'warning',
          file: 'evil_<b>.txt',
          line: 2,
          column: 1,
          who: '<script>alert(1)</script>',
          message: 'said | `rm` 100%\n## Heading\n[x](javascript:alert(1))',
          evidence: [{ line: 2, column: 1, text: 'a|b\r\n<img src=x onerror=alert(1)>' }],
        }),
      ],
    };
    const output = markdown([hostile]);
    const rows = output.split('\n').filter((line) => line.startsWith('| ['));
    assert.deepEqual(rows, [
      '| [2](evil_%3Cb%3E.txt#L2) | warning | unexplained-adult | &lt;script&gt;alert(1)&lt;/script&gt; | said \\| \\`rm\\` 100% ## Heading \\[x\\](javascript:alert(1)) | "a\\|b &lt;img src=x onerror=alert(1)&gt;" (2:1) |',
    ]);
    assert.equal(cellBreaks(rows[0]!), 7);
    assert.ok(output.includes('## evil\\_&lt;b&gt;.txt\n'));
    assert.ok(output.includes('Speakers: SW\\|x interviewer'));
    assert.ok(!/<(?!br>)/.test(output), 'no HTML but our own <br>');
    assert.ok(!/^#{1,6} (?!Transcript clues$|evil|Could not)/m.test(output), 'no heading from the transcript');
  });

  it('breaks every mention, issue reference and bare link GitHub would make, with a zero-width space', () => {
    // `@name` notifies that GitHub user; `#12` and `GH-12` link issues; URLs, `www.` and emails become links.
    // Backslashes and `&#64;` / `&#35;` do not stop GitHub, which links after rendering (github/cmark-gfm#181).
    const cases: Array<[string, string]> = [
      ['ask @kayleigh-b about it', 'ask @&#8203;kayleigh-b about it'],
      ['@dave, @Org/team and @@x', '@&#8203;dave, @&#8203;Org/team and @&#8203;@&#8203;x'],
      ['see #123, room#4 and GH-56', 'see #&#8203;123, room#&#8203;4 and GH-&#8203;56'],
      ['owner/repo#7 and gh-8', 'owner/repo#&#8203;7 and gh-&#8203;8'],
      ['mail tom@example.com', 'mail tom@&#8203;example.com'],
      ['go to https://evil.example/x or HTTP://A.B', 'go to https&#8203;://evil.example/x or HTTP&#8203;://A.B'],
      ['ftp://host and www.example.com and WWW.EXAMPLE.COM', 'ftp&#8203;://host and www&#8203;.example.com and WWW&#8203;.EXAMPLE.COM'],
      ['#hashtag, # 5, C#, 50% & a www', '#hashtag, # 5, C#, 50% &amp; a www'],
      ['&#64;dave and &#35;12', '&amp;#&#8203;64;dave and &amp;#&#8203;35;12'],
    ];
    for (const [text, expected] of cases) assert.equal(escape(text), expected, text);
  });

  it('leaves nothing for GitHub to link or mention in any cell, heading or list item (golden row)', () => {
    const hostile: FileResult = {
      ...(quiet as OkResult),
      file: 'visit @mum #2.txt',
      speakers: [{ label: '@SW', role: 'interviewer', source: 'inferred', utterances: 1, questions: 1 }],
      clues: [
        clue({
          kind: 'unexplained-adult',
          severity: 'warning',
          file: 'visit @mum #2.txt',
          line: 2,
          column: 1,
          who: '@dazza',
          speaker: '@SW',
          message: 'see #4 and www.x.org',
          evidence: [{ line: 2, column: 1, text: 'ask @dazza on https://x.org/#5', time: '00:01:02' }],
        }),
      ],
    };
    const output = markdown([hostile, { file: '@kid #9.txt', ok: false, error: '@kid #9.txt: not UTF-8' }]);
    assert.deepEqual(output.split('\n').filter((line) => /^(## |Speakers|\| \[|- )/.test(line)), [
      '## visit @&#8203;mum #&#8203;2.txt',
      'Speakers: @&#8203;SW interviewer',
      '| [2](visit%20%40mum%20%232.txt#L2) | warning | unexplained-adult | @&#8203;dazza | see #&#8203;4 and www&#8203;.x.org | "ask @&#8203;dazza on https&#8203;://x.org/#&#8203;5" (2:1, 00:01:02) |',
      '## Could not be read',
      '- @&#8203;kid #&#8203;9.txt: not UTF-8',
    ]);
    // Outside our own link targets, every `@`, `#` before a digit, `://` and `www.` is broken.
    const text = output.replace(/\]\([^)]*\)/g, '](…)').replace(/&#8203;/g, '\u200b');
    assert.doesNotMatch(text, /@(?!\u200b)|#(?=\d)|[a-z](?=:\/\/)|www\./i);
  });

  it('escapes the error of an unreadable file', () => {
    const output = markdown([{ file: 'a|b.txt', ok: false, error: 'a|b.txt: not UTF-8 <b>' }]);
    assert.ok(output.endsWith('## Could not be read\n\n- a\\|b.txt: not UTF-8 &lt;b&gt;\n'), output);
  });

  it('does not mutate the clues it sorts', () => {
    const before = (interview as OkResult).clues.map((c) => `${c.line}:${c.column}`);
    markdown([interview]);
    assert.deepEqual((interview as OkResult).clues.map((c) => `${c.line}:${c.column}`), before);
  });
});
