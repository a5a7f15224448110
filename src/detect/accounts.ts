import { isNegative } from '../analyse/speech.js';
import { isAssertion, isCalled, type Analysis, type InjuryAccount, type Sentence } from '../analyse/index.js';
import { quote, sentenceQuote, speakerOf, type Conflict } from './conflict.js';
import { cuesIn, nextTurnStart, push, sentencesOfTurn } from './lookup.js';
import { PRESENCE, cuesAbout, groupBy, injuredChild, isAdultLayperson, quoteList } from './people.js';

/** Accounts that change: answers that flip, words taken back, where the child was, how an injury happened. */

const YES = new Set(['yes', 'yeah', 'yep', 'yup', 'aye', 'once', 'sometimes', 'occasionally']);
const NO = new Set(['no', 'nope', 'nah', 'never', 'nobody', 'noone']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'does', 'do', 'did', 'is', 'was', 'were', 'are', 'can', 'could', 'will', 'would']);
const ANYONE = new Set(['anyone', 'anybody', 'someone', 'somebody']);

interface Answer {
  level: string;
  about: number | 'anyone';
  yes: boolean;
  question: Sentence;
  answer: Sentence;
}

// "Has anyone else looked after him?" "No." … "Has Dean ever had him?" "Yeah, a couple of times."
function answers(analysis: Analysis): Answer[] {
  const found: Answer[] = [];
  const firstOf = new Map<number, Sentence>();
  for (const s of analysis.sentences) if (!firstOf.has(s.utterance.index)) firstOf.set(s.utterance.index, s);
  for (const question of analysis.sentences) {
    if (question.role !== 'interviewer' || !question.question || !AUXILIARIES.has(question.tokens[0]?.normal ?? '')) continue;
    const next = nextTurnStart(analysis, question.index);
    if (!next || next.role !== 'interviewee' || next.utterance.index !== question.utterance.index + 1) continue;
    // The question must be the last thing the interviewer said before the answer.
    if (next.index > question.index + 1) continue;
    const first = next.tokens[0]?.normal ?? '';
    const yes = YES.has(first) ? true : NO.has(first) ? false : undefined;
    if (yes === undefined) continue;
    const levels = cuesIn(analysis, question.index).filter((c) => PRESENCE[c.type]).map((c) => PRESENCE[c.type]!);
    if (levels.length === 0) continue;
    const people = (analysis.roster.bySentence[question.index] ?? [])
      .map((m) => analysis.roster.people[m.personId]!)
      .filter((p) => isAdultLayperson(p) && p.personClass !== 'relative');
    const about = question.tokens.some((t) => ANYONE.has(t.normal)) ? 'anyone' : people[0]?.id;
    if (about === undefined) continue;
    found.push({ level: levels[0]!, about, yes, question, answer: next });
  }
  return found;
}

/** A yes/no answer that flips when the same question comes round again. */
export function answerFlips(analysis: Analysis): Conflict[] {
  const conflicts: Conflict[] = [];
  // The first answer of each kind: the same level of presence, speaker, person asked about and answer.
  const firstOf = new Map<string, Answer>();
  const keyOf = (a: Answer, about: Answer['about'], yes: boolean) => `${a.level}|${speakerOf(analysis, a.answer.index)}|${about}|${yes}`;
  for (const later of answers(analysis)) {
    // "No" to anyone, then "yes" to someone named: the same question come round again.
    const earlier = [firstOf.get(keyOf(later, later.about, !later.yes)), later.yes ? firstOf.get(keyOf(later, 'anyone', false)) : undefined]
      .filter((a) => a !== undefined)
      .sort((a, b) => a.answer.index - b.answer.index)[0];
    const key = keyOf(later, later.about, later.yes);
    if (!firstOf.has(key)) firstOf.set(key, later);
    if (!earlier) continue;
    const who = later.about === 'anyone' ? 'someone' : analysis.roster.people[later.about]!.name;
    conflicts.push({
      who,
      claims: [sentenceQuote(analysis, earlier.answer.index)],
      against: [sentenceQuote(analysis, later.answer.index)],
      messageId: 'answerFlip',
      data: { earlierAnswer: earlier.answer.text, earlierQuestion: earlier.question.text, laterAnswer: later.answer.text, laterQuestion: later.question.text },
      confidence: 0.75,
    });
  }
  return conflicts;
}

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'to', 'of', 'that', 'this', 'you', 'your', 'i', 'me', 'my', 'it', 'is', 'was', 'be', 'did', 'do', 'have', 'has', 'had', 'said', 'say', 'told', 'tell', 'that', 'what', 'when', 'with', 'at', 'in', 'on', 'for', 'he', 'she', 'him', 'her', 'they', 'we', 'so', 'but', 'not', 'never', 'are', 'were']);

// Crude stems, so "drinks", "drinking" and "drink" meet.
function contentWords(sentence: Sentence): Set<string> {
  return new Set(
    sentence.tokens
      .map((t) => t.normal.replace(/['’]s$/, ''))
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|s)$/, '')),
  );
}

function hasNegation(sentence: Sentence): boolean {
  return sentence.tokens.some((t) => isNegative(t) || t.normal === 'no');
}

// The most earlier sentences compared for each word a denial and its question share with them, the latest first.
const TAKEN_BACK_LIMIT = 500;

// How many of an ascending list are below a value.
function countBelow(list: readonly number[], value: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface OwnWords {
  /** Each interviewee statement's content words, by sentence index. */
  words: string[][];
  /** Sentence indices, ascending, by `speaker|negative|word`. */
  sentencesWith: Map<string, number[]>;
}

// What each interviewee said in her own statements, filed by speaker, negation and content word: a denial is compared
// only with the earlier words that share one of its own.
function ownWords(analysis: Analysis): OwnWords {
  const words: string[][] = [];
  const sentencesWith = new Map<string, number[]>();
  for (const s of analysis.sentences) {
    if (s.role !== 'interviewee' || s.question) continue;
    const own = [...contentWords(s)];
    words[s.index] = own;
    const filed = `${speakerOf(analysis, s.index)}|${hasNegation(s)}`;
    for (const w of own) push(sentencesWith, `${filed}|${w}`, s.index);
  }
  return { words, sentencesWith };
}

/** "I never said that" against the earlier words the interviewer is quoting back. */
export function takenBack(analysis: Analysis): Conflict[] {
  const conflicts: Conflict[] = [];
  const denials = analysis.cues.filter((c) => c.type === 'neverSaid' && analysis.sentences[c.sentence]!.role === 'interviewee');
  if (denials.length === 0) return conflicts;
  const said = ownWords(analysis);
  for (const cue of denials) {
    const denial = analysis.sentences[cue.sentence]!;
    const asked = sentencesOfTurn(analysis, denial.utterance.index - 1).filter((s) => s.role === 'interviewer');
    if (asked.length === 0) continue;
    const named = contentWords(denial);
    const words = new Set([...asked.flatMap((s) => [...contentWords(s)]), ...named]);
    const askedPeople = new Set(asked.flatMap((s) => (analysis.roster.bySentence[s.index] ?? []).map((m) => m.personId)));
    let best: { sentence: Sentence; score: number } | undefined;
    // Earlier words that deny what is now put ("I told her I did" against "you told her you didn't") agree with the denial.
    const askedNegative = asked.some(hasNegation);
    const filed = `${speakerOf(analysis, denial.index)}|${askedNegative}`;
    const candidates = new Set<number>();
    for (const w of words) {
      const list = said.sentencesWith.get(`${filed}|${w}`) ?? [];
      const end = countBelow(list, asked[0]!.index);
      for (let i = Math.max(0, end - TAKEN_BACK_LIMIT); i < end; i++) candidates.add(list[i]!);
    }
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const s = analysis.sentences[index]!;
      const own = said.words[index]!;
      const shared = own.filter((w) => words.has(w)).length;
      const samePerson = (analysis.roster.bySentence[s.index] ?? []).some((m) => askedPeople.has(m.personId)) ? 1 : 0;
      // What the denial itself names ("I never said I'd been drinking") weighs double.
      const score = shared + samePerson + own.filter((w) => named.has(w)).length;
      if (score >= 2 && (!best || score > best.score)) best = { sentence: s, score };
    }
    if (!best) continue;
    conflicts.push({
      who: denial.utterance.speaker,
      claims: [sentenceQuote(analysis, best.sentence.index)],
      against: [quote(cue)],
      messageId: 'takenBack',
      data: { denial: cue.text, earlier: best.sentence.text },
      confidence: 0.6,
    });
  }
  return conflicts;
}

const TIMES: Record<string, string[]> = {
  weekend: ['friday', 'saturday', 'sunday', 'weekend'],
  saturday: ['saturday', 'weekend'],
  sunday: ['sunday', 'weekend'],
  friday: ['friday', 'weekend'],
};

function turnOf(analysis: Analysis, sentence: Sentence): Sentence[] {
  return sentencesOfTurn(analysis, sentence.utterance.index);
}

function timesOf(turn: Sentence[]): Set<string> {
  const times = new Set<string>();
  for (const t of turn.flatMap((s) => s.tokens)) for (const w of TIMES[t.normal] ?? (/day$|night$/.test(t.normal) && t.tags.has('Date') ? [t.normal] : [])) times.add(w);
  return times;
}

// "at her nan's" → nan; "at my friend Kerry's flat" → the person Kerry; the place, not the words.
function placeOf(analysis: Analysis, cue: { sentence: number; start: number; end: number; text: string }): string {
  const person = (analysis.roster.bySentence[cue.sentence] ?? []).find((m) => m.start >= cue.start && m.end <= cue.end && m.kind !== 'pronoun');
  if (person && person.role?.nounClass !== 'child') return `person:${person.personId}`;
  const after = cue.text.toLowerCase().split(/\b(?:at|with)\b/).slice(1).join(' ');
  const words = after.split(/\s+/).map((w) => w.replace(/['’]s$/, '')).filter((w) => w && !['her', 'his', 'my', 'our', 'the', 'whole', 'all'].includes(w));
  return `place:${words[0] ?? after}`;
}

/** Where the child was: "at her nan's the whole weekend" against "Saturday night she stopped at Kerry's flat". */
export function changedWhereabouts(analysis: Analysis): Conflict[] {
  const conflicts: Conflict[] = [];
  const childIds = new Set(analysis.roster.people.filter((p) => p.personClass === 'child').map((p) => p.id));
  const accounts = analysis.cues
    .filter((c) => c.type === 'whereabouts')
    .map((c) => ({ cue: c, sentence: analysis.sentences[c.sentence]! }))
    .filter(({ sentence }) => sentence.role === 'interviewee' && isAssertion(sentence))
    .filter(({ sentence }) => (analysis.roster.bySentence[sentence.index] ?? []).some((m) => childIds.has(m.personId)))
    // "She was at her nan's. The whole weekend, Friday to Sunday.": the time may be in the next sentence of the turn.
    .map(({ cue, sentence }) => ({ cue, sentence, place: placeOf(analysis, cue), times: timesOf(turnOf(analysis, sentence)) }))
    .filter((a) => a.times.size > 0);
  for (const same of groupBy(accounts, (a) => a.sentence.utterance.speaker).values()) {
    same.forEach((later, k) => {
      const earlier = same
        .slice(0, k)
        .find((e) => e.place !== later.place && e.sentence.utterance.index !== later.sentence.utterance.index && [...e.times].some((t) => later.times.has(t)));
      if (!earlier) return;
      conflicts.push({
        who: analysis.roster.people.find((p) => childIds.has(p.id))?.name ?? 'the child',
        claims: [quote(earlier.cue)],
        against: [quote(later.cue)],
        messageId: 'whereaboutsChanged',
        data: { earlier: earlier.cue.text, later: later.cue.text },
        confidence: 0.65,
      });
    });
  }
  return conflicts;
}

/**
 * How an injury happened, told two ways: two of the same speaker's turns whose accounts name different things, and
 * neither turn names what the other says it was ("fell off the sofa" then "banged it on the cot"); the first such pair.
 */
export function changedAccount(analysis: Analysis, accounts: readonly InjuryAccount[]): [InjuryAccount, InjuryAccount] | undefined {
  const specific = accounts.filter((a) => a.primary.size > 0);
  const turnOf = (a: InjuryAccount) => analysis.sentences[a.sentence]!.utterance;
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

/** How an injury happened: "he fell off the sofa" against, later, "he banged it on the cot", one conflict per injury. */
export function changedInjuryAccounts(analysis: Analysis): Conflict[] {
  return analysis.injuries.flatMap((injury) => {
    const changed = changedAccount(analysis, injury.accounts);
    if (!changed) return [];
    const [before, after] = changed;
    return [
      {
        who: injuredChild(analysis, injury),
        claims: [quote(before)],
        against: [quote(after)],
        messageId: 'injuryAccountChanged',
        data: { earlier: before.text, later: after.text },
        confidence: 0.7,
      },
    ];
  });
}

/** The interview against the case record: told police he was her boyfriend, here "just a friend"; recorded as living there, here "no one else lives here". */
export function againstRecord(analysis: Analysis): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const statement of analysis.facts?.statements ?? []) {
    const person = analysis.roster.people.find((p) => isCalled(p, statement.about, analysis.lexicon));
    if (person && statement.relationship === 'partner') {
      const denials = cuesAbout(analysis, person.id, ['denial']);
      if (denials.length > 0) {
        conflicts.push({
          who: person.name,
          claims: denials.map(quote),
          against: [],
          messageId: 'recordPartner',
          data: { to: statement.to, about: statement.about, quotes: quoteList(denials.map((d) => d.text)) },
          confidence: 0.85,
        });
      }
    }
    if (statement.livesHere === true) {
      const nobody = analysis.cues.filter((c) => c.type === 'nobodyElseHome' && analysis.sentences[c.sentence]!.role === 'interviewee' && !analysis.sentences[c.sentence]!.question);
      const notHere = person ? cuesAbout(analysis, person.id, ['residence']).filter((c) => c.negated) : [];
      const said = [...nobody, ...notHere];
      if (said.length > 0) {
        conflicts.push({
          who: person?.name ?? statement.about,
          claims: said.map(quote),
          against: [],
          messageId: 'recordLivesHere',
          data: { about: statement.about, to: statement.to, quotes: quoteList(said.map((c) => c.text)) },
          confidence: 0.85,
        });
      }
    }
    if (statement.livesHere === false && person) {
      const lives = cuesAbout(analysis, person.id, ['residence', 'overnight']).filter((c) => !c.negated);
      if (lives.length > 0) {
        conflicts.push({
          who: person.name,
          claims: lives.map(quote),
          against: [],
          messageId: 'recordLivesElsewhere',
          data: { about: statement.about, to: statement.to, quotes: quoteList(lives.map((c) => c.text)) },
          confidence: 0.8,
        });
      }
    }
  }
  return conflicts;
}
