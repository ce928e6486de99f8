#!/usr/bin/env node
'use strict';
// Usage: online-identifiers-language-server --stdio | --node-ipc
require('../dist/server.js');
