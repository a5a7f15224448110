import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { decodeTranscript, isTranscriptName, readSources } from '../../src/read/read.js';
import type { Source } from '../../src/formats/index.js';

const GOOD_TEXT = 'SW: How are things at home?\nTRACEY: Fine. Steven comes round sometimes.\n';
const VTT_TEXT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v SW>How are things at home?\n';
const SEGMENTS_JSON = '{"segments": [{"start": 1, "end": 2, "text": "How are things?", "speaker": "SW"}]}\n';
/** The repo root, from dist/test/read/read.test.js. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** A real Word document, saved by LibreOffice Writer from fixtures/stated-boyfriend.txt. */
const DOCX = readFileSync(join(ROOT, 'fixtures', 'formats', 'stated-boyfriend.docx'));

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcript-clues-read-'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `content` to `name` under the temp root (creating folders) and returns its path. */
async function put(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(root, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

const noStdin = async (): Promise<Buffer> => {
  throw new Error('stdin should not be read');
};

describe('readSources: files', () => {
  it('reads a text file, keeping the path as given', async () => {
    const path = await put('visit.txt', GOOD_TEXT);
    const relativePath = relative(process.cwd(), path);
    assert.deepEqual(await readSources([relativePath], noStdin), [{ file: relativePath, text: GOOD_TEXT, format: 'txt' }]);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const path = await put('bom.txt', `\uFEFF${GOOD_TEXT}`);
    assert.deepEqual(await readSources([path], noStdin), [{ file: path, text: GOOD_TEXT, format: 'txt' }]);
  });

  it('keeps non-ASCII text', async () => {
    const path = await put('accents.txt', 'SW: Zoë, who is Siân?\nZOË: My nan’s friend.\n');
    assert.deepEqual(await readSources([path], noStdin), [
      { file: path, text: 'SW: Zoë, who is Siân?\nZOË: My nan’s friend.\n', format: 'txt' },
    ]);
  });

  it('returns an error for each bad file and still reads the others, in order', async () => {
    const good = await put('good.txt', GOOD_TEXT);
    const missing = join(root, 'no-such-interview.txt');
    const empty = await put('empty.txt', '');
    const blank = await put('blank.txt', '  \n\t\r\n  ');
    const bomOnly = await put('bom-only.txt', '\uFEFF\n');
    const binary = await put('recording.txt', Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x0f, 0x76]));
    const latin1 = await put('latin1.txt', Buffer.from('SW: Caf\xe9 at nine?\n', 'latin1'));
    const good2 = await put('good2.txt', 'SW: Anything else?\nTRACEY: No.\n');

    const results = await readSources([good, missing, empty, blank, bomOnly, binary, latin1, good2], noStdin);

    assert.deepEqual(results, [
      { file: good, text: GOOD_TEXT, format: 'txt' },
      { file: missing, error: 'no such file or directory' },
      { file: empty, error: 'file is empty' },
      { file: blank, error: 'file is empty' },
      { file: bomOnly, error: 'file is empty' },
      { file: binary, error: 'looks like a binary file, not a text transcript' },
      { file: latin1, error: 'file is not valid UTF-8 text (byte 0xE9 at line 1, column 8); re-save it as UTF-8' },
      { file: good2, text: 'SW: Anything else?\nTRACEY: No.\n', format: 'txt' },
    ]);
  });

  it('reports a missing path inside a file name as missing', async () => {
    const good = await put('good.txt', GOOD_TEXT);
    const underFile = join(good, 'inner.txt');
    assert.deepEqual(await readSources([underFile, good], noStdin), [
      { file: underFile, error: 'no such file or directory' },
      { file: good, text: GOOD_TEXT, format: 'txt' },
    ]);
  });

  it('only looks for NUL bytes in the first 8 KB', async () => {
    const late = `${'SW: Hello.\n'.repeat(800)}\0`;
    const early = `${'SW: Hello.\n'.repeat(700)}\0`;
    assert.ok(Buffer.byteLength(late) > 8192 && Buffer.byteLength(early) < 8192);
    assert.deepEqual(decodeTranscript(Buffer.from(late)), { text: late });
    assert.deepEqual(decodeTranscript(Buffer.from(early)), {
      error: 'looks like a binary file, not a text transcript',
    });
  });

  const isRoot = process.getuid?.() === 0;
  it('reports an unreadable file as permission denied', { skip: isRoot && 'root can read any file' }, async () => {
    const locked = await put('locked.txt', GOOD_TEXT);
    const good = await put('good.txt', GOOD_TEXT);
    await chmod(locked, 0o000);
    try {
      assert.deepEqual(await readSources([locked, good], noStdin), [
        { file: locked, error: "permission denied; check that you have read access to it" },
        { file: good, text: GOOD_TEXT, format: 'txt' },
      ]);
    } finally {
      await chmod(locked, 0o644);
    }
  });
});

describe('readSources: directories', () => {
  it('reads every transcript inside, recursively, sorted by path, joined to the directory as given', async () => {
    const dir = join(root, 'case-42');
    await put('case-42/visit-2.txt', 'SW: Second visit?\n');
    await put('case-42/visit-1.txt', 'SW: First visit?\n');
    await put('case-42/school/teacher.txt', 'SW: Teacher?\n');
    await put('case-42/school/NOTES.TXT', 'SW: Notes?\n');
    await put('case-42/police/interview.vtt', VTT_TEXT);
    await put('case-42/police/interview.json', SEGMENTS_JSON);
    await put('case-42/notes.md', '**SW:** Notes?\n');
    await put('case-42/audio.mp3', 'not a transcript');
    await put('case-42/photo.jpg', 'not a transcript');
    await mkdir(join(dir, 'empty-folder'), { recursive: true });

    const expected: Source[] = [
      { file: `${dir}${sep}notes.md`, text: '**SW:** Notes?\n', format: 'md' },
      { file: `${dir}${sep}police${sep}interview.json`, text: SEGMENTS_JSON, format: 'json' },
      { file: `${dir}${sep}police${sep}interview.vtt`, text: VTT_TEXT, format: 'vtt' },
      { file: `${dir}${sep}school${sep}NOTES.TXT`, text: 'SW: Notes?\n', format: 'txt' },
      { file: `${dir}${sep}school${sep}teacher.txt`, text: 'SW: Teacher?\n', format: 'txt' },
      { file: `${dir}${sep}visit-1.txt`, text: 'SW: First visit?\n', format: 'txt' },
      { file: `${dir}${sep}visit-2.txt`, text: 'SW: Second visit?\n', format: 'txt' },
    ];
    assert.deepEqual(await readSources([dir], noStdin), expected);
    // A trailing slash is not doubled.
    assert.deepEqual(await readSources([`${dir}${sep}`], noStdin), expected);
  });

  it('skips annotations, non-transcript JSON, READMEs, hidden folders and node_modules', async () => {
    const dir = join(root, 'skips');
    await put('skips/visit.txt', GOOD_TEXT);
    await put('skips/visit.expected.json', '[{"kind": "relationship", "who": "Steven", "line": 2}]\n');
    await put('skips/package.json', '{"name": "x", "version": "1.0.0"}\n');
    await put('skips/empty-segments.json', '{"segments": []}\n');
    await put('skips/README.md', '# Case notes\n\nSW: example line\n');
    await put('skips/.git/notes.txt', GOOD_TEXT);
    await put('skips/.hidden.txt', GOOD_TEXT);
    await put('skips/node_modules/pkg/readme.txt', GOOD_TEXT);
    assert.deepEqual(await readSources([dir], noStdin), [{ file: `${dir}${sep}visit.txt`, text: GOOD_TEXT, format: 'txt' }]);
  });

  it('reads a .json that does not parse, since it may be a damaged transcript', async () => {
    const dir = join(root, 'damaged');
    await put('damaged/interview.json', '{"segments": [\n  {"text": "Who stays over?"},\n');
    await put('damaged/package.json', '{"name": "x"}\n');
    assert.deepEqual(await readSources([dir], noStdin), [
      { file: `${dir}${sep}interview.json`, text: '{"segments": [\n  {"text": "Who stays over?"},\n', format: 'json' },
    ]);
  });

  it('still reads a skipped kind of file when it is named', async () => {
    const readme = await put('named/README.md', '**SW:** Hello?\n');
    const pkg = await put('named/package.json', '{"name": "x"}\n');
    assert.deepEqual(await readSources([readme, pkg], noStdin), [
      { file: readme, text: '**SW:** Hello?\n', format: 'md' },
      { file: pkg, text: '{"name": "x"}\n', format: 'json' },
    ]);
  });

  it('reads a .docx in a folder as paragraphs', async () => {
    const dir = join(root, 'word');
    await put('word/visit.docx', DOCX);
    const [source] = await readSources([dir], noStdin);
    assert.ok(source && 'text' in source, JSON.stringify(source));
    assert.deepEqual([source.format, source.container], ['txt', 'docx']);
    assert.equal(source.file, `${dir}${sep}visit.docx`);
  });

  it('keeps a relative directory path as the user typed it', async () => {
    await put('relative-case/visit.txt', GOOD_TEXT);
    const dir = relative(process.cwd(), join(root, 'relative-case'));
    assert.deepEqual(await readSources([dir], noStdin), [{ file: `${dir}${sep}visit.txt`, text: GOOD_TEXT, format: 'txt' }]);
  });

  it('reports a directory with no transcripts and still reads the other paths', async () => {
    const dir = join(root, 'no-transcripts');
    await put('no-transcripts/audio.mp3', 'not a transcript');
    await put('no-transcripts/deeper/readme.md', 'not a transcript');
    await put('no-transcripts/tsconfig.json', '{"compilerOptions": {}}');
    const emptyDir = join(root, 'empty-dir');
    await mkdir(emptyDir, { recursive: true });
    const good = await put('good.txt', GOOD_TEXT);

    const none = 'no transcripts (.txt .md .vtt .srt .json .cha .docx) found in directory';
    assert.deepEqual(await readSources([dir, good, emptyDir], noStdin), [
      { file: dir, error: none },
      { file: good, text: GOOD_TEXT, format: 'txt' },
      { file: emptyDir, error: none },
    ]);
  });

  it('reports bad files inside a directory in their place among the good ones', async () => {
    const dir = join(root, 'mixed');
    await put('mixed/a-visit.txt', GOOD_TEXT);
    await put('mixed/b-empty.txt', '');
    await put('mixed/c-binary.txt', Buffer.from([0x00, 0x01, 0x02]));
    await put('mixed/d-summary.docx', 'typed notes saved with the wrong name');
    await put('mixed/e-visit.txt', GOOD_TEXT);

    const results = await readSources([dir], noStdin);
    assert.deepEqual(results.slice(0, 3), [
      { file: `${dir}${sep}a-visit.txt`, text: GOOD_TEXT, format: 'txt' },
      { file: `${dir}${sep}b-empty.txt`, error: 'file is empty' },
      { file: `${dir}${sep}c-binary.txt`, error: 'looks like a binary file, not a text transcript' },
    ]);
    const docx = results[3];
    assert.equal(docx?.file, `${dir}${sep}d-summary.docx`);
    assert.ok(docx && 'error' in docx && docx.error.startsWith('not a readable Word document (.docx): '), JSON.stringify(docx));
    assert.deepEqual(results[4], { file: `${dir}${sep}e-visit.txt`, text: GOOD_TEXT, format: 'txt' });
  });

  it('reads a symlinked file but does not follow a symlinked folder', async () => {
    const dir = join(root, 'links');
    const target = await put('links/real.txt', GOOD_TEXT);
    await symlink(target, join(dir, 'link.txt'));
    await symlink(dir, join(dir, 'loop'));
    assert.deepEqual(await readSources([dir], noStdin), [
      { file: `${dir}${sep}link.txt`, text: GOOD_TEXT, format: 'txt' },
      { file: `${dir}${sep}real.txt`, text: GOOD_TEXT, format: 'txt' },
    ]);
  });
});

describe('isTranscriptName', () => {
  const cases: Array<[string, boolean]> = [
    ['visit.txt', true],
    ['VISIT.TXT', true],
    ['notes.md', true],
    ['notes.markdown', true],
    ['police.vtt', true],
    ['police.srt', true],
    ['whisper.json', true],
    ['child.cha', true],
    ['statement.docx', true],
    ['visit.expected.json', false],
    ['README.md', false],
    ['readme.txt', false],
    ['CHANGELOG.md', false],
    ['LICENSE', false],
    ['.notes.txt', false],
    ['audio.mp3', false],
    ['statement.doc', false],
    ['statement.pdf', false],
  ];
  for (const [name, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(isTranscriptName(name), expected));
  }
});

describe('readSources: glob patterns', () => {
  it('expands a pattern the shell left alone, sorted, each match read like a named file', async () => {
    await put('globbed/b.vtt', VTT_TEXT);
    await put('globbed/a.txt', GOOD_TEXT);
    await put('globbed/deeper/c.txt', GOOD_TEXT);
    await put('globbed/README.md', '# not a transcript\n');
    const dir = relative(process.cwd(), join(root, 'globbed')).split(sep).join('/');
    assert.deepEqual(await readSources([`${dir}/*.{txt,vtt}`], noStdin), [
      { file: `${dir}/a.txt`, text: GOOD_TEXT, format: 'txt' },
      { file: `${dir}/b.vtt`, text: VTT_TEXT, format: 'vtt' },
    ]);
    assert.deepEqual(
      (await readSources([`${dir}/**/*.txt`], noStdin)).map((s) => s.file),
      [`${dir}/a.txt`, `${dir}/deeper/c.txt`],
    );
  });

  it('expands an absolute pattern to absolute paths', async () => {
    await put('absolute/one.txt', GOOD_TEXT);
    const pattern = `${join(root, 'absolute').split(sep).join('/')}/*.txt`;
    const [source] = await readSources([pattern], noStdin);
    assert.equal(source?.file, `${join(root, 'absolute').split(sep).join('/')}/one.txt`);
  });

  it('reports a pattern that matches nothing', async () => {
    const pattern = `${join(root, 'nowhere').split(sep).join('/')}/*.vtt`;
    assert.deepEqual(await readSources([pattern], noStdin), [{ file: pattern, error: 'no files match this pattern' }]);
  });

  it('reads a file whose name only looks like a pattern', async () => {
    const path = await put('odd/interview [1].txt', GOOD_TEXT);
    assert.deepEqual(await readSources([path], noStdin), [{ file: path, text: GOOD_TEXT, format: 'txt' }]);
  });
});

describe('decodeTranscript: encodings and line ends', () => {
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
  const cases: Array<[string, Uint8Array, { text: string } | { error: string }]> = [
    ['UTF-8', Buffer.from(GOOD_TEXT), { text: GOOD_TEXT }],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${GOOD_TEXT}`), { text: GOOD_TEXT }],
    ['UTF-16 LE with a BOM', Buffer.from(`\uFEFFSW: Zoë?\nZOË: Yes.\n`, 'utf16le'), { text: 'SW: Zoë?\nZOË: Yes.\n' }],
    ['UTF-16 BE with a BOM', utf16be(`\uFEFFSW: Zoë?\nZOË: Yes.\n`), { text: 'SW: Zoë?\nZOË: Yes.\n' }],
    ['UTF-16 with a character outside the BMP', Buffer.from('\uFEFFSW: 🙂?\n', 'utf16le'), { text: 'SW: 🙂?\n' }],
    ['CRLF line ends', Buffer.from('SW: One?\r\nA: Two.\r\n'), { text: 'SW: One?\nA: Two.\n' }],
    ['lone CR line ends', Buffer.from('SW: One?\rA: Two.\r'), { text: 'SW: One?\nA: Two.\n' }],
    ['mixed line ends', Buffer.from('SW: One?\r\nA: Two.\rSW: Three?\n'), { text: 'SW: One?\nA: Two.\nSW: Three?\n' }],
    ['UTF-16 with CRLF', Buffer.from('\uFEFFSW: One?\r\nA: Two.\r\n', 'utf16le'), { text: 'SW: One?\nA: Two.\n' }],
    [
      'Windows-1252 (invalid UTF-8), naming the byte and where',
      Buffer.from('SW: Hello.\r\nMUM: I said “no”.\n', 'latin1').map((b) => (b === 0x1c ? 0x93 : b === 0x1d ? 0x94 : b)),
      { error: 'file is not valid UTF-8 text (byte 0x93 at line 2, column 13); re-save it as UTF-8' },
    ],
    [
      'a truncated UTF-8 sequence at the end',
      Buffer.concat([Buffer.from('SW: Café'), Buffer.from([0xe2, 0x80])]),
      { error: 'file is not valid UTF-8 text (byte 0xE2 at line 1, column 9); re-save it as UTF-8' },
    ],
    [
      'an overlong UTF-8 encoding',
      Buffer.from([0x53, 0x57, 0x3a, 0x20, 0xc0, 0xaf]),
      { error: 'file is not valid UTF-8 text (byte 0xC0 at line 1, column 5); re-save it as UTF-8' },
    ],
    [
      'an encoded UTF-16 surrogate',
      Buffer.from([0x41, 0xed, 0xa0, 0x80]),
      { error: 'file is not valid UTF-8 text (byte 0xED at line 1, column 2); re-save it as UTF-8' },
    ],
    [
      'UTF-16 LE without a BOM',
      Buffer.from(GOOD_TEXT, 'utf16le'),
      { error: 'file looks like UTF-16 text without a byte order mark; re-save it as UTF-8 (or as UTF-16 with a BOM)' },
    ],
    [
      'UTF-16 BE without a BOM',
      utf16be(GOOD_TEXT),
      { error: 'file looks like UTF-16 text without a byte order mark; re-save it as UTF-8 (or as UTF-16 with a BOM)' },
    ],
    [
      'UTF-16 with a BOM and a lone surrogate',
      Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]),
      { error: 'file starts with a UTF-16 byte order mark but is not valid UTF-16 text; re-save it as UTF-8' },
    ],
    [
      'UTF-32 LE with a BOM',
      Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]),
      { error: 'file is UTF-32 text, which clues does not read; re-save it as UTF-8' },
    ],
    ['UTF-16 BOM only', Buffer.from([0xff, 0xfe]), { error: 'file is empty' }],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => assert.deepEqual(decodeTranscript(bytes), expected));
  }

  it('decodes a UTF-16 file on disk and detects its format from the decoded text', async () => {
    const path = await put('captions.txt', Buffer.from(`\uFEFF${VTT_TEXT}`, 'utf16le'));
    assert.deepEqual(await readSources([path], noStdin), [{ file: path, text: VTT_TEXT, format: 'vtt' }]);
  });
});

describe('readSources: formats', () => {
  it('takes the format from the extension', async () => {
    const vtt = await put('formats/police.vtt', VTT_TEXT);
    const json = await put('formats/whisper.json', SEGMENTS_JSON);
    const md = await put('formats/notes.md', 'SW: Hello?\n');
    assert.deepEqual(
      (await readSources([vtt, json, md], noStdin)).map((s) => ('error' in s ? s.error : s.format)),
      ['vtt', 'json', 'md'],
    );
  });

  it('lets the content overrule .txt: WebVTT saved as .txt is read as WebVTT', async () => {
    const path = await put('formats/captions.txt', VTT_TEXT);
    assert.deepEqual(await readSources([path], noStdin), [{ file: path, text: VTT_TEXT, format: 'vtt' }]);
  });

  it('--input-format wins over the extension and the content', async () => {
    const path = await put('formats/forced.vtt', VTT_TEXT);
    assert.deepEqual(await readSources([path], noStdin, { inputFormat: 'txt' }), [{ file: path, text: VTT_TEXT, format: 'txt' }]);
  });

  it('reads a real .docx as one paragraph per line', async () => {
    const path = await put('formats/statement.docx', DOCX);
    const [source] = await readSources([path], noStdin);
    assert.ok(source && 'text' in source, JSON.stringify(source));
    assert.deepEqual([source.format, source.container], ['txt', 'docx']);
    const lines = source.text.split('\n');
    assert.equal(lines[0], 'Home visit: notes of interview');
    assert.ok(lines.includes("00:05:26 Interviewer: How long have you and Ashley been together?"), source.text);
    // A line break inside a paragraph starts a new line rather than gluing the words together.
    assert.ok(lines.includes("but he's there more than he's at his own place, to be honest."), source.text);
    assert.ok(!source.text.includes('moved inbut'), source.text);
  });

  it('reports a corrupt .docx in one line, and an old .doc by name', async () => {
    const truncated = await put('formats/truncated.docx', DOCX.subarray(0, 2000));
    const text = await put('formats/text.docx', GOOD_TEXT);
    const empty = await put('formats/empty.docx', '');
    const old = await put('formats/old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const oldNamedDocx = await put('formats/old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const results = await readSources([truncated, text, empty, old, oldNamedDocx], noStdin);
    const first = results[0]!;
    assert.ok('error' in first, JSON.stringify(first));
    assert.match(first.error, /^not a readable Word document \(\.docx\): \S/);
    assert.ok(!first.error.includes('\n') && !first.error.includes('http'), first.error);
    assert.deepEqual(results.slice(1), [
      { file: text, error: 'not a readable Word document (.docx): it is not a zip archive, as every .docx file is' },
      { file: empty, error: 'file is empty' },
      { file: old, error: 'is a Word 97–2003 document (.doc); open it in Word and save it as .docx' },
      { file: oldNamedDocx, error: 'is a Word 97–2003 document (.doc); open it in Word and save it as .docx' },
    ]);
  });

  it('calls a zip that is not a Word document binary, unless it is named or forced .docx', async () => {
    const zip = DOCX.subarray(0, 40);
    assert.deepEqual(await readSources(['-'], async () => zip), [
      { file: '<stdin>', error: 'looks like a binary file, not a text transcript' },
    ]);
    const [forced] = await readSources(['-'], async () => zip, { inputFormat: 'docx' });
    assert.ok(forced && 'error' in forced && forced.error.startsWith('not a readable Word document'), JSON.stringify(forced));
  });
});

describe('readSources: stdin', () => {
  it('reads - from stdin as <stdin>, stripping a BOM', async () => {
    const stdin = async (): Promise<Buffer> => Buffer.from(`\uFEFF${GOOD_TEXT}`);
    assert.deepEqual(await readSources(['-'], stdin), [{ file: '<stdin>', text: GOOD_TEXT, format: 'txt' }]);
  });

  it('reports empty or binary stdin like a file, alongside other paths', async () => {
    const good = await put('good.txt', GOOD_TEXT);
    assert.deepEqual(await readSources([good, '-'], async () => Buffer.alloc(0)), [
      { file: good, text: GOOD_TEXT, format: 'txt' },
      { file: '<stdin>', error: 'file is empty' },
    ]);
    assert.deepEqual(await readSources(['-'], async () => Buffer.from([0x00, 0xff])), [
      { file: '<stdin>', error: 'looks like a binary file, not a text transcript' },
    ]);
  });

  it('reports a failing stdin without throwing', async () => {
    const broken = async (): Promise<Buffer> => {
      throw new Error('EIO: i/o error, read');
    };
    assert.deepEqual(await readSources(['-'], broken), [
      { file: '<stdin>', error: 'could not read standard input: EIO: i/o error, read' },
    ]);
  });

  it('drains stdin only once when - is given twice', async () => {
    let reads = 0;
    const stdin = async (): Promise<Buffer> => {
      reads += 1;
      return Buffer.from(GOOD_TEXT);
    };
    const results = await readSources(['-', '-'], stdin);
    assert.equal(reads, 1);
    assert.deepEqual(results, [
      { file: '<stdin>', text: GOOD_TEXT, format: 'txt' },
      { file: '<stdin>', text: GOOD_TEXT, format: 'txt' },
    ]);
  });

  it('does not touch stdin when - is not given', async () => {
    assert.deepEqual(await readSources([], noStdin), []);
  });

  it('sniffs the format of stdin from its content', async () => {
    const formats = [];
    for (const text of [VTT_TEXT, SEGMENTS_JSON, '@UTF8\n@Begin\n*MOT:\thello .\n@End\n', '**SW:** Hello?\n', GOOD_TEXT]) {
      const [source] = await readSources(['-'], async () => Buffer.from(text));
      formats.push(source && 'format' in source ? source.format : source);
    }
    assert.deepEqual(formats, ['vtt', 'json', 'cha', 'md', 'txt']);
  });

  it('names stdin after --stdin-filename, whose extension picks the format', async () => {
    const stdin = async (): Promise<Buffer> => Buffer.from('SW: Hello?\n');
    assert.deepEqual(await readSources(['-'], stdin, { stdinFilename: 'visit.md' }), [
      { file: 'visit.md', text: 'SW: Hello?\n', format: 'md' },
    ]);
    assert.deepEqual(await readSources(['-'], async () => Buffer.alloc(0), { stdinFilename: 'visit.md' }), [
      { file: 'visit.md', error: 'file is empty' },
    ]);
  });

  it('--input-format wins over --stdin-filename', async () => {
    const stdin = async (): Promise<Buffer> => Buffer.from('SW: Hello?\n');
    assert.deepEqual(await readSources(['-'], stdin, { stdinFilename: 'visit.md', inputFormat: 'txt' }), [
      { file: 'visit.md', text: 'SW: Hello?\n', format: 'txt' },
    ]);
  });

  it('reads a Word document from stdin by its zip signature', async () => {
    const [source] = await readSources(['-'], async () => DOCX);
    assert.ok(source && 'format' in source, JSON.stringify(source));
    assert.deepEqual([source.format, source.container], ['txt', 'docx']);
    assert.equal(source.file, '<stdin>');
  });
});
