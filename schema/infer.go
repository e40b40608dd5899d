package schema

import (
	"slices"

	"github.com/iekit/iekit/parser"
)

// destination is the operations field whose value marks an EBS or a
// Glacier import.
var destination = Operations.Field("destination")

// Marker is a piece of a manifest that says which kind of job it is.
type Marker struct {
	Kind Kind
	Node parser.Node // the key or value that says so
}

// Infer returns the kind of job a manifest describes, from its content
// (spec §1): a top-level bucket means s3-import; operations items with an
// exportBucket, s3-export; with destination ebs-snapshot or glacier, an EBS
// or Glacier import. It also returns every marker it found. When no marker
// is found, or markers of different kinds, the kind is KindUnknown.
func Infer(f *parser.File) (Kind, []Marker) {
	var markers []Marker
	if e := f.Body.Lookup("bucket"); e != nil {
		markers = append(markers, Marker{S3Import, e.Key})
	}
	if ops := f.Body.Lookup("operations"); ops != nil {
		if list, ok := ops.Block.(*parser.List); ok {
			// An export has a marker in every item: room for them
			// is made at once.
			markers = slices.Grow(markers, len(list.Items))
			for _, it := range list.Items {
				m, ok := it.Block.(*parser.Mapping)
				if !ok {
					continue
				}
				bucket, dest := itemMarkers(m)
				if bucket != nil {
					markers = append(markers, Marker{S3Export, bucket.Key})
				}
				if dest != nil && dest.Value != nil {
					for _, k := range Kinds {
						if slices.Contains(destination.ForKind[k], dest.Value.Text) {
							markers = append(markers, Marker{k, dest.Value})
						}
					}
				}
			}
		}
	}
	kind := KindUnknown
	for _, m := range markers {
		if kind != KindUnknown && m.Kind != kind {
			return KindUnknown, markers
		}
		kind = m.Kind
	}
	return kind, markers
}

// itemMarkers returns the first exportBucket and the first destination
// entry of an operations item, either nil when there is none, in one pass
// over its entries.
func itemMarkers(m *parser.Mapping) (bucket, dest *parser.Entry) {
	for _, e := range m.Entries {
		switch {
		case bucket == nil && e.Key.Name == "exportBucket":
			bucket = e
		case dest == nil && e.Key.Name == destination.Name:
			dest = e
		}
	}
	return bucket, dest
}
