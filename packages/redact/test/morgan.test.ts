import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import fc from 'fast-check';
import { redact } from '../src/index';
import { MORGAN_FORMATS, morganFormat, registerTokens, type MorganFormat, type MorganToken } from '../src/morgan';
import { anyString } from './helpers';

// morgan ships no types; this is the part of its API the tests use.
interface Morgan {
  (format: string | MorganFormat, options: { immediate?: boolean; stream: { write(line: string): void } }): (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  compile(format: string): MorganFormat;
  token(name: string, fn: MorganToken): Morgan;
  [format: string]: unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const morgan = require('morgan') as Morgan;

interface Visit {
  readonly address: string;
  readonly user?: string;
  readonly userAgent?: string;
  readonly headers?: Record<string, string>;
  readonly url?: string;
}

function request(visit: Visit): { req: IncomingMessage; res: ServerResponse } {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: visit.address });
  const req = new IncomingMessage(socket);
  req.method = 'GET';
  req.url = visit.url ?? '/orders?page=2';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.headers = {
    ...(visit.user !== undefined ? { authorization: `Basic ${Buffer.from(`${visit.user}:secret`).toString('base64')}` } : {}),
    ...(visit.userAgent !== undefined ? { 'user-agent': visit.userAgent } : {}),
    ...visit.headers,
  };
  return { req, res: new ServerResponse(req) };
}

/** One line from the real morgan middleware (logged on arrival: `immediate`). */
function logLine(format: string | MorganFormat, visit: Visit): string {
  const lines: string[] = [];
  const middleware = morgan(format, { immediate: true, stream: { write: (line) => void lines.push(line) } });
  const { req, res } = request(visit);
  middleware(req, res, (error) => assert.equal(error, undefined));
  assert.equal(lines.length, 1);
  return (lines[0] as string).replace(/\n$/, '');
}

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.130 Safari/537.36';
const userName = fc.stringMatching(/^[a-z][a-z0-9]{5,11}$/);

describe('morgan integration (the real morgan middleware)', () => {
  it("MORGAN_FORMATS are morgan's own predefined format strings", () => {
    // `default` too, but reading it makes morgan print a deprecation notice
    for (const name of ['combined', 'common', 'short', 'tiny'] as const) {
      assert.equal(MORGAN_FORMATS[name], morgan[name], name);
    }
  });

  it("morganFormat('combined'): address /24, remote user and agent treated, everything else as morgan writes it", () => {
    const line = logLine(morganFormat('combined'), {
      address: '::ffff:203.0.113.9',
      user: 'alice',
      userAgent: CHROME,
      url: '/reset?token=abc&step=2',
    });
    assert.match(line, /^::ffff:203\.0\.113\.0 - \[redacted\] \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/reset\?token&step HTTP\/1\.1" - - "-" "Chrome 120"$/);
  });

  it('common and short keep their shape; tiny and dev need no treatment and match morgan', () => {
    assert.match(logLine(morganFormat('common'), { address: '198.51.100.7', user: 'bob' }), /^198\.51\.100\.0 - \[redacted\] \[[^\]]+\] "GET \/orders\?page HTTP\/1\.1" - -$/);
    assert.equal(logLine(morganFormat('short'), { address: '2001:db8:85a3::8a2e:370:7334' }), '2001:db8:85a3:: - GET /orders?page HTTP/1.1 - - - - ms');
    assert.equal(logLine(morganFormat('tiny'), { address: '203.0.113.9' }), 'GET /orders?page - - - - ms');
  });

  it('custom format strings: identifying request headers by name, others untouched', () => {
    const line = logLine(morganFormat(':remote-addr :req[Cookie] :req[authorization] :req[x-forwarded-for] :req[accept] :method'), {
      address: '203.0.113.9',
      headers: { cookie: 'sid=abc; theme=dark', authorization: 'Bearer eyJabc.def', 'x-forwarded-for': '198.51.100.7, 10.0.0.1', accept: 'text/html' },
    });
    assert.equal(line, '203.0.113.0 sid=[redacted]; theme=[redacted] Bearer [redacted] 198.51.100.0, 10.0.0.0 text/html GET');
  });

  it('on tokens that identify nobody, morganFormat writes exactly what morgan.compile writes', () => {
    morgan.token('shard', () => 'eu-1'); // a custom token passes as it is
    const piece = fc.oneof(
      fc.constantFrom(':method', ':status', ':http-version', ':req[accept]', ':res[content-length]', ':req[x-request-id]', ':pid', ':shard'),
      fc.stringMatching(/^[ a-zA-Z0-9"[\]()/=,.-]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.ipV4(), (pieces, address) => {
        const format = pieces.join(' ');
        const { req, res } = request({ address, headers: { accept: 'application/json', 'x-request-id': 'r-1' } });
        assert.equal(morganFormat(format)(morgan, req, res), morgan.compile(format)(morgan, req, res));
      }),
    );
  });

  it('no raw address, user name, cookie value or credential reaches a line, whatever the visit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), userName, fc.stringMatching(/^[A-Za-z0-9]{12,20}$/), (address, user, secret) => {
        const visit: Visit = { address, user, userAgent: CHROME, headers: { cookie: `sid=${secret}` } };
        const line = logLine(morganFormat(`${MORGAN_FORMATS.combined} :req[cookie] :req[authorization]`), visit);
        assert.ok(line.startsWith(`${redact.ip(address)} - [redacted] `), line);
        assert.ok(!line.includes(user) && !line.includes(secret) && !line.includes('secret'), line);
        // the address appears once, truncated (unless truncation leaves it unchanged: 203.0.113.0)
        if (redact.ip(address) !== address) assert.ok(!line.includes(address), line);
      }),
    );
  });

  it('registerTokens: the -redacted tokens in a hand-written format', () => {
    registerTokens(morgan);
    const line = logLine(':remote-addr-redacted :remote-user-redacted :user-agent-redacted :req-redacted[cookie] :url-redacted :referrer-redacted', {
      address: '203.0.113.9',
      user: 'carol',
      userAgent: CHROME,
      headers: { cookie: 'sid=abc', referer: 'https://shop.example/cart?email=carol@example.com' },
    });
    assert.equal(line, '203.0.113.0 [redacted] Chrome 120 sid=[redacted] /orders?page /cart?email');
  });

  it('bad input: a format that is not a string throws a TypeError; odd tokens never break a line', () => {
    assert.throws(() => morganFormat(42 as unknown as string), TypeError);
    assert.throws(() => registerTokens({} as never), TypeError);
    const tokens = {
      'remote-addr': () => {
        throw new Error('socket gone');
      },
      'user-agent': () => 12,
      method: 'not a function',
    };
    assert.equal(morganFormat(':remote-addr :user-agent :method :missing')(tokens, {}, {}), '[redacted] [redacted] - -');
    fc.assert(
      fc.property(anyString, (format) => {
        assert.equal(typeof morganFormat(format)({}, undefined, null), 'string');
      }),
    );
  });
});
