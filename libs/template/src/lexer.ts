// Splits template source into tokens, as Go's text/template lexer does: text, delimiters with
// `{{-`/`-}}` trimming, comments, and the words inside actions.

export type TokenKind =
  | 'text' | 'leftDelim' | 'rightDelim' | 'space' | 'identifier' | 'keyword' | 'field' | 'variable'
  | 'dot' | 'string' | 'rawString' | 'char' | 'number' | 'bool' | 'nil' | 'pipe' | 'leftParen'
  | 'rightParen' | 'declare' | 'assign' | 'comma' | 'eof' | 'error';

export interface Token {
  kind: TokenKind;
  value: string;
  /** Offset of the token in the source (UTF-16 index). */
  pos: number;
  /** 1-based line. */
  line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const LEFT = '{{';
const RIGHT = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);

export class Lexer {
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  readonly tokens: Token[] = [];
  private readonly lines: LineIndex;

  constructor(private readonly input: string) {
    this.lines = new LineIndex(input);
  }

  private push(kind: TokenKind, value: string, pos: number): void {
    this.tokens.push({ kind, value, pos, line: this.lines.lineAt(pos) });
  }

  run(): Token[] {
    while (this.lexText()) {
      if (!this.lexInsideAction()) break;
    }
    return this.tokens;
  }

  private emit(kind: TokenKind, value = this.input.slice(this.start, this.pos)): void {
    this.push(kind, value, this.start);
    this.start = this.pos;
  }

  private ignore(): void {
    this.start = this.pos;
  }

  private error(msg: string): false {
    this.push('error', msg, this.start);
    return false;
  }

  private advance(n: number): void {
    this.pos += n;
  }

  private peek(): string {
    return this.pos < this.input.length ? String.fromCodePoint(this.input.codePointAt(this.pos)!) : '';
  }

  private next(): string {
    const c = this.peek();
    if (c) this.advance(c.length);
    return c;
  }

  /** Lexes text up to the next `{{`; returns false at EOF. */
  private lexText(): boolean {
    const x = this.input.indexOf(LEFT, this.pos);
    if (x < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) this.push('text', this.input.slice(this.start, this.pos), this.start);
      this.start = this.pos;
      this.push('eof', '', this.pos);
      return false;
    }
    const trimLeft = this.hasLeftTrimMarker(x + LEFT.length);
    let textEnd = x;
    if (trimLeft) textEnd = trimRightSpaceEnd(this.input, this.start, x);
    if (textEnd > this.start) this.push('text', this.input.slice(this.start, textEnd), this.start);
    this.pos = x;
    this.start = x;
    return true;
  }

  private hasLeftTrimMarker(at: number): boolean {
    return this.input[at] === '-' && at + 1 < this.input.length && isSpace(this.input[at + 1]);
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    if (this.input.startsWith(' -' + RIGHT, this.pos) || this.input.startsWith('\t-' + RIGHT, this.pos)
      || this.input.startsWith('\r-' + RIGHT, this.pos) || this.input.startsWith('\n-' + RIGHT, this.pos)) {
      return { delim: true, trim: true };
    }
    return { delim: this.input.startsWith(RIGHT, this.pos), trim: false };
  }

  /** Lexes from `{{` to the matching `}}`. Returns false after an error. */
  private lexInsideAction(): boolean {
    // Left delimiter, optional trim marker, optional comment.
    const trimLeft = this.hasLeftTrimMarker(this.pos + LEFT.length);
    this.pos += LEFT.length;
    if (trimLeft) this.pos += 2;
    if (this.input.startsWith(LEFT_COMMENT, this.pos)) return this.lexComment();
    this.push('leftDelim', LEFT, this.start);
    this.start = this.pos;
    this.parenDepth = 0;
    for (;;) {
      const rd = this.atRightDelim();
      if (rd.delim && this.parenDepth > 0) return this.error('unclosed left paren');
      if (rd.delim) {
        if (rd.trim) this.advance(2);
        this.start = this.pos;
        this.pos += RIGHT.length;
        this.emit('rightDelim');
        if (rd.trim) this.skipLeadingSpace();
        return true;
      }
      const c = this.peek();
      if (c === '') return this.error('unclosed action');
      if (isSpace(c)) {
        this.lexSpace();
        continue;
      }
      this.next();
      if (c === '=') this.emit('assign');
      else if (c === ':') {
        if (this.next() !== '=') return this.error('expected :=');
        this.emit('declare');
      } else if (c === '|') this.emit('pipe');
      else if (c === '"') { if (!this.lexQuote()) return false; }
      else if (c === '`') { if (!this.lexRawQuote()) return false; }
      else if (c === '$') { if (!this.lexVariable()) return false; }
      else if (c === "'") { if (!this.lexChar()) return false; }
      else if (c === '.') {
        if (this.pos < this.input.length && /[0-9]/.test(this.input[this.pos])) {
          this.pos--;
          if (!this.lexNumber()) return false;
        } else if (!this.lexField()) return false;
      } else if (c === '+' || c === '-' || /[0-9]/.test(c)) {
        this.pos -= c.length;
        if (!this.lexNumber()) return false;
      } else if (isAlphaNumeric(c)) {
        if (!this.lexIdentifier()) return false;
      } else if (c === '(') {
        this.emit('leftParen');
        this.parenDepth++;
      } else if (c === ')') {
        this.emit('rightParen');
        this.parenDepth--;
        if (this.parenDepth < 0) return this.error(`unexpected right paren`);
      } else if (c === ',') this.emit('comma');
      else if (c <= '\x7f' && /[\x21-\x7e]/.test(c)) this.emit('char');
      else return this.error(`unrecognized character in action: ${quoteRune(c)}`);
    }
  }

  private skipLeadingSpace(): void {
    while (this.pos < this.input.length && isSpace(this.input[this.pos])) this.advance(1);
    this.start = this.pos;
  }

  private lexComment(): boolean {
    this.pos += LEFT_COMMENT.length;
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (x < 0) return this.error('unclosed comment');
    this.advance(x + RIGHT_COMMENT.length - this.pos);
    const rd = this.atRightDelim();
    if (!rd.delim) return this.error('comment ends before closing delimiter');
    if (rd.trim) this.advance(2);
    this.advance(RIGHT.length);
    this.ignore();
    if (rd.trim) this.skipLeadingSpace();
    return true;
  }

  private lexSpace(): void {
    while (this.pos < this.input.length && isSpace(this.input[this.pos])) {
      // A space before a trim marker belongs to the delimiter.
      if (this.input.startsWith('-' + RIGHT, this.pos + 1)) break;
      this.advance(1);
    }
    if (this.pos > this.start) this.emit('space');
  }

  private lexQuote(): boolean {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const n = this.next();
        if (n !== '' && n !== '\n') continue;
        return this.error('unterminated quoted string');
      }
      if (c === '' || c === '\n') return this.error('unterminated quoted string');
      if (c === '"') break;
    }
    this.emit('string');
    return true;
  }

  private lexRawQuote(): boolean {
    const x = this.input.indexOf('`', this.pos);
    if (x < 0) return this.error('unterminated raw quoted string');
    this.advance(x + 1 - this.pos);
    this.emit('rawString');
    return true;
  }

  private lexChar(): boolean {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const n = this.next();
        if (n !== '' && n !== '\n') continue;
        return this.error('unterminated character constant');
      }
      if (c === '' || c === '\n') return this.error('unterminated character constant');
      if (c === "'") break;
    }
    this.emit('char');
    return true;
  }

  private scanAlnum(): void {
    while (this.pos < this.input.length && isAlphaNumeric(this.peek())) this.next();
  }

  private lexVariable(): boolean {
    this.scanAlnum();
    if (!this.atTerminator()) return this.error(`bad character ${quoteRune(this.peek())}`);
    this.emit('variable');
    return true;
  }

  private atTerminator(): boolean {
    const c = this.peek();
    if (c === '' || isSpace(c)) return true;
    if ('.,|:)('.includes(c)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private lexField(): boolean {
    if (this.atTerminator()) {
      this.emit('dot');
      return true;
    }
    this.scanAlnum();
    if (!this.atTerminator()) return this.error(`bad character ${quoteRune(this.peek())}`);
    this.emit('field');
    return true;
  }

  private lexIdentifier(): boolean {
    this.scanAlnum();
    if (!this.atTerminator()) return this.error(`bad character ${quoteRune(this.peek())}`);
    const word = this.input.slice(this.start, this.pos);
    if (KEYWORDS.has(word)) this.emit('keyword');
    else if (word === 'true' || word === 'false') this.emit('bool');
    else if (word === 'nil') this.emit('nil');
    else this.emit('identifier');
    return true;
  }

  private lexNumber(): boolean {
    const m = /^[+-]?(0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?)i?/.exec(this.input.slice(this.pos));
    const len = m ? m[0].length : 0;
    this.pos += len;
    if (len === 0 || isAlphaNumeric(this.peek())) {
      if (isAlphaNumeric(this.peek())) this.next();
      return this.error(`bad number syntax: ${JSON.stringify(this.input.slice(this.start, this.pos))}`);
    }
    this.emit('number');
    return true;
  }
}

function trimRightSpaceEnd(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(s[e - 1])) e--;
  return e;
}

/** Maps source offsets to 1-based lines and to Go's 0-based byte columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly input: string) {
    for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** Byte offset of pos within its line (0-based, as Go's ErrorContext reports it). */
  byteColumn(pos: number): number {
    const start = this.starts[this.lineAt(pos) - 1];
    return Buffer.byteLength(this.input.slice(start, pos), 'utf8');
  }
}

function quoteRune(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}

export function tokenize(input: string): Token[] {
  return new Lexer(input).run();
}
