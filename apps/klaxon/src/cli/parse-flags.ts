import { FLAG_DEFINITIONS, FlagDefinition } from './flag-definitions';

/** A command-line problem: reported as one line and exit code 2. */
export class UsageError extends Error {}

export interface ParsedCommandLine {
  /** Flag values by name, after defaults; repeatable flags hold every value given. */
  readonly values: ReadonlyMap<string, string | string[] | boolean>;
  /** Flags the user gave explicitly. */
  readonly given: ReadonlySet<string>;
  readonly positional: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
}

const byName = new Map(FLAG_DEFINITIONS.map((d) => [d.name, d]));

/**
 * Parses arguments the way kingpin (Alertmanager's flag library) does: `--flag=value` and
 * `--flag value`, `--flag`/`--no-flag` for booleans, repeatable flags collected in order.
 */
export function parseFlags(argv: readonly string[], definitions = byName): ParsedCommandLine {
  const values = new Map<string, string | string[] | boolean>();
  const given = new Set<string>();
  const positional: string[] = [];
  let help = false;
  let version = false;

  for (const d of definitions.values()) {
    if (d.kind === 'repeatable') values.set(d.name, []);
    else if (d.kind === 'bool') values.set(d.name, false);
    else if (d.defaultValue !== undefined) values.set(d.name, d.defaultValue);
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help' || arg === '--help-long' || arg === '--help-man') {
      help = true;
      continue;
    }
    if (arg === '--version') {
      version = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown short flag '${arg}'`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let inline: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;
    let definition = definitions.get(name);
    if (!definition && name.startsWith('no-') && definitions.get(name.slice(3))?.kind === 'bool') {
      definition = definitions.get(name.slice(3));
      name = name.slice(3);
      if (inline !== undefined) throw new UsageError(`flag '--no-${name}' cannot have an argument`);
      values.set(name, false);
      given.add(name);
      continue;
    }
    if (!definition) throw new UsageError(`unknown long flag '--${name}'`);
    if (definition.kind === 'bool') {
      values.set(name, inline === undefined ? true : parseBool(name, inline));
      given.add(name);
      continue;
    }
    if (inline === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`expected argument for flag '--${name}'`);
      inline = argv[++i];
    }
    validateValue(definition, inline);
    if (definition.kind === 'repeatable') (values.get(name) as string[]).push(inline);
    else values.set(name, inline);
    given.add(name);
  }
  return { values, given, positional, help, version };
}

function parseBool(name: string, value: string): boolean {
  if (/^(1|t|true)$/i.test(value)) return true;
  if (/^(0|f|false)$/i.test(value)) return false;
  throw new UsageError(`invalid boolean value "${value}" for flag '--${name}'`);
}

function validateValue(definition: FlagDefinition, value: string): void {
  const flag = `--${definition.name}`;
  switch (definition.kind) {
    case 'int':
      if (!/^-?\d+$/.test(value)) throw new UsageError(`strconv.ParseInt: parsing "${value}": invalid syntax for flag '${flag}'`);
      return;
    case 'enum':
      if (!definition.choices!.includes(value)) {
        throw new UsageError(`enum value must be one of ${definition.choices!.join(',')}, got '${value}' for flag '${flag}'`);
      }
      return;
    default:
      return;
  }
}
