'use strict';
const { logger } = require('../logger');

// Access log for every request. Useful for debugging, but it records where
// each request came from.
function requestLog(req, res, next) {
  const started = Date.now();
  const clientIp = req.headers['x-forwarded-for'] || req.socket.remoteAddress;
  res.on('finish', () => {
    logger.info(
      { method: req.method, path: req.path, status: res.statusCode, ms: Date.now() - started, clientIp },
      'request finished',
    );
  });
  next();
}

module.exports = { requestLog };
