// html/template's escaping functions, and the choice of escaper for a context.
import { formatValue } from './go-fmt';
import { jsonString, toJson } from './go-json';
import type { HtmlContext } from './html-context';
import { GoValue, SafeString } from './values';

const FILTERED = 'ZgotmplZ';

function replaceTable(s: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

const HTML_TABLE: Record<string, string> = {
  '\0': '\uFFFD', '"': '&#34;', '&': '&amp;', "'": '&#39;', '+': '&#43;', '<': '&lt;', '>': '&gt;',
};
const HTML_NORM_TABLE: Record<string, string> = { ...HTML_TABLE };
delete HTML_NORM_TABLE['&'];
const HTML_NOSPACE_TABLE: Record<string, string> = {
  ...HTML_TABLE,
  '\t': '&#9;', '\n': '&#10;', '\v': '&#11;', '\f': '&#12;', '\r': '&#13;', ' ': '&#32;', '=': '&#61;', '`': '&#96;',
};

/** Removes tags from trusted HTML placed where only text may go (attribute values). */
function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>?/g, '');
}

/** The string form of a value and whether it is trusted HTML (nil prints as nothing). */
function stringify(v: GoValue): { s: string; safe?: SafeString['kind'] } {
  if (v === null) return { s: '' };
  if (v instanceof SafeString) return { s: v.value, safe: v.kind };
  return { s: formatValue(v) };
}

export function htmlEscaper(v: GoValue): string {
  const { s, safe } = stringify(v);
  if (safe === 'HTML') return s;
  return replaceTable(s, HTML_TABLE);
}

function rcdataEscaper(v: GoValue): string {
  return replaceTable(stringify(v).s, HTML_TABLE);
}

function attrEscaper(s: string, safeHtml: boolean): string {
  return safeHtml ? replaceTable(stripTags(s), HTML_NORM_TABLE) : replaceTable(s, HTML_TABLE);
}

function nospaceEscaper(s: string, safeHtml: boolean): string {
  const out = safeHtml ? replaceTable(stripTags(s), { ...HTML_NOSPACE_TABLE, '&': '&' }) : replaceTable(s, HTML_NOSPACE_TABLE);
  return out === '' ? FILTERED : out;
}

/** Percent-encodes bytes; `normalize` keeps RFC 3986 reserved characters and valid %XX escapes. */
function urlProcess(s: string, normalize: boolean): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c)) {
      out += c;
      continue;
    }
    if (normalize && "!#$&*+,/:;=?@[]".includes(c)) {
      out += c;
      continue;
    }
    if (normalize && c === '%' && i + 2 < bytes.length + 0 && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0))) {
      out += c;
      continue;
    }
    out += '%' + b.toString(16).padStart(2, '0');
  }
  return out;
}

function urlFilter(s: string, safeUrl: boolean): string {
  if (safeUrl) return s;
  const colon = s.indexOf(':');
  if (colon >= 0 && !s.slice(0, colon).includes('/')) {
    const scheme = s.slice(0, colon).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return '#' + FILTERED;
  }
  return s;
}

const JS_STR_TABLE: Record<string, string> = {
  '\0': '\\u0000', '\t': '\\t', '\n': '\\n', '\v': '\\u000b', '\f': '\\f', '\r': '\\r', '"': '\\u0022',
  '&': '\\u0026', "'": '\\u0027', '+': '\\u002b', '/': '\\/', '<': '\\u003c', '>': '\\u003e', '\\': '\\\\', '`': '\\u0060',
};

function jsStrEscaper(v: GoValue): string {
  return replaceTable(stringify(v).s, JS_STR_TABLE);
}

function jsValEscaper(v: GoValue): string {
  if (v instanceof SafeString && v.kind === 'JS') return v.value;
  // Values become JSON (strings with <, > and & escaped), as html/template's jsValEscaper does.
  const json = typeof v === 'string' || v instanceof SafeString ? jsonString(stringify(v).s) : v === null ? 'null' : toJson(v);
  // Keep numbers and keywords from running into adjacent identifiers (` 2 `, ` null `).
  const identPart = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}$_]/u.test(c);
  return identPart(json[0]) || identPart(json[json.length - 1]) ? ` ${json} ` : json;
}

/**
 * html/template's cssValueFilter: values that could leave a CSS value (quotes, parens, slashes,
 * semicolons, braces, comments) or smuggle in expression()/-moz-binding become ZgotmplZ.
 */
function cssValueFilter(v: GoValue): string {
  const { s, safe } = stringify(v);
  if (safe === 'CSS') return s;
  let ident = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ('\0"\'()/;@[\\]`{}<>'.includes(c)) return FILTERED;
    if (c === '-') {
      // "--" could open or close an HTML comment; hyphens do not count toward the identifier.
      if (i > 0 && s[i - 1] === '-') return FILTERED;
    } else if (/[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) >= 0x80) ident += c;
  }
  const lower = ident.toLowerCase();
  if (lower.includes('expression') || lower.includes('mozbinding')) return FILTERED;
  return s;
}

/**
 * Escapes an action's value for the context the output is in; updates the URL part. A pipeline
 * ending in `html` or `urlquery` already did the equivalent escaping (html/template's
 * equivalent escapers), which is then not applied twice.
 */
export function escapeForContext(ctx: HtmlContext, v: GoValue, escapedBy?: 'html' | 'urlquery'): string {
  switch (ctx.state) {
    case 'text': return escapedBy === 'html' ? stringify(v).s : htmlEscaper(v);
    case 'rcdata': return rcdataEscaper(v);
    case 'comment': return '';
    case 'script': return ctx.jsQuote ? jsStrEscaper(v) : jsValEscaper(v);
    case 'style': return cssValueFilter(v);
    case 'tag': case 'attrName': case 'afterName': {
      const { s, safe } = stringify(v);
      if (safe === 'HTMLAttr') return s;
      return /^[a-zA-Z0-9-]+$/.test(s) ? s.toLowerCase() : FILTERED;
    }
    case 'beforeValue':
      ctx.state = 'attr';
      ctx.delim = 'none';
      ctx.urlPart = 'none';
      return escapeForContext(ctx, v, escapedBy);
    case 'attr': {
      const { s, safe } = stringify(v);
      let inner: string;
      let safeHtml = safe === 'HTML';
      switch (ctx.attrType) {
        case 'url':
          if (escapedBy === 'urlquery') inner = s;
          else if (ctx.urlPart === 'queryOrFrag') inner = urlProcess(s, false);
          else inner = urlProcess(urlFilter(s, safe === 'URL'), true);
          if (ctx.urlPart === 'none') ctx.urlPart = 'preQuery';
          safeHtml = false;
          break;
        case 'js':
          inner = ctx.jsQuote ? jsStrEscaper(v) : jsValEscaper(v);
          safeHtml = false;
          break;
        case 'css':
          inner = cssValueFilter(v);
          safeHtml = false;
          break;
        default:
          inner = s;
      }
      if (escapedBy === 'html' && ctx.delim !== 'none') return inner;
      return ctx.delim === 'none' ? nospaceEscaper(inner, safeHtml) : attrEscaper(inner, safeHtml);
    }
  }
}
