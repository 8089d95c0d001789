import { readFileSync } from 'node:fs';
import { loadTemplateGlobs } from '../config/template-files';
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
