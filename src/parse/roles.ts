/** Deciding which speakers are interviewers and which are interviewees. */

import { InputError } from '../errors.js';
import type { Speaker, SpeakerRole, Utterance } from '../types.js';

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
  if (named.length > 0) return applyNamedInterviewers(speakers, named);
  // Unlike --interviewer, labels the file or the project config declare need not all appear: a project's config
  // serves every transcript, and a transcript with none of its labels is inferred as if there were no config.
  const declared = declaredRoles(speakers, fromFile, 'file') ?? declaredRoles(speakers, fromConfig, 'config');
  if (declared) return declared;
  const inferred = inferInterviewer(speakers);
  const questionAndAnswer = inferred?.label.toLowerCase() === 'q' && speakers.some((s) => ANSWERERS.has(s.label.toLowerCase()));
  return speakers.map((speaker) => ({
    ...speaker,
    role: roleOf(speaker, inferred, speakers, questionAndAnswer),
    source: 'inferred',
  }));
}

/** Roles from declared interviewer labels, when at least one of them speaks in this transcript. */
function declaredRoles(speakers: Speaker[], labels: readonly string[], source: 'file' | 'config'): Speaker[] | undefined {
  const declared = new Set(labels.map((label) => label.toLowerCase()));
  if (!speakers.some((speaker) => declared.has(speaker.label.toLowerCase()))) return undefined;
  return speakers.map((speaker) => ({ ...speaker, role: declared.has(speaker.label.toLowerCase()) ? 'interviewer' : 'interviewee', source }));
}

// In a Q/A record the answers are the witness's; everyone else (the court, counsel, a clerk) is context.
const ANSWERERS = new Set(['a', 'the witness', 'witness']);

function roleOf(speaker: Speaker, interviewer: Speaker | undefined, all: Speaker[], questionAndAnswer: boolean): SpeakerRole {
  if (speaker === interviewer) return 'interviewer';
  if (questionAndAnswer) return ANSWERERS.has(speaker.label.toLowerCase()) ? 'interviewee' : 'other';
  // A second interviewer ("JB" and "DC Hale") asks in most of their turns; the person answering rarely does.
  const asksMostly = speaker.questions >= 2 && speaker.questions >= speaker.utterances * 0.6;
  const others = all.filter((s) => s !== speaker && s !== interviewer);
  const answererLeft = others.some((s) => s.questions < s.utterances * 0.6);
  return asksMostly && answererLeft ? 'interviewer' : 'interviewee';
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

function applyNamedInterviewers(speakers: Speaker[], named: string[]): Speaker[] {
  const wanted = new Set(named.map((label) => label.toLowerCase()));
  const found = new Set(speakers.map((speaker) => speaker.label.toLowerCase()));
  const unknown = named.filter((label) => !found.has(label.toLowerCase()));
  if (unknown.length > 0) {
    const list = unknown.map((label) => `"${label}"`).join(', ');
    const noun = unknown.length === 1 ? 'matches no speaker' : 'match no speaker';
    const speakersFound = speakers.map((speaker) => speaker.label).join(', ') || '(none)';
    throw new InputError(`--interviewer ${list} ${noun}; speakers found: ${speakersFound}`);
  }
  return speakers.map((speaker) =>
    wanted.has(speaker.label.toLowerCase())
      ? { ...speaker, role: 'interviewer', source: 'option' }
      : { ...speaker, role: 'interviewee', source: 'inferred' },
  );
}

/** Q in a Q/A transcript, else the most frequent asker (first speaker wins a tie); none when only one person speaks. */
function inferInterviewer(speakers: Speaker[]): Speaker | undefined {
  if (speakers.length < 2) return undefined;
  const questioner = speakers.find((speaker) => speaker.label.toLowerCase() === 'q');
  if (questioner) return questioner;
  let top = speakers[0];
  for (const speaker of speakers) {
    if (top && speaker.questions > top.questions) top = speaker;
  }
  return top;
}
