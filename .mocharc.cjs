'use strict';
// `npm test` makes one mocha run over every package and the cross-package
// tests, so CI gets one total; `npx mocha <files>` runs just those. Tests are
// TypeScript, loaded through tsx; packages import each other through their
// built dist/ (npm test builds first). ESLint's RuleTester finds mocha's
// describe/it globals by itself.
module.exports = {
  require: ['tsx/cjs'],
  extension: ['ts'],
  reporter: './scripts/mocha-reporter.cjs',
  timeout: 20000,
  'forbid-only': Boolean(process.env.CI),
};
