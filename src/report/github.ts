import type { Clue, FileResult, Severity } from '../types.js';
import { byPosition, primaryEvidence, relativePath, visible } from './text.js';

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
  const quoted = primaryEvidence(clue);
  const properties = [
    `file=${property(relativePath(clue.file))}`,
    `line=${clue.line}`,
    `col=${clue.column}`,
    ...(quoted === undefined ? [] : [`endColumn=${clue.column + quoted.text.length}`]),
    `title=${property(clue.who === '' ? clue.rule : `${clue.rule}: ${clue.who}`)}`,
  ];
  return `::${COMMAND[clue.severity]} ${properties.join(',')}::${data(clue.message)}`;
}

/** A command's message, escaped as the Actions toolkit does (`%`, CR, LF); other control characters are shown, not sent. */
export function data(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A command property's value: escaped like a message, and `:` and `,` too, so it cannot end the property or the command. */
export function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
