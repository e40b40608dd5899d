// @ts-check
'use strict';

// This file shows the CreateJob request of a manifest, as the language
// server's ie.previewRequest command builds it, in a read-only editor.

/** scheme is the scheme of the preview documents' URIs. */
const scheme = 'ie-request';

/** refreshDelay is how long the preview waits after an edit to ask again, in milliseconds. */
const refreshDelay = 300;

/**
 * RequestPreview provides the text of preview documents. A preview's URI
 * carries the manifest's URI as its query; its text is fetched from the
 * server each time VS Code asks for it, and asked for again when the
 * manifest changes.
 */
class RequestPreview {
  /**
   * @param {typeof import('vscode')} vscode
   * @param {(manifest: import('vscode').Uri) => Promise<string>} fetch - the request body of a manifest
   */
  constructor(vscode, fetch) {
    this.vscode = vscode;
    this.fetch = fetch;
    this.emitter = new vscode.EventEmitter();
    this.onDidChange = this.emitter.event;
    /** @type {Map<string, string>} bodies fetched by open, for the first provide */
    this.fetched = new Map();
    /** @type {Map<string, ReturnType<typeof setTimeout>>} */
    this.timers = new Map();
  }

  /**
   * uriFor returns the URI of the preview of a manifest; its tab is named
   * after the manifest.
   *
   * @param {import('vscode').Uri} manifest
   */
  uriFor(manifest) {
    const base = manifest.path.split('/').pop() || 'manifest';
    return this.vscode.Uri.from({ scheme, path: `/${base} (CreateJob request)`, query: manifest.toString() });
  }

  /**
   * provideTextDocumentContent returns the request body of the preview's
   * manifest, or why there is none.
   *
   * @param {import('vscode').Uri} uri
   * @returns {Promise<string>}
   */
  async provideTextDocumentContent(uri) {
    const key = uri.toString();
    const body = this.fetched.get(key);
    if (body !== undefined) {
      this.fetched.delete(key);
      return body;
    }
    try {
      return withNewline(await this.fetch(this.vscode.Uri.parse(uri.query)));
    } catch (err) {
      return withNewline(messageOf(err));
    }
  }

  /**
   * open shows the preview of a manifest beside it, or an error message
   * when the server cannot build the request.
   *
   * @param {import('vscode').Uri | string | undefined} manifest
   */
  async open(manifest) {
    const { vscode } = this;
    if (typeof manifest === 'string') {
      manifest = vscode.Uri.parse(manifest);
    }
    if (!manifest) {
      vscode.window.showErrorMessage('open a manifest to preview its CreateJob request');
      return;
    }
    let body;
    try {
      body = withNewline(await this.fetch(manifest));
    } catch (err) {
      vscode.window.showErrorMessage(messageOf(err));
      return;
    }
    const uri = this.uriFor(manifest);
    this.fetched.set(uri.toString(), body);
    this.emitter.fire(uri); // an open preview shows the new text
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  }

  /**
   * changed refreshes the open preview of a manifest that was edited, once
   * the edits pause.
   *
   * @param {import('vscode').Uri} manifest
   */
  changed(manifest) {
    if (manifest.scheme === scheme) {
      return;
    }
    const uri = this.uriFor(manifest);
    const key = uri.toString();
    if (!this.vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.emitter.fire(uri);
    }, refreshDelay));
  }

  dispose() {
    for (const t of this.timers.values()) {
      clearTimeout(t);
    }
    this.timers.clear();
    this.emitter.dispose();
  }
}

/** @param {string} s */
function withNewline(s) {
  return s.endsWith('\n') ? s : s + '\n';
}

/** @param {unknown} err */
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}

module.exports = { RequestPreview, scheme, refreshDelay };
