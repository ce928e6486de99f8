// Flows across files: what a function imported from the project's own
// modules returns, and the wrappers and loggers it exports. The linted code
// sits beside test/fixtures/cross-file/lib (as app.js / app.ts), so its
// relative imports resolve to real files there.
import * as path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-unclassified-logging';
import { toInvalid, toValid, type InvalidSpec, type ValidSpec } from './helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cross-file');
const ruleTester = new RuleTester();

const invalid: (InvalidSpec & { file?: string })[] = [
  {
    name: 'a function imported from a TypeScript module (ESM `.js` specifier) returns an IP address',
    code: "import { clientAddress } from './lib/net.js';\napp.get('/', (req) => console.log(clientAddress(req)));",
    findings: [{ at: 'clientAddress(req)', kind: 'ip', origin: 'clientAddress(req)', sink: 'console.log' }],
  },
  {
    name: 'a required CommonJS module: a member function returns a user agent',
    code: "const info = require('./lib/client-info');\napp.get('/', (req) => logger.info(info.whoIsCalling(req)));",
    sourceType: 'commonjs',
    findings: [{ at: 'info.whoIsCalling(req)', kind: 'device', origin: 'info.whoIsCalling(req)', sink: 'logger.info' }],
  },
  {
    name: 'an imported wrapper writes one of its parameters (through a local record) to a log',
    code: "import { record } from './lib/audit';\napp.post('/login', (req) => record('login', req.user, req.ip));",
    findings: [{ at: 'req.user', kind: 'user', origin: 'req.user', sink: 'record' }],
  },
  {
    name: 'the same wrapper through a namespace import',
    code: "import * as audit from './lib/audit';\napp.post('/login', (req) => audit.record('login', req.user));",
    findings: [{ at: 'req.user', kind: 'user', origin: 'req.user', sink: 'audit.record' }],
  },
  {
    name: 'an imported default export that forwards its rest parameter',
    code: "import trail from './lib/audit';\napp.get('/', (req) => trail('visit', req.ip));",
    findings: [{ at: 'req.ip', kind: 'ip', origin: 'req.ip', sink: 'trail' }],
  },
  {
    name: 'an object a module exports as a logger, under a name that says nothing',
    code: "const monitor = require('./lib/monitoring');\napp.get('/', (req) => monitor.info({ ip: req.ip }));",
    sourceType: 'commonjs',
    findings: [{ at: 'req.ip', kind: 'ip', origin: 'req.ip', sink: 'monitor.info' }],
  },
  {
    name: "a folder's index file, through an arrow function export",
    code: "import { currentVisit } from './lib/visits';\napp.get('/', (req) => logger.debug('visit', currentVisit(req)));",
    findings: [{ at: 'currentVisit(req)', kind: 'session', origin: 'currentVisit(req)', sink: 'logger.debug' }],
  },
  {
    name: 'a destructured parameter: only the properties the function writes',
    code: "import provision from './lib/provision';\napp.post('/', (req) => provision(req, { email: req.body.email, teamId: 1, address: req.ip }));",
    findings: [{ at: 'req.body.email', kind: 'user', origin: 'req.body.email', sink: 'provision' }],
  },
  {
    name: 'an imported name from a module that cannot be read still speaks for itself',
    code: "import { clientUserAgent } from './lib/missing';\nconsole.log(clientUserAgent);",
    findings: [{ at: 'clientUserAgent', nth: 1, kind: 'device', origin: 'clientUserAgent', sink: 'console.log' }],
  },
  {
    name: 'two modules away: a wrapper over a logger from a third module',
    code: "const { note } = require('./lib/notes');\napp.get('/', (req) => note(req.cookies));",
    sourceType: 'commonjs',
    findings: [{ at: 'req.cookies', kind: 'cookie', origin: 'req.cookies', sink: 'note' }],
  },
];

const valid: ValidSpec[] = [
  { name: 'the imported function returns a number', code: "import { headerCount } from './lib/net';\napp.get('/', (req) => console.log(headerCount(req)));" },
  {
    name: 'the imported function returns the method and path',
    code: "const { describeRoute } = require('./lib/client-info');\napp.get('/', (req) => console.log(describeRoute(req)));",
  },
  { name: 'a parameter the wrapper does not write', code: "import { record } from './lib/audit';\napp.post('/login', (req) => record('login', 'anonymous', req.ip));" },
  { name: 'an imported function whose body writes nothing is not a sink', code: "import { remember } from './lib/audit';\napp.post('/login', (req) => remember('login', req.user));" },
  { name: 'an imported constant names no one, whatever its name', code: "import { serverUserAgent } from './lib/net';\nconsole.log(serverUserAgent);\nfetch(url, { headers: { 'User-Agent': serverUserAgent } });" },
  { name: 'a module that does not exist', code: "import { clientAddress } from './lib/missing';\napp.get('/', (req) => console.log(clientAddress(req)));" },
  { name: 'a module that does not parse', code: "import { clientAddress } from './lib/broken';\napp.get('/', (req) => console.log(clientAddress(req)));" },
  { name: 'a package is never read from disk', code: "import { clientAddress } from 'net-utils';\napp.get('/', (req) => console.log(clientAddress(req)));" },
  {
    name: 'the wrapper is called with classified values',
    code: "import { redact } from '@online-identifiers/redact';\nimport trail from './lib/audit';\napp.get('/', (req) => trail('visit', redact.ip(req.ip)));",
  },
];

ruleTester.run('no-unclassified-logging: across files', rule as unknown as Rule.RuleModule, {
  valid: valid.map((spec) => ({ ...toValid(spec), filename: path.join(FIXTURES, 'app.js') })),
  invalid: invalid.map((spec) => ({ ...toInvalid(spec), filename: path.join(FIXTURES, spec.ts ? 'app.ts' : 'app.js') })),
});

// Linted without a file on disk (`<input>`), nothing is resolved and nothing fails.
ruleTester.run('no-unclassified-logging: across files, no filename', rule as unknown as Rule.RuleModule, {
  valid: [toValid({ name: 'stdin input', code: "import { clientAddress } from './lib/net';\napp.get('/', (req) => console.log(clientAddress(req)));" })],
  invalid: [],
});
