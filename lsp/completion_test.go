package lsp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

var completionDocs int

// complete opens text as a new document and asks for completion at
// line and character (UTF-16).
func complete(t *testing.T, c *client, text string, line, char uint32) []protocol.CompletionItem {
	t.Helper()
	completionDocs++
	uri := fmt.Sprintf("file:///tmp/complete-%d.manifest", completionDocs)
	c.open(uri, text)
	var list protocol.CompletionList
	if err := c.call(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: protocol.DocumentURI(uri)}, Position: protocol.Position{Line: line, Character: char},
	}}, &list); err != nil {
		t.Fatal(err)
	}
	return list.Items
}

func labels(items []protocol.CompletionItem) map[string]protocol.CompletionItem {
	m := map[string]protocol.CompletionItem{}
	for _, it := range items {
		m[it.Label] = it
	}
	return m
}

func TestCompletionTopLevel(t *testing.T) {
	c := newClient(t)
	c.initialize()
	src := "manifestVersion: 2.0\nbucket: photos\neraseDevice: yes\nac\n"
	got := labels(complete(t, c, src, 3, 2))
	for _, absent := range []string{"manifestVersion", "bucket", "eraseDevice", "fileSystem", "operations", "name"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%s offered", absent)
		}
	}
	for name, sort := range map[string]string{"accessKeyId": "0", "deviceId": "0", "returnAddress": "0", "acl": "1", "customs": "1", "logBucket": "1"} {
		it, ok := got[name]
		if !ok {
			t.Errorf("%s not offered", name)
			continue
		}
		if !strings.HasPrefix(it.SortText, sort) || it.Kind != protocol.CompletionItemKindProperty {
			t.Errorf("%s: sort %q, kind %v", name, it.SortText, it.Kind)
		}
	}
	acl := got["acl"]
	if acl.InsertText != "acl: " || acl.Detail != "one of a list" || acl.TextEdit == nil ||
		acl.TextEdit.Range != (protocol.Range{Start: protocol.Position{Line: 3}, End: protocol.Position{Line: 3, Character: 2}}) {
		t.Errorf("acl: %+v", acl)
	}
	if doc, ok := acl.Documentation.(map[string]any); !ok || doc["kind"] != "markdown" || !strings.Contains(doc["value"].(string), "canned access control list") {
		t.Errorf("acl documentation %#v", acl.Documentation)
	}
}

func TestCompletionReturnAddress(t *testing.T) {
	c := newClient(t)
	c.initialize()
	src := "bucket: photos\nreturnAddress:\n    name: Jane Doe\n    \n    city: Seattle\ndeviceId: x\n"
	got := labels(complete(t, c, src, 3, 4))
	for _, want := range []string{"street1", "company", "postalCode", "country"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s not offered", want)
		}
	}
	for _, absent := range []string{"name", "city", "bucket", "deviceId", "dataDescription"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%s offered", absent)
		}
	}
	if got["street1"].SortText[0] != '0' || got["company"].SortText[0] != '1' {
		t.Errorf("sort: street1 %q, company %q", got["street1"].SortText, got["company"].SortText)
	}
	// The country's values.
	vals := labels(complete(t, c, "returnAddress:\n    country: \n", 1, 13))
	for _, want := range []string{"USA", "Canada", "Germany", "United Kingdom", "Japan", "Australia"} {
		if _, ok := vals[want]; !ok {
			t.Errorf("country %s not offered", want)
		}
	}
}

// TestCompletionEveryValue checks that completion offers every value
// lint accepts, and only those: each region offered lints clean.
func TestCompletionEveryValue(t *testing.T) {
	c := newClient(t)
	c.initialize()
	src := "manifestVersion: 3.0\noperations:\n  - destination: ebs-snapshot\n    source: device\n    region: \n"
	items := complete(t, c, src, 4, 12)
	if len(items) != len(schema.Regions) {
		t.Fatalf("%d regions offered, want %d", len(items), len(schema.Regions))
	}
	for _, it := range items {
		r := lint.Check("x.manifest", []byte(strings.Replace(src, "region: \n", "region: "+it.Label+"\n", 1)), nil)
		for _, d := range r.Diagnostics {
			if d.Rule == "region" {
				t.Errorf("%s offered, but: %s", it.Label, d.Message)
			}
		}
	}
	// A US return address: its state's USPS codes, named.
	states := labels(complete(t, c, "returnAddress:\n    stateOrProvince: \n    country: USA\n", 1, 21))
	if len(states) != len(schema.USStates) || states["WA"].Detail != "Washington" {
		t.Errorf("%d states offered, WA as %q", len(states), states["WA"].Detail)
	}
	if got := complete(t, c, "returnAddress:\n    stateOrProvince: \n    country: Germany\n", 1, 21); len(got) != 0 {
		t.Errorf("%d states offered for a German address", len(got))
	}
	if de := labels(complete(t, c, "returnAddress:\n    country: \n", 1, 13))["DEU"]; de.Detail != "Germany" {
		t.Errorf("DEU as %q", de.Detail)
	}
	yes := labels(complete(t, c, "eraseDevice: \n", 0, 13))
	if len(yes) != 2 || yes["yes"].Label == "" || yes["no"].Label == "" {
		t.Errorf("eraseDevice values %v", yes)
	}
}

func TestCompletionOperations(t *testing.T) {
	c := newClient(t)
	c.initialize()
	// The aligned line below the dash.
	src := "manifestVersion: 3.0\noperations:\n  - destination: glacier\n    re\n"
	got := labels(complete(t, c, src, 3, 6))
	for _, want := range []string{"source", "region", "vaultName", "archiveComment"} {
		if it, ok := got[want]; !ok || it.SortText[0] != '0' {
			t.Errorf("%s: %+v", want, it)
		}
	}
	for _, absent := range []string{"destination", "exportBucket", "prefix", "manifestVersion"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%s offered", absent)
		}
	}
	// On the dash line of a new item: every field, and the whole item.
	src = "manifestVersion: 3.0\noperations:\n  - destination: glacier\n    source: device\n  - \n"
	got = labels(complete(t, c, src, 4, 4))
	if _, ok := got["destination"]; !ok {
		t.Errorf("destination not offered in a new item: %v", got)
	}
	op, ok := got["operation (glacier-import)"]
	want := "destination: ${1:glacier}\n    source: ${2:device}\n    region: ${3:us-east-1}\n    vaultName: ${4:survey-archive}\n    archiveComment: ${5:Survey data, 2009 season}"
	if !ok || op.InsertText != want || op.InsertTextFormat != protocol.InsertTextFormatSnippet {
		t.Errorf("operation snippet %q", op.InsertText)
	}
	// Values: the destination of the kind only, and regions.
	vals := complete(t, c, src+"    destination: \n", 5, 17)
	if len(vals) != 1 || vals[0].Label != "glacier" {
		t.Errorf("destination values %+v", vals)
	}
	if _, ok := labels(complete(t, c, "operations:\n  - region: us\n", 1, 14))["us-east-1"]; !ok {
		t.Error("us-east-1 not offered")
	}
	// The operations snippet at the top level of an EBS import.
	got = labels(complete(t, c, "operations:\n  - destination: ebs-snapshot\nmanifestVersion: 3.0\nx\n", 3, 1))
	if _, ok := got["operations"]; ok {
		t.Error("operations offered twice")
	}
	got = labels(complete(t, c, "manifestVersion: 3.0\nbucket: b\n\n", 2, 0))
	if _, ok := got["operations"]; ok {
		t.Error("operations offered for s3-import")
	}
}

func TestCompletionValues(t *testing.T) {
	c := newClient(t)
	c.initialize()
	items := complete(t, c, "bucket: b\neraseDevice: \n", 1, 13)
	if len(items) != 2 || items[0].Label != "yes" || items[1].Label != "no" || items[0].InsertText != "yes" {
		t.Fatalf("eraseDevice values %+v", items)
	}
	// Right after the colon, the value brings its space.
	items = complete(t, c, "eraseDevice:\n", 0, 12)
	if len(items) != 2 || items[0].InsertText != " yes" {
		t.Fatalf("eraseDevice values after the colon %+v", items)
	}
	items = complete(t, c, "bucket: b\nacl: pu\n", 1, 7)
	var names []string
	for _, it := range items {
		names = append(names, it.Label)
	}
	if strings.Join(names, ",") != "private,public-read,public-read-write,authenticated-read" {
		t.Fatalf("acl values %v", names)
	}
	if r := items[0].TextEdit.Range; r.Start.Character != 5 || r.End.Character != 7 {
		t.Fatalf("acl edit range %+v", r)
	}
	// Nothing in a comment, nor for text values.
	if items := complete(t, c, "# acl: \n", 0, 7); len(items) != 0 {
		t.Fatalf("in a comment: %+v", items)
	}
	if items := complete(t, c, "deviceId: \n", 0, 10); len(items) != 0 {
		t.Fatalf("deviceId values: %+v", items)
	}
}

func TestCompletionSnippet(t *testing.T) {
	c := newClient(t)
	c.initialize()
	got := labels(complete(t, c, "bucket: b\n\n", 1, 0))
	ra := got["returnAddress"]
	want := "returnAddress:\n    name: ${1:Jane Doe}\n    street1: ${2:1200 Harbor Way}\n    city: ${3:Seattle}\n    postalCode: ${4:98101}\n    phoneNumber: ${5:+1 206 555 0100}\n    country: ${6:USA}"
	if ra.InsertText != want || ra.InsertTextFormat != protocol.InsertTextFormatSnippet || ra.TextEdit == nil || ra.TextEdit.NewText != want {
		t.Fatalf("returnAddress snippet %+v", ra)
	}
	cu := got["customs"]
	if !strings.HasPrefix(cu.InsertText, "customs:\n    dataDescription: ${1:") || strings.Contains(cu.InsertText, "encryptionClassification") {
		t.Fatalf("customs snippet %q", cu.InsertText)
	}
	got = labels(complete(t, c, "operations:\n  - exportBucket: a\nfileSystem: NTFS\n\n", 3, 0))
	if _, ok := got["fileSystem"]; ok {
		t.Fatal("fileSystem offered while present")
	}
	if _, ok := got["operations"]; ok {
		t.Fatal("operations offered while present")
	}
	got = labels(complete(t, c, "fileSystem: NTFS\n\n", 1, 0))
	if op := got["operations"]; op.InsertText != "operations:\n  - ${1}" {
		t.Fatalf("operations snippet for an unknown kind %q", op.InsertText)
	}
}

// TestCompletionUTF16 checks columns after characters of two and four
// UTF-8 bytes, which are one and two UTF-16 units.
func TestCompletionUTF16(t *testing.T) {
	c := newClient(t)
	c.initialize()
	for _, v := range []struct {
		text string
		char uint32
	}{{"é", 14}, {"😀", 15}} {
		items := complete(t, c, "returnAddress:\n    country: "+v.text+"\n", 1, v.char)
		if len(items) != len(schema.CountryValues()) {
			t.Fatalf("after %s: %d items, want every country", v.text, len(items))
		}
		if r := items[0].TextEdit.Range; r.Start != (protocol.Position{Line: 1, Character: 13}) || r.End != (protocol.Position{Line: 1, Character: v.char}) {
			t.Fatalf("after %s: range %+v", v.text, r)
		}
	}
	// A byte order mark is one UTF-16 unit before the first column.
	items := complete(t, c, "\ufeffacl: p\n", 0, 7)
	if len(items) != 4 || items[0].TextEdit.Range.Start.Character != 6 || items[0].TextEdit.Range.End.Character != 7 {
		t.Fatalf("after a BOM: %+v", items)
	}
	// A key after é on an earlier line of the item.
	got := labels(complete(t, c, "operations:\n  - archiveComment: é😀\n    desti\n", 2, 9))
	if it, ok := got["destination"]; !ok || it.TextEdit.Range.Start.Character != 4 || it.TextEdit.Range.End.Character != 9 {
		t.Fatalf("destination %+v", it)
	}
}

// TestCompletionLongList completes in the last item of a long operations
// list, where the block is found through the tree rather than line by
// line, and below a line the tree does not put in the list, where it is
// not.
func TestCompletionLongList(t *testing.T) {
	c := newClient(t)
	c.initialize()
	var b strings.Builder
	b.WriteString("manifestVersion: 3.0\noperations:\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "  - destination: glacier\n    source: device\n    vaultName: v%d\n", i)
	}
	lines := strings.Count(b.String(), "\n")
	got := labels(complete(t, c, b.String()+"  - destination: glacier\n    re\n", uint32(lines+1), 6))
	for _, want := range []string{"region", "archiveComment"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s not offered in the last of 2,001 items: %v", want, got)
		}
	}
	if _, ok := got["destination"]; ok {
		t.Error("destination offered again")
	}
	// A line less indented than the items ends the list for the parser
	// and for the walk up the text alike: nothing is offered below it.
	src := "manifestVersion: 3.0\noperations:\n  - destination: glacier\n x: 1\n  - destination: glacier\n    re\n"
	if got := complete(t, c, src, 5, 6); len(got) != 0 {
		t.Errorf("offered below a line outside the list: %v", labels(got))
	}
}
