import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { INPUT_FORMATS } from '../../src/read/detect-format.js';
import { INPUT_FORMAT_NAMES } from '../../src/read/input-format-names.js';

const bin = fileURLToPath(new URL('../../../bin/clues.js', import.meta.url));
const seed = fileURLToPath(new URL('../../../seeds/interview.txt', import.meta.url));

/**
 * A module for `node --import` that registers a resolve hook printing every heavy package the process loads; not a
 * timing test: what `--version` must not pay for is named, not measured.
 */
const HOOK = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  if (/^(compromise|mammoth)(\\\\/|$)/.test(specifier)) process.stderr.write('HEAVY ' + specifier + '\\\\n');
  return next(specifier, context);
}\`));
`;

describe('cold start', () => {
  let dir: string;
  let hook: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clues-cold-'));
    hook = join(dir, 'hook.mjs');
    await writeFile(hook, HOOK);
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  const heavy = (...args: string[]): { loaded: string[]; status: number | null; stdout: string } => {
    const r = spawnSync(process.execPath, ['--import', hook, bin, ...args], { encoding: 'utf8' });
    return { loaded: [...r.stderr.matchAll(/^HEAVY (\S+)$/gm)].map((m) => m[1]!), status: r.status, stdout: r.stdout };
  };

  for (const args of [['--version'], ['--help'], ['eval', '--help'], ['--format', 'nope']]) {
    it(`clues ${args.join(' ')} loads neither compromise nor mammoth`, () => {
      const { loaded, status } = heavy(...args);
      assert.deepEqual(loaded, []);
      assert.equal(status, args[0] === '--format' ? 2 : 0);
    });
  }

  it('the hook sees compromise when a transcript is checked, and mammoth only for a .docx', () => {
    const { loaded, stdout } = heavy(seed, '--fail-on', 'none', '-f', 'json');
    assert.ok(loaded.includes('compromise'));
    assert.ok(!loaded.includes('mammoth'));
    assert.ok(stdout.includes('"clues"'));
  });

  it('lists exactly the input formats the readers know', () => {
    assert.deepEqual(INPUT_FORMAT_NAMES, INPUT_FORMATS);
  });
});
