package lsp

import (
	"context"
	"fmt"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

// Hover explains what is under the cursor: on a key, its option's
// documentation from the schema; on a finding (a value a rule reports,
// such as a bucket name that breaks a naming rule), what is wrong and the
// rule's documentation. Values are never shown, and messages are
// redacted, so no secret is.
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
	if key, in := keyAt(d.result.File, at); key != nil {
		if text := optionHelp(key.Name, in, d.result.Kind); text != "" {
			parts = append(parts, text)
			r := d.m.rng(key.Pos().Offset, key.End().Offset)
			span = &r
		}
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

// keyAt returns the key at offset, and the option whose block holds it
// (nil at the top level).
func keyAt(f *parser.File, offset int) (*parser.Key, *schema.Option) {
	var found *parser.Key
	var in *schema.Option
	var walk func(m *parser.Mapping, block *schema.Option)
	walk = func(m *parser.Mapping, block *schema.Option) {
		for _, e := range m.Entries {
			if e.Key.Pos().Offset <= offset && offset <= e.Key.End().Offset {
				found, in = e.Key, block
				return
			}
			o := schema.Lookup(e.Key.Name)
			if block != nil || o == nil {
				continue
			}
			switch b := e.Block.(type) {
			case *parser.Mapping:
				walk(b, o)
			case *parser.List:
				for _, it := range b.Items {
					if im, ok := it.Block.(*parser.Mapping); ok {
						walk(im, o)
					}
				}
			}
		}
	}
	walk(f.Body, nil)
	return found, in
}

// optionHelp documents an option for hover: what it is, its type,
// whether the job's kind requires it, its default, valid values and an
// example.
func optionHelp(name string, in *schema.Option, kind schema.Kind) string {
	o := schema.Lookup(name)
	if in != nil {
		o = in.Field(name)
	}
	if o == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)\n\n%s\n", o.Name, o.Type, o.Doc)
	if kind != schema.KindUnknown {
		presence := map[schema.Presence]string{
			schema.Required: "required", schema.Optional: "optional",
			schema.Conditional: "required in some cases", schema.NotApplicable: "not used",
		}[o.In(kind)]
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
