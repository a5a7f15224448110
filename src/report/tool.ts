import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tool's name and version as machine reports name them (SARIF's driver, the JSON Lines run line). */
export const TOOL_NAME = 'transcript-clues';
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const TOOL_VERSION = (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
