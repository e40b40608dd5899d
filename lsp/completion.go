package lsp

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
	"go.lsp.dev/protocol"
)

// Completion offers, where a key goes, the options of the block at the
// cursor that the job's kind accepts and the mapping does not have yet,
// required ones first; returnAddress, customs and operations items come as
// snippets of their required fields. After "key: " it offers the key's
// values. The block is worked out from the source text, since a half-typed
// line may not parse, and the keys already present from the text and the
// tree. Nothing taken from the document is shown, so no secret is.
func (s *server) Completion(_ context.Context, params *protocol.CompletionParams) (*protocol.CompletionList, error) {
	d, err := s.snapshot(params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	at, err := d.m.offset(params.Position)
	if err != nil {
		return nil, err
	}
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	c := completionContext(d, at)
	if c == nil {
		return list, nil
	}
	if c.value {
		list.Items = valueItems(c, d)
	} else {
		list.Items = keyItems(c, d)
	}
	return list, nil
}

// cursorContext is where the cursor is, as read from the source text.
type cursorContext struct {
	m        *mapper      // the document's lines
	file     *parser.File // the tree of the same text
	line     int          // the cursor's line, 0-based
	start    int          // the offset where the cursor's line starts, past a BOM
	col      int          // the byte column where the line's key starts
	block    *schema.Option
	top      bool // the top level; block is nil then
	item     bool // an operations item
	dashLine int  // the line of the item's dash
	value    bool // after "key: "
	key      string
	word     int  // the byte column where the text being completed starts
	cursor   int  // the cursor's byte column
	needsGap bool // the cursor is right after the colon: the value needs a space
}

// text returns line i of the document without its line ending, nor a
// BOM on the first line.
func (c *cursorContext) text(i int) string {
	end := len(c.m.text)
	if i+1 < len(c.m.lines) {
		end = c.m.lines[i+1] - 1
	}
	line := strings.TrimSuffix(c.m.text[c.m.lines[i]:end], "\r")
	if i == 0 {
		line = strings.TrimPrefix(line, "\ufeff")
	}
	return line
}

// indent returns the number of spaces line i starts with, as lineShape
// counts them, without cutting the line out.
func (c *cursorContext) indent(i int) int {
	if i == 0 {
		return len(c.text(0)) - len(strings.TrimLeft(c.text(0), " "))
	}
	n := 0
	for j := c.m.lines[i]; j < len(c.m.text) && c.m.text[j] == ' '; j++ {
		n++
	}
	return n
}

// completionContext reads the cursor's block and position from the text.
// It returns nil where nothing can be completed: in a comment, inside a
// block the schema does not describe, after a dash with no space.
func completionContext(d *document, at int) *cursorContext {
	pos := d.m.position(at)
	c := &cursorContext{m: d.m, file: d.result.File, line: int(pos.Line), start: d.m.lines[pos.Line]}
	c.cursor = at - c.start
	if c.line == 0 && strings.HasPrefix(d.text, "\ufeff") {
		c.start += len("\ufeff") // columns count from past the BOM
		c.cursor -= len("\ufeff")
	}
	line := c.text(c.line)
	if c.cursor < 0 || c.cursor > len(line) {
		return nil
	}
	prefix := line[:c.cursor]
	indent := len(prefix) - len(strings.TrimLeft(prefix, " "))
	rest := prefix[indent:]
	c.col = indent
	if strings.HasPrefix(rest, "-") {
		after := strings.TrimLeft(rest[1:], " ")
		if len(after) == len(rest)-1 {
			return nil // "-" alone, or "-x": not yet an item
		}
		c.item, c.dashLine = true, c.line
		c.col = indent + len(rest) - len(after)
		rest = after
	}
	if strings.HasPrefix(rest, "#") {
		return nil
	}
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		c.value, c.key = true, strings.Trim(strings.TrimSpace(rest[:i]), `"'`)
		v := rest[i+1:]
		if v == "" {
			c.needsGap = true
		}
		c.word = c.cursor - len(strings.TrimLeft(v, " "))
	} else {
		if strings.ContainsAny(rest, " \t\"'") {
			return nil
		}
		c.word = c.col
	}
	if !c.findBlock(indent) {
		return nil
	}
	return c
}

// findBlock walks up from the cursor's line to the entry that opens its
// block, and reports whether the schema describes that block.
func (c *cursorContext) findBlock(indent int) bool {
	target := c.col
	if c.item {
		target = indent
	}
	for i := c.line - 1; i >= 0; i-- {
		if c.indent(i) > target {
			continue // deeper than the block looked for, whatever it holds
		}
		ind, dash, keyCol, _, skip := lineShape(c.text(i))
		if skip {
			continue
		}
		if !c.item && dash && keyCol == c.col {
			c.item, c.dashLine, target = true, i, ind
			continue
		}
		if c.item && dash && ind == target {
			// An earlier item of the same list: go on from the line
			// of the entry that opens the list, when the tree agrees
			// that it is an item of a top-level list, rather than
			// through every item above.
			if opener, ok := c.listOpener(i); ok {
				i = opener + 1 // the loop's i-- visits the opener next
			}
			continue
		}
		if ind >= target {
			continue
		}
		if dash || ind != 0 {
			return false // a block the schema does not describe
		}
		_, _, _, name, _ := lineShape(c.text(i))
		o := schema.Lookup(name)
		if o == nil || len(o.Fields) == 0 || (o.Type == schema.OperationList) != c.item {
			return false
		}
		c.block = o
		return true
	}
	if c.col == 0 && !c.item {
		c.top = true
		return true
	}
	return false
}

// listOpener returns the line of the top-level entry whose list has an
// item whose dash starts line i, found in the tree by binary searches.
func (c *cursorContext) listOpener(i int) (int, bool) {
	if c.file == nil {
		return 0, false
	}
	dash := c.m.lines[i] + c.indent(i)
	entries := c.file.Body.Entries
	n := sort.Search(len(entries), func(k int) bool { return entries[k].Pos().Offset > dash }) - 1
	if n < 0 {
		return 0, false
	}
	list, ok := entries[n].Block.(*parser.List)
	if !ok {
		return 0, false
	}
	k := sort.Search(len(list.Items), func(k int) bool { return list.Items[k].Dash.Offset >= dash })
	if k == len(list.Items) || list.Items[k].Dash.Offset != dash {
		return 0, false
	}
	return entries[n].Pos().Line - 1, true
}

// lineShape reads a line: its indentation, whether it is a list item, the
// column of its key, and the key's name; skip is set for a blank or
// comment line.
func lineShape(line string) (indent int, dash bool, keyCol int, key string, skip bool) {
	indent = len(line) - len(strings.TrimLeft(line, " "))
	rest := line[indent:]
	if strings.TrimSpace(rest) == "" || strings.HasPrefix(rest, "#") {
		return indent, false, indent, "", true
	}
	keyCol = indent
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		dash = true
		after := strings.TrimLeft(rest[1:], " ")
		keyCol += len(rest) - len(after)
		rest = after
	}
	if i := strings.IndexByte(rest, ':'); i > 0 {
		key = strings.Trim(strings.TrimSpace(rest[:i]), `"'`)
	}
	return indent, dash, keyCol, key, false
}

// options returns the options valid where the cursor is.
func (c *cursorContext) options() []*schema.Option {
	if c.top {
		return schema.Top
	}
	return c.block.Fields
}

// present returns the keys the cursor's mapping already has, other than
// the one on the cursor's line: from the text, and from the tree.
func (c *cursorContext) present(top *parser.Mapping, fields []schema.Field) map[string]bool {
	keys := map[string]bool{}
	first := 0
	switch {
	case c.item:
		first = c.dashLine
	case !c.top:
		first = c.line
		for first > 0 {
			ind, _, _, _, skip := lineShape(c.text(first - 1))
			if !skip && ind < c.col {
				break
			}
			first--
		}
	}
	for i := first; i < len(c.m.lines); i++ {
		if !c.item && i != first && c.indent(i) > c.col {
			continue // no key of the mapping, nor its end
		}
		ind, dash, keyCol, key, skip := lineShape(c.text(i))
		if skip {
			continue
		}
		if i != first && (ind < c.col || (c.item && dash)) {
			break
		}
		if keyCol == c.col && key != "" && i != c.line && (!dash || (c.item && i == c.dashLine)) {
			keys[key] = true
		}
	}
	// The tree, for what the text scan may have missed: the top-level
	// entries, or the fields of the block around the cursor, which are
	// next to each other in source order.
	mine := func(f schema.Field) bool {
		return f.In == c.block && (!c.item || f.Item != nil && f.Item.Dash.Line-1 == c.dashLine)
	}
	add := func(f schema.Field) {
		if f.Entry.Key.Pos().Line-1 != c.line {
			keys[f.Entry.Key.Name] = true
		}
	}
	if c.top {
		for _, e := range top.Entries {
			add(schema.Field{Entry: e})
		}
		return keys
	}
	at := schema.FieldBefore(fields, c.start+c.cursor)
	for i := at; i >= 0 && mine(fields[i]); i-- {
		add(fields[i])
	}
	for i := at + 1; i < len(fields) && mine(fields[i]); i++ {
		add(fields[i])
	}
	return keys
}

// keyItems offers the options that may go where the cursor is.
func keyItems(c *cursorContext, d *document) []protocol.CompletionItem {
	kind := d.result.Kind
	have := c.present(d.result.File.Body, d.result.Fields())
	edit := func(text string) *protocol.TextEdit {
		return &protocol.TextEdit{Range: d.m.rng(c.start+c.word, c.start+c.cursor), NewText: text}
	}
	items := []protocol.CompletionItem{}
	for _, o := range c.options() {
		if !o.AppliesIn(kind) || have[o.Name] {
			continue
		}
		sort := "1" + o.Name
		if o.RequiredIn(kind) {
			sort = "0" + o.Name
		}
		it := protocol.CompletionItem{
			Label: o.Name, Kind: protocol.CompletionItemKindProperty, Detail: o.Type.String(),
			Documentation: protocol.MarkupContent{Kind: protocol.Markdown, Value: o.Doc},
			SortText:      sort, InsertText: o.Name + ": ", InsertTextFormat: protocol.InsertTextFormatPlainText,
		}
		if c.top && len(o.Fields) > 0 {
			it.InsertText = blockSnippet(o, kind, c.col)
			it.InsertTextFormat = protocol.InsertTextFormatSnippet
			it.InsertTextMode = protocol.InsertTextModeAsIs
		}
		it.TextEdit = edit(it.InsertText)
		items = append(items, it)
	}
	if c.item && len(have) == 0 && c.word == c.cursor {
		// An empty item: offer the whole operation as well.
		text, n := fieldsSnippet(schema.Operations, kind, c.col, 1)
		if n > 0 {
			items = append(items, protocol.CompletionItem{
				Label: "operation (" + kind.String() + ")", Kind: protocol.CompletionItemKindSnippet,
				Detail:        "an operations item with its required fields",
				Documentation: protocol.MarkupContent{Kind: protocol.Markdown, Value: schema.Operations.Doc},
				SortText:      "0", InsertText: text, InsertTextFormat: protocol.InsertTextFormatSnippet,
				InsertTextMode: protocol.InsertTextModeAsIs, TextEdit: edit(text),
			})
		}
	}
	return items
}

// blockSnippet writes a block option with its required fields, indented
// from col: 4 spaces for a block's fields, "  - " for a list's item.
func blockSnippet(o *schema.Option, kind schema.Kind, col int) string {
	pad := strings.Repeat(" ", col)
	if o.Type == schema.OperationList {
		text, n := fieldsSnippet(o, kind, col+4, 1)
		if n == 0 {
			text = "${1}"
		}
		return o.Name + ":\n" + pad + "  - " + text
	}
	text, n := fieldsSnippet(o, kind, col+4, 1)
	if n == 0 {
		text = "${1}"
	}
	return o.Name + ":\n" + pad + "    " + text
}

// fieldsSnippet writes the required fields of o for the kind as
// "field: ${n:example}" lines, the first unindented (the caller writes
// what goes before it) and the others at col. It returns the text and how
// many fields it wrote. With an unknown kind, the fields every kind
// requires are written.
func fieldsSnippet(o *schema.Option, kind schema.Kind, col, n int) (string, int) {
	var lines []string
	for _, f := range o.Fields {
		if !f.RequiredIn(kind) {
			continue
		}
		example := f.Example
		if v := f.Only(kind); v != "" {
			example = v
		}
		lines = append(lines, fmt.Sprintf("%s: ${%d:%s}", f.Name, n, snippetEscape(example)))
		n++
	}
	return strings.Join(lines, "\n"+strings.Repeat(" ", col)), len(lines)
}

// snippetEscape escapes the characters special in a snippet placeholder.
func snippetEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(s)
}

// valueItems offers the values of the key before the cursor: every value
// lint accepts for it, with what a code stands for as detail.
func valueItems(c *cursorContext, d *document) []protocol.CompletionItem {
	var o *schema.Option
	if c.top {
		o = schema.Lookup(c.key)
	} else {
		o = c.block.Field(c.key)
	}
	if o == nil {
		return []protocol.CompletionItem{}
	}
	var values []string
	detail := func(string) string { return o.Name + " (" + o.Type.String() + ")" }
	switch {
	case o.Type == schema.YesNo:
		values = schema.YesNoValues
	case o.Type == schema.Enum, o.Type == schema.Version:
		values = o.ValuesFor(d.result.Kind)
	case o.Type == schema.Region:
		values = schema.Regions
	case o.Type == schema.Country:
		values = schema.CountryValues()
		detail = func(v string) string { return schema.LookupCountry(v).Names[0] }
	case o.Type == schema.State && returnCountry(d).Is("US"):
		values = slices.Sorted(maps.Keys(schema.USStates))
		detail = func(v string) string { return schema.USStates[v] }
	}
	items := []protocol.CompletionItem{}
	for i, v := range values {
		text := v
		if c.needsGap {
			text = " " + v
		}
		items = append(items, protocol.CompletionItem{
			Label: v, Kind: protocol.CompletionItemKindValue, Detail: detail(v),
			SortText: fmt.Sprintf("%03d", i), InsertText: text, FilterText: v,
			InsertTextFormat: protocol.InsertTextFormatPlainText,
			TextEdit:         &protocol.TextEdit{Range: d.m.rng(c.start+c.word, c.start+c.cursor), NewText: text},
		})
	}
	return items
}

// returnCountry returns the country of the document's return address, or
// nil when it has none the schema knows.
func returnCountry(d *document) *schema.ISOCountry {
	for _, f := range d.result.Fields() {
		if f.In == schema.ReturnAddress && f.Is(schema.Country) && f.Entry.Value != nil {
			return schema.LookupCountry(f.Entry.Value.Text)
		}
	}
	return nil
}
