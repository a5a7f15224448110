/**
 * Finding `clues-ignore <rule> <who> -- <reason>` directives in a transcript. Each format's own comment syntax
 * carries them, so a directive is never read as speech:
 *
 * - plain text (and a Word document read as plain text): a line starting with `#`, `# clues-ignore …`;
 * - Markdown: an HTML comment starting a line (or a block quote's line), `<!-- clues-ignore … -->` (or `<!--`
 *   alone with `clues-ignore …` as its next line; it may run on to a later `-->`);
 *   a Word document read as Markdown also takes a `# clues-ignore …` heading line;
 * - WebVTT: a `NOTE clues-ignore …` block (or `NOTE` with `clues-ignore …` as its next line);
 * - CHAT: an `@Comment:` header or a `%com:` tier whose text starts with `clues-ignore`.
 *
 * SubRip and Whisper JSON have no comments, so they carry no directives. The keyword is matched in any case
 * (Word capitalises the first word of a paragraph), and an en or em dash stands for `--` (Word turns `--` into one).
 * Lines of a comment that continue it (the rest of a NOTE block, a CHAT continuation line, a Markdown comment up
 * to `-->`) continue the reason.
 */

import type { Directive, InputFormat } from '../types.js';
import { sniffFormat } from './detect-format.js';
import { stripBom } from './text.js';

/** `clues-ignore` as a whole word, and what follows it on the line. */
const KEYWORD = /^(clues-ignore)(?=\s|$)(.*)$/i;
const PLAIN = /^([ \t]*#+[ \t]*)(.*)$/;
const HEADING = /^(#{1,6}[ \t]+)(.*)$/;
const COMMENT_OPEN = /^(<!--)(.*)$/;
const QUOTE_MARKERS = /^(?:[ \t]{0,3}>[ \t]?)*[ \t]*/;
const FENCE = /^(`{3,}|~{3,})/;
const NOTE = /^(NOTE[ \t]+)(.*)$/;
const CHAT_COMMENT = /^(@Comment:|%com:)([ \t]*)(.*)$/i;
const ARROW = '-->';
// `--` (or a dash Word made of it) after a space or at the start: what follows is the reason.
const SEPARATOR = /(?:^|\s)(?:--|[\u2013\u2014])/;

/** A directive's words with its reason cut: a reason is free text and may name anyone, so `--redact` withholds it. */
export function withoutReason(text: string): string {
  const separator = SEPARATOR.exec(text);
  return separator ? `${text.slice(0, separator.index + separator[0].length)} [reason withheld]` : text;
}

/** The words a quoted directive gives between the keyword and the reason: its rule and who it is about. */
export function directiveWords(text: string): string[] {
  const body = KEYWORD.exec(text.trim())?.[2] ?? '';
  const separator = SEPARATOR.exec(body);
  return (separator ? body.slice(0, separator.index) : body).split(/\s+/).filter((w) => w !== '');
}

/** A directive's place and words before they are split into rule, who and reason. */
interface Found {
  line: number;
  column: number;
  /** The first line from the keyword on, without comment closers. */
  text: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  body: string;
}

/** The `clues-ignore` directives in a source's text, in file order; none for formats without comments. */
export function findDirectives(text: string, format: InputFormat = 'txt'): Directive[] {
  const lines = stripBom(text).split(/\r\n|\r|\n/);
  return findIn(lines, format).map(toDirective);
}

function findIn(lines: string[], format: InputFormat): Found[] {
  switch (format) {
    case 'txt':
      return plainDirectives(lines);
    case 'md':
      return markdownDirectives(lines, false);
    case 'docx':
      // A Word document's paragraphs are parsed as Markdown when they look like it; `#` lines are headings then.
      return sniffFormat(lines.join('\n')) === 'md' ? markdownDirectives(lines, true) : plainDirectives(lines);
    case 'vtt':
      return vttDirectives(lines);
    case 'cha':
      return chatDirectives(lines);
    case 'srt':
    case 'json':
      return [];
  }
}

/** `# clues-ignore …` lines: the plain-text parser skips every line that starts with `#`. */
function plainDirectives(lines: string[]): Found[] {
  const found: Found[] = [];
  lines.forEach((line, index) => {
    const comment = PLAIN.exec(line);
    const hit = comment && keywordAt(index, comment[1]!.length, comment[2]!);
    if (hit) found.push(hit);
  });
  return found;
}

/** `<!-- clues-ignore … -->` comments outside code fences; with `headings`, `# clues-ignore …` too. */
function markdownDirectives(lines: string[], headings: boolean): Found[] {
  const found: Found[] = [];
  let fence: string | undefined;
  // Inside a comment that started on an earlier line: the directive it holds, if it is one, and whether the
  // comment has had any words yet (`<!--` alone on its line may have the directive on the next).
  let comment: { directive?: Found; empty: boolean } | undefined;
  lines.forEach((line, index) => {
    if (comment) {
      const close = line.indexOf(ARROW);
      const inner = close === -1 ? line : line.slice(0, close);
      if (comment.directive) comment.directive.body += ` ${inner.trim()}`;
      else if (comment.empty && inner.trim() !== '') {
        const lead = inner.length - inner.trimStart().length;
        const hit = keywordAt(index, lead, inner.slice(lead));
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
      const hit = keywordAt(index, from + open[1]!.length + lead, inner.slice(lead));
      if (hit) found.push(hit);
      if (close === -1) comment = hit ? { directive: hit, empty: false } : { empty: inner.trim() === '' };
      return;
    }
    const heading = headings ? HEADING.exec(content) : null;
    const hit = heading && keywordAt(index, from + heading[1]!.length, heading[2]!);
    if (hit) found.push(hit);
  });
  return found;
}

/** `NOTE clues-ignore …` blocks; the rest of the block continues the reason. Cue text is never a directive. */
function vttDirectives(lines: string[]): Found[] {
  const found: Found[] = [];
  const blank = (i: number): boolean => (lines[i] ?? '').trim() === '';
  const blockEnd = (i: number): number => {
    let end = i;
    while (end < lines.length && !blank(end)) end += 1;
    return end;
  };
  // The header (`WEBVTT`, `Kind: captions`) runs to the first blank line or timing line.
  let index = 1;
  while (index < lines.length && !blank(index) && !lines[index]!.includes(ARROW)) index += 1;
  while (index < lines.length) {
    const line = lines[index]!;
    if (blank(index)) {
      index += 1;
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line) && !line.includes(ARROW)) {
      const end = blockEnd(index);
      const note = NOTE.exec(line);
      // `NOTE clues-ignore …`, or `NOTE` alone with the directive on the block's next line.
      const hit =
        (note && keywordAt(index, note[1]!.length, note[2]!)) ||
        (line.trim() === 'NOTE' && index + 1 < end ? keywordAt(index + 1, 0, lines[index + 1]!) : undefined);
      if (hit) {
        for (let i = hit.line; i < end; i += 1) hit.body += ` ${lines[i]!.trim()}`;
        found.push(hit);
      }
      index = end;
      continue;
    }
    // A cue: an optional identifier, the timing line, then text up to a blank line or the next timing line.
    if (!line.includes(ARROW)) index += 1;
    index += 1;
    while (index < lines.length && !blank(index) && !lines[index]!.includes(ARROW)) index += 1;
  }
  return found;
}

/** `@Comment:` headers and `%com:` tiers; tab-indented lines after them continue the reason. */
function chatDirectives(lines: string[]): Found[] {
  const found: Found[] = [];
  let current: Found | undefined;
  lines.forEach((line, index) => {
    if (current && /^[ \t]/.test(line) && line.trim() !== '') {
      current.body += ` ${line.trim()}`;
      return;
    }
    current = undefined;
    const comment = CHAT_COMMENT.exec(line);
    const hit = comment && keywordAt(index, comment[1]!.length + comment[2]!.length, comment[3]!);
    if (hit) found.push((current = hit));
  });
  return found;
}

/** A directive starting at `start` (0-based) of line `index` (0-based), when `text` opens with the keyword. */
function keywordAt(index: number, start: number, text: string): Found | undefined {
  const match = KEYWORD.exec(text);
  if (!match) return undefined;
  return { line: index + 1, column: start + 1, text: text.trimEnd(), body: match[2]! };
}

function toDirective(found: Found): Directive {
  const separator = SEPARATOR.exec(found.body);
  const head = separator ? found.body.slice(0, separator.index) : found.body;
  const reason = separator ? found.body.slice(separator.index + separator[0].length).replace(/^-+/, '').trim() : '';
  const [rule = '', ...who] = head.trim().split(/\s+/).filter((word) => word !== '');
  const directive: Directive = { line: found.line, column: found.column, rule, who: unquote(who.join(' ')), text: found.text };
  return reason === '' ? directive : { ...directive, reason };
}

/** `"the lodger"` → `the lodger`: quotes around a name are not part of it. */
function unquote(who: string): string {
  const match = /^(["'“‘])(.*)(["'”’])$/.exec(who);
  return match ? match[2]!.trim() : who;
}
