import { InputError } from '../errors.js';
import { ANNOTATED_KINDS } from './expected.js';
import { dirTitle, type DirScores } from './run.js';
import { formatScores } from './score.js';

/** The output formats of `clues eval`. */
export const EVAL_FORMATS = ['text', 'json'] as const;
export type EvalFormat = (typeof EVAL_FORMATS)[number];

/** The eval format for the main command's `--format`: `json` is JSON, `terminal` (the default) is the text tables. */
export function evalFormat(format: string): EvalFormat {
  if (format === 'json') return 'json';
  if (format === 'terminal') return 'text';
  throw new InputError(`eval prints terminal tables or json, not ${format}`);
}

/** Options for `formatEval`: `missing` is a default folder that was not there (the shared corpus in a lone clone). */
export interface FormatEvalOptions {
  format: EvalFormat;
  verbose: boolean;
  missing?: string;
}

const BASELINE_LABEL = "every name compromise finds in an interviewee's words, flagged as an unexplained adult";

/** One section per folder (title, table, roster row, baseline table), or `{ dirs: [...] }` as JSON for scripts. */
export function formatEval(results: DirScores[], options: FormatEvalOptions): string {
  if (options.format === 'json') return `${JSON.stringify(toJson(results, options), null, 2)}\n`;
  const sections = results.map((r) => {
    const heading = `${dirTitle(r.dir)} (${r.dir}, ${r.cases} annotated)`;
    const body = formatScores(r.scores, {
      verbose: options.verbose,
      ...(r.roster ? { roster: r.roster } : {}),
      ...(r.baseline ? { baseline: r.baseline, baselineLabel: BASELINE_LABEL } : {}),
    });
    return `${heading}\n${body}`;
  });
  if (options.missing !== undefined) sections.unshift(`real transcripts: ${options.missing} not found beside this folder; scoring fixtures only\n`);
  return sections.join('\n');
}

function toJson(results: DirScores[], options: FormatEvalOptions): object {
  return {
    dirs: results.map((r) => ({
      dir: r.dir,
      title: dirTitle(r.dir),
      cases: r.cases,
      kinds: Object.fromEntries(ANNOTATED_KINDS.map((kind) => [kind, r.scores.kinds[kind]])),
      overall: r.scores.overall,
      roster: r.roster ? { cases: r.roster.cases, ...r.roster.tally } : null,
      baseline: r.baseline ? { kinds: { 'unexplained-adult': r.baseline.kinds['unexplained-adult'] }, overall: r.baseline.overall } : null,
      ...(options.verbose
        ? {
            misses: r.scores.misses,
            falsePositives: r.scores.falsePositives,
            ...(r.roster ? { rosterMisses: r.roster.misses, rosterFalsePositives: r.roster.falsePositives } : {}),
          }
        : {}),
    })),
    ...(options.missing !== undefined ? { missing: [options.missing] } : {}),
  };
}
