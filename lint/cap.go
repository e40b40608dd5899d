package lint

import "github.com/iekit/iekit/parser"

// DefaultMaxFindings is how many findings of one rule a file reports
// unless the configuration says otherwise (Config.MaxFindings).
const DefaultMaxFindings = parser.DefaultMaxFindings

// maxFindings returns the cap on the findings of a rule in a file, 0 for
// none (see parser.Diagnostics.Capped).
func (c *Config) maxFindings() int {
	switch {
	case c.MaxFindings < 0:
		return 0
	case c.MaxFindings == 0:
		return DefaultMaxFindings
	}
	return c.MaxFindings
}
