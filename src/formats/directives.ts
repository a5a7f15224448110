/**
 * The `clues-ignore <rule> <who> -- <reason>` directive grammar every format shares. Each format finds directives
 * in its own comments while it parses (see `directives` in plain.ts, markdown.ts, vtt.ts and chat.ts), so a
 * directive is never read as speech; SubRip and Whisper JSON have no comments, so they carry none. The keyword is
 * matched in any case (Word capitalises the first word of a paragraph), and an en or em dash stands for `--` (Word
 * turns `--` into one). Lines of a comment that continue it (the rest of a NOTE block, a CHAT continuation line, a
 * Markdown comment up to `-->`) continue the reason: a format appends them to `body`.
 */

import type { Directive } from '../types.js';

/** `clues-ignore` as a whole word, and what follows it on the line. */
const KEYWORD = /^(clues-ignore)(?=\s|$)(.*)$/i;
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
export interface FoundDirective {
  line: number;
  column: number;
  /** The first line from the keyword on, without comment closers. */
  text: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  body: string;
}

/** A directive starting at `start` (0-based) of line `index` (0-based), when `text` opens with the keyword. */
export function directiveAt(index: number, start: number, text: string): FoundDirective | undefined {
  const match = KEYWORD.exec(text);
  if (!match) return undefined;
  return { line: index + 1, column: start + 1, text: text.trimEnd(), body: match[2]! };
}

/** A found directive split into rule, who and reason. */
export function toDirective(found: FoundDirective): Directive {
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
