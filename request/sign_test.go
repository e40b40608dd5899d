package request

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStringToSign checks the canonical string of a small request: every
// parameter but Signature, sorted by name in byte order ("AWSAccessKeyId"
// before "Action", as 'W' < 'c'), names and values escaped, the host in
// lower case.
func TestStringToSign(t *testing.T) {
	ps := Params{
		{"Version", "2010-06-01"},
		{"Signature", "left out"},
		{"Action", "ListJobs"},
		{"Marker", "a b~c/d"},
		{"AWSAccessKeyId", "AKIAQWERTYUIOPASDFGH"},
		{"SignatureVersion", "2"},
		{"SignatureMethod", "HmacSHA256"},
		{"Timestamp", "2026-11-21T18:00:00.000Z"},
		{"MaxJobs", "10"},
	}
	want := "POST\n" +
		"importexport.amazonaws.com\n" +
		"/\n" +
		"AWSAccessKeyId=AKIAQWERTYUIOPASDFGH&Action=ListJobs&Marker=a%20b~c%2Fd&MaxJobs=10&" +
		"SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2026-11-21T18%3A00%3A00.000Z&Version=2010-06-01"
	if got := StringToSign(ps, "ImportExport.AmazonAWS.com"); got != want {
		t.Errorf("StringToSign:\n%s\nwant:\n%s", got, want)
	}
	if ps[1].Name != "Signature" {
		t.Error("StringToSign reordered its argument")
	}
}

// TestSign checks signatures against ones computed independently with
// openssl dgst -hmac over the string to sign shown here.
func TestSign(t *testing.T) {
	getStatus := Params{{"Action", "GetStatus"}, {"JobId", "ABC12"}, {"Version", APIVersion}}
	const (
		stamp = "2026-11-21T18%3A00%3A00.000Z"
		token = "IQoJb3JpZ2luX2VjE%2Ba%2Ftoken%3D%3D"
	)
	for _, c := range []struct {
		name   string
		creds  Credentials
		opt    SignOptions
		params []string // the names of the signed parameters, in order
		query  string   // the last line of the string to sign
		sig    string
	}{{
		name:   "sha256",
		creds:  testCreds,
		opt:    SignOptions{Time: testTime},
		params: []string{"Action", "JobId", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "Signature"},
		query:  "AWSAccessKeyId=AKIAQWERTYUIOPASDFGH&Action=GetStatus&JobId=ABC12&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=" + stamp + "&Version=2010-06-01",
		sig:    "MG6axyFIgJQcTh41XBCq4kbVHXOWBQPTuREog5EQWdc=",
	}, {
		name:   "sha1",
		creds:  testCreds,
		opt:    SignOptions{Time: testTime, Method: HmacSHA1},
		params: []string{"Action", "JobId", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "Signature"},
		query:  "AWSAccessKeyId=AKIAQWERTYUIOPASDFGH&Action=GetStatus&JobId=ABC12&SignatureMethod=HmacSHA1&SignatureVersion=2&Timestamp=" + stamp + "&Version=2010-06-01",
		sig:    "N8mBibKJ5BCPxuL/JXvH5A60lFQ=",
	}, {
		name:   "sha256 session token",
		creds:  testTempCreds,
		opt:    SignOptions{Time: testTime, Method: HmacSHA256},
		params: []string{"Action", "JobId", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "SecurityToken", "Signature"},
		query:  "AWSAccessKeyId=ASIAQWERTYUIOPASDFGH&Action=GetStatus&JobId=ABC12&SecurityToken=" + token + "&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=" + stamp + "&Version=2010-06-01",
		sig:    "fjch6ruZVgZKe7MLGj5dCFBMmQBaT1jCdQCxw54Lvzc=",
	}, {
		name:   "sha256 expires",
		creds:  testCreds,
		opt:    SignOptions{Time: testTime, Expires: true},
		params: []string{"Action", "JobId", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Expires", "Signature"},
		query:  "AWSAccessKeyId=AKIAQWERTYUIOPASDFGH&Action=GetStatus&Expires=" + stamp + "&JobId=ABC12&SignatureMethod=HmacSHA256&SignatureVersion=2&Version=2010-06-01",
		sig:    "33f1luBX9kp57T+M/EYK+Lm6/w0OffoTSSwHahsF+JA=",
	}, {
		name: "sha1 expires session token, time in another zone",
		// 20:00 at +02:00 is 18:00 UTC.
		creds:  testTempCreds,
		opt:    SignOptions{Time: time.Date(2026, 11, 21, 20, 0, 0, 0, time.FixedZone("EET", 2*3600)), Expires: true, Method: HmacSHA1},
		params: []string{"Action", "JobId", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Expires", "SecurityToken", "Signature"},
		query:  "AWSAccessKeyId=ASIAQWERTYUIOPASDFGH&Action=GetStatus&Expires=" + stamp + "&JobId=ABC12&SecurityToken=" + token + "&SignatureMethod=HmacSHA1&SignatureVersion=2&Version=2010-06-01",
		sig:    "7vxfNpQVCyb8xmt+MokMHnHxBvA=",
	}} {
		t.Run(c.name, func(t *testing.T) {
			input := slices.Clone(getStatus)
			signed, sts, err := Sign(input, c.creds, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(input, getStatus) {
				t.Errorf("Sign changed its argument: %v", input)
			}
			var names []string
			for _, p := range signed {
				names = append(names, p.Name)
			}
			if !slices.Equal(names, c.params) {
				t.Errorf("signed parameters %v, want %v", names, c.params)
			}
			if want := "POST\nimportexport.amazonaws.com\n/\n" + c.query; sts != want {
				t.Errorf("string to sign:\n%s\nwant:\n%s", sts, want)
			}
			if sts != StringToSign(signed, Host) {
				t.Error("the string returned is not StringToSign of the signed parameters")
			}
			if got, _ := signed.Get("Signature"); got != c.sig {
				t.Errorf("Signature = %s, want %s", got, c.sig)
			}
			method := c.opt.Method
			if method == "" {
				method = HmacSHA256
			}
			if got, _ := signed.Get("Signature"); len(got) != SignatureLength(method) {
				t.Errorf("%s signature has %d characters, want %d", method, len(got), SignatureLength(method))
			}
			_, hasToken := signed.Get("SecurityToken")
			if hasToken != (c.creds.SessionToken != "") {
				t.Errorf("SecurityToken present = %v with session token %q", hasToken, c.creds.SessionToken)
			}
			_, hasTS := signed.Get("Timestamp")
			_, hasEx := signed.Get("Expires")
			if hasTS == c.opt.Expires || hasEx != c.opt.Expires {
				t.Errorf("Timestamp present = %v, Expires present = %v, with Expires = %v", hasTS, hasEx, c.opt.Expires)
			}

			// Signing again replaces the signature parameters instead of
			// adding a second set, and gives the same signature.
			again, sts2, err := Sign(signed, c.creds, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(again, signed) || sts2 != sts {
				t.Errorf("signing a signed request again gave\n%v\nwant\n%v", again, signed)
			}
		})
	}
}

// TestSignDetails covers what the table does not: the Version added when
// missing, the milliseconds of the time, another host, and errors.
func TestSignDetails(t *testing.T) {
	when := time.Date(2011, 6, 20, 18, 49, 14, 981_900_000, time.UTC)
	signed, sts, err := Sign(Params{{"Action", "ListJobs"}}, testCreds, SignOptions{Time: when, Host: "Example.COM"})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := signed.Get("Version"); v != APIVersion {
		t.Errorf("Version = %q, want %s added", v, APIVersion)
	}
	if v, _ := signed.Get("Timestamp"); v != "2011-06-20T18:49:14.981Z" {
		t.Errorf("Timestamp = %q, want 2011-06-20T18:49:14.981Z", v)
	}
	if !strings.HasPrefix(sts, "POST\nexample.com\n/\n") {
		t.Errorf("string to sign for host Example.COM:\n%s", sts)
	}

	for _, c := range []struct {
		name  string
		creds Credentials
		opt   SignOptions
		err   string
	}{
		{"bad method", testCreds, SignOptions{Method: "HmacMD5"}, `invalid signature method "HmacMD5"; use HmacSHA256 or HmacSHA1`},
		{"no credentials", Credentials{}, SignOptions{}, "no credentials to sign with"},
		{"no secret", Credentials{AccessKeyID: "AKIAQWERTYUIOPASDFGH"}, SignOptions{}, "no credentials to sign with"},
		{"no key", Credentials{SecretAccessKey: testCreds.SecretAccessKey}, SignOptions{}, "no credentials to sign with"},
	} {
		_, _, err := Sign(Params{{"Action", "ListJobs"}}, c.creds, c.opt)
		if err == nil || err.Error() != c.err {
			t.Errorf("%s: error %v, want %q", c.name, err, c.err)
		}
	}
}

func TestSignatureLength(t *testing.T) {
	for method, want := range map[string]int{HmacSHA256: 44, HmacSHA1: 28, "HmacMD5": 0, "": 0} {
		if got := SignatureLength(method); got != want {
			t.Errorf("SignatureLength(%q) = %d, want %d", method, got, want)
		}
	}
}

// TestSorted checks the order Signature Version 2 signs in: byte order of
// the names, equal names kept in their order.
func TestSorted(t *testing.T) {
	ps := Params{{"Version", "1"}, {"action", "2"}, {"Action", "3"}, {"AWSAccessKeyId", "4"}, {"Action", "5"}}
	want := Params{{"AWSAccessKeyId", "4"}, {"Action", "3"}, {"Action", "5"}, {"Version", "1"}, {"action", "2"}}
	if got := ps.Sorted(); !slices.Equal(got, want) {
		t.Errorf("Sorted = %v, want %v", got, want)
	}
	if ps[0].Name != "Version" {
		t.Error("Sorted changed its receiver")
	}
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"AZaz09-_.~", "AZaz09-_.~"},
		{" ", "%20"},
		{"\n", "%0A"},
		{"\r\n", "%0D%0A"},
		{"\t", "%09"},
		{":", "%3A"},
		{"/", "%2F"},
		{"*", "%2A"},
		{"+", "%2B"},
		{"=", "%3D"},
		{"&", "%26"},
		{"%", "%25"},
		{"'", "%27"},
		{"#", "%23"},
		{"é", "%C3%A9"},
		{"日", "%E6%97%A5"},
		{"\x00\x7f\xff", "%00%7F%FF"},
		{"manifestVersion: 2.0\n", "manifestVersion%3A%202.0%0A"},
		{"+1 206 555 0100", "%2B1%20206%20555%200100"},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEncode(t *testing.T) {
	ps := Params{{"Action", "CreateJob"}, {"Manifest", "a: b c\n"}, {"Odd name", "x&y=z"}}
	want := "Action=CreateJob&Manifest=a%3A%20b%20c%0A&Odd%20name=x%26y%3Dz"
	if got := ps.Encode(); got != want {
		t.Errorf("Encode = %s, want %s", got, want)
	}
	if got := (Params{}).Encode(); got != "" {
		t.Errorf("Encode of nothing = %q", got)
	}
}
