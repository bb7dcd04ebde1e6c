// VS Code glue: finds Java, starts `java -jar routerls.jar lsp` over stdio and keeps the server's
// settings in step with the user's. The decisions live in javaRuntime.ts and serverSettings.ts.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { findJava, JavaNotFoundError } from './javaRuntime';
import { nodeJavaProbe as nodeProbe } from './nodeJavaProbe';
import { LANGUAGE_IDS, RESTART_KEYS, serverCommand, serverJarPath, ServerSettings, toServerSettings } from './serverSettings';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

function currentSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('routerls');
  const { settings, problems } = toServerSettings((key) => config.get(key));
  for (const p of problems) output.appendLine(`[settings] ${p.message}`);
  if (problems.length > 0) {
    void vscode.window.showWarningMessage(`routerls: ${problems[0].message}`);
  }
  return settings;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('routerls');
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const jar = serverJarPath(config.get('server.jar'), context.extensionPath, workspaceFolder);
  if (!nodeProbe.isFile(jar)) {
    const message = `routerls: the language server jar ${jar} does not exist. Set "routerls.server.jar" to a built routerls.jar (mvn package writes server/target/routerls.jar).`;
    output.appendLine(message);
    void showSetupError(message, 'routerls.server.jar');
    return;
  }

  let java;
  try {
    java = await findJava(
      { settingHome: config.get<string>('java.home'), env: process.env, platform: process.platform },
      nodeProbe,
    );
  } catch (e) {
    const message = e instanceof JavaNotFoundError ? e.message : `routerls: looking for Java failed: ${String(e)}`;
    output.appendLine(message);
    void showSetupError(message, 'routerls.java.home');
    return;
  }
  output.appendLine(`Using Java ${java.major} at ${java.executable} (from ${java.source}); server ${jar}`);

  const { command, args } = serverCommand(java.executable, jar);
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: currentSettings(),
    outputChannel: output,
  };
  // The id 'routerls' makes the client honour the routerls.trace.server setting.
  client = new LanguageClient('routerls', 'routerls', serverOptions, clientOptions);
  await client.start();
}

async function showSetupError(message: string, setting: string): Promise<void> {
  const open = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', setting);
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('routerls');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('routerls.restartServer', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand('routerls.showOutput', () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('routerls')) return;
      if (RESTART_KEYS.some((key) => e.affectsConfiguration(key))) {
        await stopClient();
        await startClient(context);
      } else if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings: currentSettings() });
      }
    }),
  );
  await startClient(context);
}

export function deactivate(): Thenable<void> | undefined {
  return stopClient();
}
