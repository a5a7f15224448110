import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/formats/plain.js';
import { positionAt } from '../../src/position.js';
import { parseSrt } from '../../src/formats/srt.js';
import type { Utterance } from '../../src/types.js';

function parse(text: string): Utterance[] {
  return parseSrt({ file: 'interview.srt', text }).utterances;
}

/** The 1-based line and column of the `nth` (1-based) `needle` in `text`, searching line by line. */
function locate(text: string, needle: string, nth = 1): { line: number; column: number } {
  let seen = 0;
  for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
    let at = line.indexOf(needle);
    while (at !== -1) {
      seen += 1;
      if (seen === nth) return { line: index + 1, column: at + 1 };
      at = line.indexOf(needle, at + 1);
    }
  }
  throw new Error(`"${needle}" not in text`);
}

/** Asserts that `needle` in the utterance text maps back to where it is written in the file. */
function assertMapsBack(utterance: Utterance, text: string, needle: string, nth = 1): void {
  const offset = utterance.text.indexOf(needle);
  assert.notEqual(offset, -1, `"${needle}" not in utterance text "${utterance.text}"`);
  assert.deepEqual(positionAt(utterance, offset), locate(text, needle, nth), `position of "${needle}"`);
}

/** Every non-space character of every utterance is at its mapped place in the file. */
function assertEveryCharacterMapsBack(utterances: Utterance[], text: string, name: string): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const utterance of utterances) {
    assert.deepEqual(positionAt(utterance, 0), { line: utterance.line, column: utterance.column }, `${name}: utterance ${utterance.index} start`);
    for (const [offset, char] of [...utterance.text].entries()) {
      if (/\s/.test(char)) continue;
      const { line, column } = positionAt(utterance, offset);
      const found = lines[line - 1]?.[column - 1];
      assert.equal(found, char, `${name}:${line}:${column}: "${utterance.text.slice(offset, offset + 20)}" (utterance ${utterance.index})`);
    }
  }
}

function speakersAndTexts(utterances: Utterance[]): Array<[string, string]> {
  return utterances.map((u) => [u.speaker, u.text]);
}

describe('parseSrt: cues and speakers', () => {
  it('carries a "Name:" prefix on the first cue of a turn over the following cues (podcast captions)', () => {
    const text = [
      '1',
      '00:00:00,179 --> 00:00:02,399',
      'Travis: When you first get',
      "started in podcasting, it's",
      '',
      '2',
      '00:00:02,400 --> 00:00:04,799',
      "almost guaranteed that you're",
      'going to make a handful of rookie',
      '',
      '3',
      '00:00:53,111 --> 00:00:55,200',
      'Sarah: Creating good audio is',
      'really key',
      '',
    ].join('\n');
    const utterances = parse(text);
    assert.deepEqual(speakersAndTexts(utterances), [
      ['Travis', "When you first get started in podcasting, it's almost guaranteed that you're going to make a handful of rookie"],
      ['Sarah', 'Creating good audio is really key'],
    ]);
    const [travis, sarah] = utterances as [Utterance, Utterance];
    assert.deepEqual({ line: travis.line, column: travis.column, time: travis.time }, { line: 3, column: 9, time: '00:00:00' });
    assert.deepEqual({ line: sarah.line, column: sarah.column, time: sarah.time }, { line: 13, column: 8, time: '00:00:53' });
    for (const words of ['started in', "almost guaranteed", 'going to make', 'rookie']) assertMapsBack(travis, text, words);
    assertMapsBack(sarah, text, 'really key');
    assert.deepEqual(
      travis.segments.map((s) => [s.line, s.column]),
      [
        [3, 9],
        [4, 1],
        [8, 1],
        [9, 1],
      ],
      'each wrapped line keeps its own position',
    );
    assert.deepEqual(
      utterances.flatMap((u) => u.segments.map((s) => s.time)),
      ['00:00:00', '00:00:00', '00:00:02', '00:00:02', '00:00:53', '00:00:53'],
      'each segment carries the start of its own cue',
    );
  });

  it('reads labels like "DC Hale:", "Speaker 1:" and "SPEAKER_00:", and a new label on a later line of a cue', () => {
    const text = [
      '1',
      '00:01:02,000 --> 00:01:05,000',
      "DC Hale: Who's Dean?",
      "Speaker 1: He's just a friend.",
      '',
      '2',
      '00:01:05,000 --> 00:01:07,000',
      'SPEAKER_00: Does he stay over?',
      '',
    ].join('\n');
    assert.deepEqual(speakersAndTexts(parse(text)), [
      ['DC Hale', "Who's Dean?"],
      ['Speaker 1', "He's just a friend."],
      ['SPEAKER_00', 'Does he stay over?'],
    ]);
  });

  it('joins a repeated label of the same speaker into one utterance and treats case variants as one speaker', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nGEMMA: It is me and Lily,\n\n2\n00:00:02,000 --> 00:00:03,000\nGemma: and Ashley.\n';
    const utterances = parse(text);
    assert.deepEqual(speakersAndTexts(utterances), [['GEMMA', 'It is me and Lily, and Ashley.']]);
    assertMapsBack(utterances[0] as Utterance, text, 'and Ashley');
  });

  it('strips <i>, <b>, <font> and {\\an8} markup and keeps & literal', () => {
    const text = [
      '1',
      '00:00:01,000 --> 00:00:04,000',
      '{\\an8}SW: <i>Who</i> minds <font color="#ffff00">Riley</font>',
      'at night? Q&amp;A <b>now</b>.',
      '',
    ].join('\n');
    const [utterance] = parse(text);
    assert.equal(utterance?.speaker, 'SW');
    assert.equal(utterance?.text, 'Who minds Riley at night? Q&amp;A now.');
    assert.deepEqual({ line: utterance?.line, column: utterance?.column }, locate(text, 'Who'));
    for (const words of ['minds', 'Riley', 'at night', 'Q&amp;A', 'now']) assertMapsBack(utterance as Utterance, text, words);
  });

  it('gives captions with no names one "Speaker"', () => {
    const text = '1\n00:00:00,000 --> 00:00:10,000\nMijn vrouw Janssen, nog even.\n\n2\n00:00:10,000 --> 00:00:11,000\nJa.\n';
    assert.deepEqual(speakersAndTexts(parse(text)), [['Speaker', 'Mijn vrouw Janssen, nog even. Ja.']]);
  });

  it('reads CRLF, a byte-order mark, a period before milliseconds, extra spaces and position suffixes', () => {
    const text = '\uFEFF1\r\n00:00:01.000  -->  00:00:02.000 X1:100 X2:600 Y1:50 Y2:80\r\nSW: Hello.   \r\n\r\n';
    const [utterance] = parse(text);
    assert.deepEqual([utterance?.speaker, utterance?.text, utterance?.line, utterance?.column], ['SW', 'Hello.', 3, 5]);
  });

  it('takes a cue without a number, and a next cue that follows without a blank line', () => {
    const text = [
      '00:00:01,000 --> 00:00:02,000',
      'SW: Who visits?',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'Carla: My mum.',
      '00:00:03,000 --> 00:00:04,000',
      'And 42',
      '',
    ].join('\n');
    assert.deepEqual(speakersAndTexts(parse(text)), [
      ['SW', 'Who visits?'],
      ['Carla', 'My mum. And 42'],
    ]);
  });

  it('keeps a line of just a number inside a cue when no timing line follows it', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nSW: How many times?\n\n2\n00:00:02,000 --> 00:00:03,000\nMum: Erm\n3\nmaybe.\n';
    assert.deepEqual(speakersAndTexts(parse(text)), [
      ['SW', 'How many times?'],
      ['Mum', 'Erm 3 maybe.'],
    ]);
  });
});

describe('parseSrt: live-tool output', () => {
  it('drops an exact repeat of the previous cue, keeps later repeats and cues that go back in time', () => {
    const text = [
      '1',
      '00:00:10,000 --> 00:00:11,000',
      'Ja.',
      '',
      '2',
      '00:00:10,000 --> 00:00:11,000',
      'Ja.',
      '',
      '3',
      '00:00:11,000 --> 00:00:12,000',
      'Ja helemaal goed.',
      '',
      '4',
      '00:00:00,000 --> 00:00:10,000',
      'Ja.',
      '',
      '9',
      '00:00:12,000 --> 00:00:16,000',
      'Vertel.',
      '',
    ].join('\n');
    const [utterance, ...rest] = parse(text);
    assert.equal(rest.length, 0);
    assert.equal(utterance?.text, 'Ja. Ja helemaal goed. Ja. Vertel.');
    assert.equal(utterance?.time, '00:00:10');
    assert.deepEqual(
      utterance?.segments.map((s) => s.line),
      [3, 11, 15, 19],
    );
  });
});

describe('parseSrt: malformed input', () => {
  const cases: Array<[what: string, text: string, message: RegExp]> = [
    ['an empty file', '\n\n', /^interview\.srt: empty file: no SubRip cues$/],
    [
      'text before the first cue',
      'Interview with Carla\n\n1\n00:00:01,000 --> 00:00:02,000\nHello.\n',
      /^interview\.srt:1: expected a cue number or a timing line like "00:00:01,000 --> 00:00:04,000", found "Interview with Carla"$/,
    ],
    [
      'a WebVTT file',
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n',
      /^interview\.srt:1: expected a cue number .* found "WEBVTT" \(this looks like WebVTT; name it \.vtt\)$/,
    ],
    [
      'minutes over 59',
      '1\n00:61:00,000 --> 00:62:00,000\nSW: Hello.\n',
      /^interview\.srt:2: bad timestamp "00:61:00,000" at column 1: you cannot have more than 59 minutes \(expected hh:mm:ss,ttt like 00:01:02,500\)$/,
    ],
    [
      'milliseconds that are not three digits',
      '1\n00:00:01,000 --> 00:00:02,5\nSW: Hello.\n',
      /^interview\.srt:2: bad timestamp "00:00:02,5" at column 18: milliseconds must be given in three digits/,
    ],
    [
      'a cue number with no timing line',
      '1\n00:00:01,000 --> 00:00:02,000\nSW: Hello.\n\n2\nMum: Hi.\n',
      /^interview\.srt:6: cue 2 has no timing line: expected "00:00:01,000 --> 00:00:04,000", found "Mum: Hi\."$/,
    ],
    ['a cue number at the end of the file', '1\n00:00:01,000 --> 00:00:02,000\nSW: Hello.\n\n2\n', /^interview\.srt:5: truncated cue: cue 2 has no timing line$/],
    [
      'a timing line cut off after the arrow',
      '1\n00:00:01,000 --> 00:00:02,000\nSW: Hello.\n\n2\n00:00:03,000 -->\nMum: Hi.\n',
      /^interview\.srt:6: truncated cue: timing line "00:00:03,000 -->" has no end time$/,
    ],
    [
      'a timing line with no text at the end of the file',
      '1\n00:00:01,000 --> 00:00:02,000\nSW: Hello.\n\n2\n00:00:03,000 --> 00:00:04,000\n\n',
      /^interview\.srt:6: truncated cue: no text after the timing line at the end of the file$/,
    ],
    [
      'text between cues after a blank line',
      '1\n00:00:01,000 --> 00:00:02,000\nSW: Hello.\n\nand goodbye.\n\n2\n00:00:03,000 --> 00:00:04,000\nMum: Hi.\n',
      /^interview\.srt:5: expected a cue number or a timing line like .* found "and goodbye\."$/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parse(text), (error: unknown) => {
        assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

describe('parseSrt: fixtures/formats say the same as the plain-text fixtures', () => {
  const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
  const names = readdirSync(`${fixtures}formats`).filter((f) => f.endsWith('.srt')).map((f) => f.slice(0, -4)).sort();
  it('has the four interviews', () => {
    assert.deepEqual(names, ['just-a-friend-valentines', 'no-one-else-babysits', 'not-seen-since-christmas', 'stated-boyfriend']);
  });
  for (const name of names) {
    it(`${name}.srt: same speakers and words as ${name}.txt, each at its place in the file`, () => {
      const plain = parsePlain({ file: `${name}.txt`, text: readFileSync(`${fixtures}${name}.txt`, 'utf8') });
      const text = readFileSync(`${fixtures}formats/${name}.srt`, 'utf8');
      const parsed = parseSrt({ file: `${name}.srt`, text });
      assert.deepEqual(speakersAndTexts(parsed.utterances), speakersAndTexts(plain));
      assert.deepEqual(
        parsed.utterances.map((u) => u.time),
        plain.map((u) => (u.time?.split(':').length === 2 ? `00:${u.time}` : u.time)),
        'each turn starts at the time the .txt gives',
      );
      assertEveryCharacterMapsBack(parsed.utterances, text, name);
    });
  }
});

// Real third-party captions live beside the checkout, not in it; a clone elsewhere skips these tests.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/srt/', import.meta.url));
const present = existsSync(corpus);
const skip = present ? false : `../shared/corpus/srt not found beside the checkout (${corpus}); real SubRip checks skipped`;

describe('parseSrt: real captions from ../shared/corpus/srt', { skip }, () => {
  const expected: Record<string, string[]> = {
    'podcastindex-buzzsprout-example.srt': ['Travis', 'Sarah', 'Gilon'],
    'whisperlive-dutch-consult-transcript.srt': ['Speaker'],
  };
  const files = present ? readdirSync(corpus).filter((f) => f.endsWith('.srt')).sort() : [];
  it('has every file this test knows', () => {
    assert.deepEqual(files, Object.keys(expected).sort());
  });
  for (const name of files) {
    it(`${name}: speakers as the file names them, every word at its mapped place`, () => {
      const text = readFileSync(corpus + name, 'utf8');
      const { utterances, lineUnit } = parseSrt({ file: name, text });
      assert.equal(lineUnit, 'line');
      assert.deepEqual([...new Set(utterances.map((u) => u.speaker))], expected[name]);
      assert.ok(utterances.every((u) => /^\d\d:\d\d:\d\d$/.test(u.time ?? '')), 'every utterance has an hh:mm:ss time');
      assertEveryCharacterMapsBack(utterances, text, name);
    });
  }

  it('podcast: ten turns, each speaker change where a "Name:" prefix stands', () => {
    const text = readFileSync(`${corpus}podcastindex-buzzsprout-example.srt`, 'utf8');
    const utterances = parseSrt({ file: 'x.srt', text }).utterances;
    assert.deepEqual(
      utterances.map((u) => `${u.speaker}@${u.line}`),
      ['Travis@3', 'Sarah@87', 'Travis@152', 'Gilon@322', 'Travis@387', 'Gilon@467', 'Travis@556', 'Sarah@826', 'Gilon@891', 'Travis@1011'],
    );
  });

  it('live Whisper output: repeated and backward cues are read without a crash, immediate repeats dropped', () => {
    const text = readFileSync(`${corpus}whisperlive-dutch-consult-transcript.srt`, 'utf8');
    const [utterance, ...rest] = parseSrt({ file: 'x.srt', text }).utterances;
    assert.equal(rest.length, 0);
    assert.ok(utterance?.text.startsWith('Mijn vrouw Janssen, nog even voor de herhaling'));
    assert.ok(utterance?.text.endsWith('Ja, dat is wel lang heen eruit.'));
    assert.equal(utterance?.time, '00:00:00');
  });
});
