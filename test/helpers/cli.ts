import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, as the compiled tests see it. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs bin/clues.js from the repository root with no colour settings or test-runner context of ours leaking in, and
 * empty stdin; throws only when the process could not be started.
 */
export function runClues(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CLUES_DEBUG', 'NODE_TEST_CONTEXT']) delete env[key];
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'clues.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
