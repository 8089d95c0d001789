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
  return result.ok ? 0 : 1;
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
