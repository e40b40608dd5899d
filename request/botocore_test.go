package request

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/iekit/iekit/schema"
)

// The botocore tests check the package against AWS's own Python SDK: its
// API model, the requests it sends, and the signatures it computes. They
// run testdata/botocore/botocore_interop.py with python3; without python3
// or botocore they fail under CI (CI=true) and skip elsewhere.

const botocoreScript = "../testdata/botocore/botocore_interop.py"

// botocore runs the script with command, input on its standard input and
// the test credentials in its environment, and returns what it prints.
func botocore(t *testing.T, command string, input []byte) []byte {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: the botocore interop tests cannot run under CI", why)
		}
		t.Skipf("%s: skipping the botocore interop test", why)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		missing("python3 is not installed")
	}
	cmd := exec.Command(python, botocoreScript, command)
	// Only the test's credentials and no configuration of the machine:
	// no profile, region or endpoint of the user's.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env,
		"AWS_ACCESS_KEY_ID="+testCreds.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY="+testCreds.SecretAccessKey,
		"AWS_SESSION_TOKEN="+testTempCreds.SessionToken,
		"AWS_CONFIG_FILE="+os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE="+os.DevNull,
	)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		missing(strings.TrimSpace(stderr.String()))
	}
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", botocoreScript, command, err, stderr.Bytes())
	}
	return out
}

// TestBotocoreModel checks Actions against the operations of botocore's
// API model, member by member, the values the decoder allows against the
// model's types, and the signing constants against its endpoint rule set.
func TestBotocoreModel(t *testing.T) {
	var m struct {
		APIVersion string `json:"apiVersion"`
		Operations map[string]struct {
			Required, Members, Lists []string
		} `json:"operations"`
		Values    map[string]value `json:"values"`
		Endpoints []struct {
			URL     string     `json:"url"`
			Signing [][]string `json:"signing"`
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(botocore(t, "model", nil), &m); err != nil {
		t.Fatal(err)
	}
	if m.APIVersion != APIVersion {
		t.Errorf("APIVersion = %s, the model's is %s", APIVersion, m.APIVersion)
	}
	sorted := func(s []string) []string { return slices.Sorted(slices.Values(s)) }
	for name, op := range m.Operations {
		a := LookupAction(name)
		if a == nil {
			t.Errorf("the model's operation %s is not an action", name)
			continue
		}
		var optional []string
		for _, p := range op.Members {
			if !slices.Contains(op.Required, p) {
				optional = append(optional, p)
			}
		}
		for _, c := range []struct {
			what      string
			got, want []string
		}{{"required", a.Required, op.Required}, {"optional", a.Optional, optional}, {"list", a.Lists, op.Lists}} {
			if !slices.Equal(sorted(c.got), sorted(c.want)) {
				t.Errorf("%s: %s parameters %v, the model's are %v", name, c.what, c.got, c.want)
			}
		}
	}
	for _, a := range Actions {
		if _, ok := m.Operations[a.Name]; !ok {
			t.Errorf("action %s is not an operation of the model", a.Name)
		}
	}
	for name, want := range m.Values {
		if got := values[name]; got.Type != want.Type || !slices.Equal(got.Enum, want.Enum) {
			t.Errorf("%s holds %+v, the model's %+v", name, got, want)
		}
	}
	for name := range values {
		if _, ok := m.Values[name]; !ok {
			t.Errorf("%s is not constrained by the model", name)
		}
	}
	global := false
	for _, e := range m.Endpoints {
		global = global || e.URL == "https://"+Host
		for _, s := range e.Signing {
			if want := []string{"sigv4", SigningName, SigningRegion}; !slices.Equal(s, want) {
				t.Errorf("%s is signed with %v, not %v", e.URL, s, want)
			}
		}
	}
	if !global {
		t.Errorf("no endpoint of the rule set is https://%s", Host)
	}
}

// botocoreRequest is a request botocore sent.
type botocoreRequest struct {
	Name    string         `json:"name"`
	Version int            `json:"version"`
	Request string         `json:"request"`
	Params  map[string]any `json:"params"`
}

// TestBotocoreRequests decodes the whole requests botocore sends for every
// operation, signed with Version 4 and Version 2, with long-term and
// temporary credentials, and to the FIPS and dual-stack endpoints: none
// has a finding, each decodes to the values botocore was given ("+" a
// space), and each signature holds.
func TestBotocoreRequests(t *testing.T) {
	var reqs []botocoreRequest
	if err := json.Unmarshal(botocore(t, "capture", nil), &reqs); err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 35 {
		t.Fatalf("botocore made %d requests, want 35", len(reqs))
	}
	hosts := map[string]bool{}
	for _, r := range reqs {
		t.Run(r.Name, func(t *testing.T) {
			d := Decode([]byte(r.Request))
			for _, h := range d.Header {
				if h.Name == "Host" {
					hosts[h.Value] = true
				}
			}
			if len(d.Diagnostics) > 0 {
				t.Errorf("findings:\n%s\nin:\n%s", diagnosticLines(d.Diagnostics), r.Request)
			}
			if d.Version != r.Version {
				t.Errorf("Version = %d, want %d", d.Version, r.Version)
			}
			for name, want := range r.Params {
				if name == "jobIds" || name == "ValidateOnly" || name == "MaxJobs" {
					continue // not strings in botocore's call
				}
				if got, _ := d.Params.Get(name); got != want {
					t.Errorf("%s = %q, botocore sent %q", name, got, want)
				}
			}
			creds := testCreds
			if strings.Contains(r.Name, "session token") {
				creds = testTempCreds
				creds.AccessKeyID = testCreds.AccessKeyID
			}
			v, err := d.Verify(creds)
			if err != nil {
				t.Fatal(err)
			}
			if !v.OK {
				t.Errorf("the signature does not hold; it should sign:\n%s\n\n%s", v.CanonicalRequest, v.StringToSign)
			}
			if strings.Contains(v.CanonicalRequest+v.StringToSign, creds.SecretAccessKey) {
				t.Error("the secret is in the verification")
			}
			// A changed byte breaks the signature: the last byte of the body.
			changed := []byte(r.Request)
			changed[len(changed)-1] ^= 1
			if v, err := Decode(changed).Verify(creds); err == nil && v.OK {
				t.Error("the signature holds for a changed body")
			}
		})
	}
	for _, h := range []string{Host, "importexport-fips.us-west-2.amazonaws.com", "importexport.us-west-2.api.aws", "importexport-fips.us-west-2.api.aws"} {
		if !hosts[h] {
			t.Errorf("no request went to %s; the hosts are %v", h, hosts)
		}
	}
}

// TestBotocoreSignatures signs the requests of every action, as ie encode
// -sign does, with both signature versions and both kinds of credentials,
// and checks each signature against the one botocore's SigV4Auth or
// SigV2Auth computes for the same request and time.
func TestBotocoreSignatures(t *testing.T) {
	manifest, err := os.ReadFile("../examples/s3-import.manifest")
	if err != nil {
		t.Fatal(err)
	}
	type signing struct {
		Version      int     `json:"version"`
		AccessKeyID  string  `json:"accessKeyId"`
		SessionToken string  `json:"sessionToken"`
		Time         string  `json:"time"`
		Body         string  `json:"body"`
		Params       []Param `json:"params"`
	}
	var in []signing
	var ours []string
	when := time.Date(2026, 2, 28, 23, 59, 59, 0, time.UTC)
	for _, a := range Actions {
		opt := Options{Action: a.Name, JobID: "ABC12", ValidateOnly: a.Name == "UpdateJob"}
		if a.Name == "GetShippingLabel" {
			opt.JobID, opt.Address = "ABC12,DEF34", map[string]string{"street3": "c/o Jane Doe & Co."}
		}
		ps, err := Build(manifest, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []Credentials{testCreds, testTempCreds} {
			v4, err := SignV4(ps.Encode(), c, SignOptions{Time: when})
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, signing{Version: 4, AccessKeyID: c.AccessKeyID, SessionToken: c.SessionToken, Time: "2026-02-28T23:59:59Z", Body: ps.Encode()})
			ours = append(ours, v4.Header[len(v4.Header)-1].Value)
			signed, _, err := Sign(ps, c, SignOptions{Time: when})
			if err != nil {
				t.Fatal(err)
			}
			in = append(in, signing{Version: 2, AccessKeyID: c.AccessKeyID, SessionToken: c.SessionToken, Time: "2026-02-28T23:59:59Z", Params: signed})
			sig, _ := signed.Get("Signature")
			ours = append(ours, sig)
		}
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var theirs []string
	if err := json.Unmarshal(botocore(t, "sign", data), &theirs); err != nil {
		t.Fatal(err)
	}
	if len(theirs) != len(ours) {
		t.Fatalf("botocore gave %d signatures for %d requests", len(theirs), len(ours))
	}
	for i := range ours {
		if ours[i] != theirs[i] {
			t.Errorf("Version %d, %s: ours\n%s\nbotocore's\n%s", in[i].Version, in[i].Body+Params(in[i].Params).Encode(), ours[i], theirs[i])
		}
	}
}

// TestBotocoreServiceErrors checks schema.ServiceErrors, the error codes
// the linter's rules name, against the errors of CreateJob and UpdateJob
// in botocore's API model.
func TestBotocoreServiceErrors(t *testing.T) {
	var m struct {
		Operations map[string]struct{ Errors []string } `json:"operations"`
	}
	if err := json.Unmarshal(botocore(t, "model", nil), &m); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, se := range schema.ServiceErrors {
		codes = append(codes, se.Code)
	}
	if got := m.Operations["CreateJob"].Errors; !slices.Equal(got, codes) {
		t.Errorf("the model's CreateJob errors are\n%v\nschema.ServiceErrors has\n%v", got, codes)
	}
	// UpdateJob answers the same but the quota, and three codes about the
	// job it updates.
	for _, c := range m.Operations["UpdateJob"].Errors {
		switch c {
		case "ExpiredJobIdException", "CanceledJobIdException", "UnableToUpdateJobIdException":
		default:
			if !slices.Contains(codes, c) {
				t.Errorf("the model's UpdateJob error %s is not in schema.ServiceErrors", c)
			}
		}
	}
}
