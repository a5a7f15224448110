import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { data, github, property } from '../../src/report/github.js';
import type { FileResult } from '../../src/types.js';
import { redact } from '../../src/finish/redact.js';
import { check } from '../../src/cli/run.js';
import { clue, continued, interview, missing, quiet } from './sample.js';

type OkResult = Extract<FileResult, { ok: true }>;

/** Reads a workflow command back the way the Actions runner does: the command, its properties, its message. */
function read(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(match, line);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    assert.ok(at > 0, pair);
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { command: match[1]!, properties, message: unescapeData(match[3]!) };
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

describe('github', () => {
  it('writes one annotation per clue by position and an error per unreadable file (golden)', () => {
    assert.equal(
      github([interview, missing, quiet]),
      [
        "::warning file=seeds/interview.txt,line=8,col=17,endColumn=36,title=unexplained-adult%3A Steven::adult in the home whose role in the child's life is never established",
        '::notice file=seeds/interview.txt,line=8,col=24,endColumn=37,title=relationship%3A Steven::says the relationship is denied',
        '::error file=seeds/interview.txt,line=14,col=1,endColumn=57,title=contradiction%3A Steven::denies a relationship (line 8) but describes romantic detail (line 14)',
        '::warning file=seeds/interview.txt,line=14,col=24,endColumn=57,title=relationship%3A Steven::romantic detail implies a relationship',
        '::error file=seeds/missing.txt::no such file',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to annotate', () => {
    assert.equal(github([]), '');
    assert.equal(github([quiet]), '');
  });

  it('leaves out endColumn when no quoted words are on the clue line, and the who when there is none', () => {
    const bare: FileResult = {
      ...(quiet as OkResult),
      clues: [clue({ kind: 'missed-follow-up', severity: 'warning', file: 'seeds/quiet.txt', line: 5, column: 3, who: '', message: 'never asked' })],
    };
    assert.equal(github([bare]), '::warning file=seeds/quiet.txt,line=5,col=3,title=missed-follow-up::never asked\n');
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    assert.equal(data('50% sure\r\nnext'), '50%25 sure%0D%0Anext');
    assert.equal(data('a::b, c:d'), 'a::b, c:d');
    assert.equal(property('50% sure\r\nnext'), '50%25 sure%0D%0Anext');
    assert.equal(property('a::b, c:d'), 'a%3A%3Ab%2C c%3Ad');
    assert.equal(data('%0A'), '%250A');
  });

  it('keeps hostile transcript text inside one command that reads back to the same words', () => {
    const who = 'Dee, 100%\n::warning file=x.txt::pwned';
    const message = 'said "50% <script>alert(1)</script> | a::b"\r\n::error::injected\n::stop-commands::token';
    const file = 'case, 1: visit.txt';
    const hostile: FileResult = {
      ...(quiet as OkResult),
      file,
      clues: [
        clue({
          kind: 'relationship',
          severity: 'info',
          file,
          line: 2,
          column: 4,
          who,
          message,
          evidence: [{ line: 2, column: 4, endLine: 2, endColumn: 12, text: 'my fella' }],
        }),
      ],
    };
    const output = github([hostile, { file: 'bad:,%.txt', ok: false, error: 'bad:,%.txt: not UTF-8\nat all' }]);
    const lines = output.trimEnd().split('\n');
    assert.equal(lines.length, 2, output);
    const annotation = read(lines[0]!);
    assert.deepEqual(annotation, {
      command: 'notice',
      properties: { file, line: '2', col: '4', endColumn: '12', title: `relationship: ${who}` },
      message,
    });
    assert.deepEqual(read(lines[1]!), { command: 'error', properties: { file: 'bad:,%.txt' }, message: 'bad:,%.txt: not UTF-8\nat all' });
    // The only `::` before the message is the command's own.
    for (const line of lines) assert.equal(line.slice(2).split('::')[0]!.includes(':'), false, line);
  });

  it('shows control characters instead of sending them to the log', () => {
    const hostile: FileResult = {
      ...(quiet as OkResult),
      clues: [clue({ kind: 'relationship', severity: 'info', line: 1, column: 1, who: 'Ste\u001b[2Jven', message: 'named \u202eevil\u0007' })],
    };
    const output = github([hostile]);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(output));
    assert.match(output, /title=relationship%3A Ste\\x1b\[2Jven::named U\+202Eevil\\x07\n$/);
  });
});

describe('github: where an annotation ends', () => {
  it('gives words that run onto the next line an endLine and no columns, which GitHub takes only on one line', () => {
    const lines = github([check(continued)]).trimEnd().split('\n').map(read);
    const denial = lines.find((a) => a.properties.title === 'relationship: Steven');
    assert.deepEqual(denial?.properties, { file: 'continued.txt', line: '2', endLine: '3', title: 'relationship: Steven' });
    for (const { properties } of lines) {
      if (properties.endLine === undefined) assert.ok(Number(properties.endColumn) <= continued.text.split('\n')[Number(properties.line) - 1]!.length + 1);
      else assert.equal(properties.col, undefined);
    }
  });

  it('ends words on one line at the column after their last character', () => {
    const lines = github([check(continued)]).trimEnd().split('\n').map(read);
    const adult = lines.find((a) => a.properties.title === 'unexplained-adult: Steven');
    assert.deepEqual(adult?.properties, { file: 'continued.txt', line: '2', col: '9', endColumn: '15', title: 'unexplained-adult: Steven' });
  });

  it('keeps ends at the words in the file when --redact changes their length', () => {
    const [redacted] = redact([check(continued)]);
    const adult = github([redacted!]).trimEnd().split('\n').map(read).find((a) => a.properties.title?.startsWith('unexplained-adult'));
    assert.equal(adult?.properties.title, 'unexplained-adult: Person A');
    assert.deepEqual([adult?.properties.col, adult?.properties.endColumn], ['9', '15']);
  });

  it('leaves out the end of evidence that records none', () => {
    const bare: FileResult = {
      ...(quiet as OkResult),
      clues: [clue({ kind: 'relationship', severity: 'info', line: 2, column: 4, evidence: [{ line: 2, column: 4, text: 'my fella' }] })],
    };
    assert.equal(github([bare]), '::notice file=seeds/interview.txt,line=2,col=4,title=relationship%3A Steven::something\n');
  });
});
