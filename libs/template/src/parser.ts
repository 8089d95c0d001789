// Builds parse trees from tokens, with Go text/template's grammar and error messages.
import type {
  ActionNode, CommandNode, IfNode, ListNode, Node, NumberNode, ParsedTemplate, PipeNode, RangeNode, TemplateNode,
  VariableNode, WithNode,
} from './ast';
import { nodeToString } from './ast';
import { TemplateParseError } from './errors';
import { LineIndex, Token, tokenize } from './lexer';
import { quoteGo } from './go-quote';
import { unquoteString } from './go-unquote';
import { numberLiteral } from './number-literal';

/** Control-flow markers returned by itemList. */
interface EndMarker { type: 'end'; pos: number }
interface ElseMarker { type: 'else'; pos: number }
type Item = Node | EndMarker | ElseMarker;

export interface ParseResult {
  /** Every template defined by the source, including the top-level one named `name`. */
  templates: ParsedTemplate[];
}

export function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim().length === 0;
    default: return false;
  }
}

function tokenString(t: Token): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'error') return t.value;
  if (t.kind === 'keyword') return `<${t.value}>`;
  if ([...t.value].length > 10) return quoteGo([...t.value].slice(0, 10).join('')) + '...';
  return quoteGo(t.value);
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  private lastLine = 1;
  private last: Token | undefined;
  private readonly lines: LineIndex;
  readonly defined = new Map<string, ParsedTemplate>();

  constructor(
    private readonly name: string,
    private readonly source: string,
    private readonly hasFunction: (name: string) => boolean,
  ) {
    this.tokens = tokenize(source);
    this.lines = new LineIndex(source);
  }

  private error(msg: string, atToken?: Token): never {
    const t = atToken ?? this.last ?? this.tokens[Math.max(0, this.i - 1)];
    const line = t ? t.line : this.lastLine;
    const column = t ? this.lines.byteColumn(t.pos) + 1 : 1;
    throw new TemplateParseError(this.name, line, column, msg);
  }

  private next(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    this.i++;
    this.lastLine = t.line;
    this.last = t;
    return t;
  }
  private backup(n = 1): void {
    this.i -= n;
  }
  /** Like Go's parser, a peeked token counts as the last one read (for error lines). */
  private peek(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    this.last = t;
    return t;
  }
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }
  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }
  private expect(kind: Token['kind'], context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }
  private unexpected(t: Token, context: string): never {
    if (t.kind === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.name}:${this.actionLine}`;
        if (t.value.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.error(t.value + extra, t);
    }
    this.error(`unexpected ${tokenString(t)} in ${context}`, t);
  }

  parse(): ParsedTemplate {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'leftDelim') {
        const delimAt = this.i;
        this.next();
        const kw = this.nextNonSpace();
        if (kw.kind === 'keyword' && kw.value === 'define') {
          this.parseDefinition();
          continue;
        }
        this.i = delimAt;
      }
      if (this.peek().kind === 'error') this.unexpected(this.next(), 'input');
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.error(`unexpected {{${n.type}}}`);
      root.nodes.push(n);
    }
    const top: ParsedTemplate = { name: this.name, parseName: this.name, source: this.source, root };
    return top;
  }

  private addTemplate(t: ParsedTemplate): void {
    const existing = this.defined.get(t.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.defined.set(t.name, t);
      return;
    }
    if (!isEmptyTree(t.root)) this.error(`template: multiple definition of template ${quoteGo(t.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    if (nameTok.kind !== 'string' && nameTok.kind !== 'rawString') this.unexpected(nameTok, context);
    const name = this.unquote(nameTok);
    this.expect('rightDelim', context);
    const savedVars = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = savedVars;
    if (end.type !== 'end') this.error(`unexpected {{${end.type}}} in ${context}`);
    this.addTemplate({ name, parseName: this.name, source: this.source, root: list });
  }

  private unquote(t: Token): string {
    try {
      return unquoteString(t.value);
    } catch (e) {
      this.error((e as Error).message, t);
    }
  }

  private itemList(): [ListNode, EndMarker | ElseMarker] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().kind !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.error('unexpected EOF');
  }

  private textOrAction(): Item {
    const t = this.nextNonSpace();
    if (t.kind === 'text') return { type: 'text', pos: t.pos, text: t.value };
    if (t.kind === 'leftDelim') {
      this.actionLine = t.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(t, 'input');
  }

  private action(): Item {
    const t = this.nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.value) {
        case 'block': return this.blockControl();
        case 'break': case 'continue': return this.loopControl(t);
        case 'else': return this.elseControl();
        case 'end': this.expect('rightDelim', 'end'); return { type: 'end', pos: t.pos };
        case 'if': return this.control('if', t.pos);
        case 'range': return this.control('range', t.pos);
        case 'with': return this.control('with', t.pos);
        case 'template': return this.templateControl();
      }
    }
    this.backup();
    const start = this.peek();
    const pipe = this.pipeline('command', 'rightDelim');
    const node: ActionNode = { type: 'action', pos: start.pos, pipe };
    return node;
  }

  private loopControl(t: Token): Node {
    const tok = this.nextNonSpace();
    if (tok.kind !== 'rightDelim') this.unexpected(tok, `{{${t.value}}}`);
    if (this.rangeDepth === 0) this.error(`{{${t.value}}} outside {{range}}`);
    return t.value === 'break' ? { type: 'break', pos: t.pos } : { type: 'continue', pos: t.pos };
  }

  private elseControl(): ElseMarker {
    const peek = this.peekNonSpace();
    if (peek.kind === 'keyword' && (peek.value === 'if' || peek.value === 'with')) return { type: 'else', pos: peek.pos };
    const t = this.expect('rightDelim', 'else');
    return { type: 'else', pos: t.pos };
  }

  private control(kind: 'if' | 'range' | 'with', _pos: number): IfNode | RangeNode | WithNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(kind, 'rightDelim');
      if (kind === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (kind === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        const p = this.peek();
        if (kind !== 'range' && p.kind === 'keyword' && p.value === kind) {
          // "{{else if ...}}" is "{{else}}{{if ...}}" sharing the outer {{end}}.
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(kind, p.pos)] };
        } else {
          const [els, end] = this.itemList();
          if (end.type !== 'end') this.error(`expected end; found {{else}}`);
          elseList = els;
        }
      }
      return { type: kind, pos: pipe.pos, pipe, list, elseList } as IfNode | RangeNode | WithNode;
    } finally {
      this.vars.length = mark;
    }
  }

  private templateName(t: Token, context: string): string {
    if (t.kind === 'string' || t.kind === 'rawString') return this.unquote(t);
    this.unexpected(t, context);
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().kind !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const savedVars = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = savedVars;
    if (end.type !== 'end') this.error(`unexpected {{${end.type}}} in ${context}`);
    this.addTemplate({ name, parseName: this.name, source: this.source, root: list });
    return { type: 'template', pos: t.pos, name, pipe };
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const save = this.i;
      const v = this.nextNonSpace();
      if (v.kind !== 'variable') {
        this.i = save;
        break;
      }
      const next = this.peekNonSpace();
      if (next.kind === 'assign' || next.kind === 'declare') {
        pipe.isAssign = next.kind === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.value] });
        this.vars.push(v.value);
        break;
      }
      if (next.kind === 'comma') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: [v.value] });
        this.vars.push(v.value);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace();
          if (p.kind === 'variable' || p.kind === 'rightDelim' || p.kind === 'rightParen') continue;
          this.error('range can only initialize variables');
        }
        this.error(`too many declarations in ${context}`);
      }
      // Not a declaration: "$x" is the first operand. Put it back.
      this.i = save;
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.kind === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.kind) {
        case 'bool': case 'char': case 'dot': case 'field': case 'identifier': case 'number': case 'nil':
        case 'rawString': case 'string': case 'variable': case 'leftParen':
          if (t.kind === 'char' && t.value.length === 1) this.unexpected(t, context);
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.error(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) {
        this.error(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.kind === 'space') continue;
      if (t.kind === 'rightDelim' || t.kind === 'rightParen') this.backup();
      else if (t.kind !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.error('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().kind !== 'field') return node;
    const chainPos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().kind === 'field') fields.push(this.next().value.slice(1));
    switch (node.type) {
      case 'field': return { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'variable': return { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        this.error(`unexpected . after term ${quoteGo(nodeToString(node))}`);
    }
    return { type: 'chain', pos: chainPos, node, fields };
  }

  private term(): Node | undefined {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'identifier':
        if (!this.hasFunction(t.value)) this.error(`function ${quoteGo(t.value)} not defined`, t);
        return { type: 'identifier', pos: t.pos, name: t.value };
      case 'dot': return { type: 'dot', pos: t.pos };
      case 'nil': return { type: 'nil', pos: t.pos };
      case 'variable': {
        const name = t.value.split('.')[0];
        if (!this.vars.includes(name)) this.error(`undefined variable ${quoteGo(name)}`, t);
        const v: VariableNode = { type: 'variable', pos: t.pos, ident: [t.value] };
        return v;
      }
      case 'field': return { type: 'field', pos: t.pos, ident: [t.value.slice(1)] };
      case 'bool': return { type: 'bool', pos: t.pos, value: t.value === 'true' };
      case 'number': return this.number(t);
      case 'char':
        if (t.value.startsWith("'")) return this.number(t);
        break;
      case 'leftParen': return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string': case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.value, text: this.unquote(t) };
    }
    this.backup();
    return undefined;
  }

  private number(t: Token): NumberNode {
    try {
      return numberLiteral(t.value, t.pos);
    } catch (e) {
      this.error((e as Error).message, t);
    }
  }
}

/**
 * Parses one source (a file, or an inline template) into its templates: the top-level body,
 * named `name`, plus every {{define}} and {{block}} it contains.
 */
export function parseTemplates(name: string, source: string, hasFunction: (fn: string) => boolean): ParseResult {
  const p = new Parser(name, source, hasFunction);
  let top: ParsedTemplate;
  try {
    top = p.parse();
  } catch (e) {
    if (e instanceof RangeError) throw new TemplateParseError(name, 1, 1, 'template nested too deeply');
    throw e;
  }
  const templates = [top, ...p.defined.values()];
  return { templates };
}
