import type { Clue, FileResult, Severity } from '../types.js';
import { byPosition, evidenceEnd, primaryEvidence, relativePath, visible } from './text.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: one annotation per clue, and an error per file that could not be read. */
export function github(results: FileResult[]): string {
  const lines = results.flatMap((r) => {
    if (!r.ok) return [`::error file=${property(relativePath(r.file))}::${data(r.error)}`];
    return [...r.clues].sort(byPosition).map(annotation);
  });
  return lines.map((line) => `${line}\n`).join('');
}

function annotation(clue: Clue): string {
  const end = evidenceEnd(clue, primaryEvidence(clue));
  const properties = [
    `file=${property(relativePath(clue.file))}`,
    `line=${clue.line}`,
    ...position(clue, end),
    `title=${property(clue.who === '' ? clue.rule : `${clue.rule}: ${clue.who}`)}`,
  ];
  return `::${COMMAND[clue.severity]} ${properties.join(',')}::${data(clue.message)}`;
}

/**
 * The rest of an annotation's position. GitHub takes columns only when the annotation starts and ends on one
 * line (the runner drops them otherwise), so quoted words that run onto the next line give `endLine` alone.
 */
function position(at: { line: number; column: number }, end: { line: number; column: number } | undefined): string[] {
  if (end === undefined) return [`col=${at.column}`];
  if (end.line !== at.line) return [`endLine=${end.line}`];
  return [`col=${at.column}`, `endColumn=${end.column}`];
}

/** A command's message, escaped as the Actions toolkit does (`%`, CR, LF); other control characters are shown, not sent. */
export function data(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command property's value: escaped like a message, and `:` and `,` too, so it cannot end the property or the command. */
export function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
