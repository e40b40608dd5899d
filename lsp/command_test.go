package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func TestPreviewRequest(t *testing.T) {
	c := newClient(t)
	c.initialize()
	const uri = "file:///tmp/job.manifest"
	c.open(uri, broken+"trueCryptPassword: hunter2hunter2\n")
	var body string
	if err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{
		Command: previewRequestCommand, Arguments: []any{uri},
	}, &body); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(body, "Action=CreateJob&JobType=Import&Manifest=") {
		t.Errorf("body %q", body)
	}
	if !strings.Contains(body, "bucket%3A%20photos-2026-archive") || !strings.HasSuffix(body, "&ValidateOnly=false&Version=2010-06-01") {
		t.Errorf("body %q", body)
	}
	if strings.Contains(body, "hunter2") || !strings.Contains(body, "trueCryptPassword%3A%20%5Bredacted%5D") {
		t.Errorf("the body shows the password: %q", body)
	}

	c.open("file:///tmp/syntax.manifest", "a:\n    b: 1\n   c: 2\n")
	c.open("file:///tmp/unknown.manifest", "deviceId: WD-1234\n")
	for _, tc := range []struct {
		name    string
		command string
		args    []any
		want    string
	}{
		{"unknown command", "ie.frobnicate", []any{uri}, `unknown command "ie.frobnicate"`},
		{"no argument", previewRequestCommand, nil, "takes one argument"},
		{"two arguments", previewRequestCommand, []any{uri, uri}, "takes one argument"},
		{"not a string", previewRequestCommand, []any{42}, "as a string"},
		{"not open", previewRequestCommand, []any{"file:///tmp/nope.manifest"}, "is not open"},
		{"syntax errors", previewRequestCommand, []any{"file:///tmp/syntax.manifest"}, "syntax errors"},
		{"unknown job type", previewRequestCommand, []any{"file:///tmp/unknown.manifest"}, "cannot tell the job type"},
	} {
		err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: tc.command, Arguments: tc.args}, &body)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}
