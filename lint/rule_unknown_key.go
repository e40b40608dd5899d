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
	// A generated manifest may repeat one unknown key in every item:
	// what is said of a key is worked out once per name and place.
	said := map[unknownKey]unknownSaying{}
	for _, f := range p.fields() {
		if f.Option != nil {
			continue
		}
		if _, ok := misplacedHome(f, p.Kind); ok {
			continue // misplaced-key
		}
		e := f.Entry
		k := unknownKey{e.Key.Name, f.In}
		say, ok := said[k]
		if !ok {
			say = sayUnknown(k, p.Kind)
			said[k] = say
		}
		d := parser.Diagnostic{Start: e.Key.Pos(), End: e.Key.End(), Message: say.message}
		if s := say.suggestion; s != "" {
			d.Data = &parser.Data{Value: s}
			if f.Mapping.Lookup(s) == nil { // renaming must not make a duplicate
				d.Fixes = []parser.Fix{{
					Title: say.fixTitle,
					Edits: []parser.TextEdit{{Start: e.Key.Pos().Offset, End: e.Key.End().Offset, NewText: s}},
				}}
			}
		}
		p.Report(d)
	}
}

// unknownKey is a key the schema does not know, and the block it is
// written in (nil for the top level).
type unknownKey struct {
	name string
	in   *schema.Option
}

// unknownSaying is what the rule says of an unknown key.
type unknownSaying struct {
	message    string
	suggestion string // the key meant, if one is close; "" otherwise
	fixTitle   string // the title of the fix that renames the key to suggestion
}

// sayUnknown works out what the rule says of the unknown key k in a job
// of kind kind.
func sayUnknown(k unknownKey, kind schema.Kind) unknownSaying {
	name := k.name
	s := suggestKey(name, place{k.in}, kind)
	switch {
	case s == "":
		return unknownSaying{message: "unknown key " + shownKey(name)}
	case strings.EqualFold(s, name):
		return unknownSaying{fmt.Sprintf("unknown key %s; keys are case-sensitive: did you mean %q?", shownKey(name), s), s, fmt.Sprintf("rename the key to %q", s)}
	default:
		return unknownSaying{fmt.Sprintf("unknown key %s; did you mean %q?", shownKey(name), s), s, fmt.Sprintf("rename the key to %q", s)}
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
