'use strict';

// The packaging script's arguments. Building the .vsix files themselves is
// checked by package_test.go.

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const script = path.join(__dirname, '..', '..', 'scripts', 'package.js');

function packageScript(...args) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
}

test('an unknown target is a usage error that lists the targets', () => {
  const r = packageScript('linux-386');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^package: unknown target "linux-386"\n/);
  assert.match(r.stderr, /universal \| linux-x64 \| linux-arm64 \| darwin-x64 \| darwin-arm64 \| win32-x64 \| all/);
});

test('-ie goes with exactly one platform target', () => {
  for (const args of [['-ie', 'ie', 'linux-x64', 'darwin-arm64'], ['-ie', 'ie', 'universal'], ['-ie', 'ie']]) {
    const r = packageScript(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /-ie goes with exactly one platform target/);
  }
});

test('a flag without its value is a usage error', () => {
  assert.match(packageScript('-out').stderr, /-out needs a directory/);
  assert.match(packageScript('linux-x64', '-ie').stderr, /-ie needs a file/);
});
