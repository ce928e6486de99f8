import * as fs from 'node:fs';
import * as path from 'node:path';
import { HELP, parseCommandLine, UsageError } from './args';
import { BaselineError, useBaseline } from './baseline';
import { MissingPathError, nodeModulesNote } from './collect-files';
import { GitError } from './git';
import { formatResults, skipNotes, summaryLine } from './format';
import { createProgress, type ProgressStream } from './progress';
import { scan } from './scan';
import { VERSION } from './version';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** Set by the bin when `run` throws: a bug in the tool, with its stack on stderr. */
export const EXIT_INTERNAL = 3;

export interface Io {
  readonly cwd: string;
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}

/** The whole command line program; returns the exit code instead of exiting, for tests. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`online-identifiers: ${error.message}`);
    err("Run 'online-identifiers --help' for usage.");
    return EXIT_USAGE;
  }
  if (command.kind === 'help') {
    io.stdout.write(HELP);
    return EXIT_CLEAN;
  }
  if (command.kind === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_CLEAN;
  }

  const progress = createProgress(io.stderr);
  let result;
  try {
    result = await scan({
      cwd: io.cwd,
      paths: command.paths,
      ignore: command.ignore,
      includeTests: command.includeTests,
      treatments: command.format === 'inventory' || command.format === 'inventory-json',
      concurrency: command.scale.concurrency,
      cache: command.scale.cache,
      ...(command.scale.cacheLocation !== undefined ? { cacheLocation: command.scale.cacheLocation } : {}),
      ...(command.scale.changedSince !== undefined ? { changedSince: command.scale.changedSince } : {}),
      // Only a terminal shows progress, and asking for it splits the scan into batches.
      ...(io.stderr.isTTY ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
  } catch (error) {
    if (!(error instanceof MissingPathError) && !(error instanceof GitError)) throw error;
    err(`online-identifiers: ${error.message}`);
    return EXIT_USAGE;
  } finally {
    progress.finish();
  }

  for (const note of skipNotes(result)) err(note);
  if (result.results.length === 0) {
    const where = command.paths.length > 0 ? command.paths.join(', ') : '.';
    const changed = command.scale.changedSince === undefined ? '' : ` changed since ${command.scale.changedSince}`;
    err(`online-identifiers: no JavaScript or TypeScript files${changed} found in ${where}`);
  }

  if (command.baseline) {
    try {
      const used = useBaseline(result, command.baseline);
      result = used.scanResult;
      for (const note of used.notes) err(note);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      err(`online-identifiers: ${error.message}`);
      return EXIT_USAGE;
    }
  }

  const report = await formatResults(result, command.format, command.output ? { color: false } : {});
  if (command.output) {
    const target = path.resolve(io.cwd, command.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, report.endsWith('\n') || report === '' ? report : `${report}\n`);
    } catch (error) {
      err(`online-identifiers: cannot write ${command.output}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_USAGE;
    }
  } else if (report !== '') {
    io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  }
  if (command.format === 'stylish' || command.output) err(`${summaryLine(result)}${nodeModulesNote(result)}`);

  return result.findingCount > 0 || result.failedFileCount > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
