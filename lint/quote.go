package lint

import "strconv"

// quote quotes user text for a message.
func quote(s string) string { return strconv.Quote(s) }
