/**
 * `clues-ignore` directives applied to a file's clues. A directive with a reason silences the clues of its rule
 * (or kind) about its person; one without a reason silences nothing, so a CI gate cannot be passed by an
 * unexplained ignore. Every directive that cannot do its job is itself reported, as a `clues-ignore` clue on the
 * directive's own line: no rule, an unknown rule, no one named, no reason (warning), or nothing to silence (info,
 * so stale ignores are noticed).
 */

import { isCalled } from '../analyse/index.js';
import { detectors, type DetectorMeta } from '../detect/index.js';
import { clueOf, type MessageData } from '../detect/detector.js';
import type { Clue, Directive, FileResult, Person, Severity } from '../types.js';

/** The rule under which problems with `clues-ignore` directives are reported. */
export const cluesIgnore: DetectorMeta = {
  id: 'clues-ignore',
  kind: 'suppression',
  severity: 'warning',
  description:
    'A `clues-ignore <rule> <who> -- <reason>` comment in a transcript silences that rule\'s clues about that person ' +
    '(a name, one of their other names, or * for anyone) in that file. It is reported when it cannot take effect: ' +
    'no reason after -- (the clue stays reported, so an unexplained ignore cannot pass a check), no rule, an unknown rule, ' +
    'or no one named; and at info when it silences nothing, so stale ignores are noticed.',
  messages: {
    noRule: 'clues-ignore names no rule: write clues-ignore <rule> <who> -- <reason>',
    ownReports: 'clues-ignore cannot silence its own reports: give the directive a reason, or remove it',
    unknownRule: 'clues-ignore names no rule "{rule}": clues explain lists the rules',
    unknownRuleGuess: 'clues-ignore names no rule "{rule}": did you mean {guess}?',
    noOne: 'clues-ignore names no one: write who the {rule} clue is about after the rule, or * for anyone',
    // `subject` is what the directive names: `unexplained-adult clue about Steve`, `2 unexplained-adult clues about Steve`.
    noReasonNoClue: 'clues-ignore needs a reason after --; it would silence nothing anyway: no {subject} in this file',
    noReasonOneClue: 'clues-ignore needs a reason after --: the {subject} is still reported',
    noReasonClues: 'clues-ignore needs a reason after --: the {subject} are still reported',
    silencesNothing: 'clues-ignore silences nothing: no {subject} in this file',
  },
  examples: {
    fires: [
      '# clues-ignore unexplained-adult Steven\nSW: Who helps you out?\nMUM: My mate Steven. He stays over most weekends and he watches the baby.',
      '# clues-ignore unexplained-adults Steven -- known to the team\nSW: Who helps you out?\nMUM: My mate Steven. He stays over most weekends.',
      '# clues-ignore unexplained-adult Jordan -- checked by the police in May\nSW: Who helps you out?\nMUM: My mum comes round on Wednesdays.',
    ],
    quiet: [
      '# clues-ignore unexplained-adult Steven -- known to the team: checked with the police in May\nSW: Who helps you out?\nMUM: My mate Steven. He stays over most weekends and he watches the baby.',
      '# clues-ignore unexplained-adult * -- training transcript: adults are scored elsewhere\nSW: Who else is around?\nMUM: My mate Jordan. He stays over most weekends and he watches the baby.',
      '# Reviewed 3 May; no clues-ignore needed\nSW: Who helps you out?\nMUM: My mum comes round on Wednesdays.',
    ],
  },
};

/** Anything: a directive naming `*` silences clues about anyone. */
const ANYONE = '*';

/** What applying a file's directives leaves: the clues still reported (with any directive problems) and how many were silenced. */
export interface Suppressed {
  clues: Clue[];
  suppressed: number;
}

/**
 * Applies `clues-ignore` directives to one file's clues: silences what directives with a reason name, and adds a
 * `clues-ignore` clue for each directive that cannot take effect or silences nothing. Clues come back sorted by position.
 */
export function applySuppressions(file: string, clues: Clue[], directives: Directive[], people: Person[]): Suppressed {
  const silenced = new Set<Clue>();
  const problems: Clue[] = [];
  for (const directive of directives) {
    const problem = check(directive);
    if (problem) {
      problems.push(report(file, directive, 'warning', problem.messageId, problem.data));
      continue;
    }
    const named = clues.filter((clue) => !isSuppression(clue) && covers(directive, clue, people));
    const data = { subject: describe(directive, named.length) };
    if (directive.reason === undefined) {
      const messageId = named.length === 0 ? 'noReasonNoClue' : named.length === 1 ? 'noReasonOneClue' : 'noReasonClues';
      problems.push(report(file, directive, 'warning', messageId, data));
    } else if (named.length === 0) {
      problems.push(report(file, directive, 'info', 'silencesNothing', data));
    } else {
      for (const clue of named) silenced.add(clue);
    }
  }
  const kept = clues.filter((clue) => !silenced.has(clue));
  return { clues: [...kept, ...problems].sort((a, b) => a.line - b.line || a.column - b.column), suppressed: silenced.size };
}

/** The finishing step: each readable file's directives applied to its clues, and then dropped from the result. */
export const suppression = (results: FileResult[]): FileResult[] =>
  results.map((r) => {
    if (!r.ok) return r;
    const { directives = [], ...rest } = r;
    const found = applySuppressions(r.file, r.clues, directives, r.people);
    return { ...rest, clues: found.clues, ...(found.suppressed > 0 ? { suppressed: found.suppressed } : {}) };
  });

/** Rule ids and kinds a directive may name, in lower case. */
function knownRules(): Set<string> {
  return new Set(detectors.flatMap((d) => [d.meta.id, d.meta.kind]));
}

/** What is wrong with a directive before any clue is looked at, as a message; undefined when nothing is. */
function check(directive: Directive): { messageId: string; data: MessageData } | undefined {
  const rule = directive.rule.toLowerCase();
  if (rule === '') return { messageId: 'noRule', data: {} };
  if (rule === cluesIgnore.id || rule === cluesIgnore.kind) return { messageId: 'ownReports', data: {} };
  const known = knownRules();
  if (!known.has(rule)) {
    const guess = nearest(rule, [...known]);
    return guess === undefined
      ? { messageId: 'unknownRule', data: { rule: directive.rule } }
      : { messageId: 'unknownRuleGuess', data: { rule: directive.rule, guess } };
  }
  if (directive.who === '') return { messageId: 'noOne', data: { rule } };
  return undefined;
}

/** Whether a directive names this clue: its rule or kind, and its person by any of their names (or `*`). */
function covers(directive: Directive, clue: Clue, people: Person[]): boolean {
  const rule = directive.rule.toLowerCase();
  if (rule !== clue.rule && rule !== clue.kind) return false;
  if (directive.who === ANYONE) return true;
  // A person is matched as the case record matches them: by any of their names, a nickname, or a first or last name.
  const person = people.find((p) => p.name === clue.who);
  return person ? isCalled(person, directive.who) : normalise(clue.who) === normalise(directive.who);
}

/** Case, spacing, a possessive and a leading `the` do not matter: `The  Lodger's` is `lodger`. */
function normalise(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/['’]s$/, '')
    .replace(/^the /, '');
}

/** `unexplained-adult clue about Steve`, `2 unexplained-adult clues about Steve`, `minimisation clue`. */
function describe(directive: Directive, count: number): string {
  const clues = count > 1 ? `${count} ${directive.rule} clues` : `${directive.rule} clue`;
  return directive.who === ANYONE ? clues : `${clues} about ${directive.who}`;
}

function report(file: string, directive: Directive, severity: Severity, messageId: string, data: MessageData): Clue {
  return clueOf({
    meta: cluesIgnore,
    severity,
    file,
    who: directive.who === ANYONE ? '' : directive.who,
    speaker: '',
    messageId,
    data,
    // The directive's first line is quoted; its text never runs onto the next line.
    evidence: [
      { line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.column + directive.text.length, text: directive.text },
    ],
  });
}

function isSuppression(clue: Clue): boolean {
  return clue.rule === cluesIgnore.id;
}

/** The closest known rule to a misspelt one, when it is close enough to be a slip. */
function nearest(rule: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(rule, name);
    if (distance <= Math.max(2, Math.floor(name.length / 4)) && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
