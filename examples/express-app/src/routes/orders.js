'use strict';
const express = require('express');
const { logger } = require('../logger');
const { redact, pseudonymize } = require('@online-identifiers/redact');
const orders = require('../orders');

const router = express.Router();

router.get('/orders', async (req, res) => {
  // Already fixed: the IP keeps only its /24 network, the user id is a keyed hash.
  logger.info({ ip: redact.ip(req.ip), user: pseudonymize(req.user.id) }, 'listing orders');
  res.json(await orders.forUser(req.user.id));
});

router.post('/orders', async (req, res) => {
  const order = await orders.create(req.user.id, req.body);
  const cart = req.cookies.cart;
  logger.info({ orderId: order.id, cart }, 'order created');
  res.status(201).json(order);
});

router.get('/orders/:id', async (req, res) => {
  const order = await orders.find(req.params.id);
  if (!order) {
    const userAgent = req.headers['user-agent'];
    logger.debug('order %s not found (agent %s)', req.params.id, userAgent);
    return res.sendStatus(404);
  }
  res.json(order);
});

module.exports = router;
