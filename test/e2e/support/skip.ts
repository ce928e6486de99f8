/**
 * Skips the current test or hook's tests and prints why: mocha shows a
 * skipped test as pending with no reason, and a silent skip looks like a pass
 * in a log. The line goes to stdout beside the reporter's output.
 *
 * @param context the mocha context (`this` in a `before`/`it` callback)
 * @param reason one line: what is missing and how to get it
 * @throws mocha's Pending signal, always (like `this.skip()`)
 */
export function skipBecause(context: Mocha.Context, reason: string): never {
  process.stdout.write(`    skipped: ${reason}\n`);
  context.skip();
}
