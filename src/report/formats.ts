/**
 * The names `--format` accepts, apart from the reporters themselves: the command line lists them (and `--help` prints
 * them) without loading any reporter, whose imports reach the language model.
 */
export const FORMATS = ['terminal', 'json', 'jsonl', 'sarif', 'github', 'markdown'] as const;

/** A format name accepted by `--format`. */
export type FormatName = (typeof FORMATS)[number];
