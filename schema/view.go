package schema

import (
	"cmp"
	"slices"

	"github.com/iekit/iekit/parser"
)

// Field is an entry of a parsed manifest whose place the schema knows: a
// top-level entry, or a field of a block the schema describes
// (returnAddress, customs, an operations item).
type Field struct {
	Entry   *parser.Entry
	Mapping *parser.Mapping // the mapping that holds the entry: the top level, a block, an operations item
	Item    *parser.Item    // the operations item that holds the entry; nil elsewhere
	In      *Option         // the block the entry is a field of; nil at the top level
	Option  *Option         // the option the entry stands for, a field of In if any; nil when unknown
}

// Is reports whether the field stands for an option of type t.
func (f Field) Is(t Type) bool { return f.Option != nil && f.Option.Type == t }

// Fields returns the fields of the manifest whose top-level mapping is
// top, in source order: each top-level entry, followed by the fields of
// its block when the schema describes that block. It does not descend
// into free mappings such as contentTypes, nor under keys the schema does
// not know.
func Fields(top *parser.Mapping) []Field { return AppendFields(nil, top) }

// AppendFields appends the fields of Fields(top) to dst and returns the
// extended slice, for callers that know how many to expect.
func AppendFields(dst []Field, top *parser.Mapping) []Field {
	for _, e := range top.Entries {
		o := Lookup(e.Key.Name)
		dst = append(dst, Field{Entry: e, Mapping: top, Option: o})
		if o == nil {
			continue
		}
		eachBlockMapping(e, o, func(m *parser.Mapping, it *parser.Item) {
			for _, fe := range m.Entries {
				dst = append(dst, Field{Entry: fe, Mapping: m, Item: it, In: o, Option: o.Field(fe.Key.Name)})
			}
		})
	}
	return dst
}

// FieldAt returns the field whose key holds offset, its ends included;
// false when no key of a field does. fields are in source order, as
// Fields returns them: the search is binary.
func FieldAt(fields []Field, offset int) (Field, bool) {
	if i := FieldBefore(fields, offset); i >= 0 {
		if k := fields[i].Entry.Key; offset <= k.End().Offset {
			return fields[i], true
		}
	}
	return Field{}, false
}

// FieldBefore returns the index of the last field whose entry starts at
// or before offset, or -1: the field whose key or value holds offset, if
// any does. fields are in source order, as Fields returns them.
func FieldBefore(fields []Field, offset int) int {
	i, _ := slices.BinarySearchFunc(fields, offset+1, func(f Field, off int) int {
		return cmp.Compare(f.Entry.Pos().Offset, off)
	})
	return i - 1
}

// BlockOf returns the top-level entry of the block option o
// (returnAddress, customs) and the mapping of its fields; the mapping is
// nil when the entry has no block of fields (fields written at column 0,
// a value on the key's line, a list).
func BlockOf(top *parser.Mapping, o *Option) (*parser.Entry, *parser.Mapping) {
	e := top.Lookup(o.Name)
	if e == nil {
		return nil, nil
	}
	m, _ := e.Block.(*parser.Mapping)
	return e, m
}

// eachBlockMapping calls fn with each mapping that holds the fields of
// option o under entry e, and the item that holds the mapping (nil for a
// Block's).
func eachBlockMapping(e *parser.Entry, o *Option, fn func(*parser.Mapping, *parser.Item)) {
	switch b := e.Block.(type) {
	case *parser.Mapping:
		if o.Type == Block {
			fn(b, nil)
		}
	case *parser.List:
		if o.Type != OperationList {
			return
		}
		for _, it := range b.Items {
			if m, ok := it.Block.(*parser.Mapping); ok {
				fn(m, it)
			}
		}
	}
}
