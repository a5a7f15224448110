import { worse } from '../../severity.js';
import type { Clue } from '../../types.js';
import { escapeHtml as e } from './escape.js';
import { spanIn, type SpokenLine } from './lines.js';

/** A clue with its fragment id in the page. */
export interface PlacedClue {
  clue: Clue;
  id: string;
}

interface Span {
  start: number;
  end: number;
  clue: PlacedClue;
}

/**
 * The transcript view: every spoken line with its number, time and speaker, and the words clues quote as links to
 * those clues (a line's id is what the clue list and the timeline link to).
 */
export function transcriptView(lines: SpokenLine[], clues: PlacedClue[], lineId: (line: number) => string): string {
  const byLine = new Map<number, PlacedClue[]>();
  for (const placed of clues) {
    for (const ev of placed.clue.evidence) {
      for (let l = ev.line; l <= (ev.endLine ?? ev.line); l++) {
          const list = byLine.get(l);
          if (list) list.push(placed);
          else byLine.set(l, [placed]);
        }
    }
  }
  const items = lines.map((line) => {
    const spans: Span[] = [];
    for (const placed of new Set(byLine.get(line.line) ?? [])) {
      for (const ev of placed.clue.evidence) {
        const span = spanIn(line, ev);
        if (span && span[1] > span[0]) spans.push({ start: span[0], end: span[1], clue: placed });
      }
    }
    const time = line.time === undefined ? '' : e(line.time);
    return (
      `<li id="${lineId(line.line)}"${line.continued ? ' class="cont"' : ''}>` +
      `<span class="no">${line.line}</span><span class="time">${time}</span><span class="who">${e(line.speaker)}</span>` +
      `<span class="words">${highlighted(line.text, spans)}</span></li>`
    );
  });
  return `<ol class="transcript">${items.join('')}</ol>`;
}

/** The line's words with each quoted run a link to the first clue quoting it, titled with every clue that does. */
function highlighted(text: string, spans: Span[]): string {
  if (spans.length === 0) return e(text);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const piece = text.slice(from, to);
    const covering = [...new Set(spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.clue))];
    if (covering.length === 0) {
      out += e(piece);
      continue;
    }
    const worst = covering.map((c) => c.clue.severity).reduce(worse);
    const title = covering.map((c) => `${c.clue.severity} ${c.clue.kind}: ${c.clue.who}`).join('; ');
    const ids = covering.map((c) => c.id).join(' ');
    out += `<a class="hl ${worst}" href="#${covering[0]!.id}" data-clues="${ids}" title="${e(title)}">${e(piece)}</a>`;
  }
  return out;
}
