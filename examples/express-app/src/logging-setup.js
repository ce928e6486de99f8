'use strict';

// File transports for the application log and the audit trail of sign-ins.
const winston = require('winston');
const DailyRotateFile = require('winston-daily-rotate-file');

const appLog = new DailyRotateFile({
  dirname: 'logs',
  filename: 'app-%DATE%.log',
  maxFiles: '30d',
});

const auditLog = new DailyRotateFile({
  dirname: 'logs',
  filename: 'audit-%DATE%.log',
  maxFiles: '14d',
});

const errorLog = new winston.transports.File({ filename: 'logs/error.log', level: 'error' });

module.exports = winston.createLogger({ transports: [appLog, auditLog, errorLog] });
