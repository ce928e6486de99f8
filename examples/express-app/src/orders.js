'use strict';

// Stand-in for an order store.
const byId = new Map();

async function create(userId, body) {
  const order = { id: String(byId.size + 1), userId, items: body.items || [] };
  byId.set(order.id, order);
  return order;
}

async function find(id) {
  return byId.get(id);
}

async function forUser(userId) {
  return [...byId.values()].filter((order) => order.userId === userId);
}

module.exports = { create, find, forUser };
