/**
 * The names `--input-format` accepts, written out so the command line can list them without loading every format's
 * parser; test/cli/cold-start.test.ts checks they are exactly detect-format.ts's INPUT_FORMATS.
 */
export const INPUT_FORMAT_NAMES: readonly string[] = ['txt', 'md', 'vtt', 'srt', 'json', 'cha', 'docx'];
