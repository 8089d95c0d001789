// How the loader reads files that the config points to (secrets in *_file keys, the config itself).
import { readFileSync } from 'node:fs';

export interface ConfigFileReader {
  /** Returns the file's content; throws when it cannot be read. */
  readFile(path: string): string;
}

export const fsConfigFileReader: ConfigFileReader = {
  readFile: (path) => readFileSync(path, 'utf8'),
};
