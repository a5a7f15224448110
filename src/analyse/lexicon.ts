import people from '../lexicon/people.json' with { type: 'json' };
import names from '../lexicon/names.json' with { type: 'json' };
import presence from '../lexicon/presence.json' with { type: 'json' };
import relationships from '../lexicon/relationships.json' with { type: 'json' };
import claims from '../lexicon/claims.json' with { type: 'json' };
import accounts from '../lexicon/accounts.json' with { type: 'json' };
import children from '../lexicon/children.json' with { type: 'json' };
import injury from '../lexicon/injury.json' with { type: 'json' };
import wellbeing from '../lexicon/wellbeing.json' with { type: 'json' };
import minimisers from '../lexicon/minimisers.json' with { type: 'json' };
import safety from '../lexicon/safety.json' with { type: 'json' };
import nlp from 'compromise';
import type { PersonClass } from '../types.js';

/** A word class in the people lexicon; `vague` nouns (bloke, someone) say nothing about who a person is. */
export type NounClass = Exclude<PersonClass, 'unknown'> | 'vague';
export type Gender = 'male' | 'female';

/** A role noun from the lexicon: its class and, where the word implies one, a gender. */
export interface RoleNoun {
  word: string;
  nounClass: NounClass;
  gender?: Gender;
}

function roleNouns(): Map<string, RoleNoun> {
  const byWord = new Map<string, RoleNoun>();
  for (const [nounClass, words] of Object.entries(people)) {
    if (nounClass.startsWith('$')) continue;
    for (const [word, g] of Object.entries(words as Record<string, string | null>)) {
      const gender = g === 'm' ? 'male' : g === 'f' ? 'female' : undefined;
      byWord.set(word, { word, nounClass: nounClass as NounClass, ...(gender ? { gender } : {}) });
    }
  }
  return byWord;
}

/** Role nouns by their lower-case words (`social worker`, `mum`). */
export const ROLE_NOUNS = roleNouns();
/** The most words any role noun has, so lookups try the longest first. */
export const LONGEST_ROLE = Math.max(...[...ROLE_NOUNS.keys()].map((w) => w.split(' ').length));

/** Capitalised words that are never people (days, months, fillers, brands). */
export const NOT_PEOPLE = new Set(names.notPeople.map((w) => w.toLowerCase()));
/** Words that open a nickname: "Big Mick" is Mick. */
export const NICKNAME_PREFIXES = new Set(names.nicknamePrefixes);
/** Short forms mapped to the name they stand for (`steve` → `steven`). */
export const NICKNAMES: Record<string, string> = Object.fromEntries(
  Object.entries(names.nicknames).map(([k, v]) => [k.trim(), v]),
);

/** How strongly a phrase places an adult in the home or with the child. */
export type PresenceLevel = 'visit' | 'overnight' | 'residence' | 'care';
export const PRESENCE_LEVELS: PresenceLevel[] = ['visit', 'overnight', 'residence', 'care'];

/** Every pattern list the analysis matches, by cue type. */
export const PATTERNS = {
  visit: presence.visit,
  overnight: presence.overnight,
  residence: presence.residence,
  care: presence.care,
  carerAfter: presence.carerAfter,
  carerInside: presence.carerInside,
  denial: relationships.denial,
  romance: relationships.romance,
  lodging: relationships.household,
  nobodyElseHome: claims.nobodyElseHome,
  nobodyElseCare: claims.nobodyElseCare,
  notSeen: claims.notSeen,
  neverSaid: claims.neverSaid,
  whereabouts: accounts.whereabouts,
  injury: injury.injury,
  injuryVague: injury.vague,
  wellbeing: wellbeing.signs,
  minimiser: minimisers.minimisers,
  servicesOut: minimisers.servicesOut,
  safety: safety.concerns,
} satisfies Record<string, string[]>;

export type CueType = keyof typeof PATTERNS;

/** Verbs too common or too vague to compare for a plain negation flip. */
export const STOP_VERBS = new Set(claims.stopVerbs);

/** Phrases that mark the person inside them as a child, compiled once. */
export const CHILD_CUES = nlp.buildNet(children.cues.map((match) => ({ match })));
/** Relative words that make their owner a child ("Riley's dad"). */
export const PARENT_WORDS = new Set(children.parents);
