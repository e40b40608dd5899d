// @ts-check
'use strict';

// This file is the extension's entry point: it starts `ie lsp` for
// manifests, and registers the commands.

const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, ExecuteCommandRequest } = require('vscode-languageclient/node');
const { resolveServer, serverArgs, installCommand, NotFoundError } = require('./server');
const { readSettings, affectsServer } = require('./settings');
const { RequestPreview, scheme } = require('./preview');

/** previewRequestCommand is the server's command that builds the request body. */
const previewRequestCommand = 'ie.previewRequest';

/** openPreviewCommand is the extension's command that shows that body. */
const openPreviewCommand = 'ie.openRequestPreview';

/** languageId is the language of manifests. */
const languageId = 'ie-manifest';

/** @type {LanguageClient | undefined} */
let client;

/** @type {vscode.OutputChannel} */
let output;

/** @type {string} */
let extensionPath;

/**
 * activate starts the language server and registers the commands.
 *
 * @param {vscode.ExtensionContext} context
 */
async function activate(context) {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('Import/Export Manifest');
  const preview = new RequestPreview(vscode, fetchRequest);
  context.subscriptions.push(
    output,
    preview,
    vscode.workspace.registerTextDocumentContentProvider(scheme, preview),
    vscode.commands.registerCommand(openPreviewCommand, (uri) => preview.open(uri ?? vscode.window.activeTextEditor?.document.uri)),
    vscode.commands.registerCommand('ie.restartServer', restart),
    vscode.commands.registerCommand('ie.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsServer(e)) {
        restart();
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => preview.changed(e.document.uri)),
  );
  await start();
}

/** deactivate stops the language server. */
function deactivate() {
  return stop();
}

/** start finds ie and starts the language server, or says why it cannot. */
async function start() {
  const settings = readSettings(vscode);
  let server;
  try {
    makeBundledExecutable();
    server = resolveServer(settings.path, {
      platform: process.platform,
      env: process.env,
      extensionPath,
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    });
  } catch (err) {
    if (!(err instanceof NotFoundError)) {
      throw err;
    }
    output.appendLine(err.message);
    notFound(err.message);
    return;
  }
  const args = serverArgs(settings);
  output.appendLine(`starting ${server.command} ${args.join(' ')} (found ${describeSource(server.source)})`);
  if (settings.logFile) {
    output.appendLine(`the server logs to ${settings.logFile}`);
  }
  const executable = { command: server.command, args };
  client = new LanguageClient('ie', 'Import/Export Manifest', { run: executable, debug: executable }, {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
    ],
    outputChannel: output,
    middleware: {
      // The server's code lens runs its own command, which returns the
      // body; the extension's command shows it.
      async provideCodeLenses(document, token, next) {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          if (lens.command?.command === previewRequestCommand) {
            lens.command.command = openPreviewCommand;
          }
        }
        return lenses;
      },
    },
  });
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(`the language server did not start: ${message}`);
    vscode.window.showErrorMessage(`the ie language server did not start: ${message}`, 'Show output').then((choice) => {
      if (choice) {
        output.show(true);
      }
    });
  }
}

/** stop stops the language server, if it runs. */
async function stop() {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (err) {
      output.appendLine(`stopping the language server: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** @type {Promise<void>} the last restart, which the next one waits for */
let restarting = Promise.resolve();

/**
 * restart stops the language server and starts it again with the current
 * settings. Restarts run one after the other, so that quick changes of the
 * settings never leave two servers running.
 */
function restart() {
  restarting = restarting.then(async () => {
    await stop();
    await start();
  });
  return restarting;
}

/**
 * fetchRequest asks the server for the CreateJob request body of a
 * manifest.
 *
 * @param {vscode.Uri} manifest
 * @returns {Promise<string>}
 */
async function fetchRequest(manifest) {
  if (!client || !client.isRunning()) {
    throw new Error('the ie language server is not running: see the output of "Import/Export: Show Language Server Output"');
  }
  const body = await client.sendRequest(ExecuteCommandRequest.type, {
    command: previewRequestCommand,
    arguments: [client.code2ProtocolConverter.asUri(manifest)],
  });
  return String(body ?? '');
}

/**
 * notFound says that ie cannot be found, and offers to copy the command
 * that installs it or to open the setting.
 *
 * @param {string} message
 */
function notFound(message) {
  vscode.window.showErrorMessage(message, 'Copy install command', 'Open settings').then((choice) => {
    if (choice === 'Copy install command') {
      vscode.env.clipboard.writeText(installCommand);
    } else if (choice === 'Open settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'ie.path');
    }
  });
}

/**
 * makeBundledExecutable gives the bundled ie its execute bits, in case
 * unpacking the extension lost them.
 */
function makeBundledExecutable() {
  if (process.platform === 'win32') {
    return;
  }
  const file = path.join(extensionPath, 'bin', 'ie');
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) !== 0o111) {
      fs.chmodSync(file, mode | 0o111);
    }
  } catch {
    // no bundled ie, or a read-only install: resolveServer looks further
  }
}

/** @param {'setting' | 'bundled' | 'PATH'} source */
function describeSource(source) {
  switch (source) {
    case 'setting':
      return 'through the ie.path setting';
    case 'bundled':
      return 'in the extension';
    default:
      return 'on PATH';
  }
}

module.exports = { activate, deactivate };
