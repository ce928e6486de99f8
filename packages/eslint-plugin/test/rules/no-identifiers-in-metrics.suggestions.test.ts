import * as assert from 'node:assert/strict';
import { lintWithRule } from './helpers';
import { INVALID, OPTION_INVALID } from './no-identifiers-in-metrics.cases';

// The quick-fix property for metric labels: every suggestion of every
// invalid case yields code that parses, and re-linting it no longer reports
// that finding. Findings on declared label names offer none (no value to wrap).
const RULE = 'online-identifiers/no-identifiers-in-metrics';

describe('no-identifiers-in-metrics: every suggestion classifies the label value it wraps', () => {
  for (const spec of [...INVALID, ...OPTION_INVALID]) {
    it(spec.name, () => {
      const reported = lintWithRule(RULE, spec, spec.code);
      const expectedSuggestions = spec.findings.filter((expect) => !expect.noSuggestions).length * 2;
      let applied = 0;
      for (const finding of reported) {
        assert.equal(finding.ruleId, RULE, `no parse error: ${finding.message}`);
        for (const suggestion of finding.suggestions ?? []) {
          const { range, text } = suggestion.fix;
          const fixed = spec.code.slice(0, range[0]) + text + spec.code.slice(range[1]);
          const again = lintWithRule(RULE, spec, fixed);
          assert.ok(!again.some((entry) => entry.fatal), `"${suggestion.desc}" leaves code that parses:\n${fixed}`);
          assert.ok(
            !again.some((entry) => entry.message === finding.message && entry.line === finding.line),
            `"${suggestion.desc}" clears "${finding.message}":\n${fixed}`,
          );
          applied++;
        }
      }
      assert.ok(applied >= expectedSuggestions, `at least two suggestions per value finding (${applied})`);
    });
  }
});
