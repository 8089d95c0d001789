import 'reflect-metadata';
import { buildOptions } from './cli/klaxon-options';
import { parseFlags, UsageError } from './cli/parse-flags';
import { usageText, versionText } from './cli/usage';
import { Logger } from './logging/logger';
import { runCheckConfig } from './commands/check-config.command';
import { runTemplateRender } from './commands/template-render.command';
import { startKlaxon } from './server/start-klaxon';
import { installSignalHandlers } from './server/signal-handlers';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'check-config') return runCheckConfig(argv.slice(1), process.stdout, process.stderr);
  if (argv[0] === 'template' && argv[1] === 'render') return runTemplateRender(argv.slice(2), process.stdout, process.stderr);

  let options;
  try {
    const cli = parseFlags(argv);
    if (cli.help) {
      process.stdout.write(usageText());
      return 0;
    }
    if (cli.version) {
      process.stdout.write(versionText() + '\n');
      return 0;
    }
    if (cli.positional.length > 0) throw new UsageError(`unexpected ${cli.positional[0]}`);
    options = buildOptions(cli, process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`klaxon: error: ${err.message}, try --help\n`);
      return 2;
    }
    throw err;
  }

  const logger = new Logger(options.logLevel, options.logFormat);
  try {
    const running = await startKlaxon(options, logger);
    installSignalHandlers(running, logger);
    return -1; // keep running
  } catch (err) {
    logger.error('Klaxon could not start', { err: (err as Error).message });
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`klaxon: error: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
