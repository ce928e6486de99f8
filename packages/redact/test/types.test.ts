import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as api from '../src/index';
import { classify, configure, pseudonymize, redact, type Classified, type Kind, type Pseudonymized, type Redacted } from '../src/index';

// Compile-time checks (tsc -p tsconfig.test.json): the brands fit where the raw values went.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <T extends true>(): T | undefined => undefined;

describe('public surface', () => {
  it('exports exactly redact, pseudonymize, classify and configure', () => {
    assert.deepEqual(Object.keys(api).sort(), ['classify', 'configure', 'pseudonymize', 'redact']);
    assert.deepEqual(Object.keys(redact).sort(), ['cookie', 'device', 'ip', 'request', 'session', 'storage', 'token', 'user']);
    assert.equal(typeof configure, 'function');
  });

  it('types: branded results are usable as the values they replace, and keep null and undefined', () => {
    const maybe = undefined as string | undefined;
    const ip: Redacted<string> = redact.ip('203.0.113.9');
    const asText: string = ip;
    const optional = redact.ip(maybe);
    check<Equal<typeof optional, Redacted<string> | undefined>>();
    const pseudonym: Pseudonymized = pseudonymize('u1');
    const text: string = pseudonym;
    const kept: Classified<string> = classify('203.0.113.9', 'ip');
    const kind: Kind = kept.kind;
    const none = pseudonymize(null);
    check<Equal<typeof none, null>>();
    assert.equal(asText, '203.0.113.0');
    assert.equal(typeof text, 'string');
    assert.equal(kind, 'ip');
    assert.equal(optional, undefined);
  });

  it('the built package resolves by name from ESM and CommonJS, subpaths included (build first)', () => {
    const esm = `
      import { redact } from '@online-identifiers/redact';
      import { pinoOptions } from '@online-identifiers/redact/pino';
      import { redactFormat } from '@online-identifiers/redact/winston';
      console.log(redact.ip('203.0.113.9'), Object.keys(pinoOptions).join(), typeof redactFormat);
    `;
    const fromEsm = spawnSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: __dirname, encoding: 'utf8' });
    assert.equal(fromEsm.status, 0, fromEsm.stderr);
    assert.equal(fromEsm.stdout.trim(), '203.0.113.0 redact,serializers,hooks,formatters function');
    const cjs = "const { redact } = require('@online-identifiers/redact'); const { serializers } = require('@online-identifiers/redact/pino'); console.log(redact.user('a@b.co'), typeof serializers.err);";
    const fromCjs = spawnSync(process.execPath, ['-e', cjs], { cwd: __dirname, encoding: 'utf8' });
    assert.equal(fromCjs.status, 0, fromCjs.stderr);
    assert.equal(fromCjs.stdout.trim(), '[redacted]@b.co function');
  });

  it('the subpath integrations load without pino, winston or logform installed', () => {
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (/^(pino|winston|logform)(\\/|$)/.test(request)) throw Object.assign(new Error('absent: ' + request), { code: 'MODULE_NOT_FOUND' });
        return resolve.call(this, request, ...rest);
      };
      const p = require('./src/pino.ts');
      const w = require('./src/winston.ts');
      const info = w.redactFormat().transform({ level: 'info', message: 'from 203.0.113.9', ip: '203.0.113.9' });
      console.log(JSON.stringify([p.censor('Bearer x', ['req', 'headers', 'authorization']), info.message, info.ip, p.serializers.req({ url: '/?a=1' })]));
    `;
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: `${__dirname}/..`, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), '["Bearer [redacted]","from 203.0.113.0","203.0.113.0",{"url":"/?a"}]');
  });
});
