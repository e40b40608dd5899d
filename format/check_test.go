package format

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iekit/iekit/parser"
)

// update reports whether goldens are to be rewritten (IE_UPDATE=1).
var update = os.Getenv("IE_UPDATE") != ""

// manifest is one input file of the tests.
type manifest struct {
	name string // the path, for messages
	src  []byte
}

// manifests reads the corpus and the examples.
func manifests(t testing.TB) []manifest {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"../testdata/corpus/*.manifest", "../examples/*.manifest"} {
		p, err := filepath.Glob(pattern)
		if err != nil || len(p) == 0 {
			t.Fatalf("no manifests match %s: %v", pattern, err)
		}
		paths = append(paths, p...)
	}
	files := make([]manifest, len(paths))
	for i, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = manifest{path, src}
	}
	return files
}

// checkFormatted checks that out, what Source made of src (which has no
// syntax errors), keeps every promise of spec §6:
//   - formatting out again changes nothing;
//   - Verify(src, out) is nil;
//   - the comment texts are the same multiset;
//   - the data is the same: Data, and the decoded keys and values that
//     `ie json` prints;
//   - parse(out) has the same tree as parse(src), positions and blank
//     lines aside;
//   - out is in the canonical form (see canonical).
func checkFormatted(src, out []byte) error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	before, diags := parser.Parse("", src)
	if diags.HasErrors() {
		return fmt.Errorf("the input has syntax errors: %v", diags[0])
	}
	after, diags := parser.Parse("", out)
	if diags.HasErrors() {
		return fmt.Errorf("the output does not parse: %v\n%s", diags[0], out)
	}
	if again, err := Source(out); err != nil {
		fail("formatting the output again: %v", err)
	} else if !bytes.Equal(again, out) {
		fail("formatting is not idempotent:\n--- once\n%s--- twice\n%s", out, again)
	}
	if err := Verify(src, out); err != nil {
		fail("Verify: %v", err)
	}
	if a, b := commentTexts(before), commentTexts(after); !slices.Equal(a, b) {
		fail("comments differ:\n--- before\n%q\n--- after\n%q", a, b)
	}
	if a, b := Data(before), Data(after); a != b {
		fail("Data differs:\n--- before\n%s--- after\n%s", a, b)
	}
	if a, b := decoded(before), decoded(after); a != b {
		fail("decoded data differs:\n--- before\n%s--- after\n%s", a, b)
	}
	if a, b := shape(before), shape(after); a != b {
		fail("the tree differs:\n--- before\n%s--- after\n%s", a, b)
	}
	if err := canonical(out); err != nil {
		fail("not canonical: %v", err)
	}
	return errors.Join(errs...)
}

// commentTexts returns the texts of the comments of f, sorted: a multiset.
func commentTexts(f *parser.File) []string {
	var list []string
	parser.Inspect(f, func(n parser.Node) bool {
		if c, ok := n.(*parser.Comment); ok {
			list = append(list, c.Text)
		}
		return true
	})
	slices.Sort(list)
	return list
}

// decoded renders the data as `ie json` sees it: key names and value texts
// with quotes removed and escapes decoded, one line per key or item.
func decoded(f *parser.File) string {
	var b strings.Builder
	var block func(path string, blk parser.Block)
	value := func(path string, v *parser.Scalar, blk parser.Block) {
		switch {
		case blk != nil:
			block(path, blk)
		case v != nil:
			fmt.Fprintf(&b, "%s = %q\n", path, v.Text)
		default:
			fmt.Fprintf(&b, "%s = \"\"\n", path)
		}
	}
	block = func(path string, blk parser.Block) {
		switch blk := blk.(type) {
		case *parser.Mapping:
			for _, e := range blk.Entries {
				value(fmt.Sprintf("%s/%q", path, e.Key.Name), e.Value, e.Block)
			}
		case *parser.List:
			for i, it := range blk.Items {
				value(fmt.Sprintf("%s[%d]", path, i), it.Value, it.Block)
			}
		}
	}
	block("", f.Body)
	return b.String()
}

var (
	dumpPos   = regexp.MustCompile(`(?m)^( *\w+) \d+:\d+-\d+:\d+`)
	dumpFlags = regexp.MustCompile(`(?m)( blank| bom)$`)
)

// shape renders the tree of f without positions, blank-line flags and BOM:
// what formatting must not change, including where comments are attached.
func shape(f *parser.File) string {
	var b strings.Builder
	if err := parser.Dump(&b, f); err != nil {
		panic(err)
	}
	s := dumpPos.ReplaceAllString(b.String(), "$1")
	return dumpFlags.ReplaceAllString(s, "")
}

const bom = "\xEF\xBB\xBF"

// canonical checks the canonical form of spec §6 on out mechanically: line
// endings, blank lines, the text of every line and its indentation (top
// level at column 1; a mapping 4 columns deeper than its key; a list's
// dashes 2 deeper than its key, its items' keys 2 deeper than the dash;
// comments at the column of what follows them, or of the block's entries
// at its end; no blank line after a line that opens a block).
func canonical(out []byte) error {
	s := string(out)
	switch {
	case strings.HasPrefix(s, bom):
		return errors.New("starts with a BOM")
	case s == "":
		return nil
	case !strings.HasSuffix(s, "\n"):
		return errors.New("no newline at the end")
	case strings.HasSuffix(s, "\n\n"):
		return errors.New("blank line at the end")
	case strings.HasPrefix(s, "\n"):
		return errors.New("blank line at the start")
	case strings.Contains(s, "\n\n\n"):
		return errors.New("run of blank lines")
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...)))
	}
	for i, l := range lines {
		if strings.TrimRight(l, " \t\r") != l {
			fail(i+1, "trailing blanks in %q", l)
		}
	}
	f, diags := parser.Parse("", out)
	if diags.HasErrors() {
		return fmt.Errorf("does not parse: %v", diags[0])
	}
	// text checks that line n is exactly text indented to col.
	text := func(n, col int, text string) {
		if want := strings.Repeat(" ", col-1) + text; lines[n-1] != want {
			fail(n, "%q, want %q", lines[n-1], want)
		}
	}
	comments := func(list []*parser.Comment, col int) {
		for _, c := range list {
			text(c.Pos().Line, col, c.Text)
		}
	}
	// firstNotBlank checks the first line of a block, right after its
	// opener.
	firstNotBlank := func(comments []*parser.Comment, blank bool, line int) {
		if len(comments) > 0 {
			blank, line = comments[0].BlankBefore, comments[0].Pos().Line
		}
		if blank {
			fail(line, "blank line right after a line that opens a block")
		}
	}
	var block func(blk parser.Block, col int)
	var mapping func(m *parser.Mapping, col int, skipFirstLine bool)
	mapping = func(m *parser.Mapping, col int, skipFirstLine bool) {
		for i, e := range m.Entries {
			comments(e.Comments, col)
			if e.Key.Pos().Col != col {
				fail(e.Key.Pos().Line, "key %q at column %d, want %d", e.Key.Raw, e.Key.Pos().Col, col)
			}
			if i > 0 || !skipFirstLine {
				text(e.Key.Pos().Line, col, entryLine(e))
			}
			switch blk := e.Block.(type) {
			case *parser.Mapping:
				firstNotBlank(blk.Entries[0].Comments, blk.Entries[0].BlankBefore, blk.Entries[0].Pos().Line)
				block(blk, col+4)
			case *parser.List:
				firstNotBlank(blk.Items[0].Comments, blk.Items[0].BlankBefore, blk.Items[0].Pos().Line)
				block(blk, col+2)
			}
		}
		comments(m.Trailing, col)
	}
	block = func(blk parser.Block, col int) {
		switch blk := blk.(type) {
		case *parser.Mapping:
			mapping(blk, col, false)
		case *parser.List:
			for _, it := range blk.Items {
				comments(it.Comments, col)
				line := it.Dash.Line
				switch b := it.Block.(type) {
				case *parser.Mapping:
					first := b.Entries[0]
					if len(first.Comments) == 0 {
						text(line, col, "- "+entryLine(first))
						mapping(b, col+2, true)
					} else {
						text(line, col, "-")
						firstNotBlank(first.Comments, first.BlankBefore, first.Pos().Line)
						mapping(b, col+2, false)
					}
				case *parser.List:
					text(line, col, "-")
					firstNotBlank(b.Items[0].Comments, b.Items[0].BlankBefore, b.Items[0].Pos().Line)
					block(b, col+2)
				default:
					if it.Value != nil {
						text(line, col, "- "+it.Value.Raw)
					} else {
						text(line, col, "-")
					}
				}
			}
			comments(blk.Trailing, col)
		}
	}
	block(f.Body, 1)
	if len(errs) > 5 {
		errs = append(errs[:5], fmt.Errorf("and %d more", len(errs)-5))
	}
	return errors.Join(errs...)
}

// entryLine is the canonical text of an entry's line, written here apart
// from the printer's own: "key: value", or "key:" when the value is empty.
func entryLine(e *parser.Entry) string {
	if e.Value == nil {
		return e.Key.Raw + ":"
	}
	return e.Key.Raw + ": " + e.Value.Raw
}

// TestCanonical checks the checker: canonical must accept text in the
// canonical form and reject every departure from it.
func TestCanonical(t *testing.T) {
	good := []string{
		"",
		"a: 1\n",
		"# c\n",
		"a:\n",
		"a:\n    b: 1\n\n    # c\n    c:\n        d: e\n    # t\n# end\n",
		"l:\n  # c\n  - a: 1\n    b:\n        c: d\n    l:\n      - x\n  -\n    # c\n    a: 1\n  -\n    - x\n  - s\n  -\n",
	}
	bad := []string{
		"a: 1",                       // no final newline
		"a: 1\n\n",                   // blank line at the end
		"\na: 1\n",                   // blank line at the start
		"a: 1\n\n\nb: 2\n",           // run of blank lines
		"a: 1 \n",                    // trailing blank
		"a: 1\r\n",                   // CRLF
		"\uFEFFa: 1\n",               // BOM
		"a:  1\n",                    // two blanks after the colon
		"a : 1\n",                    // a blank before the colon
		"a:\n  b: 1\n",               // a mapping 2 columns deep
		"l:\n    - x\n",              // a list 4 columns deep
		"l:\n- x\n",                  // a YAML-compact list
		"l:\n  - a: 1\n      b: 2\n", // item keys not aligned
		"l:\n  -\n    a: 1\n",        // a dash alone without a reason
		"a:\n\n    b: 1\n",           // a blank line after an opener
		"l:\n\n  - x\n",              // a blank line after an opener
		"  # c\na: 1\n",              // a comment off its entry's column
		"a:\n    b: 1\n  # c\n",      // a trailing comment off its block's column
		"  a: 1\n",                   // an indented top level
	}
	for _, s := range good {
		if err := canonical([]byte(s)); err != nil {
			t.Errorf("canonical(%q): %v, want nil", s, err)
		}
	}
	for _, s := range bad {
		if err := canonical([]byte(s)); err == nil {
			t.Errorf("canonical(%q) = nil, want an error", s)
		}
	}
}
