import type { Clue, Evidence, Person } from '../../types.js';
import { escapeHtml as e } from './escape.js';
import { seconds, type SpokenLine } from './lines.js';
import { truncate } from '../text.js';

/** Speaker colours, each 3:1 or more against white (WCAG non-text contrast), in the order speakers are listed. */
export const SPEAKER_COLOURS = ['#0b63b6', '#a34700', '#00775a', '#8e3b8e', '#6b5d00', '#a0154f', '#005f73', '#4d4d4d'];
const SEVERITY_COLOURS = { error: '#b00020', warning: '#8a4b00', info: '#1f5f99' } as const;

const LABEL_WIDTH = 170;
const PLOT_WIDTH = 820;
const ROW = 34;
const TOP = 24;
const AXIS = 34;
/** Columns past this sit at the end of their line's stretch of the axis. */
const COLUMNS = 120;

/** What the timeline draws from one file's result. */
export interface TimelineInput {
  id: string;
  people: Person[];
  clues: Array<{ clue: Clue; id: string }>;
  lines: SpokenLine[];
  /** Speaker label → colour index. */
  colourOf: (speaker: string) => string;
  /** The fragment id of a source line in the transcript view. */
  lineId: (line: number) => string;
}

/** The x-axis: cue time when every spoken line has one, else line numbers. */
interface Axis {
  byTime: boolean;
  min: number;
  max: number;
  at: (line: number, time?: string, column?: number) => number;
}

function axisFor(input: TimelineInput): Axis {
  const times = new Map<number, number>();
  let timed = input.lines.length > 0;
  for (const l of input.lines) {
    const t = seconds(l.time);
    if (t === undefined) timed = false;
    else times.set(l.line, t);
  }
  // Loops, not Math.min(...spread): a long transcript has more lines than a call's arguments may number.
  let [lineMin, lineMax] = [Infinity, -Infinity];
  const see = (line: number) => ([lineMin, lineMax] = [Math.min(lineMin, line), Math.max(lineMax, line)]);
  input.lines.forEach((l) => see(l.line));
  input.people.forEach((p) => p.mentions.forEach((m) => see(m.line)));
  input.clues.forEach(({ clue }) => clue.lines.forEach(see));
  if (timed) {
    let [min, max] = [Infinity, -Infinity];
    for (const t of times.values()) [min, max] = [Math.min(min, t), Math.max(max, t)];
    if (max > min) {
      // A line between timed lines (never, when all are timed) takes the nearest time above it.
      const timeOf = (line: number, time?: string): number => seconds(time) ?? times.get(line) ?? nearestAbove(times, line) ?? min;
      return { byTime: true, min, max, at: (line, time) => scale(timeOf(line, time), min, max) };
    }
  }
  const min = Number.isFinite(lineMin) ? lineMin : 1;
  const max = Math.max(min, lineMax) + 1;
  // Along a line, by column, so that two mentions on one line do not hide each other.
  const along = (column = 1) => (Math.min(column, COLUMNS) / COLUMNS) * 0.8;
  return { byTime: false, min, max, at: (line, _time, column) => scale(line + along(column), min, max) };
}

function nearestAbove(times: Map<number, number>, line: number): number | undefined {
  let best: number | undefined;
  let bestLine = -Infinity;
  for (const [l, t] of times) if (l <= line && l > bestLine) [best, bestLine] = [t, l];
  return best;
}

function scale(value: number, min: number, max: number): number {
  return round(LABEL_WIDTH + ((value - min) / (max - min)) * PLOT_WIDTH);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** `12:31` or `1:02:03` for the axis. */
function clock(total: number): string {
  const s = Math.round(total);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/**
 * The people timeline as inline SVG: a row per person, a dot per mention coloured by who said it, a triangle per
 * clue about them, and for each contradiction an arc from its earlier statement to each later one. Every mark is a
 * link to its line in the transcript view, with the quoted words as its title (the hover text).
 */
export function timeline(input: TimelineInput): string {
  const axis = axisFor(input);
  const names = new Map(input.people.map((p, i) => [p.name, i]));
  const unplaced = input.clues.filter(({ clue }) => !names.has(clue.who));
  const rows = input.people.length + (unplaced.length > 0 ? 1 : 0);
  const height = TOP + rows * ROW + AXIS;
  const width = LABEL_WIDTH + PLOT_WIDTH + 20;
  const rowY = (row: number) => TOP + row * ROW + ROW / 2;
  const parts: string[] = [];
  // Contradiction arcs go under the dots (their ends meet dots, which must stay clickable), markers above.
  const arcs: string[] = [];
  const dots: string[] = [];
  const timeOfLine = new Map(input.lines.map((l) => [l.line, l.time]));

  input.people.forEach((person, row) => {
    const y = rowY(row);
    parts.push(`<g class="row" data-person="${row}"><title>${e(person.name)}: ${person.mentions.length} ${person.mentions.length === 1 ? 'mention' : 'mentions'}</title>`);
    parts.push(`<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${y}" y2="${y}" stroke="#d0d0d0"/>`);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end" fill="#1a1a1a">${e(truncate(person.name, 24))}</text></g>`);
    for (const m of person.mentions) {
      const x = axis.at(m.line, timeOfLine.get(m.line), m.column);
      const said = `${person.name}: "${m.text}", said by ${m.speaker}, line ${m.line}`;
      dots.push(
        `<a class="mention" href="#${input.lineId(m.line)}"><circle cx="${x}" cy="${y}" r="5" fill="${input.colourOf(m.speaker)}" stroke="#fff" stroke-width="1"><title>${e(said)}</title></circle></a>`,
      );
    }
  });
  if (unplaced.length > 0) {
    const y = rowY(input.people.length);
    parts.push(`<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${y}" y2="${y}" stroke="#d0d0d0" stroke-dasharray="4 4"/>`);
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end" fill="#555">other clues</text>`);
  }

  for (const { clue } of input.clues) {
    if (clue.kind !== 'contradiction') continue;
    const row = names.get(clue.who) ?? input.people.length;
    const [earlier, later] = statements(clue);
    const from = earlier[0];
    if (from === undefined) continue;
    const y = rowY(row);
    const x1 = axis.at(from.line, from.time, from.column);
    const colour = SEVERITY_COLOURS[clue.severity];
    // A ring at each end marks where the statement is, where no mention's dot already does.
    const ring = (x: number) => `<circle cx="${x}" cy="${y}" r="3.5" fill="#fff" stroke="${colour}" stroke-width="2"/>`;
    arcs.push(ring(x1));
    for (const to of distinctLines(later)) {
      const x2 = axis.at(to.line, to.time, to.column);
      const lift = Math.min(ROW - 6, 8 + Math.abs(x2 - x1) / 12);
      const title = `contradiction about ${clue.who}: "${from.text}" (line ${from.line}) against "${to.text}" (line ${to.line})`;
      arcs.push(
        `<a class="link" href="#${input.lineId(to.line)}"><path d="M ${x1} ${y} Q ${round((x1 + x2) / 2)} ${round(y - 2 * lift)} ${x2} ${y}" fill="none" stroke="${colour}" stroke-width="2"><title>${e(title)}</title></path></a>${ring(x2)}`,
      );
    }
  }
  parts.push(arcs.join(''), dots.join(''));
  for (const { clue } of input.clues) {
    const row = names.get(clue.who) ?? input.people.length;
    const y = rowY(row) - 9;
    const x = axis.at(clue.line, clue.evidence.find((ev) => ev.line === clue.line)?.time, clue.column);
    const quoted = clue.evidence.map((ev) => `"${ev.text}"`).join(', ');
    const title = `${clue.severity} ${clue.kind}, line ${clue.line}: ${clue.who}: ${clue.message}${quoted ? ` (${quoted})` : ''}`;
    parts.push(
      `<a class="marker" href="#${input.lineId(clue.line)}"><path d="M ${x - 6} ${y - 6} L ${x + 6} ${y - 6} L ${x} ${y + 3} Z" fill="${SEVERITY_COLOURS[clue.severity]}" stroke="#fff" stroke-width="1"><title>${e(title)}</title></path></a>`,
    );
  }

  const axisY = TOP + rows * ROW + 6;
  parts.push(`<line x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${axisY}" y2="${axisY}" stroke="#1a1a1a"/>`);
  for (const tick of ticks(axis.min, axis.max)) {
    const x = scale(tick, axis.min, axis.max);
    parts.push(`<line x1="${x}" x2="${x}" y1="${axisY}" y2="${axisY + 5}" stroke="#1a1a1a"/>`);
    parts.push(`<text x="${x}" y="${axisY + 18}" text-anchor="middle" fill="#1a1a1a">${axis.byTime ? clock(tick) : tick}</text>`);
  }
  parts.push(`<text x="${LABEL_WIDTH - 8}" y="${axisY + 18}" text-anchor="end" fill="#555">${axis.byTime ? 'time' : 'line'}</text>`);

  const label = `People timeline: ${input.people.length} ${input.people.length === 1 ? 'person' : 'people'}, by ${axis.byTime ? 'time' : 'line'}`;
  return `<svg id="${input.id}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${e(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/**
 * A contradiction's two statements: the quotes before the clue's own position (where the detector puts the first
 * words against the earlier claim) and those from it on. Without earlier quotes there is one statement.
 */
export function statements(clue: Clue): [Evidence[], Evidence[]] {
  const before = (ev: Evidence) => ev.line < clue.line || (ev.line === clue.line && ev.column < clue.column);
  const earlier = clue.evidence.filter(before);
  const later = clue.evidence.filter((ev) => !before(ev));
  return earlier.length > 0 ? [earlier, later] : [later, []];
}

function distinctLines(quotes: Evidence[]): Evidence[] {
  const seen = new Set<number>();
  return quotes.filter((q) => !seen.has(q.line) && seen.add(q.line));
}

/** About six round tick values from min to max. */
function ticks(min: number, max: number): number[] {
  const raw = (max - min) / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
