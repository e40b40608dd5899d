package lsp

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// codeActions asks for the code actions of a range of an open document.
func (c *client) codeActions(uri string, rng protocol.Range, only ...protocol.CodeActionKind) []protocol.CodeAction {
	c.t.Helper()
	var acts []protocol.CodeAction
	if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)},
		Range:        rng,
		Context:      protocol.CodeActionContext{Only: only},
	}, &acts); err != nil {
		c.t.Fatal(err)
	}
	return acts
}

// findAction returns the action titled title, failing the test when there is
// none.
func findAction(t *testing.T, acts []protocol.CodeAction, title string) protocol.CodeAction {
	t.Helper()
	for _, a := range acts {
		if a.Title == title {
			return a
		}
	}
	var titles []string
	for _, a := range acts {
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", title, titles)
	return protocol.CodeAction{}
}

// applyAction applies the edits of an action to the text of uri, as an editor
// would: the last edit first.
func applyAction(t *testing.T, text, uri string, a protocol.CodeAction) string {
	t.Helper()
	if a.Edit == nil || len(a.Edit.Changes) != 1 {
		t.Fatalf("action %q: edit %+v, want changes to one document", a.Title, a.Edit)
	}
	edits := slices.Clone(a.Edit.Changes[protocol.DocumentURI(uri)])
	m := newMapper(text)
	sort.SliceStable(edits, func(i, j int) bool {
		oi, _ := m.offset(edits[i].Range.Start)
		oj, _ := m.offset(edits[j].Range.Start)
		return oi > oj
	})
	for _, e := range edits {
		start, err := m.offset(e.Range.Start)
		if err != nil {
			t.Fatal(err)
		}
		end, err := m.offset(e.Range.End)
		if err != nil {
			t.Fatal(err)
		}
		text = text[:start] + e.NewText + text[end:]
	}
	return text
}

// point is the empty range at a position.
func point(line, char uint32) protocol.Range {
	p := protocol.Position{Line: line, Character: char}
	return protocol.Range{Start: p, End: p}
}

func TestCodeActionSafeFixPreferred(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/a.manifest"
	c.open(uri, broken)
	a := findAction(t, c.codeActions(uri, point(4, 14)), `replace "True" with "yes"`)
	if a.Kind != protocol.QuickFix || !a.IsPreferred {
		t.Errorf("kind %q, preferred %v: want a preferred quick fix", a.Kind, a.IsPreferred)
	}
	if len(a.Diagnostics) != 1 || a.Diagnostics[0].Code != "yes-no" {
		t.Errorf("diagnostics %+v, want the yes-no finding", a.Diagnostics)
	}
	if got, want := applyAction(t, broken, uri, a), strings.Replace(broken, "True", "yes", 1); got != want {
		t.Errorf("after the fix:\n%s\nwant:\n%s", got, want)
	}
	// Away from the finding, no fix is offered.
	for _, a := range c.codeActions(uri, point(0, 0)) {
		if a.Title == `replace "True" with "yes"` {
			t.Errorf("the fix is offered on line 1")
		}
	}
}

func TestCodeActionUnsafeNotPreferred(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/b.manifest"
	text := strings.Replace(broken, "bucket:", "bukcet:", 1)
	c.open(uri, text)
	a := findAction(t, c.codeActions(uri, point(1, 2)), `rename the key to "bucket"`)
	if a.IsPreferred {
		t.Errorf("the unsafe rename is preferred")
	}
	if got := applyAction(t, text, uri, a); got != broken {
		t.Errorf("after the rename:\n%s", got)
	}
}

func TestCodeActionAddMissing(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/c.manifest"
	// s3-import, without deviceId and eraseDevice, and an address
	// without street1 and country.
	text := "manifestVersion: 2.0\nbucket: photos-2026-archive\naccessKeyId: AKIAQWERTYUIOPASDFGH\nreturnAddress:\n    name: Jane Doe\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: +1 206 555 0100\nlogPrefix: logs/\n"
	c.open(uri, text)

	a := findAction(t, c.codeActions(uri, point(0, 0)), "add missing required fields")
	want := text + "deviceId: \neraseDevice: \n"
	if got := applyAction(t, text, uri, a); got != want {
		t.Errorf("top level:\n%s\nwant:\n%s", got, want)
	}
	if len(a.Diagnostics) != 2 {
		t.Errorf("diagnostics %+v, want the two missing-required findings", a.Diagnostics)
	}

	a = findAction(t, c.codeActions(uri, point(3, 3)), "add missing required fields")
	want = strings.Replace(text, "555 0100\n", "555 0100\n    street1: \n    country: \n", 1)
	if got := applyAction(t, text, uri, a); got != want {
		t.Errorf("returnAddress:\n%s\nwant:\n%s", got, want)
	}

	// An operations item of an ebs-import job: the keys go under the
	// item's first key.
	const uri2 = "file:///tmp/c2.manifest"
	text = "manifestVersion: 3.0\naccessKeyId: AKIAQWERTYUIOPASDFGH\ndeviceId: WD-1234\neraseDevice: yes\nlogBucket: logs\noperations:\n  - destination: ebs-snapshot\n    source: device\n"
	c.open(uri2, text)
	a = findAction(t, c.codeActions(uri2, point(6, 2)), "add missing required fields")
	want = text + "    region: \n"
	if got := applyAction(t, text, uri2, a); got != want {
		t.Errorf("operations item:\n%s\nwant:\n%s", got, want)
	}
}

func TestCodeActionIgnore(t *testing.T) {
	c := newClient(t)
	c.initialize()
	for _, tc := range []struct {
		name, text string
		pos        protocol.Range
		title      string
		want       string // the line inserted
	}{
		{"top level", broken, point(4, 14), "ignore yes-no here", "eraseDevice: True\n"},
		{"in returnAddress", strings.Replace(broken, "Seattle", "CHANGEME", 1), point(8, 12), "", "    city: CHANGEME\n"},
		{"in an operations item", "manifestVersion: 2.0\naccessKeyId: AKIAQWERTYUIOPASDFGH\ndeviceId: WD-1234\nfileSystem: NTFS\nlogBucket: logs\noperations:\n  - exportBucket: Bad_Bucket\n", point(6, 20), "", "  - exportBucket: Bad_Bucket\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			uri := "file:///tmp/ignore-" + strings.ReplaceAll(tc.name, " ", "-") + ".manifest"
			p := c.open(uri, tc.text)
			var rule string
			for _, d := range p.Diagnostics {
				if d.Range.Start.Line == tc.pos.Start.Line {
					rule = d.Code.(string)
				}
			}
			if rule == "" {
				t.Fatalf("no finding on line %d: %+v", tc.pos.Start.Line+1, p.Diagnostics)
			}
			a := findAction(t, c.codeActions(uri, tc.pos), "ignore "+rule+" here")
			indent := tc.want[:len(tc.want)-len(strings.TrimLeft(tc.want, " "))]
			want := strings.Replace(tc.text, tc.want, indent+"# ie:ignore "+rule+"\n"+tc.want, 1)
			got := applyAction(t, tc.text, uri, a)
			if got != want {
				t.Fatalf("after the action:\n%s\nwant:\n%s", got, want)
			}
			// The comment silences the finding, and nothing else is said
			// about it.
			c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": 2},
				"contentChanges": []map[string]any{{"text": got}},
			})
			for _, d := range c.diagnostics().Diagnostics {
				if d.Code == rule || d.Code == "unused-suppression" {
					t.Errorf("after the action: %+v", d)
				}
			}
		})
	}
	// A document with CRLF line endings keeps them.
	crlf := strings.ReplaceAll(broken, "\n", "\r\n")
	c.open("file:///tmp/crlf.manifest", crlf)
	a := findAction(t, c.codeActions("file:///tmp/crlf.manifest", point(4, 14)), "ignore yes-no here")
	if got, want := applyAction(t, crlf, "file:///tmp/crlf.manifest", a), strings.Replace(crlf, "eraseDevice:", "# ie:ignore yes-no\r\neraseDevice:", 1); got != want {
		t.Errorf("CRLF: %q, want %q", got, want)
	}
	// No ignore action for a syntax error.
	c.open("file:///tmp/syntax.manifest", "a: 1\nb\n")
	for _, a := range c.codeActions("file:///tmp/syntax.manifest", point(1, 0)) {
		if strings.HasPrefix(a.Title, "ignore syntax") {
			t.Errorf("action %q for a syntax error", a.Title)
		}
	}
}

func TestCodeActionFixAll(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/d.manifest"
	text := strings.Replace(broken, "bucket:", "bukcet:", 1) + "setContentEncodingForGzFiles: False\nacl: Private\n"
	c.open(uri, text)
	// The safe fixes only: the yes-no ones, not the unsafe renames.
	want := strings.Replace(strings.Replace(text, "True", "yes", 1), "False", "no", 1)
	for _, only := range [][]protocol.CodeActionKind{{fixAllKind}, {protocol.Source}, {"source.fixAll"}} {
		acts := c.codeActions(uri, point(0, 0), only...)
		if len(acts) != 1 || acts[0].Kind != fixAllKind {
			t.Fatalf("only %q: actions %+v, want one %s", only, acts, fixAllKind)
		}
		if got := applyAction(t, text, uri, acts[0]); got != want {
			t.Fatalf("only %q, after fix all:\n%s\nwant:\n%s", only, got, want)
		}
	}
	// Not offered unless asked for; nothing when there is nothing to fix.
	for _, a := range c.codeActions(uri, point(4, 14)) {
		if a.Kind == fixAllKind {
			t.Errorf("fix all offered without being asked for")
		}
	}
	c.open("file:///tmp/clean.manifest", strings.Replace(broken, "True", "yes", 1))
	if acts := c.codeActions("file:///tmp/clean.manifest", point(0, 0), fixAllKind); len(acts) != 0 {
		t.Errorf("fix all of a clean document: %+v", acts)
	}
}

func TestCodeActionNotOpen(t *testing.T) {
	c := newClient(t)
	c.initialize()
	if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: "file:///tmp/nope.manifest"},
	}, nil); err == nil || !strings.Contains(err.Error(), "not open") {
		t.Fatalf("code actions of an unopened document: %v", err)
	}
}

// TestCodeActionSecretFixLeftOut checks that no fix editing a secret is
// offered (the one moving " # old" out of a pinCode would change the
// PIN), while a value equal to a secret elsewhere is fixed as any other.
func TestCodeActionSecretFixLeftOut(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/secret.manifest"
	text := strings.Replace(broken, "bucket:", "acl: privat\npinCode: privat # old\nbucket:", 1)
	c.open(uri, text)
	for _, a := range c.codeActions(uri, point(2, 16)) {
		if strings.HasPrefix(a.Title, "move") {
			t.Errorf("action %q offered for a fix editing a secret", a.Title)
		}
	}
	findAction(t, c.codeActions(uri, point(2, 16)), "ignore inline-comment here")
	findAction(t, c.codeActions(uri, point(1, 6)), `replace "privat" with "private"`)
	findAction(t, c.codeActions(uri, point(6, 14)), `replace "True" with "yes"`)
}

// TestDiagnosticData checks that a finding's data reaches the client as
// the diagnostic's data, and that a finding without data has none.
func TestDiagnosticData(t *testing.T) {
	c := newClient(t)
	c.initialize()
	p := c.open("file:///tmp/data.manifest", strings.Replace(broken, "deviceId: WD-1234\n", "", 1))
	var keys, values int
	for _, d := range p.Diagnostics {
		switch d.Code {
		case "missing-required":
			data, _ := d.Data.(map[string]any)
			if k, _ := data["keys"].([]any); len(k) != 1 || k[0] != "deviceId" {
				t.Errorf("missing-required data %#v", d.Data)
			}
			keys++
		case "yes-no":
			if data, _ := d.Data.(map[string]any); data["value"] != "yes" {
				t.Errorf("yes-no data %#v", d.Data)
			}
			values++
		default:
			if d.Data != nil {
				t.Errorf("%s: data %#v", d.Code, d.Data)
			}
		}
	}
	if keys != 1 || values != 1 {
		t.Errorf("%d missing-required and %d yes-no findings, want one each", keys, values)
	}
}
