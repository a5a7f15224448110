/**
 * What speaker labels say about a speaker's part in a recording, as lower-case words without full stops (`DC.
 * HUGHES` is looked up as `dc hughes`, first word `dc`). Vocabulary only; roles.ts decides with it.
 */

/** Labels of people who ask by their job: a whole label, or one with a number after it (`Interviewer 2`, `SW2`). */
export const ASKER_LABELS: ReadonlySet<string> = new Set([
  'q', 'int', 'iv', 'i', 'interviewer', 'sw', 'social worker', 'student sw', 'student social worker', 'ssw', 'dsw',
  'hv', 'health visitor', 'fn', 'family nurse', 'researcher', 'assessor', 'ds', 'officer', 'police', 'police officer',
  'detective', 'investigator', 'moderator', 'facilitator', 'practitioner', 'fsw', 'family support worker', 'nurse',
  'midwife', 'caseworker', 'case worker', 'counsellor', 'therapist', 'psychologist', 'cafcass', 'iro', 'examiner',
]);

/** Ranks that make a named speaker a police interviewer: `DC HUGHES`, `DS. PATEL`, `DET. JOHN ALLEN`, `Sergeant Cole`. */
export const RANKS: ReadonlySet<string> = new Set([
  'dc', 'ds', 'di', 'dci', 'dsi', 'dsu', 'pc', 'ps', 'wpc', 'sgt', 'det', 'detective', 'insp', 'inspector',
  'constable', 'officer', 'sergeant', 'supt', 'superintendent', 'investigator', 'agent', 'ofc',
]);

/** Labels of people whose words are context, not an account: the court and its staff, advisers, machines. */
export const CONTEXT_LABELS: ReadonlySet<string> = new Set([
  'the court', 'court', 'the clerk', 'clerk', 'court clerk', 'the court clerk', 'court officer', 'the court officer',
  'audio description', 'the court reporter', 'court reporter', 'the sergeant', 'the lieutenant', 'the officer',
  'the bailiff', 'bailiff', 'usher', 'the usher', 'the marshal', 'interpreter', 'the interpreter', 'solicitor',
  'duty solicitor', 'legal representative', 'legal rep', 'legal adviser', 'legal advisor', 'appropriate adult', 'aa',
  'note', 'notes', 'narrator', 'recording', 'automated voice', 'automated message', 'operator', 'transcriber',
]);

/** Bare ranks that, in a court record, are court officers rather than interviewers (`SERGEANT:`, `LIEUTENANT:`). */
export const COURT_STAFF_RANKS: ReadonlySet<string> = new Set(['sergeant', 'lieutenant', 'officer', 'captain']);

/** Labels that only a court record has. */
export const COURT_LABELS: ReadonlySet<string> = new Set([
  'the court', 'the clerk', 'court clerk', 'court officer', 'the court officer', 'the witness', 'the defendant',
  'audio description', 'the court reporter',
]);

/** Labels of the person answering in a Q/A record. */
export const ANSWERER_LABELS: ReadonlySet<string> = new Set(['a', 'the witness', 'witness']);

/**
 * Labels that say a recording is a conversation between family or call parties, not an interview: when one of
 * these speaks and no label marks an interviewer, nobody is taken for one.
 */
export const CONVERSATION_LABELS: ReadonlySet<string> = new Set([
  'inmate', 'caller', 'receiver', 'called party', 'male', 'female', 'male voice', 'female voice', 'unidentified male',
  'unidentified female', 'mum', 'mom', 'mam', 'mother', 'dad', 'father', 'son', 'daughter', 'brother', 'sister',
  'nan', 'nana', 'nanna', 'gran', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandfather', 'aunt', 'auntie',
  'uncle', 'cousin', 'wife', 'husband', 'boyfriend', 'girlfriend', 'partner', 'stepdad', 'stepmum', 'friend',
]);
