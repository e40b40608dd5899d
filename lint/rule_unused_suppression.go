package lint

import "github.com/iekit/iekit/parser"

// ruleUnusedSuppression reports suppression comments that are wrong or have
// nothing to do. The checking itself is part of applying the comments
// (suppress.go), after every other rule has run.
var ruleUnusedSuppression = &Rule{
	Name:     "unused-suppression",
	Severity: parser.SeverityWarning,
	Summary:  "a suppression comment that silenced nothing, or names an unknown rule",
	Doc: `A "# ie:ignore RULE" comment silences RULE on the entry that follows it
(its whole block included), and "# ie:ignore-file RULE" silences it in the
whole file. A suppression that silences nothing is a leftover: the problem
it hid was fixed, or the comment sits where no entry follows it. Left in
place, it would hide the next real problem. A suppression naming a rule
that does not exist is a typo, and syntax errors cannot be suppressed at
all. Remove the comment, or correct the rule's name.`,
	Avoid:  "# ie:ignore bucket-name\nbucket: photos-2026-archive\n",
	Prefer: "# ie:ignore bucket-name -- a legacy us-east-1 bucket\nbucket: Photos_Archive\n",
}
