// Package parser reads AWS Import/Export manifests into a tree.
//
// A manifest is an indented "key: value" file, close to YAML but not YAML:
// "key:value" needs no space, a "#" after a value is part of the value, and
// every value is text, never retyped. Parse never stops at the first error:
// it always returns a tree, partial where lines are broken, and every
// syntax problem with its exact span. The lexer (lexer.go) turns each
// physical line into tokens, a participle grammar (grammar.go) parses each
// line, and a single pass over the lines (build.go) rebuilds the nesting
// from indentation and attaches comments to the entries that follow them.
//
// Positions are byte offsets, with 1-based lines and byte columns for
// people. Diagnostic is the one finding type every part of iekit reports
// with.
package parser
