package request

import (
	"testing"
)

// FuzzRoundTrip builds a request from arbitrary manifest bytes and
// options, signs and encodes it, and decodes the body: whatever Build
// accepts must come back from Decode with no finding, the parameters in
// order, and the wire manifest as the Manifest parameter. It is seeded
// with every sendable manifest of the corpus and the examples.
func FuzzRoundTrip(f *testing.F) {
	for _, m := range sendable(f) {
		f.Add(m.src, false, uint8(0), "", false)
		f.Add(m.src, true, uint8(1), "ABC12", true)
	}
	f.Add([]byte("name: Jane\tDoe\n"), false, uint8(2), "A1, B2", false)
	actions := []string{"CreateJob", "UpdateJob", "GetShippingLabel"}
	f.Fuzz(func(t *testing.T, src []byte, keep bool, action uint8, jobID string, sha1 bool) {
		opt := Options{Action: actions[int(action)%len(actions)], JobID: jobID, KeepComments: keep}
		ps, err := Build(src, opt)
		if err != nil {
			opt.JobType = "Export" // the manifest's kind may be unknown
			if ps, err = Build(src, opt); err != nil {
				return // a manifest or options the encoder refuses
			}
		}
		so := SignOptions{Time: testTime}
		if sha1 {
			so.Method = HmacSHA1
		}
		signed, _, err := Sign(ps, testCreds, so)
		if err != nil {
			t.Fatalf("signing what Build made: %v", err)
		}
		d := Decode([]byte(signed.Encode()))
		checkRoundTrip(t, d, signed)
		if want, ok := ps.Get("Manifest"); ok {
			if got, _ := d.Params.Get("Manifest"); got != want {
				t.Errorf("decoded Manifest %q, want %q", got, want)
			}
			if wire, err := WireManifest(src, keep); err != nil || wire != want {
				t.Errorf("Manifest %q, want WireManifest(src, %v) = %q (%v)", want, keep, wire, err)
			}
		}
	})
}
