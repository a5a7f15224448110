import type { Analysis, Cue, Sentence } from '../analyse/index.js';
import type { Clue } from '../types.js';
import { childFor, clauseBefore, isAdult, withoutOverlaps } from './child-wellbeing.js';
import { createClue, defineDetector, type Quote } from './detector.js';
import { reportedFromProfessional } from './minimisation.js';
import { quoteList } from './people.js';

type Token = Sentence['tokens'][number];

/** Injuries explained vaguely, minimised, not at all, or differently, one clue per injury. */
export const unexplainedInjury = defineDetector({
  meta: {
    id: 'unexplained-injury',
    kind: 'unexplained-injury',
    severity: 'warning',
    description:
      'An injury the interviewee talks about (bruise, mark, burn, cut, fracture, black eye, swelling, bite, scald) whose ' +
      'explanation is vague or minimising ("he bruises easily", "he must have fallen", "I don\'t know how", "kids get bumps") ' +
      'or missing altogether. One clue per injury, at the interviewee\'s first line about it (her first answer when the ' +
      'interviewer raised it). An error when her account of how it happened changes between two of her turns ' +
      '("he fell off the sofa" then "he banged it on the cot"). Quiet for a plain, specific account that does not change.',
    examples: {
      fires: [
        "SW: How did Riley get the bruise on his cheek?\nMUM: I don't know how. He bruises easily.",
        'SW: How did Riley get the bruise on his cheek?\nMUM: He fell off the sofa.\nSW: The nursery said he told them something different.\nMUM: Oh, no. He banged it on the cot.',
        "HV: What's that mark on her arm?\nMUM: Kids get bumps, don't they. It was nothing.",
      ],
      quiet: [
        'SW: Has he had any injuries?\nMUM: He fell off the climbing frame at nursery and grazed his knee. They rang me and filled in an accident form.',
        'HV: Any bruises or marks?\nMUM: No, nothing like that.',
        'SW: How did he get the bruise on his leg?\nMUM: He fell off his scooter outside the flat on Sunday.\nSW: Okay.\nMUM: Yeah, off the scooter. He was going too fast.',
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    return findInjuries(analysis).flatMap((injury) => {
      const clue = judge(analysis, injury);
      return clue ? [clue] : [];
    });
  },
});

/** How far (in turns) talk of an injury carries on after the last turn that mentioned it or explained it. */
const REACH = 3;

interface Span {
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/** How the interviewee says an injury happened: a mechanism ("fell off", "banged it on") and what it involved. */
interface Account extends Span {
  /** The first thing named: what he fell off, banged it on, or who did it. */
  primary: Set<string>;
  /** Everything named, places included ("at the park"). */
  objects: Set<string>;
  hedged: boolean;
}

interface Injury {
  family: string;
  part?: string;
  label: string;
  /** Injury words, by whoever said them. */
  mentions: Cue[];
  /** The interviewee's first sentence about it, and the words to quote from it. */
  first?: Span;
  raisedBy?: 'interviewer';
  vague: Span[];
  accounts: Account[];
  /** An account of it in anyone's words (the interviewer may name the cause: "the graze from the park"). */
  explained: boolean;
  /** Only asked about ("Did it leave a mark?"), and then denied ("No.") unless she talks about it herself. */
  asked?: boolean;
  denied?: boolean;
}

const FAMILIES: Array<[RegExp, string]> = [
  [/bruis/, 'bruise'],
  [/burn|scald/, 'burn'],
  [/cut|graze|scratch/, 'cut'],
  [/fractur|broke/, 'fracture'],
  [/black eye/, 'black eye'],
  [/swell|swollen|bump|lump|egg/, 'swelling'],
  [/bite|bitten/, 'bite'],
  [/bleed|blood|bled/, 'bleeding'],
  [/mark/, 'mark'],
];
const BODY_PARTS: Record<string, string> = Object.fromEntries(
  (
    'head face cheek cheeks eye eyes ear ears nose lip lips mouth chin jaw neck back chest tummy stomach belly arm arms ' +
    'wrist wrists hand hands finger fingers thumb leg legs knee knees shin shins ankle ankles foot feet toe toes bum bottom ' +
    'thigh thighs shoulder shoulders rib ribs side forehead scalp skull collarbone hip hips elbow elbows'
  )
    .split(' ')
    .map((w) => [w, w.replace(/(?<=[^s])s$/, '').replace(/^feet$/, 'foot').replace(/^ribs$/, 'rib').replace(/^cheeks$/, 'cheek')]),
);

// A mark, a swelling or "the injury" may be any injury; a bruise is not a burn.
const GENERIC = new Set(['mark', 'swelling', 'bleeding', 'injury']);
function compatible(a: string, b: string): boolean {
  return a === b || GENERIC.has(a) || GENERIC.has(b);
}

function familyOf(text: string): string {
  const lower = text.toLowerCase();
  return FAMILIES.find(([re]) => re.test(lower))?.[1] ?? 'injury';
}

const YES_NO = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'can', 'could', 'would', 'any']);
const NO = new Set(['no', 'nope', 'nah', 'never', 'not']);

// "Any bruises?", "no marks on him", "if he'd had a bruise": not an injury anyone has.
const NOT_THERE = new Set(['any', 'no', 'not', 'never', 'if', 'without', 'none', 'anything']);

function findInjuries(analysis: Analysis): Injury[] {
  const injuries: Injury[] = [];
  const vagueCues = analysis.cues.filter((c) => c.type === 'injuryVague');
  const injuryCues = analysis.cues.filter((c) => c.type === 'injury');
  let active: Injury[] = [];
  let touched = -Infinity;
  // The injuries the interviewer's latest turn raised or followed up: her next turn answers about them.
  let asked: Injury[] = [];
  // The injuries the current interviewee turn has mentioned so far.
  let mentionedInTurn: Injury[] = [];
  let previous: Sentence | undefined;

  for (const sentence of analysis.sentences) {
    if (sentence.role === 'other') continue;
    const turn = sentence.utterance.index;
    const newTurn = previous?.utterance.index !== turn;
    previous = sentence;
    if (newTurn && sentence.role === 'interviewer') asked = [];
    if (newTurn) mentionedInTurn = [];
    if (turn - touched > REACH) active = [];
    const vague = vagueCues.filter((c) => c.sentence === sentence.index);
    const mentions = injuryCues.filter(
      (c) => c.sentence === sentence.index && !vague.some((v) => v.start < c.end && c.start < v.end) && isReal(analysis, sentence, c),
    );
    const here: Injury[] = [];
    for (const cue of mentions) {
      const injury = resolve(injuries, active, sentence, cue);
      injury.mentions.push(cue);
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
    const spoken = vague.filter((c) => !reportedFromProfessional(analysis, sentence, c.start));
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
        const own = mentions.find((c) => injury.mentions.includes(c));
        const earliest = [...(talking ? spoken : aboutInjury).map(span), ...accounts].sort((a, b) => a.start - b.start)[0];
        injury.first = own ? injurySpan(sentence, own) : (earliest ?? wholeSentence(sentence));
      }
    }
  }
  return injuries.filter((i) => i.first && !i.denied);
}

// Vague words that can only be about an injury, as against "I don't know" or "it was nothing".
const INJURY_WORDS = /bruis|bump|knock|fall|fell|bang|clumsy|accident|prone|trip|slip|mark|scratch|graze|tap|himself|herself|appeared|came up|woke/i;

// Words of an interviewer's sentence that show it is still about an injury: "it", "that", "how did that happen?", the
// injury or body part ("the bruise", "his arm"), a mechanism ("when Ellis fell"), or something her account named
// ("Who was with Tyler at the park?").
const FOLLOWS_UP = /\b(it|that|this|them|those|happen\w*|explain|how come|why|cause\w*)\b/i;
function followsUp(sentence: Sentence, injury: Injury): boolean {
  if (FOLLOWS_UP.test(sentence.text)) return true;
  const known = new Set([...injury.accounts.flatMap((a) => [...a.objects]), ...injury.label.toLowerCase().split(/\W+/)]);
  known.delete('his');
  known.delete('her');
  known.delete('on');
  return sentence.tokens.some((t) => known.has(t.normal) || NEEDS_PLACE.has(t.normal) || AGENTIVE.has(t.normal));
}

// An injury somebody has, not one asked about in general ("any bruises?"), denied ("no marks on him"), or the
// speaker's or another adult's own ("I burnt my hand", "my mum broke her wrist").
function isReal(analysis: Analysis, sentence: Sentence, cue: Cue): boolean {
  const { tokens } = clauseBefore(sentence, cue.start);
  if (tokens.slice(-4).some((t) => NOT_THERE.has(t.normal) || t.tags.has('Negative'))) return false;
  const near = sentence.tokens.filter((t) => t.end > cue.start - 25 && t.start < cue.end + 20);
  const ownerOfPart = near.findIndex((t, k) => ['my', 'myself'].includes(t.normal) && (t.normal === 'myself' || BODY_PARTS[near[k + 1]?.normal ?? ''] !== undefined));
  if (ownerOfPart >= 0) return false;
  if (tokens.slice(-2).some((t) => t.normal === 'i')) return false;
  // "My mum's wrist", "Steven's hand": a named or role-word owner who is an adult. ("Her arm" is left alone: which
  // "her" it is can be misread, and a child's injury must not be lost to that.)
  const mentions = analysis.roster.bySentence[sentence.index] ?? [];
  const owner = mentions.find(
    (m) => m.kind !== 'pronoun' && m.end <= cue.end + 12 && m.start >= cue.start - 12 && /['’]s$/.test(sentence.tokens[m.last]!.text),
  );
  return !(owner && isAdult(analysis.roster.people[owner.personId]!));
}

// The injury a mention means: the same body part or the same kind of injury as one already talked about, else new.
function resolve(injuries: Injury[], active: Injury[], sentence: Sentence, cue: Cue): Injury {
  const family = familyOf(cue.text);
  const part = bodyPartNear(sentence, cue);
  const fits = (i: Injury) => compatible(i.family, family);
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
  const injury: Injury = { family, label: labelOf(sentence, cue), mentions: [], vague: [], accounts: [], explained: false };
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

function span(c: { sentence: number; start: number; end: number; text: string }): Span {
  return { sentence: c.sentence, start: c.start, end: c.end, text: c.text };
}

function wholeSentence(sentence: Sentence): Span {
  return { sentence: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text };
}

// Verbs that say how an injury happened. A fall or a knock needs what it was off, on or into; a burn or a bite may
// name its object directly ("touched the oven door") or its doer ("the dog bit him").
const NEEDS_PLACE = new Set([
  'fall', 'fell', 'fallen', 'falling', 'falls', 'trip', 'tripped', 'tripping', 'slip', 'slipped', 'slipping', 'roll', 'rolled',
  'tumble', 'tumbled', 'toppled', 'jump', 'jumped', 'jumping', 'climb', 'climbed', 'climbing', 'ran', 'run', 'running', 'walked', 'walk',
  'crash', 'crashed', 'bang', 'banged', 'bump', 'bumped', 'knock', 'knocked', 'hit', 'catch', 'caught', 'trap', 'trapped',
  'slammed', 'shut', 'landed', 'came', 'come', 'coming',
]);
const DIRECT = new Set([
  'burnt', 'burned', 'burn', 'scalded', 'touched', 'touch', 'grabbed', 'pulled', 'spilled', 'spilt', 'tipped', 'knocked',
]);
const AGENTIVE = new Set(['bit', 'bite', 'bitten', 'scratched', 'pushed', 'shoved', 'kicked', 'hit', 'threw', 'thrown', 'dropped', 'pinched', 'grabbed', 'smacked', 'slapped']);
const PLAYING = new Set(['playing']);
const BARE_FALLS = new Set(['fall', 'fell', 'fallen', 'falling', 'falls', 'trip', 'tripped', 'slip', 'slipped', 'tumble', 'tumbled', 'bang', 'banged', 'bump', 'bumped', 'knock', 'knocked']);
const PREPOSITIONS = new Set(['off', 'on', 'onto', 'into', 'against', 'over', 'from', 'down', 'in', 'at', 'out', 'under', 'through', 'up', 'by', 'with', 'round', 'near', 'of']);
const HEDGES = new Set(['must', 'might', 'may', 'could', 'probably', 'maybe', 'perhaps', 'think', 'guess', 'suppose', 'assume', 'reckon', 'possibly']);
const NOT_OBJECTS = new Set([
  'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'time', 'minute', 'minutes', 'hour', 'way', 'bit', 'lot',
  'while', 'something', 'anything', 'nothing', 'thing', 'purpose', 'accident', 'own', 'asleep', 'today', 'yesterday', 'tonight',
]);

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

/** The accounts of how an injury happened in a sentence: "fell off the climbing frame", "the dog bit him", "must have fallen". */
function accountsIn(sentence: Sentence, injuries: readonly Cue[]): Account[] {
  const { tokens } = sentence;
  const found: Account[] = [];
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
    if (clause.slice(-3).some((c) => c.tags.has('Negative') || c.normal === 'not' || c.normal === 'never')) return;
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

// The child hurt: someone named with the injury who is not an adult ("a bruise on Kai's back", "How did Riley get the
// bruise?"), else the child the talk is about.
function injuredChild(analysis: Analysis, injury: Injury): string {
  for (const cue of injury.mentions) {
    const sentence = analysis.sentences[cue.sentence]!;
    const own = injurySpan(sentence, cue);
    const { tokens: clause } = clauseBefore(sentence, cue.start);
    for (const m of analysis.roster.bySentence[cue.sentence] ?? []) {
      const person = analysis.roster.people[m.personId]!;
      if (m.kind !== 'name' || isAdult(person) || (person.personClass !== 'child' && person.personClass !== 'unknown')) continue;
      const inside = m.start >= own.start && m.end <= own.end;
      const between = clause.filter((t) => t.start >= m.end);
      const hasIt = m.end <= cue.start && clause.some((t) => t.start === m.start || (t.start < m.start && t.end >= m.end)) &&
        between.length <= 3 && between.some((t) => HAVE.has(t.normal)) && between.every((t) => HAVE.has(t.normal) || LINKS.has(t.normal));
      if (inside || hasIt || person.personClass === 'child') return person.name;
    }
  }
  return childFor(analysis, injury.mentions[0]!.sentence, injury.mentions[0]!.end);
}

const HAVE = new Set(['has', 'have', 'had', 'got', 'get', 'gets', 'getting']);
const LINKS = new Set(['is', 'did', 'does', 'do', 'just', 'also', 'still', 'only', 'been', 'a', 'an', 'the', 'this', 'that', 'some', 'big', 'little', 'nasty']);

// A changed account: two of the same speaker's turns whose accounts name different things, and neither turn names
// what the other says it was ("fell off the sofa" then "banged it on the cot").
function changedAccount(analysis: Analysis, accounts: Account[]): [Account, Account] | undefined {
  const specific = accounts.filter((a) => a.primary.size > 0);
  const turnOf = (a: Account) => analysis.sentences[a.sentence]!.utterance;
  for (let k = 1; k < specific.length; k++) {
    const later = specific[k]!;
    const laterTurn = turnOf(later);
    const sameTurnLater = specific.filter((a) => turnOf(a).index === laterTurn.index);
    const laterAll = new Set(sameTurnLater.flatMap((a) => [...a.objects]));
    const laterPrimary = new Set(sameTurnLater.flatMap((a) => [...a.primary]));
    const earlierTurns = specific.slice(0, k).filter((a) => turnOf(a).index !== laterTurn.index && turnOf(a).speaker === laterTurn.speaker);
    if (earlierTurns.length === 0) continue;
    const earlierAll = new Set(earlierTurns.flatMap((a) => [...a.objects]));
    const earlierPrimary = new Set(earlierTurns.flatMap((a) => [...a.primary]));
    const agrees = [...laterPrimary].some((w) => earlierAll.has(w)) || [...earlierPrimary].some((w) => laterAll.has(w));
    if (!agrees) return [earlierTurns[0]!, later];
  }
  return undefined;
}

function judge(analysis: Analysis, injury: Injury): Clue | undefined {
  const first = injury.first!;
  const own = injury.accounts;
  const changed = changedAccount(analysis, own);
  const specific = own.filter((a) => a.primary.size > 0);
  // Vague: the lexicon's words, a hedged account ("I think he fell off the bed"), or a bare one ("he fell over")
  // when nothing more specific is ever said.
  const weak = [
    ...injury.vague,
    ...own.filter((a) => a.hedged),
    ...(specific.length === 0 && !injury.explained ? own.filter((a) => a.primary.size === 0) : []),
  ];
  const vague = withoutOverlaps(weak);
  const what = injury.raisedBy ? `${injury.label} (raised by the interviewer)` : injury.label;
  let message: string;
  let severity: Clue['severity'] = 'warning';
  let quotes: Span[];
  if (changed) {
    severity = 'error';
    const [before, after] = changed;
    const also = vague.filter((v) => ![before, after].some((a) => a.sentence === v.sentence && a.start < v.end && v.start < a.end));
    message =
      `${what}: the account of how it happened changes, "${before.text}" then "${after.text}"` +
      (also.length > 0 ? `, and it is put down to ${quoteList(also.map((v) => v.text))}` : '') +
      '; an injury explained differently each time needs a clear account';
    quotes = [first, before, after, ...also];
  } else if (vague.length > 0) {
    message = `${what}: explained only vaguely or played down, ${quoteList(vague.map((v) => v.text))}; an injury without a clear account of how it happened needs one`;
    quotes = [first, ...vague];
  } else if (specific.length === 0 && !injury.explained) {
    message = `${what}: no account of how it happened is given; an injury without an explanation needs one`;
    quotes = [first];
  } else {
    return undefined;
  }
  const shown = withoutOverlaps(quotes);
  // The clue sits on her first line about the injury, whatever order the evidence is in.
  const at = shown.findIndex((q) => q.sentence === first.sentence && q.start <= first.start && first.start < q.end);
  return createClue(analysis, {
    meta: unexplainedInjury.meta,
    severity,
    who: injuredChild(analysis, injury),
    message,
    quotes: shown.map((q): Quote => ({ sentence: q.sentence, start: q.start, end: q.end })),
    at: Math.max(0, at),
  });
}
