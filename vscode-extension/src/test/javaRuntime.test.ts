import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { findJava, javaCandidates, JavaNotFoundError, JavaProbe, parseJavaMajorVersion } from '../javaRuntime';
import { nodeJavaProbe } from '../nodeJavaProbe';

/** A file system with the given java executables and what each prints for -version. */
function fakeProbe(javas: Record<string, string>): JavaProbe & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    isFile: (f) => f in javas,
    versionOutput: async (f) => {
      ran.push(f);
      return javas[f];
    },
  };
}

const JDK17 = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)';
const JDK11 = 'openjdk version "11.0.22" 2024-01-16';
const JDK8 = 'java version "1.8.0_292"\nJava(TM) SE Runtime Environment';

test('version parsing covers modern, legacy 1.x and early-access strings', () => {
  assert.equal(parseJavaMajorVersion(JDK17), 17);
  assert.equal(parseJavaMajorVersion(JDK8), 8);
  assert.equal(parseJavaMajorVersion('openjdk version "21-ea" 2023-09-19'), 21);
  assert.equal(parseJavaMajorVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaMajorVersion('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "22.0.1"'), 22);
  assert.equal(parseJavaMajorVersion('no version here'), undefined);
});

test('candidates: setting first, then JAVA_HOME, then each PATH folder', () => {
  const c = javaCandidates({
    settingHome: '/opt/jdk21',
    env: { JAVA_HOME: '/usr/lib/jvm/java-17', PATH: '/usr/local/bin::/usr/bin' },
    platform: 'linux',
  });
  assert.deepEqual(c, [
    { executable: '/opt/jdk21/bin/java', source: 'setting routerls.java.home' },
    { executable: '/usr/lib/jvm/java-17/bin/java', source: 'JAVA_HOME' },
    { executable: '/usr/local/bin/java', source: 'PATH' },
    { executable: '/usr/bin/java', source: 'PATH' },
  ]);
});

test('candidates on Windows use java.exe, ; separators and the Path spelling', () => {
  const c = javaCandidates({ settingHome: 'C:\\jdk17\\bin\\java.exe', env: { Path: 'C:\\a;C:\\b' }, platform: 'win32' });
  assert.deepEqual(
    c.map((x) => x.executable),
    ['C:\\jdk17\\bin\\java.exe', 'C:\\a\\java.exe', 'C:\\b\\java.exe'],
  );
});

test('an old JAVA_HOME is skipped in favour of a Java 17 on the PATH', async () => {
  const probe = fakeProbe({ '/jdk11/bin/java': JDK11, '/usr/bin/java': JDK17 });
  const found = await findJava({ env: { JAVA_HOME: '/jdk11', PATH: '/usr/bin' }, platform: 'linux' }, probe);
  assert.deepEqual(found, { executable: '/usr/bin/java', source: 'PATH', major: 17 });
  assert.deepEqual(probe.ran, ['/jdk11/bin/java', '/usr/bin/java']);
});

test('the setting wins over JAVA_HOME when both are new enough', async () => {
  const probe = fakeProbe({ '/jdk21/bin/java': 'openjdk version "21.0.2"', '/jdk17/bin/java': JDK17 });
  const found = await findJava({ settingHome: '/jdk21', env: { JAVA_HOME: '/jdk17' }, platform: 'linux' }, probe);
  assert.equal(found.source, 'setting routerls.java.home');
  assert.equal(found.major, 21);
});

test('only old Javas: the error names each one, its version and the fix', async () => {
  const probe = fakeProbe({ '/jdk8/bin/java': JDK8, '/usr/bin/java': JDK11 });
  await assert.rejects(
    findJava({ settingHome: '/missing', env: { JAVA_HOME: '/jdk8', PATH: '/usr/bin:/bin' }, platform: 'linux' }, probe),
    (e: unknown) => {
      assert.ok(e instanceof JavaNotFoundError);
      assert.match(e.message, /needs Java 17 or newer/);
      assert.match(e.message, /\/jdk8\/bin\/java \(from JAVA_HOME\) is Java 8/);
      assert.match(e.message, /\/usr\/bin\/java \(from PATH\) is Java 11/);
      assert.match(e.message, /\/missing\/bin\/java \(from setting routerls\.java\.home\) does not exist/);
      assert.match(e.message, /routerls\.java\.home/);
      assert.doesNotMatch(e.message, /\/bin\/java \(from PATH\) does not exist/);
      return true;
    },
  );
});

test('no Java anywhere: the error says so plainly', async () => {
  await assert.rejects(findJava({ env: { PATH: '/usr/bin' }, platform: 'linux' }, fakeProbe({})), /No java was found/);
});

test('a java that fails to run is reported and the search goes on', async () => {
  const probe: JavaProbe = {
    isFile: () => true,
    versionOutput: async (f) => {
      if (f === '/broken/bin/java') throw new Error('exec format error');
      return JDK17;
    },
  };
  const found = await findJava({ env: { JAVA_HOME: '/broken', PATH: '/ok' }, platform: 'linux' }, probe);
  assert.equal(found.executable, '/ok/java');
});

test('the real probe finds the Java on this machine through PATH', async (t) => {
  let onPath = true;
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    onPath = false;
  }
  if (!onPath) return t.skip('no java on PATH');
  const found = await findJava({ env: { PATH: process.env.PATH }, platform: process.platform }, nodeJavaProbe);
  assert.ok(found.major >= 17, `found Java ${found.major}`);
});
