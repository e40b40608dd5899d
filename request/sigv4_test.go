package request

import (
	"strings"
	"testing"
)

// TestSignV4 checks Version 4 signatures of a GetStatus body against the
// Authorization headers botocore's SigV4Auth wrote for the same body,
// credentials and time (the botocore interop test checks many more, when
// botocore is installed), and the canonical request and string to sign
// line by line.
func TestSignV4(t *testing.T) {
	const body = "Action=GetStatus&JobId=ABC12&Version=2010-06-01"
	for _, c := range []struct {
		name   string
		creds  Credentials
		header []string
		signed string
	}{{
		name:  "long-term",
		creds: testCreds,
		header: []string{
			"X-Amz-Date: 20261121T180000Z",
			"Authorization: AWS4-HMAC-SHA256 Credential=AKIAQWERTYUIOPASDFGH/20261121/us-east-1/IngestionService/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=c3c9da74b02eedf3d4a3a0d16a5f60a1ef3423b879492bab3cb6ef86d3d81149",
		},
		signed: "content-type;host;x-amz-date",
	}, {
		name:  "session token",
		creds: testTempCreds,
		header: []string{
			"X-Amz-Date: 20261121T180000Z",
			"X-Amz-Security-Token: IQoJb3JpZ2luX2VjE+a/token==",
			"Authorization: AWS4-HMAC-SHA256 Credential=ASIAQWERTYUIOPASDFGH/20261121/us-east-1/IngestionService/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=b9b7aefb1503445e1468228b4e70d4432da373138bf07b678e47981c22d2fc53",
		},
		signed: "content-type;host;x-amz-date;x-amz-security-token",
	}} {
		t.Run(c.name, func(t *testing.T) {
			v, err := SignV4(body, c.creds, SignOptions{Time: testTime})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range v.Header {
				got = append(got, h.Name+": "+h.Value)
			}
			if strings.Join(got, "\n") != strings.Join(c.header, "\n") {
				t.Errorf("headers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.header, "\n"))
			}
			token := ""
			if c.creds.SessionToken != "" {
				token = "x-amz-security-token:" + c.creds.SessionToken + "\n"
			}
			wantCR := "POST\n/\n\n" +
				"content-type:application/x-www-form-urlencoded; charset=utf-8\n" +
				"host:importexport.amazonaws.com\n" +
				"x-amz-date:20261121T180000Z\n" + token + "\n" +
				c.signed + "\n" +
				"072ca45f74c338de939610e97d98f4929769e25dc558d5af97834b6101a6dc3a"
			if v.CanonicalRequest != wantCR {
				t.Errorf("canonical request:\n%s\nwant:\n%s", v.CanonicalRequest, wantCR)
			}
			sts := strings.Split(v.StringToSign, "\n")
			if len(sts) != 4 || sts[0] != AlgorithmV4 || sts[1] != "20261121T180000Z" || sts[2] != "20261121/us-east-1/IngestionService/aws4_request" || len(sts[3]) != 64 {
				t.Errorf("string to sign:\n%s", v.StringToSign)
			}
			for _, s := range []string{v.CanonicalRequest, v.StringToSign, strings.Join(got, "\n")} {
				if strings.Contains(s, c.creds.SecretAccessKey) {
					t.Error("the secret is in the output")
				}
			}
		})
	}
	if _, err := SignV4(body, Credentials{AccessKeyID: "AKIAQWERTYUIOPASDFGH"}, SignOptions{Time: testTime}); err == nil {
		t.Error("SignV4 signed without a secret")
	}
}
