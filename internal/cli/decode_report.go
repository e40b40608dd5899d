package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/iekit/iekit/internal/visible"
	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/request"
)

// decodeReport is what ie decode found in a captured request: its
// parameters, the manifest they carry, the request's defects, placed in
// the input, and the manifest's lint findings, placed in the manifest.
type decodeReport struct {
	name     string // the input's name in messages
	input    []byte
	request  *request.Decoded
	manifest *lint.Result // nil when the request carries no Manifest
	// verification is the signature recomputed, nil unless verified.
	verification *decodeVerification
}

// newDecodeReport takes input apart and lints the manifest it carries.
func newDecodeReport(name string, input []byte) *decodeReport {
	r := &decodeReport{name: name, input: input, request: request.Decode(input)}
	if m, ok := r.request.Params.Get("Manifest"); ok {
		r.manifest = lint.Check(name+" (Manifest)", []byte(m), nil)
	}
	return r
}

// hasErrors reports whether the request or its manifest has errors.
func (r *decodeReport) hasErrors() bool {
	return r.request.Diagnostics.HasErrors() || r.manifest != nil && r.manifest.Diagnostics.HasErrors()
}

// redact hides the manifest's secrets and the request's session token
// wherever its values are shown.
func (r *decodeReport) redact(s string) string {
	return r.request.Redact(string(lint.RedactManifest([]byte(s))))
}

// redactSigned redacts s, text that holds the parameters encoded, such as
// a string to sign: each value that redact changes is replaced, encoded,
// by its redacted form, encoded alike, and the rest is redacted as any
// text.
func (r *decodeReport) redactSigned(s string) string {
	for _, p := range r.request.Params {
		if shown := r.redact(p.Value); shown != p.Value && p.Value != "" {
			s = strings.ReplaceAll(s, request.Escape(p.Value), request.Escape(shown))
		}
	}
	return r.redact(s)
}

// writeText writes the parameters, the manifest, whether the signature
// holds when it was verified, and the findings: the
// request's one a line, then the manifest's as ie lint writes them with
// opt. Values are the sender's: their control characters are escaped
// rather than sent to the terminal.
func (r *decodeReport) writeText(w io.Writer, opt lint.TextOptions) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("Parameters:\n")
	for _, p := range r.request.Params {
		if p.Name == "Manifest" {
			fmt.Fprintf(bw, "    %s = (%d bytes, below)\n", p.Name, len(p.Value))
			continue
		}
		fmt.Fprintf(bw, "    %s = %s\n", visible.Line(p.Name), visible.Line(r.redact(p.Value)))
	}
	if r.manifest != nil {
		bw.WriteString("Manifest:\n")
		for _, l := range strings.SplitAfter(visible.Text(r.request.Redact(string(r.manifest.Redacted()))), "\n") {
			if l != "" {
				bw.WriteString("    " + strings.TrimSuffix(l, "\n") + "\n")
			}
		}
	}
	if r.verification != nil {
		r.verification.writeText(bw, r.redactSigned)
	}
	for _, d := range r.requestDiagnostics() {
		fmt.Fprintf(bw, "%s:%s\n", r.name, d)
	}
	if err := bw.Flush(); err != nil || r.manifest == nil {
		return err
	}
	return lint.WriteText(w, []*lint.Result{r.manifest}, opt)
}

// writeJSON writes the report as one JSON object: whether the input was a
// whole HTTP request, the parameters in order, the manifest, the
// signature when it was verified, and the findings in the shape of ie lint -format json.
func (r *decodeReport) writeJSON(w io.Writer) error {
	type param struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	out := struct {
		HTTP       bool              `json:"http"`
		Parameters []param           `json:"parameters"`
		Manifest   *string           `json:"manifest,omitempty"`
		Signature  *verificationJSON `json:"signature,omitempty"`
		Findings   json.RawMessage   `json:"findings"`
	}{HTTP: r.request.HTTP, Parameters: []param{}}
	if r.verification != nil {
		out.Signature = r.verification.json(r.redactSigned)
	}
	for _, p := range r.request.Params {
		out.Parameters = append(out.Parameters, param{p.Name, r.redact(p.Value)})
	}
	if r.manifest != nil {
		m := r.request.Redact(string(r.manifest.Redacted()))
		out.Manifest = &m
	}
	var findings bytes.Buffer
	if err := lint.WriteJSON(&findings, r.results(), request.Rules...); err != nil {
		return err
	}
	out.Findings = findings.Bytes()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeSARIF writes the findings as a SARIF log, which documents the
// request decoder's rules beside lint's. The manifest's findings are
// placed in the manifest, named as in the text report.
func (r *decodeReport) writeSARIF(w io.Writer) error {
	return lint.WriteSARIF(w, r.results(), version(), request.Rules...)
}

// results returns the findings as lint's reports take them: the
// request's, about an input that is not a manifest, then the manifest's.
// requestDiagnostics returns the request's findings, their messages
// redacted: they quote the values they are about.
func (r *decodeReport) requestDiagnostics() parser.Diagnostics {
	out := slices.Clone(r.request.Diagnostics)
	for i := range out {
		out[i].Message = r.redact(out[i].Message)
	}
	return out
}

func (r *decodeReport) results() []*lint.Result {
	out := []*lint.Result{{Name: r.name, Src: r.input, Diagnostics: r.requestDiagnostics()}}
	if r.manifest != nil {
		out = append(out, r.manifest)
	}
	return out
}
