'use strict';
// ESLint's RuleTester hooks into the test framework's globals; under mocha
// they exist, so nothing to wire beyond making sure it sees them. Kept as the
// single place for global test setup.
