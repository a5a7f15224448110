import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITIES, type Clue, type Evidence, type FileResult, type Person, type Severity, type Speaker } from '../types.js';
import type { ReportOptions } from './options.js';
import { byPosition, plural, silenced, truncate, visible } from './text.js';

type OkResult = Extract<FileResult, { ok: true }>;

const QUOTE_MAX = 80;
const INDENT = '  ';
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

/** Human-readable report: one block per readable file, then a summary line. */
export function terminal(results: FileResult[], options: ReportOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const blocks = results.filter((r): r is OkResult => r.ok).map((r) => fileBlock(r, c));
  return `${[...blocks, summary(results, c)].join('\n\n')}\n`;
}

function fileBlock(result: OkResult, c: ChalkInstance): string {
  const unit = result.lineUnit === 'paragraph' ? ` ${c.dim('(line numbers are paragraphs)')}` : '';
  const lines = [c.underline(visible(result.file)) + unit];
  if (result.speakers.length > 0) {
    lines.push(`${INDENT}${c.dim('speakers:')} ${result.speakers.map(describeSpeaker).join(' · ')}`);
  }
  if (result.people.length > 0) {
    lines.push(`${INDENT}${c.dim('people:')} ${result.people.map(describePerson).join(', ')}`);
  }
  if (result.clues.length === 0) {
    lines.push(`${INDENT}no clues`);
  } else {
    lines.push(...clueLines(result.clues, c));
  }
  return lines.join('\n');
}

function describeSpeaker(speaker: Speaker): string {
  return `${visible(speaker.label)} ${speaker.role}${speakerReason(speaker)}`;
}

function speakerReason(speaker: Speaker): string {
  if (speaker.source === 'option') return ' (option)';
  if (speaker.role !== 'interviewer') return '';
  if (speaker.source === 'file') return ' (named in the file)';
  if (speaker.source === 'config') return ' (named in the config)';
  // With no question asked, only the label ("interviewer:", "DC HUGHES") can have made her the interviewer.
  if (speaker.questions === 0) return ' (inferred from the label)';
  return ` (inferred: asked ${plural(speaker.questions, 'question')})`;
}

function describePerson(person: Person): string {
  const role = person.roles[0];
  const name = visible(person.name);
  return role === undefined || nameSaysRole(person.name, role) ? name : `${name} (${visible(role)})`;
}

function nameSaysRole(name: string, role: string): boolean {
  return ` ${name.toLowerCase()} `.includes(` ${role.toLowerCase()} `);
}

function clueLines(clues: Clue[], c: ChalkInstance): string[] {
  const sorted = [...clues].sort(byPosition);
  const positionWidth = Math.max(7, ...sorted.map((clue) => position(clue).length)) + 1;
  const ruleWidth = Math.max(...sorted.map((clue) => visible(clue.rule).length));
  const evidenceIndent = INDENT + ' '.repeat(positionWidth);
  return sorted.flatMap((clue) => {
    const head = [
      INDENT + position(clue).padEnd(positionWidth),
      paintSeverity(clue.severity, c),
      '  ',
      c.dim(visible(clue.rule).padEnd(ruleWidth)),
      '  ',
      clueMessage(clue),
    ].join('');
    if (clue.evidence.length === 0) return [head];
    return [head, evidenceIndent + c.dim(clue.evidence.map(describeEvidence).join('  '))];
  });
}

function position(at: { line: number; column: number }): string {
  return `${at.line}:${at.column}`;
}

function paintSeverity(severity: Severity, c: ChalkInstance): string {
  const padded = severity.padEnd(SEVERITY_WIDTH);
  if (severity === 'error') return c.red(padded);
  if (severity === 'warning') return c.yellow(padded);
  return c.blue(padded);
}

function clueMessage(clue: Clue): string {
  const message = visible(clue.message);
  if (clue.who === '' || clue.message.startsWith(`${clue.who}:`)) return message;
  return `${visible(clue.who)}: ${message}`;
}

function describeEvidence(evidence: Evidence): string {
  const time = evidence.time === undefined ? '' : ` [${visible(evidence.time)}]`;
  return `${position(evidence)}${time} "${visible(truncate(evidence.text, QUOTE_MAX))}"`;
}

function summary(results: FileResult[], c: ChalkInstance): string {
  const ok = results.filter((r): r is OkResult => r.ok);
  const failed = results.length - ok.length;
  const clues = ok.flatMap((r) => r.clues);
  const counts = SEVERITIES.map((s) => ({ severity: s, count: clues.filter((clue) => clue.severity === s).length }));
  const unread = failed > 0 ? `, ${plural(failed, 'file')} could not be read` : '';
  const files = plural(ok.length, 'file');
  if (clues.length === 0) {
    const text = `no clues in ${files}${silenced(results)}${unread}`;
    return failed > 0 ? c.red.bold(`✖ ${text}`) : c.green.bold(`✔ ${text}`);
  }
  const parts = counts
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => plural(count, severity, severity === 'info' ? 'info' : undefined));
  const text = `✖ ${plural(clues.length, 'clue')} (${parts.join(', ')}) in ${files}${silenced(results)}${unread}`;
  const worst = failed > 0 ? 'error' : counts.find(({ count }) => count > 0)?.severity ?? 'info';
  return bold(worst, text, c);
}

function bold(severity: Severity, text: string, c: ChalkInstance): string {
  if (severity === 'error') return c.red.bold(text);
  if (severity === 'warning') return c.yellow.bold(text);
  return c.blue.bold(text);
}
