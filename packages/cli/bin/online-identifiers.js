#!/usr/bin/env node
'use strict';
// Thin shim: the program lives in dist/ (compiled from src/main.ts).
const { run } = require('../dist/main.js');

run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`online-identifiers: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
