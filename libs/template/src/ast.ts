// The parse tree of a template, mirroring Go's text/template/parse node types. Every node keeps
// its source offset so execution errors can say where they happened. `toString` reproduces Go's
// node printing, which appears in error messages (`at <.Labels.foo>`).
import { quoteGo } from './go-quote';

export type Node =
  | ListNode | TextNode | ActionNode | IfNode | RangeNode | WithNode | TemplateNode | BreakNode | ContinueNode
  | PipeNode | CommandNode | FieldNode | ChainNode | IdentifierNode | VariableNode | DotNode | NilNode
  | BoolNode | NumberNode | StringNode;

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TextNode { type: 'text'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
export interface BranchFields { pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface IfNode extends BranchFields { type: 'if' }
export interface RangeNode extends BranchFields { type: 'range' }
export interface WithNode extends BranchFields { type: 'with' }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: PipeNode }
export interface BreakNode { type: 'break'; pos: number }
export interface ContinueNode { type: 'continue'; pos: number }
export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: Node; fields: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; name: string }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  intValue: bigint;
  floatValue: number;
}
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }

/** A parsed template: its name, the name of the source it was parsed from, and its body. */
export interface ParsedTemplate {
  name: string;
  parseName: string;
  source: string;
  root: ListNode;
}

export function nodeToString(n: Node): string {
  switch (n.type) {
    case 'list': return n.nodes.map(nodeToString).join('');
    case 'text': return quoteGo(n.text);
    case 'action': return `{{${nodeToString(n.pipe)}}}`;
    case 'if': case 'range': case 'with': {
      let s = `{{${n.type} ${nodeToString(n.pipe)}}}${nodeToString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeToString(n.elseList)}`;
      return s + '{{end}}';
    }
    case 'template': return n.pipe ? `{{template ${quoteGo(n.name)} ${nodeToString(n.pipe)}}}` : `{{template ${quoteGo(n.name)}}}`;
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeToString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeToString).join(' | ');
    }
    case 'command': return n.args.map((a) => (a.type === 'pipe' ? `(${nodeToString(a)})` : nodeToString(a))).join(' ');
    case 'field': return n.ident.map((i) => '.' + i).join('');
    case 'chain': {
      const base = n.node.type === 'pipe' ? `(${nodeToString(n.node)})` : nodeToString(n.node);
      return base + n.fields.map((f) => '.' + f).join('');
    }
    case 'identifier': return n.name;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(n.value);
    case 'number': return n.text;
    case 'string': return n.quoted;
  }
}
