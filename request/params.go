package request

import (
	"slices"
	"strings"
)

// APIVersion is the version of the Import/Export API.
const APIVersion = "2010-06-01"

// Param is one name=value pair of a request.
type Param struct {
	Name, Value string
}

// Params are the parameters of a request, in order.
type Params []Param

// Get returns the value of the first parameter named name.
func (ps Params) Get(name string) (string, bool) {
	for _, p := range ps {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// Set replaces the value of the parameter named name, or appends it.
func (ps *Params) Set(name, value string) {
	for i := range *ps {
		if (*ps)[i].Name == name {
			(*ps)[i].Value = value
			return
		}
	}
	*ps = append(*ps, Param{name, value})
}

// Del removes every parameter named name.
func (ps *Params) Del(name string) {
	*ps = slices.DeleteFunc(*ps, func(p Param) bool { return p.Name == name })
}

// Encode joins the parameters as name=value pairs with "&", in order, each
// name and value escaped.
func (ps Params) Encode() string {
	n := 0
	for _, p := range ps {
		n += escapedLen(p.Name) + 1 + escapedLen(p.Value) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range ps {
		if i > 0 {
			b = append(b, '&')
		}
		b = appendEscaped(b, p.Name)
		b = append(b, '=')
		b = appendEscaped(b, p.Value)
	}
	return string(b)
}

// Sorted returns the parameters sorted by name in byte order, as Signature
// Version 2 canonicalises them.
func (ps Params) Sorted() Params {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Param) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Escape percent-encodes s as the service and Signature Version 2 expect:
// every byte outside A-Z a-z 0-9 - _ . ~ becomes %XX with upper-case hex,
// so a space is %20 and a newline %0A.
func Escape(s string) string {
	n := escapedLen(s)
	if n == len(s) {
		return s
	}
	return string(appendEscaped(make([]byte, 0, n), s))
}

// escapedLen returns the length of s once escaped.
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if !unreserved[s[i]] {
			n += 2
		}
	}
	return n
}

// appendEscaped appends s, escaped, to b.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		if c := s[i]; unreserved[c] {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// unreserved marks the bytes sent as they are: A-Z a-z 0-9 - _ . ~.
var unreserved = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~'
	}
	return t
}()
