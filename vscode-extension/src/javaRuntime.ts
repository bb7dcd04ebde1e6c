// Finds a Java 17+ runtime for the language server. Pure logic: the file system and process
// calls come in as functions so that the search order and the messages can be tested without Java.
import * as path from 'path';

export const MINIMUM_JAVA = 17;

/** Where a candidate came from, in the order they are tried. */
export type JavaSource = 'setting routerls.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  executable: string;
  source: JavaSource;
}

export interface FoundJava extends JavaCandidate {
  major: number;
}

export interface JavaSearchInput {
  /** The routerls.java.home setting (a JDK/JRE folder, or the java executable itself). */
  settingHome?: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

export interface JavaProbe {
  isFile(file: string): boolean;
  /** Runs `<executable> -version` and returns what it printed (Java prints it on stderr). */
  versionOutput(executable: string): Promise<string>;
}

export class JavaNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaNotFoundError';
  }
}

function executableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function fromHome(home: string, platform: NodeJS.Platform): string {
  const p = pathApi(platform);
  const base = p.basename(home).toLowerCase();
  // Accept the executable itself as well as the runtime folder.
  if (base === 'java' || base === 'java.exe') return home;
  return p.join(home, 'bin', executableName(platform));
}

/** The places to look, best first: the setting, then JAVA_HOME, then every PATH entry. */
export function javaCandidates(input: JavaSearchInput): JavaCandidate[] {
  const out: JavaCandidate[] = [];
  const setting = input.settingHome?.trim();
  if (setting) out.push({ executable: fromHome(setting, input.platform), source: 'setting routerls.java.home' });
  const javaHome = input.env.JAVA_HOME?.trim();
  if (javaHome) out.push({ executable: fromHome(javaHome, input.platform), source: 'JAVA_HOME' });
  const pathVar = input.env.PATH ?? input.env.Path ?? '';
  const p = pathApi(input.platform);
  for (const dir of pathVar.split(p.delimiter)) {
    if (dir.trim() === '') continue;
    out.push({ executable: p.join(dir, executableName(input.platform)), source: 'PATH' });
  }
  return out;
}

/**
 * The major version from `java -version` output: `openjdk version "17.0.15"` → 17,
 * `java version "1.8.0_292"` → 8, `openjdk version "21-ea"` → 21. Undefined when unreadable.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  const m = /version\s+"(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  if (first === 1 && m[2] !== undefined) return Number(m[2]);
  return first;
}

/**
 * The first candidate that exists and is Java 17 or newer. When none qualifies, the error says
 * what was tried, what was found and how to fix it.
 */
export async function findJava(input: JavaSearchInput, probe: JavaProbe): Promise<FoundJava> {
  const tooOld: string[] = [];
  const unusable: string[] = [];
  const seen = new Set<string>();
  for (const c of javaCandidates(input)) {
    if (seen.has(c.executable)) continue;
    seen.add(c.executable);
    if (!probe.isFile(c.executable)) {
      // A wrong explicit setting deserves a word; a PATH folder without java does not.
      if (c.source !== 'PATH') unusable.push(`${c.executable} (from ${c.source}) does not exist`);
      continue;
    }
    let output: string;
    try {
      output = await probe.versionOutput(c.executable);
    } catch (e) {
      unusable.push(`${c.executable} (from ${c.source}) did not run: ${(e as Error).message}`);
      continue;
    }
    const major = parseJavaMajorVersion(output);
    if (major === undefined) {
      unusable.push(`${c.executable} (from ${c.source}) printed no version`);
    } else if (major < MINIMUM_JAVA) {
      tooOld.push(`${c.executable} (from ${c.source}) is Java ${major}`);
    } else {
      return { ...c, major };
    }
  }
  const found = [...tooOld, ...unusable];
  const detail = found.length > 0 ? ` Checked: ${found.join('; ')}.` : ' No java was found in routerls.java.home, JAVA_HOME or on the PATH.';
  throw new JavaNotFoundError(
    `routerls needs Java ${MINIMUM_JAVA} or newer to run its language server.${detail} ` +
      `Install a JDK ${MINIMUM_JAVA}+ and set "routerls.java.home" to its folder (or set JAVA_HOME), then reload the window.`,
  );
}
