import type { Person } from '../../types.js';
import type { RoleNoun } from '../lexicon.js';
import type { SentenceSpan } from '../sentences.js';

/** A span of a sentence that refers to a person, resolved to that person when it could be. */
export interface PersonMention extends SentenceSpan {
  kind: 'name' | 'role' | 'pronoun';
  role?: RoleNoun;
  /** For role words, the words with their determiner: `my mate`, `the lodger`. */
  phrase?: string;
  /** For role words: whose they are (`my mum` → speaker; `his brother` → the person `his` means). */
  possessor?: 'speaker' | number;
  personId: number;
}

/** The people of a transcript and every place each is mentioned. */
export interface Roster {
  people: Person[];
  /** Mentions per sentence index, in word order. */
  bySentence: PersonMention[][];
  /** Mentions per person id, in transcript order. */
  byPerson: PersonMention[][];
}
