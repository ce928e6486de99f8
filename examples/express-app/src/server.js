'use strict';
const express = require('express');
const cookieParser = require('cookie-parser');
const session = require('express-session');
const { logger } = require('./logger');
const { requestLog } = require('./middleware/request-log');

const app = express();
app.use(express.json());
app.use(cookieParser());
app.use(session({ secret: process.env.SESSION_SECRET || 'dev-only', resave: false, saveUninitialized: false }));
app.use(requestLog);

app.use(require('./routes/auth'));
app.use(require('./routes/orders'));

app.use((err, req, res, _next) => {
  logger.error({ err, headers: req.headers }, 'unhandled error');
  res.status(500).json({ error: 'internal error' });
});

const port = Number(process.env.PORT || 3000);
app.listen(port, () => logger.info(`listening on ${port}`));
