package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/internal/visible"
	"github.com/iekit/iekit/request"
)

// decodeVerification is the signature of a decoded request recomputed
// with the credentials of the environment (ie decode -verify).
type decodeVerification struct {
	*request.Verification
	compared    bool     // what the sender signed was given (-signed)
	differences []string // where the request differs from what the sender signed
}

// verify recomputes the signature of r's request with the credentials of
// the environment and, when it does not hold, compares what it should
// sign with the file signedFile ("" for none). A request whose signature
// cannot be checked is a usage error, unless its findings say why.
func (e *env) verify(r *decodeReport, signedFile string) int {
	var signed []byte
	if signedFile != "" {
		var err error
		if signed, err = inputfile.Read(signedFile, e.maxSize); err != nil {
			return e.fail(ExitUsage, "%v", err)
		}
	}
	creds, err := request.LoadCredentials(os.Getenv)
	if err == nil {
		err = r.verify(creds, signed)
	}
	if err != nil {
		e.fail(ExitUsage, "cannot verify: %v", err)
		if !r.request.Diagnostics.HasErrors() {
			return ExitUsage
		}
	}
	return ExitOK
}

// verify recomputes the request's signature with c; a signature that does
// not hold joins the request's findings and, when signed is not nil, is
// compared with what the sender signed.
func (r *decodeReport) verify(c request.Credentials, signed []byte) error {
	v, err := r.request.Verify(c)
	if err != nil {
		return err
	}
	r.verification = &decodeVerification{Verification: v, compared: signed != nil}
	if v.Diagnostic != nil {
		r.request.Diagnostics = append(r.request.Diagnostics, *v.Diagnostic)
		r.request.Diagnostics.Sort()
		if signed != nil {
			r.verification.differences = v.Compare(string(signed))
		}
	}
	return nil
}

// writeText says whether the signature holds and, when it does not,
// shows what it should sign and, when compared, where that differs from
// what the sender signed, passed through redact.
func (v *decodeVerification) writeText(w io.Writer, redact func(string) string) {
	if v.OK {
		fmt.Fprintf(w, "Signature Version %d: holds\n", v.Version)
		return
	}
	fmt.Fprintf(w, "Signature Version %d: does not hold; for this request it should sign\n", v.Version)
	for _, s := range []struct{ title, text string }{{"Canonical request", v.CanonicalRequest}, {"String to sign", v.StringToSign}} {
		if s.text == "" {
			continue
		}
		fmt.Fprintf(w, "%s:\n", s.title)
		for _, l := range strings.Split(s.text, "\n") {
			if l != "" {
				io.WriteString(w, "    "+visible.Line(redact(l)))
			}
			io.WriteString(w, "\n")
		}
	}
	switch {
	case !v.compared:
	case len(v.differences) == 0:
		io.WriteString(w, "What was signed is what the request gives: another secret signed it\n")
	default:
		io.WriteString(w, "Where the request differs from what was signed:\n")
		for _, d := range v.differences {
			io.WriteString(w, "    "+visible.Line(redact(d))+"\n")
		}
	}
}

// verificationJSON is the JSON form of a decodeVerification.
type verificationJSON struct {
	Version          int      `json:"version"`
	Holds            bool     `json:"holds"`
	CanonicalRequest string   `json:"canonicalRequest,omitempty"`
	StringToSign     string   `json:"stringToSign"`
	Differences      []string `json:"differences,omitempty"`
}

// json returns the JSON form of v, passed through redact.
func (v *decodeVerification) json(redact func(string) string) *verificationJSON {
	out := &verificationJSON{v.Version, v.OK, redact(v.CanonicalRequest), redact(v.StringToSign), nil}
	for _, d := range v.differences {
		out.Differences = append(out.Differences, redact(d))
	}
	return out
}
