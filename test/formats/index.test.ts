/**
 * The one array of formats: every list, detection rule and choice that names formats comes from `FORMATS`, so a
 * format added to it (with a sample below) shows up in all of them, and nothing names a format it does not hold.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { DEFAULT_FORMAT, FORMATS, formatNamed, isLoose, sniffFormat, type TextFormat } from '../../src/formats/index.js';
import { parse } from '../../src/parse/index.js';
import { detectFormat, formatFromName, INPUT_FORMATS, paragraphFormat, TRANSCRIPT_EXTENSIONS, WORD } from '../../src/read/detect-format.js';
import { isTranscriptName } from '../../src/read/read.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A short transcript in each format, the same two turns. A new format needs one here. */
const SAMPLES: Record<TextFormat, string> = {
  txt: 'SW: Who stays over?\nMUM: Steven does.\n',
  md: '**SW:** Who stays over?\n\n**MUM:** Steven does.\n',
  vtt: 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v SW>Who stays over?\n\n00:00:04.000 --> 00:00:06.000\n<v MUM>Steven does.\n',
  srt: '1\n00:00:01,000 --> 00:00:03,000\nSW: Who stays over?\n\n2\n00:00:04,000 --> 00:00:06,000\nMUM: Steven does.\n',
  json: '[{"speaker": "SW", "text": "Who stays over?"}, {"speaker": "MUM", "text": "Steven does."}]',
  cha: '@UTF8\n@Begin\n@Participants:\tSW Social_Worker, MUM Mother\n*SW:\tWho stays over ?\n*MUM:\tSteven does .\n@End\n',
};

const NAMES = FORMATS.map((format) => format.name);

describe('FORMATS: the one array', () => {
  it('names each format once, and has a sample for each', () => {
    assert.equal(new Set(NAMES).size, NAMES.length);
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...NAMES].sort());
  });

  it('has exactly one default format, the one with no sniff, which any unrecognised text is read as', () => {
    assert.deepEqual(FORMATS.filter((format) => format.sniff === undefined).map((format) => format.name), [DEFAULT_FORMAT]);
    assert.equal(sniffFormat('Notes of a visit, no speakers at all.'), DEFAULT_FORMAT);
    assert.equal(detectFormat({}), DEFAULT_FORMAT);
    assert.equal(parse({ file: 't', text: SAMPLES[DEFAULT_FORMAT] }).utterances.length, 2);
  });
});

describe('FORMATS: everything that names formats derives from it', () => {
  it('--input-format accepts every format, then Word documents, and nothing else', () => {
    assert.deepEqual(INPUT_FORMATS, [...NAMES, WORD.name]);
  });

  it('a folder walk picks up every extension of every format, and .docx', () => {
    assert.deepEqual(TRANSCRIPT_EXTENSIONS, [...FORMATS.flatMap((format) => format.extensions), ...WORD.extensions]);
    for (const extension of TRANSCRIPT_EXTENSIONS) assert.ok(isTranscriptName(`visit${extension.toUpperCase()}`), extension);
  });

  for (const format of FORMATS) {
    const sample = SAMPLES[format.name];

    it(`${format.name}: its extensions name it`, () => {
      assert.ok(format.extensions.length > 0);
      for (const extension of format.extensions) {
        assert.equal(formatFromName(`case/visit${extension}`), format.name);
        assert.equal(formatFromName(`VISIT${extension.toUpperCase()}`), format.name);
      }
    });

    it(`${format.name}: its sample is recognised by content alone, and by its extension`, () => {
      assert.equal(sniffFormat(sample), format.name);
      assert.equal(detectFormat({ text: sample }), format.name);
      assert.equal(detectFormat({ name: `visit${format.extensions[0]}`, text: sample }), format.name);
    });

    it(`${format.name}: a loose format never overrules another format's extension; a signature always does`, () => {
      for (const other of FORMATS.filter((f) => f.name !== format.name && f.name !== DEFAULT_FORMAT)) {
        const detected = detectFormat({ name: `visit${other.extensions[0]}`, text: sample });
        assert.equal(detected, isLoose(format.name) ? other.name : format.name, `${format.name} text named ${other.extensions[0]}`);
      }
    });

    it(`${format.name}: --input-format forces it, and parse() uses its parser`, () => {
      assert.equal(detectFormat({ forced: format.name, name: 'visit.txt', text: SAMPLES.txt }), format.name);
      const transcript = parse({ file: `t.${format.name}`, text: sample, format: format.name });
      assert.deepEqual(transcript.utterances, formatNamed(format.name).parse({ file: `t.${format.name}`, text: sample }).utterances);
      assert.deepEqual(transcript.utterances.map((u) => u.speaker), ['SW', 'MUM']);
    });
  }

  it("a Word document's paragraphs are read as a loose format: Markdown when they look like it, else plain text", () => {
    for (const format of FORMATS) {
      const expected = isLoose(format.name) ? format.name : DEFAULT_FORMAT;
      assert.equal(paragraphFormat(SAMPLES[format.name]), expected, format.name);
    }
  });

  it('the CLI offers exactly these choices for --input-format, and names them when given another', () => {
    const run = spawnSync(process.execPath, ['bin/clues.js', '--input-format', 'pdf', 'fixtures'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 2);
    const choices = /Allowed choices are (.*)\./.exec(run.stderr)?.[1];
    assert.equal(choices, INPUT_FORMATS.join(', '), run.stderr);
  });
});
