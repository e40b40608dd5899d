#!/usr/bin/env node
// @ts-check
'use strict';

// package builds the extension's .vsix files: the universal one, which
// finds ie through its setting or PATH, and one per platform carrying
// that platform's ie, cross-compiled from this checkout.
//
// usage: node scripts/package.js [-out DIR] [-ie FILE] [universal | TARGET | all]...
//
// With no argument it builds the universal .vsix and every target's.
// -ie FILE puts FILE in the platform .vsix instead of building ie (with
// one target only, whose platform FILE must be built for).

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * targets maps VS Code's platform targets to Go's GOOS and GOARCH.
 *
 * @type {Record<string, {goos: string, goarch: string}>}
 */
const targets = {
  'linux-x64': { goos: 'linux', goarch: 'amd64' },
  'linux-arm64': { goos: 'linux', goarch: 'arm64' },
  'darwin-x64': { goos: 'darwin', goarch: 'amd64' },
  'darwin-arm64': { goos: 'darwin', goarch: 'arm64' },
  'win32-x64': { goos: 'windows', goarch: 'amd64' },
};

const root = path.join(__dirname, '..');
const repo = path.join(root, '..', '..');
const bin = path.join(root, 'bin');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function main() {
  const args = process.argv.slice(2);
  let out = path.join(root, 'out');
  let ie = '';
  /** @type {string[]} */
  let wanted = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-out' || args[i] === '--out') {
      if (i + 1 === args.length) {
        return usage('-out needs a directory');
      }
      out = path.resolve(args[++i]);
    } else if (args[i] === '-ie' || args[i] === '--ie') {
      if (i + 1 === args.length) {
        return usage('-ie needs a file');
      }
      ie = path.resolve(args[++i]);
    } else if (args[i] === 'all') {
      wanted.push('universal', ...Object.keys(targets));
    } else if (args[i] === 'universal' || args[i] in targets) {
      wanted.push(args[i]);
    } else {
      return usage(`unknown target "${args[i]}"`);
    }
  }
  if (wanted.length === 0) {
    wanted = ['universal', ...Object.keys(targets)];
  }
  const platforms = new Set(wanted.filter((t) => t !== 'universal'));
  if (ie !== '' && platforms.size !== 1) {
    return usage('-ie goes with exactly one platform target');
  }
  fs.mkdirSync(out, { recursive: true });
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const target of new Set(wanted)) {
    fs.rmSync(bin, { recursive: true, force: true });
    const vsceArgs = ['package', '--no-dependencies', '--skip-license'];
    let file = `${name}-${version}.vsix`;
    if (target !== 'universal') {
      if (ie !== '') {
        copyIe(target, ie);
      } else {
        buildIe(target);
      }
      vsceArgs.push('--target', target);
      file = `${name}-${target}-${version}.vsix`;
    }
    vsceArgs.push('--out', path.join(out, file));
    try {
      execFileSync(process.execPath, [vsce, ...vsceArgs], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
    console.log(path.join(out, file));
  }
}

/**
 * buildIe cross-compiles ie for target into bin/, statically (no cgo), so
 * that it runs on any machine of that platform.
 *
 * @param {string} target
 */
function buildIe(target) {
  const { goos, goarch } = targets[target];
  const exe = goos === 'windows' ? 'ie.exe' : 'ie';
  fs.mkdirSync(bin, { recursive: true });
  execFileSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', path.join(bin, exe), './cmd/ie'], {
    cwd: repo,
    env: { ...process.env, GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * copyIe puts the ie program file into bin/ for target.
 *
 * @param {string} target
 * @param {string} file
 */
function copyIe(target, file) {
  fs.mkdirSync(bin, { recursive: true });
  const dest = path.join(bin, targets[target].goos === 'windows' ? 'ie.exe' : 'ie');
  fs.copyFileSync(file, dest);
  fs.chmodSync(dest, 0o755);
}

/** @param {string} msg */
function usage(msg) {
  console.error(`package: ${msg}`);
  console.error(`usage: node scripts/package.js [-out DIR] [-ie FILE] [universal | ${Object.keys(targets).join(' | ')} | all]...`);
  process.exitCode = 2;
}

main();
