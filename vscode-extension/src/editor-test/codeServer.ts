// Starts a real VS Code (code-server) with the packaged extension installed, on 127.0.0.1, in fresh
// user-data and extensions folders, and stops it again by process id.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CodeServer {
  url: string;
  process: ChildProcess;
  dataDir: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** A port nobody listens on right now, on the loopback address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms:\n${log()}`);
}

/**
 * code-server from `codeServerDir` (its package folder) with `vsix` installed, serving `workspace`.
 * `settings` become the user settings.
 */
export async function startCodeServer(codeServerDir: string, vsix: string, settings: Record<string, unknown>): Promise<CodeServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'routerls-code-server-'));
  const userData = path.join(dataDir, 'user-data');
  const extensions = path.join(dataDir, 'extensions');
  const config = path.join(dataDir, 'config.yaml');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  execFileSync(process.execPath, [entry, ...common, '--install-extension', vsix], { stdio: 'pipe', timeout: 120000 });

  const port = await freePort();
  const args = [
    entry, ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ];
  // its own process group, so that stopping it also ends the extension host and the Java server it started
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dataDir }, detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child, 60000, () => out);
  return {
    url,
    process: child,
    dataDir,
    log: () => out,
    stop: async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      const exited = child.exitCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
      signalGroup(pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      // whatever of the group is left (the extension host, the language server) goes too
      signalGroup(pid, 'SIGKILL');
    },
  };
}

/** Sends a signal to the process group led by pid (the code-server process this file started). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
