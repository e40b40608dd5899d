package lint

import (
	"encoding/json"
	"io"

	"github.com/iekit/iekit/parser"
)

// The JSON report, "ie lint -format json". Its shape is part of iekit's
// interface: fields are only ever added. docs/lint-report.schema.json is
// its JSON Schema, and a test checks reports against it.
//
//	{
//	  "version": 1,
//	  "diagnostics": [
//	    {
//	      "path": "jobs/a.manifest",
//	      "rule": "enum-value",
//	      "severity": "error",             // "error", "warning" or "info"
//	      "message": "invalid acl ...",
//	      "start": {"line": 3, "col": 6, "offset": 40},  // col in bytes, 1-based
//	      "end": {"line": 3, "col": 13, "offset": 47},   // exclusive
//	      "related": [{"start": {...}, "end": {...}, "message": "..."}],
//	      "fixes": [{"title": "...", "safe": true,
//	                 "edits": [{"start": 40, "end": 47, "newText": "private"}]}],
//	      "serviceErrors": ["InvalidManifestFieldException"]  // what CreateJob would answer
//	    }
//	  ]
//	}
type jsonReport struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Path     string        `json:"path"`
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Start    jsonPos       `json:"start"`
	End      jsonPos       `json:"end"`
	Related  []jsonRelated `json:"related,omitempty"`
	Fixes    []jsonFix     `json:"fixes,omitempty"`

	ServiceErrors []string `json:"serviceErrors,omitempty"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Col    int `json:"col"`
	Offset int `json:"offset"`
}

type jsonRelated struct {
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
	Message string  `json:"message"`
}

type jsonFix struct {
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
}

func toJSONPos(p parser.Pos) jsonPos { return jsonPos{p.Line, p.Col, p.Offset} }

// WriteJSON writes the findings of every result as one JSON document.
// Findings of the rules more documents, such as the request decoder's,
// name the service errors they anticipate like the catalogue's do.
func WriteJSON(w io.Writer, results []*Result, more ...*parser.RuleDoc) error {
	report := jsonReport{Version: 1, Diagnostics: []jsonDiagnostic{}}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			jd := jsonDiagnostic{
				Path: r.Name, Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
				Start: toJSONPos(d.Start), End: toJSONPos(d.End),
			}
			jd.ServiceErrors = serviceErrors(d.Rule, more)
			for _, rel := range d.Related {
				jd.Related = append(jd.Related, jsonRelated{toJSONPos(rel.Start), toJSONPos(rel.End), rel.Message})
			}
			for _, f := range d.Fixes {
				jf := jsonFix{Title: f.Title, Safe: f.Safe, Edits: []jsonEdit{}}
				for _, e := range f.Edits {
					jf.Edits = append(jf.Edits, jsonEdit{e.Start, e.End, e.NewText})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			report.Diagnostics = append(report.Diagnostics, jd)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(report)
}

// serviceErrors returns the service errors the rule named name
// anticipates: a rule of the catalogue, or one of more.
func serviceErrors(name string, more []*parser.RuleDoc) []string {
	if r := Lookup(name); r != nil {
		return r.ServiceErrors
	}
	for _, d := range more {
		if d.Name == name {
			return d.ServiceErrors
		}
	}
	return nil
}
