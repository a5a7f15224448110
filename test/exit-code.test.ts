import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exitCode, FAIL_ON_LEVELS, type FailOn } from '../src/exit-code.js';
import type { FileResult, Severity } from '../src/types.js';
import { clue, missing, quiet } from './report/sample.js';

function fileWith(severities: Severity[]): FileResult {
  const clues = severities.map((severity, i) => clue({ kind: 'relationship', severity, line: i + 1, column: 1 }));
  return { ...quiet, clues } as FileResult;
}

// worst severity present → expected code for each --fail-on
const TABLE: Array<{ worst: Severity | 'nothing'; codes: Record<FailOn, 0 | 1> }> = [
  { worst: 'nothing', codes: { error: 0, warning: 0, info: 0, none: 0 } },
  { worst: 'info', codes: { error: 0, warning: 0, info: 1, none: 0 } },
  { worst: 'warning', codes: { error: 0, warning: 1, info: 1, none: 0 } },
  { worst: 'error', codes: { error: 1, warning: 1, info: 1, none: 0 } },
];

describe('exitCode', () => {
  it('offers the levels highest first', () => {
    assert.deepEqual(FAIL_ON_LEVELS, ['error', 'warning', 'info', 'none']);
  });

  for (const { worst, codes } of TABLE) {
    const severities: Severity[] =
      worst === 'nothing' ? [] : worst === 'info' ? ['info'] : worst === 'warning' ? ['info', 'warning'] : ['warning', 'error', 'info'];
    for (const failOn of FAIL_ON_LEVELS) {
      it(`worst ${worst}, --fail-on ${failOn} → ${codes[failOn]}`, () => {
        assert.equal(exitCode([quiet, fileWith(severities)], failOn), codes[failOn]);
      });
    }
  }

  it('a file that could not be read gives 2 whatever else happened', () => {
    for (const failOn of FAIL_ON_LEVELS) {
      assert.equal(exitCode([fileWith(['error']), missing], failOn), 2);
      assert.equal(exitCode([missing, quiet], failOn), 2);
    }
  });

  it('no files is success', () => {
    assert.equal(exitCode([], 'info'), 0);
  });
});
