import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/formats/plain.js';
import { positionAt } from '../../src/position.js';
import type { Utterance } from '../../src/types.js';

function parseText(text: string): Utterance[] {
  return parsePlain({ file: 'interview.txt', text });
}

/** The 1-based line and column where `needle` first appears in `text`, searching line by line. */
function locate(text: string, needle: string): { line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const at = line.indexOf(needle);
    if (at !== -1) return { line: index + 1, column: at + 1 };
  }
  throw new Error(`"${needle}" not in text`);
}

/** Asserts that `needle` in the utterance text maps back to where it is written in the file. */
function assertMapsBack(utterance: Utterance, text: string, needle: string): void {
  const offset = utterance.text.indexOf(needle);
  assert.notEqual(offset, -1, `"${needle}" not in utterance text "${utterance.text}"`);
  assert.deepEqual(positionAt(utterance, offset), locate(text, needle), `position of "${needle}"`);
}

describe('parsePlain: speaker labels', () => {
  const labels: Array<[line: string, speaker: string]> = [
    ['SW: Yes, that is right.', 'SW'],
    ['Interviewer: Yes, that is right.', 'Interviewer'],
    ['TRACEY: Yes, that is right.', 'TRACEY'],
    ['Mr. Smith: Yes, that is right.', 'Mr. Smith'],
    ['Mrs. Smith-Jones: Yes, that is right.', 'Mrs. Smith-Jones'],
    ["Dr O'Neil: Yes, that is right.", "Dr O'Neil"],
    ['Social Worker: Yes, that is right.', 'Social Worker'],
    ['JB: Yes, that is right.', 'JB'],
    ['J. Smith: Yes, that is right.', 'J. Smith'],
    ['DC Harris: Yes, that is right.', 'DC Harris'],
    ['Speaker 1: Yes, that is right.', 'Speaker 1'],
    ['Zoë: Yes, that is right.', 'Zoë'],
    ['Family Support Worker Two: Yes, that is right.', 'Family Support Worker Two'],
    ['Q: Yes, that is right.', 'Q'],
    ['A: Yes, that is right.', 'A'],
    ['Q. Yes, that is right.', 'Q'],
    ['A. Yes, that is right.', 'A'],
    ['SW:Yes, that is right.', 'SW'],
    ['SW : Yes, that is right.', 'SW'],
    ['Social   Worker: Yes, that is right.', 'Social Worker'],
    ['Note: Yes, that is right.', 'Note'],
  ];
  for (const [line, speaker] of labels) {
    it(`reads "${line}" as speaker ${speaker}`, () => {
      const [utterance, ...rest] = parseText(line);
      assert.equal(rest.length, 0);
      assert.equal(utterance?.speaker, speaker);
      assert.equal(utterance?.text, 'Yes, that is right.');
      assert.deepEqual({ line: utterance?.line, column: utterance?.column }, locate(line, 'Yes'));
    });
  }

  const notLabels = [
    'And then I told him: no',
    'He said: get out of my house',
    'Social worker: that is what she called herself',
    'The Man From The Council: he said that',
    'Abcdefghijklmnopqrstuvwxyzabcde: thirty-one characters',
    'Yes. Dave: he came round',
    'B. Steven was there',
    'mum: she was there',
    '12 Oak Road: that is where he lives',
    '"Dave: come here," he said',
    '- Dave: he was there',
    'At 10:30 he came round',
    'About 9:15 she left',
  ];
  for (const line of notLabels) {
    it(`treats "${line}" as a continuation, not a label`, () => {
      const text = `TRACEY: I remember it.\n${line}`;
      const utterances = parseText(text);
      assert.equal(utterances.length, 1);
      assert.equal(utterances[0]?.text, `I remember it. ${line}`);
      assertMapsBack(utterances[0] as Utterance, text, line);
    });
  }

  it('gives the first spelling to later labels that differ only in case', () => {
    const text = 'Tracey: Hello.\nSW: Hi Tracey.\nTRACEY: He left.\ntracey: lowercase is not a label\nsw: nor this';
    const utterances = parseText(text);
    assert.deepEqual(
      utterances.map((u) => [u.index, u.speaker]),
      [
        [0, 'Tracey'],
        [1, 'SW'],
        [2, 'Tracey'],
      ],
    );
    assert.equal(utterances[2]?.text, 'He left. tracey: lowercase is not a label sw: nor this');
  });

  it('keeps bracketed non-speech in the text unchanged', () => {
    const [utterance] = parseText('TRACEY: He was [inaudible] and then (laughs) [crosstalk] no.');
    assert.equal(utterance?.text, 'He was [inaudible] and then (laughs) [crosstalk] no.');
  });

  it('treats a non-speech-only line after a label as a continuation', () => {
    const utterances = parseText('SW: Who was there?\n[inaudible]\nTRACEY: Nobody.');
    assert.equal(utterances[0]?.text, 'Who was there? [inaudible]');
  });
});

describe('parsePlain: timestamps', () => {
  const stamped: Array<[line: string, time: string]> = [
    ['[00:12:31] SW: How are things at home?', '00:12:31'],
    ['00:12:31 SW: How are things at home?', '00:12:31'],
    ['(12:31) SW: How are things at home?', '12:31'],
    ['[12:31] SW: How are things at home?', '12:31'],
    ['00:12:31.250 SW: How are things at home?', '00:12:31.250'],
    ['12:31 SW: How are things at home?', '12:31'],
    ['[00:12:31]SW: How are things at home?', '00:12:31'],
    ['SW: [00:12:31] How are things at home?', '00:12:31'],
    ['SW: 00:12:31 How are things at home?', '00:12:31'],
    ['SW: (12:31) How are things at home?', '12:31'],
    ['SW: [12:31] How are things at home?', '12:31'],
    ['SW [00:12:31]: How are things at home?', '00:12:31'],
    ['SW (12:31): How are things at home?', '12:31'],
    ['Q. [00:12:31] How are things at home?', '00:12:31'],
    ['  [00:12:31]   SW:   How are things at home?', '00:12:31'],
  ];
  for (const [line, time] of stamped) {
    it(`takes time ${time} from "${line}" and leaves it out of the text`, () => {
      const [utterance] = parseText(line);
      assert.equal(utterance?.time, time);
      assert.equal(utterance?.text, 'How are things at home?');
      assert.deepEqual({ line: utterance?.line, column: utterance?.column }, locate(line, 'How'));
    });
  }

  it('uses the first timestamp when a line has two', () => {
    const [utterance] = parseText('[00:12:31] SW: [00:12:33] How are things at home?');
    assert.equal(utterance?.time, '00:12:31');
    assert.equal(utterance?.text, 'How are things at home?');
  });

  it('applies a timestamp-only line to the labelled line after it', () => {
    const text = '[00:01:05]\nSW: Who is Steven?\n\n00:01:09\n\nTRACEY: A friend.\n(01:12)\nSW: Does he stay over?';
    const utterances = parseText(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.time, u.text, u.line]),
      [
        ['SW', '00:01:05', 'Who is Steven?', 2],
        ['TRACEY', '00:01:09', 'A friend.', 6],
        ['SW', '01:12', 'Does he stay over?', 8],
      ],
    );
  });

  it('does not carry a timestamp-only line past a line of speech', () => {
    const text = 'TRACEY: He came round.\n[00:02:00]\nand stayed for tea.\nSW: When was that?';
    const utterances = parseText(text);
    assert.equal(utterances[0]?.text, 'He came round. and stayed for tea.');
    assert.equal(utterances[1]?.time, undefined);
  });

  it('drops a running timestamp at the start of a continuation line', () => {
    const text = 'TRACEY: He came round.\n[00:02:00] And stayed for tea.';
    const [utterance] = parseText(text);
    assert.equal(utterance?.text, 'He came round. And stayed for tea.');
    assert.equal(utterance?.time, undefined);
    assertMapsBack(utterance as Utterance, text, 'And stayed');
  });

  it('keeps times of day that are speech', () => {
    const utterances = parseText('SW: 12:31 was it?\nTRACEY: He came at 12:31 and left at [about] 1.');
    assert.equal(utterances[0]?.text, '12:31 was it?');
    assert.equal(utterances[0]?.time, undefined);
    assert.equal(utterances[1]?.text, 'He came at 12:31 and left at [about] 1.');
  });

  it('leaves time out when there is none', () => {
    const [utterance] = parseText('SW: Hello.');
    assert.equal(Object.hasOwn(utterance as object, 'time'), false);
  });
});

describe('parsePlain: continuations and positions', () => {
  const text = [
    'SW: Tell me about Steven.', //                    line 1
    'TRACEY: He is just a friend,', //                 line 2
    '    we are not in a relationship.   ', //         line 3 (indented, trailing spaces)
    '', //                                             line 4
    '\tHe stays over sometimes.', //                   line 5 (tab indent)
    'SW: Thank you.', //                               line 6
  ].join('\n');

  it('joins continuation lines with one space, across blank lines', () => {
    const utterances = parseText(text);
    assert.equal(utterances.length, 3);
    assert.equal(utterances[1]?.text, 'He is just a friend, we are not in a relationship. He stays over sometimes.');
  });

  it('records one segment per source line with exact offsets, lines and columns', () => {
    const utterance = parseText(text)[1] as Utterance;
    assert.deepEqual(utterance.segments, [
      { offset: 0, line: 2, column: 9 },
      { offset: 21, line: 3, column: 5 },
      { offset: 51, line: 5, column: 2 },
    ]);
    assert.deepEqual({ line: utterance.line, column: utterance.column }, { line: 2, column: 9 });
  });

  it('maps every word back to where it is written', () => {
    const utterance = parseText(text)[1] as Utterance;
    for (const needle of ['He is', 'friend,', 'we are', 'relationship.', 'He stays', 'sometimes.']) {
      assertMapsBack(utterance, text, needle);
    }
    assert.deepEqual(positionAt(utterance, utterance.text.indexOf('relationship')), { line: 3, column: 21 });
    assert.deepEqual(positionAt(utterance, utterance.text.indexOf('stays')), { line: 5, column: 5 });
  });

  it('starts a turn on the next line when the label line has no words', () => {
    const source = 'MR SMITH:\n    I was not there.\n    I was at work.';
    const [utterance] = parseText(source);
    assert.equal(utterance?.speaker, 'MR SMITH');
    assert.equal(utterance?.text, 'I was not there. I was at work.');
    assert.deepEqual({ line: utterance?.line, column: utterance?.column }, { line: 2, column: 5 });
    assertMapsBack(utterance as Utterance, source, 'at work');
  });

  it('keeps a turn with no words at all, placed just after its label', () => {
    const utterances = parseText('SW: Anything else?\nTRACEY:\nSW: Okay.');
    assert.deepEqual(utterances[1], {
      index: 1,
      speaker: 'TRACEY',
      text: '',
      line: 2,
      column: 8,
      segments: [{ offset: 0, line: 2, column: 8 }],
    });
  });

  it('counts columns in UTF-16 code units', () => {
    const source = 'TRACEY: 😀 Steven came 😀 round.';
    const [utterance] = parseText(source);
    assertMapsBack(utterance as Utterance, source, 'round');
    assert.deepEqual(positionAt(utterance as Utterance, utterance!.text.indexOf('round')), {
      line: 1,
      column: source.indexOf('round') + 1,
    });
  });

  it('numbers utterances from 0 in file order', () => {
    const utterances = parseText('SW: One?\nTRACEY: Two.\nSW: Three?\nTRACEY: Four.');
    assert.deepEqual(
      utterances.map((u) => u.index),
      [0, 1, 2, 3],
    );
  });
});

describe('parsePlain: comments, preamble and line endings', () => {
  it('skips comment lines, even inside a turn', () => {
    const text = '# Reviewed by JB\nSW: Who lives with you?\n   # check this answer\nTRACEY: Just me\n# TODO\nand the baby.';
    const utterances = parseText(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text]),
      [
        ['SW', 'Who lives with you?'],
        ['TRACEY', 'Just me and the baby.'],
      ],
    );
    assertMapsBack(utterances[1] as Utterance, text, 'and the baby');
  });

  it('keeps a # that is not at the start of a line', () => {
    const [utterance] = parseText('TRACEY: We live at flat #3.');
    assert.equal(utterance?.text, 'We live at flat #3.');
  });

  it('skips a title and preamble before the first label', () => {
    const text = [
      'Interview with Tracey Smith',
      'held at the family home on a Tuesday',
      '',
      'SW: How are things at home?',
      'TRACEY: Fine.',
    ].join('\n');
    const utterances = parseText(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text, u.line, u.column]),
      [
        ['SW', 'How are things at home?', 4, 5],
        ['TRACEY', 'Fine.', 5, 9],
      ],
    );
  });

  it('throws InputError naming the file when there are no speaker labels', () => {
    const expected = {
      name: 'InputError',
      message: 'notes.txt: no speaker labels found; expected lines like "SW: How are things at home?"',
    };
    const noLabels = 'he said he was just a friend\nand then he left: that was it\n';
    assert.throws(() => parsePlain({ file: 'notes.txt', text: noLabels }), expected);
    assert.throws(() => parsePlain({ file: 'notes.txt', text: '# only a comment\n\n' }), expected);
    assert.throws(() => parsePlain({ file: 'notes.txt', text: noLabels }), InputError);
  });

  const lf = 'SW: Who is Steven?\n  He stays over.\nTRACEY: A friend.\n';
  const endings: Array<[name: string, text: string]> = [
    ['CRLF', lf.replaceAll('\n', '\r\n')],
    ['lone CR', lf.replaceAll('\n', '\r')],
    ['BOM', `\uFEFF${lf}`],
    ['BOM and CRLF', `\uFEFF${lf.replaceAll('\n', '\r\n')}`],
    ['mixed', 'SW: Who is Steven?\r\n  He stays over.\rTRACEY: A friend.\n'],
  ];
  for (const [name, text] of endings) {
    it(`parses ${name} exactly like LF`, () => {
      assert.deepEqual(parseText(text), parseText(lf));
    });
  }

  it('gives the positions LF would give with CRLF line endings', () => {
    const [utterance] = parseText(lf.replaceAll('\n', '\r\n'));
    assert.deepEqual(positionAt(utterance as Utterance, utterance!.text.indexOf('He stays')), { line: 2, column: 3 });
  });
});
