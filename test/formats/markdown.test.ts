import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { parsePlain } from '../../src/formats/plain.js';
import { positionAt } from '../../src/position.js';
import type { Utterance } from '../../src/types.js';
import { assertAt, assertWordsMapBack, locate } from './positions.js';

function md(text: string, file = 'notes.md'): Utterance[] {
  return parseMarkdown({ file, text }).utterances;
}

describe('parseMarkdown: speaker labels', () => {
  const labels: Array<[line: string, speaker: string, time?: string]> = [
    ['**SW:** Who is Dean?', 'SW'],
    ['**SW**: Who is Dean?', 'SW'],
    ['__SW:__ Who is Dean?', 'SW'],
    ['***SW:*** Who is Dean?', 'SW'],
    ['**Social Worker:** Who is Dean?', 'Social Worker'],
    ["**Mrs. O'Neil:** Who is Dean?", "Mrs. O'Neil"],
    ['**Speaker 1:**Who is Dean?', 'Speaker 1'],
    ['- **SW:** Who is Dean?', 'SW'],
    ['1. **SW:** Who is Dean?', 'SW'],
    ['> **SW:** Who is Dean?', 'SW'],
    ['**[00:14:02] SW:** Who is Dean?', 'SW', '00:14:02'],
    ['[00:14:02] **SW:** Who is Dean?', 'SW', '00:14:02'],
    ['**SW** (14:02): Who is Dean?', 'SW', '14:02'],
    ['**SW (00:14:02):** Who is Dean?', 'SW', '00:14:02'],
    ['**SW:** [00:14:02] Who is Dean?', 'SW', '00:14:02'],
  ];
  for (const [line, speaker, time] of labels) {
    it(`reads "${line}" as ${speaker}${time ? ` at ${time}` : ''}`, () => {
      const [utterance, ...rest] = md(line);
      assert.equal(rest.length, 0);
      assert.equal(utterance?.speaker, speaker);
      assert.equal(utterance?.text, 'Who is Dean?');
      assert.equal(utterance?.time, time);
      assert.deepEqual({ line: utterance?.line, column: utterance?.column }, locate(line, 'Who'));
    });
  }

  it('does not take bold text without a colon, or a colon in both places, as a label', () => {
    const text = '**SW:** Hello.\n**Important** point here.\n**A:**: odd';
    const utterances = md(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text]),
      [['SW', 'Hello. Important point here. A:: odd']],
    );
  });

  it('treats labels differing only in case as one speaker, spelled as first written', () => {
    assert.deepEqual(
      md('**Gemma:** Hi.\n**SW:** Hello.\n**GEMMA:** Bye.').map((u) => u.speaker),
      ['Gemma', 'SW', 'Gemma'],
    );
  });
});

describe('parseMarkdown: continuation, quotes and what is skipped', () => {
  const text = [
    '---',
    'title: "Visit: Jade"',
    'SW: not a turn, front matter',
    '---',
    '',
    '# Home visit',
    '',
    'Recorded at the flat. Present: SW, Jade.',
    '',
    '**SW:** Who comes round?',
    '',
    '**Jade:** My mum, mainly.',
    'And Dean sometimes.',
    '> He put the shelves up.',
    '>> He stays over **sometimes**.',
    '',
    '## Later',
    '',
    '---',
    '<!-- reviewer: check this -->',
    '```',
    '**SW:** inside a fence',
    '```',
    '> **SW:** Does he have a key?',
    '> > **Jade:** No.',
    '',
    'Setext heading',
    '==============',
    '',
    '**SW:**',
    '',
    '  Thank you.',
  ].join('\n');
  const utterances = md(text);

  it('joins continuation lines and quotes to the current speaker; a quote may carry its own label', () => {
    assert.deepEqual(
      utterances.map((u) => [u.index, u.speaker, u.text]),
      [
        [0, 'SW', 'Who comes round?'],
        [1, 'Jade', 'My mum, mainly. And Dean sometimes. He put the shelves up. He stays over sometimes.'],
        [2, 'SW', 'Does he have a key?'],
        [3, 'Jade', 'No.'],
        [4, 'SW', 'Thank you.'],
      ],
    );
  });

  it('points every line of a turn at its words', () => {
    const jade = utterances[1] as Utterance;
    assertAt(jade, text, 'My mum', 'My mum');
    assertAt(jade, text, 'And Dean', 'And Dean');
    assertAt(jade, text, 'He put', 'He put');
    assertAt(jade, text, 'He stays', 'He stays');
    // The second "sometimes", in bold: its letters after the `**`, its full stop after the closing `**`.
    const bold = jade.text.lastIndexOf('sometimes.');
    assert.deepEqual(positionAt(jade, bold), { line: 15, column: 20 });
    assert.deepEqual(positionAt(jade, bold + 'sometimes'.length), { line: 15, column: 31 });
    assertAt(utterances[3] as Utterance, text, 'No.', 'No.');
    assertAt(utterances[4] as Utterance, text, 'Thank', 'Thank');
    assertWordsMapBack(utterances, text);
  });

  it('skips a line that is all one italic span as a note, not speech', () => {
    const text = '**SW:** Who stays over?\n*The interview paused for ten minutes.*\n_[break]_\n**MUM:** Nobody.\n*Honestly* nobody.';
    assert.deepEqual(
      md(text).map((u) => u.text),
      ['Who stays over?', 'Nobody. Honestly nobody.'],
    );
  });

  it('gives a turn with no words the position after its label', () => {
    const [utterance] = md('**SW:**\n**SW:** Hi.') as [Utterance];
    assert.equal(utterance.text, '');
    assert.deepEqual({ line: utterance.line, column: utterance.column }, { line: 1, column: 8 });
  });

  it('skips an unclosed front-matter fence as a rule, not the whole file', () => {
    assert.deepEqual(
      md('---\n**SW:** Hi.').map((u) => u.text),
      ['Hi.'],
    );
  });
});

describe('parseMarkdown: inline markup comes out of the text, positions stay', () => {
  const cases: Array<[line: string, expected: string, checks: Array<[word: string, needle: string]>]> = [
    ["He's *just* a friend.", "He's just a friend.", [['just', 'just*'], ['a friend', 'a friend']]],
    ["He's _just_ a friend.", "He's just a friend.", [['a friend', 'a friend']]],
    ["He's **every girl's dream**, Dean.", "He's every girl's dream, Dean.", [['every', 'every'], [', Dean', ', Dean']]],
    ['He ***never*** stays.', 'He never stays.', [['stays', 'stays']]],
    ['_[pause]_ No.', '[pause] No.', [['No.', 'No.']]],
    ['It was *really **really** late*.', 'It was really really late.', [['late', 'late'], ['really late', 'really** late']]],
    ['f**k off, he said', 'f**k off, he said', [['off', 'off']]],
    ['snake_case_name and 2 * 3', 'snake_case_name and 2 * 3', [['and', 'and']]],
    ['not \\*emphasis\\* here', 'not *emphasis* here', [['emphasis', 'emphasis'], ['here', 'here']]],
    ['see [the letter](https://example.org/a.pdf) today', 'see the letter today', [['the letter', 'the letter'], ['today', 'today']]],
    ['a `quoted` word', 'a quoted word', [['quoted', 'quoted'], ['word', 'word']]],
    ['line one<br>line two', 'line one line two', [['line two', 'line two']]],
    ['he left ![photo](p.jpg) early', 'he left early', [['early', 'early']]],
    ['*unclosed emphasis stays', '*unclosed emphasis stays', [['stays', 'stays']]],
  ];
  for (const [line, expected, checks] of cases) {
    it(`"${line}" → "${expected}"`, () => {
      const text = `**MUM:** ${line}`;
      const [utterance] = md(text) as [Utterance];
      assert.equal(utterance.text, expected);
      for (const [word, needle] of checks) assertAt(utterance, text, word, needle);
      assertWordsMapBack([utterance], text);
    });
  }
});

describe('parseMarkdown: files without bold labels', () => {
  it('reads plain `Speaker: text` labels when no line has a bold one', () => {
    const text = '# Interview\n\n[00:01:02] Interviewer: Who is Lee?\nNicole: Lee\'s my *ex*.\nWe split up.';
    const utterances = md(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.time, u.text]),
      [
        ['Interviewer', '00:01:02', 'Who is Lee?'],
        ['Nicole', undefined, "Lee's my ex. We split up."],
      ],
    );
    assertAt(utterances[1] as Utterance, text, 'We split', 'We split');
  });

  it('ignores plain `Word:` lines when the file has bold labels', () => {
    const utterances = md('**SW:** Who?\n**MUM:** Dean.\nNote: he stays over.');
    assert.deepEqual(
      utterances.map((u) => u.text),
      ['Who?', 'Dean. Note: he stays over.'],
    );
  });

  it('throws InputError naming the file when there are no labels at all', () => {
    assert.throws(() => md('# Notes\n\njust some prose, no one speaking.\n', 'notes.md'), {
      name: 'InputError',
      message: 'notes.md: no speaker labels found; expected lines like "**SW:** How are things at home?"',
    });
    assert.throws(() => md('---\ntitle: x\n---\n'), InputError);
  });

  it('reads CRLF files with a BOM', () => {
    const text = '\uFEFF# T\r\n\r\n**SW:** Who?\r\n**MUM:** Dean,\r\n> my friend.\r\n';
    const utterances = md(text);
    assert.deepEqual(
      utterances.map((u) => u.text),
      ['Who?', 'Dean, my friend.'],
    );
    assert.deepEqual(positionAt(utterances[1] as Utterance, 'Dean, '.length), { line: 5, column: 3 });
  });
});

// The same interviews as fixtures/NAME.txt, written up in Markdown.
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const FORMAT_FIXTURES = ['just-a-friend-valentines', 'no-one-else-babysits', 'not-seen-since-christmas', 'stated-boyfriend'];

describe('fixtures/formats/*.md: the plain-text fixtures in Markdown', () => {
  for (const name of FORMAT_FIXTURES) {
    it(`${name}.md has the same speakers and words as ${name}.txt, each word at its place`, () => {
      const text = readFileSync(`${fixtures}formats/${name}.md`, 'utf8');
      const utterances = md(text, `${name}.md`);
      const plain = parsePlain({ file: `${name}.txt`, text: readFileSync(`${fixtures}${name}.txt`, 'utf8') });
      assert.deepEqual(
        utterances.map((u) => [u.speaker, u.text]),
        plain.map((u) => [u.speaker, u.text]),
      );
      assertWordsMapBack(utterances, text);
    });
  }
});
