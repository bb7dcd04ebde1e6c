// Runs the routerls command line (the jar, or the launcher beside it) and collects what it printed.
import { execFile } from 'child_process';
import { RouterlsCommand } from './serverSettings';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function runCli(command: RouterlsCommand, args: string[], timeoutMs = 60000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      command.command,
      [...command.args, ...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...command.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ stdout: String(stdout), stderr: String(stderr) || (error && code === null ? error.message : ''), code });
      },
    );
  });
}
