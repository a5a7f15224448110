/** The parse stage: source text to a Transcript of utterances and speakers with roles, by the source's format. */

import { InputError } from '../errors.js';
import { formatNamed, type Source } from '../formats/index.js';
import type { Transcript } from '../types.js';
import { assignRoles } from './roles.js';

export { assignRoles, countQuestions } from './roles.js';

/** Parses a source into a Transcript by its format's parser; throws InputError (message starts with the file name) when it cannot. */
export function parse(source: Source, options: { interviewer?: string; interviewers?: readonly string[] } = {}): Transcript {
  const parsed = formatNamed(source.format).parse(source);
  const lineUnit = parsed.lineUnit ?? (source.container === 'docx' ? 'paragraph' : 'line');
  try {
    const speakers = assignRoles(parsed.utterances, options.interviewer, parsed.interviewers, parsed.children, options.interviewers);
    const directives = parsed.directives ?? [];
    return { file: source.file, utterances: parsed.utterances, speakers, lineUnit, ...(directives.length > 0 ? { directives } : {}) };
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${source.file}: ${error.message}`);
    throw error;
  }
}
