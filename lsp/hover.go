package lsp

import (
	"context"
	"fmt"
	"strings"

	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

// Hover explains what is under the cursor: on a key, its option's
// documentation from the schema; on a finding (a value a rule reports,
// such as a bucket name that breaks a naming rule), what is wrong and the
// rule's documentation; on a country, a US state or a region, what the
// tables know of it. Values are never shown, only the tables' names, and
// messages are redacted, so no secret is.
func (s *server) Hover(_ context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	at, err := d.m.offset(params.Position)
	if err != nil {
		return nil, err
	}
	var parts []string
	var span *protocol.Range
	if f, ok := schema.FieldAt(d.result.Fields(), at); ok && f.Option != nil {
		parts = append(parts, optionHelp(f.Option, d.result.Kind))
		key := f.Entry.Key
		r := d.m.rng(key.Pos().Offset, key.End().Offset)
		span = &r
	} else if start, end, text := valueHelp(d, at); text != "" {
		parts = append(parts, text)
		r := d.m.rng(start, end)
		span = &r
	}
	// On a finding, say what is wrong there, then why the rule exists.
	for _, x := range d.result.Diagnostics {
		if x.Start.Offset <= at && at <= x.End.Offset {
			text := fmt.Sprintf("**%s**: %s [%s]", x.Severity, x.Message, x.Rule)
			if rule := ruleDoc(x.Rule); rule != nil {
				text += "\n\n```\n" + rule.Help() + "```"
			}
			parts = append(parts, text)
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    span,
	}, nil
}

// optionHelp documents an option for hover: what it is, its type,
// whether the job's kind requires it, its default, valid values and an
// example.
func optionHelp(o *schema.Option, kind schema.Kind) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)\n\n%s\n", o.Name, o.Type, o.Doc)
	if kind != schema.KindUnknown {
		presence := map[schema.Presence]string{
			schema.Required: "required", schema.Optional: "optional",
			schema.Conditional: "required in some cases", schema.NotApplicable: "not used",
		}[o.Presence[kind]]
		fmt.Fprintf(&b, "\n%s for %s jobs.", strings.ToUpper(presence[:1])+presence[1:], kind)
	}
	if o.Default != "" {
		fmt.Fprintf(&b, " Default: %s.", o.Default)
	}
	if len(o.Values) > 0 {
		fmt.Fprintf(&b, " Values: %s.", strings.Join(o.Values, ", "))
	}
	if o.Type != schema.Secret {
		fmt.Fprintf(&b, "\n\nExample:\n\n```\n%s\n```", o.Example)
	}
	return b.String()
}

// valueHelp says what the tables know of the value at offset, and
// returns where that value is: the country a name or code stands for, the state a
// USPS code of a US return address does, the data-loading facility of a
// region. It returns "" for other values.
func valueHelp(d *document, offset int) (start, end int, text string) {
	fields := d.result.Fields()
	if i := schema.FieldBefore(fields, offset); i >= 0 {
		f := fields[i]
		v := f.Entry.Value
		if f.Option == nil || v == nil || offset < v.Pos().Offset || offset > v.End().Offset {
			return 0, 0, ""
		}
		start, end = v.Pos().Offset, v.End().Offset
		switch {
		case f.Is(schema.Country):
			if c := schema.LookupCountry(v.Text); c != nil {
				return start, end, fmt.Sprintf("**%s**: ISO 3166 code %s, %s", c.Names[0], c.Alpha2, c.Alpha3)
			}
		case f.Is(schema.State) && returnCountry(d).Is("US"):
			if name, ok := schema.USStates[strings.ToUpper(v.Text)]; ok {
				return start, end, fmt.Sprintf("**%s**: USPS code %s", name, strings.ToUpper(v.Text))
			}
		case f.Is(schema.Region):
			if fac := schema.FacilityOf(v.Text); fac != nil {
				return start, end, fmt.Sprintf("**%s**: an AWS region served by the data-loading facility in %s", fac.Region, schema.LookupCountry(fac.Country).Names[0])
			}
		}
		return 0, 0, ""
	}
	return 0, 0, ""
}
