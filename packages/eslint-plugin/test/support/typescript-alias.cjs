'use strict';
// Preloaded (`node --require`) by the TypeScript-versions test: in this
// process every `require('typescript')`, typescript-eslint's and the
// plugin's alike, loads the package directory OI_TYPESCRIPT_PACKAGE instead
// (e.g. test/compat's TypeScript 4.8.4), so the typed cases run on that
// compiler without a second install or the network.
const Module = require('node:module');

const target = process.env.OI_TYPESCRIPT_PACKAGE;
if (target) {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveTypescript(request, ...rest) {
    const aliased = request === 'typescript' || request.startsWith('typescript/') ? target + request.slice('typescript'.length) : request;
    return resolve.call(this, aliased, ...rest);
  };
}
