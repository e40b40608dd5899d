'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { readSettings, affectsServer } = require('../../src/settings');

test.beforeEach(() => vscode.reset());

test('readSettings has empty defaults', () => {
  assert.deepEqual(readSettings(vscode), { path: '', logFile: '' });
});

test('readSettings trims, and expands ~ to the home directory', () => {
  vscode.state.config['ie.path'] = '  ~/go/bin/ie ';
  vscode.state.config['ie.logFile'] = '~';
  assert.deepEqual(readSettings(vscode), { path: path.join(os.homedir(), 'go/bin/ie'), logFile: os.homedir() });
  vscode.state.config['ie.path'] = '/opt/~ie';
  vscode.state.config['ie.logFile'] = 'logs/ie.log';
  assert.deepEqual(readSettings(vscode), { path: '/opt/~ie', logFile: 'logs/ie.log' });
});

test('readSettings survives a null setting', () => {
  vscode.state.config['ie.path'] = null;
  assert.equal(readSettings(vscode).path, '');
});

test('affectsServer: ie.path and ie.logFile restart the server, tracing does not', () => {
  const changed = (...sections) => ({ affectsConfiguration: (s) => sections.includes(s) });
  assert.equal(affectsServer(changed('ie.path')), true);
  assert.equal(affectsServer(changed('ie.logFile')), true);
  assert.equal(affectsServer(changed('ie.trace.server')), false);
  assert.equal(affectsServer(changed('editor.tabSize')), false);
});
