import { join } from 'node:path';

/** Where the shared corpus of real transcripts lives when it is checked out beside this folder (light: `--help` names it). */
export const CORPUS_DIR = join('..', 'shared', 'corpus');
