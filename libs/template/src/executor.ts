// Executes parse trees against data with Go text/template's semantics (missingkey=zero).
import type {
  ActionNode, BranchFields, ChainNode, CommandNode, FieldNode, IdentifierNode, Node, NumberNode,
  ParsedTemplate, PipeNode, TemplateNode, VariableNode,
} from './ast';
import { nodeToString } from './ast';
import { printable } from './builtins';
import { TemplateExecError, TemplateLimitError } from './errors';
import type { FuncDef, FuncMap } from './func-def';
import { LineIndex } from './lexer';
import type { ExecutionLimits } from './limits';
import { resolveLimits } from './limits';
import { assignable, canBeNil, goTypeOfParam } from './param-types';
import { GoFunc, GoList, GoMap, GoMethod, GoStruct, GoValue, ParamType, goTypeName, isTrue } from './values';

/** Where output goes. Text mode prints values as they are; html mode escapes them by context. */
export interface OutputEscaper {
  /** Template text about to be written; returns what to write. */
  text(s: string): string;
  /**
   * The printed form of an action's value. `escapedBy` names the predefined escaper (`html` or
   * `urlquery`) that ends the action's pipeline, which html/template treats as having done the
   * equivalent contextual escaping already.
   */
  value(v: GoValue, escapedBy?: 'html' | 'urlquery'): string;
}

export const PLAIN_OUTPUT: () => OutputEscaper = () => ({ text: (s) => s, value: printable });

const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

export interface ExecContext {
  templates: Map<string, ParsedTemplate>;
  funcs: FuncMap;
  escaper: OutputEscaper;
  limits?: ExecutionLimits;
}

export class Executor {
  private readonly out: string[] = [];
  private outBytes = 0;
  private vars: Array<{ name: string; value: GoValue }> = [];
  private tmpl!: ParsedTemplate;
  private node: Node | undefined;
  private depth = 0;
  private steps = 0;
  private readonly limits: Required<ExecutionLimits>;
  private readonly deadline: number;
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(private readonly ctx: ExecContext) {
    this.limits = resolveLimits(ctx.limits);
    this.deadline = Date.now() + this.limits.timeoutMs;
  }

  run(tmpl: ParsedTemplate, data: GoValue): string {
    this.tmpl = tmpl;
    this.vars = [{ name: '$', value: data }];
    try {
      this.walk(data, tmpl.root);
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        this.limitError('depth', `exceeded maximum template depth (${this.limits.maxDepth})`);
      }
      throw e;
    }
    return this.out.join('');
  }

  // --- errors -------------------------------------------------------------------------------

  private location(): { location: string; context: string } {
    const n = this.node!;
    let idx = this.lineIndexes.get(this.tmpl.source);
    if (!idx) {
      idx = new LineIndex(this.tmpl.source);
      this.lineIndexes.set(this.tmpl.source, idx);
    }
    const line = idx.lineAt(n.pos);
    const col = idx.byteColumn(n.pos);
    const context = nodeToString(n);
    return { location: `${this.tmpl.parseName}:${line}:${col}`, context };
  }

  private message(msg: string): string {
    if (!this.node) return `template: ${this.tmpl.name}: ${msg}`;
    const { location, context } = this.location();
    return `template: ${location}: executing ${JSON.stringify(this.tmpl.name)} at <${context}>: ${msg}`;
  }

  private errorf(msg: string): never {
    throw new TemplateExecError(this.message(msg), msg);
  }

  private limitError(limit: 'depth' | 'output' | 'time', msg: string): never {
    throw new TemplateLimitError(this.message(msg), msg, limit);
  }

  private at(n: Node): void {
    this.node = n;
  }

  private tick(): void {
    if ((++this.steps & 0xff) === 0 && Date.now() > this.deadline) {
      this.limitError('time', `template execution exceeded the time limit (${this.limits.timeoutMs}ms)`);
    }
  }

  private write(s: string): void {
    if (s.length === 0) return;
    this.outBytes += Buffer.byteLength(s, 'utf8');
    if (this.outBytes > this.limits.maxOutputBytes) {
      this.limitError('output', `template output exceeded the size limit (${this.limits.maxOutputBytes} bytes)`);
    }
    this.out.push(s);
  }

  // --- variables ----------------------------------------------------------------------------

  private mark(): number {
    return this.vars.length;
  }
  private pop(mark: number): void {
    this.vars.length = mark;
  }
  private push(name: string, value: GoValue): void {
    this.vars.push({ name, value });
  }
  private setTopVar(n: number, value: GoValue): void {
    this.vars[this.vars.length - n].value = value;
  }
  private setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ------------------------------------------------------------------------------

  private walk(dot: GoValue, node: Node): void {
    this.tick();
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'if': return this.walkIfOrWith('if', dot, node);
      case 'with': return this.walkIfOrWith('with', dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'text':
        this.write(this.ctx.escaper.text(node.text));
        return;
      default:
        this.errorf(`unknown node: ${nodeToString(node)}`);
    }
  }

  private printValue(node: ActionNode, v: GoValue): void {
    this.at(node);
    if (v instanceof GoFunc) this.errorf(`can't print ${nodeToString(node)} of type ${goTypeName(v)}`);
    const last = node.pipe.cmds[node.pipe.cmds.length - 1].args[0];
    const escapedBy = last.type === 'identifier' && (last.name === 'html' || last.name === 'urlquery') ? last.name : undefined;
    this.write(this.ctx.escaper.value(v, escapedBy));
  }

  private enter(): void {
    if (++this.depth > this.limits.maxDepth) {
      this.limitError('depth', `exceeded maximum template depth (${this.limits.maxDepth})`);
    }
  }

  private walkIfOrWith(kind: 'if' | 'with', dot: GoValue, node: BranchFields): void {
    const mark = this.mark();
    this.enter();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) {
        this.walk(kind === 'with' ? val : dot, node.list);
      } else if (node.elseList) {
        this.walk(dot, node.elseList);
      }
    } finally {
      this.depth--;
      this.pop(mark);
    }
  }

  private walkRange(dot: GoValue, r: BranchFields): void {
    this.at(r as unknown as Node);
    const outer = this.mark();
    this.enter();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: GoValue, elem: GoValue): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e === BREAK) return false;
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
        return true;
      };
      let iterated = false;
      if (val instanceof GoList) {
        iterated = val.items.length > 0;
        for (let i = 0; i < val.items.length; i++) if (!one(BigInt(i), val.items[i])) break;
      } else if (val instanceof GoMap) {
        iterated = val.entries.size > 0;
        for (const k of val.sortedKeys()) if (!one(k, val.get(k) ?? null)) break;
      } else if (typeof val === 'bigint') {
        iterated = val > 0n;
        if (decl.length > 1) this.errorf(`can't use ${nodeToString(r.pipe)} to iterate over more than one variable`);
        for (let i = 0n; i < val; i++) if (!one(i, i)) break;
      } else if (val !== null) {
        this.errorf(`range can't iterate over ${printable(val)}`);
      }
      if (!iterated && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.depth--;
      this.pop(outer);
    }
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.ctx.templates.get(t.name);
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`);
    this.enter();
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : null;
    const saved = { tmpl: this.tmpl, vars: this.vars };
    this.tmpl = tmpl;
    this.vars = [{ name: '$', value: newDot }];
    try {
      this.walk(newDot, tmpl.root);
    } finally {
      this.tmpl = saved.tmpl;
      this.vars = saved.vars;
      this.depth--;
    }
  }

  // --- evaluation ---------------------------------------------------------------------------

  private evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    const v = value === MISSING ? null : value;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0], v);
      else this.push(variable.ident[0], v);
    }
    return v;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeToString(args[0])}`);
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field': return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
    this.errorf(`can't evaluate command ${JSON.stringify(nodeToString(first))}`);
  }

  private idealConstant(n: NumberNode): GoValue {
    this.at(n);
    const isHexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !isHexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return n.floatValue;
    if (n.isInt) return n.intValue;
    this.errorf(`${n.text} overflows int`);
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: Node[], final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: Node[], final: Final): GoValue {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeToString(chain)}`);
    const pipe = this.evalArg(dot, 'any', chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: GoValue, v: VariableNode, args: Node[], final: Final): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, node: Node, ident: string[], args: Node[], final: Final): GoValue {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, [], MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  private evalField(dot: GoValue, name: string, node: Node, args: Node[], final: Final, receiver: GoValue): GoValue {
    if (receiver === null) return null;
    const method: GoMethod | undefined =
      typeof receiver === 'object' && 'method' in receiver ? (receiver as { method(n: string): GoMethod | undefined }).method(name) : undefined;
    if (method) {
      return this.evalCall(dot, { params: method.params, variadic: method.variadic, call: method.call }, false, node, name, args, final);
    }
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver instanceof GoStruct) {
      const f = receiver.field(name);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
        return f;
      }
    } else if (receiver instanceof GoMap) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const v = receiver.get(name);
      return v === undefined ? receiver.elemZero : v;
    }
    this.errorf(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(dot: GoValue, node: IdentifierNode, cmd: CommandNode, args: Node[], final: Final): GoValue {
    this.at(node);
    const fn = this.ctx.funcs[node.name];
    if (!fn) this.errorf(`${JSON.stringify(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, true, cmd, node.name, args, final);
  }

  private evalCall(
    dot: GoValue, fn: FuncDef, isFunction: boolean, node: Node, name: string, argNodes: Node[], final: Final,
  ): GoValue {
    const args = argNodes.slice(1);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    const nParams = fn.params.length;
    if (fn.variadic) {
      numFixed = nParams - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${nParams - 1} got ${args.length}`);
    } else if (numIn !== nParams) {
      this.errorf(`wrong number of args for ${name}: want ${nParams} got ${numIn}`);
    }
    if (isFunction && (name === 'and' || name === 'or') && this.ctx.funcs[name] === fn) {
      let v: GoValue = null;
      for (const a of args) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    if (fn.variadic) {
      const t = fn.params[nParams - 1];
      for (; i < args.length; i++) argv.push(this.evalArg(dot, t, args[i]));
    }
    if (final !== MISSING) {
      let t = fn.params[nParams - 1];
      if (fn.variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
    }
    let result: GoValue;
    try {
      result = fn.call(...argv);
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
    // Values built up in variables never reach the output check; bound them too.
    if (typeof result === 'string' && result.length > this.limits.maxOutputBytes) {
      this.at(node);
      this.limitError('output', `value of ${name} exceeded the size limit (${this.limits.maxOutputBytes} bytes)`);
    }
    this.tick();
    return result;
  }

  private validateType(value: GoValue, t: ParamType): GoValue {
    if (value === null) {
      if (canBeNil(t)) return t === '[]string' ? new GoList([], '[]string') : null;
      this.errorf(`invalid value; expected ${goTypeOfParam(t)}`);
    }
    if (assignable(value, t)) return value;
    this.errorf(`wrong type for value; expected ${goTypeOfParam(t)}; got ${goTypeName(value)}`);
  }

  private evalArg(dot: GoValue, t: ParamType, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot': return this.validateType(dot, t);
      case 'nil':
        if (canBeNil(t)) return null;
        this.errorf(`cannot assign nil to ${goTypeOfParam(t)}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), t);
      case 'variable': return this.validateType(this.evalVariableNode(dot, n, [], MISSING), t);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), t);
      case 'identifier': {
        const fn = this.ctx.funcs[n.name];
        if (!fn) this.errorf(`${JSON.stringify(n.name)} is not a defined function`);
        return this.validateType(this.evalCall(dot, fn, true, n, n.name, [n], MISSING), t);
      }
      case 'chain': return this.validateType(this.evalChainNode(dot, n, [], MISSING), t);
    }
    switch (t) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeToString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.floatValue;
        this.errorf(`expected float; found ${nodeToString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.intValue;
        this.errorf(`expected integer; found ${nodeToString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeToString(n)}`);
      case 'any': case 'value':
        switch (n.type) {
          case 'bool': return n.value;
          case 'number': return this.idealConstant(n);
          case 'string': return n.text;
        }
        this.errorf(`can't handle assignment of ${nodeToString(n)} to empty interface argument`);
    }
    this.errorf(`can't handle ${nodeToString(n)} for arg of type ${goTypeOfParam(t)}`);
  }
}

export function execute(ctx: ExecContext, tmpl: ParsedTemplate, data: GoValue): string {
  return new Executor(ctx).run(tmpl, data);
}

