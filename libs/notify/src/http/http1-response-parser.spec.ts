import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpPostError } from './http-post-error';
import { Http1ResponseParser, type ResponseParserOptions } from './http1-response-parser';

interface Parsed {
  complete: boolean;
  status: number;
  body: string;
  keepAlive: boolean;
  keepAliveTimeout?: number;
  location?: string;
  excessBytes: boolean;
}

const OPTIONS: ResponseParserOptions = { headRequest: false, bodyBytes: 1024 };

/** Feeds `chunks` one by one, then the end of the connection when `eof`; what the parser found. */
function parse(chunks: readonly (string | Buffer)[], options: Partial<ResponseParserOptions> = {}, eof = false): Parsed {
  const parser = new Http1ResponseParser({ ...OPTIONS, ...options });
  let complete = false;
  for (const chunk of chunks) complete = parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
  if (eof) complete = parser.end();
  const { status, keepAlive, keepAliveTimeout, location, excessBytes } = parser;
  assert.equal(parser.complete, complete);
  return { complete, status, body: parser.body.toString('latin1'), keepAlive, keepAliveTimeout, location, excessBytes };
}

/** The same response cut in two at every byte, and fed byte by byte: each must parse as the whole does. */
function assertSplitsAlike(response: string, options: Partial<ResponseParserOptions> = {}, eof = false): Parsed {
  const whole = parse([response], options, eof);
  for (let cut = 0; cut <= response.length; cut++) {
    assert.deepEqual(parse([response.slice(0, cut), response.slice(cut)], options, eof), whole, `cut at ${cut}`);
  }
  assert.deepEqual(parse([...response], options, eof), whole, 'byte by byte');
  return whole;
}

function parseError(chunks: readonly string[], options: Partial<ResponseParserOptions> = {}): string {
  try {
    parse(chunks, options);
  } catch (err) {
    assert.ok(err instanceof HttpPostError, String(err));
    return err.code;
  }
  assert.fail('parsed without error');
}

describe('Http1ResponseParser', () => {
  it('reads a Content-Length body, whatever the chunks', () => {
    const parsed = assertSplitsAlike('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world');
    assert.deepEqual(parsed, { complete: true, status: 201, body: 'hello world', keepAlive: true, keepAliveTimeout: undefined, location: undefined, excessBytes: false });
  });

  it('reads a chunked body with chunk extensions and trailers, whatever the chunks', () => {
    const response =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' + '5;name=value\r\nhello\r\n' + '1\r\n \r\n' + 'A ; quoted="a;b"\r\nworld-0123\r\n' + '0;last\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n';
    const parsed = assertSplitsAlike(response);
    assert.equal(parsed.complete, true);
    assert.equal(parsed.body, 'hello world-0123');
    assert.equal(parsed.keepAlive, true);
    assert.equal(parsed.excessBytes, false);
  });

  it('keeps only bodyBytes bytes but reads the whole body', () => {
    const chunked = assertSplitsAlike('HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n', { bodyBytes: 6 });
    assert.equal(chunked.body, 'abcdef');
    assert.equal(chunked.complete, true);
    const sized = parse(['HTTP/1.1 500 Oops\r\nContent-Length: 300000\r\n\r\n', 'x'.repeat(100_000), 'x'.repeat(200_000)], { bodyBytes: 3 });
    assert.equal(sized.body, 'xxx');
    assert.equal(sized.complete, true);
    assert.equal(parse(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'], { bodyBytes: 0 }).body, '');
  });

  it('reads a body without length until the connection ends, and then does not reuse it', () => {
    const response = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end';
    assert.equal(parse([response]).complete, false);
    const parsed = assertSplitsAlike(response, {}, true);
    assert.equal(parsed.complete, true);
    assert.equal(parsed.body, 'until the end');
    assert.equal(parsed.keepAlive, false);
    // A transfer coding other than chunked last is framed the same way.
    const gzip = parse(['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n\x1f\x8b'], {}, true);
    assert.deepEqual([gzip.complete, gzip.body, gzip.keepAlive], [true, '\x1f\x8b', false]);
  });

  it('reports a response cut short by the end of the connection', () => {
    for (const partial of ['', 'HTTP/1.1 200 OK\r\nContent-Le', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab']) {
      assert.equal(parse([partial], {}, true).complete, false, JSON.stringify(partial));
    }
  });

  it('skips interim 1xx responses', () => {
    const response = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
    const parsed = assertSplitsAlike(response);
    assert.deepEqual([parsed.status, parsed.body, parsed.complete], [200, 'ok', true]);
  });

  it('reads no body for 204, 304 and HEAD, whatever the headers say', () => {
    for (const status of ['204 No Content', '304 Not Modified']) {
      const parsed = parse([`HTTP/1.1 ${status}\r\nContent-Length: 5\r\n\r\n`]);
      assert.deepEqual([parsed.complete, parsed.body, parsed.keepAlive], [true, '', true], status);
    }
    const head = parse(['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'], { headRequest: true });
    assert.deepEqual([head.complete, head.body], [true, '']);
    assert.equal(parse(['HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n']).complete, false);
  });

  it('finds Location and the reuse headers whatever their case', () => {
    const parsed = parse(['HTTP/1.1 302 Found\r\nLOCATION:  /first \r\nlocation: /second\r\nkeep-ALIVE: max=5, Timeout=7\r\ncontent-LENGTH: 0\r\n\r\n']);
    assert.deepEqual([parsed.location, parsed.keepAliveTimeout, parsed.keepAlive], ['/first', 7, true]);
  });

  it('reuses a connection unless the response says to close it (HTTP/1.0: unless it says keep-alive)', () => {
    const reuse = (head: string) => parse([`${head}\r\nContent-Length: 0\r\n\r\n`]).keepAlive;
    assert.equal(reuse('HTTP/1.1 200 OK'), true);
    assert.equal(reuse('HTTP/1.1 200 OK\r\nConnection: Close'), false);
    assert.equal(reuse('HTTP/1.1 200 OK\r\nConnection: upgrade, close'), false);
    assert.equal(reuse('HTTP/1.0 200 OK'), false);
    assert.equal(reuse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive'), true);
    // Transfer-Encoding beside Content-Length is suspect: the body is read as chunked, the connection closed.
    const both = parse(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n']);
    assert.deepEqual([both.complete, both.body, both.keepAlive], [true, 'ok', false]);
    const switched = parse(['HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n']);
    assert.deepEqual([switched.status, switched.complete, switched.keepAlive], [101, true, false]);
  });

  it('accepts a status line without reason and lines ending in LF alone', () => {
    assert.deepEqual(parse(['HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok']).body, 'ok');
    const bare = assertSplitsAlike('HTTP/1.1 200 OK\nContent-Length: 2\n\nok');
    assert.deepEqual([bare.status, bare.body, bare.complete], [200, 'ok', true]);
  });

  it('flags bytes after the response, so its connection is not reused', () => {
    const parsed = parse(['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n']);
    assert.deepEqual([parsed.complete, parsed.body, parsed.excessBytes], [true, 'ok', true]);
  });

  it('fails malformed responses with node:http codes', () => {
    const cases: [string, string][] = [
      ['FOO/1.1 200 OK\r\n\r\n', 'HPE_INVALID_CONSTANT'],
      ['\r\n', 'HPE_INVALID_CONSTANT'],
      ['HTTP/2.0 200 OK\r\n\r\n', 'HPE_INVALID_VERSION'],
      ['HTTP/1.1 2x0 OK\r\n\r\n', 'HPE_INVALID_STATUS'],
      ['HTTP/1.1 20 OK\r\n\r\n', 'HPE_INVALID_STATUS'],
      ['HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\nNoColon\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\n: empty name\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\nX-A: a\r\n folded\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\nX-A: a\rb\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\nX-A: a\x00b\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
      ['HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
      ['HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
      ['HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
      ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'HPE_INVALID_CHUNK_SIZE'],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n', 'HPE_INVALID_CHUNK_SIZE'],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000\r\n', 'HPE_INVALID_CHUNK_SIZE'],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXX\r\n', 'HPE_STRICT'],
      ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
    ];
    for (const [response, code] of cases) assert.equal(parseError([response]), code, JSON.stringify(response));
  });

  it('limits a header section, also when it never ends a line, so memory stays bounded', () => {
    const limited = { maxHeadBytes: 1024 };
    const head = (size: number) => `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(size - 'HTTP/1.1 200 OK\r\nX-Big: \r\nContent-Length: 0\r\n\r\n'.length)}\r\nContent-Length: 0\r\n\r\n`;
    assert.equal(head(1024).length, 1024);
    assert.equal(parse([head(1024)], limited).complete, true);
    assert.equal(parseError([head(1025)], limited), 'HPE_HEADER_OVERFLOW');
    assert.equal(parseError(['HTTP/1.1 200 OK\r\nX-Big: ', ...Array<string>(40).fill('a'.repeat(100))], limited), 'HPE_HEADER_OVERFLOW');
    // Default: 64 KiB.
    assert.equal(parse([head(64 * 1024)]).complete, true);
    assert.equal(parseError([head(64 * 1024 + 1)]), 'HPE_HEADER_OVERFLOW');
    // Each interim response, trailer section and chunk-size line has the same limit.
    assert.equal(parseError(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;', 'x'.repeat(2000)], limited), 'HPE_HEADER_OVERFLOW');
    assert.equal(parseError(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: ', 'x'.repeat(2000)], limited), 'HPE_HEADER_OVERFLOW');
    assert.equal(parse(['HTTP/1.1 100 Continue\r\n\r\n', head(1024)], limited).complete, true);
  });
});
