// What every section loader needs: where relative paths resolve from, how to read secret files,
// and where to report problems.
import { isAbsolute, join } from 'node:path';
import { isValidLabelName, isValidLegacyLabelName, MatcherParseMode } from '../../../core/src';
import type { ConfigFileReader } from '../config-file-reader';
import type { YamlStruct } from '../yaml/yaml-value';

export interface LoadContext {
  baseDir: string;
  reader: ConfigFileReader;
  warnings: string[];
  /** Alertmanager's matcher feature flags: `fallback` (default), `utf8-strict` or `classic`. */
  matcherMode: MatcherParseMode;
}

/** Label names allowed in group_by and equal under the matcher mode. */
export function isLabelNameValid(ctx: LoadContext, name: string): boolean {
  return ctx.matcherMode === 'classic' ? isValidLegacyLabelName(name) : isValidLabelName(name);
}

export function resolvePath(ctx: LoadContext, path: string): string {
  return path === '' || isAbsolute(path) ? path : join(ctx.baseDir, path);
}

export interface SecretPair {
  value?: string;
  file?: string; // resolved path
}

/**
 * Reads `key` or `key_file` (mutually exclusive) from a struct. The file's content becomes the
 * value. Errors name the keys and the file path, never the secret.
 */
export function readSecretPair(
  ctx: LoadContext,
  s: YamlStruct,
  key: string,
  fileKey = `${key}_file`,
  conflictMessage = `at most one of ${key} & ${fileKey} must be configured`,
): SecretPair {
  const value = s.get(key).asString();
  const rawFile = s.get(fileKey).asString();
  if (value !== undefined && value !== '' && rawFile !== undefined && rawFile !== '') {
    s.error(conflictMessage);
    return {};
  }
  if (rawFile !== undefined && rawFile !== '') {
    const file = resolvePath(ctx, rawFile);
    try {
      const content = ctx.reader.readFile(file);
      return { value: content.trim(), file };
    } catch (e) {
      s.get(fileKey).error(`unable to read ${fileKey} ${JSON.stringify(file)}: ${describeReadError(e)}`);
      return { file };
    }
  }
  return value === undefined || value === '' ? {} : { value };
}

function describeReadError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? 'cannot read file';
}
