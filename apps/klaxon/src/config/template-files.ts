import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TemplateSet } from '../../../../libs/template/src';

/**
 * Klaxon's defaults, then every file matched by each glob (in filepath.Glob order), each named
 * by its base name as Alertmanager's ParseGlob does. What a config's `templates:` loads, at load
 * and on reload; throws TemplateParseError (file, line, column) or the file system's error.
 * A glob that matches nothing is not an error.
 */
export function loadTemplateGlobs(globs: string[]): TemplateSet {
  const set = TemplateSet.withDefaults();
  for (const pattern of globs) {
    for (const file of expandGlob(pattern)) set.addFile(basename(file), readFileSync(file, 'utf8'));
  }
  return set;
}

/** filepath.Glob: matches per path segment, results sorted; a pattern without meta is the file itself if it exists. */
export function expandGlob(pattern: string): string[] {
  if (!hasMeta(pattern)) {
    try {
      statSync(pattern);
      return [pattern];
    } catch {
      return [];
    }
  }
  const dir = dirname(pattern);
  const bases = hasMeta(dir) ? expandGlob(dir) : [dir];
  const re = segmentRegExp(basename(pattern));
  const matches: string[] = [];
  for (const d of bases) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names.sort()) if (re.test(n)) matches.push(join(d, n));
  }
  return matches.sort();
}

function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) throw new Error('syntax error in pattern');
      let body = segment.slice(i + 1, close);
      if (body.startsWith('^')) body = '^' + body.slice(1);
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < segment.length) re += '\\' + segment[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const hasMeta = (s: string) => /[*?[\\]/.test(s);
