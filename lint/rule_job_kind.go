package lint

import (
	"fmt"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleJobKind reports markers of different job kinds in one manifest, and
// once, as an info, a manifest whose kind cannot be told at all.
var ruleJobKind = &Rule{
	Name:     "job-kind",
	Severity: parser.SeverityError,
	Summary:  "conflicting job kind markers; info when the kind cannot be told",
	Doc: `A manifest describes one kind of job, and the kind decides which options
are required, which are not allowed and which manifestVersion applies.
iekit tells the kind from the content: a top-level bucket is an S3 import,
operations items with exportBucket an S3 export, with destination
ebs-snapshot or glacier an EBS or Glacier import. Markers of two kinds in
one file (a bucket beside export operations) are an error: the service
would reject the job, or run a different job than intended. Keep the
markers of the kind you mean.

When no marker is found, the rule reports it once, as an info, and the
rules that depend on the kind stay silent. Add the marker (bucket or
operations), or give the kind with -kind or the configuration file; a
kind given that way is never reported.`,
	Avoid:  "bucket: photos-2026-archive\noperations:\n  - exportBucket: photos-archive\n",
	Prefer: "operations:\n  - exportBucket: photos-archive\n",
	Check:  checkJobKind,
}

func checkJobKind(p *Pass) {
	if p.Forced {
		return
	}
	if len(p.Markers) == 0 {
		d := parser.Diagnostic{
			Start: p.File.Pos(), End: p.File.Pos(), Severity: parser.SeverityInfo,
			Message: "cannot tell the job kind: add bucket (s3-import) or operations (s3-export, ebs-import, glacier-import), or set -kind",
		}
		if es := p.Top().Entries; len(es) > 0 {
			d.Start, d.End = es[0].Key.Pos(), es[0].Key.End()
		}
		p.Report(d)
		return
	}
	first := p.Markers[0]
	for _, m := range p.Markers[1:] {
		if m.Kind == first.Kind {
			continue
		}
		p.Report(parser.Diagnostic{
			Start: m.Node.Pos(), End: m.Node.End(),
			Message: fmt.Sprintf("%q marks %s job, but %q (line %d) marks %s job",
				markerText(m), kindArticle(m.Kind), markerText(first), first.Node.Pos().Line, kindArticle(first.Kind)),
			Related: []parser.Related{{Start: first.Node.Pos(), End: first.Node.End(),
				Message: fmt.Sprintf("this marks %s job", kindArticle(first.Kind))}},
		})
	}
}

// markerText returns what a marker says as written: a key such as
// "bucket", or a value such as "destination: glacier".
func markerText(m schema.Marker) string {
	switch n := m.Node.(type) {
	case *parser.Key:
		return n.Name
	case *parser.Scalar:
		if o := markerField(n.Text); o != nil {
			return o.Name + ": " + n.Text
		}
		return n.Text
	}
	return m.Kind.String()
}

// markerField returns the operations field whose value v can be, such as
// destination for "glacier", or nil.
func markerField(v string) *schema.Option {
	for _, f := range schema.Operations.Fields {
		for _, w := range f.Values {
			if w == v {
				return f
			}
		}
	}
	return nil
}
