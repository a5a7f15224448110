import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeTranscript, readSources } from '../../src/read/read.js';

const GOOD_TEXT = 'SW: How are things at home?\nTRACEY: Fine. Steven comes round sometimes.\n';

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
    assert.deepEqual(await readSources([relativePath], noStdin), [{ file: relativePath, text: GOOD_TEXT }]);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const path = await put('bom.txt', `\uFEFF${GOOD_TEXT}`);
    assert.deepEqual(await readSources([path], noStdin), [{ file: path, text: GOOD_TEXT }]);
  });

  it('keeps non-ASCII text', async () => {
    const path = await put('accents.txt', 'SW: Zoë, who is Siân?\nZOË: My nan’s friend.\n');
    assert.deepEqual(await readSources([path], noStdin), [
      { file: path, text: 'SW: Zoë, who is Siân?\nZOË: My nan’s friend.\n' },
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
    const utf16 = await put('utf16.txt', Buffer.from(`\uFEFF${GOOD_TEXT}`, 'utf16le'));
    const good2 = await put('good2.txt', 'SW: Anything else?\nTRACEY: No.\n');

    const results = await readSources([good, missing, empty, blank, bomOnly, binary, latin1, utf16, good2], noStdin);

    assert.deepEqual(results, [
      { file: good, text: GOOD_TEXT },
      { file: missing, error: 'no such file or directory' },
      { file: empty, error: 'file is empty' },
      { file: blank, error: 'file is empty' },
      { file: bomOnly, error: 'file is empty' },
      { file: binary, error: 'looks like a binary file, not a text transcript' },
      { file: latin1, error: 'file is not valid UTF-8 text; re-save it as UTF-8' },
      { file: utf16, error: 'file is UTF-16 text, not UTF-8; re-save it as UTF-8' },
      { file: good2, text: 'SW: Anything else?\nTRACEY: No.\n' },
    ]);
  });

  it('reports a missing path inside a file name as missing', async () => {
    const good = await put('good.txt', GOOD_TEXT);
    const underFile = join(good, 'inner.txt');
    assert.deepEqual(await readSources([underFile, good], noStdin), [
      { file: underFile, error: 'no such file or directory' },
      { file: good, text: GOOD_TEXT },
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
        { file: good, text: GOOD_TEXT },
      ]);
    } finally {
      await chmod(locked, 0o644);
    }
  });
});

describe('readSources: directories', () => {
  it('reads every .txt inside, recursively, sorted by path, joined to the directory as given', async () => {
    const dir = join(root, 'case-42');
    await put('case-42/visit-2.txt', 'SW: Second visit?\n');
    await put('case-42/visit-1.txt', 'SW: First visit?\n');
    await put('case-42/school/teacher.txt', 'SW: Teacher?\n');
    await put('case-42/school/NOTES.TXT', 'SW: Notes?\n');
    await put('case-42/audio.mp3', 'not a transcript');
    await put('case-42/summary.docx', 'not a transcript');
    await mkdir(join(dir, 'empty-folder'), { recursive: true });

    const expected = [
      { file: `${dir}${sep}school${sep}NOTES.TXT`, text: 'SW: Notes?\n' },
      { file: `${dir}${sep}school${sep}teacher.txt`, text: 'SW: Teacher?\n' },
      { file: `${dir}${sep}visit-1.txt`, text: 'SW: First visit?\n' },
      { file: `${dir}${sep}visit-2.txt`, text: 'SW: Second visit?\n' },
    ];
    assert.deepEqual(await readSources([dir], noStdin), expected);
    // A trailing slash is not doubled.
    assert.deepEqual(await readSources([`${dir}${sep}`], noStdin), expected);
  });

  it('keeps a relative directory path as the user typed it', async () => {
    await put('relative-case/visit.txt', GOOD_TEXT);
    const dir = relative(process.cwd(), join(root, 'relative-case'));
    assert.deepEqual(await readSources([dir], noStdin), [{ file: `${dir}${sep}visit.txt`, text: GOOD_TEXT }]);
  });

  it('reports a directory with no .txt files and still reads the other paths', async () => {
    const dir = join(root, 'no-transcripts');
    await put('no-transcripts/audio.mp3', 'not a transcript');
    await put('no-transcripts/deeper/readme.md', 'not a transcript');
    const emptyDir = join(root, 'empty-dir');
    await mkdir(emptyDir, { recursive: true });
    const good = await put('good.txt', GOOD_TEXT);

    assert.deepEqual(await readSources([dir, good, emptyDir], noStdin), [
      { file: dir, error: 'no .txt transcripts found in directory' },
      { file: good, text: GOOD_TEXT },
      { file: emptyDir, error: 'no .txt transcripts found in directory' },
    ]);
  });

  it('reports bad files inside a directory in their place among the good ones', async () => {
    const dir = join(root, 'mixed');
    await put('mixed/a-visit.txt', GOOD_TEXT);
    await put('mixed/b-empty.txt', '');
    await put('mixed/c-binary.txt', Buffer.from([0x00, 0x01, 0x02]));
    await put('mixed/d-visit.txt', GOOD_TEXT);

    assert.deepEqual(await readSources([dir], noStdin), [
      { file: `${dir}${sep}a-visit.txt`, text: GOOD_TEXT },
      { file: `${dir}${sep}b-empty.txt`, error: 'file is empty' },
      { file: `${dir}${sep}c-binary.txt`, error: 'looks like a binary file, not a text transcript' },
      { file: `${dir}${sep}d-visit.txt`, text: GOOD_TEXT },
    ]);
  });

  it('reads a symlinked file but does not follow a symlinked folder', async () => {
    const dir = join(root, 'links');
    const target = await put('links/real.txt', GOOD_TEXT);
    await symlink(target, join(dir, 'link.txt'));
    await symlink(dir, join(dir, 'loop'));
    assert.deepEqual(await readSources([dir], noStdin), [
      { file: `${dir}${sep}link.txt`, text: GOOD_TEXT },
      { file: `${dir}${sep}real.txt`, text: GOOD_TEXT },
    ]);
  });
});

describe('readSources: stdin', () => {
  it('reads - from stdin as <stdin>, stripping a BOM', async () => {
    const stdin = async (): Promise<Buffer> => Buffer.from(`\uFEFF${GOOD_TEXT}`);
    assert.deepEqual(await readSources(['-'], stdin), [{ file: '<stdin>', text: GOOD_TEXT }]);
  });

  it('reports empty or binary stdin like a file, alongside other paths', async () => {
    const good = await put('good.txt', GOOD_TEXT);
    assert.deepEqual(await readSources([good, '-'], async () => Buffer.alloc(0)), [
      { file: good, text: GOOD_TEXT },
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
      { file: '<stdin>', text: GOOD_TEXT },
      { file: '<stdin>', text: GOOD_TEXT },
    ]);
  });

  it('does not touch stdin when - is not given', async () => {
    assert.deepEqual(await readSources([], noStdin), []);
  });
});
