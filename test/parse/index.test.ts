import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../src/parse/index.js';

const homeVisit = [
  'TRACEY: Come in, sit down. Do you want a tea?',
  'SW: No thanks. How are things at home? Who lives here with you?',
  "TRACEY: Just me and Kayden. My mum pops round. Why?",
  'SW: Does anyone else stay over? Has Steven been round?',
  "TRACEY: He's just a friend.",
].join('\n');

describe('parse', () => {
  it('returns the file, utterances and speakers with roles', () => {
    const transcript = parse({ file: 'visit.txt', text: homeVisit });
    assert.equal(transcript.file, 'visit.txt');
    assert.equal(transcript.utterances.length, 5);
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role]),
      [
        ['TRACEY', 'interviewee'],
        ['SW', 'interviewer'],
      ],
    );
  });

  it('passes --interviewer through to the roles', () => {
    const transcript = parse({ file: 'visit.txt', text: homeVisit }, { interviewer: 'TRACEY' });
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role, s.source]),
      [
        ['TRACEY', 'interviewer', 'option'],
        ['SW', 'interviewee', 'inferred'],
      ],
    );
  });

  it('lets the no-label error through unchanged', () => {
    assert.throws(() => parse({ file: 'notes.txt', text: 'just some notes\n' }), {
      name: 'InputError',
      message: 'notes.txt: no speaker labels found; expected lines like "SW: How are things at home?"',
    });
  });

  it('puts the file name in front of the error of a bad --interviewer', () => {
    assert.throws(() => parse({ file: 'visit.txt', text: homeVisit }, { interviewer: 'Nurse' }), {
      name: 'InputError',
      message: 'visit.txt: --interviewer "Nurse" matches no speaker; speakers found: TRACEY, SW',
    });
  });
});

describe('parse: formats', () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v SW>Who stays over?\n\n00:00:04.000 --> 00:00:06.000\n<v MUM>Steven does.\n';

  it('picks the parser by source.format and sets lineUnit', () => {
    const transcript = parse({ file: 'police.vtt', text: vtt, format: 'vtt' });
    assert.equal(transcript.lineUnit, 'line');
    assert.deepEqual(
      transcript.utterances.map((u) => [u.speaker, u.text, u.line, u.time]),
      [
        ['SW', 'Who stays over?', 4, '00:00:01'],
        ['MUM', 'Steven does.', 7, '00:00:04'],
      ],
    );
  });

  it('reads a source with no format as plain text', () => {
    const transcript = parse({ file: 'visit.txt', text: homeVisit });
    assert.equal(transcript.utterances.length, 5);
    assert.equal(transcript.lineUnit, 'line');
  });

  it('parses each format with its own parser', () => {
    const sources = [
      { format: 'txt', text: 'SW: Who stays over?\nMUM: Steven does.\n' },
      { format: 'md', text: '**SW:** Who stays over?\n\n**MUM:** Steven does.\n' },
      { format: 'vtt', text: vtt },
      { format: 'srt', text: '1\n00:00:01,000 --> 00:00:03,000\nSW: Who stays over?\n\n2\n00:00:04,000 --> 00:00:06,000\nMUM: Steven does.\n' },
      { format: 'json', text: '[{"speaker": "SW", "text": "Who stays over?"}, {"speaker": "MUM", "text": "Steven does."}]' },
      { format: 'cha', text: '@UTF8\n@Begin\n@Participants:\tSW Social_Worker, MUM Mother\n*SW:\tWho stays over ?\n*MUM:\tSteven does .\n@End\n' },
    ] as const;
    for (const { format, text } of sources) {
      const transcript = parse({ file: `t.${format}`, text, format });
      assert.deepEqual(
        transcript.utterances.map((u) => u.speaker),
        ['SW', 'MUM'],
        format,
      );
      assert.match(transcript.utterances[1]!.text, /^Steven does ?\.$/, format);
    }
  });

  it('parses a Word document as paragraphs, with Markdown labels when it has them', () => {
    const plain = parse({ file: 'visit.docx', text: 'Title\nSW: Who stays over?\nMUM: Steven does.', format: 'txt', container: 'docx' });
    assert.equal(plain.lineUnit, 'paragraph');
    assert.deepEqual(plain.utterances.map((u) => u.line), [2, 3]);
    const markdown = parse({ file: 'visit.docx', text: '**SW:** Who stays over?\n**MUM:** Steven does.', format: 'md', container: 'docx' });
    assert.equal(markdown.lineUnit, 'paragraph');
    assert.deepEqual(markdown.utterances.map((u) => [u.speaker, u.text]), [
      ['SW', 'Who stays over?'],
      ['MUM', 'Steven does.'],
    ]);
  });

  it('puts the file name in front of a format parser error', () => {
    assert.throws(() => parse({ file: 'bad.vtt', text: 'not captions\n', format: 'vtt' }), (error: Error) => {
      assert.equal(error.name, 'InputError');
      assert.ok(error.message.startsWith('bad.vtt'), error.message);
      return true;
    });
  });

  const chat = [
    '@UTF8',
    '@Begin',
    '@Participants:\tINV Investigator, MOT Mother',
    '*MOT:\tcan I ask you something ?',
    '*INV:\tyes .',
    '*MOT:\twhat happens now ?',
    '*INV:\twho stays at yours ?',
    '*MOT:\tSteven stays over .',
    '@End',
  ].join('\n');

  it('takes the interviewers the file names (CHAT @Participants) over inference', () => {
    const transcript = parse({ file: 'visit.cha', text: chat, format: 'cha' });
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role, s.source]),
      [
        ['MOT', 'interviewee', 'file'],
        ['INV', 'interviewer', 'file'],
      ],
    );
  });

  it('lets --interviewer overrule the file', () => {
    const transcript = parse({ file: 'visit.cha', text: chat, format: 'cha' }, { interviewer: 'MOT' });
    assert.deepEqual(
      transcript.speakers.map((s) => [s.label, s.role, s.source]),
      [
        ['MOT', 'interviewer', 'option'],
        ['INV', 'interviewee', 'inferred'],
      ],
    );
  });
});
