import { CLUE_KINDS, type Clue, type ClueKind } from '../types.js';
import { visible } from '../report/text.js';
import { ANNOTATED_KINDS, type ExpectedClue } from './expected.js';
import type { RosterFalsePositive, RosterMiss, RosterScores } from './roster.js';
import { tally, type Tally } from './tally.js';

export { tally, type Tally };

/** One fixture: the transcript's path, the clues a reviewer expects, and the clues the tool reported. */
export interface ScoreCase {
  file: string;
  expected: ExpectedClue[];
  clues: Clue[];
  /** The annotated lines [first, last]: a reported clue whose `line` is outside is not scored. */
  range?: [number, number];
}

/** An expected clue the tool did not report. */
export interface Miss {
  file: string;
  kind: ClueKind;
  line: number;
  otherLine?: number;
  alsoLines?: number[];
  who?: string;
  note?: string;
}

/** A reported clue that matched nothing expected. */
export interface FalsePositive {
  file: string;
  kind: ClueKind;
  line: number;
  who: string;
  message: string;
}

/** The result of scoring a set of fixtures. */
export interface Scores {
  kinds: Record<ClueKind, Tally>;
  overall: Tally;
  misses: Miss[];
  falsePositives: FalsePositive[];
}

/** Matches reported clues to expected ones one-to-one and tallies precision, recall and F1 per kind and overall. */
export function score(cases: ScoreCase[]): Scores {
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  const hits: Array<{ kind: ClueKind }> = [];
  for (const { file, expected, clues: reported, range } of cases) {
    // Only what fixtures annotate is scored: `clues-ignore` problems are about the file's comments, not its words,
    // and a clue outside the annotated range is neither right nor wrong.
    const clues = reported.filter(
      (clue) => (ANNOTATED_KINDS as readonly ClueKind[]).includes(clue.kind) && (!range || (clue.line >= range[0] && clue.line <= range[1])),
    );
    const matched = matchCase(expected, clues);
    expected.forEach((exp, i) => {
      if (matched.has(i)) hits.push(exp);
      else misses.push(miss(file, exp));
    });
    const used = new Set(matched.values());
    clues.forEach((clue, j) => {
      if (!used.has(j)) falsePositives.push(falsePositive(file, clue));
    });
  }
  const kinds = Object.fromEntries(
    CLUE_KINDS.map((kind) => [kind, tally(count(hits, kind), count(falsePositives, kind), count(misses, kind))]),
  ) as Record<ClueKind, Tally>;
  const overall = tally(hits.length, falsePositives.length, misses.length);
  return { kinds, overall, misses, falsePositives };
}

/** Greedy in expected order: each expected index maps to at most one reported index, and vice versa. */
function matchCase(expected: ExpectedClue[], clues: Clue[]): Map<number, number> {
  const matched = new Map<number, number>();
  const used = new Set<number>();
  expected.forEach((exp, i) => {
    const candidates = clues.flatMap((clue, j) => (!used.has(j) && matches(exp, clue) ? [j] : []));
    const pick = candidates.find((j) => clues[j]?.line === exp.line) ?? candidates[0];
    if (pick === undefined) return;
    matched.set(i, pick);
    used.add(pick);
  });
  return matched;
}

/**
 * Same kind, and the clue cites `line` or one of `alsoLines`. With `otherLine` (a contradiction's earlier statement)
 * it must also cite a different line from `otherLine` or `alsoLines`: both sides of the contradiction.
 */
export function matches(expected: ExpectedClue, clue: Clue): boolean {
  if (clue.kind !== expected.kind) return false;
  const also = expected.alsoLines ?? [];
  const cited = (lines: number[]) => clue.lines.filter((l) => lines.includes(l));
  const here = cited([expected.line, ...also]);
  if (expected.otherLine === undefined) return here.length > 0;
  const there = cited([expected.otherLine, ...also]);
  return here.some((a) => there.some((b) => a !== b));
}

function miss(file: string, expected: ExpectedClue): Miss {
  const result: Miss = { file, kind: expected.kind, line: expected.line };
  if (expected.otherLine !== undefined) result.otherLine = expected.otherLine;
  if (expected.alsoLines !== undefined) result.alsoLines = expected.alsoLines;
  if (expected.who !== undefined) result.who = expected.who;
  if (expected.note !== undefined) result.note = expected.note;
  return result;
}

function falsePositive(file: string, clue: Clue): FalsePositive {
  return { file, kind: clue.kind, line: clue.line, who: clue.who, message: clue.message };
}

function count(items: Array<{ kind: ClueKind }>, kind: ClueKind): number {
  return items.filter((item) => item.kind === kind).length;
}

/** Options for `formatScores`: `baselineLabel` names the baseline table (e.g. a commit or file). */
export interface FormatScoresOptions {
  verbose: boolean;
  /** The roster score, printed as a `roster` row under the table. */
  roster?: RosterScores;
  baseline?: Scores;
  baselineLabel?: string;
}

const COLUMNS = [
  { title: 'expected', width: 8 },
  { title: 'reported', width: 8 },
  { title: 'tp', width: 4 },
  { title: 'precision', width: 9 },
  { title: 'recall', width: 6 },
  { title: 'F1', width: 5 },
];
const KIND_WIDTH = Math.max('overall'.length, ...CLUE_KINDS.map((k) => k.length));

/** Plain fixed-width score table, an optional baseline table, and with `verbose` every miss and false positive. */
export function formatScores(scores: Scores, options: FormatScoresOptions): string {
  const sections = [table(scores, options.roster)];
  if (options.baseline) {
    sections.push(`baseline: ${options.baselineLabel ?? 'previous run'}\n${table(options.baseline)}`);
  }
  if (options.verbose) {
    sections.push(listing(`misses (${scores.misses.length})`, scores.misses.map(missRow)));
    sections.push(
      listing(`false positives (${scores.falsePositives.length})`, scores.falsePositives.map(falsePositiveRow)),
    );
    if (options.roster) {
      const { misses, falsePositives } = options.roster;
      sections.push(listing(`roster misses (${misses.length})`, misses.map(rosterMissRow)));
      sections.push(listing(`roster false positives (${falsePositives.length})`, falsePositives.map(rosterFalsePositiveRow)));
    }
  }
  return `${sections.join('\n\n')}\n`;
}

// Kinds with nothing expected and nothing reported say nothing: the table shows the kinds the fixtures exercise.
function table(scores: Scores, roster?: RosterScores): string {
  const kinds = CLUE_KINDS.filter((kind) => scores.kinds[kind].expected + scores.kinds[kind].reported > 0);
  const width = Math.max('overall'.length, ...kinds.map((k) => k.length));
  const rows = [...kinds.map((kind) => tableRow(kind, scores.kinds[kind], width)), tableRow('overall', scores.overall, width)];
  if (roster) rows.push(rosterRow(roster, width));
  return [row('kind', COLUMNS.map((c) => c.title), width), ...rows].join('\n');
}
// The roster is not a kind of clue: it sits under the table, after a blank line, with the same columns.
function rosterRow(roster: RosterScores, width: number): string {
  const note = `named people, ${roster.cases} annotation${roster.cases === 1 ? '' : 's'}`;
  return `\n${tableRow('roster', roster.tally, width)}  (${note})`;
}

function tableRow(name: string, t: Tally, width: number): string {
  const rates = [t.precision, t.recall, t.f1].map((r) => r.toFixed(3));
  return row(name, [String(t.expected), String(t.reported), String(t.tp), ...rates], width);
}

function row(name: string, cells: string[], width = KIND_WIDTH): string {
  return [name.padEnd(width), ...cells.map((cell, i) => cell.padStart(COLUMNS[i]?.width ?? 0))]
    .join('  ')
    .trimEnd();
}

function listing(title: string, rows: string[][]): string {
  if (rows.length === 0) return `${title}: none`;
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd(),
  );
  return [`${title}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

function missRow(m: Miss): string[] {
  const other = m.otherLine === undefined ? '' : `(and line ${m.otherLine})`;
  const also = m.alsoLines?.length ? `(or ${m.alsoLines.join(', ')})` : '';
  const message = [other, also, m.note ?? ''].filter(Boolean).join(' ');
  return [`${m.file}:${m.line}`, m.kind, m.who || '-', message].map(visible);
}

function falsePositiveRow(fp: FalsePositive): string[] {
  return [`${fp.file}:${fp.line}`, fp.kind, fp.who || '-', fp.message].map(visible);
}

function rosterMissRow(m: RosterMiss): string[] {
  return [m.file, m.name].map(visible);
}

function rosterFalsePositiveRow(fp: RosterFalsePositive): string[] {
  return [`${fp.file}:${fp.line}`, fp.name, fp.sameAs === undefined ? 'matches no one' : `same person as ${fp.sameAs}: not merged`].map(visible);
}
