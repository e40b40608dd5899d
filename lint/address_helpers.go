package lint

import (
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// This file holds what the address rules share (address, address-format,
// customs, service-level): the fields of the returnAddress and customs
// blocks, and their countries. The tables of countries and states are
// the schema's.

// blankField reports whether a field is present but says nothing: no
// value, or only blanks, and no block below it.
func blankField(e *parser.Entry) bool {
	return e.Block == nil && strings.TrimSpace(text(e)) == ""
}

// keyColonSpan returns the span of an entry's key and colon, where a
// finding about the entry as a whole (an empty field) points.
func keyColonSpan(e *parser.Entry) (start, end parser.Pos) {
	if e.Colon.IsValid() && e.Colon.Offset >= e.Key.Pos().Offset {
		return e.Key.Pos(), e.Colon.Advance(1)
	}
	return e.Key.Pos(), e.Key.End()
}

// reportMissingFields reports, at the calling rule's severity, the fields
// of block o that the job's kind requires and that m, the mapping under
// entry e, lacks (`returnAddress is missing "city"`, at e's key) or leaves
// empty (`"city" is empty`, at the field). A lacking field gets fix, the
// one that adds every field the block lacks.
func reportMissingFields(p *Pass, e *parser.Entry, m *parser.Mapping, o *schema.Option, fix []parser.Fix) {
	for _, f := range o.Fields {
		if !f.RequiredIn(p.Kind) {
			continue
		}
		switch fe := m.Lookup(f.Name); {
		case fe == nil:
			p.Report(parser.Diagnostic{Start: e.Key.Pos(), End: e.Key.End(),
				Message: fmt.Sprintf("%s is missing %q", o.Name, f.Name),
				Data:    &parser.Data{Keys: []string{f.Name}}, Fixes: onlyIf(lacks(m, f.Name), fix)})
		case blankField(fe):
			start, end := keyColonSpan(fe)
			p.Report(parser.Diagnostic{Start: start, End: end, Message: quote(f.Name) + " is empty"})
		}
	}
}

// returnCountry returns the country of the return address, and the entry
// that gives it; the country is nil when the address has none or the
// table does not know it.
func returnCountry(top *parser.Mapping) (*schema.ISOCountry, *parser.Entry) {
	_, m := schema.BlockOf(top, schema.ReturnAddress)
	if m == nil {
		return nil, nil
	}
	e := m.Lookup("country")
	if e == nil || e.Value == nil {
		return nil, e
	}
	return schema.LookupCountry(e.Value.Text), e
}

// reportCountry reports the value of e when it names no country of the
// table, with the closest name as an unsafe fix. Placeholders and empty
// values are left to other rules.
func reportCountry(p *Pass, e *parser.Entry) {
	v := checkable(e)
	if v == nil || schema.LookupCountry(v.Text) != nil {
		return
	}
	d := parser.Diagnostic{Start: v.Pos(), End: v.End()}
	if s := suggest(v.Text, schema.CountryNames()); s != "" {
		d.Message = fmt.Sprintf("%s %s is not a country name or ISO 3166 code: did you mean %q?", e.Key.Name, shown(v.Text), s)
		d.Data = &parser.Data{Value: s}
		d.Fixes = []parser.Fix{{Title: fmt.Sprintf("replace with %q", s), Edits: []parser.TextEdit{replaceScalar(v, s)}}}
	} else {
		d.Message = fmt.Sprintf("%s %s is not a country name or ISO 3166 code, such as \"Germany\", \"DE\" or \"DEU\"", e.Key.Name, shown(v.Text))
	}
	p.Report(d)
}
