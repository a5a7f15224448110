import type { Analysis } from '../analyse/index.js';
import { endPositionAt, positionAt, segmentAt } from '../position.js';
import type { Clue, ClueKind, Evidence, Severity } from '../types.js';

/** What a detector declares about itself: shown by reports and `--help`, and required of every detector. */
export interface DetectorMeta {
  id: string;
  kind: ClueKind;
  /** The severity of its usual clue; a detector may raise or lower it per clue, and says why in the message. */
  severity: Severity;
  description: string;
  /** Short transcripts (lines joined by \n) on which the detector fires, and look-alikes on which it stays quiet. */
  examples: { fires: string[]; quiet: string[] };
  /** Its clues' messages by id: English with `{name}` holes that a clue's `data.name` fills (quoted words, names). */
  messages: Record<string, string>;
}

/** What fills a message template's holes, by hole name. */
export type MessageData = Record<string, string>;

/** A message template with its holes filled; a hole without data, or an unknown id, is a bug in the detector. */
export function renderMessage(meta: DetectorMeta, messageId: string, data: MessageData): string {
  const template = meta.messages[messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  return template.replace(/\{(\w+)\}/g, (_, hole: string) => {
    const value = data[hole];
    if (value === undefined) throw new Error(`${meta.id} message "${messageId}" needs data.${hole}`);
    return value;
  });
}

/** A detector: metadata plus a pure function from the shared analysis to clues. */
export interface Detector {
  meta: DetectorMeta;
  detect(analysis: Analysis): Clue[];
}

/** Declares a detector; typing it here makes a missing description a compile error. */
export function defineDetector(detector: Detector): Detector {
  return detector;
}

/** A span of an utterance's text quoted as evidence. */
export interface Quote {
  sentence: number;
  start: number;
  end: number;
}

/** A clue from a transcript's words: positions and `lines` always come from the quoted evidence. */
export function createClue(
  analysis: Analysis,
  fields: {
    meta: DetectorMeta;
    severity?: Severity;
    who: string;
    messageId: string;
    data: MessageData;
    quotes: Quote[];
    at?: number;
    confidence?: number;
  },
): Clue {
  const { quotes, at, ...rest } = fields;
  return clueOf({
    ...rest,
    file: analysis.transcript.file,
    speaker: analysis.sentences[quotes[at ?? 0]!.sentence]!.utterance.speaker,
    evidence: quotes.map((q) => quoteEvidence(analysis, q)),
    ...(at === undefined ? {} : { at }),
  });
}

/**
 * The only place a Clue is made, from its evidence: the clue sits at the evidence `at` (else the first), and `lines`
 * lists every line the evidence cites. A transcript comment (a `clues-ignore` directive) comes here directly.
 */
export function clueOf(fields: {
  meta: DetectorMeta;
  severity?: Severity;
  file: string;
  who: string;
  speaker: string;
  messageId: string;
  data: MessageData;
  evidence: Evidence[];
  at?: number;
  confidence?: number;
}): Clue {
  const { evidence } = fields;
  const primary = evidence[fields.at ?? 0] ?? evidence[0]!;
  return {
    rule: fields.meta.id,
    kind: fields.meta.kind,
    severity: fields.severity ?? fields.meta.severity,
    file: fields.file,
    line: primary.line,
    column: primary.column,
    lines: [...new Set(evidence.map((e) => e.line))].sort((a, b) => a - b),
    who: fields.who,
    speaker: fields.speaker,
    messageId: fields.messageId,
    data: fields.data,
    message: renderMessage(fields.meta, fields.messageId, fields.data),
    evidence,
    ...(fields.confidence === undefined ? {} : { confidence: Math.round(fields.confidence * 100) / 100 }),
  };
}

function quoteEvidence(analysis: Analysis, quote: Quote): Evidence {
  const utterance = analysis.sentences[quote.sentence]!.utterance;
  const { line, column } = positionAt(utterance, quote.start);
  const end = endPositionAt(utterance, quote.start, quote.end);
  const text = utterance.text.slice(quote.start, quote.end);
  const evidence: Evidence = { line, column, endLine: end.line, endColumn: end.column, text };
  // A turn in captions can join several cues: the words are timed by the cue they start in.
  const time = segmentAt(utterance, quote.start)?.time ?? utterance.time;
  return time === undefined ? evidence : { ...evidence, time };
}
