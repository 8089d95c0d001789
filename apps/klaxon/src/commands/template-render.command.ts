import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TemplateSet, templateDataFromJson } from '../../../../libs/template/src';

/**
 * `klaxon template render`, as `amtool template render`: parses Klaxon's default templates and
 * the files matched by each --template.glob, renders --template.text (as text, or as HTML with
 * --template.type=html) with the JSON data of --template.data, or with amtool's sample data.
 * Prints the result without a trailing newline; exit 0, or 1 with `klaxon: error: ...`.
 */
export async function runTemplateRender(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let flags: RenderFlags;
  try {
    flags = parseFlags(args);
  } catch (e) {
    err.write(`klaxon: error: ${(e as Error).message}, try --help\n`);
    return 1;
  }
  try {
    const set = loadTemplateGlobs(flags.globs);
    const data = flags.dataFile === undefined ? sampleData(new Date()) : templateDataFromJson(JSON.parse(readFileSync(flags.dataFile, 'utf8')));
    const rendered = flags.type === 'html' ? set.executeHtml(flags.text, data) : set.executeText(flags.text, data);
    out.write(rendered);
    return 0;
  } catch (e) {
    err.write(`klaxon: error: ${(e as Error).message}\n`);
    return 1;
  }
}

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

interface RenderFlags {
  globs: string[];
  text: string;
  type: 'text' | 'html';
  dataFile?: string;
}

const FLAGS = ['template.glob', 'template.text', 'template.type', 'template.data'] as const;

/** Kingpin-style flags: `--name=value` or `--name value`; --template.glob may repeat. */
function parseFlags(args: string[]): RenderFlags {
  const values: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) throw new Error(`unexpected ${a}`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!(FLAGS as readonly string[]).includes(name)) throw new Error(`unknown long flag '--${name}'`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new Error(`expected argument for flag '--${name}'`);
      value = args[++i];
    }
    (values[name] ??= []).push(value);
  }
  if (!values['template.glob']) throw new Error('required flag --template.glob not provided');
  if (!values['template.text']) throw new Error('required flag --template.text not provided');
  const type = values['template.type']?.at(-1) ?? 'text';
  if (type !== 'text' && type !== 'html') throw new Error(`enum value must be one of html,text, got '${type}'`);
  return {
    globs: values['template.glob'],
    text: values['template.text'].at(-1)!,
    type,
    dataFile: values['template.data']?.at(-1),
  };
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

/** amtool's predefined data: two alerts that started 5 and 10 minutes ago and end now. */
function sampleData(now: Date) {
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  const common = { commonlabelkey1: 'commonlabelvalue1', commonlabelkey2: 'commonlabelvalue2' };
  const commonAnnotations = { commonannotationkey1: 'commonannotationvalue1', commonannotationkey2: 'commonannotationvalue2' };
  return templateDataFromJson({
    receiver: 'receiver',
    status: 'alertstatus',
    alerts: [
      {
        status: 'alertstatus',
        labels: { label1: 'value1', label2: 'value2', instance: 'foo.bar:1234', ...common },
        annotations: { annotation1: 'value1', annotation2: 'value2', ...commonAnnotations },
        startsAt: minutesAgo(5),
        endsAt: now.toISOString(),
        generatorURL: 'https://generatorurl.com',
        fingerprint: 'fingerprint1',
      },
      {
        status: 'alertstatus',
        labels: { foo: 'bar', baz: 'qux', ...common },
        annotations: { aaa: 'bbb', ccc: 'ddd', ...commonAnnotations },
        startsAt: minutesAgo(10),
        endsAt: now.toISOString(),
        generatorURL: 'https://generatorurl.com',
        fingerprint: 'fingerprint2',
      },
    ],
    groupLabels: { grouplabelkey1: 'grouplabelvalue1', grouplabelkey2: 'grouplabelvalue2' },
    commonLabels: common,
    commonAnnotations,
    externalURL: 'https://example.com',
  });
}
