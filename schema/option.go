package schema

import "slices"

// Type is the type of an option's value.
type Type uint8

// The value types of spec §3.
const (
	Text          Type = iota + 1 // any text
	YesNo                         // "yes" or "no", any case
	Enum                          // one of Option.Values
	Version                       // manifestVersion: "2.0" or "3.0"
	BucketName                    // an S3 bucket name
	AccessKeyID                   // an AWS access key ID
	Secret                        // a secret, never to be echoed
	EmailList                     // addresses separated by ";"
	Region                        // an AWS region name
	Country                       // a country name or ISO 3166 code
	Decimal                       // a decimal number, such as 250.00
	PatternList                   // a list of Java regular expressions
	Block                         // a mapping of the fields in Option.Fields
	OperationList                 // a list of mappings of the fields in Option.Fields
	FreeMapping                   // a mapping whose keys are the user's
	State                         // a state or province: a USPS code in the United States
)

var typeNames = [...]string{
	Text: "text", YesNo: "yes/no", Enum: "one of a list", Version: "version",
	BucketName: "bucket name", AccessKeyID: "access key ID", Secret: "secret text",
	EmailList: "email addresses separated by \";\"", Region: "AWS region name",
	Country: "country", Decimal: "decimal number", PatternList: "list of regular expressions",
	Block: "block", OperationList: "list of operations", FreeMapping: "mapping",
	State: "state or province",
}

// String describes the type for people, e.g. "yes/no" or "bucket name".
func (t Type) String() string {
	if int(t) < len(typeNames) && typeNames[t] != "" {
		return typeNames[t]
	}
	return "unknown type"
}

// HasBlock reports whether values of the type are written as an indented
// block rather than on the key's line.
func (t Type) HasBlock() bool {
	return t == Block || t == OperationList || t == FreeMapping || t == PatternList
}

// Presence says whether a kind of job requires an option.
type Presence uint8

// The presences of spec §3: R, o, –, and "cond." (customs).
const (
	NotApplicable Presence = iota
	Optional
	Required
	Conditional // required in some circumstances the option's Doc explains
)

// Option is one option of a manifest: a top-level key, or a field of a
// block.
type Option struct {
	Name     string
	Type     Type
	Presence [5]Presence // indexed by Kind; KindUnknown's entry is unused
	// Values are the valid values of an Enum, the exact versions of a
	// Version; Accepted are values that work but draw a warning.
	Values    []string
	Accepted  []string
	ForKind   [5][]string // when set for a kind (indexed by Kind), the only Values that kind accepts
	Default   string
	Example   string
	Doc       string    // one paragraph, in our words
	Uncertain bool      // the requirement rests on thin evidence: warn, never error
	Fields    []*Option // the fields of a Block or of each OperationList item
}

// AppliesIn reports whether jobs of kind k accept the option: it is not
// NotApplicable for k. With KindUnknown, whether some kind accepts it.
func (o *Option) AppliesIn(k Kind) bool {
	if k != KindUnknown {
		return o.Presence[k] != NotApplicable
	}
	return slices.ContainsFunc(Kinds, func(k Kind) bool { return o.Presence[k] != NotApplicable })
}

// RequiredIn reports whether jobs of kind k require the option (not
// merely in some circumstances, as Conditional options are). With
// KindUnknown, whether every kind does: what a job needs whatever its
// kind turns out to be.
func (o *Option) RequiredIn(k Kind) bool {
	if k != KindUnknown {
		return o.Presence[k] == Required
	}
	return !slices.ContainsFunc(Kinds, func(k Kind) bool { return o.Presence[k] != Required })
}

// Only returns the one value jobs of kind k accept for the option, or ""
// when they accept several or any: the manifestVersion of a known kind,
// an enum with a single value for it (source: device; destination:
// glacier for a Glacier import).
func (o *Option) Only(k Kind) string {
	switch o.Type {
	case Version:
		return k.ManifestVersion()
	case Enum:
		if v := o.ValuesFor(k); len(v) == 1 {
			return v[0]
		}
	}
	return ""
}

// ValuesFor returns the values jobs of kind k accept: ForKind[k] when the
// values depend on the kind (an operations destination), Values otherwise.
func (o *Option) ValuesFor(k Kind) []string {
	if v := o.ForKind[k]; v != nil {
		return v
	}
	return o.Values
}

// Field returns the field of a Block or OperationList named name, or nil.
func (o *Option) Field(name string) *Option {
	return find(o.Fields, name)
}

// presence reads the notation of the spec's tables, one character per
// kind in the order s3-import, s3-export, ebs-import, glacier-import:
// R required, o optional, c conditional, - not applicable.
func presence(s string) (p [5]Presence) {
	if len(s) != len(Kinds) {
		panic("schema: presence needs one character per kind: " + s)
	}
	for i, c := range s {
		switch c {
		case 'R':
			p[Kinds[i]] = Required
		case 'o':
			p[Kinds[i]] = Optional
		case 'c':
			p[Kinds[i]] = Conditional
		case '-':
		default:
			panic("schema: bad presence " + s)
		}
	}
	return p
}

func find(list []*Option, name string) *Option {
	for _, o := range list {
		if o.Name == name {
			return o
		}
	}
	return nil
}
