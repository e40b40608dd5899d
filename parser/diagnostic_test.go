package parser

import (
	"errors"
	"fmt"
	"testing"
)

// TestDiagnosticsErr checks that a list is an error only when it holds
// diagnostics, that the error names the first and counts the others, and
// that errors.As gives the whole list back through wrapping.
func TestDiagnosticsErr(t *testing.T) {
	d := func(line int) Diagnostic {
		return Diagnostic{Start: Pos{Line: line, Col: 1}, Severity: SeverityError, Rule: RuleSyntax, Message: fmt.Sprint("bad line ", line)}
	}
	if err := Diagnostics(nil).Err(); err != nil {
		t.Fatalf("nil list: Err() = %v, want nil", err)
	}
	if err := (Diagnostics{}).Err(); err != nil {
		t.Fatalf("empty list: Err() = %v, want nil", err)
	}
	for _, c := range []struct {
		list Diagnostics
		want string
	}{
		{Diagnostics{d(1)}, "1:1: error: bad line 1 [syntax]"},
		{Diagnostics{d(1), d(2)}, "1:1: error: bad line 1 [syntax] (and 1 more error)"},
		{Diagnostics{d(3), d(4), d(5)}, "3:1: error: bad line 3 [syntax] (and 2 more errors)"},
	} {
		err := fmt.Errorf("parsing: %w", c.list.Err())
		if got := err.Error(); got != "parsing: "+c.want {
			t.Errorf("Error() = %q, want %q", got, "parsing: "+c.want)
		}
		var got Diagnostics
		if !errors.As(err, &got) || len(got) != len(c.list) || got[0].String() != c.list[0].String() {
			t.Errorf("errors.As gave %v, want %v", got, c.list)
		}
	}
}
