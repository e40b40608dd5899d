'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { RequestPreview, scheme, refreshDelay } = require('../../src/preview');

test.beforeEach(() => vscode.reset());

const manifest = vscode.Uri.parse('file:///home/u/jobs/photo%20job.manifest');

/** fetcher answers with the bodies (or errors) given, in order, and records what it was asked. */
function fetcher(...answers) {
  const asked = [];
  const fetch = async (uri) => {
    asked.push(uri.toString());
    const a = answers.length > 1 ? answers.shift() : answers[0];
    if (a instanceof Error) {
      throw a;
    }
    return a;
  };
  return { fetch, asked };
}

test('a preview is named after its manifest and carries its URI', () => {
  const p = new RequestPreview(vscode, fetcher('').fetch);
  const uri = p.uriFor(manifest);
  assert.equal(uri.scheme, scheme);
  assert.equal(uri.path, '/photo job.manifest (CreateJob request)');
  assert.equal(vscode.Uri.parse(uri.query).toString(), manifest.toString());
});

test('open shows the body beside the manifest, read-only, keeping the focus', async () => {
  const f = fetcher('Action=CreateJob&JobType=Import&Manifest=x');
  const p = new RequestPreview(vscode, f.fetch);
  await p.open(manifest.toString()); // the code lens passes the URI as a string
  assert.deepEqual(f.asked, [manifest.toString()]);
  assert.equal(vscode.state.shown.length, 1);
  const { doc, options } = vscode.state.shown[0];
  assert.equal(doc.uri.scheme, scheme);
  assert.deepEqual(options, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  // VS Code then asks for the text: the body fetched by open, once.
  assert.equal(await p.provideTextDocumentContent(doc.uri), 'Action=CreateJob&JobType=Import&Manifest=x\n');
  assert.deepEqual(f.asked, [manifest.toString()]);
  assert.equal(await p.provideTextDocumentContent(doc.uri), 'Action=CreateJob&JobType=Import&Manifest=x\n');
  assert.deepEqual(f.asked, [manifest.toString(), manifest.toString()]);
  assert.deepEqual(vscode.state.errors, []);
});

test('a manifest the server cannot encode gets an error message and no preview', async () => {
  const p = new RequestPreview(vscode, fetcher(new Error('cannot preview the request: the manifest has syntax errors (1:7: missing ":")')).fetch);
  await p.open(manifest);
  assert.deepEqual(vscode.state.shown, []);
  assert.deepEqual(vscode.state.errors.map((e) => e.message), ['cannot preview the request: the manifest has syntax errors (1:7: missing ":")']);
});

test('an open preview of a manifest that breaks shows why', async () => {
  const p = new RequestPreview(vscode, fetcher(new Error('cannot preview the request: no job kind')).fetch);
  assert.equal(await p.provideTextDocumentContent(p.uriFor(manifest)), 'cannot preview the request: no job kind\n');
});

test('open without a manifest says so', async () => {
  const p = new RequestPreview(vscode, fetcher('').fetch);
  await p.open(undefined);
  assert.deepEqual(vscode.state.errors.map((e) => e.message), ['open a manifest to preview its CreateJob request']);
});

test('edits refresh an open preview once they pause, and nothing else', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = new RequestPreview(vscode, fetcher('').fetch);
  const fired = [];
  p.onDidChange((uri) => fired.push(uri.toString()));
  const preview = p.uriFor(manifest);

  p.changed(manifest); // no preview open
  t.mock.timers.tick(refreshDelay);
  assert.deepEqual(fired, []);

  vscode.state.textDocuments = [{ uri: manifest }, { uri: preview }];
  p.changed(manifest);
  t.mock.timers.tick(refreshDelay - 1);
  p.changed(manifest);
  t.mock.timers.tick(refreshDelay - 1);
  assert.deepEqual(fired, []);
  t.mock.timers.tick(1);
  assert.deepEqual(fired, [preview.toString()]);

  p.changed(preview); // the preview itself changing is no edit
  t.mock.timers.tick(refreshDelay);
  assert.deepEqual(fired, [preview.toString()]);
  p.dispose();
});
