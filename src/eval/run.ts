import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { FileResult } from '../types.js';
import { parseAnnotation } from './expected.js';
import { score, type ScoreCase, type Scores } from './score.js';

const EXPECTED_SUFFIX = '.expected.json';

/** Scores every `NAME.txt` in `dir` that has a `NAME.expected.json` beside it. */
export async function evaluate(
  dir: string,
  analyseFile: (file: string) => Promise<FileResult>,
  baselineFile?: (file: string) => Promise<FileResult>,
): Promise<{ scores: Scores; cases: number; baseline?: Scores }> {
  const names = await listDir(dir);
  const pairs = names
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .filter((stem) => names.includes(stem + EXPECTED_SUFFIX))
    .sort();
  if (pairs.length === 0) {
    throw new InputError(`${dir}: no fixtures (NAME.txt with NAME${EXPECTED_SUFFIX} beside it)`);
  }
  const cases: ScoreCase[] = [];
  const baselineCases: ScoreCase[] = [];
  for (const stem of pairs) {
    const result = await analyseFile(join(dir, `${stem}.txt`));
    if (!result.ok) throw new InputError(withFile(result.file, result.error));
    const expectedFile = join(dir, stem + EXPECTED_SUFFIX);
    const { clues: expected, range } = parseAnnotation(expectedFile, await readText(expectedFile));
    cases.push({ file: result.file, expected, clues: result.clues, ...(range ? { range } : {}) });
    if (baselineFile) {
      const naive = await baselineFile(join(dir, `${stem}.txt`));
      // The baseline only guesses unexplained adults; it is scored on that kind alone.
      if (naive.ok) {
        const adults = expected.filter((e) => e.kind === 'unexplained-adult');
        baselineCases.push({ file: naive.file, expected: adults, clues: naive.clues, ...(range ? { range } : {}) });
      }
    }
  }
  return { scores: score(cases), cases: cases.length, ...(baselineFile ? { baseline: score(baselineCases) } : {}) };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    throw new InputError(`${dir}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function withFile(file: string, message: string): string {
  return message.startsWith(`${file}:`) ? message : `${file}: ${message}`;
}
