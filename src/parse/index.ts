/** The parse stage: source text to a Transcript of utterances and speakers with roles. */

import { InputError } from '../errors.js';
import type { Source, Transcript } from '../types.js';
import { parsePlain } from './plain.js';
import { assignRoles } from './roles.js';

export { parsePlain } from './plain.js';
export { positionAt } from './position.js';
export { assignRoles, countQuestions } from './roles.js';

/** Parses a source into a Transcript; throws InputError (message starts with the file name) when it cannot. */
export function parse(source: Source, options: { interviewer?: string } = {}): Transcript {
  const utterances = parsePlain(source);
  try {
    return { file: source.file, utterances, speakers: assignRoles(utterances, options.interviewer) };
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${source.file}: ${error.message}`);
    throw error;
  }
}
