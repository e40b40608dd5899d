'use strict';

// A stub of the parts of the vscode module the extension uses. What the
// extension does to it is recorded in state, which tests reset.

const state = {
  /** @type {Record<string, unknown>} settings by full name, such as "ie.path" */
  config: {},
  /** @type {{message: string, items: string[]}[]} */
  errors: [],
  /** the answer the next error message gets, as if clicked */
  answer: undefined,
  /** @type {unknown[]} */
  opened: [],
  /** @type {{doc: unknown, options: unknown}[]} */
  shown: [],
  /** @type {{uri: Uri}[]} */
  textDocuments: [],
  /** @type {Map<string, Function>} */
  commands: new Map(),
  /** @type {unknown[][]} */
  executed: [],
  /** @type {string[]} */
  clipboard: [],
  /** @type {string[]} */
  output: [],
  workspaceFolders: undefined,
  activeUri: undefined,
};

function reset() {
  state.config = {};
  state.errors = [];
  state.answer = undefined;
  state.opened = [];
  state.shown = [];
  state.textDocuments = [];
  state.commands = new Map();
  state.executed = [];
  state.clipboard = [];
  state.output = [];
  state.workspaceFolders = undefined;
  state.activeUri = undefined;
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    this.scheme = scheme;
    this.authority = authority;
    this.path = path;
    this.query = query;
    this.fragment = fragment;
  }

  static from({ scheme, authority = '', path = '', query = '', fragment = '' }) {
    return new Uri(scheme, authority, path, query, fragment);
  }

  static file(p) {
    return new Uri('file', '', p, '', '');
  }

  static parse(s) {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s);
    if (!m) {
      throw new Error(`stub: cannot parse URI ${s}`);
    }
    const d = (x) => decodeURIComponent(x ?? '');
    return new Uri(m[1], d(m[2]), d(m[3]), d(m[4]), d(m[5]));
  }

  get fsPath() {
    return this.path;
  }

  toString() {
    let s = `${this.scheme}:`;
    if (this.authority !== '' || this.scheme === 'file') {
      s += `//${encodeURIComponent(this.authority)}`;
    }
    s += this.path.split('/').map(encodeURIComponent).join('/');
    if (this.query !== '') {
      s += `?${encodeURIComponent(this.query)}`;
    }
    if (this.fragment !== '') {
      s += `#${encodeURIComponent(this.fragment)}`;
    }
    return s;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (listener) => {
      this.listeners.push(listener);
      return { dispose: () => {} };
    };
  }

  fire(value) {
    for (const l of this.listeners) {
      l(value);
    }
  }

  dispose() {
    this.listeners = [];
  }
}

const disposable = { dispose() {} };

module.exports = {
  state,
  reset,
  Uri,
  EventEmitter,
  ViewColumn: { Active: -1, Beside: -2 },
  workspace: {
    getConfiguration(section) {
      return {
        get(key, defaultValue) {
          const v = state.config[`${section}.${key}`];
          return v === undefined ? defaultValue : v;
        },
      };
    },
    get textDocuments() {
      return state.textDocuments;
    },
    get workspaceFolders() {
      return state.workspaceFolders;
    },
    async openTextDocument(uri) {
      state.opened.push(uri);
      return { uri };
    },
    registerTextDocumentContentProvider: () => disposable,
    onDidChangeConfiguration: () => disposable,
    onDidChangeTextDocument: () => disposable,
  },
  window: {
    createOutputChannel(name) {
      return {
        name,
        appendLine: (line) => state.output.push(line),
        show() {},
        dispose() {},
      };
    },
    showErrorMessage(message, ...items) {
      state.errors.push({ message, items });
      return Promise.resolve(state.answer);
    },
    async showTextDocument(doc, options) {
      state.shown.push({ doc, options });
    },
    get activeTextEditor() {
      return state.activeUri ? { document: { uri: state.activeUri } } : undefined;
    },
  },
  commands: {
    registerCommand(name, fn) {
      if (state.commands.has(name)) {
        throw new Error(`stub: command ${name} registered twice`);
      }
      state.commands.set(name, fn);
      return disposable;
    },
    async executeCommand(...args) {
      state.executed.push(args);
    },
  },
  env: {
    clipboard: {
      async writeText(text) {
        state.clipboard.push(text);
      },
    },
  },
};
