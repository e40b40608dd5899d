// Package lint checks manifests against the rule catalogue: one rule per
// file (rule_*.go), all listed in rules.go. A rule reads the parsed tree and
// the schema and reports findings through a Pass; lint applies the
// configuration (.ie.yaml) and suppression comments, redacts secrets, and
// writes reports as text, JSON, SARIF or GitHub workflow commands.
package lint
