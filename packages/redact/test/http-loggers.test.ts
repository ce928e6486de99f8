import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import winston from 'winston';
import { redact } from '../src/index';
import { expressWinstonOptions, headerBlacklist, requestFilter } from '../src/express-winston';
import { redactOptions, serializers } from '../src/pino';
import { anyString, anyValue } from './helpers';

// Neither pino-http nor express-winston ships types we depend on; these are the parts the tests call.
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pinoHttp = require('pino-http') as (options: Record<string, unknown>) => Middleware;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const expressWinston = require('express-winston') as { logger(options: Record<string, unknown>): Middleware };

interface Visit {
  readonly address: string;
  readonly cookie: string;
  readonly authorization: string;
}

function request(visit: Visit): { req: IncomingMessage; res: ServerResponse } {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: visit.address });
  const req = new IncomingMessage(socket);
  req.method = 'GET';
  req.url = '/orders?email=alice@example.com&page=2';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.headers = { host: 'shop.example', accept: 'application/json', cookie: visit.cookie, authorization: visit.authorization };
  return { req, res: new ServerResponse(req) };
}

/** The line the real pino-http middleware writes when the response finishes. */
function pinoHttpLine(options: Record<string, unknown>, visit: Visit): Record<string, unknown> {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ base: undefined, timestamp: false }, { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>) });
  const middleware = pinoHttp({ logger, genReqId: () => 'r-1', ...options });
  const { req, res } = request(visit);
  middleware(req, res, (error) => assert.equal(error, undefined));
  res.statusCode = 200;
  res.emit('finish');
  assert.equal(lines.length, 1);
  return lines[0] as Record<string, unknown>;
}

/** The metadata the real express-winston middleware logs when the response ends. */
function expressWinstonMeta(options: Record<string, unknown>, visit: Visit): Record<string, unknown> {
  const records: Record<string, unknown>[] = [];
  const stream = new Writable({
    objectMode: true,
    write(info: Record<string, unknown>, _encoding, callback) {
      records.push(info);
      callback();
    },
  });
  const winstonInstance = winston.createLogger({ transports: [new winston.transports.Stream({ stream })] });
  const middleware = expressWinston.logger({ winstonInstance, ...options });
  const { req, res } = request(visit);
  Object.assign(req, { originalUrl: req.url, ip: visit.address, cookies: { sid: 'abc' } });
  middleware(req, res, (error) => assert.equal(error, undefined));
  res.end();
  assert.equal(records.length, 1);
  return records[0]?.meta as Record<string, unknown>;
}

const VISIT: Visit = { address: '203.0.113.9', cookie: 'sid=s3cr3tS3ss10n; theme=dark', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' };
const visits = fc.record({
  address: fc.oneof(fc.ipV4(), fc.ipV6()),
  cookie: fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((value) => `sid=${value}`),
  authorization: fc.stringMatching(/^[A-Za-z0-9]{16,24}$/).map((value) => `Bearer ${value}`),
});

function assertNoIdentifier(text: string, visit: Visit): void {
  if (redact.ip(visit.address) !== visit.address) assert.ok(!text.includes(`"${visit.address}"`), text);
  assert.ok(!text.includes(visit.cookie.slice(4)), text);
  assert.ok(!text.includes(visit.authorization.slice(7)), text);
}

describe('pino-http with the runtime (the real pino-http middleware)', () => {
  it('without treatment, pino-http writes the address, cookie and authorization (what the rule reports)', () => {
    const line = pinoHttpLine({}, VISIT);
    const req = line.req as Record<string, unknown>;
    assert.equal(req.remoteAddress, '203.0.113.9');
    assert.deepEqual(req.headers, { host: 'shop.example', accept: 'application/json', cookie: VISIT.cookie, authorization: VISIT.authorization });
  });

  it('serializers from @online-identifiers/redact/pino: every request field treated', () => {
    const line = pinoHttpLine({ serializers }, VISIT);
    assert.deepEqual(line.req, {
      id: 'r-1',
      method: 'GET',
      url: '/orders?email&page',
      headers: { host: 'shop.example', accept: 'application/json', cookie: 'sid=[redacted]; theme=[redacted]', authorization: 'Bearer [redacted]' },
      remoteAddress: '203.0.113.0',
    });
    assert.deepEqual(line.res, { statusCode: 200, headers: {} });
  });

  it('redact: redactOptions on the default serializers gives the treated fields too', () => {
    const req = pinoHttpLine({ redact: redactOptions }, VISIT).req as Record<string, unknown>;
    assert.equal(req.remoteAddress, '203.0.113.0');
    assert.equal(req.remotePort, '[redacted]');
    assert.deepEqual(req.headers, { host: 'shop.example', accept: 'application/json', cookie: 'sid=[redacted]; theme=[redacted]', authorization: 'Bearer [redacted]' });
  });

  it('no raw address, cookie value or credential in any pino-http line with the serializers', () => {
    fc.assert(
      fc.property(visits, (visit) => {
        assertNoIdentifier(JSON.stringify(pinoHttpLine({ serializers }, visit)), visit);
      }),
      { numRuns: 60 },
    );
  });

  it("pino's redact paths apply after a request serializer (Fastify's default shape: method, url, host, remoteAddress)", () => {
    const lines: Record<string, unknown>[] = [];
    const fastifyLike = (req: IncomingMessage) => ({ method: req.method, url: req.url, host: req.headers.host, remoteAddress: req.socket.remoteAddress, remotePort: 51234 });
    const logger = pino(
      { base: undefined, timestamp: false, redact: redactOptions, serializers: { req: fastifyLike } },
      { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>) },
    );
    logger.info({ req: request(VISIT).req }, 'incoming request');
    assert.deepEqual(lines[0]?.req, { method: 'GET', url: '/orders?email=alice@example.com&page=2', host: 'shop.example', remoteAddress: '203.0.113.0', remotePort: '[redacted]' });
  });
});

describe('express-winston with the runtime (the real express-winston middleware)', () => {
  it('without treatment, express-winston logs cookie and authorization headers (what the rule reports)', () => {
    const headers = (expressWinstonMeta({}, VISIT).req as { headers: Record<string, unknown> }).headers;
    assert.equal(headers.cookie, VISIT.cookie);
    assert.equal(headers.authorization, VISIT.authorization);
  });

  it('headerBlacklist drops every identifying header and keeps the rest', () => {
    const meta = expressWinstonMeta({ headerBlacklist }, VISIT);
    assert.deepEqual((meta.req as { headers: unknown }).headers, { host: 'shop.example', accept: 'application/json' });
  });

  it('requestFilter treats whitelisted identifier fields by name', () => {
    const meta = expressWinstonMeta({ requestWhitelist: ['url', 'method', 'ip', 'cookies', 'headers'], requestFilter }, VISIT);
    assert.deepEqual(meta.req, {
      url: '/orders?email&page',
      method: 'GET',
      ip: '203.0.113.0',
      cookies: { sid: '[redacted]' },
      headers: { host: 'shop.example', accept: 'application/json', cookie: 'sid=[redacted]; theme=[redacted]', authorization: 'Bearer [redacted]' },
    });
  });

  it('no raw address, cookie value or credential in express-winston metadata with expressWinstonOptions', () => {
    fc.assert(
      fc.property(visits, (visit) => {
        const meta = expressWinstonMeta({ ...expressWinstonOptions, requestWhitelist: ['url', 'headers', 'ip', 'cookies'] }, visit);
        assertNoIdentifier(JSON.stringify(meta), visit);
      }),
      { numRuns: 60 },
    );
  });

  it('requestFilter never throws, whatever the request and property', () => {
    fc.assert(
      fc.property(anyValue, anyString, (req, prop) => {
        requestFilter(req, prop);
      }),
    );
    const hostile = new Proxy({}, { get: () => { throw new Error('nope'); } });
    // a property that cannot be read is absent: express-winston leaves it out
    assert.equal(requestFilter(hostile, 'ip'), undefined);
  });
});
