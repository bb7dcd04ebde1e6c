// The extension in a real VS Code: code-server 4.99.4 (VS Code 1.99.3) with the packaged .vsix
// installed, driven through Debian's Chromium as a user would: open files with Quick Open, read the
// language mode and the status bar, the Problems view, a hover, apply quick fixes and run the
// Compute-MAP-E command. Screenshots go to test-results/editor/.
//
// Needs CODE_SERVER (the code-server package folder; .ci/install-code-server prints it) and the .vsix
// (npm run package). Run by .ci/vscode-editor-test; skipped when CODE_SERVER is not set outside CI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Browser, chromium, Page } from 'playwright-core';
import { CodeServer, startCodeServer } from './codeServer';

const root = path.resolve(__dirname, '..', '..');
const repo = path.resolve(root, '..');
const vsix = process.env.ROUTERLS_VSIX ?? path.join(root, 'routerls.vsix');
const shots = path.join(root, 'test-results', 'editor');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WAIT = Number(process.env.EDITOR_TEST_WAIT ?? 60000);
/** The text box of Quick Open, the command palette and input boxes. */
const QUICK_INPUT = '.quick-input-widget input.input';

/** A workspace of copies of the samples: a YAMAHA .conf and .txt, OpenWrt fw3 routers with and without SNAT, an fw4 router, an ini file. */
function makeWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'routerls-editor-ws-'));
  const copy = (from: string, to: string) => fs.cpSync(path.join(repo, from), path.join(ws, to), { recursive: true });
  copy('samples/yamaha/variant-pp-anonymous-nat-nvr510.conf', 'yamaha/router.conf');
  copy('samples/yamaha/variant-static-nat-without-outer.conf', 'yamaha/config.txt');
  copy('samples/openwrt/wrong-psid', 'openwrt-fw3');
  copy('samples/openwrt/fw4-nftables-wrong-psid', 'openwrt-fw4');
  // the same fw3 router before its owner wrote any SNAT: the server offers to insert the rules only here
  copy('samples/openwrt/good', 'openwrt-new');
  fs.writeFileSync(path.join(ws, 'openwrt-new', 'etc', 'firewall.user'), '# This file is interpreted as shell script.\n# Put your custom iptables rules here.\n');
  fs.writeFileSync(path.join(ws, 'yamaha', 'monitor.ini'), '[router]\nip = 192.0.2.1\ndescription = office RTX\n\n[alerts]\nmail = noc@example.com\n');
  return ws;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'files.autoSave': 'off',
  'window.commandCenter': false,
};

class Workbench {
  private shotNo = 0;

  constructor(readonly page: Page) {}

  async screenshot(name: string): Promise<void> {
    this.shotNo++;
    await this.page.screenshot({ path: path.join(shots, `${String(this.shotNo).padStart(2, '0')}-${name}.png`) });
  }

  /** Quick Open: type the name, wait for the result row, then Enter. */
  async open(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.page.keyboard.press('Control+p');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: WAIT });
    await this.page.keyboard.type(relativePath);
    // Enter opens the focused row: wait until the results have settled on the file asked for
    await this.page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: name })
      .filter({ hasText: path.dirname(relativePath).split('/')[0] })
      .first()
      .waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: WAIT });
  }

  async languageMode(expected: string): Promise<void> {
    const mode = this.page.locator('[id="status.editor.mode"]');
    await waitFor(async () => (await mode.innerText()).trim() === expected, `language mode ${expected}`, async () => mode.innerText());
  }

  async statusItem(pattern: RegExp): Promise<string> {
    const item = this.page.locator('.statusbar-item', { hasText: pattern }).first();
    await item.waitFor({ timeout: WAIT });
    return item.innerText();
  }

  /** Runs a command from the palette (waits for its row before Enter). */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+p');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: WAIT });
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Enter');
  }

  /** Chooses a row of an open quick pick by its text (arrow keys, then Enter). */
  async pick(text: string): Promise<void> {
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ timeout: WAIT });
    await this.page.keyboard.type(text);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first().waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Enter');
  }

  async gotoLine(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+g');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: WAIT });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor(async () => (await this.page.locator('[id="status.editor.selection"]').innerText()).includes(`Ln ${line}, Col ${column}`),
      `cursor at ${line}:${column}`);
  }

  /** The Problems view's entries of the active file, as their accessible labels. */
  async problems(): Promise<string[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    return rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} | ${e.textContent ?? ''}`));
  }

  async showProblems(): Promise<void> {
    await this.command('View: Focus Problems');
    await this.page.locator('.markers-panel').waitFor({ timeout: WAIT });
  }

  async problemsMatching(predicate: (rows: string[]) => boolean, what: string): Promise<string[]> {
    let rows: string[] = [];
    await waitFor(async () => predicate((rows = await this.problems())), what, async () => rows.join('\n'));
    return rows;
  }

  async hover(): Promise<string> {
    await this.command('Show or Focus Hover');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: WAIT });
    let text = '';
    await waitFor(async () => (text = await hover.innerText()).trim().length > 0, 'hover text');
    return text;
  }

  /** Opens the quick-fix menu at the cursor and applies the action whose title contains `title` (Enter, not a click). */
  async quickFix(title: string, screenshot?: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT });
    for (let i = 0; i < 20; i++) {
      const focused = await menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '');
      if (focused.includes(title)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    if (screenshot) await this.screenshot(screenshot);
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: WAIT });
  }

  /** The rendered lines of the active editor (Monaco draws spaces as no-break spaces). */
  async editorText(): Promise<string> {
    const text = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  /** Puts the cursor on the first match of `text` with the find widget; the text must occur exactly once. */
  async find(text: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    const input = this.page.locator('.find-widget.visible textarea, .find-widget.visible input').first();
    await input.waitFor({ timeout: WAIT });
    await this.page.keyboard.type(text);
    await this.page.locator('.find-widget.visible .matchesCount', { hasText: /^1 of 1$/ }).waitFor({ timeout: WAIT });
    await this.page.keyboard.press('Escape');
  }

  /** Closes whatever menu, widget or input a failed step may have left open. */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  async notification(pattern: RegExp): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: pattern }).first();
    await toast.waitFor({ timeout: WAIT });
    return toast.innerText();
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, describe?: () => Promise<string>, timeoutMs = WAIT): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seen = describe ? `; last seen: ${await describe().catch((e) => String(e))}` : '';
  throw new Error(`timed out waiting for ${what}${seen}`);
}

const codeServerDir = process.env.CODE_SERVER;

test('the extension in a real VS Code', { skip: !codeServerDir && !process.env.CI ? 'CODE_SERVER is not set (.ci/vscode-editor-test sets it)' : false }, async (t) => {
  assert.ok(codeServerDir, 'CODE_SERVER must name the code-server package folder (.ci/install-code-server prints it)');
  assert.ok(fs.existsSync(vsix), `${vsix} is missing: npm run package`);
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const workspace = makeWorkspace();
  const started = Date.now();
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(codeServerDir!, vsix, USER_SETTINGS);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const wb = new Workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: WAIT });
    await page.locator('.explorer-folders-view').waitFor({ timeout: WAIT });
    // each step runs even when one before failed, and leaves a screenshot of what the editor showed
    const step = (name: string, body: () => Promise<void>) =>
      t.test(name, async () => {
        try {
          await wb.settle();
          await body();
        } catch (e) {
          await wb.screenshot(`FAILED-${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}`).catch(() => undefined);
          throw e;
        }
      });

    await step('a YAMAHA .conf is recognised by content, checked and fixed', async () => {
      await wb.open('yamaha/router.conf');
      await wb.languageMode('YAMAHA RTX/NVR config');
      const status = await wb.statusItem(/routerls: NVR510/);
      assert.match(status, /routerls: NVR510 Rev\.15\.01\.21/);
      await wb.showProblems();
      const rows = await wb.problemsMatching((r) => r.some((x) => x.includes('yamaha/nat-backward-compatibility')), 'the backward-compatibility warning');
      assert.ok(rows.some((x) => /plaintext-secret/.test(x)), rows.join('\n'));
      assert.equal(new Set(rows).size, rows.length, `each finding listed once:\n${rows.join('\n')}`);
      await wb.gotoLine(12, 23);
      const hover = await wb.hover();
      assert.match(hover, /backward-compatibility/);
      await wb.screenshot('yamaha-conf-diagnostics-hover');
      await page.keyboard.press('Escape');
      await wb.quickFix('nat descriptor backward-compatibility 1');
      await wb.problemsMatching((r) => !r.some((x) => x.includes('yamaha/nat-backward-compatibility')), 'the warning to go after the fix');
      assert.match(await wb.editorText(), /^nat descriptor backward-compatibility 1$/m);
      await wb.screenshot('yamaha-conf-fixed');
    });

    await step('a YAMAHA .txt is recognised by content; an ini file stays ini', async () => {
      await wb.open('yamaha/config.txt');
      await wb.languageMode('YAMAHA RTX/NVR config');
      await wb.problemsMatching((r) => r.some((x) => x.includes('yamaha/nat-static-needs-outer')), 'the static NAT warning');
      await wb.screenshot('yamaha-txt');
      await wb.open('yamaha/monitor.ini');
      await wb.languageMode('Ini');
    });

    await step('UCI: the map interface hover shows the port blocks', async () => {
      await wb.open('openwrt-fw3/etc/config/network');
      await wb.languageMode('OpenWrt UCI config');
      assert.match(await wb.statusItem(/routerls: OpenWrt/), /OpenWrt 21\.02/);
      await wb.find("interface 'wan_map'");
      await page.keyboard.press('ArrowRight'); // the cursor after the section name's closing quote
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft'); // inside the name
      const hover = await wb.hover();
      assert.match(hover, /PSID/);
      assert.match(hover, /5472-5487/);
      await wb.screenshot('uci-hover');
      await page.keyboard.press('Escape');
    });

    await step('firewall.user: the wrong PSID is reported and its quick fix clears it', async () => {
      await wb.open('openwrt-fw3/etc/firewall.user');
      await wb.languageMode('OpenWrt firewall.user');
      const rows = await wb.problemsMatching((r) => r.some((x) => x.includes('openwrt/mape-psid-mismatch') && /PSID 87/.test(x)), 'the PSID finding');
      assert.ok(rows.some((x) => /PSID 87/.test(x) && /PSID 86/.test(x)), rows.join('\n'));
      // select the marked ICMP SNAT rule, over the port blocks the finding covers
      await wb.find('icmp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr');
      await wb.quickFix('Set PSID=', 'firewall-user-quick-fix');
      await wb.problemsMatching((r) => !r.some((x) => x.includes('openwrt/mape-psid-mismatch') && /PSID 87/.test(x)), 'the PSID finding to go after the fix');
      await wb.find("PSID='86'");
      await wb.screenshot('firewall-user-fixed');
    });

    await step('Insert MAP-E SNAT rules applies the server\'s action', async () => {
      await wb.open('openwrt-new/etc/firewall.user');
      await wb.command('routerls: Insert MAP-E SNAT rules');
      // one action is applied at once; several are offered in a quick pick
      const offered = page.locator('.quick-input-list .monaco-list-row', { hasText: /MAP-E SNAT rules for/ }).first();
      if (await offered.waitFor({ timeout: 5000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
      await wb.find('>>> routerls MAP-E SNAT map-wan_map');
      await wb.screenshot('insert-snat');
    });

    await step('nftables.d: the .nft language and its finding', async () => {
      await wb.open('openwrt-fw4/etc/nftables.d/10-mape.nft');
      await wb.languageMode('OpenWrt nftables snippet');
      const nft = await wb.problemsMatching((r) => r.some((x) => x.includes('openwrt/mape-psid-mismatch') && /PSID 85/.test(x)), 'the nft PSID finding');
      assert.equal(nft.filter((x) => /PSID 85/.test(x)).length, 1, `listed once:\n${nft.join('\n')}`);
      assert.match(await wb.statusItem(/routerls: OpenWrt/), /OpenWrt 23\.05/);
      await wb.screenshot('nftables');
    });

    await step('Compute MAP-E for a prefix, then copy the SNAT rules', async () => {
      await wb.command('routerls: Compute MAP-E for a prefix');
      await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: WAIT });
      await page.keyboard.type('2404:7a80:1234:5600::/56');
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: 'MAP-E' }).waitFor({ timeout: WAIT });
      let text = '';
      await waitFor(async () => /CE address/.test((text = await wb.editorText())), 'the MAP-E result', async () => text);
      const flat = text;
      assert.match(flat, /IPv4 address\s+133\.200\.18\.52/);
      assert.match(flat, /PSID\s+86 \(0x56\)/);
      assert.match(flat, /Ports\s+240 in 15 ranges/);
      assert.match(flat, /5472-5487/);
      assert.match(flat, /CE address\s+2404:7a80:1234:5600:85:c812:3400:5600/);
      assert.match(flat, /BIGLOBE/);
      await wb.screenshot('compute-mape');

      await wb.command('routerls: Copy MAP-E SNAT rules');
      await wb.pick('nftables');
      await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: WAIT });
      await page.keyboard.press('Enter'); // the default device, map-wan_map
      assert.match(await wb.notification(/copied \d+ lines of nftables SNAT rules/), /2404:7a80:1234:5600::\/56/);
      const clip = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
      assert.match(clip, /snat ip to numgen inc mod 15 map \{ 0 : 133\.200\.18\.52 \. 5472-5487, /);
      assert.match(clip, /oifname "map-wan_map"/);
      await wb.screenshot('copy-snat');
    });
    await step('the status bar: choose another model, saved in .routerls.json, then back to the header', async () => {
      await wb.open('yamaha/config.txt');
      const before = await wb.statusItem(/routerls: /);
      assert.match(before, /routerls: NVR510 Rev\.15\.01\.21/);
      await page.locator('.statusbar-item', { hasText: /routerls: / }).first().click();
      await wb.pick('RTX1210');
      await wb.statusItem(/routerls: RTX1210$/);
      const settings = path.join(workspace, '.routerls.json');
      assert.deepEqual(JSON.parse(fs.readFileSync(settings, 'utf8')), { yamahaModel: 'RTX1210' });
      await wb.screenshot('status-bar-model');
      await page.locator('.statusbar-item', { hasText: /routerls: / }).first().click();
      await wb.pick("From the config's show config header");
      await wb.statusItem(/routerls: NVR510 Rev\.15\.01\.21/);
      assert.deepEqual(JSON.parse(fs.readFileSync(settings, 'utf8')), {});
    });
  } catch (e) {
    if (browser) {
      const pages = browser.contexts().flatMap((c) => c.pages());
      if (pages[0]) await pages[0].screenshot({ path: path.join(shots, 'failure.png') }).catch(() => undefined);
    }
    throw new Error(`${(e as Error).stack}\n--- code-server log (tail) ---\n${server?.log().slice(-3000) ?? ''}`);
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    console.log(`real-editor test: ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in ${path.relative(repo, shots)}`);
  }
});
