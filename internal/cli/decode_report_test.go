package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/iekit/iekit/lint"
	"github.com/iekit/iekit/request"
)

// brokenRequest is a body with a defect of its own (a bad escape before
// Version) whose manifest has a lint error and a secret.
var brokenRequest = "Action=CreateJob&JobType=Export&Manifest=" +
	request.Escape("manifestVersion: 2.0\neraseDevice: True\npinCode: 864297\n") +
	"&Version=2010-06-01%G1"

// TestDecodeReportText checks the text report with source lines and
// colour, as on a terminal: the request's findings one a line (an input
// that is not a manifest has no source lines to show), the manifest's with
// their lines, and the secret nowhere. Writing the request's findings
// through a lint result with no parsed file, as the report once did,
// panicked here.
func TestDecodeReportText(t *testing.T) {
	r := newDecodeReport("body.txt", []byte(brokenRequest))
	var b strings.Builder
	if err := r.writeText(&b, lint.TextOptions{Snippets: true, Color: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	plain := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(out, "")
	for _, want := range []string{
		"\n    pinCode: [redacted]\n",
		"\nbody.txt:1:", "[bad-escape]\n",
		"\nbody.txt (Manifest):2:14: error: \"True\" is not yes or no",
		"\n    eraseDevice: True\n                 ^~~~\n",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("the report lacks %q:\n%s", want, plain)
		}
	}
	if i := strings.Index(plain, "[bad-escape]\n"); i >= 0 && !strings.HasPrefix(plain[i+len("[bad-escape]\n"):], "body.txt") {
		t.Errorf("a request finding is followed by something other than the next finding:\n%s", plain)
	}
	if strings.Contains(out, "864297") {
		t.Errorf("the secret is in the report:\n%s", out)
	}
	if !r.hasErrors() {
		t.Error("hasErrors() = false for a request with errors")
	}
}

// TestDecodeReportJSON checks that the JSON report holds the findings of
// both the request and its manifest, each under its own path, and no
// secret.
func TestDecodeReportJSON(t *testing.T) {
	var b strings.Builder
	if err := newDecodeReport("body.txt", []byte(brokenRequest)).writeJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Manifest string
		Findings struct {
			Diagnostics []struct{ Path, Rule string }
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("%v:\n%s", err, b.String())
	}
	paths := map[string]bool{}
	for _, d := range got.Findings.Diagnostics {
		paths[d.Path+" "+d.Rule] = true
	}
	if !paths["body.txt bad-escape"] || !paths["body.txt (Manifest) yes-no"] {
		t.Errorf("findings %v, want bad-escape in body.txt and yes-no in its manifest", paths)
	}
	if strings.Contains(b.String(), "864297") || !strings.Contains(got.Manifest, "pinCode: [redacted]") {
		t.Errorf("the secret is not redacted:\n%s", b.String())
	}
}

// TestDecodeReportNoManifest checks a request without a Manifest: no
// manifest section, no lint, and still no panic.
func TestDecodeReportNoManifest(t *testing.T) {
	r := newDecodeReport("<stdin>", []byte("Action=GetStatus&JobId=ABC12&Version=2010-06-01"))
	var b strings.Builder
	if err := r.writeText(&b, lint.TextOptions{Snippets: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Manifest:") || !strings.Contains(b.String(), "    JobId = ABC12\n") {
		t.Errorf("report:\n%s", b.String())
	}
	if err := r.writeJSON(&b); err != nil {
		t.Fatal(err)
	}
}

// TestDecodeReportSARIF checks that the SARIF log documents the decoder's
// rules beside lint's, that each result points at its own rule, and that
// the request's findings are placed in the input.
func TestDecodeReportSARIF(t *testing.T) {
	var b strings.Builder
	if err := newDecodeReport("body.txt", []byte(brokenRequest)).writeSARIF(&b); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string
						Help struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if want := len(lint.Rules) + len(request.Rules); len(rules) != want {
		t.Errorf("%d rules documented, want %d", len(rules), want)
	}
	found := map[string]bool{}
	for _, res := range run.Results {
		if res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result of %s points at rule %d", res.RuleID, res.RuleIndex)
			continue
		}
		if !strings.HasPrefix(rules[res.RuleIndex].Help.Text, res.RuleID+" (default severity: ") {
			t.Errorf("%s: help %q", res.RuleID, rules[res.RuleIndex].Help.Text)
		}
		loc := res.Locations[0].PhysicalLocation
		found[res.RuleID+" "+loc.ArtifactLocation.URI] = true
		if res.RuleID == "bad-escape" && (loc.Region.StartLine != 1 || loc.Region.StartColumn != strings.Index(brokenRequest, "%G1")+1) {
			t.Errorf("bad-escape placed at %+v", loc.Region)
		}
	}
	if !found["bad-escape body.txt"] || !found["yes-no body.txt%20%28Manifest%29"] {
		t.Errorf("results %v, want bad-escape in body.txt and yes-no in its manifest", found)
	}
	if strings.Contains(b.String(), "864297") {
		t.Error("the secret is in the SARIF log")
	}
}
