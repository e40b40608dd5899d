// @ts-check
'use strict';

// This file reads the extension's settings.

const os = require('node:os');
const path = require('node:path');

/**
 * @typedef {object} Settings
 * @property {string} path - ie.path: the ie program, or empty to search for it
 * @property {string} logFile - ie.logFile: where the server logs, or empty for the output channel
 */

/** serverSettings are the settings the running server depends on. */
const serverSettings = ['ie.path', 'ie.logFile'];

/**
 * readSettings returns the extension's settings, trimmed, with a leading ~
 * expanded to the home directory.
 *
 * @param {typeof import('vscode')} vscode
 * @returns {Settings}
 */
function readSettings(vscode) {
  const c = vscode.workspace.getConfiguration('ie');
  return {
    path: expandHome(String(c.get('path', '') ?? '').trim()),
    logFile: expandHome(String(c.get('logFile', '') ?? '').trim()),
  };
}

/**
 * affectsServer reports whether a change of configuration changes how the
 * server is started, so that it must be restarted.
 *
 * @param {{affectsConfiguration(section: string): boolean}} event
 * @returns {boolean}
 */
function affectsServer(event) {
  return serverSettings.some((s) => event.affectsConfiguration(s));
}

/**
 * expandHome replaces a leading "~" of file with the home directory.
 *
 * @param {string} file
 * @returns {string}
 */
function expandHome(file) {
  if (file === '~' || file.startsWith('~/') || file.startsWith('~\\')) {
    return path.join(os.homedir(), file.slice(1));
  }
  return file;
}

module.exports = { readSettings, affectsServer };
