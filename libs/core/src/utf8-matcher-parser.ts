// Parser of the UTF-8 matcher syntax (Alertmanager >= 0.27 `matcher/parse`): optional balanced
// braces, comma-separated matchers, names and values either unquoted or Go-quoted, one trailing
// comma allowed. Error messages follow Alertmanager's wording and column numbers.
import { goUnquote } from './go-unquote';
import { Matcher, MatchType } from './matcher';
import { MatcherLexer, Token, TokenKind } from './utf8-matcher-lexer';

const OPERATORS: Partial<Record<TokenKind, MatchType>> = {
  equals: '=',
  notEquals: '!=',
  matches: '=~',
  notMatches: '!~',
};

/** Parses zero or more matchers with the UTF-8 parser only (`utf8-strict-mode`). */
export function parseUtf8Matchers(input: string): Matcher[] {
  return new Utf8MatcherParser(input).parse();
}

/** Exactly one matcher with the UTF-8 parser only. */
export function parseUtf8Matcher(input: string): Matcher {
  const ms = parseUtf8Matchers(input);
  if (ms.length === 0) throw new Error('no matchers');
  if (ms.length > 1) throw new Error(`expected 1 matcher, found ${ms.length}`);
  return ms[0];
}

class Utf8MatcherParser {
  private readonly lexer: MatcherLexer;
  private readonly matchers: Matcher[] = [];
  private hasOpenBrace = false;

  constructor(input: string) {
    this.lexer = new MatcherLexer(input);
  }

  parse(): Matcher[] {
    if (this.peekIsEof()) return this.finish();
    if (this.lexer.peek().kind === 'openBrace') {
      this.lexer.scan();
      this.hasOpenBrace = true;
    }
    if (this.peekIsEof() || this.lexer.peek().kind === 'closeBrace') return this.closeBrace();
    for (;;) {
      this.parseOneMatcher();
      const next = this.expectPeek(['comma', 'closeBrace'], 'expected a comma or close brace');
      if (next === undefined || next.kind === 'closeBrace') return this.closeBrace();
      this.lexer.scan();
      const after = this.expectPeek(['closeBrace', 'unquoted', 'quoted'], 'expected a matcher or close brace after comma');
      if (after === undefined || after.kind === 'closeBrace') return this.closeBrace();
    }
  }

  private parseOneMatcher(): void {
    const nameToken = this.expect(['quoted', 'unquoted'], 'expected label name');
    const name = unquoteToken(nameToken);
    const opToken = this.expect(['equals', 'notEquals', 'matches', 'notMatches'], "expected an operator such as '=', '!=', '=~' or '!~'");
    const valueToken = this.expect(['unquoted', 'quoted'], 'expected label value');
    const value = unquoteToken(valueToken);
    try {
      this.matchers.push(Matcher.create(OPERATORS[opToken.kind] as MatchType, name, value));
    } catch (err) {
      throw new Error(`failed to create matcher: ${(err as Error).message}`);
    }
  }

  private closeBrace(): Matcher[] {
    if (this.hasOpenBrace) {
      let reason: string | undefined;
      try {
        const t = this.peekOrEof();
        if (t === undefined) reason = 'end of input';
        else if (t.kind !== 'closeBrace') reason = `${t.columnStart}:${t.columnEnd}: unexpected ${t.value}`;
      } catch (err) {
        reason = (err as Error).message;
      }
      if (reason !== undefined) throw new Error(`0:${this.lexer.column()}: ${reason}: expected close brace`);
      this.lexer.scan();
    } else if (this.nextIsCloseBrace()) {
      this.lexer.scan();
      throw new Error(`0:${this.lexer.column()}: }: expected opening brace`);
    }
    return this.finish();
  }

  private nextIsCloseBrace(): boolean {
    try {
      return this.lexer.peek().kind === 'closeBrace';
    } catch {
      return false; // a lexer error resurfaces in finish()
    }
  }

  private finish(): Matcher[] {
    let t: Token;
    try {
      t = this.lexer.scan();
    } catch (err) {
      throw new Error(`${(err as Error).message}: expected end of input`);
    }
    if (t.kind !== 'eof') throw new Error(`${t.columnStart}:${t.columnEnd}: ${t.value}: expected end of input`);
    return this.matchers;
  }

  private peekIsEof(): boolean {
    return this.lexer.peek().kind === 'eof';
  }

  /** The next token, or undefined at end of input; lexer errors propagate unchanged. */
  private peekOrEof(): Token | undefined {
    const t = this.lexer.peek();
    return t.kind === 'eof' ? undefined : t;
  }

  /** Peeks a token of one of `kinds`; undefined at end of input; otherwise throws `…: <what>`. */
  private expectPeek(kinds: TokenKind[], what: string): Token | undefined {
    let t: Token;
    try {
      t = this.lexer.peek();
    } catch (err) {
      throw new Error(`${(err as Error).message}: ${what}`);
    }
    if (t.kind === 'eof') return undefined;
    if (!kinds.includes(t.kind)) throw new Error(`${t.columnStart}:${t.columnEnd}: unexpected ${t.value}: ${what}`);
    return t;
  }

  private expect(kinds: TokenKind[], what: string): Token {
    const t = this.expectPeek(kinds, what);
    if (t === undefined) throw new Error(`end of input: ${what}`);
    this.lexer.scan();
    return t;
  }
}

function unquoteToken(t: Token): string {
  if (t.kind !== 'quoted') return t.value;
  const s = goUnquote(t.value);
  if (s === undefined) throw new Error(`${t.columnStart}:${t.columnEnd}: ${t.value}: invalid input`);
  return s;
}
