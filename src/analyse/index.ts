import type { CaseFacts } from '../read/facts.js';
import type { SpeakerRole, Transcript } from '../types.js';
import { findExchanges, type Exchange, type Stance } from './answers.js';
import { findStatements, findVerbClaims, type Mood, type Statement, type VerbClaim } from './claims.js';
import { findCues, type Cue } from './cues.js';
import { findInjuries, type Injury } from './injuries.js';
import { DEFAULT_LEXICON, type Lexicon } from './lexicon.js';
import { matchLexicon } from './matches.js';
import { buildRoster, type Roster } from './people.js';
import { sentencesOf, type Sentence, type Token } from './sentences.js';

export type { Cue, Exchange, Injury, Mood, Stance, Statement, VerbClaim, Roster, Sentence, Token };
export { stanceOf } from './answers.js';
export type { InjuryAccount, InjuryMention, Span } from './injuries.js';
export type { PersonMention } from './people.js';
export { isAdult, isCalled } from './people.js';
export { isAssertion } from './claims.js';
export { buildLexicon, CUE_TYPES, DEFAULT_LEXICON, NOUN_CLASSES } from './lexicon.js';
export type { CueType, Lexicon, LexiconExtras, NounClass, TopicWords } from './lexicon.js';

/** Everything the detectors read: computed once per transcript and shared by all of them. */
export interface Analysis {
  transcript: Transcript;
  sentences: Sentence[];
  roster: Roster;
  cues: Cue[];
  claims: VerbClaim[];
  /** Each turn that asks or puts something, paired with the next speaker's answer and its stance. */
  exchanges: Exchange[];
  /** Every sentence's clauses as statements: mood, polarity and the acts, things and people they are about. */
  statements: Statement[];
  /** The injuries talked about, with their mentions and the accounts given of how each happened. */
  injuries: Injury[];
  /** What is on record for the case, when `--facts` gave it. */
  facts?: CaseFacts;
  /** People the project's config names as known to the case and explained. */
  known: KnownPerson[];
  /** The words the analysis used: the built-in lexicon and any the project added. */
  lexicon: Lexicon;
}

/** A person known to the case and explained (the project config's `people`): never an unexplained adult. */
export interface KnownPerson {
  name: string;
  role?: string;
}

/** What the analysis is given beside the transcript. */
export interface AnalysisContext {
  facts?: CaseFacts;
  known?: KnownPerson[];
  lexicon?: Lexicon;
}

/** Runs the language analysis of a parsed transcript: sentences, people, cues, claims and injuries. */
export function analyse(transcript: Transcript, { facts, known = [], lexicon = DEFAULT_LEXICON }: AnalysisContext = {}): Analysis {
  const roles = new Map(transcript.speakers.map((s) => [s.label, s.role]));
  const roleOf = (speaker: string): SpeakerRole => roles.get(speaker) ?? 'interviewee';
  const { sentences, perUtterance: matches } = sentencesOf(transcript.utterances, roleOf, (doc) => matchLexicon(doc, lexicon));
  const roster = buildRoster(sentences, matches, transcript.speakers, lexicon);
  const cues = findCues(sentences, matches, roster);
  const claims = findVerbClaims(sentences, roster, lexicon);
  const injuries = findInjuries(sentences, cues, roster);
  const exchanges = findExchanges(sentences, roster);
  const statements = findStatements(sentences, roster);
  return { transcript, sentences, roster, cues, claims, exchanges, statements, injuries, ...(facts ? { facts } : {}), known, lexicon };
}
