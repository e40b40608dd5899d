// Package lint checks manifests against the rule catalogue: one rule per
// file (rule_*.go), all listed in rules.go. A rule reads the parsed tree and
// the schema and reports findings through a Pass, each with its remedies:
// structured data for tools and fixes as text edits. lint applies the
// configuration (.ie.yaml) and suppression comments, masks secrets where
// they stand (secrets.go finds them, redact.go masks them and drops the
// fixes that would edit or write one), and writes reports as text, JSON,
// SARIF or GitHub workflow commands.
package lint
