// Compile the engine while the page's script loads; src/main.js runs it.
globalThis.iekitWasm = WebAssembly.compileStreaming(fetch('iekit.wasm'));
globalThis.iekitWasm.catch(() => {}); // the page's script handles a failure
