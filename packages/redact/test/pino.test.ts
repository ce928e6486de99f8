import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import pino from 'pino';
import { classify, pseudonymize } from '../src/index';
import { pinoOptions, redactOptions, redactPaths, serializers } from '../src/pino';

/** A real pino logger writing synchronously into an array of parsed lines. */
function capture(options: pino.LoggerOptions): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write(chunk: string) {
      lines.push(JSON.parse(chunk) as Record<string, unknown>);
    },
  };
  return { logger: pino({ base: undefined, timestamp: false, ...options }, destination), lines };
}

const HEADERS = {
  host: 'api.example.com',
  accept: '*/*',
  authorization: 'Bearer abc.def',
  'proxy-authorization': 'Basic dXNlcjpwYXNz',
  cookie: 'sid=abc; theme=dark',
  'x-api-key': 'sk_live_abcdefghijklmnop',
  'x-forwarded-for': '203.0.113.9, 198.51.100.7',
  'x-real-ip': '203.0.113.9',
  forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  referer: 'https://example.com/reset?token=abc',
};
const TREATED_HEADERS = {
  host: 'api.example.com',
  accept: '*/*',
  authorization: 'Bearer [redacted]',
  'proxy-authorization': 'Basic [redacted]',
  cookie: 'sid=[redacted]; theme=[redacted]',
  'x-api-key': 'sk_live_[redacted]',
  'x-forwarded-for': '203.0.113.0, 198.51.100.0',
  'x-real-ip': '203.0.113.0',
  forwarded: 'for=192.0.2.0;proto=http, for="[2001:db8:cafe::]"',
  'user-agent': 'Chrome 120',
  referer: '/reset?token',
};

function nodeRequest(): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: '::ffff:203.0.113.9' });
  const req = new IncomingMessage(socket);
  req.method = 'POST';
  req.url = '/login?email=alice@example.com&next=/';
  req.headers = { ...HEADERS };
  return req;
}

describe('pino integration (a real pino logger)', () => {
  it('redactOptions: the paths get the treatment for their name, not a blanket censor', () => {
    const { logger, lines } = capture({ redact: redactOptions });
    // the shape pino-http's default serializers write
    logger.info({ req: { method: 'GET', url: '/', headers: { ...HEADERS }, remoteAddress: '203.0.113.9', remotePort: 51234 }, ip: '2001:db8::1' }, 'hit');
    assert.deepEqual(lines, [
      {
        level: 30,
        req: { method: 'GET', url: '/', headers: TREATED_HEADERS, remoteAddress: '203.0.113.0', remotePort: '[redacted]' },
        ip: '2001:db8::',
        msg: 'hit',
      },
    ]);
  });

  it('redactPaths covers the identifying request headers and addresses', () => {
    for (const path of ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-forwarded-for"]', 'res.headers["set-cookie"]', 'req.remoteAddress', 'ip']) {
      const normalised = path.replace(/\.([a-z]+)$/, '["$1"]');
      assert.ok(redactPaths.includes(path) || redactPaths.includes(normalised), path);
    }
  });

  it('serializers: a Node request, response and error', () => {
    const { logger, lines } = capture({ serializers });
    const req = nodeRequest();
    const res = new ServerResponse(req);
    res.statusCode = 302;
    res.setHeader('set-cookie', ['sid=abc; Path=/; HttpOnly']);
    res.setHeader('location', '/home?session=xyz');
    logger.info({ req, res }, 'done');
    logger.error({ err: Object.assign(new Error('no user alice@example.com from 203.0.113.9'), { code: 'E_AUTH', ip: '203.0.113.9' }) }, 'failed');
    assert.deepEqual(lines[0], {
      level: 30,
      req: { method: 'POST', url: '/login?email&next', headers: TREATED_HEADERS, remoteAddress: '::ffff:203.0.113.0' },
      res: { statusCode: 302, headers: { 'set-cookie': ['sid=[redacted]; Path=/; HttpOnly'], location: '/home?session' } },
      msg: 'done',
    });
    const err = lines[1]?.err as Record<string, unknown>;
    assert.equal(err.type, 'Error');
    assert.equal(err.message, 'no user [redacted]@example.com from 203.0.113.0');
    assert.equal(err.code, 'E_AUTH');
    assert.equal(err.ip, '203.0.113.0');
    assert.match(err.stack as string, /^Error: no user \[redacted\]@example\.com from 203\.0\.113\.0\n/);
  });

  it('pinoOptions: fields by name, message text, child bindings; classified values and pseudonyms kept', () => {
    const { logger, lines } = capture({ ...pinoOptions });
    const child = logger.child({ sessionId: 'sess-123', userId: 'u1' });
    child.info(
      { clientIp: '203.0.113.9', email: 'bob@example.org', kept: classify('203.0.113.9', 'ip'), ip: classify('198.51.100.7', 'ip'), userRef: pseudonymize('u1', { key: 'k' }), user: { id: 7, name: 'Bob' }, count: 3 },
      'login from 203.0.113.9 with Bearer abc123',
    );
    logger.info('printf %s and %s', 'from 203.0.113.9', 'bob@example.org');
    logger.error(new Error('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl rejected for 203.0.113.9'));
    assert.deepEqual(lines[0], {
      level: 30,
      sessionId: '[redacted]',
      userId: '[redacted]',
      clientIp: '203.0.113.0',
      email: '[redacted]@example.org',
      kept: { $classified: { kind: 'ip', purpose: 'security' }, value: '203.0.113.9' },
      ip: { $classified: { kind: 'ip', purpose: 'security' }, value: '198.51.100.7' },
      userRef: pseudonymize('u1', { key: 'k' }),
      user: { id: '[redacted]', name: '[redacted]' },
      count: 3,
      msg: 'login from 203.0.113.0 with Bearer [redacted]',
    });
    assert.equal(lines[1]?.msg, 'printf from 203.0.113.0 and [redacted]@example.org');
    assert.equal(lines[2]?.msg, 'token [redacted] rejected for 203.0.113.0');
    assert.equal((lines[2]?.err as Record<string, unknown>).message, 'token [redacted] rejected for 203.0.113.0');
  });
});
