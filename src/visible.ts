/**
 * Text from a transcript, a file name, a config key or a baseline can hold anything: ESC sequences that
 * recolour or clear the terminal or write the clipboard (OSC 52), BEL, form feed, or bidi overrides that make a
 * line read backwards. Every such text passes through `visible` before it reaches stderr, the terminal report,
 * or a machine format's text fields, so what is printed is exactly what is shown.
 */

// C0, DEL, C1, the line and paragraph separators, and the bidi marks, embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same without line feed and tab, which a machine format's JSON escapes and which are harmless when printed.
const UNSAFE_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows control, separator and bidi characters as escapes: `\n`, `\r`, `\t`, `\x1b` up to U+00FF, `U+202E`
 * above it. Only printable characters come out, so applying it twice changes nothing.
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * `visible` for a machine format's text field: line feeds and tabs stay, because the format escapes them and a
 * rule's help or a multi-line quote needs them; everything else that `visible` shows is shown.
 */
export function visibleInField(text: string): string {
  return text.replace(UNSAFE_BUT_LINES, escape);
}

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (NAMED[ch] !== undefined) return NAMED[ch];
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Under `--redact`, transcript words quoted in error messages are hidden: a malformed line may name someone. */
let quotesHidden = false;

/** Set by the CLI once per run, before any file is read: whether `quote` hides the words. */
export function hideQuotedWords(hide: boolean): void {
  quotesHidden = hide;
}

/** What hidden words show instead. */
export const HIDDEN = '[hidden by --redact]';

/** Transcript words in an error message (the caller shortens them): made visible, or hidden under `--redact`. */
export function said(text: string): string {
  return quotesHidden ? HIDDEN : visible(text);
}

/** `said` in double quotes. Every parser quotes transcript text through this, so no message leaks a name or a control. */
export function quote(text: string): string {
  return `"${said(text)}"`;
}
