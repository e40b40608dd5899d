package lsp

import "go.lsp.dev/protocol"

// fixAllKind is the code action kind that applies every safe fix.
const fixAllKind protocol.CodeActionKind = "source.fixAll.ie"

// previewRequestCommand returns the encoded CreateJob body of a document.
const previewRequestCommand = "ie.previewRequest"
