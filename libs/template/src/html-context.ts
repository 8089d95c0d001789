// Tracks where in an HTML document the template's own text has left the output (text, inside a
// tag, inside an attribute value of some kind, inside <script>/<style>, inside a comment), the
// way html/template's context analysis does, so each action can be escaped for its context.

export type HtmlState =
  | 'text' | 'tag' | 'attrName' | 'afterName' | 'beforeValue' | 'attr' | 'rcdata' | 'script' | 'style' | 'comment';
export type AttrDelim = 'double' | 'single' | 'none';
export type AttrType = 'normal' | 'url' | 'js' | 'css';
export type UrlPart = 'none' | 'preQuery' | 'queryOrFrag';

export interface HtmlContext {
  state: HtmlState;
  /** Element whose start tag we are in (or whose raw text we are in). */
  element: string;
  attrType: AttrType;
  delim: AttrDelim;
  urlPart: UrlPart;
  /** Inside a JS string literal in a script or event handler ('"', "'", or ''). */
  jsQuote: string;
}

const URL_ATTRS = new Set([
  'action', 'archive', 'background', 'cite', 'classid', 'codebase', 'data', 'formaction', 'href', 'icon',
  'longdesc', 'manifest', 'poster', 'profile', 'src', 'usemap', 'xmlns',
]);
const RAW_TEXT_ELEMENTS: Record<string, HtmlState> = { script: 'script', style: 'style', textarea: 'rcdata', title: 'rcdata' };

export function attrTypeOf(rawName: string): AttrType {
  let name = rawName.toLowerCase();
  if (name.startsWith('data-')) name = name.slice(5);
  else if (name.includes(':')) name = name.slice(name.indexOf(':') + 1);
  if (name.startsWith('on')) return 'js';
  if (name === 'style') return 'css';
  if (URL_ATTRS.has(name) || name.includes('src') || name.includes('uri') || name.includes('url')) return 'url';
  return 'normal';
}

export function initialContext(): HtmlContext {
  return { state: 'text', element: '', attrType: 'normal', delim: 'none', urlPart: 'none', jsQuote: '' };
}

const TAG_START = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/y;
const ATTR_NAME_REST = /[^\s=>/]*/y;

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * Advances the context over template text and returns the text to emit (HTML comments in the
 * template text are removed, as html/template does).
 */
export function advance(ctx: HtmlContext, text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    switch (ctx.state) {
      case 'comment': {
        const end = text.indexOf('-->', i);
        if (end < 0) return out;
        i = end + 3;
        ctx.state = 'text';
        continue;
      }
      case 'text': {
        if (c !== '<') {
          // Copy plain text up to the next tag in one step.
          const next = text.indexOf('<', i);
          const end = next < 0 ? n : next;
          out += text.slice(i, end);
          i = end;
          continue;
        }
        {
          if (text.startsWith('<!--', i)) {
            ctx.state = 'comment';
            i += 4;
            continue;
          }
          TAG_START.lastIndex = i;
          const m = TAG_START.exec(text);
          if (m) {
            out += m[0];
            i += m[0].length;
            ctx.state = 'tag';
            ctx.element = m[1] ? '' : m[2].toLowerCase();
            continue;
          }
        }
        out += c;
        i++;
        continue;
      }
      case 'rcdata': case 'script': case 'style': {
        const close = `</${ctx.element}`;
        if (text.slice(i, i + close.length).toLowerCase() === close && (i + close.length >= n || /[\s/>]/.test(text[i + close.length]))) {
          ctx.state = 'text';
          ctx.jsQuote = '';
          continue;
        }
        if (ctx.state === 'script') trackJsQuote(ctx, c);
        out += c;
        i++;
        continue;
      }
      case 'tag': case 'afterName': {
        out += c;
        i++;
        if (isSpace(c) || c === '/') continue;
        if (c === '>') {
          endTag(ctx);
          continue;
        }
        if (ctx.state === 'afterName' && c === '=') {
          ctx.state = 'beforeValue';
          continue;
        }
        // An attribute name starts.
        ATTR_NAME_REST.lastIndex = i;
        const m = ATTR_NAME_REST.exec(text);
        const name = c + (m ? m[0] : '');
        out += name.slice(1);
        i += name.length - 1;
        ctx.attrType = attrTypeOf(name);
        ctx.state = i < n ? 'afterName' : 'attrName';
        continue;
      }
      case 'attrName': {
        // A name continued from a previous text chunk.
        if (isSpace(c) || c === '=' || c === '>' || c === '/') {
          ctx.state = 'afterName';
          continue;
        }
        out += c;
        i++;
        continue;
      }
      case 'beforeValue': {
        if (isSpace(c)) {
          out += c;
          i++;
          continue;
        }
        if (c === '>') {
          out += c;
          i++;
          endTag(ctx);
          continue;
        }
        ctx.state = 'attr';
        ctx.urlPart = 'none';
        ctx.jsQuote = '';
        if (c === '"' || c === "'") {
          ctx.delim = c === '"' ? 'double' : 'single';
          out += c;
          i++;
        } else ctx.delim = 'none';
        continue;
      }
      case 'attr': {
        if (ctx.delim !== 'none' && ctx.attrType !== 'js') {
          // Copy a quoted value up to its closing quote in one step.
          const close = text.indexOf(ctx.delim === 'double' ? '"' : "'", i);
          const end = close < 0 ? n : close;
          const chunk = text.slice(i, end);
          if (ctx.attrType === 'url' && chunk.length > 0) {
            if (/[?#]/.test(chunk)) ctx.urlPart = 'queryOrFrag';
            else if (ctx.urlPart === 'none') ctx.urlPart = 'preQuery';
          }
          out += chunk;
          i = end;
          if (close >= 0) {
            out += text[close];
            i++;
            ctx.state = 'tag';
          }
          continue;
        }
        const closes = ctx.delim === 'double' ? c === '"' : ctx.delim === 'single' ? c === "'" : isSpace(c) || c === '>';
        if (closes) {
          ctx.state = 'tag';
          if (ctx.delim !== 'none') {
            out += c;
            i++;
          }
          continue;
        }
        if (ctx.attrType === 'url') {
          if (c === '?' || c === '#') ctx.urlPart = 'queryOrFrag';
          else if (ctx.urlPart === 'none') ctx.urlPart = 'preQuery';
        }
        if (ctx.attrType === 'js') trackJsQuote(ctx, c);
        out += c;
        i++;
        continue;
      }
    }
  }
  return out;
}

function endTag(ctx: HtmlContext): void {
  ctx.state = RAW_TEXT_ELEMENTS[ctx.element] ?? 'text';
  ctx.jsQuote = '';
}

function trackJsQuote(ctx: HtmlContext, c: string): void {
  if (ctx.jsQuote === '') {
    if (c === '"' || c === "'" || c === '`') ctx.jsQuote = c;
  } else if (c === ctx.jsQuote) ctx.jsQuote = '';
}
