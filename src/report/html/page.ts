import { createHash } from 'node:crypto';
import { SPEAKER_COLOURS } from './timeline.js';

const SWATCHES = SPEAKER_COLOURS.map((colour, i) => `.c${i} { background: ${colour}; }`).join(' ');

/**
 * The page's one stylesheet and one script, and the Content-Security-Policy that allows exactly these two by
 * their hashes: no other script, style, image, font, frame or request can run or load, even if markup got in.
 */

// Colours: text and its backgrounds pass WCAG AA (4.5:1 and more); marks and lines pass 3:1 against white.
export const STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #555; --line: #d0d0d0; --error: #b00020; --warning: #8a4b00; --info: #1f5f99; --mark: #fff0a8; --target: #ffd75e; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
header, main, footer, nav { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 2px solid var(--text); }
h3 { font-size: 1.15rem; margin-top: 1.5rem; } h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: #0b57a4; } a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.sev { display: inline-block; min-width: 4.5em; padding: 0 .4em; border-radius: 3px; color: #fff; font-size: .85em; font-weight: 600; text-align: center; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); }
.timeline { overflow-x: auto; border: 1px solid var(--line); padding: .5rem; }
.timeline svg { display: block; width: 100%; min-width: 40rem; height: auto; font: 12px system-ui, sans-serif; }
.timeline a:focus-visible circle, .timeline a:focus-visible path { stroke: #000; stroke-width: 3; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
${SWATCHES}
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .3em; vertical-align: -.05em; }
ol.clues { list-style: none; padding: 0; }
li.clue { border: 1px solid var(--line); border-left: 6px solid var(--info); padding: .5rem .75rem; margin: .5rem 0; }
li.clue.error { border-left-color: var(--error); } li.clue.warning { border-left-color: var(--warning); }
li.clue:target, li.clue.current { background: #fff8d6; outline: 2px solid var(--text); }
.quotes { margin: .25rem 0 0; padding-left: 1.25rem; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin-top: .5rem; }
.sides > div { border: 1px solid var(--line); padding: .25rem .5rem; } .sides h5 { margin: 0; font-size: .9rem; }
.toolbar { position: sticky; top: 0; background: #fff; padding: .25rem 0; border-bottom: 1px solid var(--line); z-index: 1; }
.toolbar button { font: inherit; padding: .1rem .6rem; }
ol.transcript { list-style: none; padding: 0; margin: 0; font-size: .95rem; }
ol.transcript li { display: grid; grid-template-columns: 4.5em 6.5em 9em 1fr; gap: .5rem; padding: .05rem .25rem; scroll-margin-top: 3rem; }
ol.transcript li:target, ol.transcript li.current { background: var(--target); }
.no, .time { color: var(--muted); font-variant-numeric: tabular-nums; text-align: right; }
.who { font-weight: 600; overflow-wrap: anywhere; } .cont .who { font-weight: 400; color: var(--muted); }
.words { white-space: pre-wrap; overflow-wrap: anywhere; }
a.hl { background: var(--mark); color: var(--text); text-decoration: underline; text-decoration-thickness: 2px; }
a.hl.error { text-decoration-color: var(--error); } a.hl.warning { text-decoration-color: var(--warning); } a.hl.info { text-decoration-color: var(--info); }
@media print {
  .skip, .toolbar, nav.contents { display: none; }
  body { font-size: 11pt; } header, main, footer { max-width: none; }
  .sev, .swatch, a.hl { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .timeline { overflow: visible; border: 0; } .timeline svg { min-width: 0; width: 100%; }
  section.file + section.file { break-before: page; } li.clue, .timeline, ol.transcript li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; } a.hl { text-decoration: underline; }
  li.clue:target, ol.transcript li:target { background: none; outline: 0; }
}
`;

// Keyboard: n / j next clue, p / k previous, in the transcript; a clue's links and marks are plain fragment links, so
// clicks work without script. No text from the transcript is read or written here: only ids and classes.
export const SCRIPT = `
(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll('a.hl'));
  var at = -1;
  function go(step) {
    if (marks.length === 0) return;
    at = (at + step + marks.length) % marks.length;
    var mark = marks[at];
    var line = mark.closest('li');
    document.querySelectorAll('li.current').forEach(function (el) { el.classList.remove('current'); });
    if (line) line.classList.add('current');
    mark.focus();
    mark.scrollIntoView({ block: 'center' });
    var status = document.getElementById('status');
    if (status) status.textContent = 'Clue mark ' + (at + 1) + ' of ' + marks.length;
  }
  document.querySelectorAll('button[data-step]').forEach(function (button) {
    button.addEventListener('click', function () { go(Number(button.getAttribute('data-step'))); });
  });
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = event.target && event.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
    if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
  });
  // A followed link focuses its target, so a keyboard or screen-reader user lands where the eye does.
  window.addEventListener('hashchange', function () {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1'); target.focus({ preventScroll: true }); }
    var index = marks.indexOf(document.activeElement);
    if (index >= 0) at = index;
  });
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy: nothing by default, and the one style and one script above by hash. */
export const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
