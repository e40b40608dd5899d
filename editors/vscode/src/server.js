// @ts-check
'use strict';

// This file finds the ie program that serves the language server and
// builds its arguments. It uses no VS Code API, so that its tests run on
// node alone.

const path = require('node:path');
const fs = require('node:fs');

/** installCommand installs ie with Go. */
const installCommand = 'go install github.com/iekit/iekit/cmd/ie@latest';

/**
 * serverArgs returns the arguments of `ie` that start the language server,
 * logging to logFile when it is set, to standard error otherwise (which the
 * client shows in its output channel).
 *
 * @param {{logFile?: string}} settings
 * @returns {string[]}
 */
function serverArgs(settings) {
  const args = ['lsp'];
  if (settings.logFile) {
    args.push('-log', settings.logFile);
  }
  return args;
}

/**
 * @typedef {object} Environment
 * @property {string} platform - process.platform
 * @property {Record<string, string | undefined>} env - the environment
 * @property {string} extensionPath - the extension's folder
 * @property {string} [workspaceFolder] - the first workspace folder's path
 * @property {(file: string) => boolean} [isExecutable]
 */

/**
 * @typedef {object} Server
 * @property {string} command - the program to run
 * @property {'setting' | 'bundled' | 'PATH'} source - where it was found
 */

/** NotFoundError says that no ie program could be found, and what to do. */
class NotFoundError extends Error {}

/**
 * resolveServer finds the ie program: the one the ie.path setting names;
 * otherwise the one bundled in the extension's bin folder (in the .vsix
 * built for this platform); otherwise ie on PATH.
 *
 * @param {string} configured - the ie.path setting, possibly empty, with ~ expanded
 * @param {Environment} e
 * @returns {Server}
 */
function resolveServer(configured, e) {
  const p = e.platform === 'win32' ? path.win32 : path.posix;
  const isExecutable = e.isExecutable ?? defaultIsExecutable(e.platform);
  const exe = e.platform === 'win32' ? 'ie.exe' : 'ie';
  configured = configured.trim();
  if (configured !== '') {
    let file = configured;
    if (!p.isAbsolute(file)) {
      if (!e.workspaceFolder) {
        throw new NotFoundError(`ie.path is the relative path "${configured}", but no folder is open to resolve it against: make it absolute`);
      }
      file = p.join(e.workspaceFolder, file);
    }
    if (!isExecutable(file)) {
      throw new NotFoundError(`ie.path is "${configured}", but ${file} is not an executable file: fix the setting, or clear it to use ie from PATH`);
    }
    return { command: file, source: 'setting' };
  }
  const bundled = p.join(e.extensionPath, 'bin', exe);
  if (isExecutable(bundled)) {
    return { command: bundled, source: 'bundled' };
  }
  const found = findOnPath(exe, e.platform, e.env, isExecutable);
  if (found) {
    return { command: found, source: 'PATH' };
  }
  throw new NotFoundError(`cannot find the ie program: install it with "${installCommand}" (it goes to $(go env GOPATH)/bin, which must be on PATH), or set ie.path`);
}

/**
 * findOnPath returns the first directory of PATH that holds name, as an
 * executable file, or undefined. On Windows, PATHEXT's extensions are
 * tried when name has none.
 *
 * @param {string} name
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 * @param {(file: string) => boolean} isExecutable
 * @returns {string | undefined}
 */
function findOnPath(name, platform, env, isExecutable) {
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  // Windows keeps the variable as Path; its names are case-insensitive.
  const key = win ? Object.keys(env).find((k) => k.toUpperCase() === 'PATH') : 'PATH';
  const dirs = ((key && env[key]) || '').split(p.delimiter).filter((d) => d !== '');
  let names = [name];
  if (win && p.extname(name) === '') {
    const exts = (env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter((x) => x !== '');
    names = exts.map((x) => name + x.toLowerCase());
  }
  for (let dir of dirs) {
    if (win) {
      dir = dir.replace(/^"(.*)"$/, '$1');
    }
    for (const n of names) {
      const file = p.join(dir, n);
      if (isExecutable(file)) {
        return file;
      }
    }
  }
  return undefined;
}

/**
 * defaultIsExecutable returns the check the platform needs: a regular file
 * on Windows, a regular file the user may execute elsewhere.
 *
 * @param {string} platform
 * @returns {(file: string) => boolean}
 */
function defaultIsExecutable(platform) {
  return (file) => {
    try {
      if (!fs.statSync(file).isFile()) {
        return false;
      }
      if (platform !== 'win32') {
        fs.accessSync(file, fs.constants.X_OK);
      }
      return true;
    } catch {
      return false;
    }
  };
}

module.exports = { installCommand, serverArgs, resolveServer, findOnPath, NotFoundError };
