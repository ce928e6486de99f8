'use strict';
// Measurement only (bench-parser's "what would reach it"), preloaded with
// `node -r` into a bench child process; never used by the product.
//
// ESLint builds each rule's context as `Object.freeze(Object.assign(
// Object.create(fileContext), { id, options, report }))`, one FileContext
// per linted file (eslint/lib/linter/file-context.js). Using a fresh object
// as a prototype gives it a map of its own, and V8 keeps maps in the old
// generation: until the next full GC that map keeps the FileContext, its
// SourceCode and the whole AST alive through every young-generation GC, so
// each file linted with at least one rule is copied into the old generation.
// This replaces `extend` with the change we would propose upstream: the same
// six properties and the rule's own copied into one frozen object, no
// prototype. Rules see the same properties.
//
// Sets globalThis.__oiContextWhatIf to true when applied, false when this
// ESLint's FileContext is not where or what it was (then nothing changes).
const path = require('node:path');

let applied = false;
try {
  const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
  // eslint/package.json's exports hide lib/: an absolute path reaches it.
  const { FileContext } = require(path.join(eslintRoot, 'lib', 'linter', 'file-context.js'));
  if (typeof FileContext === 'function' && typeof FileContext.prototype.extend === 'function') {
    FileContext.prototype.extend = function extend(extension) {
      return Object.freeze({
        cwd: this.cwd,
        filename: this.filename,
        physicalFilename: this.physicalFilename,
        sourceCode: this.sourceCode,
        languageOptions: this.languageOptions,
        settings: this.settings,
        ...extension,
      });
    };
    applied = true;
  }
} catch {
  applied = false;
}
globalThis.__oiContextWhatIf = applied;
