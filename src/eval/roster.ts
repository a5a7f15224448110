import nlp from 'compromise';
import type { Person, Speaker } from '../types.js';
import { tally, type Tally } from './tally.js';

/** One person in the tool's roster, as scored: a named person from `people`, or a speaker whose label carries a name. */
export interface RosterEntry {
  name: string;
  aliases: string[];
  /** The first line inside the range where the person is named or speaks. */
  line: number;
  from: 'person' | 'speaker';
}

/** A turn of speech, for finding which speakers speak inside the annotated range. */
export interface Turn {
  speaker: string;
  line: number;
}

/** One transcript's roster: the names a reader would list, and the entries the tool gave. */
export interface RosterCase {
  file: string;
  expected: string[];
  reported: RosterEntry[];
}

/** An expected person no roster entry matched. */
export interface RosterMiss {
  file: string;
  name: string;
}

/** A roster entry that matched no one, or matched someone an earlier entry already had. */
export interface RosterFalsePositive {
  file: string;
  name: string;
  line: number;
  /** The expected person an earlier entry already matched: the tool should have merged the two. */
  sameAs?: string;
}

/** The roster score over every annotation that lists `people`. */
export interface RosterScores {
  cases: number;
  tally: Tally;
  misses: RosterMiss[];
  falsePositives: RosterFalsePositive[];
}

// Words before a name that say what the person is, not who: "Mr. Bove", "President Trump", "ADA Joshua Steinglass".
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'reverend',
  'president', 'judge', 'justice', 'senator', 'governor', 'mayor', 'ada', 'district', 'attorney',
  'det', 'detective', 'officer', 'sgt', 'sergeant', 'inspector', 'constable', 'pc', 'dc', 'ds',
  'senior', 'court', 'reporter',
]);
// Titles a speaker label may start with: `MR. BOVE`, `DET. JOHN ALLEN` (not `COURT OFFICER`).
const LABEL_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'judge', 'justice', 'ada', 'det', 'detective', 'officer', 'sgt', 'sergeant', 'inspector', 'pc', 'dc', 'ds']);
const SUFFIXES = new Map([
  ['jr', 'jr'],
  ['junior', 'jr'],
  ['sr', 'sr'],
  ['ii', 'ii'],
  ['iii', 'iii'],
]);
// A label naming a role, not a person: `THE COURT`, `THE WITNESS`, `A`, `Q`.
const ROLE_LABEL = /^(?:the|a|an)\b|^\p{L}{1,2}$/iu;
const ROLE_WORDS = /^(?:my|his|her|their|our|your|a|an|the|this|that|some)\s/i;

/** Lower case, no title, no possessive 's, no punctuation: "Mr. Trump's" and "TRUMP" are both "trump". */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’](?:s\b)?/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  const last = words.length > 1 ? SUFFIXES.get(words.at(-1)!) : undefined;
  if (last) words[words.length - 1] = last;
  return words.join(' ');
}

// The surname (with its Jr.) and first + surname of a normalised name: "emily jane fox" gives "fox" and "emily fox".
function parts(name: string): { surname: string; firstLast: string } {
  const words = name.split(' ');
  const tail = words.length > 2 && SUFFIXES.has(words.at(-1)!) ? 2 : 1;
  const surname = words.slice(-tail).join(' ');
  return { surname, firstLast: words.length > tail ? `${words[0]} ${surname}` : surname };
}

/** How well a reported name fits an expected one: 3 the same, 2 the same first name and surname, 1 the surname alone, 0 not at all. */
export function nameMatch(reported: string, expected: string): 0 | 1 | 2 | 3 {
  const r = normaliseName(reported);
  const e = normaliseName(expected);
  if (!r || !e) return 0;
  if (r === e) return 3;
  const rp = parts(r);
  const ep = parts(e);
  if (r.includes(' ') && rp.firstLast === ep.firstLast) return 2;
  if (r === ep.surname) return 1;
  return 0;
}

/** The name in a speaker label (`MR. BOVE` gives `BOVE`, `DET. JOHN ALLEN` gives `JOHN ALLEN`), or undefined for a role (`THE COURT`, `Q`). */
export function speakerName(label: string): string | undefined {
  const words = label.trim().replace(/:$/, '').split(/\s+/);
  const titled = words.length > 1 && LABEL_TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ''));
  if (titled) return words.slice(1).join(' ');
  const text = words.join(' ');
  if (ROLE_LABEL.test(text)) return undefined;
  // An untitled label is a name when compromise reads the whole of it, title-cased, as a person (`TRACEY`, `JOHN ALLEN`).
  const cased = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
  const found = nlp(cased).people().out('array') as string[];
  return found.length === 1 && found[0]!.replace(/[^\p{L}\s'-]/gu, '').trim() === cased ? text : undefined;
}

/** A person the tool knows by a proper name, not only by role words ("my mum", "a friend", "the lodger"). */
export function hasProperName(person: Person): boolean {
  const name = person.name.trim();
  if (!/^\p{Lu}/u.test(name) || ROLE_WORDS.test(name)) return false;
  return !person.roles.some((role) => role.toLowerCase() === name.toLowerCase());
}

/**
 * The roster as scored: named speakers who speak inside `range`, then people with a proper name named inside it
 * (a pronoun alone does not place a person in the range). Without a range, everyone.
 */
export function rosterEntries(speakers: Speaker[], people: Person[], turns: Turn[], range?: [number, number]): RosterEntry[] {
  const inside = (line: number) => !range || (line >= range[0] && line <= range[1]);
  const entries: RosterEntry[] = [];
  for (const speaker of speakers) {
    const name = speakerName(speaker.label);
    const turn = turns.find((t) => t.speaker === speaker.label && inside(t.line));
    if (name !== undefined && turn) entries.push({ name, aliases: [speaker.label], line: turn.line, from: 'speaker' });
  }
  for (const person of people) {
    const mention = person.mentions.find((m) => !m.pronoun && inside(m.line));
    if (mention && hasProperName(person)) entries.push({ name: person.name, aliases: person.aliases, line: mention.line, from: 'person' });
  }
  return entries;
}

/**
 * Matches roster entries to expected names one-to-one: exact names first, then first name and surname, then surname
 * alone. Each entry goes to its best match (by its name before its aliases, then the annotation's order); an entry
 * whose best match is already taken is a false positive, as is one that matches no one.
 */
export function scoreRoster(cases: RosterCase[]): RosterScores {
  const misses: RosterMiss[] = [];
  const falsePositives: RosterFalsePositive[] = [];
  let tp = 0;
  for (const { file, expected, reported } of cases) {
    const best = reported.map((entry) => bestMatch(entry, expected));
    const taken = new Set<number>();
    const unmatched = new Map<number, RosterFalsePositive>();
    for (const strength of [3, 2, 1]) {
      reported.forEach((entry, j) => {
        const match = best[j];
        if (!match || match.strength !== strength) return;
        if (taken.has(match.index)) unmatched.set(j, { file, name: entry.name, line: entry.line, sameAs: expected[match.index]! });
        else taken.add(match.index);
      });
    }
    reported.forEach((entry, j) => {
      if (!best[j]) unmatched.set(j, { file, name: entry.name, line: entry.line });
    });
    tp += taken.size;
    expected.forEach((name, i) => {
      if (!taken.has(i)) misses.push({ file, name });
    });
    falsePositives.push(...[...unmatched.entries()].sort(([a], [b]) => a - b).map(([, fp]) => fp));
  }
  return { cases: cases.length, tally: tally(tp, falsePositives.length, misses.length), misses, falsePositives };
}

function bestMatch(entry: RosterEntry, expected: string[]): { index: number; strength: number } | undefined {
  let best: { index: number; strength: number; rank: number } | undefined;
  for (const [rank, name] of [entry.name, ...entry.aliases].entries()) {
    expected.forEach((candidate, index) => {
      const strength = nameMatch(name, candidate);
      if (strength === 0) return;
      // Stronger wins; at equal strength the entry's own name beats an alias, then the annotation's order.
      if (!best || strength > best.strength || (strength === best.strength && Math.min(rank, 1) < Math.min(best.rank, 1))) {
        best = { index, strength, rank };
      }
    });
  }
  return best && { index: best.index, strength: best.strength };
}
