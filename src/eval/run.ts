import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { CORPUS_DIR } from './corpus-dir.js';
import { parse } from '../parse/index.js';
import { readSources, TRANSCRIPT_EXTENSIONS } from '../read/read.js';
import type { FileResult } from '../types.js';
import { parseAnnotation, type Annotation } from './expected.js';
import { rosterEntries, scoreRoster, type RosterCase, type RosterScores, type Turn } from './roster.js';
import { score, type ScoreCase, type Scores } from './score.js';

const EXPECTED_SUFFIX = '.expected.json';

/** The scores for one folder of annotated transcripts. */
export interface DirScores {
  dir: string;
  cases: number;
  scores: Scores;
  /** The naive baseline's scores (unexplained-adult only), when a baseline was run. */
  baseline?: Scores;
  /** The roster score, when some annotation lists `people`. */
  roster?: RosterScores;
}

/** An annotation found in a walk, with the transcript it annotates. */
export interface AnnotatedFile {
  transcript: string;
  expectedFile: string;
  annotation: Annotation;
}

/**
 * Scores every `NAME.expected.json` under `dir` (walked recursively) against its transcript: `NAME.<ext>` beside
 * it for any transcript extension, or the file its `source` names. `turnsOf` tells who speaks on which line, for
 * the roster's named speakers; by default the transcript is read and parsed again.
 */
export async function evaluate(
  dir: string,
  analyseFile: (file: string) => Promise<FileResult>,
  naiveFile?: (file: string) => Promise<FileResult>,
  turnsOf: (file: string) => Promise<Turn[]> = speakerTurns,
): Promise<DirScores> {
  const found = await findAnnotated(dir);
  if (found.length === 0) {
    throw new InputError(`${dir}: no fixtures (NAME${EXPECTED_SUFFIX} with its transcript, e.g. NAME.txt, beside it)`);
  }
  const cases: ScoreCase[] = [];
  const baselineCases: ScoreCase[] = [];
  const rosterCases: RosterCase[] = [];
  for (const { transcript, annotation } of found) {
    const result = await analyseFile(transcript);
    if (!result.ok) throw new InputError(withFile(result.file, result.error));
    const { clues: expected, range, people } = annotation;
    const inRange = range ? { range } : {};
    cases.push({ file: result.file, expected, clues: result.clues, ...inRange });
    if (people) {
      const reported = rosterEntries(result.speakers, result.people, range ? await turnsOf(transcript) : [], range);
      rosterCases.push({ file: result.file, expected: people, reported });
    }
    if (naiveFile) {
      const naive = await naiveFile(transcript);
      // The baseline only guesses unexplained adults; it is scored on that kind alone.
      if (naive.ok) {
        const adults = expected.filter((e) => e.kind === 'unexplained-adult');
        baselineCases.push({ file: naive.file, expected: adults, clues: naive.clues, ...inRange });
      }
    }
  }
  return {
    dir,
    cases: cases.length,
    scores: score(cases),
    ...(naiveFile ? { baseline: score(baselineCases) } : {}),
    ...(rosterCases.length > 0 ? { roster: scoreRoster(rosterCases) } : {}),
  };
}

/** Every annotation under `dir`, in path order, each paired with its transcript; a malformed or orphaned one is an InputError. */
export async function findAnnotated(dir: string): Promise<AnnotatedFile[]> {
  const files = await walk(dir);
  const found: AnnotatedFile[] = [];
  for (const expectedFile of files.filter((file) => basename(file).endsWith(EXPECTED_SUFFIX))) {
    const annotation = parseAnnotation(expectedFile, await readText(expectedFile));
    found.push({ transcript: transcriptOf(expectedFile, annotation, files), expectedFile, annotation });
  }
  return found;
}

function transcriptOf(expectedFile: string, annotation: Annotation, files: string[]): string {
  const folder = dirname(expectedFile);
  // `source` may be the transcript's file name, or (in the shared corpus) where it was copied from.
  if (annotation.source !== undefined) {
    const named = join(folder, annotation.source);
    if (files.includes(named)) return named;
  }
  const stem = basename(expectedFile).slice(0, -EXPECTED_SUFFIX.length);
  const beside = files.filter((file) => {
    const name = basename(file);
    return dirname(file) === folder && name !== basename(expectedFile) && TRANSCRIPT_EXTENSIONS.some((ext) => name.toLowerCase() === `${stem}${ext}`.toLowerCase());
  });
  if (beside.length === 1) return beside[0]!;
  const names = beside.map((file) => basename(file)).join(', ');
  if (beside.length > 1) throw new InputError(`${expectedFile}: several transcripts beside it (${names}); name one in "source"`);
  throw new InputError(`${expectedFile}: no transcript beside it (${stem}${TRANSCRIPT_EXTENSIONS.join(`, ${stem}`)})`);
}

/** Who speaks on which line, from the parsed transcript. */
export async function speakerTurns(file: string): Promise<Turn[]> {
  const [source] = await readSources([file]);
  if (!source || 'error' in source) throw new InputError(withFile(file, source?.error ?? 'unreadable'));
  return parse(source).utterances.map((u) => ({ speaker: u.speaker, line: u.line }));
}

export { CORPUS_DIR };

/** `clues eval` with no folder: the real corpus (when it is there) and the fixtures, in that order. */
export function defaultDirs(cwd: string): { dirs: string[]; missing?: string } {
  return existsSync(resolve(cwd, CORPUS_DIR)) ? { dirs: [CORPUS_DIR, 'fixtures'] } : { dirs: ['fixtures'], missing: CORPUS_DIR };
}

/** What a folder holds, for its section title: `fixtures`, `real transcripts` (the shared corpus), else its name. */
export function dirTitle(dir: string): string {
  const path = resolve(dir);
  if (basename(path) === 'fixtures') return 'fixtures';
  if (path.split(sep).includes('corpus')) return 'real transcripts';
  return basename(path) || dir;
}

// Every file under `dir`, skipping hidden folders and installed packages, as a walk of transcripts does.
async function walk(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new InputError(`${dir}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!info.isDirectory()) throw new InputError(`${dir}: not a directory`);
  const files: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`${folder}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') await visit(path);
    }
  };
  await visit(dir);
  return files.sort();
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
