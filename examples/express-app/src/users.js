'use strict';
const crypto = require('node:crypto');

// Stand-in for a user store; the example is about logging, not auth.
const accounts = new Map([['ada@example.com', { id: 'u-1', passwordHash: 'x' }]]);

async function verify(email, password) {
  const account = accounts.get(email);
  return account && password ? { id: account.id, email } : undefined;
}

function issueToken(userId) {
  return `${userId}.${crypto.randomBytes(16).toString('hex')}`;
}

module.exports = { verify, issueToken };
