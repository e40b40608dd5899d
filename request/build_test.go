package request

import (
	"fmt"
	"testing"
)

// TestBuildActions checks the parameters Build gives each action without
// a manifest, with optional parameters, and its refusals.
func TestBuildActions(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
		want string // the encoded body, or the error
	}{
		{"ListJobs", Options{Action: "ListJobs"}, "Action=ListJobs&Version=2010-06-01"},
		{"ListJobs paged", Options{Action: "ListJobs", Optional: Params{{"MaxJobs", "10"}, {"Marker", "ABC12"}}}, "Action=ListJobs&MaxJobs=10&Marker=ABC12&Version=2010-06-01"},
		{"GetStatus APIVersion", Options{Action: "GetStatus", JobID: "ABC12", Optional: Params{{"APIVersion", "2.0"}}}, "Action=GetStatus&JobId=ABC12&APIVersion=2.0&Version=2010-06-01"},
		{"CancelJob", Options{Action: "CancelJob", JobID: "ABC12"}, "Action=CancelJob&JobId=ABC12&Version=2010-06-01"},
		{"GetShippingLabel", Options{Action: "GetShippingLabel", JobID: "ABC12, DEF34", Address: map[string]string{"street1": "1 Pier Road", "name": "Jane Doe"}}, "Action=GetShippingLabel&jobIds.member.1=ABC12&jobIds.member.2=DEF34&name=Jane%20Doe&street1=1%20Pier%20Road&Version=2010-06-01"},
		{"unknown optional", Options{Action: "ListJobs", Optional: Params{{"Foo", "1"}}}, `ListJobs takes no optional parameter "Foo"; it takes MaxJobs, Marker, APIVersion`},
		{"MaxJobs not a number", Options{Action: "ListJobs", Optional: Params{{"MaxJobs", "ten"}}}, `MaxJobs must be a whole number, not "ten"`},
		{"twice", Options{Action: "GetShippingLabel", JobID: "ABC12", Address: map[string]string{"name": "Jane"}, Optional: Params{{"name", "Joe"}}}, "parameter name given twice"},
		{"no job IDs", Options{Action: "GetShippingLabel"}, "GetShippingLabel needs one or more job IDs, separated by commas"},
		{"no job ID", Options{Action: "GetStatus"}, "GetStatus needs a job ID"},
		{"unknown action", Options{Action: "GetJob"}, `unknown action "GetJob"; the actions are CreateJob, UpdateJob, GetStatus, CancelJob, ListJobs, GetShippingLabel`},
	} {
		ps, err := Build(nil, c.opt)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = ps.Encode()
		}
		if got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestBuildJobType checks that the job type follows the manifest's kind,
// that a given one must agree with it, and that it is needed only when
// the kind cannot be told.
func TestBuildJobType(t *testing.T) {
	const s3Import = "manifestVersion: 2.0\nbucket: b\n"
	const s3Export = "manifestVersion: 2.0\noperations:\n  - exportBucket: b\n"
	const unknown = "deviceId: WD-1234\n"
	for _, c := range []struct {
		manifest, given, want, err string
	}{
		{s3Import, "", "Import", ""},
		{s3Import, "Import", "Import", ""},
		{s3Import, "Export", "", `job type "Export" contradicts the manifest: its kind, s3-import, has the job type Import`},
		{s3Export, "", "Export", ""},
		{s3Export, "Import", "", `job type "Import" contradicts the manifest: its kind, s3-export, has the job type Export`},
		{unknown, "Export", "Export", ""},
		{unknown, "", "", "cannot tell the job type from the manifest; give it (Import or Export)"},
		{s3Import, "import", "", `invalid job type "import"; use Import or Export`},
	} {
		ps, err := Build([]byte(c.manifest), Options{JobType: c.given})
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q with %q: err = %v, want %s", c.manifest, c.given, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q with %q: %v", c.manifest, c.given, err)
			continue
		}
		if got, _ := ps.Get("JobType"); got != c.want {
			t.Errorf("%q with %q: JobType = %q, want %q", c.manifest, c.given, got, c.want)
		}
	}
}

// TestBuildRefusesControl checks that Build refuses a value the decoder
// would report (control-escape, invalid-utf8), and keeps tabs and line
// breaks.
func TestBuildRefusesControl(t *testing.T) {
	for _, c := range []struct {
		opt  Options
		want string // the error; "" for none
	}{
		{Options{Action: "GetStatus", JobID: "ABC12"}, ""},
		{Options{Action: "GetStatus", JobID: "\xce"}, "JobId is not UTF-8 text"},
		{Options{Action: "GetStatus", JobID: "AB\x1b[2J"}, "JobId holds the control character U+001B"},
		{Options{Action: "GetStatus", JobID: "AB\x7f"}, "JobId holds the control character U+007F"},
		{Options{Action: "GetShippingLabel", JobID: "A1", Address: map[string]string{"name": "Jane\tDoe"}}, ""},
		{Options{Action: "GetShippingLabel", JobID: "A1", Address: map[string]string{"street1": "1 Way\x00"}}, "street1 holds the control character U+0000"},
	} {
		_, err := Build(nil, c.opt)
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && got != c.want {
			t.Errorf("Build(%+v) = %v, want %q", c.opt, err, c.want)
		}
	}
}
