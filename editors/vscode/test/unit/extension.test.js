'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const lc = require('vscode-languageclient/node');
const extension = require('../../src/extension');
const pkg = require('../../package.json');

let dir;
let fakeIe;

test.before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ie-vscode-ext-'));
  fakeIe = path.join(dir, process.platform === 'win32' ? 'ie.exe' : 'ie');
  fs.writeFileSync(fakeIe, '', { mode: 0o755 });
});
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test.beforeEach(async () => {
  await extension.deactivate();
  vscode.reset();
  lc.clients.length = 0;
  lc.LanguageClient.answer = undefined;
  lc.LanguageClient.startError = undefined;
});

/** activate runs the extension from an empty folder, with PATH empty. */
async function activate() {
  const saved = process.env.PATH;
  process.env.PATH = '';
  try {
    await extension.activate({ extensionPath: path.join(dir, 'ext'), subscriptions: [] });
  } finally {
    process.env.PATH = saved;
  }
}

test('the commands registered are the ones package.json contributes', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  await activate();
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual([...vscode.state.commands.keys()].sort(), contributed);
});

test('the server is ie lsp, on manifests, logging to the output channel or to ie.logFile', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  await activate();
  assert.equal(lc.clients.length, 1);
  const c = lc.clients[0];
  assert.equal(c.id, 'ie'); // the trace setting is ie.trace.server
  assert.ok(pkg.contributes.configuration.properties['ie.trace.server']);
  assert.deepEqual(c.serverOptions.run, { command: fakeIe, args: ['lsp'] });
  assert.deepEqual(c.clientOptions.documentSelector.map((s) => s.language), ['ie-manifest', 'ie-manifest']);
  assert.equal(c.clientOptions.outputChannel.name, 'Import/Export Manifest');
  assert.ok(c.running);
  assert.match(vscode.state.output.join('\n'), /starting .* lsp \(found through the ie\.path setting\)/);

  vscode.state.config['ie.logFile'] = '/var/log/ie.log';
  await vscode.state.commands.get('ie.restartServer')();
  assert.ok(c.stopped);
  assert.equal(lc.clients.length, 2);
  assert.deepEqual(lc.clients[1].serverOptions.run.args, ['lsp', '-log', '/var/log/ie.log']);
});

test('restarts in quick succession leave one server running', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  await activate();
  const restart = vscode.state.commands.get('ie.restartServer');
  await Promise.all([restart(), restart(), restart()]);
  assert.equal(lc.clients.length, 4);
  assert.deepEqual(lc.clients.map((c) => c.running), [false, false, false, true]);
});

test('no ie: an error with the install command, which one click copies', async () => {
  vscode.state.answer = 'Copy install command';
  await activate();
  assert.equal(lc.clients.length, 0);
  assert.equal(vscode.state.errors.length, 1);
  const { message, items } = vscode.state.errors[0];
  assert.match(message, /go install github\.com\/iekit\/iekit\/cmd\/ie@latest/);
  assert.deepEqual(items, ['Copy install command', 'Open settings']);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(vscode.state.clipboard, ['go install github.com/iekit/iekit/cmd/ie@latest']);
});

test('no ie: the other button opens the setting', async () => {
  vscode.state.answer = 'Open settings';
  await activate();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(vscode.state.executed, [['workbench.action.openSettings', 'ie.path']]);
});

test('a server that does not start is reported, with the output one click away', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  lc.LanguageClient.startError = new Error('spawn EACCES');
  await activate();
  assert.match(vscode.state.errors[0].message, /did not start: spawn EACCES/);
  assert.deepEqual(vscode.state.errors[0].items, ['Show output']);
});

test('the code lens opens the preview, which asks the server for ie.previewRequest', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  await activate();
  const c = lc.clients[0];
  const manifest = vscode.Uri.parse('file:///jobs/a.manifest');
  const lenses = await c.clientOptions.middleware.provideCodeLenses({ uri: manifest }, undefined, async () => [
    { command: { title: 'kind: s3-import · no errors' } },
    { command: { title: 'preview CreateJob request', command: 'ie.previewRequest', arguments: [manifest.toString()] } },
  ]);
  assert.equal(lenses[0].command.command, undefined);
  assert.equal(lenses[1].command.command, 'ie.openRequestPreview');
  assert.ok(pkg.contributes.commands.some((x) => x.command === 'ie.openRequestPreview' && x.title === 'Preview CreateJob Request'));

  lc.LanguageClient.answer = 'Action=CreateJob&JobType=Import';
  await vscode.state.commands.get('ie.openRequestPreview')(...lenses[1].command.arguments);
  assert.deepEqual(c.requests.map((r) => r.params), [{ command: 'ie.previewRequest', arguments: [manifest.toString()] }]);
  assert.equal(vscode.state.shown.length, 1);
});

test('the palette command previews the active editor; a stopped server is an error', async () => {
  vscode.state.config['ie.path'] = fakeIe;
  await activate();
  vscode.state.activeUri = vscode.Uri.parse('file:///jobs/b.manifest');
  lc.LanguageClient.answer = 'Action=CreateJob';
  await vscode.state.commands.get('ie.openRequestPreview')();
  assert.equal(lc.clients[0].requests[0].params.arguments[0], 'file:///jobs/b.manifest');

  await extension.deactivate();
  await vscode.state.commands.get('ie.openRequestPreview')();
  assert.match(vscode.state.errors.at(-1).message, /language server is not running/);
});
