import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpPostError } from './http-post-error';
import { serializeRequest } from './http1-request-head';

const text = (bytes: Buffer) => bytes.toString('latin1');

describe('serializeRequest', () => {
  it('writes what node:http wrote: headers in order, the last spelling and value of a repeated name at its first place, then Host, credentials and Connection', () => {
    const { bytes, keepAlive } = serializeRequest({
      url: new URL('http://us%C3%A9r:p%40w@127.0.0.1:9093/p?q=1#fragment'),
      method: 'POST',
      headers: { 'content-length': '99', 'Content-Type': 'application/json', 'Content-Length': 7 },
      body: Buffer.from('{"a":1}'),
    });
    assert.equal(
      text(bytes),
      'POST /p?q=1 HTTP/1.1\r\nContent-Length: 7\r\nContent-Type: application/json\r\nHost: 127.0.0.1:9093\r\n' +
        `Authorization: Basic ${Buffer.from('usér:p@w').toString('base64')}\r\nConnection: keep-alive\r\n\r\n{"a":1}`,
    );
    assert.equal(keepAlive, true);
  });

  it('keeps a given Host, Authorization and Connection; an empty Authorization yields to the URL credentials, as in node:http', () => {
    const given = serializeRequest({ url: new URL('https://u:p@example.com/'), method: 'GET', headers: { host: 'other', authorization: 'Bearer x', connection: 'close' } });
    assert.equal(text(given.bytes), 'GET / HTTP/1.1\r\nhost: other\r\nauthorization: Bearer x\r\nconnection: close\r\n\r\n');
    assert.equal(given.keepAlive, false);
    const empty = serializeRequest({ url: new URL('http://u:p@example.com:80/'), method: 'GET', headers: { authorization: '' } });
    assert.equal(text(empty.bytes), `GET / HTTP/1.1\r\nAuthorization: Basic ${Buffer.from('u:p').toString('base64')}\r\nHost: example.com\r\nConnection: keep-alive\r\n\r\n`);
  });

  it('writes Latin-1 values byte for byte, and one line per value of a list', () => {
    const { bytes } = serializeRequest({ url: new URL('http://[::1]:8080/'), method: 'GET', headers: { 'X-Name': 'café', 'X-List': ['a', 'b'] } });
    assert.equal(text(bytes), 'GET / HTTP/1.1\r\nX-Name: café\r\nX-List: a\r\nX-List: b\r\nHost: [::1]:8080\r\nConnection: keep-alive\r\n\r\n');
    assert.equal(bytes.indexOf(Buffer.from([0xe9])), 'GET / HTTP/1.1\r\nX-Name: caf'.length);
  });

  it("fails with node:http's codes on names and values it refused", () => {
    const code = (headers: Record<string, unknown>, url = 'http://example.com/') => {
      try {
        serializeRequest({ url: new URL(url), method: 'POST', headers: headers as never });
      } catch (err) {
        assert.ok(err instanceof HttpPostError);
        return err.code;
      }
      return 'no error';
    };
    assert.equal(code({ 'X-A': 'a\r\nb' }), 'ERR_INVALID_CHAR');
    assert.equal(code({ 'X-A': 'a\x7f' }), 'ERR_INVALID_CHAR');
    assert.equal(code({ 'X-A': 'a\u0100' }), 'ERR_INVALID_CHAR');
    assert.equal(code({ 'X-A': ['ok', 'a\nb'] }), 'ERR_INVALID_CHAR');
    assert.equal(code({ 'X:A': '1' }), 'ERR_INVALID_HTTP_TOKEN');
    assert.equal(code({ 'X-A': undefined }), 'ERR_HTTP_INVALID_HEADER_VALUE');
    assert.equal(code({}, 'http://%zz:p@example.com/'), 'ERR_UNKNOWN');
    assert.equal(code({ 'X-A': 'a\tb' }), 'no error');
  });
});
