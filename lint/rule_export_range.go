package lint

import (
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleExportRange reports an s3-export operation whose beginMarker,
// endMarker and prefix leave no key to export.
var ruleExportRange = &Rule{
	Name:     "export-range",
	Severity: parser.SeverityWarning,
	Summary:  "an export operation that selects no key: beginMarker not before endMarker, prefix outside the markers",
	Doc: `An export operation copies the keys of its bucket that start with its
prefix, come after its beginMarker and go up to its endMarker, keys
compared byte by byte: beginMarker is excluded along with every key
before it, endMarker is included. Markers or a prefix that leave no key
make the operation copy nothing, and the device comes back without the
data, with no error to say why. This rule reports the three ways it
happens, and only those:

- beginMarker is not before endMarker: no key is both after the one and
  at most the other;
- every key with the prefix sorts before beginMarker: the prefix is
  before beginMarker and beginMarker does not start with it (when
  beginMarker starts with the prefix, the keys that extend beginMarker
  still have the prefix and come after it);
- every key with the prefix sorts after endMarker: the prefix itself,
  the smallest of those keys, is after endMarker.

When none holds, some key can match: the operation may still find nothing
in the bucket, but not because of how it is written. Check the markers
are not swapped, and that they share the prefix's spelling and case.`,
	Avoid:  "operations:\n  - exportBucket: survey-archive\n    prefix: 2019/\n    beginMarker: 2020/\n",
	Prefer: "operations:\n  - exportBucket: survey-archive\n    prefix: 2019/\n    beginMarker: 2019/06/\n",
	Check:  checkExportRange,
	Scope:  ScopeItem,
}

func checkExportRange(p *Pass) {
	if p.Kind != schema.S3Export && p.Kind != schema.KindUnknown {
		return
	}
	ops := p.Top().Lookup(schema.Operations.Name)
	if ops == nil {
		return
	}
	list, ok := ops.Block.(*parser.List)
	if !ok {
		return
	}
	for _, it := range list.Items {
		m, ok := it.Block.(*parser.Mapping)
		if !ok {
			continue
		}
		begin, end, prefix := rangeValues(m)
		if begin != nil && end != nil && begin.Text >= end.Text {
			p.Report(parser.Diagnostic{
				Start: begin.Pos(), End: begin.End(),
				Message: "beginMarker " + shown(begin.Text) + " is not before endMarker " + shown(end.Text) + ": the operation selects nothing",
				Related: []parser.Related{{Start: end.Pos(), End: end.End(), Message: "endMarker"}},
			})
		}
		if prefix == nil {
			continue
		}
		switch {
		case begin != nil && prefix.Text < begin.Text && !strings.HasPrefix(begin.Text, prefix.Text):
			p.Report(parser.Diagnostic{
				Start: prefix.Pos(), End: prefix.End(),
				Message: "prefix " + shown(prefix.Text) + " lies before beginMarker " + shown(begin.Text) + ": the operation selects nothing",
				Related: []parser.Related{{Start: begin.Pos(), End: begin.End(), Message: "beginMarker"}},
			})
		case end != nil && prefix.Text > end.Text:
			p.Report(parser.Diagnostic{
				Start: prefix.Pos(), End: prefix.End(),
				Message: "prefix " + shown(prefix.Text) + " lies after endMarker " + shown(end.Text) + ": the operation selects nothing",
				Related: []parser.Related{{Start: end.Pos(), End: end.End(), Message: "endMarker"}},
			})
		}
	}
}

// rangeValues returns the values of an operation's beginMarker,
// endMarker and prefix, in one pass over its entries (a big manifest has
// thousands of operations): for each, the first entry of that name, and
// nil when there is none or when it does not bound the keys (see
// rangeValue).
func rangeValues(m *parser.Mapping) (begin, end, prefix *parser.Scalar) {
	var entries [3]*parser.Entry // beginMarker, endMarker, prefix
	for _, e := range m.Entries {
		i := -1
		switch e.Key.Name {
		case "beginMarker":
			i = 0
		case "endMarker":
			i = 1
		case "prefix":
			i = 2
		}
		if i >= 0 && entries[i] == nil {
			entries[i] = e
		}
	}
	return rangeValue(entries[0]), rangeValue(entries[1]), rangeValue(entries[2])
}

// rangeValue returns the value of an operation's field when it bounds
// the keys: nil when the field is absent, empty or a placeholder.
func rangeValue(e *parser.Entry) *parser.Scalar {
	if e == nil || e.Value == nil || e.Value.Text == "" || isPlaceholder(e.Value.Text) {
		return nil
	}
	return e.Value
}
