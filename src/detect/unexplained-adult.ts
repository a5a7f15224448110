import { isCalled, type Analysis, type PersonMention, type Sentence } from '../analyse/index.js';
import { isIdentified, unnamedActors } from '../analyse/people.js';
import { wholeWords, WORDS } from '../analyse/lexicon.js';
import { worse } from '../severity.js';
import type { Clue, Severity } from '../types.js';
import { createClue, defineDetector, type MessageData, type Quote } from './detector.js';
import { nextTurnStart, sentencesOfTurn } from './lookup.js';
import { cuesAbout, intervieweeMentions, isAdultLayperson, isNamed, PRESENCE, quoteList } from './people.js';
import { relationGroups } from './relationship.js';

const presenceLexicon = WORDS.presence;

const PRESENCE_SEVERITY: Record<string, Severity> = {
  visit: 'warning',
  overnight: 'error',
  residence: 'error',
  care: 'error',
};

/** Adults in the child's life whose identity or role the interviewee never establishes. */
export const unexplainedAdult = defineDetector({
  meta: {
    id: 'unexplained-adult',
    kind: 'unexplained-adult',
    severity: 'warning',
    description:
      'An adult the interviewee mentions whose identity or role in the child\'s life is never established, ' +
      'or who is placed in the home or with the child (stays over, moved in, minds the baby) without that being explained. ' +
      'Severity rises from info (named, nothing more) to warning (visits) to error (stays, lives there, or cares for the child).',
    messages: {
      placedDescribed: 'placed in the home or with the child ({presence}) but only ever described as {roles}',
      placedUnknown: "placed in the home or with the child ({presence}) but never said to be anyone in the child's life",
      placedDescribedOffRecord: 'placed in the home or with the child ({presence}) but only ever described as {roles}; not on the case record',
      placedUnknownOffRecord:
        "placed in the home or with the child ({presence}) but never said to be anyone in the child's life; not on the case record",
      household: 'lives in the home ({roles}) but who they are is never established',
      householdOffRecord: 'lives in the home ({roles}) but who they are is never established; not on the case record',
      offRecordDescribed: 'not on the case record (described as {roles})',
      offRecordUnknown: 'not on the case record (no role given)',
      namedDescribed: 'named but only ever described as {roles}',
      namedUnknown: "named but never said to be anyone in the child's life",
      unnamed: 'brought into the interviewee\'s account without a name ("{act}") and never identified',
      unnamedPlaced: 'brought into the interviewee\'s account without a name ("{act}") and never identified; placed in the home or with the child ({presence})',
    },
    examples: {
      fires: [
        "SW: Who helps you out?\nMUM: There's Steven. He's just a friend.\nSW: And at the weekend?\nMUM: Steven came round and we had dinner here at mine.",
        'SW: Who else is around?\nMUM: My mate Jordan. He stays over most weekends and he watches the baby.',
        'SW: Does anyone else live with you?\nDAD: Well, there is the lodger. He pays rent for the back bedroom.',
      ],
      quiet: [
        'HV: Who helps you with him?\nMUM: My mum comes round on Wednesdays and his dad has him on Saturdays.',
        'SW: Who stays at the flat?\nMUM: My boyfriend Ashley stays over most nights.',
        "SW: Who do you talk to?\nMUM: My friend Hannah. She's never been to the flat.",
      ],
    },
  },
  detect(analysis: Analysis): Clue[] {
    const clues: Clue[] = [];
    const facts = analysis.facts;
    const { professionals, related } = explained(analysis);
    for (const person of analysis.roster.people) {
      if (!isAdultLayperson(person) || person.personClass === 'relative' || professionals.has(person.id)) continue;
      if (isPlaceOrTitle(analysis, person.id)) continue;
      // The case record explains whoever it names as living there or known to the case, and so does the project's config.
      const onRecord = facts && [...facts.household, ...facts.known.map((k) => k.name)].some((name) => isCalled(person, name, analysis.lexicon));
      if (onRecord || analysis.known.some((k) => isCalled(person, k.name, analysis.lexicon))) continue;
      const offRecord = facts !== undefined;
      if (person.personClass === 'partner' && !offRecord) continue;
      const mentions = intervieweeMentions(analysis, person);
      if (mentions.length === 0) continue;
      let presence = cuesAbout(analysis, person.id, Object.keys(PRESENCE));
      const named = isNamed(analysis, person);
      const household = person.personClass === 'household';
      // Someone's relative ("Ashley's mum", "his brother Jason") is identified; only their place in the home is in question.
      const kinOfAdult = person.roles.length > 0 && person.personClass === 'unknown' && kinOnly(analysis, person.id);
      if (kinOfAdult) presence = presence.filter((c) => PRESENCE[c.type] !== 'visit');
      // Named with nothing more is a clue only when the interviewer asked who they are and got no role for an answer:
      // most names in an interview are children and family whose place is plain from the talk.
      // Someone whose relationship to the speaker or another is stated ("my agent", "Gina's lawyer") is identified.
      const askedWho = named && person.personClass === 'unknown' && !kinOfAdult && !related.has(person.id) && wasAskedWho(analysis, person.id);
      if (presence.length === 0 && !household && !askedWho && !offRecord) continue;

      const severity: Severity = household
        ? 'error'
        : presence.reduce<Severity>((worst, c) => worse(worst, PRESENCE_SEVERITY[PRESENCE[c.type]!]!), offRecord ? 'warning' : 'info');
      const first = mentions[0]!;
      const quotes: Quote[] = [{ sentence: first.sentence, start: first.start, end: first.end }];
      for (const cue of presence) quotes.push({ sentence: cue.sentence, start: cue.start, end: cue.end });
      clues.push(
        createClue(analysis, {
          meta: unexplainedAdult.meta,
          severity,
          who: person.name,
          ...explain(person.roles, presence.map((c) => c.text), household, offRecord && !askedWho),
          quotes,
        }),
      );
    }
    clues.push(...unnamedClues(analysis, new Set(clues.map((c) => c.who))));
    return clues;
  },
});

const HEDGES = new Set(presenceLexicon.unnamedActors.hedges);

// "She was an exotic dancer", "he's the caretaker there": the interviewee says what the person is, not guessing
// ("I thought he was the father of one of the other kids" is a guess).
function describedLater(analysis: Analysis, personId: number): boolean {
  return analysis.roster.byPerson[personId]!.some((m) => {
    const s = analysis.sentences[m.sentence]!;
    if (s.role !== 'interviewee' || m.kind !== 'pronoun' || !isCopulaLike(s.tokens[m.last + 1])) return false;
    if (s.tokens.slice(0, m.first).some((t) => HEDGES.has(t.normal))) return false;
    return describes(s.tokens, m.last + 2, analysis.roster.bySentence[s.index] ?? []);
  });
}

// Unnamed adults who act in the interviewee's own account ("somebody called me", "I was approached by a man"), one clue
// each: the first time the roster person (or, with none, the head word in one turn) acts. Anyone the transcript names or ties to the
// speaker or a named person is identified; a professional is never a head.
function unnamedClues(analysis: Analysis, reported: Set<string>): Clue[] {
  const clues: Clue[] = [];
  const seen = new Set<string>();
  for (const actor of unnamedActors(analysis.sentences, analysis.roster, analysis.lexicon)) {
    const person = actor.personId === undefined ? undefined : analysis.roster.people[actor.personId]!;
    if (person && (isIdentified(analysis.roster, person.id) || !isAdultLayperson(person) || reported.has(person.name))) continue;
    if (person && describedLater(analysis, person.id)) continue;
    // Without a roster person, "some people" in one answer and "some people" in another are different people.
    const key = person ? `person:${person.id}` : `head:${actor.head}:${analysis.sentences[actor.sentence]!.utterance.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const presence = person ? cuesAbout(analysis, person.id, Object.keys(PRESENCE)) : [];
    const severity = presence.reduce<Severity>((worst, c) => worse(worst, PRESENCE_SEVERITY[PRESENCE[c.type]!]!), 'info');
    const sentence = analysis.sentences[actor.sentence]!;
    const quotes: Quote[] = [{ sentence: sentence.index, start: actor.start, end: Math.max(actor.end, actor.act.end) }];
    if (actor.act.end < actor.start) quotes[0] = { sentence: sentence.index, start: actor.act.start, end: actor.end };
    for (const cue of presence) quotes.push({ sentence: cue.sentence, start: cue.start, end: cue.end });
    clues.push(
      createClue(analysis, {
        meta: unexplainedAdult.meta,
        severity,
        who: actor.text.toLowerCase(),
        messageId: presence.length > 0 ? 'unnamedPlaced' : 'unnamed',
        data: { act: actor.act.text, ...(presence.length > 0 ? { presence: quoteList(presence.map((c) => c.text)) } : {}) },
        quotes,
      }),
    );
  }
  return clues;
}

// Which message says what is unexplained: where they were placed, whether anyone said who they are, whether the case record lacks them.
function explain(roles: string[], presence: string[], household: boolean, offRecord: boolean): { messageId: string; data: MessageData } {
  const described = roles.length > 0 ? 'Described' : 'Unknown';
  const record = offRecord ? 'OffRecord' : '';
  const data = { roles: quoteList(roles), ...(presence.length > 0 ? { presence: quoteList(presence) } : {}) };
  if (presence.length > 0) return { messageId: `placed${described}${record}`, data };
  if (household) return { messageId: `household${record}`, data };
  if (offRecord) return { messageId: `offRecord${described}`, data };
  return { messageId: `named${described}`, data };
}

// Who the stated relationships identify: the holders of a professional role ("my attorney, Keith"), who are never
// unexplained adults, and everyone in a stated relationship, who is identified though not placed in the home.
function explained(analysis: Analysis): { professionals: Set<number>; related: Set<number> } {
  const professionals = new Set<number>();
  const related = new Set<number>();
  for (const group of relationGroups(analysis).values()) {
    for (const r of group) {
      if (r.stance !== 'stated') continue;
      // Known by their tie to the speaker or to someone named; "someone higher up's wife" is still nobody in particular.
      const known = (p: typeof r.owner) => p.kind === 'speaker' || (p.kind === 'person' && isNamed(analysis, analysis.roster.people[p.id]!));
      if (r.owner.kind === 'person' && known(r.other) && known(r.owner)) related.add(r.owner.id);
      if (r.other.kind === 'person' && known(r.owner) && known(r.other)) related.add(r.other.id);
      if (r.roleClass === 'professional' && r.other.kind === 'person') professionals.add(r.other.id);
    }
  }
  return { professionals, related };
}

function kinOnly(analysis: Analysis, personId: number): boolean {
  const roles = analysis.roster.byPerson[personId]!.filter((m) => m.kind === 'role');
  return roles.length > 0 && roles.every((m) => m.role?.nounClass === 'relative');
}

const NOT_PEOPLE = presenceLexicon.notPeople;
const PLACE_BEFORE = new Set(NOT_PEOPLE.placeBefore);
const TITLE_WORDS = new Set(NOT_PEOPLE.titleWords);
const VAGUE_HEADS = new Set(NOT_PEOPLE.vagueHeads);
const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);

// A "person" every name of whom is a place ("in Lake Tahoe") or a word of a title of a work ("How To Get Rich") is none.
function isPlaceOrTitle(analysis: Analysis, personId: number): boolean {
  const mentions = analysis.roster.byPerson[personId]!;
  const names = mentions.filter((m) => m.kind === 'name');
  if (names.length === 0 || mentions.some((m) => m.kind === 'role')) return false;
  return names.every((m) => {
    const { tokens } = analysis.sentences[m.sentence]!;
    const last = tokens[m.last]!;
    const before = tokens[m.first - 1];
    const place = before !== undefined && PLACE_BEFORE.has(before.normal) && !last.tags.has('Possessive') && !/[,.;:!?]/.test(before.post);
    return place || inTitleCase(tokens, m);
  });
}

// Whether a name sits in a run of capitalised words with a capitalised small word past the sentence's first ("Get Rich").
function inTitleCase(tokens: Sentence['tokens'], m: PersonMention): boolean {
  let from = m.first;
  while (from > 0 && isCapitalised(tokens[from - 1]!.text) && !/[,.;:!?]/.test(tokens[from - 1]!.post)) from--;
  let to = m.last;
  while (to + 1 < tokens.length && isCapitalised(tokens[to + 1]!.text) && !/[,.;:!?]/.test(tokens[to]!.post)) to++;
  return tokens.slice(from, to + 1).some((t, k) => from + k > 0 && from + k > from && TITLE_WORDS.has(t.normal) && (from + k < m.first || from + k > m.last));
}

// "Who is Kayleigh?", "How do you know Dean?", "What is he to you?": the interviewer asked who someone is, and the
// answer did not say ("Who was Ms. Ray?" "She is a make-up artist" or "The head of the agency" says; "Just someone I know"
// does not). A relative "who" ("the friends who you told"), a "who" about someone else ("who did Dean call?") and a
// statement put for a yes ("you know who he is; right?") ask nothing of the kind.
function wasAskedWho(analysis: Analysis, personId: number): boolean {
  const asked = analysis.sentences.filter((s) => {
    if (s.role !== 'interviewer' || !s.question) return false;
    const mentions = (analysis.roster.bySentence[s.index] ?? []).filter((m) => m.personId === personId);
    if (mentions.length === 0) return false;
    const words = s.tokens.map((t) => t.normal);
    if (TAGS.has(words[words.length - 1] ?? '')) return false;
    const mentionAt = (i: number) =>
      mentions.some((m) => m.first === i || (m.kind === 'name' && m.first === i + 1 && ['the', 'this', 'that'].includes(words[i]!)));
    // "How do you know Dean?", "how did you know her?"
    const object = (i: number) => mentionAt(i) && !['he', 'she', 'they'].includes(words[i]!);
    const knowAsked = words.includes('how') && words.some((w, i) => /^(know|knew|meet|met)$/.test(w) && object(i + 1));
    // "What is he to you?"
    const whatTo = words.includes('what') && words.slice(-2).join(' ') === 'to you';
    // "Who is Dean?", "who's this Dean?", "Can you tell me who Dean is?"
    const who = s.tokens.some((t, k) => {
      if (t.normal !== 'who') return false;
      const prev = s.tokens[k - 1];
      if (prev && /^(know|knew|known|knows)$/.test(prev.normal)) return false;
      return (isCopulaLike(s.tokens[k + 1]) && mentionAt(k + 2)) || (mentionAt(k + 1) && mentions.some((m) => m.first === k + 1 && isCopulaLike(s.tokens[m.last + 1])));
    });
    return who || knowAsked || whatTo;
  });
  return asked.length > 0 && !asked.some((q) => describedInAnswer(analysis, q, personId));
}

const TAGS = new Set(['right', 'correct', 'true']);
// Words that open a description set beside a name ("Hugh Ross, the owner of the club").
const APPOSITION_LEADS = new Set(['a', 'an', 'the', 'another', 'his', 'her', 'their', 'my', 'our', 'one']);
const DONT_KNOW = wholeWords(presenceLexicon.dontKnow, 'i');

// Whether the interviewee's answer to a question describes the person: the person (by name or pronoun), "is" or a comma,
// then a description whose head is more than "someone" or "a guy" ("She is another film actress", "Hugh Ross, the owner").
function describedInAnswer(analysis: Analysis, question: Sentence, personId: number): boolean {
  const next = nextTurnStart(analysis, question.index);
  if (!next || next.role !== 'interviewee') return false;
  const answer = sentencesOfTurn(analysis, next.utterance.index);
  if (answer.some((s) => DONT_KNOW.test(s.utterance.text.slice(s.start, s.end)))) return false;
  // "The Attorney General.", "Campaign manager for the Trump campaign.": an answer that is itself a description.
  const opening = analysis.roster.bySentence[answer[0]!.index] ?? [];
  if (describes(answer[0]!.tokens, 0, opening)) return true;
  // "Campaign manager for the campaign": a role word among the answer's first words.
  if (opening.some((m) => m.kind === 'role' && m.first < 3 && m.role?.nounClass !== 'vague' && m.role?.nounClass !== 'child')) return true;
  return answer.some((s) =>
    (analysis.roster.bySentence[s.index] ?? []).some((m) => {
      if (m.personId !== personId) return false;
      const { tokens } = s;
      let i = m.last + 1;
      const apposition = /,/.test(tokens[m.last]!.post) && APPOSITION_LEADS.has(tokens[i]?.normal ?? '');
      if (!apposition) {
        if (!tokens[i] || !isCopulaLike(tokens[i]!)) return false;
        i++;
      }
      return describes(tokens, i, analysis.roster.bySentence[s.index] ?? []);
    }),
  );
}

// Whether the words from `i` are a description with a head more than "someone" or "a guy": determiners and modifiers,
// then a noun that is no name ("another film actress", "the owner of the club").
function describes(tokens: Sentence['tokens'], i: number, names: PersonMention[]): boolean {
  const LEADS = new Set(['just', 'only', 'a', 'an', 'the', 'another', 'his', 'her', 'their', 'my', 'our', 'some', 'this', 'that']);
  for (let seen = 0; i < tokens.length && seen < 5; i++, seen++) {
    const t = tokens[i]!;
    if (VAGUE_HEADS.has(t.normal) || t.tags.has('Pronoun') || t.tags.has('Verb')) return false;
    if (LEADS.has(t.normal) || t.tags.has('Adjective') || t.tags.has('Adverb')) continue;
    if (names.some((m) => m.kind === 'name' && m.first <= i && i <= m.last)) return false;
    if (t.tags.has('Noun')) return !t.tags.has('Person') || t.tags.has('Actor');
    return false;
  }
  return false;
}

function isCopulaLike(token: Sentence['tokens'][number] | undefined): boolean {
  if (!token) return false;
  return token.tags.has('Copula') || ['is', 'was', 'are', 'were'].includes(token.normal) || (token.text === '' && token.normal === 'has');
}
