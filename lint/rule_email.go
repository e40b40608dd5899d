package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleEmail checks each address of an email list option
// (notificationEmail: every option of type EmailList).
var ruleEmail = &Rule{
	Name:     "email",
	Severity: parser.SeverityWarning,
	Summary:  `an address in notificationEmail that is not "local@domain", or an empty one between two ";"`,
	Doc: `notificationEmail lists the addresses AWS writes to when the job's status
changes, separated by ";". An address that is not local@domain, with a dot
in the domain and no blanks, cannot receive those messages, and you learn
that the device arrived, failed or shipped back only by asking.

Each address is checked on its own and named with its position in the
list. Blanks around an address are fine, and so is one ";" at the end of
the list; an empty address between two ";" is reported, as is a "," used
as a separator.`,
	Avoid:         "notificationEmail: ops@example.com;;team.example.com\n",
	Prefer:        "notificationEmail: ops@example.com;team@example.com\n",
	Check:         checkEmail,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

func checkEmail(p *Pass) {
	for _, f := range p.fields() {
		if f.Is(schema.EmailList) {
			checkEmailList(p, f.Entry, f.Option)
		}
	}
}

// checkEmailList checks each address of the value of e, an entry of
// email list option o.
func checkEmailList(p *Pass, e *parser.Entry, o *schema.Option) {
	v := checkable(e)
	if v == nil {
		return
	}
	last := strings.Count(v.Text, ";") // the number of the last piece
	off, n := 0, 0
	for piece := range strings.SplitSeq(v.Text, ";") {
		start := off
		off += len(piece) + 1
		addr := strings.TrimSpace(piece)
		i := start + strings.Index(piece, addr)
		switch {
		case addr == "" && n == last && n > 0:
			// one ";" at the end of the list
		case addr == "":
			lo, hi := start, min(start+len(piece)+1, len(v.Text)) // the empty piece and its ";"s
			if n > 0 {
				lo--
			}
			s, end := textSpan(v, lo, hi)
			p.Report(parser.Diagnostic{Start: s, End: end,
				Message: fmt.Sprintf("address %d of %s is empty: remove the extra \";\"", n+1, o.Name)})
		default:
			if problem := emailProblem(addr); problem != "" {
				label := fmt.Sprintf("address %d of %s, %q,", n+1, o.Name, addr)
				if neverEcho(e.Key.Name, addr) {
					label = fmt.Sprintf("address %d of %s", n+1, o.Name)
				}
				s, end := textSpan(v, i, i+len(addr))
				p.Report(parser.Diagnostic{Start: s, End: end, Message: label + " " + problem})
			}
		}
		n++
	}
}

// emailBlanks and emailSpecials are the characters emailProblem looks for:
// blanks, and what an address cannot have here.
var (
	emailBlanks   = byteSet(" \t")
	emailSpecials = byteSet("<>()[]\\\",")
)

// emailProblem says what keeps addr from being local@domain, or returns "".
func emailProblem(addr string) string {
	at := strings.Count(addr, "@")
	switch {
	case strings.Contains(addr, ",") && at > 1:
		return `holds several addresses: separate them with ";", not ","`
	case containsAnyByte(addr, &emailBlanks):
		return `has a blank: write the bare address, such as "ops@example.com"`
	case at == 0:
		return `has no "@"`
	case at > 1:
		return `has more than one "@"`
	}
	local, domain, _ := strings.Cut(addr, "@")
	switch {
	case local == "":
		return `has nothing before "@"`
	case domain == "":
		return `has no domain after "@"`
	case !strings.Contains(domain, "."):
		return fmt.Sprintf("has no %q in its domain %q", ".", domain)
	case strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, ".."):
		return fmt.Sprintf("has an empty part in its domain %q", domain)
	case containsAnyByte(addr, &emailSpecials):
		return `has characters an address cannot have here: write the bare address, such as "ops@example.com"`
	}
	return ""
}
