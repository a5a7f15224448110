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
import { FORMATS, needsUtterances, type FormatName } from './formats.js';

export type { ReportOptions };

/** Turns finished results into the text to print; never analyses. */
export type Reporter = (results: FileResult[], options: ReportOptions) => string;

/** The reporters by format name: exactly the names in formats.ts, which the command line lists without loading these. */
export const reporters = { terminal, json, jsonl, sarif, github, markdown, html } satisfies Record<FormatName, Reporter>;

export { FORMATS, needsUtterances, type FormatName };
