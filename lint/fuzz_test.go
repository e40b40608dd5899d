package lint

import (
	"bytes"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// plantings are the places FuzzLint writes a secret at: %s is the secret.
// Each is a place where the secret is one whole: the value of a secret
// option, spelled right or not, scalar or in a block; a secret access key
// in a comment beside punctuation; a line the parser cannot place.
var plantings = []struct {
	line string
	key  bool // the secret is shaped like a secret access key
}{
	{"pinCode: %s", false},
	{"trueCryptPassword: \"%s\"", false},
	{"pincode: %s # the new one", false},
	{"trueCryptPasword: '%s'x", false},
	{"pinCode:\n    digits: %s", false},
	{"pinCode %s", false},
	{"aws_secret_access_key=%s", false},
	{"# ops@%s.", true},
	{"note: +%s!", true},
	{"- %s", true},
}

// FuzzLint lints arbitrary sources with a secret planted in them (at one
// of plantings, before, inside or after the source) and writes every
// report: text with snippets, JSON, SARIF and GitHub commands, the source
// as diffs show it, each line and each fix. Nothing may panic; no output
// may hold the secret or any 6 bytes of it; the masked source keeps its
// lines; and the fixes, all applied, keep the secret byte for byte.
func FuzzLint(f *testing.F) {
	for i, src := range fuzzSeeds(f) {
		f.Add(src, uint8(i), uint16(0))            // before the source
		f.Add(src, uint8(i+1), uint16(len(src)/2)) // inside it
		f.Add(src, uint8(i+2), uint16(len(src)))   // after it
	}
	f.Fuzz(func(t *testing.T, src []byte, where uint8, at uint16) {
		secret := plantedSecret(src, int(where))
		planted := plant(src, strings.ReplaceAll(plantings[int(where)%len(plantings)].line, "%s", secret), int(at))
		r := Check("fuzz.manifest", planted, nil)
		outputs := map[string]string{}
		var b bytes.Buffer
		write := func(name string, err error) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			outputs[name] = b.String()
			b.Reset()
		}
		write("text", WriteText(&b, []*Result{r}, TextOptions{Snippets: true, Color: true}))
		write("json", WriteJSON(&b, []*Result{r}))
		write("sarif", WriteSARIF(&b, []*Result{r}, "fuzz"))
		write("github", WriteGitHub(&b, []*Result{r}))
		redacted := r.Redacted()
		outputs["source"] = string(redacted)
		if bytes.Count(redacted, []byte("\n")) != bytes.Count(planted, []byte("\n")) {
			t.Fatalf("the masked source has other lines:\n%q\nfrom\n%q", redacted, planted)
		}
		for n := 1; n <= bytes.Count(planted, []byte("\n"))+1; n++ {
			outputs["lines"] += r.Line(n) + "\n"
		}
		for name, out := range outputs {
			if leak := leaked(out, secret); leak != "" {
				t.Fatalf("%s output holds %q of the secret %q:\n%s\n--- source\n%q", name, leak, secret, out, planted)
			}
		}
		fixed, _ := r.Fix(true)
		if !bytes.Contains(fixed, []byte(secret)) {
			t.Fatalf("the fixes changed the secret %q:\n%q\n--- source\n%q", secret, fixed, planted)
		}
		for _, d := range r.Diagnostics {
			for _, fix := range d.Fixes {
				for _, e := range fix.Edits {
					if e.Start < 0 || e.Start > e.End || e.End > len(planted) {
						t.Fatalf("%s: edit [%d, %d) outside the source of %d bytes", d, e.Start, e.End, len(planted))
					}
					if leaked(e.NewText, secret) != "" || strings.Contains(e.NewText, Redacted) {
						t.Fatalf("%s: fix %q writes the secret or the mask", d, e.NewText)
					}
				}
			}
		}
	})
}

// fuzzSeeds returns the corpus manifests and the inputs of the rule cases.
func fuzzSeeds(f testing.TB) [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob("../testdata/corpus/*.manifest")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, src)
	}
	cases, _ := filepath.Glob(filepath.Join(casesDir, "*", "*.txtar"))
	for _, p := range cases {
		a, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if file.Name == "input.manifest" {
				out = append(out, file.Data)
			}
		}
	}
	if len(out) == 0 {
		f.Fatal("no seeds: the corpus and the rule cases are missing")
	}
	return out
}

// plantedSecret returns the secret to plant in src at planting where: a
// word no source holds by chance.
func plantedSecret(src []byte, where int) string {
	if plantings[where%len(plantings)].key {
		return secretKeyFor(src)
	}
	h := fnv.New64a()
	h.Write(src)
	const digits = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	s := []byte("QZ")
	for v := h.Sum64(); len(s) < 14; v /= uint64(len(digits)) {
		s = append(s, digits[v%uint64(len(digits))])
	}
	return string(s)
}

// secretKeyFor returns a word shaped like a secret access key, made from
// src so that each source gets its own.
func secretKeyFor(src []byte) string {
	h := fnv.New64a()
	h.Write(src)
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	s := []byte("Qz7")
	v := h.Sum64()
	for len(s) < secretKeyLen {
		if v == 0 {
			v = h.Sum64() + uint64(len(s))
		}
		s = append(s, chars[v%uint64(len(chars))])
		v /= uint64(len(chars))
	}
	return string(s)
}

// plant returns src with line inserted on a line of its own: at the
// start of the line holding offset at (clamped), or at the end.
func plant(src []byte, line string, at int) []byte {
	at = min(at, len(src))
	if at < len(src) {
		at = bytes.LastIndexByte(src[:at], '\n') + 1
	}
	var out []byte
	out = append(out, src[:at]...)
	if at > 0 && src[at-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(out, line...)
	out = append(out, '\n')
	return append(out, src[at:]...)
}

// leaked returns the first 6 bytes of secret that out holds, or "".
func leaked(out, secret string) string {
	for i := 0; i+6 <= len(secret); i++ {
		if strings.Contains(out, secret[i:i+6]) {
			return secret[i : i+6]
		}
	}
	return ""
}
