// What the Marketplace reads from package.json: nothing that points nowhere, the files it names exist.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('no placeholder URLs; icon, license, changelog and README images exist', () => {
  const text = JSON.stringify(manifest);
  assert.doesNotMatch(text, /example\.(invalid|com|org)|localhost|TODO/i);
  for (const key of ['repository', 'bugs', 'homepage']) {
    const v = manifest[key];
    if (v !== undefined) assert.match(typeof v === 'string' ? v : v.url, /^https:\/\//, key);
  }
  assert.equal(manifest.license, 'MIT');
  assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.ok(fs.existsSync(path.join(root, 'CHANGELOG.md')));
  const icon = fs.readFileSync(path.join(root, manifest.icon));
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG', 'the Marketplace wants a PNG icon');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 3, 'screenshots in the README');
  for (const img of images) {
    assert.ok(!/^https?:|\.svg$/.test(img), `${img}: a packaged PNG`);
    assert.ok(fs.existsSync(path.join(root, img)), img);
  }
});

test('a network engineer finds it: categories and keywords', () => {
  assert.ok(manifest.categories.includes('Linters'));
  assert.ok(manifest.categories.includes('Programming Languages'));
  for (const k of ['yamaha', 'rtx', 'openwrt', 'uci', 'map-e', 'v6plus', 'nftables', 'firewall.user']) {
    assert.ok(manifest.keywords.includes(k), k);
  }
  assert.ok(manifest.keywords.length <= 30, 'vsce accepts at most 30 keywords');
});

test('every command is contributed with the routerls category and registered in the code', () => {
  const source = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, 'routerls', c.command);
    assert.ok(source.includes(`registerCommand('${c.command}'`), c.command);
  }
  const titles = manifest.contributes.commands.map((c: { title: string }) => c.title);
  for (const t of ['Compute MAP-E for a prefix…', 'Insert MAP-E SNAT rules', 'Restart server', 'Show log']) assert.ok(titles.includes(t), t);
});
