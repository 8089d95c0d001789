// Reads the files a config's `templates:` globs match (Go's filepath.Glob: `*`, `?` and `[...]` within
// one path segment) and parses them on top of Klaxon's default templates.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TemplateSet } from '../../../../libs/template/src';

export function loadTemplateSet(globs: readonly string[]): TemplateSet {
  const files = globs.flatMap(expandGlob).map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
  return TemplateSet.fromFiles(files);
}

const hasMeta = (s: string) => /[*?[]/.test(s);

/** The files matching `pattern`. */
export function expandGlob(pattern: string): string[] {
  return expand(pattern, 'file');
}

function expand(pattern: string, kind: 'file' | 'dir'): string[] {
  const isKind = (path: string) => {
    try {
      const st = statSync(path);
      return kind === 'file' ? st.isFile() : st.isDirectory();
    } catch {
      return false;
    }
  };
  if (!hasMeta(pattern)) return isKind(pattern) ? [pattern] : [];
  const dirs = hasMeta(dirname(pattern)) ? expand(dirname(pattern), 'dir') : [dirname(pattern)];
  const re = segmentPattern(basename(pattern));
  const out: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const full = join(dir, name);
      if (re.test(name) && isKind(full)) out.push(full);
    }
  }
  return out.sort();
}

function segmentPattern(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + segment.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < segment.length) re += '\\' + segment[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
