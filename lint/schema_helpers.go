package lint

import (
	"slices"
	"strconv"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// This file holds what the schema-driven rules share: where a key belongs
// (unknown-key, misplaced-key, not-for-job-kind), whether an entry is
// empty, and how a value is named in a message.

// place is a level of the manifest where keys live: the top level (opt is
// nil), or a block the schema describes (returnAddress, customs, an
// operations item).
type place struct{ opt *schema.Option }

// String names the place for messages: "returnAddress", "customs", "an
// operations item", or "the top level".
func (pl place) String() string {
	switch {
	case pl.opt == nil:
		return "the top level"
	case pl.opt.Type == schema.OperationList:
		return article(pl.opt.Name) + " " + pl.opt.Name + " item"
	}
	return pl.opt.Name
}

// option returns the option named name at the place, or nil.
func (pl place) option(name string) *schema.Option {
	if pl.opt == nil {
		return schema.Lookup(name)
	}
	return pl.opt.Field(name)
}

// applies reports whether jobs of kind k accept the option named name at
// the place: the option, and the block that holds it, are not
// NotApplicable. Every option applies when k is KindUnknown.
func (pl place) applies(name string, k schema.Kind) bool {
	o := pl.option(name)
	return o != nil && pl.accepts(o, k)
}

// accepts reports whether jobs of kind k accept option o, an option of
// the place: o, and the block that holds it, are not NotApplicable.
func (pl place) accepts(o *schema.Option, k schema.Kind) bool {
	if k == schema.KindUnknown {
		return true
	}
	return o.AppliesIn(k) && (pl.opt == nil || pl.opt.AppliesIn(k))
}

// places lists every level in a fixed order: the top level first, then
// schema.Blocks.
var places = func() []place {
	out := []place{{}}
	for _, b := range schema.Blocks {
		out = append(out, place{b})
	}
	return out
}()

// keyPlaces maps each key some level knows to the levels that know it,
// in the order of places.
var keyPlaces = func() map[string][]place {
	out := map[string][]place{}
	for _, pl := range places {
		options := schema.Top
		if pl.opt != nil {
			options = pl.opt.Fields
		}
		for _, o := range options {
			if !slices.Contains(out[o.Name], pl) {
				out[o.Name] = append(out[o.Name], pl)
			}
		}
	}
	return out
}()

// misplacedHome returns where a field belongs instead, and whether it is
// misplaced at all. A key is misplaced when its level does not know it
// but another level does, or when the job's kind does not accept it at
// its level but does accept it at another (a top-level prefix in an
// s3-export, whose prefix is an operations field). Keys known nowhere are
// unknown-key's business.
func misplacedHome(f schema.Field, k schema.Kind) (place, bool) {
	in := f.In
	if f.Option != nil && (place{in}).accepts(f.Option, k) {
		return place{}, false // known here, and fine here: most keys
	}
	// The key's name is read only past the test above, which most keys
	// pass: it lies in the tree, away from the field.
	name := f.Entry.Key.Name
	var home, fitting place // the first other level that knows the key, and that accepts it
	var known, fits bool
	for _, pl := range keyPlaces[name] {
		if pl.opt == in {
			continue
		}
		if !known {
			home, known = pl, true
		}
		if !fits && pl.applies(name, k) {
			fitting, fits = pl, true
		}
	}
	if !known {
		return place{}, false
	}
	if f.Option != nil {
		// Known here, but the kind does not accept it here: misplaced
		// when another level accepts it, unless the kind does not use
		// this level at all.
		if !fits || in != nil && !in.AppliesIn(k) {
			return place{}, false
		}
		return fitting, true
	}
	if fits {
		return fitting, true
	}
	return home, true
}

// empty reports whether an entry is present but holds nothing: no value
// (or an empty one) and no block.
func empty(e *parser.Entry) bool {
	return e.Block == nil && text(e) == ""
}

// shown returns a value quoted for a message, or "the value" when the
// value looks like a secret access key and must never be printed.
func shown(v string) string {
	if secretShaped(v) {
		return "the value"
	}
	return strconv.Quote(v)
}

// shownKey returns a key quoted for a message, or a description when the
// key itself looks like a secret access key (a secret pasted as a key).
func shownKey(name string) string {
	if secretShaped(name) {
		return "shaped like a secret access key (not shown)"
	}
	return strconv.Quote(name)
}

// kindArticle returns the job kind with its article, for messages: "an
// s3-import", "a glacier-import".
func kindArticle(k schema.Kind) string {
	return article(k.String()) + " " + k.String()
}

// article returns "an" before a word that starts with a vowel sound as
// our names are read ("an s3-import", "an operations item"), "a" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiosAEIOS", rune(word[0])) {
		return "an"
	}
	return "a"
}

// replaceScalar returns the edit that replaces the whole of a scalar, its
// quotes included, with s.
func replaceScalar(v *parser.Scalar, s string) parser.TextEdit {
	return parser.TextEdit{Start: v.Pos().Offset, End: v.End().Offset, NewText: s}
}
