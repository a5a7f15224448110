import { WORDS, type Lexicon } from '../lexicon.js';
import type { Token } from '../sentences.js';

const { relationships, titles } = WORDS;

/** The words of a sentence, first to last, that name one person. */
export interface Span {
  first: number;
  last: number;
}

/** Words the names pass needs beside the lexicon: the speakers' names and words the transcript shows to be names. */
export interface NameContext {
  lexicon: Lexicon;
  /** Lower-case words of the speaker labels: a party to the talk, not someone talked about. */
  speakerNames: ReadonlySet<string>;
  /** Words accepted as names anywhere in the transcript (see `nameWords`). */
  known: ReadonlySet<string>;
  /** Capitalised words the transcript also uses in lower case or as things ("at Otisville", "the book Revenge"). */
  common: ReadonlySet<string>;
  /** The transcript writes no capitals (speech-to-text in lower case): capitals cannot tell a name from a word. */
  caseless?: boolean;
}

/**
 * Whether sentences are written without capitals, as lower-case speech-to-text is: almost no word after the first is
 * capitalised, bar "I". Enough words are needed to tell.
 */
export function isCaseless(sentences: ReadonlyArray<{ tokens: Token[] }>): boolean {
  let words = 0;
  let capitals = 0;
  for (const { tokens } of sentences) {
    for (const t of tokens.slice(1)) {
      if (!/\p{L}/u.test(t.text) || t.normal === 'i') continue;
      words++;
      if (isCapitalised(t)) capitals++;
    }
  }
  return words >= CASELESS_MIN_WORDS && capitals <= words * CASELESS_MAX_SHARE;
}
const CASELESS_MIN_WORDS = 30;
const CASELESS_MAX_SHARE = 0.01;

/** A name taken apart: lower-case name words without titles or initials, and the suffix that makes a different person. */
export interface NameParts {
  words: string[];
  /** `mr` → male, `mrs`/`ms`/`miss` → female. */
  honorific?: string;
  suffix?: string;
}

/** Titles that are part of how a person is called (`mr`, `dr`, `pc`), lower case without the stop. */
export const HONORIFICS: ReadonlySet<string> = new Set(Object.keys(titles.honorifics));
const TITLES = new Set(titles.titles);
const SUFFIXES = new Set(titles.suffixes);
const THING_HEADS = new Set(titles.thingHeads);
const NOT_NAMES = new Set(titles.notNames);
const WORK_NOUNS = new Set(titles.workNouns);
const ID_WORDS = new Set(titles.idWords);
const AKAS = titles.akas.map((a) => a.split(' '));
// Tags of words that are never part of a name, whatever else compromise thinks of them ("Did", "To", "Because", "What").
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Pronoun', 'Modal', 'Auxiliary', 'Copula', 'Negative', 'Expression'];
// Tags of words that are things, times or amounts.
const THING_TAGS = ['Date', 'Month', 'WeekDay', 'Place', 'Organization', 'Value', 'Holiday', 'Url', 'Email', 'HashTag', 'AtMention'];
// Tags of a word that is not a name unless compromise also knows it as one ("Meaning", "Good", "Next").
const WORD_TAGS = ['Verb', 'Adjective', 'Adverb', 'Gerund'];

/** The word without a possessive 's, lower case. */
export function bare(token: Token): string {
  return token.normal.replace(/['’]s$/, '');
}

const stop = (token: Token) => /[,.;:!?]/.test(token.post);
const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text);
const bareTitle = (token: Token) => bare(token).replace(/\.$/, '');
// "MR. BOVE:", "THAT THIS SIDE LETTER AGREEMENT": words in capitals are labels and documents, not talk.
const isShouted = (token: Token) => /^\p{Lu}[\p{Lu}'’.-]+$/u.test(token.text);
// OCR debris such as "CPl", and lone letters outside a name ("K E I T H").
// A brand in camel case ("MeidasTouch", "WhatsApp"), which names do not have after so long a start (McDougal, LaToya do).
const isDebris = (token: Token) =>
  /^\p{Lu}{2,}\p{Ll}/u.test(token.text) || /^\p{Lu}\p{Ll}{3,}\p{Lu}/u.test(token.text) || token.text.replace(/[^\p{L}]/gu, '').length < 2;

// "Analyst", "Reporter": a job, though compromise also tags an owner before a kin word so ("Kian's mum").
const isJob = (token: Token) => token.tags.has('Actor') && !token.tags.has('Possessive');

/** Whether a word opens a name as a title ("Mr", "President", "Reporter") and is no name itself. */
export function isTitle(token: Token, lexicon: Lexicon): boolean {
  const word = bareTitle(token);
  if (!isCapitalised(token)) return false;
  // "DC Rees", "PC Jones": short titles are written in capitals.
  if (isShouted(token)) return HONORIFICS.has(word) && word.length <= 3;
  // A kin or partner word before a name is a role ("Uncle Rob"); a job title is a title ("Special Counsel Mueller").
  const role = lexicon.roleNouns.get(word);
  const titleOnly = !role || role.nounClass === 'professional';
  return HONORIFICS.has(word) || (TITLES.has(word) && titleOnly) || (token.tags.has('Honorific') && titleOnly);
}

/** Whether a word can be part of a person's name where it stands; `next` is the word after it. */
export function isNameToken(token: Token, next: Token | undefined, ctx: NameContext): boolean {
  const caseless = ctx.caseless === true && !isCapitalised(token);
  if ((!caseless && !isCapitalised(token)) || isShouted(token) || isDebris(token)) return false;
  const word = bare(token);
  const { lexicon } = ctx;
  if (lexicon.notPeople.has(word) || NOT_NAMES.has(word) || lexicon.roleNouns.has(word) || ctx.speakerNames.has(word)) return false;
  if (FUNCTION_TAGS.some((t) => token.tags.has(t)) || TITLES.has(word)) return false;
  // In lower-case text only compromise's own knowledge of names is left: "my boyfriend tony", "tony's mate".
  if (caseless) return token.tags.has('Person') && !token.tags.has('Honorific') && !WORD_TAGS.some((t) => token.tags.has(t));
  if (/['’](t|ve|re|ll|d|m)$/i.test(token.text) || token.text.includes('/')) return false;
  const known = token.tags.has('FirstName') || token.tags.has('LastName');
  // "Stormy Daniels": before a surname, a word the transcript also writes in lower case is a first name.
  const beforeSurname = token.tags.has('Person') && next !== undefined && !stop(token) && isCapitalised(next) && next.tags.has('LastName');
  // "Similarly", "Obviously": an adverb, however compromise tags it at the start of a sentence (names such as Lily are shorter).
  if (/ly$/.test(word) && word.length >= 7 && !known) return false;
  if (ctx.common.has(word) && !known && !beforeSurname) return false;
  // A word the transcript uses as a name elsewhere is one here, whatever compromise makes of it ("Mr. Hall" as a place).
  if (ctx.known.has(word)) return true;
  if (THING_TAGS.some((t) => token.tags.has(t))) return false;
  const person = token.tags.has('Person') && !token.tags.has('Honorific');
  // "Good", "Meaning", "Analyst": words, adjectives and jobs are names only where compromise also knows them as names.
  if ((WORD_TAGS.some((t) => token.tags.has(t)) || isJob(token)) && !known) return false;
  if (person) return true;
  // An unknown capitalised word is a name only where a name would stand: owning something, or doing something.
  const unknown = token.tags.has('ProperNoun') && !ctx.common.has(word);
  return unknown && (token.tags.has('Possessive') || Boolean(next?.tags.has('Verb') && !stop(token)));
}

// After a title only a name can stand: "Special Counsel Mueller", "Mr. Hall" (which compromise takes for a place). After
// a title other than Mr/Mrs/Ms/Dr the word must be no ordinary one: "Court Reporter Then he told me".
function isTitledName(token: Token, ctx: NameContext, title: Token): boolean {
  const word = bare(token);
  const honorific = HONORIFICS.has(bareTitle(title));
  const named = token.tags.has('FirstName') || token.tags.has('LastName');
  // "Mr W": an initial after Mr or Mrs stands for a surname kept back.
  if (honorific && /^\p{Lu}$/u.test(token.text)) return !ctx.speakerNames.has(word);
  return (
    (honorific || named || !ctx.common.has(word)) &&
    !ctx.speakerNames.has(word) &&
    isCapitalised(token) &&
    !isShouted(token) &&
    !isDebris(token) &&
    !FUNCTION_TAGS.some((t) => token.tags.has(t)) &&
    !ctx.lexicon.notPeople.has(word) &&
    !NOT_NAMES.has(word) &&
    !TITLES.has(word) &&
    !ctx.lexicon.roleNouns.has(word)
  );
}

const isSurname = (t: Token) => t.tags.has('LastName') || (t.tags.has('Person') && !t.tags.has('FirstName'));
const isFirstName = (t: Token) => t.tags.has('FirstName') && !t.tags.has('LastName');

// A middle initial between two names: the "J." of "Donald J. Trump".
function isInitial(tokens: Token[], i: number, ctx: NameContext): boolean {
  const t = tokens[i];
  return t !== undefined && /^\p{Lu}$/u.test(t.text) && !/[,;:!?]/.test(t.post) && isNameToken(tokens[i + 1] ?? t, tokens[i + 2], ctx) && i + 1 < tokens.length;
}

// "Donald Trump, Jr.", "Don Junior": the suffix after a name, if any, as the index of its word.
function suffixAt(tokens: Token[], last: number): number | undefined {
  const next = tokens[last + 1];
  if (!next || !SUFFIXES.has(bareTitle(next)) || /[.;:!?]\s*$/.test(tokens[last]!.post.replace(/\.$/, ''))) return undefined;
  return last + 1;
}

/** The spans of a sentence that name people: titles and glued-on words left out, things (shows, hotels, agreements) dropped. */
export function nameSpans(tokens: Token[], ctx: NameContext): Span[] {
  const spans: Span[] = [];
  const isName = (i: number) => i < tokens.length && isNameToken(tokens[i]!, tokens[i + 1], ctx);
  for (let i = 0; i < tokens.length; i++) {
    let first = i;
    // "Mr Hall", "President Donald J. Trump", "Special Counsel Mueller": titles lead the span but a name must follow.
    while (first < tokens.length && isTitle(tokens[first]!, ctx.lexicon) && !stopUnlessAbbrev(tokens[first]!)) first++;
    if (!isName(first) && !(first > i && first < tokens.length && isTitledName(tokens[first]!, ctx, tokens[first - 1]!))) continue;
    let last = first;
    for (;;) {
      if (stop(tokens[last]!) || tokens[last]!.tags.has('Possessive')) break;
      if (isName(last + 1)) last++;
      else if (isInitial(tokens, last + 1, ctx) && isName(last + 2)) last += 2;
      else break;
    }
    // "Mr. Trump David Pecker's request": a first name straight after a surname starts another person.
    for (let k = first; k + 2 <= last; k++) {
      if (isSurname(tokens[k]!) && isFirstName(tokens[k + 1]!) && !isFirstName(tokens[k + 2]!)) {
        last = k;
        break;
      }
    }
    // "Mommy Mommy Mommy": a name said over and over is one name, not a longer one.
    while (last > first && bare(tokens[last]!) === bare(tokens[last - 1]!)) last--;
    const suffix = tokens[last]!.tags.has('Possessive') ? undefined : suffixAt(tokens, last);
    if (suffix !== undefined) last = suffix;
    if (!isThing(tokens, first, last, ctx)) spans.push({ first: i, last });
    i = last;
  }
  return spans;
}

// "Jimmy Kimmel Show", "Bates 017", "the Steele dossier", "a Mea Culpa": a name that names a thing, or a word used as one.
function isThing(tokens: Token[], first: number, last: number, ctx: NameContext): boolean {
  const head = tokens[last + 1];
  const open = !stop(tokens[last]!) && !tokens[last]!.tags.has('Possessive');
  if (THING_HEADS.has(bare(tokens[last]!))) return true;
  if (head && open && THING_HEADS.has(bare(head)) && isCapitalised(head)) return true;
  if (head && open && first === last && (head.tags.has('Value') || /^\d/.test(head.text) || ID_WORDS.has(head.normal))) return true;
  const article = ['the', 'a', 'an'].includes(tokens[first - 1]?.normal ?? '');
  if (article && head && open && /^\p{Ll}/u.test(head.text) && head.tags.has('Noun') && !head.tags.has('Pronoun')) return true;
  return false;
}

/** Whether capitalised words stand alone as a form of address ("Thank you, Judge.", "Yes, Officer"): a title, not a person. */
export function isFormOfAddress(tokens: Token[], first: number, last: number): boolean {
  const words = tokens.slice(first, last + 1);
  if (!words.every(isCapitalised) || !words.some((t) => TITLES.has(bare(t)) || NOT_NAMES.has(bare(t)))) return false;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  return (before === undefined || /,/.test(before.post)) && (after === undefined || /[,.;:!?]/.test(tokens[last]!.post));
}

/** Whether the words between two name spans give the second as another name of the first ("a/k/a", "who also goes by"). */
export function isAka(tokens: Token[], before: Span, after: Span): boolean {
  const between = tokens.slice(before.last + 1, after.first).map((t) => t.normal);
  if (between.length === 0 || between.length > 6) return false;
  return AKAS.some((aka) => aka.length <= between.length && aka.every((w, k) => between[between.length - aka.length + k] === w));
}

// "Mr." ends with a full stop that is no sentence end; any other title followed by punctuation stands alone.
function stopUnlessAbbrev(token: Token): boolean {
  return stop(token) && !(HONORIFICS.has(bareTitle(token)) && /^\.\s*$/.test(token.post));
}

/** Where a span's name words start, past its titles. */
export function nameStart(tokens: Token[], span: Span, lexicon: Lexicon): number {
  let i = span.first;
  while (i < span.last && isTitle(tokens[i]!, lexicon)) i++;
  return i;
}

/** A span's name taken apart (see NameParts). */
export function nameParts(tokens: Token[], span: Span, lexicon: Lexicon): NameParts {
  const start = nameStart(tokens, span, lexicon);
  const honorific = tokens.slice(span.first, start).map(bareTitle).find((w) => HONORIFICS.has(w));
  const words: string[] = [];
  let suffix: string | undefined;
  for (let i = start; i <= span.last; i++) {
    const word = bareTitle(tokens[i]!);
    if (i > start && SUFFIXES.has(word)) suffix = word === 'junior' ? 'jr' : word === 'senior' ? 'sr' : word;
    else if (tokens[i]!.text.length > 1 || i === start) words.push(word);
  }
  const parts: NameParts = { words };
  if (honorific) parts.honorific = honorific;
  if (suffix) parts.suffix = suffix;
  return parts;
}

/** The form of a span to show as a person's name: no titles but Mr/Mrs/Dr before a surname alone, no middle initials. */
export function displayName(text: (first: number, last: number) => string, tokens: Token[], span: Span, lexicon: Lexicon): string {
  const start = nameStart(tokens, span, lexicon);
  const nameWords = span.last - start + 1;
  const keepTitle = nameWords === 1 && start > span.first && HONORIFICS.has(bareTitle(tokens[start - 1]!));
  const from = keepTitle ? start - 1 : start;
  const kept: number[] = [];
  for (let i = from; i <= span.last; i++) if (i === from || i === span.last || tokens[i]!.text.length > 1) kept.push(i);
  // The words kept as written, with what stands between neighbours ("Ellie-Mae", "Donald J. Trump" → "Donald Trump").
  let shown = '';
  kept.forEach((i, k) => {
    const word = text(i, i).replace(/['’]s$/i, '');
    const post = tokens[i - 1]?.post ?? ' ';
    if (k > 0) shown += kept[k - 1] !== i - 1 ? ' ' : /\s/.test(post) ? `${post.trim()} ` : post;
    shown += word;
  });
  return shown.replace(/,$/, '');
}

/** How many name words a span has (titles, initials and suffixes aside): more is a fuller name. */
export function nameWeight(parts: NameParts): number {
  return parts.words.length + (parts.honorific ? 0.5 : 0);
}

// Words after which only a name can stand: "Who is Dean?", "someone called Dean", "I met Dean", and the one-word verbs
// of the relationship frames, whose object is a person: "I represented Ivanka", "she dated Kyle".
const RELATIONSHIP_VERBS = [...relationships.verbs.stated, ...relationships.verbs.denialOnly].flatMap((f) => f.words.filter((w) => !w.includes(' ')));
const NAME_SLOT = new Set(['is', 'called', 'named', 'met', 'ask', 'asked', 'told', 'tell', 'with', 'and', 'like', ...RELATIONSHIP_VERBS]);
const DETERMINERS = new Set(['my', 'our', 'his', 'her', 'their', 'your', 'the', 'a', 'an', 'this', 'that', 'some', 'me']);
// "the Enquirer", "a Mea Culpa": after an article a capitalised word is a thing.
const ARTICLES = new Set(['the', 'a', 'an', 'The', 'An']);
// Prepositions of place: a word met mostly after these is a place ("at Lily" once does not make Lily a place).
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'outside', 'inside']);

/**
 * Words accepted as names anywhere in the transcript, so "Tayla's six" at the start of a sentence is a name too. An
 * unknown capitalised word (Dean, Tayla) counts once it recurs mid-sentence; one-off brands (Calpol, Xbox) do not, nor do
 * words the transcript also writes in lower case (signal, order) or puts after "at"/"on"/"the".
 */
export function nameWords(sentences: ReadonlyArray<{ tokens: Token[] }>, ctx: Omit<NameContext, 'known' | 'common'>): {
  known: Set<string>;
  common: Set<string>;
} {
  // Uses of each word mid-sentence: in lower case, capitalised, capitalised where a thing stands, after "in"/"at".
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  const thingUses = new Map<string, number>();
  const placeUses = new Map<string, number>();
  const count = (map: Map<string, number>, word: string) => map.set(word, (map.get(word) ?? 0) + 1);
  // An owner ("Mueller's Special Counsel") is a person, even where compromise reads the 's as "is".
  const personTagged = (t: Token) => t.tags.has('Person') || t.tags.has('Possessive') || /['’]s$/i.test(t.text);
  for (const { tokens } of sentences) {
    const things = new Set<number>();
    tokens.forEach((t, i) => {
      if (i === 0) return;
      if (/^\p{Ll}/u.test(t.text)) count(lower, bare(t));
      if (!isCapitalised(t) || isShouted(t)) return;
      const before = tokens[i - 1]!;
      // A capital after a label or a stop may start a sentence ("Q Thank you", "MR. BOVE: Now"), so it is not counted.
      const starts = isShouted(before) || /^[QA]$/.test(before.text) || (/[.;:!?"“”—-]/.test(before.post) && !HONORIFICS.has(bareTitle(before)));
      if (!starts) count(capital, bare(t));
      // "the Enquirer", "the book Revenge"; but a capital "A" may be an answer's label ("A Melania.").
      // "your podcast, Mea Culpa", "a place called Lulu's".
      const called = ['called', 'named'].includes(before.normal) && WORK_NOUNS.has(bare(tokens[i - 2] ?? before));
      // "the Mueller probe" uses a person's name of a thing, so says nothing of the name itself.
      const next = tokens[i + 1];
      const attributive = next !== undefined && !stop(t) && /^\p{Ll}/u.test(next.text) && next.tags.has('Noun') && !next.tags.has('Pronoun');
      const article = !stop(before) && ARTICLES.has(before.text) && !attributive;
      const thingSlot = article || (/^[\s,]*$/.test(before.post) && WORK_NOUNS.has(bare(before))) || called;
      // "the Stormy Daniels deal": a word before a surname is a first name, whatever stands before it.
      const after = tokens[i + 1];
      const firstName = after !== undefined && !stop(t) && isCapitalised(after) && after.tags.has('LastName');
      const named = t.tags.has('FirstName') || t.tags.has('LastName') || (t.tags.has('Possessive') && !called) || firstName;
      if (thingSlot && !named) {
        // "a Mea Culpa": the capitalised words that follow belong to the thing too.
        for (let k = i; k < tokens.length && isCapitalised(tokens[k]!) && !personTagged(tokens[k]!); k++) {
          things.add(k);
          if (stop(tokens[k]!)) break;
        }
      }
      if (PLACE_PREPOSITIONS.has(before.normal) && !stop(before) && !t.tags.has('Possessive')) count(placeUses, bare(t));
    });
    // "Political Beat Down Podcast", "Personal Attorney": the words before a thing's head or a title, unless names.
    for (let end = 1; end < tokens.length; end++) {
      const head = bare(tokens[end]!);
      if (!(THING_HEADS.has(head) || TITLES.has(head)) || !isCapitalised(tokens[end]!)) continue;
      for (let k = end - 1; k > 0 && isCapitalised(tokens[k]!) && !stop(tokens[k]!) && !personTagged(tokens[k]!); k--) things.add(k);
    }
    for (const k of things) count(thingUses, bare(tokens[k]!));
  }
  // Ordinary words (mostly written in lower case), things (mostly where a thing stands) and places (only after "in", "at").
  const common = new Set<string>();
  for (const [word, n] of lower) if (n >= (capital.get(word) ?? 0)) common.add(word);
  for (const [word, n] of thingUses) if (2 * n >= (capital.get(word) ?? 0)) common.add(word);
  for (const [word, n] of placeUses) if (n >= 2 && 2 * n > (capital.get(word) ?? 0)) common.add(word);
  const base: NameContext = { ...ctx, known: new Set(), common };
  const words = new Set<string>();
  const seen = new Map<string, number>();
  const unknown = (t: Token) => isCapitalisedUnknown(t, base);
  for (const { tokens } of sentences) {
    tokens.forEach((t, i) => {
      if (i === 0) return;
      if (isNameToken(t, tokens[i + 1], base)) words.add(bare(t));
      else if (unknown(t) && !DETERMINERS.has(tokens[i - 1]!.normal)) seen.set(bare(t), (seen.get(bare(t)) ?? 0) + 1);
    });
  }
  for (const [word, count] of seen) if (count >= 2) words.add(word);
  for (const { tokens } of sentences) {
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      // "Melania Trump": an unknown word just before a surname compromise knows is a first name.
      if (next && !stop(t) && next.tags.has('LastName') && isCapitalised(next) && unknown(t)) words.add(bare(t));
      // "Mr. Hall", "Special Counsel Mueller".
      const titled = i > 0 && isTitle(tokens[i - 1]!, ctx.lexicon) && !stopUnlessAbbrev(tokens[i - 1]!) && isTitledName(t, base, tokens[i - 1]!);
      if (titled && !ctx.speakerNames.has(bare(t))) words.add(bare(t));
    });
  }
  for (const { tokens } of sentences) {
    tokens.forEach((t, i) => {
      if (i > 0 && NAME_SLOT.has(tokens[i - 1]!.normal) && unknown(t)) words.add(bare(t));
    });
  }
  // "Tayla and Brodie": an unknown capitalised word joined to a name is a name.
  for (const { tokens } of sentences) {
    tokens.forEach((t, i) => {
      const partner = tokens[i + 2];
      const joined = tokens[i + 1]?.normal === 'and' || tokens[i + 1]?.normal === 'or';
      if (i > 0 && joined && partner && unknown(t) && (words.has(bare(partner)) || partner.tags.has('Person'))) words.add(bare(t));
    });
  }
  return { known: words, common };
}

function isCapitalisedUnknown(token: Token, ctx: NameContext): boolean {
  const word = bare(token);
  return (
    /^\p{Lu}\p{Ll}/u.test(token.text) &&
    token.tags.has('ProperNoun') &&
    !THING_TAGS.some((t) => token.tags.has(t)) &&
    !FUNCTION_TAGS.some((t) => token.tags.has(t)) &&
    !WORD_TAGS.some((t) => token.tags.has(t)) &&
    !isJob(token) &&
    !/['’](t|ve|re|ll|d|m)$/i.test(token.text) &&
    !ctx.common.has(word) &&
    !ctx.lexicon.notPeople.has(word) &&
    !NOT_NAMES.has(word) &&
    !TITLES.has(word) &&
    !ctx.lexicon.roleNouns.has(word) &&
    !ctx.speakerNames.has(word)
  );
}
