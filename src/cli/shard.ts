import { isAbsolute, relative, sep } from 'node:path';
import { InvalidArgumentError } from 'commander';

/** `--shard i/n`: this run checks share i of n, i counting from 0 (as Kubernetes' JOB_COMPLETION_INDEX does). */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n`, 0 ≤ i < n; anything else is a usage error that says how shards are counted. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('must be i/n: share i of n, with n 1 or more (e.g. 0/4).');
  }
  if (index >= count) throw new InvalidArgumentError(`shards count from 0: i must be 0 to ${count - 1} (JOB_COMPLETION_INDEX passes as it is).`);
  return { index, count };
}

/**
 * Whether a file is in the shard: a hash of its path relative to the working folder, with / separators, so every
 * machine that checks out the same tree splits it the same way, and each file lands in exactly one shard.
 */
export function inShard(file: string, { index, count }: Shard, cwd = process.cwd()): boolean {
  const path = (isAbsolute(file) ? relative(cwd, file) : file).split(sep).join('/').replace(/^(\.\/)+/, '');
  return fnv1a(path) % count === index;
}

/** FNV-1a, 32 bits, over the UTF-16 code units: small, stable and spread enough for a share of file names. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return hash;
}
