import type { PersonMention, Roster } from './people/types.js';
import { ROLE_NOUNS, WORDS, type Lexicon } from './lexicon.js';
import nlp from 'compromise';
import type { Sentence, Token } from './sentences.js';
import { isNegative, negates } from './speech.js';

const { claims: claimWords, synonyms } = WORDS;

/** "Who did what to whom, or did not": one verb of an interviewee's sentence. */
export interface VerbClaim {
  sentence: number;
  verb: string;
  negative: boolean;
  /** `speaker` for I/we, otherwise the person the subject refers to. */
  subject: 'speaker' | number;
  /** The person acted on, or the pronoun itself (`him`) when the object is a pronoun. */
  object?: number | string;
  start: number;
  end: number;
  text: string;
}

// Hypotheticals and hedges are not claims ("if he stayed over…").
// Reported speech ("Sian said he couldn't come in") is someone else's claim.
const NOT_A_CLAIM = /\b(if|would(n't)?|could(n't)?|might|maybe|perhaps|whether|unless|wish|said|says|told me|reckons)\b/i;

const MODALS = new Set(['can', 'cannot', 'will', 'shall', 'should', 'must', 'may', 'might', 'would', 'could', 'gonna', 'going']);

/** Whether a sentence states something as fact: not a question, not a hypothetical or a hedge. */
export function isAssertion(sentence: Sentence): boolean {
  // "She'd only kick off": the hidden "would" of a contraction is a hedge too.
  const hedged = sentence.tokens.some((t) => t.text === '' && (t.normal === 'would' || t.normal === 'could'));
  return !sentence.question && !hedged && !NOT_A_CLAIM.test(sentence.text);
}

/** Extracts subject–verb–object claims with their polarity from the interviewees' plain statements. */
export function findVerbClaims(sentences: Sentence[], roster: Roster, lexicon: Lexicon): VerbClaim[] {
  const claims: VerbClaim[] = [];
  for (const sentence of sentences) {
    if (sentence.role !== 'interviewee' || !isAssertion(sentence)) continue;
    claims.push(...sentenceClaims(sentence, roster, lexicon));
  }
  return claims;
}

// Main verbs by token: compromise's verbs() phrase analysis costs far more than the tags it already gave us.
function sentenceClaims(sentence: Sentence, roster: Roster, lexicon: Lexicon): VerbClaim[] {
  const claims: VerbClaim[] = [];
  const mentions = roster.bySentence[sentence.index] ?? [];
  const { tokens } = sentence;
  const verbAt = tokens.flatMap((t, i) => (isMainVerb(t) ? [i] : []));
  verbAt.forEach((i, k) => {
    const token = tokens[i]!;
    const verb = infinitive(token);
    // "not meant to come round": an infinitive names an act, it does not report one; nor does "can't read" or "'ll read".
    if (lexicon.stopVerbs.has(verb) || tokens[i - 1]?.normal === 'to') return;
    if (tokens.slice(Math.max(0, i - 3), i).some((t) => MODALS.has(t.normal))) return;
    const nextStart = verbAt[k + 1] === undefined ? Infinity : tokens[verbAt[k + 1]!]!.start;
    const subjectMention = mentions.filter((m) => m.end <= token.start).pop();
    const iToken = tokens.filter((t) => t.end <= token.start && (t.normal === 'i' || t.normal === 'we')).pop();
    let subject: 'speaker' | number | undefined;
    if (iToken && (!subjectMention || iToken.start > subjectMention.start)) subject = 'speaker';
    else subject = subjectMention?.personId;
    if (subject === undefined) return;
    const objectMention = mentions.find((m) => m.start >= token.end && m.start < nextStart);
    // Two "him"s after the same verb are one person in the talk, even where the resolver chose differently.
    const object = objectMention?.kind === 'pronoun' ? `${sentence.tokens[objectMention.first]!.normal}` : objectMention?.personId;
    if (subject === 'speaker' && object === undefined) return;
    const claim: VerbClaim = {
      sentence: sentence.index,
      verb,
      negative: negatedAt(tokens, i),
      subject,
      start: token.start,
      end: token.end,
      text: sentence.text,
    };
    if (object !== undefined) claim.object = object;
    claims.push(claim);
  });
  return claims;
}

function isMainVerb(token: Token): boolean {
  return (
    token.tags.has('Verb') &&
    token.text !== '' &&
    !['Auxiliary', 'Copula', 'Modal', 'Particle'].some((tag) => token.tags.has(tag))
  );
}

// "didn't leave", "has never met", "hasn't been round": a negative word just before, in the same clause.
function negatedAt(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const t = tokens[i]!;
    if (/[,;:]/.test(t.post) || t.tags.has('Conjunction')) return false;
    if (isNegative(t)) return true;
  }
  return false;
}

const lemmas = new Map<string, string>();
const world = nlp.world() as unknown as {
  model: unknown;
  methods: {
    two: {
      transform: {
        verb: { toInfinitive: (word: string, model: unknown, tense: string) => string };
        noun: { toSingular: (word: string, model: unknown) => string };
      };
    };
  };
};

/** A verb's dictionary form ("left" → leave, "seen" → see), cached per word and tense. */
function infinitive(token: Token): string {
  const tense = ['Participle', 'Gerund', 'PastTense', 'PresentTense'].find((t) => token.tags.has(t)) ?? 'PresentTense';
  const word = token.normal;
  const key = `${word}|${tense}`;
  let lemma = lemmas.get(key);
  if (lemma === undefined) {
    lemma = word;
    if (!token.tags.has('Infinitive')) {
      try {
        lemma = world.methods.two.transform.verb.toInfinitive(word, world.model, tense) || word;
      } catch {
        lemma = word;
      }
    }
    lemmas.set(key, lemma);
  }
  return lemma;
}

/** How a statement is meant: said as fact, asked, supposed, another's words passed on, or not committed to. */
export type Mood = 'asserted' | 'question' | 'hypothetical' | 'reported' | 'unsure';

/** What one clause says, reduced to what two statements can be compared on: polarity, acts, things and people. */
export interface Statement {
  sentence: number;
  /** Where the clause sits in the utterance text. */
  start: number;
  end: number;
  mood: Mood;
  /** The clause's main act is negated ("I did not return", "I told nobody"); a negation inside a quote or a later clause is not. */
  negative: boolean;
  /** A negation governs a verb that frames the act ("I didn't ask him to meet", "you didn't think he was"): polarity unclear. */
  framed: boolean;
  /** The speaker's own doubt carries the negation to the act ("I don't believe I was doing television"): negative, hedged. */
  hedged: boolean;
  /** The main act: the first verb with content, or what "was" says ("was afraid"), stemmed, as its synonym group names it. */
  head?: string;
  /** The head is what "do" takes ("doing television"): the act is whatever the other side does with that thing. */
  done?: boolean;
  /** Verbs as the synonym groups name them ("went back" → return), stemmed, generic verbs left out. */
  verbs: string[];
  /** Each verb with its object's head word or person: `return>class`, `speak>p:4`. */
  acts: string[];
  /** Nouns and adjectives, singular and crudely stemmed, generic words left out. */
  nouns: string[];
  /** People named in the clause (pronouns are not trusted this far). */
  people: number[];
  /** Numbers, years and dates: two statements whose details differ are about different occasions. */
  details: string[];
  /**
   * Who does the act, as a clause's first words name them: `first` (I, we), `second` (you), `p:ID` for a named
   * person, `third:he`, `n:STEM` for a thing; absent for "there was…", "it was…" or when no subject was seen.
   */
  subject?: string;
  /** More than one act is stated ("you went to the restroom, after that you went to the class"). */
  compound: boolean;
  /** The main act's tense, where its verb shows it: "did you know" is past, "do you know now" present. */
  tense?: 'past' | 'present';
  /** The act is denied of everyone or everything ("told no one", "never told anybody"): any act of the kind undoes it. */
  universal: boolean;
}

const STATEMENT = claimWords.statements;
const UNSURE = STATEMENT.unsure.map((p) => new RegExp(p));
const HYPOTHETICAL = new RegExp(STATEMENT.hypothetical);
const REPORTED = new RegExp(STATEMENT.reported);
const NEG_RAISING = new Set(STATEMENT.negRaising);
const BREAKS = new Set(STATEMENT.clauseBreaks);
const SUBORDINATORS = new Set(STATEMENT.subordinators);
const PAST = new Set(['did', 'was', 'were', 'had', "didn't", "wasn't", "weren't", "hadn't"]);
const PRESENT = new Set(['do', 'does', 'is', 'are', 'am', "don't", "doesn't", "isn't", "aren't"]);
// "has never met" reaches into the past: it agrees with "met" and with "meets".
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us']);
const PRO_VERB = new Set(['do', 'does', 'did', 'doing', 'done']);
const PRO_OBJECT = new Set(['that', 'it', 'so', 'this']);
const AUXILIARY_WORDS = new Set(['do', 'does', 'did', 'have', 'has', 'had', 'is', 'are', 'was', 'were', 'am']);
const PERFECT_AUX = new Set(['has', 'have', "haven't", "hasn't"]);
const PERFECT = new Set(['been', 'be', 'being', 'not', 'never', 'also', 'ever', 'just', 'actually', 'really']);
const GENERIC = new Set(synonyms.generic);
const FRAMES = new Set(synonyms.frames);
const LIGHT = new Set(synonyms.light);
const DENIALS = new Set(synonyms.denials);
const TIMES = new Set(synonyms.times);
const CANONICAL = new Map<string, string>();
for (const group of [...synonyms.verbs, ...synonyms.nouns]) for (const word of group) if (!CANONICAL.has(word)) CANONICAL.set(word, group[0]!);
const MANNER = new Set(['how', 'where', 'when', 'why', 'because', 'as', 'like']);
const PARTICLES = new Set(['out', 'back', 'in', 'up', 'over', 'for', 'to']);
const DISCOURSE = new Set(['so', 'and', 'now', 'well', 'but', 'then', 'okay', 'ok']);
const PHRASAL = new Set(['up', 'out', 'off', 'down', 'away']);
const ANYONE = new Set(['anyone', 'anybody', 'nobody', 'noone', 'no-one', 'anything', 'nothing', 'everyone', 'everybody']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they', 'you']);
// Who a clause's first pronoun names; empty for "there was", "it was": no one in particular.
const SUBJECTS: Record<string, string> = {
  i: 'first', we: 'first', me: 'first', my: 'first', you: 'second', your: 'second',
  he: 'third:he', him: 'third:he', his: 'third:he', she: 'third:she', her: 'third:she', they: 'third:they', them: 'third:they',
  there: '', it: '', this: '', that: '',
};
const MONTHS = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Whether words suppose rather than state ("if he came round", "would you have"). */
export function supposes(text: string): boolean {
  return HYPOTHETICAL.test(text);
}

/** The lower-case words of tokens, apostrophes straightened, and where each token starts in that text. */
export function wordsOf(tokens: readonly Token[]): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (const t of tokens) {
    const word = t.text === '' ? '' : t.text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}' -]/gu, '');
    at.push(text.length + (text && word ? 1 : 0));
    if (word) text += (text ? ' ' : '') + word;
  }
  return { text, at };
}

/** The first token at or after a character offset of `wordsOf` text. */
export function tokenAt(at: readonly number[], offset: number): number {
  const i = at.findIndex((a) => a >= offset);
  return i === -1 ? at.length : i;
}

/** Stems a word so "examined", "examination" and "examines" meet; a crude suffix strip, not a real stemmer. */
export function stem(word: string): string {
  const w = word.replace(/[—–]/g, '-').replace(/['’]s?$/, '');
  if (w.length <= 4) return w;
  return w.replace(/(ations?|ments?|ings?|ed|es|e|s|ly)$/, '') || w;
}

/**
 * The statements of a sentence, clause by clause, or of tokens `from` to `to` taken as one clause (what a question
 * puts, after its "do you recall that" and before its "; right?").
 */
export function statementsOf(sentence: Sentence, roster: Roster, range?: { from: number; to: number }): Statement[] {
  const tokens = sentence.tokens;
  const clauses: Array<[number, number]> = [];
  if (range) clauses.push([range.from, range.to]);
  else {
    let start = 0;
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      if (i > start && BREAKS.has(t.normal)) {
        clauses.push([start, i]);
        start = i + 1;
      } else if (next && (/;/.test(t.post) || (/,/.test(t.post) && SUBJECT_PRONOUNS.has(next.normal)))) {
        // "I didn't just decide that, I was given advice": a new subject after a comma is a new clause.
        clauses.push([start, i + 1]);
        start = i + 1;
      } else if (i > start && /,/.test(tokens[i - 1]!.post) && ['and', 'but', 'so'].includes(t.normal) && next && SUBJECT_PRONOUNS.has(next.normal)) {
        // "I know a lot of people named Keith, and I wanted to make sure": so is one after a comma and a conjunction.
        clauses.push([start, i]);
        start = i + 1;
      }
    });
    clauses.push([start, tokens.length]);
  }
  // Only people called by name or role; "That" taken for a name is no one.
  const mentions = (roster.bySentence[sentence.index] ?? []).filter(
    (m) => m.kind !== 'pronoun' && !tokens.slice(m.first, m.last + 1).every((t) => t.tags.has('Pronoun') || t.tags.has('Determiner')),
  );
  return clauses.filter(([a, b]) => b > a).map(([a, b]) => clauseStatement(sentence, tokens.slice(a, b), mentions));
}

const STANCE_WORDS = new Set(['yes', 'no', 'sir', 'correct', 'right', 'well', 'um', 'uh', 'yeah', 'true', 'okay']);

function clauseStatement(sentence: Sentence, tokens: Token[], mentions: readonly PersonMention[]): Statement {
  // Leading "Yes," / "No, sir." is the answer's stance, not the clause's polarity.
  let first = 0;
  while (first < tokens.length - 1 && (tokens[first]!.tags.has('Expression') || STANCE_WORDS.has(tokens[first]!.normal)) && /[,.]/.test(tokens[first]!.post)) first++;
  const own = tokens.slice(first);
  const { text, at } = wordsOf(own);
  const start = own[0]!.start;
  const end = own[own.length - 1]!.end;
  const hidden = own.some((t) => t.text === '' && (t.normal === 'would' || t.normal === 'could'));
  let mood: Mood = 'asserted';
  let body = own;
  const unsure = UNSURE.map((r) => r.exec(text)).find((m) => m);
  if (unsure) {
    mood = 'unsure';
    body = own.slice(tokenAt(at, unsure[0].length));
  } else if (sentence.question) mood = 'question';
  else if (hidden || HYPOTHETICAL.test(text)) mood = 'hypothetical';
  // Words in quotation marks are someone's words read out, not the speaker's own claim.
  else if (REPORTED.test(text) || own.some((t) => /["“”]/.test(t.post)) || insideQuote(sentence)) mood = 'reported';
  return { sentence: sentence.index, start, end, mood, ...contentOf(body, mentions) };
}

// A sentence that starts inside quotation marks opened earlier in the turn ("It says: "She told E! …").
export function insideQuote(sentence: Sentence): boolean {
  const before = sentence.utterance.text.slice(0, sentence.start);
  const straight = (before.match(/"/g) ?? []).length;
  return straight % 2 === 1 || (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length;
}

interface Verb {
  at: number;
  lemma: string;
  generic: boolean;
  frames: boolean;
  /** "think", "believe": a negation before it may be about what is thought. */
  raises: boolean;
  light: boolean;
}

/** Polarity and content words of a run of tokens. */
export function contentOf(all: readonly Token[], mentions: readonly PersonMention[], proVerbs = true): Omit<Statement, 'sentence' | 'start' | 'end' | 'mood'> {
  // "While not paid to appear, did they pay you…": the main clause follows the comma.
  // "So, when you testified…, that was one of many things": a leading "so" or "and" does not hide the subordinator.
  // "Even though…" is "though…".
  const opening = all.findIndex((t, i) => !DISCOURSE.has(t.normal) && !(t.normal === 'even' && SUBORDINATORS.has(all[i + 1]?.normal ?? '')));
  // So does one after a leading participle of place in the talk: "Going back to Craig, has he…", "Looking at the text, …"
  // ("discussing this issue, the conversations…, with Cohen" is the act itself).
  const after = all[opening + 1];
  const leading = SUBORDINATORS.has(all[opening]?.normal ?? '') || (Boolean(all[opening]?.tags.has('Gerund')) && Boolean(after?.tags.has('Preposition') || after?.tags.has('Particle')));
  const comma = leading ? all.findIndex((t, i) => i > opening && /,/.test(t.post)) : -1;
  const tokens = comma >= 0 && comma < all.length - 1 ? all.slice(comma + 1) : all;
  const nouns = new Set<string>();
  const details = new Set<string>();
  const verbs: Verb[] = [];
  const objects = new Map<number, string>();
  const from = tokens[0]?.start ?? 0;
  const to = tokens[tokens.length - 1]?.end ?? 0;
  const nameAt = (t: Token) => mentions.find((m) => t.start >= m.start && t.end <= m.end);
  let subject: string | undefined;
  const subjects: Array<{ at: number; subject: string }> = [];
  let predicate: number | undefined;
  let acts = 0;
  let particle = -1;
  tokens.forEach((t, i) => {
    const w = t.normal.replace(/[’‘]/g, "'");
    if (i === particle || t.tags.has('Honorific')) return;
    // "Did you…" opening a question is an auxiliary even where the tagger calls it a verb.
    const auxiliary = AUXILIARY_WORDS.has(w) && tokens.slice(i + 1, i + 4).some((x) => x.tags.has('Verb'));
    // "the law based on experience", "people named Keith": a past form straight after a thing describes it; it is no act.
    const after = tokens[i + 1];
    // So does one between an article and a thing: "the signed agreement".
    const describes =
      (t.tags.has('PastTense') && tokens[i - 1]?.tags.has('Noun') && !tokens[i - 1]!.tags.has('Pronoun') && !nameAt(tokens[i - 1]!) && !!after && (after.tags.has('Preposition') || !!nameAt(after))) ||
      (t.tags.has('PastTense') && !!tokens[i - 1]?.tags.has('Determiner') && !!after?.tags.has('Noun') && !after.tags.has('Pronoun'));
    // "going on TV": the particle belongs to the verb before it; it is no act of its own.
    const main = t.tags.has('Verb') && t.text !== '' && !auxiliary && !describes && !['Auxiliary', 'Copula', 'Modal', 'Particle'].some((tag) => t.tags.has(tag));
    const acted = verbs.length > 0 || predicate !== undefined;
    if (main && !t.tags.has('Gerund') && !t.tags.has('Participle') && !tokens.slice(Math.max(0, i - 2), i).some((x) => x.normal === 'to')) acts++;
    const name = t.tags.has('Pronoun') || t.tags.has('Determiner') ? undefined : nameAt(t);
    // A noun after a preposition ("with Anderson Cooper, you said") is not the subject.
    const afterPreposition = tokens.slice(Math.max(0, i - 3), i).some((x) => x.tags.has('Preposition')) && !/,/.test(tokens[i - 1]?.post ?? '');
    if (!t.tags.has('Verb') && !(afterPreposition && !t.tags.has('Pronoun'))) {
      let candidate: string | undefined;
      if (name) candidate = `p:${name.personId}`;
      else if (SUBJECTS[w] !== undefined && (t.tags.has('Pronoun') || w === 'there')) candidate = SUBJECTS[w];
      else if (!acted && t.tags.has('Noun') && !t.tags.has('Pronoun') && !GENERIC.has(w) && !/^\d/.test(w)) candidate = `n:${stem(w)}`;
      // A subject stands before its verb: the last one before the main act is its doer.
      const before = tokens[i - 1];
      const objectOfVerb = before?.tags.has('Verb') && !before.tags.has('Auxiliary') && !AUXILIARY_WORDS.has(before.normal);
      if (candidate !== undefined && !objectOfVerb) subjects.push({ at: i, subject: candidate });
      if (!acted && subject === undefined && candidate !== undefined) subject = candidate;
    }
    // "were afraid", "was inaccurate": the adjective is what the clause says.
    if (predicate === undefined && verbs.length === 0 && t.tags.has('Adjective') && tokens.slice(Math.max(0, i - 2), i).some((x) => x.tags.has('Copula'))) predicate = i;
    if (/^\d/.test(w) || MONTHS.test(w) || (t.tags.has('Date') && /\d/.test(w))) {
      details.add(w.replace(/(st|nd|rd|th)$/, ''));
      return;
    }
    if (main) {
      let lemma = infinitive(t);
      const next = tokens[i + 1];
      // "came up" (was mentioned) and "came out" (was published) are other acts than "came".
      const phrasal = next !== undefined && PHRASAL.has(next.normal) && next.tags.has('Particle');
      if (next && ((PARTICLES.has(next.normal) && CANONICAL.has(`${lemma} ${next.normal}`)) || phrasal)) {
        lemma = `${lemma} ${next.normal}`;
        particle = i + 1;
      }
      const canonical = CANONICAL.get(lemma) ?? lemma;
      const plain = infinitive(t);
      verbs.push({ at: i, lemma: stem(canonical), generic: GENERIC.has(canonical) || GENERIC.has(lemma), frames: FRAMES.has(plain), raises: NEG_RAISING.has(plain), light: LIGHT.has(plain) });
      return;
    }
    // "smack him" and "smack her" are different acts.
    if (t.tags.has('Pronoun') && !name && verbs.length > 0 && !objects.has(verbs.length - 1) && OBJECT_PRONOUNS.has(w) && i === verbs[verbs.length - 1]!.at + 1 && (/[,;:.?!]/.test(t.post) || !['Determiner', 'Noun', 'Value', 'Adjective', 'Money'].some((tag) => tokens[i + 1]?.tags.has(tag)))) {
      objects.set(verbs.length - 1, `pro:${w}`);
    }
    if (name || t.text === '' || t.tags.has('Pronoun') || t.tags.has('Possessive') || t.tags.has('Determiner')) {
      // "spoke with him" and "spoke about him" are different acts.
      const preposition = tokens.slice(Math.max(0, i - 3), i).reverse().find((x) => x.tags.has('Preposition'))?.normal;
      if (name && verbs.length > 0 && !objects.has(verbs.length - 1)) objects.set(verbs.length - 1, `${preposition ? `${preposition}:` : ''}p:${name.personId}`);
      return;
    }
    if (TIMES.has(w) || t.tags.has('Date')) return;
    if (t.tags.has('Noun') || t.tags.has('Adjective')) {
      const single = t.tags.has('Plural') ? singular(w) : w;
      const canonical = CANONICAL.get(single) ?? single;
      const v0 = verbs.length - 1;
      // "filled out parts of it": a word with no content still says what the act was done to.
      if ((GENERIC.has(canonical) || GENERIC.has(w)) && v0 >= 0 && t.tags.has('Noun') && !objects.has(v0)) objects.set(v0, `~${w}`);
      if (canonical.length > 1 && !GENERIC.has(canonical) && !GENERIC.has(w)) {
        nouns.add(stem(canonical));
        // The object is the head of the first noun group after the verb: "exercise class" → class.
        const v = verbs.length - 1;
        const object = objects.get(v);
        // "Hogan's representatives" is whose, not a compound like "loan papers".
        const before = tokens[i - 1];
        const grouped = object !== undefined && before?.tags.has('Noun') && !before.post.trim() && !before.tags.has('Possessive') && !nameAt(before);
        if (v >= 0 && t.tags.has('Noun') && (object === undefined || grouped)) {
          // "told my friends": a word for a person is a person, whoever it is.
          // "loan papers": the head with the word before it, so "car papers" is another thing.
          const word = ROLE_NOUNS.has(single) ? `who:${single}` : stem(canonical);
          if (!objects.get(v)?.includes('p:')) objects.set(v, grouped && !object!.startsWith('~') ? `${object!.split('+').pop()}+${word}` : word);
        }
      }
    }
  });
  const content = verbs.filter((v) => !v.generic);
  // "did every interview", "made a demand": with no verb of content, the light verb's object is the act.
  // So is it when the first verb of content only says what for: "made a demand to not publish the tapes".
  const purpose = (v: Verb) => tokens.slice(Math.max(0, v.at - 2), v.at).some((x) => x.normal === 'to');
  const lightVerb = verbs.find((v) => v.light && objects.has(verbs.indexOf(v)) && !/^~|p:/.test(objects.get(verbs.indexOf(v))!));
  const light = content.length === 0 || (lightVerb && content[0]!.at > lightVerb.at && purpose(content[0]!)) ? lightVerb : undefined;
  const head = light ?? content[0];
  const headAt = predicate !== undefined && (head === undefined || predicate < head.at) ? predicate : head?.at;
  // A negation counts against the main act: before it with no other verb between, or its object ("told no one").
  let negative = false;
  let framed = false;
  let hedged = false;
  tokens.forEach((t, i) => {
    if (!negates(t)) return;
    if (headAt === undefined) {
      negative ||= i < 6;
      return;
    }
    const framing = verbs.filter((v) => v.at > i && v.at < headAt && v.frames);
    // "I don't believe I was doing television" denies it, with doubt; "you didn't think he was" and "I didn't ask
    // him to" leave it open.
    const doubt = framing.length === 1 && framing[0]!.raises && subjects.filter((c) => c.at < i).pop()?.subject === 'first';
    if (i < headAt && doubt) negative = hedged = true;
    else if (i < headAt && framing.length > 0) framed = true;
    else if (i < headAt) negative = true;
    // "I signed it not how I sign": a "not" before how, where or why denies the manner, not the act.
    else if (i > headAt && i - headAt <= 2 && !MANNER.has(tokens[i + 1]?.normal ?? '')) negative = true;
  });
  // "You denied having sex with him": the act is held false by a report, not stated.
  if (verbs.some((v) => DENIALS.has(v.lemma) || DENIALS.has(`${v.lemma}e`) || DENIALS.has(`${v.lemma}y`))) framed = true;
  const universal =
    negative && headAt !== undefined && tokens.slice(headAt + 1, headAt + 4).some((t, k, after) => ANYONE.has(t.normal) || (t.normal === 'no' && after[k + 1]?.normal === 'one'));
  const people = [...new Set(mentions.filter((m) => m.start >= from && m.end <= to).map((m) => m.personId))];
  const found: Omit<Statement, 'sentence' | 'start' | 'end' | 'mood'> = {
    negative,
    framed,
    hedged,
    verbs: [...new Set(content.map((v) => v.lemma))],
    acts: [...new Set(content.flatMap((v) => (objects.has(verbs.indexOf(v)) ? [`${v.lemma}>${objects.get(verbs.indexOf(v))}`] : [])))],
    nouns: [...nouns],
    people,
    details: [...details],
    compound: acts > 1,
    universal,
  };
  // The doer of the main act, and its tense from the nearest auxiliary or the verb itself.
  if (headAt !== undefined) {
    const doer = subjects.filter((c) => c.at < headAt).pop();
    if (doer) subject = doer.subject;
  }
  let tense: 'past' | 'present' | undefined;
  const at = headAt ?? tokens.findIndex((t) => PAST.has(t.normal) || PRESENT.has(t.normal));
  for (let i = at - (headAt === undefined ? 0 : 1); i >= Math.max(0, at - 8) && at >= 0; i--) {
    const t = tokens[i]!;
    if (PERFECT_AUX.has(t.normal)) break;
    if (PAST.has(t.normal)) tense = 'past';
    else if (PRESENT.has(t.normal)) tense = 'present';
    else if (!t.tags.has('Verb') || PERFECT.has(t.normal) || t.tags.has('Auxiliary')) continue;
    break;
  }
  const perfect = at >= 0 && tokens.slice(Math.max(0, at - 8), at).some((t) => PERFECT_AUX.has(t.normal));
  if (!tense && !perfect && headAt !== undefined) {
    const verb = tokens[headAt]!;
    if (verb.tags.has('Verb') && tokens[headAt - 1]?.normal !== 'to' && !verb.tags.has('Gerund')) {
      tense = verb.tags.has('PastTense') ? 'past' : verb.tags.has('PresentTense') ? 'present' : undefined;
    }
  }
  const headWord =
    predicate !== undefined && predicate === headAt ? stem(tokens[predicate]!.normal) : head === light && light ? objects.get(verbs.indexOf(light)) : head?.lemma;
  if (headWord) found.head = headWord;
  // "Even though the orders tell you to pay him, you are not going to do that": "do that" does the act before the comma.
  if (proVerbs && !headWord && tokens !== all && tokens.some((t, i) => PRO_VERB.has(t.normal) && PRO_OBJECT.has(tokens[i + 1]?.normal ?? ''))) {
    const before = contentOf(all.slice(opening + 1, comma + 1), mentions, false);
    // The nearest act: "ordering you to pay him, … do that" is paying.
    const act = before.acts.at(-1)?.split('>')[0] ?? before.verbs.at(-1);
    if (act) Object.assign(found, { head: act, verbs: [act], acts: before.acts.filter((x) => x.startsWith(`${act}>`)), nouns: before.nouns, people: before.people });
  }
  if (light && head === light && light.lemma === 'do') found.done = true;
  if (subject) found.subject = subject;
  if (tense) found.tense = tense;
  return found;
}

const singulars = new Map<string, string>();
function singular(word: string): string {
  let s = singulars.get(word);
  if (s === undefined) {
    try {
      s = world.methods.two.transform.noun.toSingular(word, world.model) || word;
    } catch {
      s = word;
    }
    singulars.set(word, s);
  }
  return s;
}

/** Every sentence's statements, clause by clause, in order. */
export function findStatements(sentences: readonly Sentence[], roster: Roster): Statement[] {
  return sentences.flatMap((s) => statementsOf(s, roster));
}
