// VS Code glue: finds Java, starts the routerls language server over stdio, keeps its settings in
// step with the user's, recognises router configs by content, and offers the MAP-E commands and the
// status-bar item. The decisions live in the pure modules (javaRuntime, serverSettings,
// contentDetection, mape, analysisTarget); this file only wires them to the editor.
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { AnalysisTarget, ServerState, SettingsFileError, statusText, targetLabel, withTarget } from './analysisTarget';
import { runCli } from './cliRunner';
import { detectLanguage, isClaimable, sampleLines } from './contentDetection';
import { findJava, FoundJava, JavaNotFoundError } from './javaRuntime';
import {
  DEFAULT_DEVICE,
  deviceProblem,
  formatMape,
  mapeArgs,
  parseMapeJson,
  prefixProblem,
  SNAT_TARGETS,
  snatArgs,
  snatFailure,
} from './mape';
import { nodeJavaProbe as nodeProbe } from './nodeJavaProbe';
import {
  findLauncher,
  LANGUAGE_IDS,
  RESTART_KEYS,
  routerlsCommand,
  RouterlsCommand,
  serverCommand,
  serverJarPath,
  ServerSettings,
  toServerSettings,
} from './serverSettings';

const MAPE_SCHEME = 'routerls-mape';
const OUR_LANGUAGES: readonly string[] = LANGUAGE_IDS;

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let state: ServerState = 'stopped';
let stateDetail: string | undefined;
let extensionContext: vscode.ExtensionContext;
/** Set once the Java error was shown, so a restart or settings change does not repeat it. */
let javaErrorShown = false;

// ---------------------------------------------------------------- runtime: Java, jar, launcher

interface Runtime {
  java: FoundJava;
  jar: string;
  launcher?: string;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Java 17+, the jar and the launcher when present; tells the user what to do when one is missing. */
async function resolveRuntime(): Promise<Runtime | undefined> {
  const config = vscode.workspace.getConfiguration('routerls');
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const jar = serverJarPath(config.get('server.jar'), extensionContext.extensionPath, workspaceFolder);
  if (!nodeProbe.isFile(jar)) {
    const message = `routerls: the language server jar ${jar} does not exist. Set "routerls.server.jar" to a built routerls.jar (mvn package writes server/target/routerls.jar).`;
    output.appendLine(message);
    void showSetupError(message, [{ title: 'Open Settings', run: () => openSetting('routerls.server.jar') }]);
    return undefined;
  }
  try {
    const java = await findJava({ settingHome: config.get<string>('java.home'), env: process.env, platform: process.platform }, nodeProbe);
    return { java, jar, launcher: findLauncher(jar, process.platform, isExecutable) };
  } catch (e) {
    const message = e instanceof JavaNotFoundError ? e.message : `routerls: looking for Java failed: ${String(e)}`;
    output.appendLine(message);
    if (!javaErrorShown) {
      javaErrorShown = true;
      void showSetupError(message, [
        { title: 'Set routerls.java.home…', run: chooseJavaHome },
        { title: 'Open Settings', run: () => openSetting('routerls.java.home') },
      ]);
    }
    setState('failed', 'no Java 17 or newer');
    return undefined;
  }
}

function commandOf(runtime: Runtime): RouterlsCommand {
  return routerlsCommand(runtime.java.executable, runtime.jar, runtime.launcher);
}

async function chooseJavaHome(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Use this Java',
    title: 'The folder of a Java 17+ runtime (it contains bin/java)',
  });
  if (!picked || picked.length === 0) return;
  javaErrorShown = false;
  // a machine setting: where Java lives depends on the computer, not the project
  await vscode.workspace.getConfiguration('routerls').update('java.home', picked[0].fsPath, vscode.ConfigurationTarget.Global);
}

function openSetting(key: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', key);
}

async function showSetupError(message: string, actions: { title: string; run: () => unknown }[]): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, ...actions.map((a) => a.title));
  await actions.find((a) => a.title === choice)?.run();
}

// ---------------------------------------------------------------- the language client

function currentSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('routerls');
  const { settings, problems } = toServerSettings((key) => config.get(key));
  for (const p of problems) output.appendLine(`[settings] ${p.message}`);
  if (problems.length > 0) void vscode.window.showWarningMessage(`routerls: ${problems[0].message}`);
  return settings;
}

let starting: Promise<void> | undefined;

/** Starts the server once a document of ours is open (not for every plain-text file). */
function ensureClient(): Promise<void> {
  if (client || starting) return starting ?? Promise.resolve();
  starting = startClient().finally(() => (starting = undefined));
  return starting;
}

async function startClient(): Promise<void> {
  setState('starting');
  const runtime = await resolveRuntime();
  if (!runtime) {
    if (state === 'starting') setState('failed', 'see the log');
    return;
  }
  output.appendLine(
    `Using Java ${runtime.java.major} at ${runtime.java.executable} (from ${runtime.java.source}); server ${runtime.jar}` +
      (runtime.launcher ? `; launcher ${runtime.launcher}` : ''),
  );
  const { command, args, env } = serverCommand(runtime.java.executable, runtime.jar, runtime.launcher);
  const serverOptions: ServerOptions = {
    command,
    args,
    transport: TransportKind.stdio,
    options: env ? { env: { ...process.env, ...env } } : undefined,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: currentSettings(),
    outputChannel: output,
  };
  // The id 'routerls' makes the client honour the routerls.trace.server setting.
  const c = new LanguageClient('routerls', 'routerls', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) setState('running');
    else if (e.newState === State.Starting) setState('starting');
    else setState('stopped');
  });
  client = c;
  try {
    await c.start();
  } catch (e) {
    client = undefined;
    output.appendLine(`The language server did not start: ${String(e)}`);
    setState('failed', String(e));
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
  setState('stopped');
}

async function restartClient(): Promise<void> {
  await stopClient();
  await ensureClient();
}

// ---------------------------------------------------------------- recognising configs by content

/** Documents switched by content, and those the user then switched back (left alone from then on). */
const claimed = new Set<string>();

function inMarkedFolder(doc: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('routerls').get<string[]>('detection.folders') ?? [];
  return globs.some((g) => vscode.languages.match({ pattern: g }, doc) > 0);
}

async function inspect(doc: vscode.TextDocument): Promise<void> {
  if (OUR_LANGUAGES.includes(doc.languageId)) {
    void ensureClient();
    return;
  }
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return;
  if (!vscode.workspace.getConfiguration('routerls').get<boolean>('detection.byContent', true)) return;
  const key = doc.uri.toString();
  // switched before and back again by the user: their choice stands
  if (claimed.has(key)) return;
  if (!isClaimable(doc.languageId, inMarkedFolder(doc))) return;
  const lines: string[] = [];
  for (let i = 0; i < Math.min(doc.lineCount, 80); i++) lines.push(doc.lineAt(i).text);
  const { language, reason } = detectLanguage(lines);
  if (!language) return;
  claimed.add(key);
  output.appendLine(`${vscode.workspace.asRelativePath(doc.uri)}: ${doc.languageId} → ${language} (${reason})`);
  await vscode.languages.setTextDocumentLanguage(doc, language);
}

// ---------------------------------------------------------------- status bar

let statusVersion = 0;

function setState(next: ServerState, detail?: string): void {
  state = next;
  stateDetail = detail;
  void refreshStatus();
}

async function currentTarget(doc: vscode.TextDocument | undefined): Promise<AnalysisTarget | undefined> {
  if (!doc || !OUR_LANGUAGES.includes(doc.languageId) || !client || state !== 'running') return undefined;
  try {
    const t = await client.sendRequest<AnalysisTarget | null>('routerls/analysisTarget', { textDocument: { uri: doc.uri.toString() } });
    return t ?? undefined;
  } catch (e) {
    output.appendLine(`routerls/analysisTarget failed: ${String(e)}`);
    return undefined;
  }
}

async function refreshStatus(): Promise<void> {
  const mine = ++statusVersion;
  const doc = vscode.window.activeTextEditor?.document;
  const target = await currentTarget(doc);
  if (mine !== statusVersion) return; // a newer refresh is under way
  const { text, tooltip } = statusText(state, target, stateDetail);
  status.text = text;
  status.tooltip = tooltip;
  status.command = target ? 'routerls.chooseTarget' : 'routerls.showOutput';
  const show = state === 'failed' || state === 'starting' || (doc !== undefined && OUR_LANGUAGES.includes(doc.languageId));
  if (show) status.show();
  else status.hide();
}

/** Status-bar click: another model or release, written to the workspace folder's .routerls.json. */
async function chooseTarget(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const target = await currentTarget(doc);
  if (!doc || !target) {
    void vscode.window.showInformationMessage('routerls: open a YAMAHA or OpenWrt config first; the language server must be running.');
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) {
    void vscode.window.showWarningMessage('routerls: the choice is kept in the workspace folder\'s .routerls.json; open the config inside a folder.');
    return;
  }
  const yamaha = target.platform === 'yamaha';
  const fromFile = yamaha ? 'From the config\'s show config header' : 'From etc/openwrt_release';
  const other = yamaha ? 'Another model…' : 'Another release…';
  type Item = vscode.QuickPickItem & { value: string | null | 'other' };
  const items: Item[] = [
    { label: fromFile, description: target.origin === 'file' ? `now: ${targetLabel(target)}` : undefined, value: null },
    ...target.choices.map((c) => ({
      label: c,
      description: target.origin === 'setting' && (c === target.model || c === target.release) ? 'current' : undefined,
      value: c,
    })),
    { label: other, value: 'other' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: yamaha ? 'routerls: check this config against model' : 'routerls: check this router against OpenWrt release',
    placeHolder: `now ${targetLabel(target)}; the choice is saved in ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(folder.uri, '.routerls.json'))}`,
  });
  if (!picked) return;
  let value = picked.value;
  if (value === 'other') {
    const typed = await vscode.window.showInputBox({ prompt: yamaha ? 'Model, e.g. RTX1220' : 'OpenWrt release, e.g. 23.05' });
    if (!typed?.trim()) return;
    value = typed.trim();
  }
  const file = vscode.Uri.joinPath(folder.uri, '.routerls.json');
  let existing: string | undefined;
  try {
    existing = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  } catch {
    existing = undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(file, Buffer.from(withTarget(existing, target.platform, value), 'utf8'));
  } catch (e) {
    void vscode.window.showErrorMessage(`routerls: ${e instanceof SettingsFileError ? e.message : String(e)}`);
    return;
  }
  output.appendLine(`${vscode.workspace.asRelativePath(file)}: ${yamaha ? 'model' : 'openwrtRelease'} = ${value ?? '(from the file)'}`);
}

// ---------------------------------------------------------------- MAP-E commands

/** The text of each MAP-E result editor, by its URI; the prefix is the URI's query. */
const mapeDocuments = new Map<string, string>();

async function computeMape(): Promise<void> {
  const prefix = await vscode.window.showInputBox({
    title: 'routerls: Compute MAP-E',
    prompt: 'The IPv6 prefix delegated to your router (v6plus, OCN or BIGLOBE)',
    placeHolder: '2404:7a80:1234:5600::/56',
    validateInput: (text) => prefixProblem(text),
    ignoreFocusOut: true,
  });
  if (!prefix) return;
  const runtime = await resolveRuntime();
  if (!runtime) return;
  const result = await runCli(commandOf(runtime), mapeArgs(prefix));
  if (result.code !== 0) {
    void vscode.window.showErrorMessage(`routerls mape: ${result.stderr.trim() || `exit ${result.code}`}`);
    return;
  }
  let text: string;
  try {
    text = formatMape(parseMapeJson(result.stdout));
  } catch (e) {
    void vscode.window.showErrorMessage(String((e as Error).message));
    return;
  }
  const name = `MAP-E ${prefix.trim().replace('/', '_')}.txt`;
  const uri = vscode.Uri.from({ scheme: MAPE_SCHEME, path: `/${name}`, query: prefix.trim() });
  mapeDocuments.set(uri.toString(), text);
  mapeChanged.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
}

const mapeChanged = new vscode.EventEmitter<vscode.Uri>();

async function copySnatBlock(uri?: vscode.Uri): Promise<void> {
  const source = uri ?? vscode.window.activeTextEditor?.document.uri;
  const prefix = source?.scheme === MAPE_SCHEME ? source.query : undefined;
  if (!prefix) {
    void vscode.window.showInformationMessage('routerls: run "routerls: Compute MAP-E for a prefix…" first; the rules are copied from its result.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    SNAT_TARGETS.map((t) => ({ label: t.label, description: t.detail, target: t })),
    { title: `routerls: copy MAP-E SNAT rules for ${prefix}`, placeHolder: 'Where the rules go' },
  );
  if (!picked) return;
  let device: string | undefined;
  if (picked.target.needsDevice) {
    device = await vscode.window.showInputBox({
      title: 'Tunnel device',
      prompt: 'The MAP-E tunnel device: map-<name of the map interface>',
      value: DEFAULT_DEVICE,
      validateInput: (t) => deviceProblem(t),
    });
    if (!device) return;
  }
  const runtime = await resolveRuntime();
  if (!runtime) return;
  const result = await runCli(commandOf(runtime), snatArgs(picked.target, prefix, device));
  if (result.code !== 0 || result.stdout.trim() === '') {
    void vscode.window.showWarningMessage(snatFailure(picked.target, result.stderr, result.code));
    return;
  }
  await vscode.env.clipboard.writeText(result.stdout);
  const lines = result.stdout.trimEnd().split('\n').length;
  void vscode.window.showInformationMessage(`routerls: copied ${lines} lines of ${picked.target.label} SNAT rules for ${prefix}.`);
}

const SNAT_ACTION = /^(Insert|Replace with correct) MAP-E SNAT rules/;

/** Applies the server's "Insert MAP-E SNAT rules" code action of the active OpenWrt file. */
async function insertMapeSnat(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  if (!editor || !doc || (doc.languageId !== 'openwrt-uci' && doc.languageId !== 'openwrt-firewall-user')) {
    void vscode.window.showInformationMessage('routerls: open /etc/firewall.user or the map interface in /etc/config/network of an OpenWrt router first.');
    return;
  }
  const ranges = [editor.selection, new vscode.Range(0, 0, doc.lineCount, 0)];
  const found = new Map<string, vscode.CodeAction>();
  for (const range of ranges) {
    // the server lists actions first and computes their edits on resolve: ask VS Code to resolve them
    const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, range, undefined, 100)) ?? [];
    for (const a of actions) {
      if ('edit' in a && a.edit && SNAT_ACTION.test(a.title) && !found.has(a.title)) found.set(a.title, a as vscode.CodeAction);
    }
  }
  if (found.size === 0) {
    void vscode.window.showInformationMessage(
      'routerls offers no MAP-E SNAT rules here: it does in firewall.user and on a map interface\'s section in /etc/config/network, once the router\'s map interface and delegated prefix are known.',
    );
    return;
  }
  let action = [...found.values()][0];
  if (found.size > 1) {
    const picked = await vscode.window.showQuickPick([...found.keys()], { title: 'routerls: MAP-E SNAT rules' });
    if (!picked) return;
    action = found.get(picked)!;
  }
  await vscode.workspace.applyEdit(action.edit!);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

// ---------------------------------------------------------------- activation

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('routerls');
  status = vscode.window.createStatusBarItem('routerls.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'routerls';
  context.subscriptions.push(output, status, mapeChanged);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(MAPE_SCHEME, {
      onDidChange: mapeChanged.event,
      provideTextDocumentContent: (uri) => mapeDocuments.get(uri.toString()) ?? 'Run "routerls: Compute MAP-E for a prefix…" again.',
    }),
    vscode.commands.registerCommand('routerls.restartServer', restartClient),
    vscode.commands.registerCommand('routerls.showOutput', () => output.show()),
    vscode.commands.registerCommand('routerls.computeMape', computeMape),
    vscode.commands.registerCommand('routerls.copySnatBlock', copySnatBlock),
    vscode.commands.registerCommand('routerls.insertMapeSnat', insertMapeSnat),
    vscode.commands.registerCommand('routerls.chooseTarget', chooseTarget),
    vscode.workspace.onDidOpenTextDocument((doc) => void inspect(doc)),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.languages.onDidChangeDiagnostics((e) => {
      // a new analysis (an edit, a settings change) may have changed what the file is checked as
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) void refreshStatus();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('routerls')) return;
      if (RESTART_KEYS.some((key) => e.affectsConfiguration(key))) {
        javaErrorShown = false;
        await restartClient();
      } else if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: currentSettings() });
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) await inspect(doc);
  void refreshStatus();
}

export function deactivate(): Thenable<void> | undefined {
  return stopClient();
}
