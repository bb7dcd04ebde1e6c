// Detection by content: YAMAHA configs and UCI files whatever their name, and everything else left alone.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CATALOG_FILE, commandHeads, HEADS_FILE, yamahaCommandHeads } from '../commandHeads';
import { detectLanguage, isClaimable, isYamahaCommand, sampleLines } from '../contentDetection';

const root = path.resolve(__dirname, '..', '..');
const repo = path.resolve(root, '..');
const shared = path.resolve(repo, '..', 'shared');
const fixtures = path.join(root, 'test', 'detection');

function detectFile(file: string) {
  return detectLanguage(sampleLines(fs.readFileSync(file, 'utf8'))).language;
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

test('the committed command heads are the catalog\'s', () => {
  const fresh = commandHeads(JSON.parse(fs.readFileSync(CATALOG_FILE, 'utf8')));
  assert.deepEqual(JSON.parse(fs.readFileSync(HEADS_FILE, 'utf8')), fresh, 'run npm run update:heads');
  assert.ok(Object.keys(fresh).length > 100);
});

test('files by content: fixtures', () => {
  const expected: Record<string, string | undefined> = {
    'headerless-rtx.txt': 'yamaha-rtx',
    'uci-backup': 'openwrt-uci',
    'php-like.ini': undefined,
    'no-section.ini': undefined,
    'router.properties': undefined,
    'notes.txt': undefined,
  };
  for (const [name, language] of Object.entries(expected)) {
    assert.equal(detectFile(path.join(fixtures, name)), language, name);
  }
});

test('every YAMAHA sample is recognised, with or without its header', () => {
  const dir = path.join(repo, 'samples', 'yamaha');
  const files = filesIn(dir);
  assert.ok(files.length >= 5);
  for (const f of files) {
    assert.equal(detectFile(f), 'yamaha-rtx', f);
    const lines = fs.readFileSync(f, 'utf8').split(/\r?\n/).filter((l) => !l.startsWith('#'));
    assert.equal(detectLanguage(lines.slice(0, 80)).language, 'yamaha-rtx', `${f} without comments`);
  }
});

test('the samples\' UCI files are UCI and their scripts are neither', () => {
  const files = filesIn(path.join(repo, 'samples', 'openwrt'));
  let uci = 0;
  for (const f of files) {
    const rel = f.split(path.sep).join('/');
    if (rel.includes('/etc/config/')) {
      assert.equal(detectFile(f), 'openwrt-uci', f);
      uci++;
    } else {
      assert.equal(detectFile(f), undefined, f);
    }
  }
  assert.ok(uci > 10, `${uci} UCI files`);
});

test('real configs of others: YAMAHA templates are YAMAHA, OpenWrt\'s UCI defaults UCI, MAP-E scripts neither', (t) => {
  const corpus = path.join(shared, 'corpus');
  if (!fs.existsSync(corpus)) {
    if (process.env.CI) assert.fail(`no corpus at ${corpus}`);
    return t.skip(`no corpus at ${corpus}`);
  }
  const yamaha = filesIn(path.join(corpus, 'yamaha'));
  const missed = yamaha.filter((f) => detectFile(f) !== 'yamaha-rtx');
  assert.deepEqual(missed, []);
  const uciFiles = filesIn(path.join(corpus, 'uci'));
  // a UCI file of comments only is nothing to claim
  const withSections = uciFiles.filter((f) => /^\s*config\s/m.test(fs.readFileSync(f, 'utf8')));
  const notUci = withSections.filter((f) => detectFile(f) !== 'openwrt-uci');
  assert.ok(notUci.length <= withSections.length * 0.02, `not recognised as UCI: ${notUci.join(', ')}`);
  for (const f of filesIn(path.join(corpus, 'firewall-user'))) assert.equal(detectFile(f), undefined, f);
});

test('real ini and properties files stay what they are', () => {
  const props = [path.join(repo, 'server', 'src', 'main', 'resources', 'dev', 'routerls', 'yamaha', 'command-meanings.properties')];
  const jdk = '/usr/lib/jvm/java-17-openjdk-amd64/conf';
  if (fs.existsSync(jdk)) props.push(...filesIn(jdk).filter((f) => /\.(properties|security)$/.test(f)));
  for (const f of props) assert.equal(detectFile(f), undefined, f);
});

test('a show config header claims the file at once', () => {
  for (const header of [
    '# RTX1210 Rev.14.01.38 (Fri Nov 18 10:00:00 2022)',
    '# NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)',
    '#\tRT57i Rev.8.00.95 (Thu Apr 21 12:07:46 2011)',
  ]) {
    assert.equal(detectLanguage(['', header, '# MAC Address : 00:a0:de:00:00:01']).language, 'yamaha-rtx', header);
  }
  assert.equal(detectLanguage(['# RTX1210 configuration notes', 'to do: order a second unit']).language, undefined);
});

test('YAMAHA command lines: the reference\'s first words, not assignments', () => {
  const heads = yamahaCommandHeads();
  assert.ok(isYamahaCommand('ip lan1 address 192.168.100.1/24', heads));
  assert.ok(isYamahaCommand(' pp bind tunnel1', heads));
  assert.ok(isYamahaCommand('nat descriptor masquerade port range 1000 5472-5487', heads));
  assert.ok(isYamahaCommand('no ip lan1 proxyarp', heads));
  assert.ok(!isYamahaCommand('ip = 192.0.2.1', heads));
  assert.ok(!isYamahaCommand('ip.address=192.0.2.1', heads));
  assert.ok(!isYamahaCommand('nat: on', heads));
  assert.ok(!isYamahaCommand('nat translation', heads), 'nat takes only descriptor');
  assert.ok(!isYamahaCommand('hostname router', heads));
});

test('a few YAMAHA lines among prose are not enough', () => {
  assert.equal(detectLanguage(['ip lan1 address 192.0.2.1/24', 'pp select 1']).language, undefined, 'two lines');
  assert.equal(
    detectLanguage(['ip lan1 address 192.0.2.1/24', 'pp select 1', 'nat descriptor type 1 masquerade', 'then call the provider', 'and ask']).language,
    undefined,
    'three of five lines',
  );
});

test('only plain text, ini and properties are claimed, unless the folder is marked', () => {
  assert.ok(isClaimable('plaintext', false));
  assert.ok(isClaimable('ini', false));
  assert.ok(isClaimable('properties', false));
  assert.ok(!isClaimable('shellscript', false));
  assert.ok(!isClaimable('json', false));
  assert.ok(isClaimable('shellscript', true));
});
