import * as assert from 'node:assert/strict';
import { lintWithRule } from './helpers';
import { INVALID, OPTION_INVALID } from './log-retention.cases';

// The quick-fix property for retention: every suggestion yields code that
// parses, and re-linting it finds the setting inside the bounds (the finding
// is gone and none takes its place).
const RULE = 'online-identifiers/log-retention';

describe('log-retention: every suggestion brings the retention inside the bounds', () => {
  for (const spec of [...INVALID, ...OPTION_INVALID]) {
    it(spec.name, () => {
      const before = lintWithRule(RULE, spec, spec.code);
      assert.equal(before.length, spec.findings.length, 'the case reports what it expects');
      for (const finding of before) {
        assert.equal(finding.ruleId, RULE, `no parse error: ${finding.message}`);
        for (const suggestion of finding.suggestions ?? []) {
          const { range, text } = suggestion.fix;
          const fixed = spec.code.slice(0, range[0]) + text + spec.code.slice(range[1]);
          const after = lintWithRule(RULE, spec, fixed);
          assert.ok(!after.some((entry) => entry.fatal), `"${suggestion.desc}" leaves code that parses:\n${fixed}`);
          assert.equal(after.length, before.length - 1, `"${suggestion.desc}" clears "${finding.message}":\n${fixed}`);
        }
      }
      const offered = spec.findings.filter((expect) => expect.fix).length;
      assert.equal(before.filter((finding) => (finding.suggestions ?? []).length > 0).length, offered, 'suggestions where the case expects them');
    });
  }
});
