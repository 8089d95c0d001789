// An incremental HTTP/1.x response parser: fed the bytes of one connection as they arrive, it finds
// the final response's status, Location and connection reuse headers, and the end of its body
// (chunked, Content-Length, or the end of the connection). Only the first bytes of the body are
// kept, but the whole body is read so the connection can carry another request.
// Malformed input throws HttpPostError with llhttp's codes (HPE_…), as node:http reported them.
import { HttpPostError } from './http-post-error';
import { HTTP_TOKEN } from './http-token';

export interface ResponseParserOptions {
  /** A response to HEAD has no body, whatever its headers say. */
  headRequest: boolean;
  /** How many bytes of the body to keep. */
  bodyBytes: number;
  /** Limit of a header section (and of a trailer section, or a chunk-size line), to bound memory. */
  maxHeadBytes?: number;
}

export const DEFAULT_MAX_HEAD_BYTES = 64 * 1024;

const enum State {
  Head,
  ContentLengthBody,
  ChunkSize,
  ChunkData,
  ChunkDataEnd,
  Trailers,
  UntilClose,
  Done,
}

const LF = 0x0a;
const STATUS_LINE = /^HTTP\/(\d)\.(\d) (\d{3})(?:[ \t].*)?$/;
/** Controls other than tab: not allowed in a header value (a lone CR would let lines be split). */
const INVALID_VALUE_CHAR = /[\x00-\x08\x0a-\x1f\x7f]/;
const DIGITS = /^\d+$/;
/** Hex size, optional whitespace, optional extensions (ignored). 12 hex digits keep it a safe integer. */
const CHUNK_SIZE = /^([0-9a-fA-F]{1,12})[ \t]*(?:;.*)?$/;
const KEEP_ALIVE_TIMEOUT = /(?:^|[\s,;])timeout\s*=\s*(\d+)/i;

export class Http1ResponseParser {
  /** The final response's status; 0 until its status line arrived. */
  status = 0;
  location?: string;
  /** The connection may carry another request after this response. */
  keepAlive = false;
  /** Seconds from the server's `Keep-Alive: timeout=N`, when it sent one. */
  keepAliveTimeout?: number;
  /** The response ended. */
  complete = false;
  /** Bytes followed the response: we never pipeline, so the server misbehaved; do not reuse the connection. */
  excessBytes = false;

  private readonly maxHeadBytes: number;
  private state = State.Head;
  /** A line split across chunks, and the bytes of the current section so far. */
  private partialLine: Buffer[] = [];
  private partialLength = 0;
  private sectionBytes = 0;
  /** Body bytes still to come: of the Content-Length body, or of the current chunk. */
  private remaining = 0;
  private readonly kept: Buffer[] = [];
  private keptLength = 0;
  private head = new HeadFields();

  constructor(private readonly options: ResponseParserOptions) {
    this.maxHeadBytes = options.maxHeadBytes ?? DEFAULT_MAX_HEAD_BYTES;
  }

  /** At most `bodyBytes` bytes from the start of the body. */
  get body(): Buffer {
    return Buffer.concat(this.kept, this.keptLength);
  }

  /** Feeds the next bytes; true once the response is complete. Throws HttpPostError on malformed input. */
  push(chunk: Buffer): boolean {
    let pos = 0;
    while (pos < chunk.length) {
      switch (this.state) {
        case State.Head:
        case State.ChunkSize:
        case State.ChunkDataEnd:
        case State.Trailers: {
          const end = chunk.indexOf(LF, pos);
          if (end < 0) {
            this.addPartial(chunk.subarray(pos));
            return false;
          }
          const line = this.takeLine(chunk, pos, end);
          pos = end + 1;
          this.onLine(line);
          break;
        }
        case State.ContentLengthBody:
        case State.ChunkData: {
          const take = Math.min(this.remaining, chunk.length - pos);
          this.keep(chunk, pos, pos + take);
          pos += take;
          this.remaining -= take;
          if (this.remaining > 0) break;
          if (this.state === State.ChunkData) this.startLine(State.ChunkDataEnd);
          else this.finish();
          break;
        }
        case State.UntilClose:
          this.keep(chunk, pos, chunk.length);
          return false;
        case State.Done:
          this.excessBytes = true;
          return true;
      }
    }
    return this.complete;
  }

  /** The connection ended. True when that completes the response (a body read until close); false when it cut the response short. */
  end(): boolean {
    if (this.state === State.UntilClose) this.finish();
    return this.complete;
  }

  private onLine(line: string): void {
    switch (this.state) {
      case State.Head:
        if (line !== '') return this.status === 0 ? this.onStatusLine(line) : this.onHeaderLine(line);
        if (this.status === 0) throw new HttpPostError('HPE_INVALID_CONSTANT');
        return this.onHeadEnd();
      case State.ChunkSize: {
        const size = CHUNK_SIZE.exec(line);
        if (!size) throw new HttpPostError('HPE_INVALID_CHUNK_SIZE');
        this.remaining = parseInt(size[1], 16);
        if (this.remaining > 0) this.state = State.ChunkData;
        else this.startLine(State.Trailers);
        return;
      }
      case State.ChunkDataEnd:
        if (line !== '') throw new HttpPostError('HPE_STRICT');
        return this.startLine(State.ChunkSize);
      case State.Trailers:
        // Trailers are checked like headers, then dropped: none of them matters here.
        if (line === '') return this.finish();
        parseHeaderLine(line);
        return;
    }
  }

  private onStatusLine(line: string): void {
    if (!line.startsWith('HTTP/')) throw new HttpPostError('HPE_INVALID_CONSTANT');
    const match = STATUS_LINE.exec(line);
    if (!match) throw new HttpPostError(/^HTTP\/1\.\d /.test(line) ? 'HPE_INVALID_STATUS' : 'HPE_INVALID_VERSION');
    if (match[1] !== '1') throw new HttpPostError('HPE_INVALID_VERSION');
    this.head.http10 = match[2] === '0';
    this.status = Number(match[3]);
  }

  private onHeaderLine(line: string): void {
    const [name, value] = parseHeaderLine(line);
    const head = this.head;
    switch (name.toLowerCase()) {
      case 'content-length': {
        if (!DIGITS.test(value)) throw new HttpPostError('HPE_INVALID_CONTENT_LENGTH');
        const length = Number(value);
        if (!Number.isSafeInteger(length)) throw new HttpPostError('HPE_INVALID_CONTENT_LENGTH');
        // Repeated with the same value is harmless (RFC 9110 8.6); different values leave the framing unknown.
        if (head.contentLength !== undefined && head.contentLength !== length) throw new HttpPostError('HPE_UNEXPECTED_CONTENT_LENGTH');
        head.contentLength = length;
        return;
      }
      case 'transfer-encoding':
        head.transferEncoding = true;
        for (const coding of value.split(',')) {
          const name = coding.trim().toLowerCase();
          if (name) head.lastCoding = name;
        }
        return;
      case 'connection':
        for (const option of value.split(',')) {
          const name = option.trim().toLowerCase();
          if (name === 'close') head.close = true;
          else if (name === 'keep-alive') head.keepAlive = true;
        }
        return;
      case 'keep-alive': {
        const timeout = KEEP_ALIVE_TIMEOUT.exec(value);
        if (timeout) head.keepAliveTimeout = Number(timeout[1]);
        return;
      }
      case 'location':
        // node:http kept the first of repeated Location headers.
        head.location ??= value;
        return;
    }
  }

  private onHeadEnd(): void {
    const { status, options } = this;
    const head = this.head;
    // Interim responses (100 Continue, 103 Early Hints…): the final response follows. 101 switches protocols: it is the last HTTP.
    if (status >= 100 && status < 200 && status !== 101) {
      this.status = 0;
      this.head = new HeadFields();
      return this.startLine(State.Head);
    }
    this.location = head.location;
    this.keepAliveTimeout = head.keepAliveTimeout;
    this.keepAlive = !head.close && (head.http10 ? head.keepAlive : true) && status !== 101;
    if (options.headRequest || status === 204 || status === 304 || status === 101) return this.finish();
    if (head.transferEncoding) {
      // Transfer-Encoding overrides Content-Length (RFC 9112 6.3); having both is suspect, so the connection is not reused.
      if (head.contentLength !== undefined) this.keepAlive = false;
      if (head.lastCoding === 'chunked') return this.startLine(State.ChunkSize);
      // Not chunked last: a response body then runs to the end of the connection.
      this.keepAlive = false;
      this.state = State.UntilClose;
      return;
    }
    if (head.contentLength !== undefined) {
      this.remaining = head.contentLength;
      if (this.remaining === 0) return this.finish();
      this.state = State.ContentLengthBody;
      return;
    }
    this.keepAlive = false;
    this.state = State.UntilClose;
  }

  private finish(): void {
    this.state = State.Done;
    this.complete = true;
  }

  /** Enters a line-based state; each such section has its own size limit. */
  private startLine(state: State): void {
    this.state = state;
    this.sectionBytes = 0;
  }

  private addPartial(bytes: Buffer): void {
    this.countSection(bytes.length);
    this.partialLine.push(bytes);
    this.partialLength += bytes.length;
  }

  /** The line ending at `end` (an LF), without its line end; a CR before the LF is optional, as in Go. */
  private takeLine(chunk: Buffer, start: number, end: number): string {
    this.countSection(end + 1 - start);
    let line: Buffer = chunk.subarray(start, end);
    if (this.partialLength > 0) {
      line = Buffer.concat([...this.partialLine, line], this.partialLength + line.length);
      this.partialLine = [];
      this.partialLength = 0;
    }
    const length = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
    return line.toString('latin1', 0, length);
  }

  private countSection(bytes: number): void {
    this.sectionBytes += bytes;
    if (this.sectionBytes > this.maxHeadBytes) throw new HttpPostError('HPE_HEADER_OVERFLOW');
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    const room = this.options.bodyBytes - this.keptLength;
    if (room <= 0 || end <= start) return;
    const part = chunk.subarray(start, Math.min(end, start + room));
    this.kept.push(part);
    this.keptLength += part.length;
  }
}

/** What the head of one response says about framing and reuse. */
class HeadFields {
  http10 = false;
  contentLength?: number;
  transferEncoding = false;
  lastCoding?: string;
  close = false;
  keepAlive = false;
  keepAliveTimeout?: number;
  location?: string;
}

/** `name: value` with the value's surrounding whitespace trimmed; node:http's codes for what it rejected. */
function parseHeaderLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  // No colon, whitespace before it, or a folded continuation line (obsolete, and refused by node:http too).
  if (colon <= 0) throw new HttpPostError('HPE_INVALID_HEADER_TOKEN');
  const name = line.slice(0, colon);
  if (!HTTP_TOKEN.test(name)) throw new HttpPostError('HPE_INVALID_HEADER_TOKEN');
  const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
  if (INVALID_VALUE_CHAR.test(value)) throw new HttpPostError('HPE_INVALID_HEADER_TOKEN');
  return [name, value];
}
