import { SEVERITIES, type Clue, type FileResult, type Severity } from '../types.js';

/** `on` keeps the rule's own severities (they vary clue by clue); a severity sets every clue of the rule to it. */
export const RULE_SETTINGS = ['off', 'on', ...SEVERITIES] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/** Applies the rules' settings: drops clues of rules turned off, and sets the severity of rules given one. */
export function applyRuleSettings(clues: Clue[], rules: Record<string, RuleSetting>): Clue[] {
  return clues.flatMap((clue) => {
    const setting = rules[clue.rule] ?? 'on';
    if (setting === 'off') return [];
    return setting === 'on' || setting === clue.severity ? [clue] : [{ ...clue, severity: setting as Severity }];
  });
}

/** The project config's rule settings, applied to every readable file. */
export const ruleSettings = (results: FileResult[], { ruleSettings: rules }: { ruleSettings?: Record<string, RuleSetting> }): FileResult[] =>
  rules === undefined ? results : results.map((r) => (r.ok ? { ...r, clues: applyRuleSettings(r.clues, rules) } : r));
