// A set of named templates (Klaxon's defaults plus the user's files) that notifications are
// rendered from, with text/template or html/template semantics.
import type { ParsedTemplate } from './ast';
import { alertmanagerFuncs } from './alertmanager-funcs';
import { BUILTINS, printable } from './builtins';
import { DEFAULT_TEMPLATE_FILES } from './defaults';
import { execute, OutputEscaper } from './executor';
import type { FuncMap } from './func-def';
import { advance, initialContext } from './html-context';
import { escapeForContext } from './html-escapers';
import type { ExecutionLimits } from './limits';
import { isEmptyTree, parseTemplates } from './parser';
import type { GoValue } from './values';

export interface TemplateSetOptions {
  /** The clock behind `now` and `since` (defaults to the system clock). */
  now?: () => Date;
}

/** Parse trees are immutable, so the defaults are parsed once and shared by every set. */
let parsedDefaults: Map<string, ParsedTemplate> | undefined;

export class TemplateSet {
  private readonly templates: Map<string, ParsedTemplate>;
  private readonly funcs: FuncMap;

  private constructor(templates: Map<string, ParsedTemplate>, funcs: FuncMap) {
    this.templates = templates;
    this.funcs = funcs;
  }

  /** A set with no templates (what amtool renders against when given no defaults). */
  static empty(options: TemplateSetOptions = {}): TemplateSet {
    return new TemplateSet(new Map(), { ...alertmanagerFuncs(options.now), ...BUILTINS });
  }

  /** A set holding Klaxon's default templates (`__subject`, `email.default.html`, ...). */
  static withDefaults(options: TemplateSetOptions = {}): TemplateSet {
    const set = TemplateSet.empty(options);
    if (!parsedDefaults) {
      for (const f of DEFAULT_TEMPLATE_FILES) set.addFile(f.name, f.text);
      parsedDefaults = new Map(set.templates);
    } else {
      for (const [name, t] of parsedDefaults) set.templates.set(name, t);
    }
    return set;
  }

  /**
   * The defaults, then each file in order (what a config's `templates:` globs load). Throws the
   * first TemplateParseError, naming the file, line and column.
   */
  static fromFiles(files: Array<{ name: string; text: string }>, options: TemplateSetOptions = {}): TemplateSet {
    const set = TemplateSet.withDefaults(options);
    for (const f of files) set.addFile(f.name, f.text);
    return set;
  }

  private hasFunction = (name: string): boolean => Object.prototype.hasOwnProperty.call(this.funcs, name);

  /**
   * Parses a template file on top of the set. Its {{define}}s replace templates of the same
   * name (an empty body never replaces a non-empty one); its top-level text becomes the template
   * named `name`. Nothing is added when the file fails to parse (TemplateParseError).
   */
  addFile(name: string, text: string): void {
    const { templates } = parseTemplates(name, text, this.hasFunction);
    this.addParsed(this.templates, templates);
  }

  private addParsed(into: Map<string, ParsedTemplate>, templates: ParsedTemplate[]): void {
    for (const t of templates) {
      const old = into.get(t.name);
      if (old && isEmptyTree(t.root) && !isEmptyTree(old.root)) continue;
      into.set(t.name, t);
    }
  }

  clone(): TemplateSet {
    return new TemplateSet(new Map(this.templates), this.funcs);
  }

  /** Names of the templates in the set. */
  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  /** Parses `text` as an inline template named "" and executes it with text/template semantics. */
  executeText(text: string, data: TemplateData, limits?: ExecutionLimits): string {
    return this.run(text, data, { text: (s) => s, value: printable }, limits);
  }

  /** Same, with html/template's contextual escaping of every action's output. */
  executeHtml(text: string, data: TemplateData, limits?: ExecutionLimits): string {
    const ctx = initialContext();
    const escaper: OutputEscaper = {
      text: (s) => advance(ctx, s),
      value: (v, escapedBy) => escapeForContext(ctx, v, escapedBy),
    };
    return this.run(text, data, escaper, limits);
  }

  private run(text: string, data: TemplateData, escaper: OutputEscaper, limits?: ExecutionLimits): string {
    if (text === '') return '';
    const { templates } = parseTemplates('', text, this.hasFunction);
    const all = new Map(this.templates);
    this.addParsed(all, templates);
    const top = all.get('');
    if (!top) return '';
    return execute({ templates: all, funcs: this.funcs, escaper, limits }, top, data);
  }
}

/** Any Go value may be passed as data; notifications pass buildTemplateData's result. */
export type TemplateData = GoValue;
