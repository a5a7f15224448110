import type { Evidence, Utterance } from '../../types.js';

/** One source line of speech: its number, the time it was spoken, who spoke, its words, and where they start. */
export interface SpokenLine {
  line: number;
  /** The column of the first word in the file (evidence columns are counted from the same origin). */
  column: number;
  time?: string;
  speaker: string;
  text: string;
  /** A later line of a turn that began above. */
  continued: boolean;
}

/** The turns cut back into their source lines (one per segment), in file order. */
export function spokenLines(utterances: Utterance[]): SpokenLine[] {
  return utterances.flatMap((u) =>
    u.segments.map((s, i): SpokenLine => {
      const end = u.segments[i + 1]?.offset ?? u.text.length;
      const time = s.time ?? (i === 0 ? u.time : undefined);
      return {
        line: s.line,
        column: s.column,
        ...(time === undefined ? {} : { time }),
        speaker: u.speaker,
        // Lines of a turn are joined with one space: it belongs to neither line.
        text: u.text.slice(s.offset, end).replace(/ $/, ''),
        continued: i > 0,
      };
    }),
  );
}

/** `00:12:31`, `12:31` or `00:00:04.250` in seconds; undefined for anything else. */
export function seconds(time: string | undefined): number | undefined {
  const m = time === undefined ? null : /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(time.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(`0.${m[4] ?? 0}`);
}

/**
 * Where quoted words sit in one spoken line, as [start, end) offsets into its text, or undefined when they do not
 * touch it. Positions come from the evidence; when the words there differ (redaction changed lengths before them),
 * the words are looked for in the line, and failing that the whole line is marked.
 */
export function spanIn(line: SpokenLine, evidence: Evidence): [number, number] | undefined {
  const endLine = evidence.endLine ?? evidence.line;
  if (line.line < evidence.line || line.line > endLine) return undefined;
  const length = line.text.length;
  const start = line.line === evidence.line ? evidence.column - line.column : 0;
  const end = line.line === endLine && evidence.endColumn !== undefined ? evidence.endColumn - line.column : line.line === evidence.line ? start + evidence.text.length : length;
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  if (line.line !== evidence.line) return clip(end) > 0 ? [0, clip(end)] : [0, length];
  const shown = line.text.slice(start, end);
  if (start >= 0 && shown.length > 0 && evidence.text.startsWith(shown)) return [start, clip(end)];
  const found = line.text.indexOf(evidence.text);
  if (found >= 0) return [found, found + evidence.text.length];
  return [0, length];
}
