import { InputError } from '../errors.js';
import type { DetectorMeta } from '../detect/index.js';
import { rules } from '../finish/rules.js';
import { check } from './run.js';

/** Text for `clues explain`: every rule in one line each, or one rule's description and its examples, run live. */
export function explain(rule?: string): string {
  if (rule === undefined) {
    const width = Math.max(...rules.map((meta) => meta.id.length));
    const rows = rules.map((meta) => `  ${meta.id.padEnd(width)}  ${meta.severity.padEnd(7)}  ${firstSentence(meta.description)}`);
    return `Rules (clues explain <rule> for examples):\n${rows.join('\n')}\n`;
  }
  const meta = rules.find((m) => m.id === rule);
  if (!meta) throw new InputError(`unknown rule "${rule}"; rules: ${rules.map((m) => m.id).join(', ')}`);
  return describe(meta);
}

function describe(meta: DetectorMeta): string {
  const parts = [`${meta.id} — kind ${meta.kind}, default severity ${meta.severity}`, '', wrap(meta.description, 100), ''];
  parts.push('Fires on:', ...meta.examples.fires.flatMap((text) => example(meta, text)));
  parts.push('Stays quiet on:', ...meta.examples.quiet.flatMap((text) => example(meta, text)));
  return `${parts.join('\n')}\n`;
}

// Each example is run through the whole pipeline, so what is shown is what the tool does today.
function example(meta: DetectorMeta, text: string): string[] {
  const result = check({ file: 'example', text: `${text}\n` });
  const clues = result.ok ? result.clues.filter((c) => c.rule === meta.id) : [];
  const lines = text.split('\n').map((l, i) => `  ${String(i + 1).padStart(2)} │ ${l}`);
  const outcome = clues.length === 0 ? ['     → no clue'] : clues.map((c) => `     → line ${c.line}: ${c.severity} ${c.who}: ${c.message}`);
  return [...lines, ...outcome, ''];
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
