import type { Analysis, Cue, Sentence, Statement } from '../analyse/index.js';

/**
 * Where things are in one transcript, built once on first use and shared by every detector: a turn's sentences, a
 * sentence's cues and clauses, the next and the last interviewer's turn. Finding them by scanning every sentence made
 * each detector's work grow with the square of the transcript's length.
 */
interface Lookups {
  turns: Map<number, Sentence[]>;
  cues: Map<number, Cue[]>;
  cuesByPerson: Map<number, Cue[]>;
  statements: Map<number, Statement[]>;
  /** For each sentence, the first sentence of a later turn (-1 when none). */
  nextTurn: Int32Array;
  /** For each sentence, the first interviewer sentence of a later turn (-1 when none). */
  nextInterviewer: Int32Array;
  /** For each sentence, the last interviewer sentence of an earlier turn (-1 when none). */
  lastInterviewer: Int32Array;
}

const built = new WeakMap<Analysis, Lookups>();

/** Adds a value to the list a map holds under a key, starting the list when there is none. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lookups(analysis: Analysis): Lookups {
  const known = built.get(analysis);
  if (known) return known;
  const { sentences } = analysis;
  const n = sentences.length;
  const turns = new Map<number, Sentence[]>();
  for (const s of sentences) push(turns, s.utterance.index, s);
  const cues = new Map<number, Cue[]>();
  const cuesByPerson = new Map<number, Cue[]>();
  for (const c of analysis.cues) {
    push(cues, c.sentence, c);
    if (c.personId !== undefined) push(cuesByPerson, c.personId, c);
  }
  const statements = new Map<number, Statement[]>();
  for (const s of analysis.statements) push(statements, s.sentence, s);
  const nextTurn = new Int32Array(n).fill(-1);
  const nextInterviewer = new Int32Array(n).fill(-1);
  // Sentences are in transcript order: walking back, the turn just left behind is the next turn.
  let turnStart = -1;
  let laterInterviewer = -1;
  let turnInterviewer = -1;
  for (let i = n - 1; i >= 0; i--) {
    const s = sentences[i]!;
    if (i + 1 < n && sentences[i + 1]!.utterance.index !== s.utterance.index) {
      turnStart = i + 1;
      if (turnInterviewer >= 0) laterInterviewer = turnInterviewer;
      turnInterviewer = -1;
    }
    nextTurn[i] = turnStart;
    nextInterviewer[i] = laterInterviewer;
    if (s.role === 'interviewer') turnInterviewer = i;
  }
  const lastInterviewer = new Int32Array(n).fill(-1);
  let earlierInterviewer = -1;
  let inTurn = -1;
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    if (i > 0 && sentences[i - 1]!.utterance.index !== s.utterance.index && inTurn >= 0) {
      earlierInterviewer = inTurn;
      inTurn = -1;
    }
    lastInterviewer[i] = earlierInterviewer;
    if (s.role === 'interviewer') inTurn = i;
  }
  const made = { turns, cues, cuesByPerson, statements, nextTurn, nextInterviewer, lastInterviewer };
  built.set(analysis, made);
  return made;
}

/** The sentences of one turn (utterance), in order. */
export function sentencesOfTurn(analysis: Analysis, utterance: number): Sentence[] {
  return lookups(analysis).turns.get(utterance) ?? [];
}

/** The cues found in one sentence, in the order the analysis found them. */
export function cuesIn(analysis: Analysis, sentence: number): Cue[] {
  return lookups(analysis).cues.get(sentence) ?? [];
}

/** The cues about one person, in the order the analysis found them. */
export function cuesOfPerson(analysis: Analysis, personId: number): Cue[] {
  return lookups(analysis).cuesByPerson.get(personId) ?? [];
}

/** The clauses of one sentence as statements, in order. */
export function statementsIn(analysis: Analysis, sentence: number): Statement[] {
  return lookups(analysis).statements.get(sentence) ?? [];
}

const at = (analysis: Analysis, i: number): Sentence | undefined => (i < 0 ? undefined : analysis.sentences[i]);

/** The first sentence of the turn after this sentence's turn. */
export function nextTurnStart(analysis: Analysis, sentence: number): Sentence | undefined {
  return at(analysis, lookups(analysis).nextTurn[sentence]!);
}

/** The first interviewer sentence in a turn after this sentence's turn. */
export function nextInterviewerSentence(analysis: Analysis, sentence: number): Sentence | undefined {
  return at(analysis, lookups(analysis).nextInterviewer[sentence]!);
}

/** The last interviewer sentence in a turn before this sentence's turn. */
export function lastInterviewerSentence(analysis: Analysis, sentence: number): Sentence | undefined {
  return at(analysis, lookups(analysis).lastInterviewer[sentence]!);
}
