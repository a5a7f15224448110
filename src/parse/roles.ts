/** Deciding which speakers are interviewers and which are interviewees. */

import { InputError } from '../errors.js';
import { said } from '../visible.js';
import type { Speaker, SpeakerRole, Utterance } from '../types.js';
import { ANSWERER_LABELS, ASKER_LABELS, CONTEXT_LABELS, CONVERSATION_LABELS, COURT_LABELS, COURT_STAFF_RANKS, RANKS } from './role-labels.js';

/**
 * One Speaker per label in order of first appearance, with roles from `interviewer` (comma-separated labels), else
 * from `fromFile` (the labels the file itself names as interviewers, such as CHAT's @Participants roles), else
 * inferred. Labels in `fromFile` that never speak are ignored; when none of them speaks, roles are inferred.
 */
export function assignRoles(
  utterances: Utterance[],
  interviewer?: string,
  fromFile: readonly string[] = [],
  children: readonly string[] = [],
  fromConfig: readonly string[] = [],
): Speaker[] {
  const context = new Set(children.map((label) => label.toLowerCase()));
  return withChildren(rolesFor(utterances, interviewer, fromFile, fromConfig), context);
}

// A child the file names (CHAT's Target_Child) speaks, but is context, like the court in a Q/A record.
function withChildren(speakers: Speaker[], children: Set<string>): Speaker[] {
  return speakers.map((s) => (children.has(s.label.toLowerCase()) && s.role === 'interviewee' ? { ...s, role: 'other' } : s));
}

function rolesFor(utterances: Utterance[], interviewer: string | undefined, fromFile: readonly string[], fromConfig: readonly string[]): Speaker[] {
  const speakers = countSpeakers(utterances);
  const named = parseInterviewerOption(interviewer);
  if (named.length > 0) return applyNamedInterviewers(speakers, named, inferRoles(utterances, speakers));
  // Unlike --interviewer, labels the file or the project config declare need not all appear: a project's config
  // serves every transcript, and a transcript with none of its labels is inferred as if there were no config.
  const declared = declaredRoles(speakers, fromFile, 'file') ?? declaredRoles(speakers, fromConfig, 'config');
  if (declared) return declared;
  const roles = inferRoles(utterances, speakers);
  return speakers.map((speaker) => ({ ...speaker, role: roles.get(speaker) ?? 'interviewee', source: 'inferred' }));
}

/** Roles from declared interviewer labels, when at least one of them speaks in this transcript. */
function declaredRoles(speakers: Speaker[], labels: readonly string[], source: 'file' | 'config'): Speaker[] | undefined {
  const declared = new Set(labels.map((label) => label.toLowerCase()));
  if (!speakers.some((speaker) => declared.has(speaker.label.toLowerCase()))) return undefined;
  return speakers.map((speaker) => ({ ...speaker, role: declared.has(speaker.label.toLowerCase()) ? 'interviewer' : 'interviewee', source }));
}

/** A speaker with how many of their turns ask something, as the shape of the turns shows it. */
interface Turns {
  speaker: Speaker;
  words: string;
  firstWord: string;
  /** Turns with at least one question. */
  asking: number;
  /** Turns that come straight after another speaker's question. */
  answering: number;
  mentionsClient: boolean;
}

/**
 * Roles from the labels and the shape of the turns. A Q/A record: `Q` asks, `A` and `THE WITNESS` answer, the rest
 * (the court, counsel in colloquy) is context. Labels of the court's staff, solicitors, appropriate adults and
 * interpreters are context anywhere, and so is a speaker who speaks of "my client". Labels that name a job that asks
 * (`SW`, `Interviewer`, a police rank) make interviewers; anyone else who asks in most turns while someone answers
 * joins them. Without such a label, a recording is an interview only when its shape says so: some speakers ask in
 * most of their turns and the others rarely ask; otherwise (a call between family members) nobody is an interviewer.
 */
function inferRoles(utterances: Utterance[], speakers: Speaker[]): Map<Speaker, SpeakerRole> {
  const turns = shapeOf(utterances, speakers);
  const roles = new Map<Speaker, SpeakerRole>();
  if (speakers.length < 2) return roles;
  const court = turns.some((t) => COURT_LABELS.has(t.words));

  if (turns.some((t) => t.words === 'q') && turns.some((t) => ANSWERER_LABELS.has(t.words))) {
    for (const t of turns) roles.set(t.speaker, t.words === 'q' ? 'interviewer' : ANSWERER_LABELS.has(t.words) ? 'interviewee' : 'other');
    return roles;
  }

  const context = (t: Turns): boolean =>
    CONTEXT_LABELS.has(t.words) ||
    (court && COURT_STAFF_RANKS.has(t.words)) ||
    (t.mentionsClient && !isAsker(t) && t.asking * 2 < t.speaker.utterances);
  const open = turns.filter((t) => !context(t));
  for (const t of turns) if (context(t)) roles.set(t.speaker, 'other');

  const labelled = open.filter(isAsker);
  const asksMostly = (t: Turns): boolean => t.asking * 2 >= t.speaker.utterances && (t.asking >= 2 || (court && t.asking === t.speaker.utterances));
  // (A judge may put one question to a witness; one question from a parent makes no interviewer.)
  const rarelyAsks = (t: Turns): boolean => t.asking <= t.speaker.utterances * 0.2;
  const answers = (t: Turns): boolean => ANSWERER_LABELS.has(t.words) || t.answering * 2 >= t.speaker.utterances;
  let interviewers = labelled.length > 0 ? open.filter((t) => isAsker(t) || asksMostly(t)) : open.filter(asksMostly);
  let rest = open.filter((t) => !interviewers.includes(t));
  // With no label to say so, an interview must look like one: every other speaker rarely asks (in a court record,
  // every other speaker who answers: counsel objecting are in colloquy).
  const answerers = court ? rest.filter(answers) : rest;
  const conversation =
    labelled.length === 0 && (open.some((t) => CONVERSATION_LABELS.has(t.words)) || answerers.length === 0 || !answerers.every(rarelyAsks));
  if (rest.length === 0 || conversation) {
    // Every speaker asks in most turns (or it is a call): a second interviewer needs someone left to answer.
    interviewers = labelled.length > 0 && rest.length === 0 ? labelled : [];
    rest = open.filter((t) => !interviewers.includes(t));
  }
  for (const t of interviewers) roles.set(t.speaker, 'interviewer');
  for (const t of rest) {
    // In a court record, counsel who neither ask the witness nor answer are in colloquy: context.
    const colloquy = court && interviewers.length > 0 && !answers(t);
    roles.set(t.speaker, colloquy ? 'other' : 'interviewee');
  }
  return roles;
}

/** Whether a speaker's label names a job that asks, or starts with a police rank before a name. */
function isAsker(t: Turns): boolean {
  const stem = t.words.replace(/[ ]?\d+$/, '');
  return ASKER_LABELS.has(stem) || (RANKS.has(t.firstWord) && t.words !== t.firstWord);
}

function shapeOf(utterances: Utterance[], speakers: Speaker[]): Turns[] {
  const bySpeaker = new Map<string, Turns>();
  for (const speaker of speakers) {
    const words = speaker.label.toLowerCase().replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
    bySpeaker.set(speaker.label, { speaker, words, firstWord: words.split(' ')[0] ?? '', asking: 0, answering: 0, mentionsClient: false });
  }
  let previous: Utterance | undefined;
  for (const utterance of utterances) {
    const t = bySpeaker.get(utterance.speaker);
    if (!t) continue;
    if (countQuestions(utterance.text) > 0) t.asking += 1;
    if (previous && previous.speaker !== utterance.speaker && countQuestions(previous.text) > 0) t.answering += 1;
    if (/\bmy client(?:'s|’s|s)?\b/i.test(utterance.text)) t.mentionsClient = true;
    previous = utterance;
  }
  return [...bySpeaker.values()];
}

/** How many question sentences `text` has: runs of `?` ending a sentence; bracketed notes like `[inaudible?]` don't count. */
export function countQuestions(text: string): number {
  const speech = text.replace(/\[[^\]]*\]/g, ' ');
  return speech.match(/\?[?!]*(?=$|[\s"'”’)\]])/g)?.length ?? 0;
}

function countSpeakers(utterances: Utterance[]): Speaker[] {
  const byLabel = new Map<string, Speaker>();
  for (const utterance of utterances) {
    let speaker = byLabel.get(utterance.speaker);
    if (!speaker) {
      speaker = { label: utterance.speaker, role: 'interviewee', source: 'inferred', utterances: 0, questions: 0 };
      byLabel.set(utterance.speaker, speaker);
    }
    speaker.utterances += 1;
    speaker.questions += countQuestions(utterance.text);
  }
  return [...byLabel.values()];
}

function parseInterviewerOption(option: string | undefined): string[] {
  if (option === undefined) return [];
  return option
    .split(',')
    .map((label) => label.trim().replace(/:$/, '').replace(/\s+/g, ' '))
    .filter((label) => label !== '');
}

// Naming the interviewers settles who asks; the court, a solicitor or an appropriate adult stay context.
function applyNamedInterviewers(speakers: Speaker[], named: string[], inferred: Map<Speaker, SpeakerRole>): Speaker[] {
  const wanted = new Set(named.map((label) => label.toLowerCase()));
  const found = new Set(speakers.map((speaker) => speaker.label.toLowerCase()));
  const unknown = named.filter((label) => !found.has(label.toLowerCase()));
  if (unknown.length > 0) {
    const list = unknown.map((label) => `"${label}"`).join(', ');
    const noun = unknown.length === 1 ? 'matches no speaker' : 'match no speaker';
    const speakersFound = speakers.length === 0 ? '(none)' : said(speakers.map((speaker) => speaker.label).join(', '));
    throw new InputError(`--interviewer ${list} ${noun}; speakers found: ${speakersFound}`);
  }
  return speakers.map((speaker) =>
    wanted.has(speaker.label.toLowerCase())
      ? { ...speaker, role: 'interviewer', source: 'option' }
      : { ...speaker, role: inferred.get(speaker) === 'other' ? 'other' : 'interviewee', source: 'inferred' },
  );
}
