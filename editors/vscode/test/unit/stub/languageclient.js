'use strict';

// A stub of vscode-languageclient/node: LanguageClient records how it was
// made and what it was asked, and answers executeCommand with
// LanguageClient.answer.

/** @type {LanguageClient[]} */
const clients = [];

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.id = id;
    this.name = name;
    this.serverOptions = serverOptions;
    this.clientOptions = clientOptions;
    this.running = false;
    this.stopped = false;
    this.requests = [];
    this.code2ProtocolConverter = { asUri: (uri) => uri.toString() };
    clients.push(this);
  }

  async start() {
    if (LanguageClient.startError) {
      throw LanguageClient.startError;
    }
    this.running = true;
  }

  async stop() {
    this.running = false;
    this.stopped = true;
  }

  isRunning() {
    return this.running;
  }

  async sendRequest(type, params) {
    this.requests.push({ type, params });
    if (LanguageClient.answer instanceof Error) {
      throw LanguageClient.answer;
    }
    return LanguageClient.answer;
  }
}

/** @type {unknown} */
LanguageClient.answer = undefined;
/** @type {Error | undefined} */
LanguageClient.startError = undefined;

module.exports = {
  clients,
  LanguageClient,
  ExecuteCommandRequest: { type: { method: 'workspace/executeCommand' } },
};
