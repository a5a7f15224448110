import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin', 'clues.js');

/** A folder with `transcripts/` (the format fixtures and the seed) for an example's commands to run in. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clues-example-'));
  cpSync(join(ROOT, 'fixtures', 'formats'), join(dir, 'transcripts'), { recursive: true });
  cpSync(join(ROOT, 'seeds', 'interview.txt'), join(dir, 'transcripts', 'interview.txt'));
  rmSync(join(dir, 'transcripts', 'README.md'), { force: true });
  return dir;
}

/** Runs an example's shell command in `cwd`, with the tool's path replaced by this checkout's. */
function sh(command: string, cwd: string, env: Record<string, string> = {}): { status: number | null; stderr: string } {
  const r = spawnSync('sh', ['-c', command], { cwd, env: { ...process.env, ...env, CI: 'true' }, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

function oneRun(cwd: string, args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, 'transcripts', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

interface Step {
  name?: string;
  run?: string;
}
interface Workflow {
  jobs: { shards: { strategy: { matrix: { shard: number[] } }; steps: Step[] }; merge: { needs: string; steps: Step[] } };
}

describe('examples/github-actions/shards.yml', () => {
  const workflow = parse(readFileSync(join(ROOT, 'examples', 'github-actions', 'shards.yml'), 'utf8')) as Workflow;
  const shards = workflow.jobs.shards.strategy.matrix.shard;
  const step = (steps: Step[], name: string) => steps.find((s) => s.name === name)!.run!;
  let dir: string;
  before(() => (dir = workspace()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has a matrix of shards 0..n-1, and the merge job waits for it', () => {
    assert.deepEqual(shards, Array.from({ length: shards.length }, (_, i) => i));
    assert.equal(workflow.jobs.merge.needs, 'shards');
    assert.match(step(workflow.jobs.shards.steps, 'Check this shard'), /--shard \$\{\{ matrix\.shard \}\}\/\$\{\{ strategy\.job-total \}\}/);
  });

  it("its shard and merge commands, run as written, give one run's SARIF", () => {
    const expand = (command: string, index?: number) =>
      command
        .replaceAll('node tools/transcript-clues/bin/clues.js', `"${process.execPath}" "${BIN}"`)
        .replaceAll('${{ matrix.shard }}', String(index))
        .replaceAll('${{ strategy.job-total }}', String(shards.length));
    for (const index of shards) {
      const r = sh(expand(step(workflow.jobs.shards.steps, 'Check this shard'), index), dir);
      assert.equal(r.status, 0, r.stderr);
    }
    const merged = sh(expand(step(workflow.jobs.merge.steps, 'Merge (SARIF)')), dir);
    const one = oneRun(dir, ['-f', 'sarif', '--redact', '--fail-on', 'warning']);
    assert.equal(merged.status, one.status, merged.stderr);
    assert.equal(readFileSync(join(dir, 'clues.sarif'), 'utf8'), one.stdout);
  });
});

describe('examples/kubernetes/job.yaml', () => {
  const docs = parseAllDocuments(readFileSync(join(ROOT, 'examples', 'kubernetes', 'job.yaml'), 'utf8')).map((d) => d.toJS()) as Array<Record<string, any>>;
  const [shardsJob, mergeJob] = docs.filter((d) => d['kind'] === 'Job');
  const count = shardsJob!['spec'].completions as number;
  const args = (job: Record<string, any>) => job['spec'].template.spec.containers[0].args[0] as string;
  let dir: string;
  before(() => {
    dir = workspace();
    mkdirSync(join(dir, 'results'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is an Indexed Job of n completions with --shard i/n, locked down, and the network denied', () => {
    assert.equal(shardsJob!['spec'].completionMode, 'Indexed');
    assert.match(args(shardsJob!), new RegExp(`--shard "\\$JOB_COMPLETION_INDEX/${count}"`));
    for (const job of [shardsJob!, mergeJob!]) {
      const pod = job['spec'].template.spec;
      assert.equal(pod.automountServiceAccountToken, false);
      assert.equal(pod.securityContext.runAsNonRoot, true);
      assert.equal(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
      assert.equal(pod.containers[0].securityContext.allowPrivilegeEscalation, false);
    }
    const policy = docs.find((d) => d['kind'] === 'NetworkPolicy')!;
    assert.deepEqual(policy['spec'].policyTypes, ['Ingress', 'Egress']);
    assert.equal(policy['spec'].egress, undefined, 'no egress rule: all egress denied');
  });

  it("its commands, run for every JOB_COMPLETION_INDEX, merge into one run's report", () => {
    const expand = (command: string) =>
      command.replaceAll('node /app/bin/clues.js', `"${process.execPath}" "${BIN}"`).replaceAll('/transcripts', 'transcripts').replaceAll('/results', 'results');
    for (let index = 0; index < count; index++) {
      const r = sh(expand(args(shardsJob!)), dir, { JOB_COMPLETION_INDEX: String(index) });
      assert.equal(r.status, 0, r.stderr);
    }
    const merged = sh(expand(args(mergeJob!)), dir);
    const one = oneRun(dir, ['-f', 'markdown', '--redact', '--fail-on', 'warning']);
    assert.equal(merged.status, one.status, merged.stderr);
    assert.equal(readFileSync(join(dir, 'results', 'report.md'), 'utf8'), one.stdout);

    rmSync(join(dir, 'results', 'clues-1.jsonl'));
    const missing = sh(expand(args(mergeJob!)), dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /shard 1 of 4 is missing/);
  });
});
