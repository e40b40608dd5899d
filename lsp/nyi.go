package lsp

import (
	"context"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// nyi answers every method of protocol.Server with "method not found",
// so that server, which embeds it and overrides what it supports, is a
// protocol.Server without embedding a nil interface. Requests reach the
// server through routes (route.go), which lists what it serves and
// answers every other method with "method not found" itself.
type nyi struct{}

var _ protocol.Server = nyi{}

var errNYI = jsonrpc2.ErrMethodNotFound

func (nyi) Initialize(_ context.Context, _ *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	return nil, errNYI
}

func (nyi) Initialized(_ context.Context, _ *protocol.InitializedParams) error { return errNYI }

func (nyi) Shutdown(_ context.Context) error { return errNYI }

func (nyi) Exit(_ context.Context) error { return errNYI }

func (nyi) WorkDoneProgressCancel(_ context.Context, _ *protocol.WorkDoneProgressCancelParams) error {
	return errNYI
}

func (nyi) LogTrace(_ context.Context, _ *protocol.LogTraceParams) error { return errNYI }

func (nyi) SetTrace(_ context.Context, _ *protocol.SetTraceParams) error { return errNYI }

func (nyi) CodeAction(_ context.Context, _ *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	return nil, errNYI
}

func (nyi) CodeLens(_ context.Context, _ *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	return nil, errNYI
}

func (nyi) CodeLensResolve(_ context.Context, _ *protocol.CodeLens) (*protocol.CodeLens, error) {
	return nil, errNYI
}

func (nyi) ColorPresentation(_ context.Context, _ *protocol.ColorPresentationParams) ([]protocol.ColorPresentation, error) {
	return nil, errNYI
}

func (nyi) Completion(_ context.Context, _ *protocol.CompletionParams) (*protocol.CompletionList, error) {
	return nil, errNYI
}

func (nyi) CompletionResolve(_ context.Context, _ *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	return nil, errNYI
}

func (nyi) Declaration(_ context.Context, _ *protocol.DeclarationParams) ([]protocol.Location, error) {
	return nil, errNYI
}

func (nyi) Definition(_ context.Context, _ *protocol.DefinitionParams) ([]protocol.Location, error) {
	return nil, errNYI
}

func (nyi) DidChange(_ context.Context, _ *protocol.DidChangeTextDocumentParams) error { return errNYI }

func (nyi) DidChangeConfiguration(_ context.Context, _ *protocol.DidChangeConfigurationParams) error {
	return errNYI
}

func (nyi) DidChangeWatchedFiles(_ context.Context, _ *protocol.DidChangeWatchedFilesParams) error {
	return errNYI
}

func (nyi) DidChangeWorkspaceFolders(_ context.Context, _ *protocol.DidChangeWorkspaceFoldersParams) error {
	return errNYI
}

func (nyi) DidClose(_ context.Context, _ *protocol.DidCloseTextDocumentParams) error { return errNYI }

func (nyi) DidOpen(_ context.Context, _ *protocol.DidOpenTextDocumentParams) error { return errNYI }

func (nyi) DidSave(_ context.Context, _ *protocol.DidSaveTextDocumentParams) error { return errNYI }

func (nyi) DocumentColor(_ context.Context, _ *protocol.DocumentColorParams) ([]protocol.ColorInformation, error) {
	return nil, errNYI
}

func (nyi) DocumentHighlight(_ context.Context, _ *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	return nil, errNYI
}

func (nyi) DocumentLink(_ context.Context, _ *protocol.DocumentLinkParams) ([]protocol.DocumentLink, error) {
	return nil, errNYI
}

func (nyi) DocumentLinkResolve(_ context.Context, _ *protocol.DocumentLink) (*protocol.DocumentLink, error) {
	return nil, errNYI
}

func (nyi) DocumentSymbol(_ context.Context, _ *protocol.DocumentSymbolParams) ([]interface{}, error) {
	return nil, errNYI
}

func (nyi) ExecuteCommand(_ context.Context, _ *protocol.ExecuteCommandParams) (interface{}, error) {
	return nil, errNYI
}

func (nyi) FoldingRanges(_ context.Context, _ *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	return nil, errNYI
}

func (nyi) Formatting(_ context.Context, _ *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	return nil, errNYI
}

func (nyi) Hover(_ context.Context, _ *protocol.HoverParams) (*protocol.Hover, error) {
	return nil, errNYI
}

func (nyi) Implementation(_ context.Context, _ *protocol.ImplementationParams) ([]protocol.Location, error) {
	return nil, errNYI
}

func (nyi) OnTypeFormatting(_ context.Context, _ *protocol.DocumentOnTypeFormattingParams) ([]protocol.TextEdit, error) {
	return nil, errNYI
}

func (nyi) PrepareRename(_ context.Context, _ *protocol.PrepareRenameParams) (*protocol.Range, error) {
	return nil, errNYI
}

func (nyi) RangeFormatting(_ context.Context, _ *protocol.DocumentRangeFormattingParams) ([]protocol.TextEdit, error) {
	return nil, errNYI
}

func (nyi) References(_ context.Context, _ *protocol.ReferenceParams) ([]protocol.Location, error) {
	return nil, errNYI
}

func (nyi) Rename(_ context.Context, _ *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	return nil, errNYI
}

func (nyi) SignatureHelp(_ context.Context, _ *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	return nil, errNYI
}

func (nyi) Symbols(_ context.Context, _ *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	return nil, errNYI
}

func (nyi) TypeDefinition(_ context.Context, _ *protocol.TypeDefinitionParams) ([]protocol.Location, error) {
	return nil, errNYI
}

func (nyi) WillSave(_ context.Context, _ *protocol.WillSaveTextDocumentParams) error { return errNYI }

func (nyi) WillSaveWaitUntil(_ context.Context, _ *protocol.WillSaveTextDocumentParams) ([]protocol.TextEdit, error) {
	return nil, errNYI
}

func (nyi) ShowDocument(_ context.Context, _ *protocol.ShowDocumentParams) (*protocol.ShowDocumentResult, error) {
	return nil, errNYI
}

func (nyi) WillCreateFiles(_ context.Context, _ *protocol.CreateFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, errNYI
}

func (nyi) DidCreateFiles(_ context.Context, _ *protocol.CreateFilesParams) error { return errNYI }

func (nyi) WillRenameFiles(_ context.Context, _ *protocol.RenameFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, errNYI
}

func (nyi) DidRenameFiles(_ context.Context, _ *protocol.RenameFilesParams) error { return errNYI }

func (nyi) WillDeleteFiles(_ context.Context, _ *protocol.DeleteFilesParams) (*protocol.WorkspaceEdit, error) {
	return nil, errNYI
}

func (nyi) DidDeleteFiles(_ context.Context, _ *protocol.DeleteFilesParams) error { return errNYI }

func (nyi) CodeLensRefresh(_ context.Context) error { return errNYI }

func (nyi) PrepareCallHierarchy(_ context.Context, _ *protocol.CallHierarchyPrepareParams) ([]protocol.CallHierarchyItem, error) {
	return nil, errNYI
}

func (nyi) IncomingCalls(_ context.Context, _ *protocol.CallHierarchyIncomingCallsParams) ([]protocol.CallHierarchyIncomingCall, error) {
	return nil, errNYI
}

func (nyi) OutgoingCalls(_ context.Context, _ *protocol.CallHierarchyOutgoingCallsParams) ([]protocol.CallHierarchyOutgoingCall, error) {
	return nil, errNYI
}

func (nyi) SemanticTokensFull(_ context.Context, _ *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	return nil, errNYI
}

func (nyi) SemanticTokensFullDelta(_ context.Context, _ *protocol.SemanticTokensDeltaParams) (interface{}, error) {
	return nil, errNYI
}

func (nyi) SemanticTokensRange(_ context.Context, _ *protocol.SemanticTokensRangeParams) (*protocol.SemanticTokens, error) {
	return nil, errNYI
}

func (nyi) SemanticTokensRefresh(_ context.Context) error { return errNYI }

func (nyi) LinkedEditingRange(_ context.Context, _ *protocol.LinkedEditingRangeParams) (*protocol.LinkedEditingRanges, error) {
	return nil, errNYI
}

func (nyi) Moniker(_ context.Context, _ *protocol.MonikerParams) ([]protocol.Moniker, error) {
	return nil, errNYI
}

func (nyi) Request(_ context.Context, _ string, _ interface{}) (interface{}, error) {
	return nil, errNYI
}
