/** Sizes for `--max-size`, in a module of their own so the command line can describe the option without loading the readers. */

/** 50 MB: ten times the longest court day in the corpus, and well inside what the analysis can hold in memory. */
export const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** A `--max-size` value in bytes: plain bytes or with a suffix (`512KB`, `10MB`, `1.5GB`; binary units), else undefined. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** A size as people write it, never rounded to look smaller or larger than a limit: `50 MB`, `512 KB`, `60.3 MB`, `2000 bytes`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes % size === 0) return `${bytes / size} ${unit}`;
    if (bytes >= 10 * size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
