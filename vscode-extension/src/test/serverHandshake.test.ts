// Starts the real server the way the extension does (same command line, same initializationOptions)
// and checks the LSP handshake and a first diagnostics publication. Skipped until a server jar with
// the `lsp` subcommand has been built at ../server/target/routerls.jar (or ROUTERLS_JAR).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { findJava } from '../javaRuntime';
import { nodeJavaProbe } from '../nodeJavaProbe';
import { serverCommand, toServerSettings } from '../serverSettings';

const jar = process.env.ROUTERLS_JAR ?? path.resolve(__dirname, '..', '..', '..', 'server', 'target', 'routerls.jar');

function serverHasLsp(java: string): boolean {
  const help = spawnSync(java, ['-jar', jar, '--help'], { encoding: 'utf8', timeout: 30000 });
  return /\blsp\b/.test(`${help.stdout}${help.stderr}`);
}

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

test('the server starts over stdio, accepts the settings and publishes diagnostics', async (t) => {
  if (!fs.existsSync(jar)) return t.skip(`no server jar at ${jar}`);
  const java = await findJava({ env: process.env, platform: process.platform }, nodeJavaProbe);
  if (!serverHasLsp(java.executable)) return t.skip('server jar has no lsp subcommand yet');

  const { command, args } = serverCommand(java.executable, jar);
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(__dirname, 'handshake.rtx')).toString();
  const published = new Promise<{ uri: string; diagnostics: unknown[] }>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      if (p.uri === uri) resolve(p);
    });
  });
  connection.listen();
  try {
    const { settings } = toServerSettings((key) =>
      ({ 'yamaha.model': 'RTX830', rules: { 'yamaha/nat-outer-proxy-arp': 'error' } } as Record<string, unknown>)[key],
    );
    const init = await within(60000, 'initialize reply', connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: settings,
    })) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.textDocumentSync !== undefined, 'server declares document sync');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings });
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'yamaha-rtx',
        version: 1,
        text: '# RTX830 Rev.15.02.30 (Mon Jan 15 09:00:00 2024)\nip lan1 address 192.168.100.1/24\npp select 1\n pp enable 1\n',
      },
    });
    const diagnostics = await within(60000, 'publishDiagnostics', published);
    assert.ok(Array.isArray(diagnostics.diagnostics));
    await within(30000, 'shutdown reply', connection.sendRequest('shutdown'));
    await connection.sendNotification('exit');
  } catch (e) {
    throw new Error(`${(e as Error).message}\nserver stderr:\n${stderr}`);
  } finally {
    connection.dispose();
    child.kill();
  }
});
