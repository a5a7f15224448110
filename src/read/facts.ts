import { parseJsonInput, readText, TEXT, TEXTS, type Schema } from './json-input.js';

/** What is already on record for a case (`--facts case.json`): who lives there, who is known, what was said. */
export interface CaseFacts {
  /** People recorded as living in the home. */
  household: string[];
  /** People known to the case, with what they are known as. */
  known: Array<{ name: string; role: string }>;
  /** Statements made to police or social workers about a person. */
  statements: Array<{ to: string; about: string; relationship?: Relationship; livesHere?: boolean }>;
  /** Injuries on record. */
  injuries: Array<{ child?: string; injury: string; date?: string }>;
}

export const RELATIONSHIPS = ['partner', 'friend', 'relative', 'none'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];

const SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    household: TEXTS,
    known: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name', 'role'], properties: { name: TEXT, role: TEXT } },
    },
    statements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['to', 'about'],
        properties: { to: TEXT, about: TEXT, relationship: { enum: RELATIONSHIPS }, livesHere: { type: 'boolean' }, date: TEXT },
      },
    },
    injuries: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['injury'], properties: { child: TEXT, injury: TEXT, date: TEXT } },
    },
  },
};

/** Reads and checks a case facts file; any problem is one InputError naming the file, the place and the key. */
export async function readFacts(path: string): Promise<CaseFacts> {
  return parseFacts(path, await readText(path, 'case facts'));
}

/** Parses case facts from JSON text (comments allowed); see `CaseFacts` for the shape. */
export function parseFacts(path: string, text: string): CaseFacts {
  type FactsFile = Partial<Omit<CaseFacts, 'statements'>> & { statements?: Array<CaseFacts['statements'][number] & { date?: string }> };
  const facts = parseJsonInput(path, text, SCHEMA).data as FactsFile;
  return {
    household: facts.household ?? [],
    known: facts.known ?? [],
    // The date of a statement is accepted for the record's sake; no rule reads it.
    statements: (facts.statements ?? []).map(({ date: _date, ...statement }) => statement),
    injuries: facts.injuries ?? [],
  };
}
