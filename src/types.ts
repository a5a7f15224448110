/** Shared data shapes that flow through the pipeline: read → parse → analyse → detect → report. */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** How much a clue matters; `error` is the highest. */
export type Severity = (typeof SEVERITIES)[number];

export const CLUE_KINDS = [
  'unexplained-adult',
  'relationship',
  'contradiction',
  'missed-follow-up',
  'unexplained-injury',
  'child-wellbeing',
  'minimisation',
  'suppression',
] as const;
/** The kinds of clue the tool reports. */
export type ClueKind = (typeof CLUE_KINDS)[number];

/** Who a speaker is in the interview; `other` speakers (the court, counsel, a clerk in a Q/A record) are context only. */
export type SpeakerRole = 'interviewer' | 'interviewee' | 'other';

/** What a format's parser returns: the utterances, and what the format itself says about roles and positions. */
export interface ParsedTranscript {
  utterances: Utterance[];
  /** Speaker labels the file itself names as interviewers (CHAT's @Participants roles). */
  interviewers?: string[];
  /** Speaker labels the file names as the child being studied (CHAT's Target_Child): context, not an interviewee. */
  children?: string[];
  /** What `line` counts: lines of the file, or paragraphs of a Word document. */
  lineUnit?: 'line' | 'paragraph';
  /** `clues-ignore` directives in the file's comments (see formats/directives.ts). */
  directives?: Directive[];
}

/** A `clues-ignore <rule> <who> -- <reason>` comment in a transcript, as written. */
export interface Directive {
  /** 1-based line and column of the `clues-ignore` keyword. */
  line: number;
  column: number;
  /** The rule id or kind named; empty when the directive names none. */
  rule: string;
  /** Who the silenced clue is about: a name, role words (`the lodger`) or `*` for anyone; empty when none is named. */
  who: string;
  /** The text after `--`, trimmed; absent when there is none. */
  reason?: string;
  /** The directive's first line from `clues-ignore` on, without the format's comment markers. */
  text: string;
}

/** Where a run of utterance text starts in the file: `text.slice(offset)` begins at `line`:`column`. */
export interface Segment {
  offset: number;
  line: number;
  column: number;
  /** When the words from here on were spoken (`00:12:31`): the start of their cue, where one turn joins several timed cues. */
  time?: string;
}

/** One turn of speech: a speaker label and what they said, with its place in the file. */
export interface Utterance {
  index: number;
  /** The label as written in the transcript, e.g. `TRACEY`, `SW`, `Q`. */
  speaker: string;
  /** The words spoken; lines of one turn are joined with a single space. Non-speech like `[inaudible]` is kept. */
  text: string;
  /** 1-based line and column of the first character of `text`. */
  line: number;
  column: number;
  /** Timestamp as written in the transcript (`00:12:31`), when there is one. */
  time?: string;
  /** Map from offsets in `text` back to file positions, one entry per source line (first at offset 0). */
  segments: Segment[];
  /** Who asks a court `Q` turn, as the examination header above it names them (`MS. HOFFINGER`); absent when none does. */
  questioner?: string;
}

/** A speaker label with the role the tool decided on, and why. */
export interface Speaker {
  label: string;
  role: SpeakerRole;
  /** `option` when --interviewer named the interviewers, `file` when the file itself did (CHAT's @Participants), `config` when the project config did, otherwise `inferred`. */
  source: 'option' | 'file' | 'config' | 'inferred';
  utterances: number;
  questions: number;
}

/** A parsed transcript: utterances in file order and the speakers with roles. */
export interface Transcript {
  file: string;
  utterances: Utterance[];
  speakers: Speaker[];
  /** What `line` counts in this transcript's positions (paragraphs for .docx). */
  lineUnit?: 'line' | 'paragraph';
  /** `clues-ignore` directives found in the file's comments; absent when there are none. */
  directives?: Directive[];
}

/** What a person is to the child or the speaker, as far as the transcript says. */
export type PersonClass =
  | 'relative'
  | 'partner'
  | 'friend'
  | 'household'
  | 'professional'
  | 'child'
  | 'unknown';

/** One place a person is mentioned. */
export interface Mention {
  utterance: number;
  line: number;
  column: number;
  /** The words as written, e.g. `Steven`, `his brother`, `he`. */
  text: string;
  speaker: string;
  pronoun: boolean;
}

/** A person the transcript talks about (not a speaker in it). */
export interface Person {
  id: number;
  /** The best name the transcript gives: a proper name when there is one, else the role words (`the lodger`). */
  name: string;
  aliases: string[];
  personClass: PersonClass;
  /** The role words that established who they are (`friend`, `mum`, `his brother`), if any. */
  roles: string[];
  gender?: 'male' | 'female';
  mentions: Mention[];
  /** Who first brought the person up. */
  introducedBy?: SpeakerRole;
}

/** Quoted words behind a clue, with their place in the file. */
export interface Evidence {
  line: number;
  column: number;
  text: string;
  /** Where the quoted words end: the line of their last character, and the column just past it (exclusive, as SARIF's `endColumn`). Set by `createClue()`. */
  endLine?: number;
  endColumn?: number;
  /** When the words were spoken (`00:12:31`): the start of the cue they begin in, else of their utterance, where the transcript has one. */
  time?: string;
}

/** A finding: plain data with a position, made only by `createClue()`. */
export interface Clue {
  rule: string;
  kind: ClueKind;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** Every line the clue cites, ascending. */
  lines: number[];
  /** The person the clue is about (their best name). */
  who: string;
  /** The speaker whose words raised the clue. */
  speaker: string;
  /** Which of its rule's message templates the message is. */
  messageId: string;
  /** What fills the template's holes: quoted words and names, so redaction replaces names here and renders again. */
  data: Record<string, string>;
  /** The template filled with `data`. */
  message: string;
  evidence: Evidence[];
  /** How sure the detector is, 0–1, where that varies (contradictions); absent otherwise. */
  confidence?: number;
}

/** The outcome for one input file: either a report or a fatal input error. */
export type FileResult =
  | {
      file: string;
      ok: true;
      speakers: Speaker[];
      people: Person[];
      clues: Clue[];
      /** The file's `clues-ignore` directives, from detection until the finishing stage applies them. */
      directives?: Directive[];
      /** How many clues `clues-ignore` directives silenced; absent when none did. */
      suppressed?: number;
      /** What `line` counts in this file's positions; absent means lines of the file. */
      lineUnit?: 'line' | 'paragraph';
      /** The transcript's turns, kept only for a reporter that shows the transcript itself (html): they can be large. */
      utterances?: Utterance[];
    }
  | { file: string; ok: false; error: string };
