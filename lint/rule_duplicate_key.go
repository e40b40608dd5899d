package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
)

// ruleDuplicateKey reports a key written twice in one mapping, at any
// depth: the top level, returnAddress, customs, an operations item, or a
// free mapping such as contentTypes or substitutions.
var ruleDuplicateKey = &Rule{
	Name:     "duplicate-key",
	Severity: parser.SeverityError,
	Summary:  "the same key twice in one mapping",
	Doc: `A key may appear only once in a mapping. The service rejects a manifest
with a repeated key as MalformedManifestException, and YAML readers
silently keep one of the two values, so the file does not mean what it
seems to say. The rule reports every occurrence after the first, with a
pointer to the first one, at the top level, in returnAddress, customs and
operations items, and in mappings whose keys are yours (contentTypes,
substitutions, staticMetadata). Keep the value you mean and delete the
other line.`,
	Avoid:         "bucket: crestview-uploads\neraseDevice: yes\nbucket: crestview-uploads-2\n",
	Prefer:        "bucket: crestview-uploads-2\neraseDevice: yes\n",
	Check:         checkDuplicateKey,
	ServiceErrors: []string{"MalformedManifestException"},
}

func checkDuplicateKey(p *Pass) {
	for _, m := range p.mappings() {
		checkDuplicates(p, m)
	}
}

// checkDuplicates reports the keys of m written a second time or more.
func checkDuplicates(p *Pass, m *parser.Mapping) {
	if len(m.Entries) > shortMapping {
		checkDuplicatesByMap(p, m)
		return
	}
	// Each key is compared with the keys before it, as whole strings only
	// when their lengths and first bytes match.
	var buf [shortMapping]int
	lens := buf[:len(m.Entries)] // the length of each key; -1 for an entry without one
	for i, e := range m.Entries {
		lens[i] = -1
		if e.Key != nil {
			lens[i] = len(e.Key.Name)
		}
	}
	for i, e := range m.Entries {
		n := lens[i]
		if n < 0 {
			continue
		}
		for j, nj := range lens[:i] {
			if nj == n && sameName(m.Entries[j].Key.Name, e.Key.Name) {
				reportDuplicate(p, e.Key, m.Entries[j].Key)
				break
			}
		}
	}
}

// shortMapping is the most entries a mapping has for checkDuplicates to
// compare each key with the keys before it rather than use a map.
const shortMapping = 32

// checkDuplicatesByMap is checkDuplicates for long mappings: it finds the
// first key of each name in a map.
func checkDuplicatesByMap(p *Pass, m *parser.Mapping) {
	first := make(map[string]*parser.Key, len(m.Entries))
	for _, e := range m.Entries {
		k := e.Key
		if k == nil {
			continue
		}
		if f, seen := first[k.Name]; seen {
			reportDuplicate(p, k, f)
		} else {
			first[k.Name] = k
		}
	}
}

// reportDuplicate reports key k, a repetition of the key f.
func reportDuplicate(p *Pass, k, f *parser.Key) {
	p.Report(parser.Diagnostic{
		Start:   k.Pos(),
		End:     k.End(),
		Message: fmt.Sprintf("duplicate key %s; first defined on line %d", shownKey(k.Name), f.Pos().Line),
		Related: []parser.Related{{Start: f.Pos(), End: f.End(), Message: "first defined here"}},
	})
}

// sameName reports whether a == b, two keys of the same length. Such keys
// mostly differ in their first byte ("jpg" and "png"): comparing it first
// spares most comparisons of whole keys.
func sameName(a, b string) bool {
	return a == "" || a[0] == b[0] && a == b
}
