import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { redact } from '../src/index';

const HEADERS = {
  host: 'api.example.com',
  accept: 'application/json',
  'content-type': 'application/json',
  'user-agent': 'Mozilla/5.0 Chrome/120.0.0.0',
  cookie: 'sid=abc',
  authorization: 'Bearer abc',
  'x-forwarded-for': '203.0.113.9',
  forwarded: 'for=203.0.113.9',
  'x-real-ip': '203.0.113.9',
  'x-api-key': 'k',
  referer: 'https://example.com/?email=a@b.c',
  'accept-language': 'en-GB',
  'sec-ch-ua': '"Chromium";v="120"',
  'x-request-id': 'r-1',
};
const SAFE = { host: 'api.example.com', accept: 'application/json', 'content-type': 'application/json', 'x-request-id': 'r-1' };

function nodeRequest(): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.url = '/login?user=alice&next=%2Fhome#frag';
  req.headers = { ...HEADERS };
  return req;
}

describe('redact.request', () => {
  it('a Node http request: method, path with query keys only, safe headers', () => {
    assert.deepEqual(redact.request(nodeRequest()), { method: 'POST', path: '/login?user&next', headers: SAFE });
  });

  it('a Node http response: status and safe headers, no set-cookie', () => {
    const res = new ServerResponse(nodeRequest());
    res.statusCode = 201;
    res.setHeader('content-type', 'text/plain');
    res.setHeader('set-cookie', ['sid=abc; HttpOnly']);
    assert.deepEqual(redact.request(res), { status: 201, headers: { 'content-type': 'text/plain' } });
  });

  it('an Express request prefers originalUrl and ignores ip, cookies and user', () => {
    const req = {
      method: 'GET',
      url: '/42',
      originalUrl: '/users/42?tab=profile',
      path: '/users/42',
      ip: '203.0.113.9',
      ips: ['203.0.113.9'],
      cookies: { sid: 'abc' },
      user: { id: 42 },
      headers: { ...HEADERS },
    };
    assert.deepEqual(redact.request(req), { method: 'GET', path: '/users/42?tab', headers: SAFE });
  });

  it('a Koa context reads method, url and headers through ctx.request and status from ctx.response', () => {
    const ctx = {
      request: { method: 'DELETE', url: '/items/7?force=1', header: { ...HEADERS } },
      response: { status: 204 },
      cookies: { get: () => 'abc' },
      ip: '203.0.113.9',
    };
    assert.deepEqual(redact.request(ctx), { method: 'DELETE', path: '/items/7?force', status: 204 });
    const withDelegates = { ...ctx, method: 'DELETE', url: '/items/7?force=1', headers: { ...HEADERS }, status: 204 };
    assert.deepEqual(redact.request(withDelegates), { method: 'DELETE', path: '/items/7?force', status: 204, headers: SAFE });
  });

  it('a Fastify request and reply', () => {
    const request = { id: 'req-1', method: 'PUT', url: '/a?b=c', headers: { ...HEADERS }, ip: '203.0.113.9', raw: nodeRequest() };
    assert.deepEqual(redact.request(request), { method: 'PUT', path: '/a?b', headers: SAFE });
    const reply = { statusCode: 200, raw: new ServerResponse(nodeRequest()), getHeaders: () => ({ 'set-cookie': 'x=1', vary: 'Accept' }) };
    assert.deepEqual(redact.request(reply), { status: 200, headers: { vary: 'Accept' } });
  });

  it('a fetch Request with a Headers object and an absolute URL', () => {
    const request = new Request('https://api.example.com/search?q=alice@example.com&page=2', {
      method: 'GET',
      headers: { accept: 'text/html', authorization: 'Bearer abc', 'user-agent': 'curl/8' },
    });
    assert.deepEqual(redact.request(request), { method: 'GET', path: '/search?q&page', headers: { accept: 'text/html' } });
  });

  it('a plain headers object and a Headers object give the safe headers only', () => {
    assert.deepEqual(redact.request({ ...HEADERS }), SAFE);
    assert.deepEqual(redact.request(new Headers({ 'Content-Type': 'text/plain', Cookie: 'a=1', 'X-Forwarded-For': '203.0.113.9' })), {
      'content-type': 'text/plain',
    });
    assert.deepEqual(redact.request({ 'Content-Type': 'a', Authorization: 'x', 'X-Forwarded-Proto': 'https' }), {
      'Content-Type': 'a',
      'X-Forwarded-Proto': 'https',
    });
  });

  it('a URL or path string loses query values, fragment and origin, and identifiers in the path', () => {
    assert.equal(redact.request('/search?q=secret&lang=en#top'), '/search?q&lang');
    assert.equal(redact.request('https://user:pw@example.com/a/b?x=1'), '/a/b?x');
    assert.equal(redact.request('/users/alice@example.com/reset/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'), '/users/[redacted]@example.com/reset/JWT [redacted]');
    assert.equal(redact.request('/peers/203.0.113.9'), '/peers/203.0.113.0');
  });

  it('arrays are treated element by element', () => {
    assert.deepEqual(redact.request(['/a?b=1', { method: 'GET', url: '/' }]), ['/a?b', { method: 'GET', path: '/' }]);
  });
});

describe('redact.request on something too long to be a URL', () => {
  it('gives [redacted] rather than treating megabytes as a path', () => {
    assert.equal(redact.request(`/a?${'x=1&'.repeat(20_000)}`), '[redacted]');
    assert.equal(redact.request(`/a?${'x=1&'.repeat(1_000)}`), `/a?${Array.from({ length: 1000 }, () => 'x').join('&')}`);
  });
});
