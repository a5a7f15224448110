/** --max-size values, and the zip reading that refuses a .docx which unpacks past the cap (a zip bomb) while unpacking. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatSize, parseSize, readSources } from '../../src/read/read.js';
import { isWordZip, unpackedSize } from '../../src/read/zip.js';
import { makeDocx } from './docx-fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCX = readFileSync(join(ROOT, 'fixtures', 'formats', 'stated-boyfriend.docx'));
const MB = 1024 * 1024;

describe('parseSize and formatSize', () => {
  const cases: Array<[string, number | undefined]> = [
    ['1000000', 1_000_000],
    ['512KB', 512 * 1024],
    ['10MB', 10 * MB],
    ['10mb', 10 * MB],
    ['1.5 GB', 1.5 * 1024 * MB],
    ['2M', 2 * MB],
    ['100B', 100],
    ['10XB', undefined],
    ['-5MB', undefined],
    ['0', undefined],
    ['', undefined],
    ['MB', undefined],
  ];
  for (const [text, bytes] of cases) it(`${JSON.stringify(text)} → ${bytes}`, () => assert.equal(parseSize(text), bytes));

  it('writes sizes as people do', () => {
    assert.deepEqual([formatSize(50 * MB), formatSize(512 * 1024), formatSize(1536), formatSize(900), formatSize(63_200_000)], ['50 MB', '512 KB', '1536 bytes', '900 bytes', '60.3 MB']);
  });
});

describe('zip: Word documents and the unpack cap', () => {
  it('tells a Word document from another zip or from text', async () => {
    assert.equal(isWordZip(DOCX), true);
    assert.equal(isWordZip(DOCX.subarray(0, 40)), false);
    assert.equal(isWordZip(Buffer.from('SW: hello\n')), false);
  });

  it('a real .docx unpacks within a small cap; a 400 KB one of 40 MB text does not fit 10 MB', async () => {
    assert.equal(unpackedSize(DOCX, MB), 'fits');
    const bomb = await makeDocx([' '.repeat(40 * MB)]);
    assert.ok(bomb.length < MB, `the bomb is small: ${bomb.length} bytes`);
    assert.equal(unpackedSize(bomb, 10 * MB), 'over');
    assert.equal(unpackedSize(bomb, 50 * MB), 'fits');
  });

  it('an entry that does not inflate, or a cut-off archive, is unreadable rather than uncounted', async () => {
    const bomb = await makeDocx(['x'.repeat(MB)]);
    assert.equal(unpackedSize(DOCX.subarray(0, 2000), MB), 'unreadable');
    const damaged = Buffer.from(bomb);
    // Garbage in the middle of word/document.xml's deflate stream, the index left intact.
    const at = damaged.indexOf('word/document.xml') + 40;
    damaged.fill(0xff, at, at + 64);
    assert.equal(unpackedSize(damaged, 10 * MB), 'unreadable');
  });

  it('readSources names the cap for a .docx over it and reads the file beside it', async () => {
    const bomb = await makeDocx(['x'.repeat(3 * MB)]);
    const results = await readSources(['-'], async () => bomb, { maxSize: MB });
    assert.deepEqual(results, [{ file: '<stdin>', error: 'Word document unpacks to more than the 1 MB limit (--max-size)' }]);
  });

  it('readSources refuses stdin over --max-size', async () => {
    const results = await readSources(['-'], async () => Buffer.from('SW: hello\n'.repeat(300)), { maxSize: 1024 });
    assert.deepEqual(results, [{ file: '<stdin>', error: 'file is 3000 bytes, over the 1 KB limit (--max-size)' }]);
  });

  it('a file just over the limit is not said to be the limit: exact bytes when the rounded sizes are equal', async () => {
    const limit = 10 * MB;
    const results = await readSources(['-'], async () => Buffer.alloc(limit + 2420, 'a'), { maxSize: limit });
    assert.deepEqual(results, [{ file: '<stdin>', error: 'file is 10,488,180 bytes, over the 10 MB (10,485,760 bytes) limit (--max-size)' }]);
  });

  it('a Word document named .txt is read as a Word document, not as a binary file', async () => {
    const results = await readSources(['-'], async () => DOCX, { stdinFilename: 'renamed.txt' });
    assert.equal(results.length, 1);
    assert.ok('format' in results[0]!, JSON.stringify(results[0]));
    assert.deepEqual([results[0].format, results[0].container], ['txt', 'docx']);
  });
});
