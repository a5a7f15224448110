// The clause, negation, reported-speech and adult tests are the detectors' own: an injury must be found by the same
// reading of a sentence that later judges it.
import { clauseBefore, isNegative, reportedFromProfessional, withoutOverlaps } from './speech.js';
import { isAdult } from './people.js';
import { anyStem, INJURY_KINDS, wholeWords, WORDS } from './lexicon.js';
import type { Cue } from './cues.js';
import type { Roster } from './people.js';
import type { Sentence, Token } from './sentences.js';

// The words of injury accounts (src/lexicon/injuries.json).
const INJURY_LEXICON = WORDS.injuries;

/** Quoted words of one sentence: where they are and what they say, as a cue has them. */
export type Span = Pick<Cue, 'sentence' | 'start' | 'end' | 'text'>;

/** How the interviewee says an injury happened: a mechanism ("fell off", "banged it on") and what it involved. */
export interface InjuryAccount extends Span {
  /** The first thing named: what he fell off, banged it on, or who did it. */
  primary: Set<string>;
  /** Everything named, places included ("at the park"). */
  objects: Set<string>;
  /** Put as a guess: "must have", "I think", "probably". */
  hedged: boolean;
}

/** Words naming an injury, by whoever said them. */
export interface InjuryMention {
  cue: Cue;
  /** The injury words with their body part, as quoted: "bruise on his arm", not "a bruise on". */
  words: Span;
}

/** An injury somebody has that the interview talks about, with everything the interviewee said of how it happened. */
export interface Injury {
  /** bruise, burn, cut, fracture, black eye, swelling, bite, bleeding, mark, or plain injury. */
  family: string;
  /** The body part, once anyone names it ("cheek", "arm"). */
  part?: string;
  /** The injury as first named with its body part: "bruise on his cheek". */
  label: string;
  /** Every mention of it, by anyone, in order. */
  mentions: InjuryMention[];
  /** The interviewee's first sentence about it, and the words to quote from it. */
  first: Span;
  /** Set when the interviewer named it before she did. */
  raisedBy?: 'interviewer';
  /** Vague or minimising words the interviewee used of it ("he bruises easily", "I don't know how"). */
  vague: Span[];
  /** Her accounts of how it happened, in transcript order, hedged and bare ones ("he fell over") included. */
  accounts: InjuryAccount[];
  /** An account of it in anyone's words (the interviewer may name the cause: "the graze from the park"). */
  explained: boolean;
}

// While it is being tracked an injury may not have her first line yet, or may turn out to be denied.
interface Tracked extends Omit<Injury, 'first'> {
  first?: Span;
  /** Only asked about ("Did it leave a mark?"), and then denied ("No.") unless she talks about it herself. */
  asked?: boolean;
  denied?: boolean;
}

/** How far (in turns) talk of an injury carries on after the last turn that mentioned it or explained it. */
const REACH = 3;

const BODY_PARTS: Record<string, string> = Object.fromEntries(
  INJURY_LEXICON.bodyParts.map((w) => [w, w.replace(/(?<=[^s])s$/, '').replace(/^feet$/, 'foot').replace(/^ribs$/, 'rib').replace(/^cheeks$/, 'cheek')]),
);

// A mark, a swelling or "the injury" (words of no kind) may be any injury; a bruise is not a burn.
const GENERIC = new Set([...INJURY_KINDS.filter((k) => k.anyInjury).map((k) => k.kind), 'injury']);
function compatible(a: string, b: string): boolean {
  return a === b || GENERIC.has(a) || GENERIC.has(b);
}

function familyOf(text: string): string {
  const lower = text.toLowerCase();
  return INJURY_KINDS.find((k) => k.stems.test(lower))?.kind ?? 'injury';
}

const YES_NO = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'can', 'could', 'would', 'any']);
const NO = new Set(['no', 'nope', 'nah', 'never', 'not']);

// "Any bruises?", "no marks on him", "if he'd had a bruise": not an injury anyone has.
const NOT_THERE = new Set(['any', 'no', 'not', 'never', 'if', 'without', 'none', 'anything']);

/** The injuries the interviewee speaks to (her own or put to her), each with its mentions, vague words and accounts. */
export function findInjuries(sentences: Sentence[], cues: Cue[], roster: Roster): Injury[] {
  const injuries: Tracked[] = [];
  const vagueCues = cues.filter((c) => c.type === 'injuryVague');
  const injuryCues = cues.filter((c) => c.type === 'injury');
  let active: Tracked[] = [];
  let touched = -Infinity;
  // The injuries the interviewer's latest turn raised or followed up: her next turn answers about them.
  let asked: Tracked[] = [];
  // The injuries the current interviewee turn has mentioned so far.
  let mentionedInTurn: Tracked[] = [];
  let previous: Sentence | undefined;

  for (const sentence of sentences) {
    if (sentence.role === 'other') continue;
    const turn = sentence.utterance.index;
    const newTurn = previous?.utterance.index !== turn;
    previous = sentence;
    if (newTurn && sentence.role === 'interviewer') asked = [];
    if (newTurn) mentionedInTurn = [];
    if (turn - touched > REACH) active = [];
    const vague = vagueCues.filter((c) => c.sentence === sentence.index);
    const mentions = injuryCues.filter(
      (c) => c.sentence === sentence.index && !vague.some((v) => v.start < c.end && c.start < v.end) && isReal(roster, sentence, c),
    );
    const here: Tracked[] = [];
    for (const cue of mentions) {
      const injury = resolve(injuries, active, sentence, cue);
      injury.mentions.push({ cue, words: injurySpan(sentence, cue) });
      if (!here.includes(injury)) here.push(injury);
    }
    if (here.length > 0) {
      active = here;
      touched = turn;
    }
    if (active.length === 0) continue;
    const accounts = accountsIn(sentence, mentions);
    if (accounts.some((a) => a.primary.size > 0 && !a.hedged) && (sentence.role === 'interviewee' || here.length > 0)) {
      for (const injury of active) injury.explained = true;
    }
    if (sentence.role === 'interviewer') {
      for (const injury of here) {
        if (injury.first) continue;
        injury.raisedBy = 'interviewer';
        if (sentence.question && YES_NO.has(sentence.tokens[0]?.normal ?? '')) injury.asked = true;
      }
      const followed = here.length > 0 ? here : active.filter((i) => followsUp(sentence, i));
      for (const injury of followed) if (!asked.includes(injury)) asked.push(injury);
      if (followed.length > 0) touched = turn;
      continue;
    }
    for (const injury of here) if (!mentionedInTurn.includes(injury)) mentionedInTurn.push(injury);
    if (sentence.question) continue;
    const spoken = vague.filter((c) => !reportedFromProfessional({ roster }, sentence, c.start));
    // Words that can only be about an injury ("fell off the bunk bed", "he bruises easily") count while it is being
    // talked about; "I don't know" or "it was nothing" only in a turn that names it or answers a question about it.
    const aboutInjury = spoken.filter((c) => INJURY_WORDS.test(c.text));
    for (const injury of active) {
      const answering = asked.includes(injury);
      const talking = answering || mentionedInTurn.includes(injury);
      if (!talking && aboutInjury.length === 0 && !accounts.some((a) => a.primary.size > 0)) continue;
      touched = turn;
      if (here.includes(injury)) injury.asked = injury.denied = false;
      // "Did it leave a mark?" "No.": there is no injury to explain.
      if (answering && injury.asked && !injury.first && NO.has(sentence.tokens[0]?.normal ?? '')) injury.denied = true;
      if (injury.denied) continue;
      injury.vague.push(...(talking ? spoken : aboutInjury).map(span));
      injury.accounts.push(...(talking ? accounts : accounts.filter((a) => a.primary.size > 0)));
      // Her first line about it: where she mentions it, or the first thing she says after the interviewer raised it.
      if (!injury.first) {
        const own = injury.mentions.find((m) => mentions.includes(m.cue));
        const earliest = [...(talking ? spoken : aboutInjury).map(span), ...accounts].sort((a, b) => a.start - b.start)[0];
        injury.first = own ? own.words : (earliest ?? wholeSentence(sentence));
      }
    }
  }
  return injuries.filter((i): i is Tracked & Pick<Injury, 'first'> => i.first !== undefined && !i.denied);
}

// Vague words that can only be about an injury, as against "I don't know" or "it was nothing".
const INJURY_WORDS = anyStem(INJURY_LEXICON.injuryOnly, 'i');

// Words of an interviewer's sentence that show it is still about an injury: "it", "that", "how did that happen?", the
// injury or body part ("the bruise", "his arm"), a mechanism ("when Ellis fell"), or something her account named
// ("Who was with Tyler at the park?").
const FOLLOWS_UP = wholeWords(INJURY_LEXICON.followsUp, 'i');
function followsUp(sentence: Sentence, injury: Tracked): boolean {
  if (FOLLOWS_UP.test(sentence.text)) return true;
  const known = new Set([...injury.accounts.flatMap((a) => [...a.objects]), ...injury.label.toLowerCase().split(/\W+/)]);
  known.delete('his');
  known.delete('her');
  known.delete('on');
  return sentence.tokens.some((t) => known.has(t.normal) || NEEDS_PLACE.has(t.normal) || AGENTIVE.has(t.normal));
}

// An injury somebody has, not one asked about in general ("any bruises?"), denied ("no marks on him"), or the
// speaker's or another adult's own ("I burnt my hand", "my mum broke her wrist").
function isReal(roster: Roster, sentence: Sentence, cue: Cue): boolean {
  const { tokens } = clauseBefore(sentence, cue.start);
  if (tokens.slice(-4).some((t) => NOT_THERE.has(t.normal) || t.tags.has('Negative'))) return false;
  const near = sentence.tokens.filter((t) => t.end > cue.start - 25 && t.start < cue.end + 20);
  const ownerOfPart = near.findIndex((t, k) => ['my', 'myself'].includes(t.normal) && (t.normal === 'myself' || BODY_PARTS[near[k + 1]?.normal ?? ''] !== undefined));
  if (ownerOfPart >= 0) return false;
  if (tokens.slice(-2).some((t) => t.normal === 'i')) return false;
  // "My mum's wrist", "Steven's hand": a named or role-word owner who is an adult. ("Her arm" is left alone: which
  // "her" it is can be misread, and a child's injury must not be lost to that.)
  const mentions = roster.bySentence[sentence.index] ?? [];
  const owner = mentions.find(
    (m) => m.kind !== 'pronoun' && m.end <= cue.end + 12 && m.start >= cue.start - 12 && /['’]s$/.test(sentence.tokens[m.last]!.text),
  );
  return !(owner && isAdult(roster.people[owner.personId]!));
}

// The injury a mention means: the same body part or the same kind of injury as one already talked about, else new.
function resolve(injuries: Tracked[], active: Tracked[], sentence: Sentence, cue: Cue): Tracked {
  const family = familyOf(cue.text);
  const part = bodyPartNear(sentence, cue);
  const fits = (i: Tracked) => compatible(i.family, family);
  const known =
    (part !== undefined ? injuries.find((i) => i.part === part && fits(i)) : undefined) ??
    active.find((i) => (i.part === undefined || part === undefined) && fits(i)) ??
    injuries.find((i) => i.family === family && (i.part === undefined || part === undefined || i.part === part));
  if (known) {
    if (!known.part && part) {
      known.part = part;
      known.label = labelOf(sentence, cue);
    }
    return known;
  }
  const injury: Tracked = { family, label: labelOf(sentence, cue), mentions: [], vague: [], accounts: [], explained: false };
  if (part) injury.part = part;
  injuries.push(injury);
  return injury;
}

// A body part named with the injury: inside it ("broken arm"), after it ("bruise on his arm") or before ("his arm was
// swollen"). Outside the injury words the part must be someone's ("his", "Ellis's"): "go back to the bruise" is no back.
function bodyPartNear(sentence: Sentence, cue: Cue): string | undefined {
  const { tokens } = sentence;
  const owned = (k: number) => {
    const before = tokens[k - 1];
    return before !== undefined && (before.tags.has('Possessive') || /['’]s$/.test(before.text) || ['his', 'her', 'their', 'my', 'your'].includes(before.normal));
  };
  const at = (pred: (t: Token) => boolean) => tokens.map((t, k) => ({ t, k })).filter(({ t }) => pred(t));
  const inside = at((t) => t.start >= cue.start && t.end <= cue.end);
  const after = at((t) => t.start >= cue.end).slice(0, 4);
  const before = at((t) => t.end <= cue.start).slice(-3).reverse();
  for (const { t, k } of [...inside, ...after, ...before]) {
    const part = BODY_PARTS[t.normal.replace(/['’]s$/, '')];
    if (part && (inside.some((i) => i.k === k) || owned(k))) return part;
  }
  return undefined;
}

// "bruise on his arm", "mark on her arm", "black eye": the injury words with their body part, without a leading "a"
// or a dangling "on".
function injurySpan(sentence: Sentence, cue: Cue): Span {
  const text = sentence.utterance.text;
  const part = bodyPartNear(sentence, cue);
  const partToken = part === undefined ? undefined : sentence.tokens.find((t) => t.start >= cue.end && BODY_PARTS[t.normal] === part && t.start - cue.end < 20);
  let start = cue.start;
  let end = partToken ? partToken.end : cue.end;
  const lead = /^((a|an|the|that|this|some|those|these|was|is|were|been|started|kept|still)\s+)+/i.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  const trail = /\s+(on|to|from|in)$/i.exec(text.slice(start, end));
  if (trail) end -= trail[0].length;
  return { sentence: sentence.index, start, end, text: text.slice(start, end) };
}

function labelOf(sentence: Sentence, cue: Cue): string {
  return injurySpan(sentence, cue).text;
}

function span(c: Span): Span {
  return { sentence: c.sentence, start: c.start, end: c.end, text: c.text };
}

function wholeSentence(sentence: Sentence): Span {
  return { sentence: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text };
}

// Verbs that say how an injury happened. A fall or a knock needs what it was off, on or into; a burn or a bite may
// name its object directly ("touched the oven door") or its doer ("the dog bit him").
const { needsPlace, direct, agentive, playing, bareFalls } = INJURY_LEXICON.mechanisms;
const NEEDS_PLACE = new Set(needsPlace);
const DIRECT = new Set(direct);
const AGENTIVE = new Set(agentive);
const PLAYING = new Set(playing);
const BARE_FALLS = new Set(bareFalls);
const PREPOSITIONS = new Set(['off', 'on', 'onto', 'into', 'against', 'over', 'from', 'down', 'in', 'at', 'out', 'under', 'through', 'up', 'by', 'with', 'round', 'near', 'of']);
const HEDGES = new Set(INJURY_LEXICON.hedges);
const NOT_OBJECTS = new Set(INJURY_LEXICON.notObjects);

function isObjectWord(t: Token): boolean {
  return (
    t.tags.has('Noun') &&
    !t.tags.has('Pronoun') &&
    !t.tags.has('Date') &&
    !PREPOSITIONS.has(t.normal) &&
    !NOT_OBJECTS.has(t.normal) &&
    BODY_PARTS[t.normal] === undefined &&
    t.text !== ''
  );
}

// The nouns of the phrase starting at `from`: "the big slide" → slide; "the climbing frame" → climbing, frame.
function phraseAt(tokens: Token[], from: number): { nouns: string[]; end: number } {
  let k = from;
  const skip = (t: Token) => !isObjectWord(t) && !t.tags.has('Pronoun') && !PREPOSITIONS.has(t.normal) && !t.tags.has('Verb');
  while (k < tokens.length && k < from + 3 && skip(tokens[k]!) && !/[,;:.]/.test(tokens[k - 1]?.post ?? '')) k++;
  const nouns: string[] = [];
  // Possessive pronouns ("his bike") are part of the phrase, other pronouns end it ("on him").
  while (k < tokens.length && (isObjectWord(tokens[k]!) || (nouns.length === 0 && tokens[k]!.tags.has('Possessive')))) {
    if (isObjectWord(tokens[k]!)) nouns.push(tokens[k]!.normal.replace(/['’]s$/, ''));
    if (/[,;:.]/.test(tokens[k]!.post)) {
      k++;
      break;
    }
    k++;
  }
  return { nouns, end: k - 1 };
}

// The accounts of how an injury happened in a sentence: "fell off the climbing frame", "the dog bit him", "must have fallen".
function accountsIn(sentence: Sentence, injuries: readonly Cue[]): InjuryAccount[] {
  const { tokens } = sentence;
  const found: InjuryAccount[] = [];
  // "a bruise on his leg from football": what it came from, named right after the injury words ("from his dad's",
  // later in the sentence, says where he had been, not how it happened).
  const ends = new Set(injuries.map((c) => injurySpan(sentence, c).end));
  tokens.forEach((t, i) => {
    if (t.normal !== 'from' || !ends.has(tokens[i - 1]?.end ?? -1)) return;
    const phrase = phraseAt(tokens, i + 1);
    if (phrase.nouns.length === 0) return;
    const end = tokens[phrase.end]!.end;
    found.push({
      sentence: sentence.index,
      start: t.start,
      end,
      text: sentence.utterance.text.slice(t.start, end),
      primary: new Set(phrase.nouns),
      objects: new Set(phrase.nouns),
      hedged: false,
    });
  });
  tokens.forEach((t, i) => {
    const word = t.normal;
    if (!NEEDS_PLACE.has(word) && !DIRECT.has(word) && !AGENTIVE.has(word) && !PLAYING.has(word)) return;
    // "I heard a bang": the word must be the verb.
    if (!t.tags.has('Verb')) return;
    if ((word === 'came' || word === 'come' || word === 'coming') && !['off', 'out'].includes(tokens[i + 1]?.normal ?? '')) return;
    if (tokens[i + 1]?.normal === 'asleep') return;
    const { tokens: clause } = clauseBefore(sentence, t.start);
    if (clause.slice(-3).some(isNegative)) return;
    const primary = new Set<string>();
    const objects = new Set<string>();
    let start = t.start;
    let end = t.end;
    if (AGENTIVE.has(word)) {
      const agent = clause.slice(-3).filter(isObjectWord).pop();
      if (agent) {
        primary.add(agent.normal.replace(/['’]s$/, ''));
        objects.add(agent.normal.replace(/['’]s$/, ''));
        const determiner = clause[clause.indexOf(agent) - 1];
        start = determiner && !determiner.tags.has('Verb') ? determiner.start : agent.start;
      }
    }
    if ((DIRECT.has(word) || PLAYING.has(word)) && primary.size === 0) {
      const direct = phraseAt(tokens, i + 1);
      direct.nouns.forEach((n) => {
        primary.add(n);
        objects.add(n);
      });
    }
    // Follow prepositions for a few words: "banged his head on the cot", "came off the big slide at the park".
    for (let k = i + 1; k < tokens.length && k <= i + 7; k++) {
      if (/[,;:.]/.test(tokens[k - 1]!.post)) break;
      const p = tokens[k]!;
      if (k > i + 1 && p.tags.has('Verb') && !PREPOSITIONS.has(p.normal) && !p.tags.has('Gerund')) break;
      if (!PREPOSITIONS.has(p.normal)) continue;
      // "came off", "fell over": a particle with nothing after it still belongs to the words quoted.
      if (k === i + 1) end = p.end;
      const phrase = phraseAt(tokens, k + 1);
      if (phrase.nouns.length === 0) continue;
      if (primary.size === 0) phrase.nouns.forEach((n) => primary.add(n));
      phrase.nouns.forEach((n) => objects.add(n));
      k = phrase.end;
      if (objects.size >= 3) break;
    }
    if (PLAYING.has(word) && primary.size === 0) return;
    // With nothing named, only a fall or a knock is an account at all ("he fell over"); "he walked to school" is not.
    if (primary.size === 0 && !BARE_FALLS.has(word)) return;
    const hedge = clause.slice(-4).find((c) => HEDGES.has(c.normal));
    const hedged = hedge !== undefined;
    // "must have fallen off the sofa": the hedge is part of the words quoted.
    if (hedge && hedge.start < start) start = hedge.start;
    const text = sentence.utterance.text;
    // Quote as far as the first thing named: "fell off the climbing frame", not the rest of the sentence.
    const quoteEnd = firstObjectEnd(tokens, i, primary) ?? end;
    found.push({ sentence: sentence.index, start, end: quoteEnd, text: text.slice(start, quoteEnd), primary, objects, hedged });
  });
  // "banged his head on the cot" is one account, not two ("banged", "hit") nor a fragment of one.
  return withoutOverlaps(found);
}

function firstObjectEnd(tokens: Token[], from: number, primary: Set<string>): number | undefined {
  for (let k = from + 1; k < tokens.length && k <= from + 8; k++) {
    if (primary.has(tokens[k]!.normal.replace(/['’]s$/, ''))) {
      let last = k;
      while (tokens[last + 1] && primary.has(tokens[last + 1]!.normal.replace(/['’]s$/, ''))) last++;
      return tokens[last]!.end;
    }
  }
  return undefined;
}
