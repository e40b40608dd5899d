package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/iekit/iekit/parser"
)

// SARIF 2.1.0, as much of it as code-scanning tools read.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                   `json:"columnKind"`
	Results            []sarifResult            `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	DefaultConfiguration sarifRuleConf   `json:"defaultConfiguration"`
	Properties           *sarifRuleProps `json:"properties,omitempty"`
}

// sarifRuleProps is the property bag of a rule: the service error codes
// its findings anticipate.
type sarifRuleProps struct {
	ServiceErrors []string `json:"serviceErrors"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// srcRoot names the directory that relative paths are relative to: the
// directory ie ran in, which code-scanning services take for the root of
// the checkout.
const srcRoot = "%SRCROOT%"

// artifact returns where a file is, for SARIF: an absolute path as a
// file:// URI, a relative one relative to srcRoot (SARIF allows no other
// relative reference).
func artifact(path string) sarifArtifact {
	p := filepath.ToSlash(path)
	if !filepath.IsAbs(path) {
		return sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
}

// srcRootBase returns the absolute URI of srcRoot, the working directory,
// or nil when it cannot be told.
func srcRootBase() map[string]sarifArtifact {
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	base := artifact(wd)
	if !strings.HasSuffix(base.URI, "/") {
		base.URI += "/"
	}
	return map[string]sarifArtifact{srcRoot: base}
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// WriteSARIF writes the findings of every result as a SARIF 2.1.0 log
// with the metadata of every rule of the catalogue, and of the rules more
// documents, such as the request decoder's, whose findings results may
// also hold. version is the tool's version.
func WriteSARIF(w io.Writer, results []*Result, version string, more ...*parser.RuleDoc) error {
	driver := sarifDriver{Name: "ie", Version: numericVersion(version), InformationURI: "https://github.com/iekit/iekit"}
	index := map[string]int{}
	docs := make([]*parser.RuleDoc, 0, len(Rules)+len(more))
	for _, rule := range Rules {
		docs = append(docs, rule.RuleDoc())
	}
	for i, rule := range append(docs, more...) {
		index[rule.Name] = i
		help := rule.Help()
		var props *sarifRuleProps
		if len(rule.ServiceErrors) > 0 {
			props = &sarifRuleProps{rule.ServiceErrors}
		}
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   rule.Name,
			ShortDescription:     sarifText{rule.Summary},
			FullDescription:      sarifText{oneLine(rule.Doc)},
			Help:                 sarifHelp{Text: help, Markdown: help},
			DefaultConfiguration: sarifRuleConf{sarifLevel(rule.Severity)},
			Properties:           props,
		})
	}
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, r := range results {
		uri := artifact(r.Name)
		if uri.URIBaseID != "" && run.OriginalURIBaseIDs == nil {
			run.OriginalURIBaseIDs = srcRootBase()
		}
		seen := map[string]int{}
		_, baseline := r.fingerprints()
		for i, d := range r.Diagnostics {
			res := sarifResult{
				RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
				Message:             sarifText{d.Message},
				Locations:           []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{uri, r.region(d.Start, d.End)}}},
				PartialFingerprints: map[string]string{"ieFinding/v1": r.fingerprint(d, seen), "ieBaseline/v1": baseline[i]},
			}
			for i, rel := range d.Related {
				res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
					ID:               i + 1,
					PhysicalLocation: sarifPhysicalLocation{uri, r.region(rel.Start, rel.End)},
					Message:          &sarifText{rel.Message},
				})
			}
			for _, f := range d.Fixes {
				change := sarifArtifactChange{ArtifactLocation: uri}
				for _, e := range f.Edits {
					change.Replacements = append(change.Replacements, sarifReplacement{
						DeletedRegion:   r.region(r.pos(e.Start), r.pos(e.End)),
						InsertedContent: sarifText{e.NewText},
					})
				}
				res.Fixes = append(res.Fixes, sarifFix{sarifText{f.Title}, []sarifArtifactChange{change}})
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// numericVersion turns a Go module version into the numeric form SARIF
// consumers compare: "v1.2.3" is "1.2.3", and a development build "devel"
// is "0.0.0-devel".
func numericVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-" + strings.ReplaceAll(v, " ", "-")
	}
	return strings.ReplaceAll(v, " ", "+")
}

func sarifLevel(s parser.Severity) string {
	switch s {
	case parser.SeverityError:
		return "error"
	case parser.SeverityWarning:
		return "warning"
	}
	return "note"
}

// region converts a span to SARIF's 1-based code-point columns. A span
// that ends at the start of a line ends at the end of the line before.
func (r *Result) region(start, end parser.Pos) sarifRegion {
	reg := sarifRegion{StartLine: start.Line, StartColumn: r.codePointCol(start), EndLine: end.Line, EndColumn: r.codePointCol(end)}
	if end.Line > start.Line && end.Col == 1 {
		reg.EndLine = end.Line - 1
		reg.EndColumn = utf8.RuneCountInString(r.rawLine(reg.EndLine)) + 1
	}
	if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
		reg.EndColumn = reg.StartColumn
	}
	return reg
}

func (r *Result) codePointCol(p parser.Pos) int {
	line := r.rawLine(p.Line)
	return utf8.RuneCountInString(line[:min(max(p.Col-1, 0), len(line))]) + 1
}

// pos converts a byte offset of the source to a position.
func (r *Result) pos(offset int) parser.Pos {
	r.rawLine(1) // builds the line index
	n := max(1, sort.Search(len(r.lines), func(i int) bool { return r.lines[i] > offset }))
	return parser.Pos{Offset: offset, Line: n, Col: offset - r.lines[n-1] + 1}
}

// fingerprint identifies a finding across runs, even when lines move: the
// rule, the message, the text of its line, and which occurrence of those
// it is.
func (r *Result) fingerprint(d parser.Diagnostic, seen map[string]int) string {
	key := d.Rule + "\x00" + d.Message + "\x00" + strings.TrimSpace(r.Line(d.Start.Line))
	seen[key]++
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
	return hex.EncodeToString(sum[:16])
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
