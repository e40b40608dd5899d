package lint

import (
	"strings"
	"testing"
)

// TestPlainBucketName checks the one-pass test of plainBucketName against
// the rules one by one: on every name of up to 5 characters from an
// alphabet that breaks each rule, and on names at the limits of the
// others, it says yes exactly when no rule has anything to say.
func TestPlainBucketName(t *testing.T) {
	names := []string{
		"192.168.5.4", "192.168.5.a", "1.2.3", "1.2.3.4.5", "1234.1.1.1",
		"xn--abc", "sthree-abc", "amzn-s3-demo-abc", "abc-s3alias", "abc--ol-s3", "abc.mrap", "abc--x-s3", "abc--table-s3",
		"xn-abc", "abc-s3alia", "abcmrap", strings.Repeat("a", 63), strings.Repeat("a", 64), "ab", "é-bucket", "a\x00b",
	}
	var gen func(prefix string)
	gen = func(prefix string) {
		names = append(names, prefix)
		if len(prefix) == 5 {
			return
		}
		for _, c := range "a1.-A_ " {
			gen(prefix + string(c))
		}
	}
	gen("")
	for _, name := range names {
		errs, legacy := bucketNameRules(name)
		if want := len(errs) == 0 && !legacy; plainBucketName(name) != want {
			t.Errorf("plainBucketName(%q) = %v, want %v (%q, legacy %v)", name, !want, want, errs, legacy)
		}
	}
}
