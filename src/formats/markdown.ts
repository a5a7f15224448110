/**
 * Parsing Markdown transcripts: `**Speaker:** text` or `**Speaker**: text` turns (also `__Speaker:__`, in a list
 * item, or with a `[00:12:31]` / `(12:31)` timestamp beside the label) and `> quoted` lines, which continue the
 * current speaker or carry their own label. Front matter, headings, rules, fences, HTML comments and all-italic
 * lines (`*The interview paused.*`, taken as notes) are skipped. Emphasis markers, escapes, inline-code backticks
 * and link targets are taken out of the text; every remaining character keeps its place in the file.
 * A file with no bold labels at all is read with plain `Speaker: text` labels instead.
 */

import { InputError } from '../errors.js';
import type { Directive, Segment, Utterance } from '../types.js';
import { defineFormat, type SourceText } from './define.js';
import { directiveAt, toDirective, type FoundDirective } from './directives.js';
import { MAX_LABEL_LENGTH, skipSpaces, TIME } from './label.js';
import { canonicalSpeaker, lineColumn, lineEnd, lineStarts, stripBom } from './text.js';

const BRACKETED_TIME = String.raw`(?:\[(${TIME})\]|\((${TIME})\))`;
// A label's words: starts with a letter, no emphasis markers or colons inside.
const LABEL_WORDS = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’&/-]*?`;
// [time] **[time] Label [time]:** [time] text   — the colon inside or just after the bold.
const BOLD_LABEL = new RegExp(
  String.raw`^(?:${BRACKETED_TIME}[ \t]*)?(\*{2,3}|_{2,3})[ \t]*(?:${BRACKETED_TIME}[ \t]*)?(${LABEL_WORDS})[ \t]*(?:${BRACKETED_TIME}[ \t]*)?(:?)[ \t]*\3[ \t]*(?:${BRACKETED_TIME}[ \t]*)?(:?)`,
  'u',
);
// Plain labels, used only when a file has no bold ones: [time] Label [time]: text, 1–4 capitalised words.
const PLAIN_LABEL = new RegExp(
  String.raw`^(?:${BRACKETED_TIME}[ \t]*|(${TIME})[ \t]+)?((?:\p{Lu}[\p{L}\p{M}\p{N}'’.-]*)(?:[ \t]+[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’.-]*){0,3})[ \t]*(?:${BRACKETED_TIME}[ \t]*)?:(?!\d)`,
  'u',
);
// A line that is all one italic span, `*The interview paused.*` or `_[break]_`: a note, not speech.
const STAGE_DIRECTION = /^(?:\*(?![\s*])[^*]*(?<!\s)\*|_(?![\s_])[^_]*(?<!\s)_)$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

// A Markdown transcript: a turn (perhaps quoted with `>` or in a list item) starting with a bold label:
// `**Tracey:**`, `**Tracey**:`, `**Tracey** [00:12:31]:`.
const MARKDOWN_LABEL =
  /^[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?(?:\*\*|__)[^*_:\n]{1,40}(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*(?:[[(][\d:.,]+[\])][ \t]*)?:)/m;

/**
 * Markdown: `**Speaker:** text` turns, recognised by such a line anywhere; `<!-- clues-ignore … -->` comments are
 * directives, and so are `# clues-ignore …` headings in a Word document's paragraphs (Word has no comments).
 */
export const markdown = defineFormat({
  name: 'md',
  extensions: ['.md', '.markdown'],
  sniff: { by: 'line', test: (head) => MARKDOWN_LABEL.test(head) },
  parse: (source) => {
    const { lines, utterances } = read(source);
    return { utterances, directives: directives(lines, source.container === 'docx') };
  },
});

/** A character of utterance text and the file offset it came from (`-1` for a joining space). */
interface Char {
  ch: string;
  at: number;
}

interface Draft {
  speaker: string;
  time?: string;
  chars: Char[];
  /** Where the words would start on the label line, for a turn with no words. */
  labelAt: number;
}

/** A label found at the start of a line's content. */
interface Label {
  speaker: string;
  time?: string;
  /** Offset in the line content where the words start. */
  textStart: number;
}

/** Parses a Markdown transcript; throws InputError when no speaker labels are found. */
export function parseMarkdown(source: SourceText): { utterances: Utterance[] } {
  return { utterances: read(source).utterances };
}

function read(source: SourceText): { lines: string[]; utterances: Utterance[] } {
  const text = stripBom(source.text);
  const starts = lineStarts(text);
  const lines = starts.map((start, index) => text.slice(start, lineEnd(text, starts, index)));
  const body = bodyLines(lines);
  const boldLabels = body.some(({ content }) => readBoldLabel(content) !== undefined);

  const spellings = new Map<string, string>();
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const { index, from, content } of body) {
    const lineStart = (starts[index] as number) + from;
    const label = boldLabels ? readBoldLabel(content) : readPlainLabel(content);
    if (label) {
      current = { speaker: canonicalSpeaker(label.speaker, spellings), chars: [], labelAt: lineStart + label.textStart };
      if (label.time !== undefined) current.time = label.time;
      drafts.push(current);
      appendInline(current.chars, content, label.textStart, lineStart);
    } else if (current && !STAGE_DIRECTION.test(content)) {
      appendInline(current.chars, content, skipTimestamp(content), lineStart);
    }
  }
  if (drafts.length === 0) {
    throw new InputError(`${source.file}: no speaker labels found; expected lines like "**SW:** How are things at home?"`);
  }
  return { lines, utterances: drafts.map((draft, index) => toUtterance(draft, index, starts)) };
}

/** The lines that can hold speech, with quote and list markers stripped: no front matter, headings, rules, fences or comments. */
function bodyLines(lines: string[]): Array<{ index: number; from: number; content: string }> {
  const body: Array<{ index: number; from: number; content: string }> = [];
  let index = frontMatterEnd(lines);
  let fence: string | undefined;
  let inComment = false;
  for (; index < lines.length; index += 1) {
    const raw = (lines[index] as string).replace(/[ \t]+$/, '');
    let from = 0;
    // Block quotes (nested too): `> text`, `>> text`.
    for (let match = /^[ \t]{0,3}>[ \t]?/.exec(raw.slice(from)); match; match = /^[ \t]{0,3}>[ \t]?/.exec(raw.slice(from))) {
      from += match[0].length;
    }
    from += /^[ \t]*/.exec(raw.slice(from))?.[0].length ?? 0;
    let content = raw.slice(from);

    const fenceMatch = /^(`{3,}|~{3,})/.exec(content);
    if (fence !== undefined) {
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence[0] && (fenceMatch[1] as string).length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] as string;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      continue;
    }
    if (content.startsWith('<!--')) {
      inComment = !content.includes('-->');
      continue;
    }
    if (content === '' || /^#{1,6}(?:[ \t]|$)/.test(content) || THEMATIC_BREAK.test(content) || /^=+$/.test(content)) continue;
    // A line followed by `===` is a setext heading.
    if (/^[ \t]{0,3}=+[ \t]*$/.test(lines[index + 1] ?? '')) continue;

    const list = LIST_MARKER.exec(content);
    if (list) {
      from += list[0].length;
      content = content.slice(list[0].length);
    }
    body.push({ index, from, content });
  }
  return body;
}

/** The index of the first line after YAML (`---`) or TOML (`+++`) front matter; 0 when there is none. */
function frontMatterEnd(lines: string[]): number {
  const opener = lines[0]?.trim();
  if (opener !== '---' && opener !== '+++') return 0;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]?.trim();
    if (line === opener || (opener === '---' && line === '...')) return i + 1;
  }
  return 0;
}

function readBoldLabel(content: string): Label | undefined {
  const match = BOLD_LABEL.exec(content);
  if (!match) return undefined;
  const speaker = (match[6] as string).trim().replace(/\s+/g, ' ');
  const colonInside = match[9] === ':';
  const colonAfter = match[12] === ':';
  if (colonInside === colonAfter || speaker.length > MAX_LABEL_LENGTH) return undefined;
  const time = match[1] ?? match[2] ?? match[4] ?? match[5] ?? match[7] ?? match[8] ?? match[10] ?? match[11];
  const textStart = skipSpaces(content, match[0].length);
  return time === undefined ? { speaker, textStart } : { speaker, time, textStart };
}

function readPlainLabel(content: string): Label | undefined {
  const match = PLAIN_LABEL.exec(content);
  if (!match) return undefined;
  const speaker = (match[4] as string).replace(/\s+/g, ' ');
  if (speaker.length > MAX_LABEL_LENGTH) return undefined;
  const time = match[1] ?? match[2] ?? match[3] ?? match[5] ?? match[6];
  const textStart = skipSpaces(content, match[0].length);
  return time === undefined ? { speaker, textStart } : { speaker, time, textStart };
}

/** Where the words of an unlabelled line start: after a running `[00:12:31]` timestamp, if it has one. */
function skipTimestamp(content: string): number {
  const match = new RegExp(`^${BRACKETED_TIME}[ \\t]*`).exec(content);
  return match ? match[0].length : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Directives in comments.

const HEADING = /^(#{1,6}[ \t]+)(.*)$/;
const COMMENT_OPEN = /^(<!--)(.*)$/;
const QUOTE_MARKERS = /^(?:[ \t]{0,3}>[ \t]?)*[ \t]*/;
const FENCE = /^(`{3,}|~{3,})/;
const ARROW = '-->';

/**
 * `<!-- clues-ignore … -->` comments starting a line (or a block quote's line) outside code fences, or `<!--` alone
 * with `clues-ignore …` as its next line (it may run on to a later `-->`); with `headings`, `# clues-ignore …` too.
 */
function directives(lines: string[], headings: boolean): Directive[] {
  const found: FoundDirective[] = [];
  let fence: string | undefined;
  // Inside a comment that started on an earlier line: the directive it holds, if it is one, and whether the
  // comment has had any words yet (`<!--` alone on its line may have the directive on the next).
  let comment: { directive?: FoundDirective; empty: boolean } | undefined;
  lines.forEach((line, index) => {
    if (comment) {
      const close = line.indexOf(ARROW);
      const inner = close === -1 ? line : line.slice(0, close);
      if (comment.directive) comment.directive.body += ` ${inner.trim()}`;
      else if (comment.empty && inner.trim() !== '') {
        const lead = inner.length - inner.trimStart().length;
        const hit = directiveAt(index, lead, inner.slice(lead));
        if (hit) found.push((comment.directive = hit));
        comment.empty = false;
      }
      if (close !== -1) comment = undefined;
      return;
    }
    // Block quote markers (`> `, `>> `) come off first, as the Markdown parser takes them off.
    const from = QUOTE_MARKERS.exec(line)![0].length;
    const content = line.slice(from);
    const fenceMatch = FENCE.exec(content);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    const open = COMMENT_OPEN.exec(content);
    if (open) {
      const rest = open[2]!;
      const close = rest.indexOf(ARROW);
      const inner = close === -1 ? rest : rest.slice(0, close);
      const lead = inner.length - inner.trimStart().length;
      const hit = directiveAt(index, from + open[1]!.length + lead, inner.slice(lead));
      if (hit) found.push(hit);
      if (close === -1) comment = hit ? { directive: hit, empty: false } : { empty: inner.trim() === '' };
      return;
    }
    const heading = headings ? HEADING.exec(content) : null;
    const hit = heading && directiveAt(index, from + heading[1]!.length, heading[2]!);
    if (hit) found.push(hit);
  });
  return found.map(toDirective);
}


// ---------------------------------------------------------------------------------------------------------
// Inline Markdown: the words of a line with their file offsets.

/** Appends the inline text of `content` from `from` to `chars`, after a joining space. */
function appendInline(chars: Char[], content: string, from: number, lineStart: number): void {
  // Removed markup (`<br>`, an image) can leave spaces side by side: keep the first of each run.
  const words = inlineText(content.slice(from), lineStart + from).filter(
    (c, index, all) => !/\s/.test(c.ch) || (index > 0 && !/\s/.test((all[index - 1] as Char).ch)),
  );
  while (words.length > 0 && /\s/.test((words[words.length - 1] as Char).ch)) words.pop();
  if (words.length === 0) return;
  if (chars.length > 0) chars.push({ ch: ' ', at: -1 });
  for (const c of words) chars.push(c);
}

/** A delimiter run of `*` or `_` that may open or close emphasis. */
interface Delimiter {
  ch: string;
  /** Index in `out` of the run's first character. */
  start: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
}

/**
 * Inline text with markup removed: `\*` escapes, `` `code` `` backticks, `[text](url)` link targets, images,
 * simple inline HTML (`<br>` reads as a space), and `*`/`_` emphasis runs that pair up (CommonMark's flanking
 * rules, simplified).
 * Unpaired markers (`f**k`, `snake_case`, `2 * 3`) stay as written.
 */
function inlineText(line: string, base: number): Char[] {
  const out: Char[] = [];
  const delimiters: Delimiter[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1] as string)) {
      out.push({ ch: line[i + 1] as string, at: base + i + 1 });
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] as string;
      const close = line.indexOf(run, i + run.length);
      if (close !== -1) {
        for (let j = i + run.length; j < close; j += 1) out.push({ ch: line[j] as string, at: base + j });
        i = close + run.length;
        continue;
      }
    }
    if (ch === '!' && line[i + 1] === '[') {
      const image = /^!\[[^\]]*\]\([^)]*\)/.exec(line.slice(i));
      if (image) {
        i += image[0].length;
        continue;
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/.exec(line.slice(i));
      if (link) {
        const inner = link[1] as string;
        out.push(...inlineText(inner, base + i + 1));
        i += link[0].length;
        continue;
      }
    }
    if (ch === '<') {
      const tag = /^<\/?(?:br|span|em|strong|b|i|u|mark)\b[^>]*>|^<!--.*?-->/i.exec(line.slice(i));
      if (tag) {
        if (/^<br\b/i.test(tag[0])) out.push({ ch: ' ', at: base + i }); // a line break reads as a space
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const run = (ch === '*' ? /^\*+/ : /^_+/).exec(line.slice(i))?.[0] as string;
      const before = line[i - 1] ?? ' ';
      const after = line[i + run.length] ?? ' ';
      const leftFlanking = !/\s/.test(after) && (!/\p{P}/u.test(after) || /[\s\p{P}]/u.test(before));
      const rightFlanking = !/\s/.test(before) && (!/\p{P}/u.test(before) || /[\s\p{P}]/u.test(after));
      const intraword = /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
      const canOpen = leftFlanking && !(ch === '_' && intraword);
      const canClose = rightFlanking && !(ch === '_' && intraword);
      if (canOpen || canClose) delimiters.push({ ch, start: out.length, length: run.length, canOpen, canClose });
      for (let j = 0; j < run.length; j += 1) out.push({ ch, at: base + i + j });
      i += run.length;
      continue;
    }
    out.push({ ch, at: base + i });
    i += 1;
  }

  const removed = pairEmphasis(delimiters);
  return out.filter((_, index) => !removed.has(index)).map((c) => (c.ch === '\t' ? { ...c, ch: ' ' } : c));
}

/** Indexes in the output of emphasis markers that pair up, to be removed. */
function pairEmphasis(delimiters: Delimiter[]): Set<number> {
  const removed = new Set<number>();
  const openers: Array<{ d: Delimiter; left: number }> = [];
  for (const d of delimiters) {
    let left = d.length;
    if (d.canClose) {
      for (let k = openers.length - 1; k >= 0 && left > 0; k -= 1) {
        const opener = openers[k] as { d: Delimiter; left: number };
        if (opener.d.ch !== d.ch || opener.left === 0) continue;
        const used = Math.min(opener.left, left);
        // Take the opener's innermost markers and the closer's first ones.
        for (let j = 0; j < used; j += 1) {
          removed.add(opener.d.start + opener.left - 1 - j);
          removed.add(d.start + (d.length - left) + j);
        }
        opener.left -= used;
        left -= used;
        openers.length = opener.left === 0 ? k : k + 1;
      }
    }
    if (d.canOpen && left > 0) openers.push({ d, left });
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------------------
// Offsets to lines and columns.

function toUtterance(draft: Draft, index: number, starts: number[]): Utterance {
  const segments: Segment[] = [];
  let expected = Number.NaN;
  let line = 0;
  draft.chars.forEach((c, offset) => {
    if (c.at === -1) {
      expected += 1;
      return;
    }
    const position = lineColumn(starts, c.at);
    // A new segment wherever the text jumps in the file, including onto the next line.
    if (c.at !== expected || position.line !== line) segments.push({ offset, ...position });
    expected = c.at + 1;
    line = position.line;
  });
  if (segments.length === 0) segments.push({ offset: 0, ...lineColumn(starts, draft.labelAt) });
  const first = segments[0] as Segment;
  return {
    index,
    speaker: draft.speaker,
    text: draft.chars.map((c) => c.ch).join(''),
    line: first.line,
    column: first.column,
    ...(draft.time === undefined ? {} : { time: draft.time }),
    segments,
  };
}
