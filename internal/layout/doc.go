// Package layout holds no code: its tests keep the module's house rules,
// the ones a compiler cannot see. Imports point one way, cmd ->
// internal/cli -> lsp -> {lint, format, request} -> schema -> parser, with
// the one sideways edge request -> format; participle stays inside parser;
// the language server reads no finding's message text, only its rule,
// span, data and fixes.
package layout
