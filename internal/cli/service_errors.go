package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/request"
	"github.com/iekit/iekit/schema"
)

// anticipating returns the names of the rules, lint's then the request
// decoder's, that anticipate the service error code.
func anticipating(code string) []string {
	var names []string
	for _, r := range lint.Rules {
		if slices.Contains(r.ServiceErrors, code) {
			names = append(names, r.Name)
		}
	}
	for _, r := range request.Rules {
		if slices.Contains(r.ServiceErrors, code) {
			names = append(names, r.Name)
		}
	}
	return names
}

// serviceErrorHelp explains a service error code for "ie explain": what
// the service means by it, and which rules anticipate it offline or why
// only the service can tell.
func serviceErrorHelp(se *schema.ServiceError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (an error of CreateJob and UpdateJob)\n\n", se.Code)
	fmt.Fprintf(&b, "%s%s.\n\n", strings.ToUpper(se.Meaning[:1]), se.Meaning[1:])
	switch names := anticipating(se.Code); len(names) {
	case 0:
		fmt.Fprintf(&b, "Not checked offline: %s. Only the service can tell.\n", se.Online)
	case 1:
		fmt.Fprintf(&b, "Anticipated offline by the rule %s: \"ie explain %s\" tells how.\n", names[0], names[0])
	default:
		fmt.Fprintf(&b, "Anticipated offline by the rules %s: \"ie explain RULE\" tells how.\n", strings.Join(names, ", "))
	}
	return b.String()
}
