package schema

import (
	"fmt"
	"slices"
	"testing"

	"github.com/iekit/iekit/parser"
)

// TestOptionsDocumented checks every option, field included: it has a doc,
// an example and a type; an enum has values; a block has fields; some kind
// accepts it; names are unique within their level.
func TestOptionsDocumented(t *testing.T) {
	var check func(level string, list []*Option)
	check = func(level string, list []*Option) {
		seen := map[string]bool{}
		for _, o := range list {
			where := level + o.Name
			if seen[o.Name] {
				t.Errorf("%s: listed twice", where)
			}
			seen[o.Name] = true
			if o.Doc == "" || o.Example == "" || o.Type == 0 {
				t.Errorf("%s: missing doc, example or type", where)
			}
			if (o.Type == Enum || o.Type == Version) && len(o.Values) == 0 {
				t.Errorf("%s: an enum without values", where)
			}
			if (o.Type == Block || o.Type == OperationList) != (len(o.Fields) > 0) {
				t.Errorf("%s: fields and type disagree", where)
			}
			if !o.AppliesIn(KindUnknown) {
				t.Errorf("%s: no kind accepts it", where)
			}
			check(where+".", o.Fields)
		}
	}
	check("", Top)
}

func TestInfer(t *testing.T) {
	for _, c := range []struct {
		src     string
		want    Kind
		markers int
	}{
		{"bucket: b\n", S3Import, 1},
		{"operations:\n  - exportBucket: a\n  - exportBucket: b\n", S3Export, 2},
		{"operations:\n  - destination: ebs-snapshot\n", EBSImport, 1},
		{"operations:\n  - destination: glacier\n", GlacierImport, 1},
		{"bucket: b\noperations:\n  - exportBucket: a\n", KindUnknown, 2},
		{"deviceId: x\n", KindUnknown, 0},
		{"operations: x\n", KindUnknown, 0},
		{"", KindUnknown, 0},
	} {
		f, _ := parser.Parse("x", []byte(c.src))
		got, markers := Infer(f)
		if got != c.want || len(markers) != c.markers {
			t.Errorf("Infer(%q) = %v with %d markers, want %v with %d", c.src, got, len(markers), c.want, c.markers)
		}
	}
}

// TestInferMarkers checks which keys and values of an item Infer takes for
// markers: the first exportBucket and the first destination, in that
// order whatever their order in the item.
func TestInferMarkers(t *testing.T) {
	src := "operations:\n  - destination: glacier\n    exportBucket: a\n    exportBucket: b\n    destination: ebs-snapshot\n"
	f, _ := parser.Parse("x", []byte(src))
	_, markers := Infer(f)
	var got []string
	for _, m := range markers {
		got = append(got, fmt.Sprintf("%v@%d", m.Kind, m.Node.Pos().Line))
	}
	if want := []string{"s3-export@3", "glacier-import@2"}; !slices.Equal(got, want) {
		t.Errorf("Infer(%q) markers = %v, want %v", src, got, want)
	}
}

func TestKinds(t *testing.T) {
	for _, k := range Kinds {
		if got, ok := ParseKind(k.String()); !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, ok)
		}
		if k.ManifestVersion() == "" || k.JobType() == "" {
			t.Errorf("%v: no manifest version or job type", k)
		}
	}
	if _, ok := ParseKind("s3"); ok {
		t.Error(`ParseKind("s3") succeeded`)
	}
}
