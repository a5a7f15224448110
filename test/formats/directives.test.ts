import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../src/parse/index.js';
import type { TextFormat } from '../../src/formats/index.js';
import { paragraphFormat } from '../../src/read/detect-format.js';
import type { Directive } from '../../src/types.js';

/** Each directive's `text` is what the file holds at its line and column. */
function assertTextInPlace(directives: Directive[], text: string): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const d of directives) {
    assert.equal((lines[d.line - 1] ?? '').slice(d.column - 1, d.column - 1 + d.text.length), d.text, `${d.line}:${d.column}`);
  }
}

/** Parses a transcript and returns its directives and every utterance's words, so a test can check both. */
function parsed(text: string, format: TextFormat | 'docx'): { directives: Directive[]; speech: string[] } {
  // A Word document's paragraphs come from the read stage as the text format they look like.
  const source = format === 'docx' ? { format: paragraphFormat(text), container: 'docx' as const } : { format };
  const transcript = parse({ file: `t.${format}`, text, ...source });
  return { directives: transcript.directives ?? [], speech: transcript.utterances.map((u) => `${u.speaker}: ${u.text}`) };
}

/** The directives of `text` followed by one line of speech, so that comments alone make a transcript. */
function findDirectives(text: string, format: 'txt' | 'md'): Directive[] {
  return parsed(`${text}\n${format === 'md' ? '**SW:**' : 'SW:'} Hello?\n`, format).directives;
}

/** `rule|who|reason` at `line:column`, for compact assertions. */
function brief(d: Directive): string {
  return `${d.line}:${d.column} ${d.rule}|${d.who}|${d.reason ?? '(none)'}`;
}

describe('findDirectives: plain text', () => {
  const text = [
    '# Home visit, 12 May',
    '  # clues-ignore unexplained-adult the lodger -- checked by housing, DBS on file',
    'SW: Who lives with you?',
    'MUM: Me and the kids. # clues-ignore relationship Steven -- said mid-line, so it is speech',
    '# a note on clues-ignore: a comment that mentions it is not a directive',
    '#clues-ignore relationship Steven -- stated plainly',
    'MUM: clues-ignore minimisation Steven -- a speaker saying it',
    '## CLUES-IGNORE minimisation Steven',
  ].join('\n');

  it('finds `#` comment lines starting with clues-ignore, with the keyword\'s line and column', () => {
    const { directives, speech } = parsed(text, 'txt');
    assert.deepEqual(directives.map(brief), [
      '2:5 unexplained-adult|the lodger|checked by housing, DBS on file',
      '6:2 relationship|Steven|stated plainly',
      '8:4 minimisation|Steven|(none)',
    ]);
    assert.deepEqual(directives[0], {
      line: 2,
      column: 5,
      rule: 'unexplained-adult',
      who: 'the lodger',
      reason: 'checked by housing, DBS on file',
      text: 'clues-ignore unexplained-adult the lodger -- checked by housing, DBS on file',
    });
    assertTextInPlace(directives, text);
    // Speech that mentions the keyword stays speech; no directive line is read as speech.
    assert.deepEqual(speech, [
      'SW: Who lives with you?',
      'MUM: Me and the kids. # clues-ignore relationship Steven -- said mid-line, so it is speech',
      'MUM: clues-ignore minimisation Steven -- a speaker saying it',
    ]);
  });

  it('splits rule, who (several words, quoted or *) and reason; a dash Word made of -- is a separator', () => {
    const find = (line: string) => findDirectives(line, 'txt').map(brief);
    assert.deepEqual(find('# clues-ignore unexplained-adult "the man at the door" -- a delivery driver'), [
      '1:3 unexplained-adult|the man at the door|a delivery driver',
    ]);
    assert.deepEqual(find('# clues-ignore minimisation * -- training transcript'), ['1:3 minimisation|*|training transcript']);
    assert.deepEqual(find('# Clues-ignore unexplained-adult Steven \u2013 her brother'), ['1:3 unexplained-adult|Steven|her brother']);
    assert.deepEqual(find('# clues-ignore unexplained-adult Steven \u2014 her brother'), ['1:3 unexplained-adult|Steven|her brother']);
    assert.deepEqual(find('# clues-ignore unexplained-adult Jean-Paul --her brother'), ['1:3 unexplained-adult|Jean-Paul|her brother']);
  });

  it('keeps malformed directives, so they can be reported: no rule, no one, no reason', () => {
    const find = (line: string) => findDirectives(line, 'txt').map(brief);
    assert.deepEqual(find('# clues-ignore'), ['1:3 ||(none)']);
    assert.deepEqual(find('# clues-ignore -- he is her uncle'), ['1:3 ||he is her uncle']);
    assert.deepEqual(find('# clues-ignore unexplained-adult'), ['1:3 unexplained-adult||(none)']);
    assert.deepEqual(find('# clues-ignore unexplained-adult Steven --'), ['1:3 unexplained-adult|Steven|(none)']);
    assert.deepEqual(find('# clues-ignore unexplained-adult Steven --   '), ['1:3 unexplained-adult|Steven|(none)']);
  });

  it('needs the whole keyword', () => {
    assert.deepEqual(findDirectives('# clues-ignored unexplained-adult Steven -- x\n# clues-ignore-all\n', 'txt'), []);
  });

  it('counts columns after a byte-order mark as the parser does, and reads CRLF files', () => {
    const text = '\uFEFF# clues-ignore minimisation Steven -- a reason\r\nSW: Hello?\r\n';
    assert.deepEqual(findDirectives(text, 'txt').map(brief), ['1:3 minimisation|Steven|a reason']);
    assert.equal(findDirectives(text, 'txt')[0]!.text, 'clues-ignore minimisation Steven -- a reason');
  });
});

describe('findDirectives: Markdown', () => {
  const text = [
    '---',
    'case: 2024-0412',
    '---',
    '<!-- clues-ignore unexplained-adult Steven -- known to the team -->',
    '',
    '> **SW:** Who stays over?',
    '> <!-- clues-ignore relationship * -- stated elsewhere -->',
    '> **MUM:** Steven does. <!-- clues-ignore minimisation Steven -- inline, not a directive -->',
    '',
    '```text',
    '<!-- clues-ignore unexplained-adult Steven -- quoted in a code block -->',
    '```',
    '',
    '<!-- Reviewed 3 May.',
    'clues-ignore child-wellbeing Steven -- inside a comment that does not start with it -->',
    '<!--',
    'clues-ignore missed-follow-up Steven -- on the line after an empty opener',
    '-->',
    '  <!--clues-ignore contradiction Steven -- a reason that',
    '  runs on to the next line -->',
    '# clues-ignore minimisation Steven -- a heading is not a Markdown directive',
    '**MUM:** clues-ignore relationship Steven -- a speaker saying it',
  ].join('\n');

  it('finds HTML comments starting with clues-ignore (also in a block quote), not inline ones or ones in code', () => {
    const { directives, speech } = parsed(text, 'md');
    assert.deepEqual(directives.map(brief), [
      '4:6 unexplained-adult|Steven|known to the team',
      '7:8 relationship|*|stated elsewhere',
      '17:1 missed-follow-up|Steven|on the line after an empty opener',
      '19:7 contradiction|Steven|a reason that runs on to the next line',
    ]);
    assert.equal(directives[0]!.text, 'clues-ignore unexplained-adult Steven -- known to the team');
    assert.equal(directives[3]!.text, 'clues-ignore contradiction Steven -- a reason that');
    assertTextInPlace(directives, text);
    assert.deepEqual(speech, ['SW: Who stays over?', 'MUM: Steven does.', 'MUM: clues-ignore relationship Steven -- a speaker saying it']);
  });

  it('reads `<!-- clues-ignore ... -- -->` as a directive without a reason', () => {
    assert.deepEqual(findDirectives('<!-- clues-ignore minimisation Steven -- -->\n', 'md').map(brief), ['1:6 minimisation|Steven|(none)']);
    assert.deepEqual(findDirectives('<!-- clues-ignore minimisation Steven -->\n', 'md').map(brief), ['1:6 minimisation|Steven|(none)']);
  });
});

describe('findDirectives: WebVTT', () => {
  const text = [
    'WEBVTT',
    'Kind: captions',
    '',
    'NOTE clues-ignore unexplained-adult Steven -- known to the team',
    '',
    'NOTE',
    'clues-ignore relationship Steven -- stated',
    'plainly by both',
    '',
    'NOTE Transcribed by the court; clues-ignore not used here',
    '',
    '00:00:01.000 --> 00:00:04.000',
    '<v SW>Who stays over?',
    '',
    'cue-2',
    '00:00:05.000 --> 00:00:08.000',
    '<v MUM>Steven does.',
    'NOTE clues-ignore minimisation Steven -- cue text, so speech',
  ].join('\n');

  it('finds NOTE blocks starting with clues-ignore; the rest of the block continues the reason', () => {
    const { directives, speech } = parsed(text, 'vtt');
    assert.deepEqual(directives.map(brief), [
      '4:6 unexplained-adult|Steven|known to the team',
      '7:1 relationship|Steven|stated plainly by both',
    ]);
    assertTextInPlace(directives, text);
    assert.deepEqual(speech, ['SW: Who stays over?', 'MUM: Steven does. NOTE clues-ignore minimisation Steven -- cue text, so speech']);
  });
});

describe('findDirectives: CHAT', () => {
  const text = [
    '@UTF8',
    '@Begin',
    '@Participants:\tINV Investigator , MOT Gemma Mother',
    '@Comment:\tclues-ignore unexplained-adult Steven -- known to the team,',
    '\tchecked in May',
    '*INV:\twho stays over ?',
    '%com:\tclues-ignore relationship Steven -- stated plainly',
    '@Comment:\tReviewed; a clues-ignore comment is not needed here',
    '*MOT:\tSteven does . clues-ignore minimisation Steven .',
    '@End',
  ].join('\n');

  it('finds @Comment headers and %com tiers starting with clues-ignore; continuation lines continue the reason', () => {
    const { directives, speech } = parsed(text, 'cha');
    assert.deepEqual(directives.map(brief), [
      '4:11 unexplained-adult|Steven|known to the team, checked in May',
      '7:7 relationship|Steven|stated plainly',
    ]);
    assertTextInPlace(directives, text);
    assert.deepEqual(speech, ['INV: who stays over?', 'Gemma: Steven does. clues-ignore minimisation Steven.']);
  });
});

describe('findDirectives: Word documents', () => {
  it('reads `#` lines of a document parsed as plain text; Word\'s capital and dash are fine', () => {
    const text = 'Home visit\n# Clues-ignore unexplained-adult Steven \u2013 known to the team\nSW: Who stays over?\nMUM: Steven does.';
    const { directives, speech } = parsed(text, 'docx');
    assert.deepEqual(directives.map(brief), ['2:3 unexplained-adult|Steven|known to the team']);
    assert.deepEqual(speech, ['SW: Who stays over?', 'MUM: Steven does.']);
  });

  it('reads `# ` headings and HTML comments of a document parsed as Markdown, never a line read as speech', () => {
    const text = [
      '**SW:** Who stays over?',
      '# clues-ignore unexplained-adult Steven -- known to the team',
      '<!-- clues-ignore relationship Steven -- stated -->',
      '**MUM:** Steven does.',
      '#clues-ignore minimisation Steven -- no space: Markdown reads this line as speech',
    ].join('\n');
    const { directives, speech } = parsed(text, 'docx');
    assert.deepEqual(directives.map(brief), ['2:3 unexplained-adult|Steven|known to the team', '3:6 relationship|Steven|stated']);
    assert.deepEqual(speech, ['SW: Who stays over?', 'MUM: Steven does. #clues-ignore minimisation Steven -- no space: Markdown reads this line as speech']);
  });
});

describe('findDirectives: formats without comments', () => {
  it('finds none in SubRip or Whisper JSON', () => {
    assert.deepEqual(parsed('1\n00:00:01,000 --> 00:00:02,000\n# clues-ignore minimisation Steven -- x\n', 'srt').directives, []);
    assert.deepEqual(parsed('{"segments": [{"text": "# clues-ignore minimisation Steven -- x"}]}', 'json').directives, []);
  });

  it('leaves `directives` off a transcript that has none', () => {
    assert.equal('directives' in parse({ file: 't.txt', text: 'SW: Hello?\nMUM: Hi.\n' }), false);
  });
});
