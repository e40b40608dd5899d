// Package format prints manifests in the one canonical style of spec §6,
// like go/format: LF line endings, no BOM, "key: value" with one blank
// after the colon, blocks indented 4 columns under their key and lists 2,
// comments re-indented to the entry that follows them, runs of blank
// lines folded into one. Keys, values and comments are kept byte for byte,
// in their order. There is nothing to configure, and text with syntax
// errors is never formatted.
package format
