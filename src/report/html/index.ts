/**
 * `--format html`: one self-contained page per run. A summary, a people timeline drawn as inline SVG, the clues
 * grouped by kind, and the transcript itself with the quoted words linked both ways. Nothing is loaded from
 * anywhere: one inline style and one inline script, both allowed by hash in the page's Content-Security-Policy.
 */
import { SEVERITY_RANK } from '../../severity.js';
import { CLUE_KINDS, SEVERITIES, type Clue, type Evidence, type FileResult } from '../../types.js';
import type { FailOn } from '../../finish/exit-code.js';
import type { ReportOptions } from '../options.js';
import { byPosition, plural, silenced } from '../text.js';
import { escapeHtml as e } from './escape.js';
import { spokenLines } from './lines.js';
import { CSP, SCRIPT, STYLE } from './page.js';
import { SPEAKER_COLOURS, statements, timeline } from './timeline.js';
import { transcriptView, type PlacedClue } from './transcript.js';

type OkResult = Extract<FileResult, { ok: true }>;

/** The HTML report for every result: one page, with a contents list when there is more than one file. */
export function html(results: FileResult[], options: ReportOptions): string {
  const ok = results.filter((r): r is OkResult => r.ok);
  const failed = results.filter((r): r is Extract<FileResult, { ok: false }> => !r.ok);
  const failOn = options.failOn ?? 'error';
  const clues = ok.flatMap((r) => r.clues);
  const title = results.length === 1 ? `Transcript clues: ${results[0]!.file}` : `Transcript clues: ${plural(results.length, 'file')}`;
  const counts = SEVERITIES.map((s) => plural(clues.filter((c) => c.severity === s).length, s, s === 'info' ? 'info' : undefined)).join(', ');
  const unread = failed.length > 0 ? `; ${plural(failed.length, 'file')} could not be read` : '';
  const hasMarks = ok.some((r) => r.utterances !== undefined && r.clues.length > 0);

  const body = [
    '<a class="skip" href="#main">Skip to the report</a>',
    `<header><h1>${e(title)}</h1><p>${plural(clues.length, 'clue')} (${counts}) in ${plural(ok.length, 'file')}${e(silenced(ok))}${unread}.` +
      `${options.redact ? ' Names are replaced by pseudonyms (--redact).' : ''}</p></header>`,
  ];
  if (results.length > 1) {
    const entries = results.map((r, i) =>
      r.ok ? `<li><a href="#f${i}">${e(r.file)}</a> (${plural(r.clues.length, 'clue')})</li>` : `<li><a href="#unread">${e(r.file)}</a> (could not be read)</li>`,
    );
    body.push(`<nav class="contents" aria-label="Contents"><h2>Contents</h2><ol>${entries.join('')}</ol></nav>`);
  }
  body.push('<main id="main">');
  if (hasMarks) {
    body.push(
      '<div class="toolbar" role="toolbar" aria-label="Clue navigation"><button type="button" data-step="-1">Previous clue</button> ' +
        '<button type="button" data-step="1">Next clue</button> <span class="muted">or press p and n</span> <span id="status" role="status"></span></div>',
    );
  }
  results.forEach((r, i) => {
    if (r.ok) body.push(fileSection(r, `f${i}`, failOn));
  });
  if (failed.length > 0) {
    const items = failed.map((r) => `<li>${e(r.error.startsWith(`${r.file}:`) ? r.error : `${r.file}: ${r.error}`)}</li>`);
    body.push(`<section id="unread" aria-labelledby="unread-h"><h2 id="unread-h">Could not be read</h2><ul>${items.join('')}</ul></section>`);
  }
  body.push('</main>', '<footer><p class="muted">Made by transcript-clues. Every quote links to its line; each marked word links to its clue. <code>clues explain RULE</code> says what a rule looks for.</p></footer>');

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>${body.join('\n')}`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function fileSection(result: OkResult, id: string, failOn: FailOn): string {
  const placed: PlacedClue[] = [...result.clues].sort(byPosition).map((clue, i) => ({ clue, id: `${id}-c${i}` }));
  const lineId = (line: number) => `${id}-L${line}`;
  const speakers = result.speakers.map((s) => s.label);
  const colourOf = (speaker: string) => {
    const i = speakers.indexOf(speaker);
    return SPEAKER_COLOURS[i < 0 ? SPEAKER_COLOURS.length - 1 : i % SPEAKER_COLOURS.length]!;
  };
  const lines = result.utterances ? spokenLines(result.utterances) : [];
  const unit = result.lineUnit === 'paragraph' ? 'paragraph' : 'line';
  const parts = [`<section class="file" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(result.file)}</h2>`];
  if (unit === 'paragraph') parts.push('<p>Line numbers are paragraphs of the document.</p>');

  parts.push(`<section aria-labelledby="${id}-sum"><h3 id="${id}-sum">Summary</h3>`);
  parts.push(speakerTable(result, colourOf));
  parts.push(countTable(result.clues));
  if (result.suppressed) parts.push(`<p>${plural(result.suppressed, 'clue')} silenced by clues-ignore comments in the transcript.</p>`);
  const threshold = failOn === 'none' ? Infinity : SEVERITY_RANK[failOn];
  const failing = placed.filter(({ clue }) => SEVERITY_RANK[clue.severity] >= threshold);
  parts.push(`<h4>Clues that fail the run (--fail-on ${e(failOn)})</h4>`);
  parts.push(failing.length === 0 ? '<p>None.</p>' : `<ul>${failing.map((p) => `<li>${clueLink(p, unit)}</li>`).join('')}</ul>`);
  parts.push('</section>');

  parts.push(`<section aria-labelledby="${id}-tl"><h3 id="${id}-tl">People timeline</h3>`);
  if (result.people.length === 0 && placed.length === 0) parts.push('<p>No one is mentioned who is not a speaker.</p>');
  else {
    const legend = result.speakers.map((s) => `<li><span class="swatch ${swatchClass(colourOf(s.label))}"></span>said by ${e(s.label)}</li>`);
    parts.push(
      `<p>A row per person; a dot per mention, coloured by who said it; a triangle per clue (red error, brown warning, blue info); ` +
        `an arc joins the two statements of a contradiction. Hover for the words, click to go to the ${unit}.</p>`,
      `<ul class="legend" aria-label="Speaker colours">${legend.join('')}</ul>`,
      `<div class="timeline">${timeline({ id: `${id}-timeline`, people: result.people, clues: placed, lines, colourOf, lineId })}</div>`,
    );
  }
  parts.push('</section>');

  parts.push(`<section aria-labelledby="${id}-cl"><h3 id="${id}-cl">Clues</h3>`);
  if (placed.length === 0) parts.push('<p>No clues.</p>');
  for (const kind of CLUE_KINDS) {
    const ofKind = placed.filter(({ clue }) => clue.kind === kind);
    if (ofKind.length === 0) continue;
    parts.push(`<h4>${e(kind)} (${ofKind.length})</h4>`);
    parts.push(`<ol class="clues">${ofKind.map((p) => clueItem(p, lineId, unit)).join('')}</ol>`);
  }
  parts.push('</section>');

  parts.push(`<section aria-labelledby="${id}-tr"><h3 id="${id}-tr">Transcript</h3>`);
  parts.push(result.utterances ? transcriptView(lines, placed, lineId) : '<p>The transcript is not included in this report.</p>');
  parts.push('</section></section>');
  return parts.join('\n');
}

function speakerTable(result: OkResult, colourOf: (speaker: string) => string): string {
  if (result.speakers.length === 0) return '<p>No speakers.</p>';
  const rows = result.speakers.map(
    (s) =>
      `<tr><td><span class="swatch ${swatchClass(colourOf(s.label))}"></span>${e(s.label)}</td><td>${s.role}</td><td class="n">${s.utterances}</td><td class="n">${s.questions}</td></tr>`,
  );
  return `<table><caption>Speakers and roles</caption><thead><tr><th scope="col">Speaker</th><th scope="col">Role</th><th scope="col">Turns</th><th scope="col">Questions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function countTable(clues: Clue[]): string {
  if (clues.length === 0) return '<p>No clues.</p>';
  const kinds = CLUE_KINDS.filter((k) => clues.some((c) => c.kind === k));
  const cell = (kind: string | undefined, severity: string | undefined) =>
    clues.filter((c) => (kind === undefined || c.kind === kind) && (severity === undefined || c.severity === severity)).length;
  const head = `<tr><th scope="col">Kind</th>${SEVERITIES.map((s) => `<th scope="col">${s}</th>`).join('')}<th scope="col">All</th></tr>`;
  const rows = [...kinds, undefined].map(
    (k) => `<tr><th scope="row">${k ?? 'All kinds'}</th>${SEVERITIES.map((s) => `<td class="n">${cell(k, s)}</td>`).join('')}<td class="n">${cell(k, undefined)}</td></tr>`,
  );
  return `<table><caption>Clues by kind and severity</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function clueLink({ clue, id }: PlacedClue, unit: string): string {
  return `<a href="#${id}">${unit} ${clue.line}: ${e(clue.kind)}, ${e(clue.who)}</a>`;
}

function clueItem({ clue, id }: PlacedClue, lineId: (line: number) => string, unit: string): string {
  const confidence = clue.confidence === undefined ? '' : `, confidence ${clue.confidence}`;
  const head =
    `<p><span class="sev sev-${clue.severity}">${clue.severity}</span> <strong>${e(clue.who)}</strong>: ${e(clue.message)}</p>` +
    `<p class="muted">rule ${e(clue.rule)}, said by ${e(clue.speaker)}, <a href="#${lineId(clue.line)}">${unit} ${clue.line}</a>${confidence}</p>`;
  let quotes: string;
  const [earlier, later] = statements(clue);
  if (clue.kind === 'contradiction' && later.length > 0) {
    quotes =
      `<div class="sides"><div><h5>Said first</h5>${quoteList(earlier, lineId, unit)}</div>` +
      `<div><h5>Said against it</h5>${quoteList(later, lineId, unit)}</div></div>`;
  } else quotes = quoteList(clue.evidence, lineId, unit);
  return `<li class="clue ${clue.severity}" id="${id}" tabindex="-1">${head}${quotes}</li>`;
}

function quoteList(quotes: Evidence[], lineId: (line: number) => string, unit: string): string {
  if (quotes.length === 0) return '';
  const items = quotes.map((q) => {
    const time = q.time === undefined ? '' : `, ${e(q.time)}`;
    return `<li>“${e(q.text)}” (<a href="#${lineId(q.line)}">${unit} ${q.line}</a>${time})</li>`;
  });
  return `<ul class="quotes">${items.join('')}</ul>`;
}

/** The class that paints a legend swatch in a speaker's colour (the CSP allows no inline style attributes). */
function swatchClass(colour: string): string {
  return `c${SPEAKER_COLOURS.indexOf(colour)}`;
}
