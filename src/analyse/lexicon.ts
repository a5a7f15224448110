import cueRecords from '../lexicon/cues.json' with { type: 'json' };
import people from '../lexicon/people.json' with { type: 'json' };
import names from '../lexicon/names.json' with { type: 'json' };
import claims from '../lexicon/claims.json' with { type: 'json' };
import children from '../lexicon/children.json' with { type: 'json' };
import topics from '../lexicon/topics.json' with { type: 'json' };
import titles from '../lexicon/titles.json' with { type: 'json' };
import relationships from '../lexicon/relationships.json' with { type: 'json' };
import presence from '../lexicon/presence.json' with { type: 'json' };
import answers from '../lexicon/answers.json' with { type: 'json' };
import synonyms from '../lexicon/synonyms.json' with { type: 'json' };
import injuries from '../lexicon/injuries.json' with { type: 'json' };
import wellbeing from '../lexicon/wellbeing.json' with { type: 'json' };
import nlp from 'compromise';
import type { PersonClass } from '../types.js';

type Net = ReturnType<typeof nlp.buildNet>;

/**
 * The word lists a run reads as they are, by lexicon file (`WORDS.titles` is src/lexicon/titles.json): every module
 * takes its vocabulary from here, so each file is loaded in one place. The lists a project config extends are built
 * into a `Lexicon` by `buildLexicon` instead.
 */
export const WORDS = { titles, relationships, presence, answers, claims, synonyms, children, topics, injuries, wellbeing } as const;

/** A test for any of `words` as whole words (`flags` 'i' for case-blind); a trailing * in a word matches any ending. */
export function wholeWords(words: readonly string[], flags = ''): RegExp {
  return new RegExp(`\\b(${words.map((w) => w.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '\\w*')).join('|')})\\b`, flags);
}

/** A test for any of `stems` anywhere in a text, inside words too ('bruis' in 'bruising'). */
export function anyStem(stems: readonly string[], flags = ''): RegExp {
  return new RegExp(stems.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
}

/** A word class in the people lexicon; `vague` nouns (bloke, someone) say nothing about who a person is. */
export type NounClass = Exclude<PersonClass, 'unknown'> | 'vague';
export type Gender = 'male' | 'female';

/** The noun classes, as people.json lists them. */
export const NOUN_CLASSES: readonly NounClass[] = ['relative', 'partner', 'friend', 'household', 'professional', 'child', 'vague'];

/** A role noun from the lexicon: its class and, where the word implies one, a gender. */
export interface RoleNoun {
  word: string;
  nounClass: NounClass;
  gender?: Gender;
}

/** How strongly a phrase places an adult in the home or with the child. */
export type PresenceLevel = 'visit' | 'overnight' | 'residence' | 'care';
export const PRESENCE_LEVELS: PresenceLevel[] = ['visit', 'overnight', 'residence', 'care'];

/** Whose a cue is, by where the person is named: see `about` in cues.json. */
export type CueAbout = 'before' | 'inside' | 'insideOrNear' | 'after' | 'speaker';

/** One cue type as cues.json declares it: its phrases and what the analysis reads from them. */
export interface CueRecord {
  about: CueAbout;
  /** When the speaker says "I" before the words, she is the one present ("I stayed over at Kelly's"). */
  subjectPresent: boolean;
  /** How strongly the words place the person in the home or with the child. */
  places?: PresenceLevel;
  /** The words state an act that may be said in the negative ("he never stays over"). */
  negatable: boolean;
  /** When the sentence names nobody, the person talked about may be meant ("we're not together"). */
  topical: boolean;
  patterns: readonly string[];
}

export type CueType = Exclude<keyof typeof cueRecords, '$comment'>;

/** The cue types, in the order the analysis matches them. */
export const CUE_TYPES = Object.keys(cueRecords).filter((key) => !key.startsWith('$')) as CueType[];

const ABOUT: readonly CueAbout[] = ['before', 'inside', 'insideOrNear', 'after', 'speaker'];

/** Every cue type's record, with absent flags read as false. A record the code cannot read fails at load, not silently. */
export const CUES = {} as Record<CueType, CueRecord>;
for (const type of CUE_TYPES) {
  const record = cueRecords[type] as { about: string; places?: string; subjectPresent?: boolean; negatable?: boolean; topical?: boolean; patterns: string[] };
  if (!ABOUT.includes(record.about as CueAbout)) throw new Error(`cues.json ${type}: about "${record.about}" is not one of ${ABOUT.join(', ')}`);
  if (record.places !== undefined && !PRESENCE_LEVELS.includes(record.places as PresenceLevel)) throw new Error(`cues.json ${type}: places "${record.places}" is not one of ${PRESENCE_LEVELS.join(', ')}`);
  CUES[type] = {
    about: record.about as CueAbout,
    subjectPresent: record.subjectPresent === true,
    ...(record.places === undefined ? {} : { places: record.places as PresenceLevel }),
    negatable: record.negatable === true,
    topical: record.topical === true,
    patterns: record.patterns,
  };
}

/** Words to add to the lexicon for one run, from a team's project config. Words are matched case-blind. */
export interface LexiconExtras {
  /** Extra role nouns by class, as people.json has them: `{ professional: { idva: null }, partner: { fella: 'm' } }`. */
  people?: Partial<Record<NounClass, Record<string, 'm' | 'f' | null>>>;
  /** Capitalised words that are never people (shop names, places: "Greggs"), one word each. */
  notPeople?: string[];
  /** Short forms mapped to the name they stand for (`gaz` → `gary`). */
  nicknames?: Record<string, string>;
  /** Extra compromise match patterns, by cue type. */
  patterns?: Partial<Record<CueType, string[]>>;
}

/** The words of one talk topic, compiled for lower-case text: each family's words, and words that are about any of them. */
export interface TopicWords {
  families: Readonly<Record<string, RegExp>>;
  general: RegExp;
}

/** Everything the analysis reads from the word lists, with the patterns compiled: built once, shared by a run. */
export interface Lexicon {
  /** Role nouns by their lower-case words (`social worker`, `mum`). */
  roleNouns: ReadonlyMap<string, RoleNoun>;
  /** The most words any role noun has, so lookups try the longest first. */
  longestRole: number;
  /** Capitalised words that are never people (days, months, fillers, brands), lower-case. */
  notPeople: ReadonlySet<string>;
  /** Short forms mapped to the name they stand for (`steve` → `steven`). */
  nicknames: ReadonlyMap<string, string>;
  /** Words that open a nickname: "Big Mick" is Mick. */
  nicknamePrefixes: ReadonlySet<string>;
  /** Every pattern list the analysis matches, by cue type. */
  patterns: Readonly<Record<CueType, readonly string[]>>;
  /** Every cue type's patterns compiled into one net, each entry's `val` listing the cue types it belongs to. */
  cueNet: Net;
  /** Verbs too common or too vague to compare for a plain negation flip. */
  stopVerbs: ReadonlySet<string>;
  /** Phrases that mark the person inside them as a child. */
  childCues: Net;
  /** Relative words that make their owner a child ("Riley's dad"). */
  parentWords: ReadonlySet<string>;
  /** The words that show an interviewer's sentence is about an injury or a safety concern. */
  topics: Readonly<Record<'injury' | 'safety', TopicWords>>;
}

/** The built-in lexicon with `extras` added; throws an Error naming the entry when an extra is unusable. */
export function buildLexicon(extras: LexiconExtras = {}): Lexicon {
  const roleNouns = new Map<string, RoleNoun>();
  const defaults = Object.entries(people).filter(([key]) => !key.startsWith('$')) as Array<[NounClass, Record<string, string | null>]>;
  for (const [nounClass, words] of [...defaults, ...Object.entries(extras.people ?? {})]) {
    if (!NOUN_CLASSES.includes(nounClass as NounClass)) {
      throw new Error(`people.${nounClass}: no such noun class; use one of ${NOUN_CLASSES.join(', ')}`);
    }
    for (const [text, g] of Object.entries(words ?? {})) {
      const word = text.trim().toLowerCase().replace(/\s+/g, ' ');
      const gender = g === 'm' ? 'male' : g === 'f' ? 'female' : undefined;
      const noun: RoleNoun = { word, nounClass: nounClass as NounClass, ...(gender ? { gender } : {}) };
      roleNouns.set(word, noun);
      // compromise splits most hyphenated words ("step-dad" is "step" "dad") but not all ("ex-partner"): keep both.
      if (word.includes('-')) roleNouns.set(word.replace(/-/g, ' '), { ...noun, word: word.replace(/-/g, ' ') });
    }
  }

  const nicknames = new Map<string, string>();
  for (const [short, full] of [...Object.entries(names.nicknames), ...Object.entries(extras.nicknames ?? {})]) {
    nicknames.set(oneWord('nicknames', short), oneWord('nicknames', full));
  }

  const patterns = Object.fromEntries(CUE_TYPES.map((type) => [type, [...CUES[type].patterns]])) as Record<CueType, string[]>;
  for (const [type, extra] of Object.entries(extras.patterns ?? {})) {
    if (!CUE_TYPES.includes(type as CueType)) throw new Error(`patterns.${type}: no such cue type; use one of ${CUE_TYPES.join(', ')}`);
    for (const pattern of extra ?? []) {
      const problem = patternProblem(pattern);
      if (problem) throw new Error(`patterns.${type}: "${pattern}" ${problem}`);
      patterns[type as CueType].push(pattern);
    }
  }

  return {
    roleNouns,
    longestRole: Math.max(...[...roleNouns.keys()].map((w) => w.split(' ').length)),
    notPeople: new Set([...names.notPeople.map((w) => w.toLowerCase()), ...(extras.notPeople ?? []).map((w) => oneWord('notPeople', w))]),
    nicknames,
    nicknamePrefixes: new Set(names.nicknamePrefixes),
    patterns,
    cueNet: cueNetOf(patterns),
    stopVerbs: new Set(claims.stopVerbs),
    childCues: netOf(children.cues),
    parentWords: new Set(children.parents),
    topics: { injury: topicWords(topics.injury), safety: topicWords(topics.safety) },
  };
}

// One net for every cue type: one sweep of a sentence is far cheaper than one per type, or one per pattern. A net keeps
// one entry per pattern, so a pattern two types share ("(it|that) {be} nothing") lists both.
function cueNetOf(patterns: Readonly<Record<CueType, readonly string[]>>): Net {
  const types = new Map<string, CueType[]>();
  for (const type of CUE_TYPES) for (const match of patterns[type]) types.set(match, [...(types.get(match) ?? []), type]);
  return nlp.buildNet([...types].map(([match, val]) => ({ match, val })));
}

function netOf(patterns: readonly string[]): Net {
  return nlp.buildNet(patterns.map((match) => ({ match })));
}

function oneWord(field: string, text: string): string {
  const word = text.trim().toLowerCase();
  if (/\s/.test(word)) throw new Error(`${field}: "${text}" is more than one word; give each word on its own`);
  return word;
}

const TAGS = new Set(Object.keys((nlp.world() as unknown as { model: { one: { tagSet: object } } }).model.one.tagSet));
const METHODS = new Set(Object.keys((nlp.world() as unknown as { methods: { one: { termMethods: object } } }).methods.one.termMethods));

// compromise takes almost any string as a pattern, and a typo then silently matches nothing: catch the usual ones.
function patternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'is empty';
  let terms: Array<{ tag?: string; method?: string }>;
  try {
    terms = nlp.parseMatch(pattern) as typeof terms;
  } catch (error) {
    return `is not a match pattern (${(error as Error).message})`;
  }
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    if (pattern.split(open).length !== pattern.split(close).length) return `has an unclosed "${open}" or a stray "${close}"`;
  }
  const tag = terms.find((t) => t.tag !== undefined && !TAGS.has(t.tag));
  if (tag) return `uses an unknown tag "#${tag.tag}"`;
  const method = terms.find((t) => t.method !== undefined && !METHODS.has(t.method));
  if (method) return `uses an unknown method "@${method.method}"`;
  return undefined;
}

/** A topic family in topics.json: its words, or a record of them (the injury kinds) that may count as another family. */
type TopicFamily = readonly string[] | { words: readonly string[]; followUpAs?: string };

// A family's words become one whole-word test (the text is lower-cased first). A family that
// follows up as another ("bleeding" as "cut") adds its words to that one's.
function topicWords(topic: { families: object; general: readonly string[] }): TopicWords {
  const words = new Map<string, string[]>();
  for (const [name, family] of Object.entries(topic.families as Record<string, TopicFamily>)) {
    if (name.startsWith('$')) continue;
    const as = 'words' in family ? (family.followUpAs ?? name) : name;
    words.set(as, [...(words.get(as) ?? []), ...('words' in family ? family.words : family)]);
  }
  return {
    families: Object.fromEntries([...words].map(([family, list]) => [family, wholeWords(list)])),
    general: wholeWords(topic.general),
  };
}

/** A kind of injury, as topics.json sorts an injury cue's words: the first kind whose stems occur in them. */
export interface InjuryKind {
  kind: string;
  /** Any of the kind's stems, anywhere in lower-case words ('bruis' in 'bruising'). */
  stems: RegExp;
  /** A mark, a swelling or bleeding may be the same injury as one of any kind. */
  anyInjury: boolean;
}

/** The kinds of injury in the order they are tried. */
export const INJURY_KINDS: readonly InjuryKind[] = (
  Object.entries(topics.injury.families).filter(([kind]) => !kind.startsWith('$')) as Array<[string, { stems: string[]; anyInjury?: boolean }]>
).map(([kind, { stems, anyInjury }]) => ({
  kind,
  stems: anyStem(stems),
  anyInjury: anyInjury === true,
}));

/** The built-in lexicon, used when a run adds no words of its own. */
export const DEFAULT_LEXICON = buildLexicon();

// The built-in lists as plain values for --redact, which works on finished results, not on an analysis.
/** Role nouns of the built-in lexicon by their lower-case words (`social worker`, `mum`). */
export const ROLE_NOUNS = DEFAULT_LEXICON.roleNouns;
/** Capitalised words the built-in lexicon says are never people. */
export const NOT_PEOPLE = DEFAULT_LEXICON.notPeople;
/** Words that open a nickname: "Big Mick" is Mick. */
export const NICKNAME_PREFIXES = DEFAULT_LEXICON.nicknamePrefixes;
/** Short forms of the built-in lexicon mapped to the name they stand for (`steve` → `steven`). */
export const NICKNAMES: Readonly<Record<string, string>> = Object.fromEntries(DEFAULT_LEXICON.nicknames);
