/** `clues init`: a starter `clues.config.json`, every key explained in a comment beside it. */

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE } from './config.js';
import type { DetectorMeta } from '../detect/index.js';
import { InputError } from '../errors.js';
import { writeAtomically } from './output.js';

/** The starter config's text: every rule listed as `on`, the other keys as commented-out examples. */
export function starterConfig(rules: DetectorMeta[]): string {
  const width = Math.max(...rules.map((r) => r.id.length)) + 3;
  const ruleLines = rules.map((r, i) => {
    const entry = `"${r.id}": "on"${i < rules.length - 1 ? ',' : ''}`;
    return `    ${entry.padEnd(width + 8)}// ${summary(r.description)}`;
  });
  return `// Configuration for clues (transcript-clues). JSON with comments; found in this folder or the nearest one above.
// Unknown keys are an error, so a typo never silently does nothing.
{
  // Each rule: "on" (its own severities, which vary clue by clue), "off", or "error" / "warning" / "info"
  // to report every clue of the rule at that level. \`clues explain <rule>\` shows what a rule looks for.
  "rules": {
${ruleLines.join('\n')}
  },

  // Speaker labels of the interviewers, when they cannot be told from who asks the questions.
  // --interviewer on the command line wins over this.
  "interviewers": [
    // "SW", "DC Hughes"
  ],

  // People known to the case and explained: they are never reported as an unexplained adult.
  "people": [
    // { "name": "Dawn Price", "role": "health visitor" },
    // { "name": "Uncle Rob", "role": "mother's brother, checked by police" }
  ],

  // Words to add to the built-in lexicon (the package's src/lexicon/*.json).
  "lexicon": {
    // Role nouns by class (relative, partner, friend, household, professional, child, vague): m, f or null for gender.
    "people": {
      // "professional": { "idva": null, "family support worker": null }
    },
    // Capitalised words that are never people: shops, places, brands.
    "notPeople": [
      // "Greggs"
    ],
    // Short names and the name they stand for.
    "nicknames": {
      // "gaz": "gary"
    },
    // Extra compromise match patterns by cue type, e.g. "romance": ["{cuddle} up (with|to) #Person"].
    "patterns": {}
  }
}
`;
}

/** Writes the starter config into `dir` (atomically, never through a symlink); refuses to replace one unless `force`. */
export async function writeStarterConfig(dir: string, rules: DetectorMeta[], force = false): Promise<string> {
  const path = join(dir, CONFIG_FILE);
  if (!force && (await lstat(path).catch(() => undefined))) throw new InputError(`${path}: already exists (use --force to replace it)`);
  await writeAtomically(path, starterConfig(rules), { what: 'config' });
  return path;
}

/** The description cut to a line's worth at a word boundary; `clues explain` has the rest. */
function summary(text: string, width = 72): string {
  const sentence = text.split(/[.:;]\s/)[0]!.replace(/\.$/, '');
  if (sentence.length <= width) return sentence;
  return `${sentence.slice(0, sentence.lastIndexOf(' ', width - 1))}…`;
}
