/** The project config's file name, found in the working folder or the nearest above (config.ts reads it). */
export const CONFIG_FILE = 'clues.config.json';
