import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sniffFormat } from '../../src/formats/index.js';
import { jsonKind, looksLikeJsonTranscript } from '../../src/formats/whisper.js';
import { detectFormat, formatFromName, paragraphFormat, type FormatClues, type InputFormat } from '../../src/read/detect-format.js';

const PLAIN = 'SW: How are things at home?\nTRACEY: Fine.\n';
const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v SW>How are things?\n';
const SRT = '1\n00:00:01,000 --> 00:00:03,000\nSW: How are things?\n';
const WHISPER = '{"segments": [{"start": 0, "end": 1, "text": " Hello."}]}';
const CHAT = '@UTF8\n@Begin\n@Participants:\tINV Investigator, MOT Mother\n*INV:\thello .\n@End\n';
const MARKDOWN = '# Visit\n\n**SW:** How are things?\n\n**TRACEY:** Fine.\n';

describe('formatFromName', () => {
  const cases: Array<[string | undefined, InputFormat | undefined]> = [
    ['visit.txt', 'txt'],
    ['VISIT.TXT', 'txt'],
    ['notes.md', 'md'],
    ['notes.markdown', 'md'],
    ['police.vtt', 'vtt'],
    ['police.VTT', 'vtt'],
    ['police.srt', 'srt'],
    ['whisper.json', 'json'],
    ['child.cha', 'cha'],
    ['statement.docx', 'docx'],
    ['case/2024.05/visit.srt', 'srt'],
    ['case\\2024.05\\visit.srt', 'srt'],
    ['case.d/visit', undefined],
    ['statement.doc', undefined],
    ['audio.mp3', undefined],
    ['.txt', undefined],
    ['README', undefined],
    [undefined, undefined],
  ];
  for (const [name, expected] of cases) {
    it(`${String(name)} → ${String(expected)}`, () => assert.equal(formatFromName(name), expected));
  }
});

describe('sniffFormat', () => {
  const cases: Array<[string, string, InputFormat]> = [
    ['WEBVTT header', VTT, 'vtt'],
    ['WEBVTT header with a title', 'WEBVTT - police interview\n\n', 'vtt'],
    ['WEBVTT after a BOM and blank lines', `\uFEFF\n\n${VTT}`, 'vtt'],
    ['WEBVTTX is not WebVTT', 'WEBVTTX\n', 'txt'],
    ['SRT cue', SRT, 'srt'],
    ['SRT cue with CRLF', SRT.replace(/\n/g, '\r\n'), 'srt'],
    ['SRT cue with a dot before the milliseconds', '1\n00:00:01.000 --> 00:00:03.000\nHi\n', 'srt'],
    ['SRT cue after blank lines', `\n\n${SRT}`, 'srt'],
    ['a numbered line is not SRT', '1\nSW: Hello?\n', 'txt'],
    ['Whisper JSON object', WHISPER, 'json'],
    ['JSON array', '[{"speaker": "SW", "text": "Hi"}]', 'json'],
    ['any JSON document', '{"name": "x"}', 'json'],
    ['broken JSON is not JSON', '{"segments": [', 'txt'],
    ['a bracketed timestamp is not JSON', '[00:12:31] SW: Hello?\n', 'txt'],
    ['CHAT @UTF8', CHAT, 'cha'],
    ['CHAT @Begin first', '@Begin\n*MOT:\thi .\n@End\n', 'cha'],
    ['Markdown bold label inside', MARKDOWN, 'md'],
    ['Markdown bold label outside', '**SW**: How are things?\n', 'md'],
    ['Markdown bold label with a time, quoted', '> **SW** [00:05:10]: How are things?\n', 'md'],
    ['Markdown underscore label', '__SW:__ How are things?\n', 'md'],
    ['Markdown label in a list item', '- **SW:** How are things?\n', 'md'],
    ['bold words that are not a label', 'SW: It was **really** bad.\n', 'txt'],
    ['plain transcript', PLAIN, 'txt'],
    ['plain transcript with timestamps', '[00:12:31] SW: Hello?\n00:12:35 TRACEY: Hi.\n', 'txt'],
    ['a comment line first', `# notes\n${PLAIN}`, 'txt'],
    ['empty', '', 'txt'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(sniffFormat(text), expected));
  }
});

describe('detectFormat', () => {
  const cases: Array<[string, FormatClues, InputFormat]> = [
    ['--input-format wins over name and content', { forced: 'srt', name: 'a.vtt', text: VTT }, 'srt'],
    ['--input-format with no name', { forced: 'md', text: PLAIN }, 'md'],
    ['extension, confirmed by content', { name: 'a.vtt', text: VTT }, 'vtt'],
    ['.txt that is really WebVTT', { name: 'a.txt', text: VTT }, 'vtt'],
    ['.txt that is really SRT', { name: 'a.txt', text: SRT }, 'srt'],
    ['.txt that is really CHAT', { name: 'a.txt', text: CHAT }, 'cha'],
    ['.txt that is really Whisper JSON', { name: 'a.txt', text: WHISPER }, 'json'],
    ['.txt with Markdown labels', { name: 'a.txt', text: MARKDOWN }, 'md'],
    ['plain .txt', { name: 'a.txt', text: PLAIN }, 'txt'],
    ['.srt that is really WebVTT', { name: 'a.srt', text: VTT }, 'vtt'],
    ['.vtt without its header stays vtt (its parser says what is wrong)', { name: 'a.vtt', text: SRT.slice(2) }, 'vtt'],
    ['.json that is not JSON stays json', { name: 'a.json', text: 'segments: none' }, 'json'],
    ['.cha without @Begin stays cha', { name: 'a.cha', text: '*MOT:\thello .\n' }, 'cha'],
    ['.md with plain labels stays md', { name: 'a.md', text: PLAIN }, 'md'],
    ['.md with JSON content', { name: 'a.md', text: WHISPER }, 'json'],
    ['.docx name on text (the read stage opens real Word documents first): content decides', { name: 'a.docx', text: VTT }, 'vtt'],
    ['unknown extension: content decides', { name: 'a.log', text: VTT }, 'vtt'],
    ['unknown extension, plain content', { name: 'a.log', text: PLAIN }, 'txt'],
    ['stdin: content decides', { text: SRT }, 'srt'],
    ['stdin: CHAT', { text: CHAT }, 'cha'],
    ['stdin: Markdown', { text: MARKDOWN }, 'md'],
    ['stdin: plain', { text: PLAIN }, 'txt'],
    ['nothing at all', {}, 'txt'],
  ];
  for (const [name, clues, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(detectFormat(clues), expected));
  }
});

describe('looksLikeJsonTranscript', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Whisper segments', WHISPER, true],
    ['WhisperX segments with speakers', '{"segments": [{"start": 0, "text": "Hi", "speaker": "SPEAKER_00"}], "language": "en"}', true],
    ['a bare array of segments', '[{"speaker": "SW", "text": "Hi"}]', true],
    ['with a BOM', `\uFEFF${WHISPER}`, true],
    ['empty segments', '{"segments": []}', false],
    ['segments without text', '{"segments": [{"start": 0}]}', false],
    ['package.json', '{"name": "transcript-clues", "version": "0.1.0"}', false],
    ['an annotation file', '[{"kind": "relationship", "who": "Steven", "line": 12}]', false],
    ['an array of strings', '["a", "b"]', false],
    ['not JSON', 'SW: Hello?', false],
    ['truncated JSON', '{"segments": [{"text": "Hi"}', false],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(looksLikeJsonTranscript(text), expected));
  }
});

describe('jsonKind', () => {
  const cases: Array<[string, string, ReturnType<typeof jsonKind>]> = [
    ['segments', WHISPER, 'transcript'],
    ['package.json', '{"name": "x"}', 'other'],
    ['a number', '42', 'other'],
    ['truncated', '{"segments": [', 'invalid'],
    ['JSON with comments (tsconfig)', '{\n  // strict\n  "strict": true\n}', 'invalid'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(jsonKind(text), expected));
  }
});
