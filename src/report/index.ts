import type { FileResult } from '../types.js';
import { github } from './github.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { terminal } from './terminal.js';

/** What every reporter may be told by the caller: colour, and `--redact` (the names are already replaced in the results). */
import type { ReportOptions } from './options.js';

export type { ReportOptions };

/** Turns finished results into the text to print; never analyses. */
export type Reporter = (results: FileResult[], options: ReportOptions) => string;

/** The reporters by format name. */
export const reporters = { terminal, json, jsonl, sarif, github, markdown, html } satisfies Record<string, Reporter>;

/** A format name accepted by `--format`. */
export type FormatName = keyof typeof reporters;

/** Every format name, in the order to list them. */
export const FORMATS = Object.keys(reporters) as FormatName[];

/** Formats that show the transcript itself, so the run keeps each file's utterances for them (others must not: memory). */
export function needsUtterances(format: FormatName): boolean {
  return format === 'html';
}
