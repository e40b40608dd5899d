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
	Avoid:  "bucket: crestview-uploads\neraseDevice: yes\nbucket: crestview-uploads-2\n",
	Prefer: "bucket: crestview-uploads-2\neraseDevice: yes\n",
	Check:  checkDuplicateKey,
}

func checkDuplicateKey(p *Pass) {
	parser.Inspect(p.File, func(n parser.Node) bool {
		m, ok := n.(*parser.Mapping)
		if !ok {
			return true
		}
		first := map[string]*parser.Key{}
		for _, e := range m.Entries {
			k := e.Key
			if k == nil {
				continue
			}
			f, seen := first[k.Name]
			if !seen {
				first[k.Name] = k
				continue
			}
			p.Report(parser.Diagnostic{
				Start:   k.Pos(),
				End:     k.End(),
				Message: fmt.Sprintf("duplicate key %s; first defined on line %d", shownKey(k.Name), f.Pos().Line),
				Related: []parser.Related{{Start: f.Pos(), End: f.End(), Message: "first defined here"}},
			})
		}
		return true
	})
}
