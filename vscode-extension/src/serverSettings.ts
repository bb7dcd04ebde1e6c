// Turns the user's routerls.* settings into what the language server reads, both at start
// (initializationOptions) and on workspace/didChangeConfiguration. Pure: no vscode import.
import * as path from 'path';

/** Same field names as the server's AnalysisSettings record, so Gson reads it directly. */
export interface ServerSettings {
  yamahaModel: string | null;
  openwrtRelease: string | null;
  ruleSeverity: Record<string, string>;
}

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

/** Reads one setting by its key below "routerls." (e.g. "yamaha.model"). */
export type SettingReader = (key: string) => unknown;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export interface SettingsProblem {
  key: string;
  message: string;
}

/**
 * The server settings plus the entries that were dropped because they cannot mean anything
 * (a severity outside error/warning/info/hint/off), so the caller can tell the user.
 */
export function toServerSettings(read: SettingReader): { settings: ServerSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const ruleSeverity: Record<string, string> = {};
  const rules = read('rules');
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== 'object' || Array.isArray(rules)) {
      problems.push({ key: 'routerls.rules', message: 'routerls.rules must be an object mapping rule ids to a severity.' });
    } else {
      for (const [ruleId, value] of Object.entries(rules as Record<string, unknown>)) {
        const sev = typeof value === 'string' ? value.trim().toLowerCase() : '';
        if ((SEVERITIES as readonly string[]).includes(sev)) {
          ruleSeverity[ruleId.trim()] = sev;
        } else {
          problems.push({
            key: `routerls.rules.${ruleId}`,
            message: `routerls.rules["${ruleId}"] is ${JSON.stringify(value)}; use one of ${SEVERITIES.join(', ')}. The rule keeps its default severity.`,
          });
        }
      }
    }
  }
  return {
    settings: {
      yamahaModel: text(read('yamaha.model')),
      openwrtRelease: text(read('openwrt.release')),
      ruleSeverity,
    },
    problems,
  };
}

/** The jar to run: the routerls.server.jar setting, else the one bundled at server/routerls.jar. */
export function serverJarPath(setting: unknown, extensionPath: string, workspaceFolder?: string): string {
  const s = text(setting);
  if (s === null) return path.join(extensionPath, 'server', 'routerls.jar');
  if (path.isAbsolute(s) || workspaceFolder === undefined) return s;
  return path.join(workspaceFolder, s);
}

/** How to start routerls: the program, the arguments before the subcommand, extra environment. */
export interface RouterlsCommand {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/**
 * Where the fast-start launcher `bin/routerls` would be for a jar: beside the jar's folder (a packaged
 * layout, `<root>/server/routerls.jar` and `<root>/bin/routerls`) or two levels up (a source checkout,
 * `server/target/routerls.jar` and `bin/routerls`).
 */
export function launcherCandidates(jar: string): string[] {
  const dir = path.dirname(jar);
  return [path.join(dir, '..', 'bin', 'routerls'), path.join(dir, '..', '..', 'bin', 'routerls')].map((p) => path.normalize(p));
}

/** The launcher to use for a jar, if one exists (not on Windows: it is a shell script). */
export function findLauncher(jar: string, platform: NodeJS.Platform, isExecutable: (file: string) => boolean): string | undefined {
  if (platform === 'win32') return undefined;
  return launcherCandidates(jar).find(isExecutable);
}

/** The Java home of a java executable (…/bin/java → …). */
export function javaHomeOf(javaExecutable: string): string {
  return path.dirname(path.dirname(javaExecutable));
}

/**
 * The routerls command: `java -jar <jar>`, or the launcher with JAVA_HOME set to the Java that was
 * found, so both run the same Java. Subcommand and arguments follow.
 */
export function routerlsCommand(javaExecutable: string, jar: string, launcher?: string): RouterlsCommand {
  if (launcher) return { command: launcher, args: [], env: { JAVA_HOME: javaHomeOf(javaExecutable) } };
  return { command: javaExecutable, args: ['-jar', jar] };
}

/** The server's command line: the routerls command with `lsp` (stdio). */
export function serverCommand(javaExecutable: string, jar: string, launcher?: string): RouterlsCommand {
  const c = routerlsCommand(javaExecutable, jar, launcher);
  return { ...c, args: [...c.args, 'lsp'] };
}

/** Settings whose change needs a new server process rather than a didChangeConfiguration. */
export const RESTART_KEYS = ['routerls.java.home', 'routerls.server.jar'];

/** The settings the server reads, mirrored as didChangeConfiguration. */
export const SERVER_KEYS = ['routerls.yamaha.model', 'routerls.openwrt.release', 'routerls.rules'];

/** The language ids the server understands (dev.routerls.core.LanguageId). */
export const LANGUAGE_IDS = ['yamaha-rtx', 'openwrt-uci', 'openwrt-firewall-user', 'openwrt-nftables'] as const;
