// Package schema says what a manifest may contain: the four job kinds, the
// options of each (top level, returnAddress, customs and operations items),
// their value types, whether each kind requires them, their defaults, valid
// values, examples and documentation; the domain tables the values are
// checked against (regions and facilities, countries, US states, yes/no
// spellings); and Fields, the view of a parsed manifest that says which
// option each entry is and in which block. It is the one source of truth
// that lint rules, hover and completion read; no rule keeps its own list
// of options or values.
package schema
