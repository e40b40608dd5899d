'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serverArgs, resolveServer, findOnPath, installCommand, NotFoundError } = require('../../src/server');

/** executables returns an isExecutable that knows only files. */
function executables(...files) {
  const set = new Set(files);
  return (file) => set.has(file);
}

test('serverArgs starts the language server, with -log only when a log file is set', () => {
  assert.deepEqual(serverArgs({}), ['lsp']);
  assert.deepEqual(serverArgs({ logFile: '' }), ['lsp']);
  assert.deepEqual(serverArgs({ logFile: '/tmp/ie lsp.log' }), ['lsp', '-log', '/tmp/ie lsp.log']);
});

const linux = { platform: 'linux', extensionPath: '/ext', env: { PATH: '/usr/local/bin:/home/u/go/bin:/usr/bin' } };

test('the ie.path setting wins over the bundled ie and PATH', () => {
  const e = { ...linux, isExecutable: executables('/opt/ie', '/ext/bin/ie', '/usr/bin/ie') };
  assert.deepEqual(resolveServer('/opt/ie', e), { command: '/opt/ie', source: 'setting' });
});

test('a relative ie.path is taken from the first workspace folder', () => {
  const e = { ...linux, workspaceFolder: '/work/repo', isExecutable: executables('/work/repo/tools/ie') };
  assert.deepEqual(resolveServer(' tools/ie ', e), { command: '/work/repo/tools/ie', source: 'setting' });
  assert.throws(() => resolveServer('tools/ie', { ...e, workspaceFolder: undefined }), (err) => {
    assert.ok(err instanceof NotFoundError);
    assert.match(err.message, /relative path "tools\/ie".*make it absolute/);
    return true;
  });
});

test('a wrong ie.path is an error naming it, not a silent fall back', () => {
  const e = { ...linux, isExecutable: executables('/ext/bin/ie', '/usr/bin/ie') };
  assert.throws(() => resolveServer('/opt/missing/ie', e), (err) => {
    assert.ok(err instanceof NotFoundError);
    assert.match(err.message, /^ie\.path is "\/opt\/missing\/ie", but \/opt\/missing\/ie is not an executable file/);
    return true;
  });
});

test('without the setting, the bundled ie comes before PATH', () => {
  const e = { ...linux, isExecutable: executables('/ext/bin/ie', '/usr/bin/ie') };
  assert.deepEqual(resolveServer('', e), { command: '/ext/bin/ie', source: 'bundled' });
});

test('without setting or bundle, the first ie on PATH', () => {
  const e = { ...linux, isExecutable: executables('/home/u/go/bin/ie', '/usr/bin/ie') };
  assert.deepEqual(resolveServer('', e), { command: '/home/u/go/bin/ie', source: 'PATH' });
});

test('no ie anywhere: the message gives the install command and the setting', () => {
  const e = { ...linux, isExecutable: executables() };
  assert.throws(() => resolveServer('', e), (err) => {
    assert.ok(err instanceof NotFoundError);
    assert.ok(err.message.includes(`install it with "${installCommand}"`), err.message);
    assert.match(err.message, /set ie\.path/);
    return true;
  });
  assert.equal(installCommand, 'go install github.com/iekit/iekit/cmd/ie@latest');
});

test('on Windows: ie.exe in the bundle, Path in any case, PATHEXT, quoted directories', () => {
  const win = { platform: 'win32', extensionPath: 'C:\\ext', env: { Path: 'C:\\Windows;"C:\\Go Tools\\bin";C:\\Users\\u\\go\\bin', PATHEXT: '.COM;.EXE;.BAT' } };
  assert.deepEqual(resolveServer('', { ...win, isExecutable: executables('C:\\ext\\bin\\ie.exe') }), { command: 'C:\\ext\\bin\\ie.exe', source: 'bundled' });
  assert.deepEqual(resolveServer('', { ...win, isExecutable: executables('C:\\Go Tools\\bin\\ie.exe', 'C:\\Users\\u\\go\\bin\\ie.exe') }), { command: 'C:\\Go Tools\\bin\\ie.exe', source: 'PATH' });
  assert.deepEqual(resolveServer('D:\\ie.exe', { ...win, isExecutable: executables('D:\\ie.exe') }), { command: 'D:\\ie.exe', source: 'setting' });
  assert.equal(findOnPath('ie.exe', 'win32', win.env, executables('C:\\Windows\\ie.exe.exe', 'C:\\Windows\\ie.exe')), 'C:\\Windows\\ie.exe');
});

test('an empty PATH finds nothing, and empty entries are not the current directory', () => {
  assert.equal(findOnPath('ie', 'linux', {}, () => true), undefined);
  assert.equal(findOnPath('ie', 'linux', { PATH: '::' }, () => true), undefined);
});

test('the real check wants an executable regular file', { skip: process.platform === 'win32' && 'execute bits are a POSIX notion' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ie-vscode-'));
  try {
    const plain = path.join(dir, 'plain');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'ie'), '#!/bin/sh\n', { mode: 0o755 });
    fs.mkdirSync(plain);
    fs.writeFileSync(path.join(plain, 'ie'), 'not a program\n', { mode: 0o644 });
    fs.mkdirSync(path.join(dir, 'dir', 'ie'), { recursive: true });
    const env = { PATH: [plain, path.join(dir, 'dir'), bin].join(path.delimiter) };
    assert.deepEqual(resolveServer('', { platform: process.platform, env, extensionPath: path.join(dir, 'ext') }), { command: path.join(bin, 'ie'), source: 'PATH' });
    assert.throws(() => resolveServer(path.join(plain, 'ie'), { platform: process.platform, env, extensionPath: path.join(dir, 'ext') }), NotFoundError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
