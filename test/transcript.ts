import { analyse, type Analysis } from '../src/analyse/index.js';
import { parse } from '../src/parse/index.js';

/** Parses and analyses transcript lines given as an array, as a file named `t.txt` would be. */
export function analyseLines(lines: string[], file = 't.txt'): Analysis {
  return analyse(parse({ file, text: `${lines.join('\n')}\n` }));
}

/** The roster's people as `name:class` strings, for compact assertions. */
export function peopleOf(analysis: Analysis): string[] {
  return analysis.roster.people.map((p) => `${p.name}:${p.personClass}`);
}
