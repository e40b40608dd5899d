package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleUnknownKey reports a key that no job kind knows, at the top level or
// in returnAddress, customs or an operations item, and suggests the
// closest known key of that level.
var ruleUnknownKey = &Rule{
	Name:     "unknown-key",
	Severity: parser.SeverityWarning,
	Summary:  "a key that no job kind knows, with the closest known key",
	Doc: `Every key of a manifest, at the top level and in returnAddress, customs
and operations items, is one the service knows. A key it does not know is
most often a typo or a key in the wrong case (keys are case-sensitive:
manifestversion is not manifestVersion), and the option you meant is then
missing, which fails CreateJob with MissingManifestFieldException or
silently drops a setting. The rule suggests the closest key valid at that
level and offers to rename the key (an unsafe fix: check that the
suggestion is what you meant). Keys of mappings that are yours, such as
contentTypes, substitutions and staticMetadata, are not checked, nor are
keys under an unknown key. A known key at the wrong level is reported by
misplaced-key instead.`,
	Avoid:         "manifestversion: 2.0\nbukcet: photos-2026-archive\n",
	Prefer:        "manifestVersion: 2.0\nbucket: photos-2026-archive\n",
	Check:         checkUnknownKey,
	Scope:         ScopeItem,
	ServiceErrors: []string{"InvalidManifestFieldException"},
}

func checkUnknownKey(p *Pass) {
	var mapping map[*parser.Entry]*parser.Mapping // lazily: the mapping of each entry
	for _, f := range p.fields() {
		e, in := f.Entry, f.In
		if f.Option != nil {
			continue
		}
		if _, ok := misplacedHome(f, p.Kind); ok {
			continue // misplaced-key
		}
		name := e.Key.Name
		s := suggestKey(name, place{in}, p.Kind)
		d := parser.Diagnostic{Start: e.Key.Pos(), End: e.Key.End()}
		switch {
		case s == "":
			d.Message = "unknown key " + shownKey(name)
		case strings.EqualFold(s, name):
			d.Message = fmt.Sprintf("unknown key %s; keys are case-sensitive: did you mean %q?", shownKey(name), s)
		default:
			d.Message = fmt.Sprintf("unknown key %s; did you mean %q?", shownKey(name), s)
		}
		if s != "" {
			d.Data = &parser.Data{Value: s}
			if mapping == nil {
				mapping = entryMappings(p.Top())
			}
			if m := mapping[e]; m == nil || m.Lookup(s) == nil { // renaming must not make a duplicate
				d.Fixes = []parser.Fix{{
					Title: fmt.Sprintf("rename the key to %q", s),
					Edits: []parser.TextEdit{{Start: e.Key.Pos().Offset, End: e.Key.End().Offset, NewText: s}},
				}}
			}
		}
		p.Report(d)
	}
}

// suggestKey returns the option of place pl closest to name: among those
// kind k accepts first, then among all of them.
func suggestKey(name string, pl place, k schema.Kind) string {
	all := schema.Top
	if pl.opt != nil {
		all = pl.opt.Fields
	}
	var fitting []string
	for _, o := range all {
		if pl.applies(o.Name, k) {
			fitting = append(fitting, o.Name)
		}
	}
	if s := suggest(name, fitting); s != "" {
		return s
	}
	return suggest(name, names(all))
}

// entryMappings maps every entry eachField visits to the mapping that
// holds it.
func entryMappings(top *parser.Mapping) map[*parser.Entry]*parser.Mapping {
	out := map[*parser.Entry]*parser.Mapping{}
	for _, e := range top.Entries {
		out[e] = top
		if o := schema.Lookup(e.Key.Name); o != nil {
			for _, m := range schema.BlockMappings(e, o) {
				for _, f := range m.Entries {
					out[f] = m
				}
			}
		}
	}
	return out
}
