'use strict';
const express = require('express');
const { logger } = require('../logger');
const { classify } = require('@online-identifiers/redact');
const users = require('../users');

const router = express.Router();

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  logger.info(`login attempt for ${email}`);

  const user = await users.verify(email, password);
  if (!user) {
    // Failed logins are security events: the address is kept on purpose and
    // routed to the restricted store.
    logger.warn({ ip: classify(req.ip, 'ip'), reason: 'bad-credentials' }, 'login failed');
    return res.status(401).json({ error: 'invalid credentials' });
  }

  req.session.userId = user.id;
  logger.info({ sessionId: req.sessionID }, 'session started');
  res.json({ ok: true });
});

router.post('/token/refresh', (req, res) => {
  const auth = req.get('Authorization');
  console.log('refreshing token', auth);
  res.json({ token: users.issueToken(req.session.userId) });
});

router.post('/logout', (req, res) => {
  logger.info('logout', { user: req.user });
  req.session.destroy(() => res.status(204).end());
});

module.exports = router;
