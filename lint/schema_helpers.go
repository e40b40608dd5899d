package lint

import (
	"fmt"
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
	if o == nil {
		return false
	}
	if k == schema.KindUnknown {
		return true
	}
	return o.In(k) != schema.NotApplicable && (pl.opt == nil || pl.opt.In(k) != schema.NotApplicable)
}

// places lists every level in a fixed order: the top level first, then
// schema.Blocks.
func places() []place {
	out := []place{{}}
	for _, b := range schema.Blocks {
		out = append(out, place{b})
	}
	return out
}

// misplacedHome returns where an entry found at place in (nil: the top
// level) belongs instead, and whether it is misplaced at all. A key is
// misplaced when its level does not know it but another level does, or
// when the job's kind does not accept it at its level but does accept it
// at another (a top-level prefix in an s3-export, whose prefix is an
// operations field). Keys known nowhere are unknown-key's business.
func misplacedHome(e *parser.Entry, in *schema.Option, k schema.Kind) (place, bool) {
	name, here := e.Key.Name, place{in}
	var homes []place
	for _, pl := range places() {
		if pl.opt != in && pl.option(name) != nil {
			homes = append(homes, pl)
		}
	}
	if len(homes) == 0 {
		return place{}, false
	}
	var fitting []place
	for _, pl := range homes {
		if pl.applies(name, k) {
			fitting = append(fitting, pl)
		}
	}
	if here.option(name) != nil {
		// Known here: misplaced only when the kind says so, and only
		// when the level itself is one the kind uses.
		if k == schema.KindUnknown || here.applies(name, k) || len(fitting) == 0 ||
			(in != nil && in.In(k) == schema.NotApplicable) {
			return place{}, false
		}
		return fitting[0], true
	}
	if len(fitting) > 0 {
		return fitting[0], true
	}
	return homes[0], true
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
	return fmt.Sprintf("%q", v)
}

// shownKey returns a key quoted for a message, or a description when the
// key itself looks like a secret access key (a secret pasted as a key).
func shownKey(name string) string {
	if secretShaped(name) {
		return "shaped like a secret access key (not shown)"
	}
	return fmt.Sprintf("%q", name)
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
