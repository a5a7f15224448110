import type { FileResult } from '../types.js';
import { stringify } from './json.js';
import type { ReportOptions } from './options.js';
import { byPosition } from './text.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';

/** The JSON Lines format's version: 2 is a line per file (1 was a line per clue). */
export const JSONL_VERSION = 2;

/**
 * JSON Lines, for archives and shards: a `run` line, then one line per input file in input order (its whole result,
 * or `{"type":"error"}` for a file that could not be read), then an `end` line counting them, so a reader can tell a
 * whole output from a cut-off one. A file's line holds everything any format shows, so `clues merge` can print the
 * report of one run in any format from shard outputs. The run writes each file's line as soon as it is checked.
 */
export function jsonl(results: FileResult[], options: Partial<ReportOptions> = {}): string {
  return jsonlStart(options) + results.map(jsonlFile).join('') + jsonlEnd(results.length);
}

/** The first line: the tool, the format's version, which shard this is, and whether names are redacted. */
export function jsonlStart(options: Partial<ReportOptions> = {}): string {
  return line({
    type: 'run',
    tool: TOOL_NAME,
    version: JSONL_VERSION,
    toolVersion: TOOL_VERSION,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.redact ? { redacted: true } : {}),
  });
}

/** One file's line: its result as the pipeline holds it, clues by position; the transcript itself is left out. */
export function jsonlFile(result: FileResult): string {
  if (!result.ok) return line({ type: 'error', file: result.file, message: result.error });
  const { file, lineUnit, suppressed, speakers, people, clues } = result;
  return line({
    type: 'file',
    file,
    ...(lineUnit === 'paragraph' ? { lineUnit } : {}),
    ...(suppressed ? { suppressed } : {}),
    speakers,
    people,
    clues: [...clues].sort(byPosition),
  });
}

/** The last line: how many file and error lines came before it. */
export function jsonlEnd(files: number): string {
  return line({ type: 'end', files });
}

function line(record: object): string {
  return `${stringify(record)}\n`;
}
