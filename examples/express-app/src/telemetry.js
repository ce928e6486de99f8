'use strict';
// Error tracking, tracing and product analytics for the service. Each of
// them is a third party: what is handed to them leaves the service.
const Sentry = require('@sentry/node');
const { trace } = require('@opentelemetry/api');
const { Analytics } = require('@segment/analytics-node');
const { pseudonymize } = require('@online-identifiers/redact');

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 0.1,
  sendDefaultPii: true,
});

const tracer = trace.getTracer('example-express-app');
const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY || 'dev-only' });

/** Express middleware: tells Sentry and the trace who is calling. */
function identifyCaller(req, res, next) {
  if (req.user) {
    Sentry.setUser({ id: req.user.id, email: req.user.email, ip_address: req.ip });
  }
  const span = tracer.startSpan('http.request');
  span.setAttribute('http.route', req.path);
  span.setAttribute('http.user_agent', req.get('user-agent'));
  res.on('finish', () => span.end());
  next();
}

/** Product analytics: the user id is pseudonymized, the plan is not personal data. */
function trackSignup(user, plan) {
  analytics.identify({ userId: pseudonymize(user.id), traits: { plan } });
  analytics.track({ userId: pseudonymize(user.id), event: 'Signed Up', properties: { plan } });
}

module.exports = { identifyCaller, trackSignup };
