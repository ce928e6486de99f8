'use strict';
// Access logging for the API: one morgan line per request for the ops team,
// pino-http for the structured log shipped to the log pipeline, and
// express-winston for the error log. Each writes what its defaults write.
const morgan = require('morgan');
const pinoHttp = require('pino-http');
const expressWinston = require('express-winston');
const winston = require('winston');
const { logger } = require('./logger');

// The customer id of signed-in users, next to each request line.
morgan.token('customer', (req) => (req.user ? req.user.id : '-'));

function accessLog(app) {
  app.use(morgan(':remote-addr :customer ":method :url" :status :response-time ms'));
  app.use(pinoHttp({ level: 'info', autoLogging: { ignore: (req) => req.url === '/health' } }));
  app.use(
    expressWinston.errorLogger({
      transports: [new winston.transports.Console()],
      format: winston.format.json(),
    }),
  );
  logger.info('access logging on');
}

module.exports = { accessLog };
