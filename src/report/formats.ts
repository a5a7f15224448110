/**
 * The names `--format` accepts, apart from the reporters themselves: the command line lists them (and `--help` prints
 * them) without loading any reporter, whose imports reach the language model.
 */
export const FORMATS = ['terminal', 'json', 'jsonl', 'sarif', 'github', 'markdown', 'html'] as const;

/** A format name accepted by `--format`. */
export type FormatName = (typeof FORMATS)[number];

/** Formats that show the transcript itself, so the run keeps each file's utterances for them (others must not: memory). */
export function needsUtterances(format: FormatName): boolean {
  return format === 'html';
}
