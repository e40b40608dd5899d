package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/internal/docsync"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/request"
	"github.com/iekit/iekit/schema"
)

// TestServiceErrorsAccounted checks that every service error code is
// either anticipated by a rule or says why only the service can tell,
// never both, and that every code a rule names is one of them.
func TestServiceErrorsAccounted(t *testing.T) {
	for _, se := range schema.ServiceErrors {
		names := anticipating(se.Code)
		switch {
		case len(names) == 0 && se.Online == "":
			t.Errorf("%s: no rule anticipates it, and nothing says why only the service can tell", se.Code)
		case len(names) > 0 && se.Online != "":
			t.Errorf("%s: the rules %v anticipate it, yet it says only the service can tell", se.Code, names)
		}
	}
	if len(schema.ServiceErrors) != 16 {
		t.Errorf("%d service errors, want the 16 of CreateJob", len(schema.ServiceErrors))
	}
	for _, se := range schema.ServiceErrors {
		var out strings.Builder
		e := newEnv("ie explain", explainCommand, nil, &out, &out)
		if code := runExplain(e, []string{se.Code}); code != ExitOK || !strings.HasPrefix(out.String(), se.Code+" ") {
			t.Errorf("ie explain %s: exit %d\n%s", se.Code, code, out.String())
		}
	}
	named := map[string][]string{}
	for _, r := range lint.Rules {
		named[r.Name] = r.ServiceErrors
	}
	for _, r := range request.Rules {
		named[r.Name] = r.ServiceErrors
	}
	for rule, codes := range named {
		for _, c := range codes {
			if schema.LookupServiceError(c) == nil {
				t.Errorf("rule %s names %q, which is not a service error code", rule, c)
			}
		}
	}
}

// TestREADMEServiceErrorTable keeps the README's table of service error
// codes in step with schema.ServiceErrors and the rules (IE_UPDATE=1
// rewrites it).
func TestREADMEServiceErrorTable(t *testing.T) {
	var table strings.Builder
	table.WriteString("| service error | what it means | caught offline by |\n|---|---|---|\n")
	for _, se := range schema.ServiceErrors {
		by := "only the service can tell: " + se.Online
		if names := anticipating(se.Code); len(names) > 0 {
			by = "`" + strings.Join(names, "`, `") + "`"
		}
		fmt.Fprintf(&table, "| `%s` | %s | %s |\n", se.Code, se.Meaning, by)
	}
	docsync.Section(t, "../../README.md", "service-errors", table.String())
}
