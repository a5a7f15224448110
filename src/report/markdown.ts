import { SEVERITIES, type Clue, type Evidence, type FileResult, type Speaker } from '../types.js';
import { byPosition, plural, relativePath, silenced, truncate, visible } from './text.js';

type OkResult = Extract<FileResult, { ok: true }>;
type FailedResult = Extract<FileResult, { ok: false }>;

const QUOTE_MAX = 80;
const HEADER = ['| Line | Severity | Rule | Who | What | Quote |', '|---:|---|---|---|---|---|'];

/** A review pack in Markdown for a pull-request comment or a case file: a summary, then a table of clues per transcript. */
export function markdown(results: FileResult[]): string {
  const ok = results.filter((r): r is OkResult => r.ok);
  const failed = results.filter((r): r is FailedResult => !r.ok);
  const blocks = ['# Transcript clues', summary(ok, failed.length), ...ok.map(fileBlock)];
  if (failed.length > 0) {
    blocks.push(['## Could not be read', '', ...failed.map((r) => `- ${escape(failure(r.file, r.error))}`)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** The error naming its file, as the pipeline's errors already do. */
function failure(file: string, error: string): string {
  return error.startsWith(`${file}:`) ? error : `${file}: ${error}`;
}

function summary(ok: OkResult[], failed: number): string {
  const clues = ok.flatMap((r) => r.clues);
  const counts = SEVERITIES.map((s) => plural(clues.filter((c) => c.severity === s).length, s, s === 'info' ? 'info' : undefined));
  const unread = failed > 0 ? `; ${plural(failed, 'file')} could not be read` : '';
  return `**${plural(clues.length, 'clue')}** (${counts.join(', ')}) in ${plural(ok.length, 'file')}${silenced(ok)}${unread}.`;
}

function fileBlock(result: OkResult): string {
  const paragraphs = result.lineUnit === 'paragraph';
  const lines = [`## ${escape(result.file)}`, ''];
  if (result.speakers.length > 0) lines.push(`Speakers: ${result.speakers.map(describeSpeaker).join(' · ')}`, '');
  if (paragraphs) lines.push('Line numbers are paragraphs.', '');
  if (result.clues.length === 0) {
    lines.push('No clues.');
    return lines.join('\n');
  }
  const link = paragraphs ? undefined : target(result.file);
  lines.push(...HEADER, ...[...result.clues].sort(byPosition).map((clue) => row(clue, link)));
  return lines.join('\n');
}

function describeSpeaker(speaker: Speaker): string {
  return `${escape(speaker.label)} ${speaker.role}`;
}

function row(clue: Clue, link: string | undefined): string {
  const line = link === undefined ? String(clue.line) : `[${clue.line}](${link}#L${clue.line})`;
  const quotes = clue.evidence.map(describeEvidence).join('<br>');
  return `| ${[line, clue.severity, escape(clue.rule), escape(clue.who), escape(clue.message), quotes].join(' | ')} |`;
}

function describeEvidence(evidence: Evidence): string {
  const time = evidence.time === undefined ? '' : `, ${escape(evidence.time)}`;
  return `"${escape(truncate(evidence.text, QUOTE_MAX))}" (${evidence.line}:${evidence.column}${time})`;
}

/** A link target for the file: its relative path with every character that could end or alter the link percent-encoded. */
function target(file: string): string {
  return relativePath(file)
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * Transcript words as literal text in a Markdown table cell: line breaks become spaces, control characters are
 * shown, HTML is entity-escaped and Markdown punctuation backslash-escaped, so no markup gets through; and
 * nothing GitHub would link on its own (see `unlink`).
 */
export function escape(text: string): string {
  const escaped = visible(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '))
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return unlink(escaped);
}

// What GitHub links in plain text: `@name` (a mention, which notifies that user), `#12` and `GH-12` (issues),
// bare `https://` URLs, `www.` addresses and emails. Backslashes and `&#64;`/`&#35;` do not stop it: GitHub
// finds these after the Markdown is rendered, entities decoded (github/cmark-gfm#181).
const AUTOLINKED = /@|(?:#|\bGH-)(?=\d)|\b[a-z][a-z\d+.-]*(?=:\/\/)|\bwww(?=\.)/gi;
const ZERO_WIDTH_SPACE = '&#8203;';

/**
 * Escaped text with a zero-width space after each `@`, before the number of `#12` and `GH-12`, after a URL's
 * scheme and after `www`: GitHub shows the same characters but links none of them, so a `@name` said in an
 * interview cannot notify a stranger.
 */
function unlink(escaped: string): string {
  return escaped.replace(AUTOLINKED, (match) => match + ZERO_WIDTH_SPACE);
}
