'use strict';

// setup makes require('vscode') and require('vscode-languageclient/node')
// load the stubs beside this file, so that the extension's modules run on
// node alone. It is loaded with node --require before the tests.

const Module = require('node:module');
const path = require('node:path');

const stubs = {
  vscode: path.join(__dirname, 'stub', 'vscode.js'),
  'vscode-languageclient/node': path.join(__dirname, 'stub', 'languageclient.js'),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return stubs[request] ?? resolve.call(this, request, ...rest);
};
