'use strict';

// Request metrics for the dashboards: Prometheus counters and histograms, and
// StatsD tags for the Datadog agent.
const client = require('prom-client');
const { StatsD } = require('hot-shots');

const statsd = new StatsD({ prefix: 'shop.' });

const logins = new client.Counter({
  name: 'shop_logins_total',
  help: 'Sign-in attempts',
  labelNames: ['route', 'outcome', 'user_id'],
});

const latency = new client.Histogram({
  name: 'shop_request_seconds',
  help: 'Request latency',
  labelNames: ['route', 'method'],
});

function countLogin(req, outcome) {
  logins.inc({ route: req.path, outcome, user_id: req.user && req.user.id });
  statsd.increment('login', 1, ['outcome:' + outcome, 'client_ip:' + req.ip]);
}

function timeRequests(req, res, next) {
  const end = latency.startTimer({ route: req.path, method: req.method });
  res.on('finish', () => end());
  next();
}

module.exports = { countLogin, timeRequests };
