'use strict';
const pino = require('pino');

// One process-wide logger; everything it writes ends up in the log store.
const logger = pino({ level: process.env.LOG_LEVEL || 'info' });

module.exports = { logger };
