import { checkConfigFiles } from '../../../../libs/config/src';
import { loadTemplateGlobs } from '../config/template-files';

/** `klaxon check-config FILE...`, as `amtool check-config`: exit 0 when every file loads, else 1. */
export async function runCheckConfig(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    err.write("klaxon: error: required argument 'check-files' not provided, try --help\n");
    return 2;
  }
  const result = checkConfigFiles(files, { checkTemplates: templateError });
  out.write(result.output);
  for (const warning of result.warnings) err.write(`klaxon: warning: ${warning}\n`);
  if (result.ok) return 0;
  const failed = (result.output.match(/ FAILED: /g) ?? []).length;
  err.write(`klaxon: error: failed to validate ${failed} file(s)\n`);
  return 1;
}

/** The templates a config loads must parse, as amtool check-config requires. */
function templateError(globs: string[]): string | undefined {
  try {
    loadTemplateGlobs(globs);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
