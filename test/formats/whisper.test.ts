import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../src/errors.js';
import { parsePlain } from '../../src/formats/plain.js';
import { positionAt } from '../../src/position.js';
import { parseWhisperJson } from '../../src/formats/whisper.js';
import type { Utterance } from '../../src/types.js';
import { assertAt, assertWordsMapBack, locate } from './positions.js';

function parseJson(text: string, file = 'call.json'): Utterance[] {
  return parseWhisperJson({ file, text }).utterances;
}

const WHISPERX = `{
  "segments": [
    {
      "start": 751.42,
      "end": 755.1,
      "text": " Who else lives at the property?",
      "words": [{"word": "Who", "start": 751.42, "end": 751.6, "score": 0.91, "speaker": "SPEAKER_00"}],
      "speaker": "SPEAKER_00"
    },
    {
      "start": 756.0,
      "end": 759.2,
      "text": " No one else lives here.",
      "speaker": "SPEAKER_01"
    },
    {
      "start": 759.3,
      "end": 763.9,
      "text": " Nobody else has him, I do everything myself.",
      "speaker": "SPEAKER_01"
    },
    {
      "start": 3725.5,
      "end": 3727,
      "text": " And Riley's dad?",
      "speaker": "SPEAKER_00"
    }
  ],
  "word_segments": [{"word": "Who", "start": 751.42, "end": 751.6}]
}
`;

describe('parseWhisperJson: WhisperX segments', () => {
  const utterances = parseJson(WHISPERX);

  it('joins consecutive segments of one speaker into one utterance, with a single space', () => {
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text]),
      [
        ['SPEAKER_00', 'Who else lives at the property?'],
        ['SPEAKER_01', 'No one else lives here. Nobody else has him, I do everything myself.'],
        ['SPEAKER_00', "And Riley's dad?"],
      ],
    );
    assert.deepEqual(
      utterances.map((u) => u.index),
      [0, 1, 2],
    );
  });

  it('takes the time of the first segment of each utterance as hh:mm:ss', () => {
    assert.deepEqual(
      utterances.map((u) => u.time),
      ['00:12:31', '00:12:36', '01:02:05'],
    );
  });

  it('points the utterance, and each joined segment, at the string literal in the file', () => {
    const [first, second] = utterances as [Utterance, Utterance];
    assert.deepEqual({ line: first.line, column: first.column }, { line: 6, column: 17 });
    assertAt(first, WHISPERX, 'property', 'property');
    assertAt(second, WHISPERX, 'No one', 'No one');
    assertAt(second, WHISPERX, 'Nobody', 'Nobody');
    assertAt(second, WHISPERX, 'myself', 'myself');
    assert.deepEqual(
      second.segments.map((s) => [s.offset, s.line, s.column]),
      [
        [0, 13, 17],
        [24, 19, 17],
      ],
    );
  });

  it("gives each joined segment's words the segment's own start", () => {
    assert.deepEqual(
      utterances.map((u) => u.segments.map((s) => s.time)),
      [['00:12:31'], ['00:12:36', '00:12:39'], ['01:02:05']],
    );
  });

  it('starts a new segment, with its own time, even where two segments of one turn share a line', () => {
    const text = '[{"speaker": "A", "text": "one", "start": 1}, {"speaker": "A", "text": "two", "start": 62}, {"speaker": "A", "text": "three"}]';
    const [utterance] = parseJson(text) as [Utterance];
    assert.equal(utterance.text, 'one two three');
    assert.equal(utterance.time, '00:00:01');
    assert.deepEqual(
      utterance.segments.map((s) => [s.offset, s.time]),
      [
        [0, '00:00:01'],
        [4, '00:01:02'],
        [8, undefined],
      ],
    );
    assertAt(utterance, text, 'two', 'two');
    assertAt(utterance, text, 'three', 'three');
  });

  it('ignores words[], word_segments and other fields', () => {
    assert.equal(utterances.length, 3);
    assert.ok(!utterances.some((u) => u.text.includes('score')));
  });
});

describe('parseWhisperJson: escapes inside the text keep positions exact', () => {
  it('maps words after \\u00e9, \\" and \\\\ to their columns on the same line', () => {
    const text = '{"segments": [{"start": 1, "text": " Ren\\u00e9e said \\"he\\\\she\\" was round", "speaker": "B"}]}';
    const [utterance] = parseJson(text) as [Utterance];
    assert.equal(utterance.text, 'Renée said "he\\she" was round');
    assertAt(utterance, text, 'Ren', 'Ren');
    assertAt(utterance, text, 'said', 'said');
    assertAt(utterance, text, 'he\\', 'he\\\\');
    assertAt(utterance, text, 'she', 'she');
    assertAt(utterance, text, 'round', 'round');
    // é is the six characters \u00e9 in the file.
    assert.deepEqual(positionAt(utterance, 3), locate(text, '\\u00e9'));
  });

  it('turns a \\n escape into a space and keeps the next word on its column', () => {
    const text = '[\n  {"speaker": "SW", "text": "Who stays over?\\nAnyone at all?"}\n]\n';
    const [utterance] = parseJson(text) as [Utterance];
    assert.equal(utterance.text, 'Who stays over? Anyone at all?');
    assertAt(utterance, text, 'Anyone', 'Anyone');
    assert.deepEqual(positionAt(utterance, utterance.text.indexOf('Anyone')), { line: 2, column: 47 });
  });

  it('handles an escaped surrogate pair and tabs', () => {
    const text = '[{"speaker": "A", "text": "ok \\ud83d\\ude42\\tthen Dean came"}]';
    const [utterance] = parseJson(text) as [Utterance];
    assert.equal(utterance.text, 'ok \u{1F642} then Dean came');
    assertAt(utterance, text, 'then', 'then');
    assertAt(utterance, text, 'Dean', 'Dean');
  });

  it('finds the right literal when keys and values repeat ("text" as a speaker, words with their own "text")', () => {
    const text = [
      '{"segments": [',
      '  {"speaker": "text", "words": [{"text": "Dean"}], "text": "Dean stays"},',
      '  {"text": "text", "speaker": "SW"}',
      ']}',
    ].join('\n');
    const utterances = parseJson(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text]),
      [
        ['text', 'Dean stays'],
        ['SW', 'text'],
      ],
    );
    assertAt(utterances[0] as Utterance, text, 'Dean', 'Dean stays');
    assert.deepEqual({ line: utterances[1]?.line, column: utterances[1]?.column }, { line: 3, column: 13 });
  });

  it('takes the last of a key written twice, as JSON.parse does, and maps its words to that literal', () => {
    const text = '[{"speaker": "SW", "text": "Who lives here?", "speaker": "MUM", "text": "Steven stays over."}]';
    const [turn] = parseJson(text) as [Utterance];
    assert.deepEqual([turn.speaker, turn.text], ['MUM', 'Steven stays over.']);
    assertAt(turn, text, 'Steven', 'Steven stays');
  });

  it('maps positions in minified JSON, CRLF files and files with a BOM', () => {
    const minified = '{"segments":[{"start":0,"end":2,"text":" Hello there."},{"start":2,"end":3,"text":" Bye."}]}';
    const [one] = parseJson(minified) as [Utterance];
    assert.equal(one.text, 'Hello there. Bye.');
    assertAt(one, minified, 'Bye', 'Bye');
    const crlf = '\uFEFF[\r\n {"speaker": "Q", "text": "Who is Kayleigh?"},\r\n {"speaker": "A", "text": "A friend."}\r\n]';
    const [, answer] = parseJson(crlf) as [Utterance, Utterance];
    assert.deepEqual({ line: answer.line, column: answer.column }, { line: 3, column: 28 });
  });
});

describe('parseWhisperJson: shapes', () => {
  it('reads a plain array of {speaker, text, start?, end?}', () => {
    const text = JSON.stringify([
      { speaker: 'SW', text: 'Who is Dean?', start: 12 },
      { speaker: 'MUM', text: 'Just a friend.' },
      { speaker: 'MUM', text: 'Honest.', start: '00:01:05' },
    ]);
    const utterances = parseJson(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text, u.time]),
      [
        ['SW', 'Who is Dean?', '00:00:12'],
        ['MUM', 'Just a friend. Honest.', undefined],
      ],
    );
    assert.ok(!('time' in (utterances[1] as Utterance)));
  });

  it('keeps a time written as a string, without its fraction', () => {
    const [utterance] = parseJson('[{"speaker": "A", "text": "Yes.", "start": "12:31.5"}]') as [Utterance];
    assert.equal(utterance.time, '12:31');
  });

  it('gives segments without a speaker to one speaker, "Speaker"', () => {
    const text = '{"text": " Hi. Bye.", "segments": [{"start": 0, "end": 1, "text": " Hi."}, {"start": 1, "end": 2, "text": " Bye."}], "language": "en"}';
    const utterances = parseJson(text);
    assert.deepEqual(
      utterances.map((u) => [u.speaker, u.text]),
      [['Speaker', 'Hi. Bye.']],
    );
  });

  it('skips segments whose text is empty or only spaces, and joins across them', () => {
    const text = '[{"speaker": "A", "text": "One."}, {"speaker": "A", "text": "  "}, {"speaker": "A", "text": "Two."}]';
    assert.deepEqual(
      parseJson(text).map((u) => u.text),
      ['One. Two.'],
    );
  });

  it('returns no interviewers (the JSON does not say who asks)', () => {
    assert.equal(parseWhisperJson({ file: 'x.json', text: WHISPERX }).interviewers, undefined);
  });
});

describe('parseWhisperJson: errors name the file, the line and the JSON path', () => {
  const throwsWith = (text: string, message: string | RegExp, file = 'x.json'): void => {
    assert.throws(
      () => parseJson(text, file),
      (error: unknown) => {
        assert.ok(error instanceof InputError, 'an InputError');
        if (typeof message === 'string') assert.equal(error.message, message);
        else assert.match(error.message, message);
        return true;
      },
    );
  };

  it('segments[3].text that is not a string', () => {
    const segments = [0, 1, 2].map((i) => `    {"start": ${i}, "end": ${i + 1}, "text": " Line ${i}.", "speaker": "A"},`);
    const text = ['{', '  "segments": [', ...segments, '    {', '      "start": 3,', '      "text": 42', '    }', '  ]', '}'].join('\n');
    throwsWith(text, 'x.json:8: segments[3].text must be a string (found number 42)');
  });

  it('a missing text, at the segment’s line', () => {
    throwsWith('{"segments": [\n {"start": 0, "text": "Hi."},\n {"start": 1, "speaker": "B"}\n]}', 'x.json:3: segments[1].text must be a string (it is missing)');
  });

  it('a segment that is not an object', () => {
    throwsWith('[\n  {"speaker": "A", "text": "Hi."},\n  "Bye."\n]', 'x.json:3: [1] must be an object with "text" (found the string "Bye.")');
  });

  it('a speaker or start of the wrong type', () => {
    throwsWith('[{"speaker": {"id": 1}, "text": "Hi."}]', 'x.json:1: [0].speaker must be a string (found an object)');
    throwsWith('{"segments": [\n{"start": "soon", "text": "Hi."}]}', 'x.json:2: segments[0].start must be a number of seconds (found the string "soon")');
  });

  it('the wrong top-level shape', () => {
    throwsWith(
      '{"results": []}',
      'x.json:1: expected Whisper JSON: {"segments": [{"start", "end", "text", "speaker"?}]} or [{"speaker", "text", "start"?}]',
    );
    throwsWith('"just a string"', /^x\.json:1: expected Whisper JSON/);
  });

  it('no speech at all', () => {
    throwsWith('{"segments": []}', 'x.json:1: no speech found: "segments" is empty');
    throwsWith('[{"speaker": "A", "text": " "}]', 'x.json:1: no speech found: every segment has empty text');
  });

  it('JSON nested too deeply to locate its values, in one line instead of a crash', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    throwsWith(`{"segments": [{"text": "Hi", "words": ${deep}}]}`, 'x.json: JSON nested too deeply to read');
  });

  it('JSON that does not parse, with the line of the error', () => {
    throwsWith('{\n  "segments": [\n    {"text": "Hi.",}\n  ]\n}', /^x\.json:3: not valid JSON: /);
    throwsWith('{"segments": [', /^x\.json(?::1)?: not valid JSON: /);
  });
});

// The same interviews as fixtures/NAME.txt, as diarised Whisper JSON.
const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const FORMAT_FIXTURES = ['just-a-friend-valentines', 'no-one-else-babysits', 'not-seen-since-christmas', 'stated-boyfriend'];

describe('fixtures/formats/*.json: the plain-text fixtures as Whisper JSON', () => {
  for (const name of FORMAT_FIXTURES) {
    it(`${name}.json has the same speakers and words as ${name}.txt, each word at its place`, () => {
      const text = readFileSync(`${fixtures}formats/${name}.json`, 'utf8');
      const utterances = parseJson(text, `${name}.json`);
      const plain = parsePlain({ file: `${name}.txt`, text: readFileSync(`${fixtures}${name}.txt`, 'utf8') });
      assert.deepEqual(
        utterances.map((u) => [u.speaker, u.text]),
        plain.map((u) => [u.speaker, u.text]),
      );
      assert.ok(utterances.every((u) => u.time !== undefined));
      assertWordsMapBack(utterances, text);
    });
  }
});

// Real Whisper output beside the checkout; a clone elsewhere skips these tests.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/whisper-json/', import.meta.url));
const present = existsSync(corpus);
const skip = present ? false : `../shared/corpus/whisper-json not found beside the checkout (${corpus}); real Whisper JSON checks skipped`;

describe('real Whisper JSON from ../shared/corpus', { skip }, () => {
  const files = present ? readdirSync(corpus).filter((f) => f.endsWith('.json')).sort() : [];
  it('has the files', () => assert.ok(files.length >= 2, files.join(', ')));
  for (const name of files) {
    it(`${name}: one speaker (not diarised), segment text not word text, every word at its place`, () => {
      const text = readFileSync(corpus + name, 'utf8');
      const utterances = parseJson(text, name);
      const data = JSON.parse(text) as { segments: Array<{ text: string }> };
      assert.deepEqual(
        utterances.map((u) => u.speaker),
        ['Speaker'],
      );
      const [only] = utterances as [Utterance];
      assert.equal(only.text, data.segments.map((s) => s.text.trim()).join(' '));
      assert.match(only.text, /^Apollo 11, Houston/);
      assert.equal(only.time, '00:00:00');
      assert.equal(only.segments.length, data.segments.length);
      assert.ok(assertWordsMapBack(utterances, text) > 50);
    });
  }
});
