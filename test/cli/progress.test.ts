import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Progress, progressLine } from '../../src/cli/progress.js';
import type { FileResult } from '../../src/types.js';

/** A stream that records what is written, standing in for stderr. */
const fake = (isTTY: boolean) => {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
};

const ok = (clues: number): FileResult => ({ file: 'a.txt', ok: true, speakers: [], people: [], clues: Array.from({ length: clues }) as never });
const failed: FileResult = { file: 'b.txt', ok: false, error: 'b.txt: unreadable' };

describe('progress', () => {
  it('says files done, clues found and the time left at the pace so far', () => {
    assert.equal(progressLine(0, 4, 0, 0), '0/4 files · 0 clues');
    assert.equal(progressLine(1, 4, 1, 2000), '1/4 files · 1 clue · about 6 s left');
    assert.equal(progressLine(10, 100, 25, 10_000), '10/100 files · 25 clues · about 1 min 30 s left');
    assert.equal(progressLine(4, 4, 7, 9000), '4/4 files · 7 clues');
  });

  it('redraws one line on a terminal as each file is done, then clears it', () => {
    const { written, stream } = fake(true);
    let clock = 0;
    const progress = new Progress(stream, { quiet: false, env: {} }, () => clock);
    progress.start(3);
    clock = 1000;
    progress.file(ok(2));
    progress.file(failed);
    progress.file(ok(1));
    progress.end();
    assert.deepEqual(written, [
      '\r\u001b[K0/3 files · 0 clues',
      '\r\u001b[K1/3 files · 2 clues · about 2 s left',
      '\r\u001b[K2/3 files · 2 clues · about 1 s left',
      '\r\u001b[K3/3 files · 3 clues',
      '\r\u001b[K',
    ]);
  });

  for (const [why, isTTY, quiet, env, total] of [
    ['not a terminal', false, false, {}, 3],
    ['--quiet', true, true, {}, 3],
    ['CI', true, false, { CI: 'true' }, 3],
    ['one file', true, false, {}, 1],
  ] as const) {
    it(`draws nothing when ${why}`, () => {
      const { written, stream } = fake(isTTY);
      const progress = new Progress(stream, { quiet, env }, () => 0);
      progress.start(total);
      progress.file(ok(1));
      progress.end();
      assert.deepEqual(written, []);
    });
  }
});
