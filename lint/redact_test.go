package lint

import (
	"slices"
	"strings"
	"testing"
)

// TestSecretOptionName checks that secret options are known however they
// are spelled, and that other keys are not taken for them.
func TestSecretOptionName(t *testing.T) {
	for name, want := range map[string]bool{
		"pinCode": true, "pincode": true, "PIN_CODE": true, "pinCdoe": true, "pin": true,
		"trueCryptPassword": true, "trueCryptPasword": true, "TrueCrypt-Password": true,
		"truecryptpasswrd": true, "password": true, "vaultPassphrase": true,
		"bucket": false, "pinned": false, "spin": false, "deviceId": false,
		"trueCrypt": false, "passwordless": true, "notes": false,
	} {
		if got := secretOptionName(name); got != want {
			t.Errorf("secretOptionName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSecretKeyName checks that keys named like a secret access key are
// known however they are spelled, a Kelvin sign for the "k" and names
// past the buffer the fold uses included, and that other keys with a "k"
// or an "s" are not taken for them.
func TestSecretKeyName(t *testing.T) {
	for name, want := range map[string]bool{
		"secretAccessKey": true, "aws_secret_access_key": true, "SecretKey": true, "SECRET-KEY": true,
		"my.secret key": true, "secret\u212Aey": true, "AWS_SECRET_ACCESS_KEY_OF_THE_BACKUP_ACCOUNT_FOR_THE_ARCHIVE_OF_2026": true,
		"secrétKey": false, "secretKeys": false, "exportBucket": false, "skipKeys": false, "keySecret": false,
		"secret": false, "": false,
	} {
		if got := secretKeyName(name); got != want {
			t.Errorf("secretKeyName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSecretWords checks where words shaped like a secret access key are
// found: beside any punctuation or non-ASCII, after a "+" or a "/", but
// not inside a longer run of key characters.
func TestSecretWords(t *testing.T) {
	const key = "Zq4xT9mK2pL7vN3rW8sY5uB1cE6hJ0aDfGiOk2Q7"
	for _, c := range []struct {
		s    string
		want [][2]int
	}{
		{key, [][2]int{{0, 40}}},
		{"# old key was " + key + ".", [][2]int{{14, 54}}},
		{"ops@" + key, [][2]int{{4, 44}}},
		{"a&" + key + "?b!" + key, [][2]int{{2, 42}, {45, 85}}},
		{`\` + key + "-x", [][2]int{{1, 41}}},
		{"«" + key + "»", [][2]int{{2, 42}}},
		{"+" + key, [][2]int{{1, 41}}},
		{"//" + key + "/", [][2]int{{2, 42}}},
		{"x" + key, nil},
		{key + "x", nil},
		{strings.Repeat("a", 40), nil},
	} {
		if got := secretWords(c.s); !slices.Equal(got, c.want) {
			t.Errorf("secretWords(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestRedactByPlace checks that a secret is masked where it stands and
// nowhere else, in lines, messages and the whole source.
func TestRedactByPlace(t *testing.T) {
	src := "manifestVersion: 2.0\n# Version = 2010-06-01\npinCode: 2010\ntrueCryptPasword: 'se''cret'\npinCode:\n    a: 77\n    b: 88\ndeviceId: 2010 #x\npincode 4242\n"
	r := Check("job.manifest", []byte(src), nil)
	for n, want := range map[int]string{
		2: "# Version = 2010-06-01",
		3: "pinCode: " + Redacted,
		4: "trueCryptPasword: " + Redacted,
		6: "    " + Redacted,
		7: "    " + Redacted,
		8: "deviceId: 2010 #x",
		9: "pincode " + Redacted,
	} {
		if got := r.Line(n); got != want {
			t.Errorf("line %d: %q, want %q", n, got, want)
		}
	}
	if got, want := strings.Count(string(r.Redacted()), "\n"), strings.Count(src, "\n"); got != want {
		t.Errorf("the masked source has %d lines, want %d", got, want)
	}
	for _, d := range r.Diagnostics {
		if strings.Contains(d.Message, "4242") || strings.Contains(d.Message, "se'cret") || strings.Contains(d.Message, "77") {
			t.Errorf("%s shows a secret", d)
		}
	}
	if got := r.Redact("Version = 2010-06-01"); got != "Version = 2010-06-01" {
		t.Errorf("Redact of other text: %q", got)
	}
}

// TestLineMasksExactly checks that a line shown under a finding masks
// exactly the bytes of its secrets: a PIN with its " # x", a key between
// an "@" and a ".", and nothing on a line without a secret.
func TestLineMasksExactly(t *testing.T) {
	r := Check("job.manifest", []byte("pinCode: 2010 # x\n# ops@Zq4xT9mK2pL7vN3rW8sY5uB1cE6hJ0aDfGiOk2Q7.\nbucket: b\n"), nil)
	for n, want := range map[int]string{1: "pinCode: " + Redacted, 2: "# ops@" + Redacted + ".", 3: "bucket: b"} {
		if got := r.Line(n); got != want {
			t.Errorf("line %d: %q, want %q", n, got, want)
		}
	}
}
