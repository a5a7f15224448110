import type { CaseFacts } from '../facts.js';
import type { SpeakerRole, Transcript } from '../types.js';
import { findVerbClaims, type VerbClaim } from './claims.js';
import { findCues, type Cue } from './cues.js';
import { buildRoster, type Roster } from './people.js';
import { sentencesOf, type Sentence } from './sentences.js';

export type { Cue, VerbClaim, Roster, Sentence };
export type { PersonMention } from './people.js';
export { isCalled } from './people.js';
export { isAssertion } from './claims.js';

/** Everything the detectors read: computed once per transcript and shared by all of them. */
export interface Analysis {
  transcript: Transcript;
  sentences: Sentence[];
  roster: Roster;
  cues: Cue[];
  claims: VerbClaim[];
  /** What is on record for the case, when `--facts` gave it. */
  facts?: CaseFacts;
}

/** Runs the language analysis of a parsed transcript: sentences, people, cues and claims. */
export function analyse(transcript: Transcript, facts?: CaseFacts): Analysis {
  const roles = new Map(transcript.speakers.map((s) => [s.label, s.role]));
  const roleOf = (speaker: string): SpeakerRole => roles.get(speaker) ?? 'interviewee';
  const { sentences, docs } = sentencesOf(transcript.utterances, roleOf);
  const roster = buildRoster(sentences, docs, transcript.speakers);
  const cues = findCues(sentences, docs, roster);
  const claims = findVerbClaims(sentences, roster);
  return { transcript, sentences, roster, cues, claims, ...(facts ? { facts } : {}) };
}
