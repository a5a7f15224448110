/** A problem with an input file or the command line: reported as one line, exit code 2, never a stack trace. */
export class InputError extends Error {
  override name = 'InputError';
}
