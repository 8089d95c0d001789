// Tokenizer of the UTF-8 matcher syntax (Alertmanager >= 0.27, `matcher/parse`).
// Positions are code-point columns, as in Alertmanager's error messages.
import { isGoSpace, isMatcherReserved } from './go-chars';

export type TokenKind =
  | 'eof'
  | 'openBrace'
  | 'closeBrace'
  | 'comma'
  | 'equals'
  | 'notEquals'
  | 'matches'
  | 'notMatches'
  | 'quoted'
  | 'unquoted';

export interface Token {
  kind: TokenKind;
  value: string;
  columnStart: number;
  columnEnd: number;
}

const EOF_TOKEN: Token = { kind: 'eof', value: '', columnStart: 0, columnEnd: 0 };

export class MatcherLexer {
  private readonly chars: string[];
  private pos = 0; // index into chars (== column)
  private start = 0;
  private peeked: Token | undefined;
  private error: Error | undefined;

  constructor(input: string) {
    this.chars = Array.from(input);
  }

  /** Column just after the last token read. */
  column(): number {
    return this.pos;
  }

  peek(): Token {
    if (this.peeked === undefined) this.peeked = this.scanNext();
    return this.peeked;
  }

  scan(): Token {
    const t = this.peek();
    this.peeked = t.kind === 'eof' ? t : undefined;
    return t;
  }

  private scanNext(): Token {
    if (this.error) throw this.error;
    try {
      return this.scanToken();
    } catch (err) {
      this.error = err as Error;
      throw err;
    }
  }

  private scanToken(): Token {
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos];
      const cp = ch.codePointAt(0) as number;
      this.start = this.pos;
      if (ch === '{') return this.emitOne('openBrace');
      if (ch === '}') return this.emitOne('closeBrace');
      if (ch === ',') return this.emitOne('comma');
      if (ch === '=' || ch === '!') return this.scanOperator();
      if (ch === '"') return this.scanQuoted();
      if (isGoSpace(cp)) {
        this.pos++;
        continue;
      }
      if (!isMatcherReserved(cp)) return this.scanUnquoted();
      this.pos++;
      throw this.invalidInput();
    }
    return EOF_TOKEN;
  }

  private emitOne(kind: TokenKind): Token {
    this.pos++;
    return this.emit(kind);
  }

  private emit(kind: TokenKind): Token {
    return {
      kind,
      value: this.chars.slice(this.start, this.pos).join(''),
      columnStart: this.start,
      columnEnd: this.pos,
    };
  }

  private scanOperator(): Token {
    if (this.chars[this.pos] === '!') {
      this.pos++;
      if (this.accept('=')) return this.emit('notEquals');
      if (this.accept('~')) return this.emit('notMatches');
      throw this.expected("one of '=~'");
    }
    this.pos++;
    if (this.accept('~')) return this.emit('matches');
    return this.emit('equals');
  }

  private scanQuoted(): Token {
    this.pos++;
    let escaped = false;
    while (this.pos < this.chars.length) {
      const ch = this.chars[this.pos++];
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') return this.emit('quoted');
    }
    return this.fail(`${this.spanText()}: missing end "`);
  }

  private scanUnquoted(): Token {
    while (this.pos < this.chars.length && !isMatcherReserved(this.chars[this.pos].codePointAt(0) as number)) {
      this.pos++;
    }
    return this.emit('unquoted');
  }

  private accept(ch: string): boolean {
    if (this.chars[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  private spanText(): string {
    return this.chars.slice(this.start, this.pos).join('');
  }

  private invalidInput(): Error {
    return new Error(`${this.start}:${this.pos}: ${this.spanText()}: invalid input`);
  }

  private expected(what: string): Error {
    if (this.pos >= this.chars.length) {
      return new Error(`${this.start}:${this.pos}: unexpected end of input, expected ${what}`);
    }
    return new Error(`${this.start}:${this.pos}: ${this.spanText()}: expected ${what}`);
  }

  private fail(message: string): never {
    throw new Error(`${this.start}:${this.pos}: ${message}`);
  }
}
