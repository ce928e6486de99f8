// Issue 11 §6: 10,000 random and mutated LSP messages (fast-check) into one
// server over stdio: wrong types, huge strings, unknown methods, bodies that
// are not JSON, out-of-order versions, requests for closed documents. The
// server stays alive, answers every request it was sent exactly once,
// writes nothing but protocol frames to stdout, and afterwards answers a
// well-formed diagnostics and hover round trip correctly. The client here
// is raw (its own framing), so the test sees every byte the server writes.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { SERVER_BIN, PUSH_CLIENT } from './support/lsp-client';
import { ESM_HANDLER } from './support/fixtures';

const RUNS = 100;
const MESSAGES_PER_RUN = 100;
const GUARD_MS = 60000;

interface Frame {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Reads Content-Length frames; anything else on stdout is recorded as garbage. */
class FrameReader {
  readonly frames: Frame[] = [];
  readonly garbage: string[] = [];
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const parsed: Frame[] = [];
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const length = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
      if (!length) {
        this.garbage.push(header);
        this.buffer = this.buffer.subarray(end + 4);
        continue;
      }
      const size = Number(length[1]);
      if (this.buffer.length < end + 4 + size) break;
      const body = this.buffer.subarray(end + 4, end + 4 + size).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + size);
      try {
        const frame = JSON.parse(body) as Frame & { jsonrpc?: string };
        if (frame.jsonrpc !== '2.0') this.garbage.push(body.slice(0, 200));
        this.frames.push(frame);
        parsed.push(frame);
      } catch {
        this.garbage.push(body.slice(0, 200));
      }
    }
    return parsed;
  }

  /** Bytes that never became a complete frame. */
  get rest(): string {
    return this.buffer.toString('utf8');
  }
}

class RawClient {
  readonly reader = new FrameReader();
  private nextId = 1;
  private readonly pending = new Map<string, (frame: Frame) => void>();
  /** Ids of fuzz requests still unanswered, and answers to ids never sent. */
  readonly unanswered = new Set<string>();
  readonly strayAnswers: Frame[] = [];
  readonly diagnostics: { uri: string; version?: number; diagnostics: unknown[] }[] = [];
  private diagnosticWaiter: ((params: { uri: string; version?: number; diagnostics: unknown[] }) => boolean) | undefined;
  stderr = '';
  private answeredWaiter: (() => void) | undefined;

  /** Resolves once every fuzz request has its answer (async handlers may answer after later requests). */
  allAnswered(): Promise<void> {
    if (this.unanswered.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`unanswered: ${[...this.unanswered].join(', ')}`)), GUARD_MS);
      this.answeredWaiter = () => {
        clearTimeout(guard);
        resolve();
      };
    });
  }

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const frame of this.reader.push(chunk)) this.receive(frame);
    });
  }

  write(body: string): void {
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  send(message: object): void {
    this.write(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }

  /** A fuzz request: the server owes exactly one answer. */
  sendFuzzRequest(method: string, params: unknown, stringId: boolean): void {
    const id = stringId ? `fuzz-${this.nextId++}` : this.nextId++;
    this.unanswered.add(String(id));
    this.send({ id, method, params });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no answer to ${method} within ${GUARD_MS} ms; stderr:\n${this.stderr}`)), GUARD_MS);
      this.pending.set(String(id), (frame) => {
        clearTimeout(guard);
        if (frame.error) reject(new Error(`${method}: ${frame.error.message}`));
        else resolve(frame.result as T);
      });
      this.send({ id, method, params });
    });
  }

  nextDiagnostics(test: (params: { uri: string; version?: number; diagnostics: unknown[] }) => boolean): Promise<{ uri: string; diagnostics: unknown[] }> {
    const seen = this.diagnostics.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no diagnostics within ${GUARD_MS} ms; stderr:\n${this.stderr}`)), GUARD_MS);
      this.diagnosticWaiter = (params) => {
        if (!test(params)) return false;
        clearTimeout(guard);
        resolve(params);
        return true;
      };
    });
  }

  private receive(frame: Frame): void {
    if (frame.method !== undefined && frame.id !== undefined && frame.id !== null) {
      // A request from the server: configuration gets "no settings", the rest an empty success.
      const result = frame.method === 'workspace/configuration' ? ((frame.params as { items?: unknown[] })?.items ?? []).map(() => null) : null;
      this.send({ id: frame.id, result });
      return;
    }
    if (frame.method === 'textDocument/publishDiagnostics') {
      const params = frame.params as { uri: string; version?: number; diagnostics: unknown[] };
      this.diagnostics.push(params);
      if (this.diagnosticWaiter?.(params)) this.diagnosticWaiter = undefined;
      return;
    }
    if (frame.method !== undefined) return; // log, progress, telemetry
    const key = String(frame.id);
    const waiter = this.pending.get(key);
    if (waiter) {
      this.pending.delete(key);
      waiter(frame);
    } else if (this.unanswered.has(key)) {
      this.unanswered.delete(key);
      if (('result' in frame) === ('error' in frame)) this.strayAnswers.push(frame);
      if (this.unanswered.size === 0) this.answeredWaiter?.();
    } else {
      this.strayAnswers.push(frame);
    }
  }
}

/** Methods the server handles (the fuzz mutates their params) and some it does not. */
const KNOWN_NOTIFICATIONS = [
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeWorkspaceFolders',
  'onlineIdentifiers/trustChanged',
  '$/cancelRequest',
  '$/setTrace',
];
const KNOWN_REQUESTS = [
  'textDocument/hover',
  'textDocument/codeAction',
  'codeAction/resolve',
  'textDocument/diagnostic',
  'workspace/executeCommand',
  'onlineIdentifiers/stats',
];
const UNKNOWN = ['textDocument/completion', 'foo/bar', '', 'textDocument/', '$/unknown', 'initialize ', 'shutdownx'];

/** 100 KB to 1 MB: rare (about one message in a hundred), or the pipe, not the server, is what gets tested. */
const huge = fc.integer({ min: 100_000, max: 1_000_000 }).map((size) => 'x'.repeat(size));
const text = fc.oneof(
  { arbitrary: fc.constantFrom(ESM_HANDLER, 'function (', 'const a = ;', '`${', '/*', 'let x = req.ip; console.log(x);\n'), weight: 15 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 15 },
  { arbitrary: huge, weight: 1 },
);
const position = fc.record({ line: fc.oneof(fc.nat(20), fc.integer(), fc.constant(-1)), character: fc.oneof(fc.nat(40), fc.double()) });
const range = fc.record({ start: position, end: position });

/** Well-formed messages about a few documents (some open, some closed, some never opened), with any version. */
function wellFormed(uris: readonly string[]): fc.Arbitrary<{ method: string; params: unknown; request: boolean }> {
  const uri = fc.constantFrom(...uris);
  const version = fc.oneof(fc.integer({ min: -3, max: 50 }), fc.constant(2 ** 31));
  const languageId = fc.constantFrom('javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'json', 'plaintext');
  return fc.oneof(
    fc.record({ method: fc.constant('textDocument/didOpen'), params: fc.record({ textDocument: fc.record({ uri, languageId, version, text }) }), request: fc.constant(false) }),
    fc.record({
      method: fc.constant('textDocument/didChange'),
      params: fc.record({
        textDocument: fc.record({ uri, version }),
        contentChanges: fc.array(fc.oneof(fc.record({ text }), fc.record({ range, text: fc.string({ maxLength: 20 }) })), { maxLength: 3 }),
      }),
      request: fc.constant(false),
    }),
    fc.record({ method: fc.constant('textDocument/didClose'), params: fc.record({ textDocument: fc.record({ uri }) }), request: fc.constant(false) }),
    fc.record({ method: fc.constant('textDocument/didSave'), params: fc.record({ textDocument: fc.record({ uri }) }), request: fc.constant(false) }),
    fc.record({ method: fc.constant('textDocument/hover'), params: fc.record({ textDocument: fc.record({ uri }), position }), request: fc.constant(true) }),
    fc.record({
      method: fc.constant('textDocument/codeAction'),
      params: fc.record({
        textDocument: fc.record({ uri }),
        range,
        context: fc.record({ diagnostics: fc.array(fc.record({ range, message: fc.string(), code: fc.string() }), { maxLength: 2 }), only: fc.option(fc.array(fc.constantFrom('quickfix', 'source.fixAll', 'source', '')), { nil: undefined }) }),
      }),
      request: fc.constant(true),
    }),
    fc.record({ method: fc.constant('codeAction/resolve'), params: fc.record({ title: fc.string(), kind: fc.constantFrom('source.fixAll.online-identifiers', 'quickfix'), data: fc.record({ uri, version }) }), request: fc.constant(true) }),
    fc.record({ method: fc.constant('textDocument/diagnostic'), params: fc.record({ textDocument: fc.record({ uri }) }), request: fc.constant(true) }),
    fc.record({ method: fc.constant('onlineIdentifiers/stats'), params: fc.record({ gc: fc.boolean() }), request: fc.constant(true) }),
  );
}

/** Replaces one value somewhere inside `value` (or drops a key) with something of the wrong type. */
function mutate(value: unknown, path: readonly number[], replacement: unknown, drop: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  if (drop && path.length === 1) delete copy[key];
  else copy[key] = mutate(copy[key], path.slice(1), replacement, drop);
  return copy;
}

type Message =
  | { kind: 'json'; method: string; params: unknown; request: boolean; stringId: boolean }
  | { kind: 'raw'; body: string };

function messages(uris: readonly string[]): fc.Arbitrary<Message> {
  const valid = wellFormed(uris);
  const wrongType = fc.oneof({ arbitrary: fc.anything(), weight: 20 }, { arbitrary: huge, weight: 1 }, { arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.constant(undefined), weight: 2 });
  return fc.oneof(
    { arbitrary: valid.map((message) => ({ kind: 'json' as const, ...message, stringId: false })), weight: 5 },
    {
      arbitrary: fc
        .tuple(valid, fc.array(fc.nat(8), { minLength: 1, maxLength: 4 }), wrongType, fc.boolean(), fc.boolean())
        .map(([message, path, replacement, drop, stringId]) => ({ kind: 'json' as const, ...message, params: mutate(message.params, path, replacement, drop), stringId })),
      weight: 5,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...KNOWN_NOTIFICATIONS, ...KNOWN_REQUESTS, ...UNKNOWN), fc.oneof(fc.anything(), fc.constant(undefined)), fc.boolean(), fc.boolean())
        .map(([method, params, request, stringId]) => ({ kind: 'json' as const, method, params, request, stringId })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(fc.string({ maxLength: 40 }), fc.anything(), fc.boolean()).map(([method, params, request]) => ({ kind: 'json' as const, method, params, request, stringId: true })),
      weight: 1,
    },
    // Bodies that are not a JSON-RPC message at all (framed correctly: the frame is the transport's contract).
    { arbitrary: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('{"jsonrpc":"2.0","method":'), fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null')).map((body) => ({ kind: 'raw' as const, body: body || ' ' })), weight: 1 },
  );
}

describe('language server fuzz', function () {
  let child: ChildProcessWithoutNullStreams | undefined;
  let workspace: string;

  afterEach(function () {
    if (child && child.exitCode === null) child.kill();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it(`survives ${RUNS * MESSAGES_PER_RUN} random and mutated messages and still answers correctly`, async function () {
    this.timeout(300000);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-lsp-fuzz-'));
    child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    const client = new RawClient(child);
    const rootUri = pathToFileURL(workspace).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fuzz' }],
      capabilities: PUSH_CLIENT,
      initializationOptions: { debounceMs: 0 },
    });
    client.send({ method: 'initialized', params: {} });

    const uri = (name: string): string => pathToFileURL(path.join(workspace, 'src', name)).href;
    const uris = [uri('a.js'), uri('b.ts'), uri('c.jsx'), uri('never-opened.js'), 'untitled:Untitled-1', 'file:///', 'not a uri'];
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(messages(uris), { minLength: MESSAGES_PER_RUN, maxLength: MESSAGES_PER_RUN }), async (batch) => {
        for (const message of batch) {
          if (message.kind === 'raw') client.write(message.body);
          else if (message.request) client.sendFuzzRequest(message.method, message.params, message.stringId);
          else client.send({ method: message.method, params: message.params });
          sent += 1;
        }
        // A well-formed request after each batch: the server is alive and has read the batch.
        const stats = await client.request<{ openDocuments: number }>('onlineIdentifiers/stats', {});
        assert.equal(typeof stats.openDocuments, 'number');
        assert.equal(exitCode, undefined, `the server exited; stderr:\n${client.stderr}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    assert.ok(sent >= 10000, `${sent} messages sent`);

    // Back to a known state, then the round trip every editor depends on.
    client.send({ method: 'onlineIdentifiers/trustChanged', params: { workspaceTrusted: false } });
    const fresh = uri('after-fuzz.js');
    const published = client.nextDiagnostics((params) => params.uri === fresh && params.version === 1);
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: fresh, languageId: 'javascript', version: 1, text: ESM_HANDLER } } });
    const ipRange = { start: { line: 5, character: 14 }, end: { line: 5, character: 20 } };
    assert.deepEqual(
      (await published).diagnostics.map((diagnostic) => {
        const { range, code, message } = diagnostic as { range: unknown; code: string; message: string };
        return { range, code, message };
      }),
      [{ range: ipRange, code: 'online-identifiers/no-unclassified-logging', message: 'IP address from req.ip reaches logger.info without classification' }],
    );
    const hover = await client.request<{ range: unknown; contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: fresh },
      position: { line: 5, character: 17 },
    });
    assert.deepEqual(hover?.range, ipRange);
    assert.match(hover.contents.value, /^\*\*IP address\*\* \(`ip`\)/);

    // Every fuzz request was answered exactly once, and stdout held nothing but frames.
    await client.allAnswered();
    assert.deepEqual(client.strayAnswers, [], 'answers to requests never sent, or with both or neither of result and error');
    assert.deepEqual(client.reader.garbage, [], 'stdout carried something other than protocol frames');
    assert.equal(client.reader.rest, '', 'stdout ended inside a frame');
    assert.equal(exitCode, undefined, 'the server is still running');
  });
});
