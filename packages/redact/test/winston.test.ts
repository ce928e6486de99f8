import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import winston from 'winston';
import { classify, pseudonymize } from '../src/index';
import { redactFormat } from '../src/winston';

/** A real winston logger with a Stream transport; `next(n)` resolves once n lines were written. */
function capture(format: winston.Logform.Format, defaultMeta?: Record<string, unknown>) {
  const lines: Record<string, unknown>[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      for (const w of waiters.filter((x) => lines.length >= x.count)) w.resolve();
      callback();
    },
  });
  const logger = winston.createLogger({ format, defaultMeta, transports: [new winston.transports.Stream({ stream })] });
  const next = (count: number) =>
    new Promise<Record<string, unknown>[]>((resolve) => {
      if (lines.length >= count) resolve(lines);
      else waiters.push({ count, resolve: () => resolve(lines) });
    });
  return { logger, next };
}

describe('winston integration (a real winston logger)', () => {
  it('treats fields by name and the message text', async () => {
    const { logger, next } = capture(winston.format.combine(redactFormat(), winston.format.json()));
    logger.info('login from 203.0.113.9 for alice@example.com', {
      ip: '203.0.113.9',
      'x-forwarded-for': '203.0.113.9, 2001:db8::1',
      authorization: 'Bearer abc.def',
      cookie: 'sid=abc; theme=dark',
      setCookie: ['sid=abc; HttpOnly'],
      userId: 42,
      email: 'alice@example.com',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
      sessionId: 'sess-1',
      url: '/reset?token=abc',
      status: 200,
    });
    const [line] = await next(1);
    assert.deepEqual(line, {
      level: 'info',
      message: 'login from 203.0.113.0 for [redacted]@example.com',
      ip: '203.0.113.0',
      'x-forwarded-for': '203.0.113.0, 2001:db8::',
      authorization: 'Bearer [redacted]',
      cookie: 'sid=[redacted]; theme=[redacted]',
      setCookie: ['sid=[redacted]; HttpOnly'],
      userId: '[redacted]',
      email: '[redacted]@example.com',
      userAgent: 'Firefox 121',
      sessionId: '[redacted]',
      url: '/reset?token',
      status: 200,
    });
  });

  it('keeps classified values and pseudonyms, treats nested requests and default meta', async () => {
    const { logger, next } = capture(winston.format.combine(redactFormat(), winston.format.json()), { service: 'api', clientIp: '198.51.100.7' });
    const meta = {
      ip: classify('203.0.113.9', 'ip'),
      userId: pseudonymize('u1', { key: 'k' }),
      req: { method: 'GET', url: '/a?b=c', headers: { cookie: 'a=1', accept: '*/*' }, socket: { remoteAddress: '203.0.113.9' } },
    };
    const snapshot = JSON.stringify(meta);
    logger.warn('blocked', meta);
    const [line] = await next(1);
    assert.deepEqual(line, {
      level: 'warn',
      message: 'blocked',
      service: 'api',
      clientIp: '198.51.100.0',
      ip: { $classified: { kind: 'ip', purpose: 'security' }, value: '203.0.113.9' },
      userId: pseudonymize('u1', { key: 'k' }),
      req: { method: 'GET', url: '/a?b', headers: { cookie: 'a=[redacted]', accept: '*/*' }, socket: { remoteAddress: '203.0.113.0' } },
    });
    assert.equal(JSON.stringify(meta), snapshot, 'the caller’s objects are not changed');
  });

  it('works with printf formats: the treated fields reach the text line', async () => {
    const lines: string[] = [];
    let done: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (done = resolve));
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        done();
        callback();
      },
    });
    const logger = winston.createLogger({
      format: winston.format.combine(
        redactFormat(),
        winston.format.printf((info) => `${info.level} ${String(info.message)} ip=${String(info.ip)}`),
      ),
      transports: [new winston.transports.Stream({ stream })],
    });
    logger.info(`denied ${classify('203.0.113.9', 'ip')}`, { ip: '2001:db8::1' });
    await written;
    assert.equal(lines[0], 'info denied [classified ip/security: 203.0.113.9] ip=2001:db8::\n');
  });
});
