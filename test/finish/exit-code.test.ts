import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exceedsMaxWarnings, exitCode, FAIL_ON_LEVELS, type FailOn } from '../../src/finish/exit-code.js';
import { InputError } from '../../src/errors.js';
import type { FileResult, Severity } from '../../src/types.js';
import { clue, missing, quiet } from '../report/sample.js';

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
        assert.equal(exitCode([quiet, fileWith(severities)], { failOn }), codes[failOn]);
      });
    }
  }

  it('a file that could not be read gives 2 whatever else happened', () => {
    for (const failOn of FAIL_ON_LEVELS) {
      assert.equal(exitCode([fileWith(['error']), missing], { failOn }), 2);
      assert.equal(exitCode([missing, quiet], { failOn }), 2);
    }
  });

  it('--max-warnings exceeded is 1 whatever --fail-on says, even with error clues and --fail-on none', () => {
    const twoWarnings = fileWith(['warning', 'warning']);
    for (const failOn of FAIL_ON_LEVELS) {
      assert.equal(exitCode([twoWarnings], { failOn, maxWarnings: 1 }), 1);
      assert.equal(exitCode([twoWarnings, fileWith(['error'])], { failOn, maxWarnings: 1 }), 1);
      assert.equal(exitCode([twoWarnings, missing], { failOn, maxWarnings: 1 }), 2);
    }
    assert.equal(exitCode([twoWarnings], { failOn: 'none', maxWarnings: 2 }), 0);
  });

  it('no files is success', () => {
    assert.equal(exitCode([], { failOn: 'info' }), 0);
  });
});

// warnings in each file, --max-warnings → exceeded? (warnings are counted across all files)
const MAX_WARNINGS_TABLE: Array<{ files: Severity[][]; max: number; exceeds: boolean }> = [
  { files: [], max: 0, exceeds: false },
  { files: [[]], max: 0, exceeds: false },
  { files: [['warning']], max: 0, exceeds: true },
  { files: [['warning']], max: 1, exceeds: false },
  { files: [['warning', 'warning']], max: 1, exceeds: true },
  { files: [['warning'], ['warning']], max: 1, exceeds: true },
  { files: [['warning'], ['warning']], max: 2, exceeds: false },
  { files: [['warning'], [], ['warning', 'warning']], max: 2, exceeds: true },
  { files: [['error', 'error', 'info', 'info']], max: 0, exceeds: false },
  { files: [['error', 'warning', 'info']], max: 0, exceeds: true },
  { files: [['warning', 'warning', 'warning']], max: 100, exceeds: false },
];

describe('exceedsMaxWarnings', () => {
  for (const { files, max, exceeds } of MAX_WARNINGS_TABLE) {
    it(`${JSON.stringify(files)}, --max-warnings ${max} → ${exceeds}`, () => {
      assert.equal(exceedsMaxWarnings(files.map(fileWith), max), exceeds);
    });
  }

  it('files that could not be read count no warnings', () => {
    assert.equal(exceedsMaxWarnings([missing, quiet], 0), false);
    assert.equal(exceedsMaxWarnings([missing, fileWith(['warning'])], 0), true);
  });

  it('does not depend on --fail-on', () => {
    const results = [fileWith(['warning', 'warning'])];
    assert.equal(exceedsMaxWarnings(results, 1), true);
    assert.equal(exitCode(results, { failOn: 'error' }), 0);
  });

  it('rejects a limit that is not a whole number 0 or more, as a usage error', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => exceedsMaxWarnings([], bad), (error: unknown) => error instanceof InputError && /--max-warnings/.test(error.message));
    }
  });
});
