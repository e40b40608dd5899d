package schema

import "strings"

// YesNoValues are the values of a YesNo option, as the service reads
// them in any case (AWS's examples write Yes).
var YesNoValues = []string{"yes", "no"}

// IsYesNo reports whether s is yes or no, in any case.
func IsYesNo(s string) bool {
	return strings.EqualFold(s, "yes") || strings.EqualFold(s, "no")
}

// yesNoSpellings maps, in lower case, the values people write for yes or
// no, out of habits from YAML, JSON or configuration files, to the one
// the service reads.
var yesNoSpellings = map[string]string{
	"true": "yes", "on": "yes", "1": "yes", "y": "yes",
	"false": "no", "off": "no", "0": "no", "n": "no",
}

// YesNoMeant returns the yes or no that s, another spelling of it such as
// "true" or "0" in any case, means; false when s means neither.
func YesNoMeant(s string) (string, bool) {
	v, ok := yesNoSpellings[strings.ToLower(s)]
	return v, ok
}
