import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, type Analysis } from '../../src/analyse/index.js';
import { createClue, renderMessage, type DetectorMeta } from '../../src/detect/detector.js';
import { parse } from '../../src/parse/index.js';
import { check } from '../../src/cli/run.js';
import type { TextFormat as InputFormat } from '../../src/formats/index.js';

const meta: DetectorMeta = {
  id: 'relationship',
  kind: 'relationship',
  severity: 'info',
  description: 'A test detector.',
  examples: { fires: [], quiet: [] },
  messages: { quoted: 'quoted {who}' },
};

function analysed(file: string, text: string, format: InputFormat): Analysis {
  return analyse(parse({ file, text, format }));
}

/** A clue quoting `words` where they first occur in the transcript's sentences. */
function quoting(analysis: Analysis, words: string) {
  const sentence = analysis.sentences.find((s) => s.utterance.text.slice(s.start, s.end).includes(words));
  assert.ok(sentence, `"${words}" in a sentence`);
  const start = sentence.utterance.text.indexOf(words, sentence.start);
  return createClue(analysis, { meta, who: 'Steven', messageId: 'quoted', data: { who: 'Steven' }, quotes: [{ sentence: sentence.index, start, end: start + words.length }] });
}

describe('renderMessage', () => {
  const templates: DetectorMeta = { ...meta, messages: { twice: '{who} said "{words}" and {who} again', plain: 'no holes' } };

  it('fills every hole from the data, once, without reading holes in the data', () => {
    assert.equal(renderMessage(templates, 'twice', { who: 'Steven', words: 'see {who}' }), 'Steven said "see {who}" and Steven again');
    assert.equal(renderMessage(templates, 'plain', {}), 'no holes');
  });

  it('throws on an unknown id or a hole without data: a bug in the detector, not a clue', () => {
    assert.throws(() => renderMessage(templates, 'nope', {}), /relationship has no message "nope"/);
    assert.throws(() => renderMessage(templates, 'twice', { who: 'Steven' }), /needs data\.words/);
  });
});

// Line 2 is 51 characters; "just a friend" starts at 2:47 and runs onto the continuation line, ending at 3:9.
const CONTINUED = 'SW: Who is Steven?\nTRACEY: Steven comes round most nights. He is just\na friend, honestly.\nSW: OK.\n';

describe('createClue: where quoted words end', () => {
  it('makes a complete clue whose evidence ends on the line the words end on, one past the last character', () => {
    assert.deepEqual(quoting(analysed('t.txt', CONTINUED, 'txt'), 'just a friend'), {
      rule: 'relationship',
      kind: 'relationship',
      severity: 'info',
      file: 't.txt',
      line: 2,
      column: 47,
      lines: [2],
      who: 'Steven',
      speaker: 'TRACEY',
      messageId: 'quoted',
      data: { who: 'Steven' },
      message: 'quoted Steven',
      evidence: [{ line: 2, column: 47, endLine: 3, endColumn: 9, text: 'just a friend' }],
    });
  });

  it('ends words on one line at their start plus their length', () => {
    const [evidence] = quoting(analysed('t.txt', CONTINUED, 'txt'), 'comes round').evidence;
    assert.deepEqual(evidence, { line: 2, column: 16, endLine: 2, endColumn: 27, text: 'comes round' });
  });

  it('gives every real clue an end within the line it ends on', () => {
    const result = check({ file: 't.txt', text: CONTINUED });
    assert.ok(result.ok);
    const lines = CONTINUED.split('\n');
    assert.ok(result.clues.some((c) => c.evidence.some((e) => e.endLine === 3)));
    for (const evidence of result.clues.flatMap((c) => c.evidence)) {
      assert.ok(evidence.endLine! >= evidence.line, JSON.stringify(evidence));
      assert.ok(evidence.endColumn! <= lines[evidence.endLine! - 1]!.length + 1, JSON.stringify(evidence));
    }
  });

  it('ends a quote whose last character is a WebVTT character reference after the reference', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Mum>Steven &amp; Dean stay over.\n';
    const [evidence] = quoting(analysed('t.vtt', text, 'vtt'), 'Steven &').evidence;
    assert.deepEqual(evidence, { line: 4, column: 8, endLine: 4, endColumn: 20, text: 'Steven &', time: '00:00:01' });
  });
});

// Mum's turn joins three cues, started at 00:12:35, 00:12:39 and 00:12:42.
const VTT = [
  'WEBVTT',
  '',
  '00:12:31.000 --> 00:12:34.000',
  '<v SW>Who else is at home?',
  '',
  '00:12:35.000 --> 00:12:38.000',
  '<v Mum>Just me and the kids.',
  '',
  '00:12:39.500 --> 00:12:41.000',
  'Well, Steven comes round most nights.',
  '',
  '00:12:42.000 --> 00:12:45.000',
  'He is just a friend.',
  '',
].join('\n');

const SRT = [
  '1',
  '00:12:31,000 --> 00:12:34,000',
  'SW: Who else is at home?',
  '',
  '2',
  '00:12:35,000 --> 00:12:38,000',
  'MUM: Just me and the kids.',
  '',
  '3',
  '00:12:39,500 --> 00:12:41,000',
  'Well, Steven comes round most nights.',
  '',
  '4',
  '00:12:42,000 --> 00:12:45,000',
  'He is just a friend.',
  '',
].join('\n');

const WHISPER = JSON.stringify(
  {
    segments: [
      { start: 751, end: 754, text: ' Who else is at home?', speaker: 'SW' },
      { start: 755, end: 758, text: ' Just me and the kids.', speaker: 'MUM' },
      { start: 759.5, end: 761, text: ' Well, Steven comes round most nights.', speaker: 'MUM' },
      { start: 762, end: 765, text: ' He is just a friend.', speaker: 'MUM' },
    ],
  },
  null,
  2,
);

const formats: Array<[InputFormat, string, string]> = [
  ['vtt', 't.vtt', VTT],
  ['srt', 't.srt', SRT],
  ['json', 't.json', WHISPER],
];

describe('createClue: the time on a quote is the start of the cue it begins in', () => {
  for (const [format, file, text] of formats) {
    it(`${format}: a turn of three cues times each quote by its own cue`, () => {
      const analysis = analysed(file, text, format);
      const turn = analysis.transcript.utterances[1]!;
      assert.equal(turn.text, 'Just me and the kids. Well, Steven comes round most nights. He is just a friend.');
      assert.equal(turn.time, '00:12:35');
      assert.equal(quoting(analysis, 'the kids').evidence[0]!.time, '00:12:35');
      assert.equal(quoting(analysis, 'comes round').evidence[0]!.time, '00:12:39');
      assert.equal(quoting(analysis, 'just a friend').evidence[0]!.time, '00:12:42');
    });

    it(`${format}: the detectors' own clues carry the time of the cue their words are in`, () => {
      const result = check({ file, text, format });
      assert.ok(result.ok);
      const denial = result.clues.find((c) => c.rule === 'relationship');
      assert.deepEqual(
        denial?.evidence.map((e) => [e.text, e.time]),
        [['just a friend', '00:12:42']],
      );
    });
  }

  it('falls back to the turn time where a cue has none (a Whisper segment without start)', () => {
    const untimed = WHISPER.replace('"start": 762,', '');
    assert.notEqual(untimed, WHISPER);
    const analysis = analysed('t.json', untimed, 'json');
    assert.equal(quoting(analysis, 'comes round').evidence[0]!.time, '00:12:39');
    assert.equal(quoting(analysis, 'just a friend').evidence[0]!.time, '00:12:35');
  });

  it('gives no time where the transcript has none', () => {
    const [evidence] = quoting(analysed('t.txt', CONTINUED, 'txt'), 'just a friend').evidence;
    assert.equal(evidence!.time, undefined);
    assert.ok(!('time' in evidence!));
  });
});
