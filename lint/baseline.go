package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/iekit/iekit/internal/inputfile"
	"github.com/iekit/iekit/parser"
)

// A baseline lists the findings a repository accepts for now, so that
// linting it reports only new ones: "ie lint -write-baseline FILE" writes
// one, "ie lint -baseline FILE" reads it. Each finding is matched by a
// fingerprint that survives lines moving: its rule, its file's path, the
// key path of the entry it is about (such as returnAddress.country or
// operations[1].region) and that entry's value, with secrets redacted.
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"path": "jobs/a.manifest", "rule": "customs", "key": "returnAddress.country",
//	     "fingerprint": "…", "message": "…"}
//	  ]
//	}
//
// The message is for people reading the file; only the path and the
// fingerprint are matched.

// BaselineRule documents the info about a stale baseline entry, which is
// reported at the baseline file.
var BaselineRule = &parser.RuleDoc{
	Name:     "baseline",
	Severity: parser.SeverityInfo,
	Summary:  "a baseline entry that matches no finding any more",
	Doc: `A baseline entry that no finding of its file matches any more was fixed,
or changed enough to count as a new finding (its rule, key path or value
changed). Entries of files the run did not lint are not reported.

Write the baseline again with -write-baseline to drop the stale entries.`,
	Avoid:  `{"path": "a.manifest", "rule": "yes-no", "key": "eraseDevice", "fingerprint": "…"}` + "\n",
	Prefer: "(the entry removed, by ie lint -write-baseline)\n",
}

// BaselineEntry is one accepted finding.
type BaselineEntry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Key         string `json:"key,omitempty"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

// Baseline is a parsed baseline file.
type Baseline struct {
	Path    string
	Entries []BaselineEntry
	src     []byte
}

type baselineFile struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// ReadBaseline reads the baseline file at path.
func ReadBaseline(path string) (*Baseline, error) {
	src, err := inputfile.Read(path, 0)
	if err != nil {
		return nil, err
	}
	var f baselineFile
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: not a baseline: %v", path, err)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("%s: baseline version %d; this ie reads version 1", path, f.Version)
	}
	for i, e := range f.Findings {
		if e.Path == "" || e.Rule == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: finding %d lacks its path, rule or fingerprint", path, i+1)
		}
	}
	return &Baseline{Path: path, Entries: f.Findings, src: src}, nil
}

// WriteBaseline writes a baseline holding every finding of results.
func WriteBaseline(w io.Writer, results []*Result) error {
	f := baselineFile{Version: 1, Findings: []BaselineEntry{}}
	for _, r := range results {
		keys, fps := r.fingerprints()
		for i, d := range r.Diagnostics {
			f.Findings = append(f.Findings, BaselineEntry{
				Path: baselinePath(r.Name), Rule: d.Rule, Key: keys[i], Fingerprint: fps[i], Message: d.Message,
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// Filter removes from results the findings the baseline holds, each
// entry matching one finding, and returns a result for the baseline file
// with an info for each entry of a linted file that matched none; nil
// when there is no such entry.
func (b *Baseline) Filter(results []*Result) *Result {
	type slot struct{ path, fp string }
	left := map[slot][]int{} // entries not matched yet, by path and fingerprint
	for i, e := range b.Entries {
		k := slot{e.Path, e.Fingerprint}
		left[k] = append(left[k], i)
	}
	linted := map[string]bool{}
	for _, r := range results {
		path := baselinePath(r.Name)
		linted[path] = true
		keys, fps := r.fingerprints()
		kept, keptKeys, keptFPs := r.Diagnostics[:0:0], []string{}, []string{}
		for i, d := range r.Diagnostics {
			k := slot{path, fps[i]}
			if len(left[k]) > 0 {
				left[k] = left[k][1:]
				continue
			}
			kept, keptKeys, keptFPs = append(kept, d), append(keptKeys, keys[i]), append(keptFPs, fps[i])
		}
		r.Diagnostics, r.keys, r.fps = kept, keptKeys, keptFPs
	}
	stale := &Result{Name: b.Path, Src: b.src}
	for i, e := range b.Entries {
		k := slot{e.Path, e.Fingerprint}
		if !linted[e.Path] || !slices.Contains(left[k], i) {
			continue
		}
		start, end := b.span(i)
		where := e.Path
		if e.Key != "" {
			where = e.Key + " in " + e.Path
		}
		stale.Diagnostics = append(stale.Diagnostics, parser.Diagnostic{
			Start: start, End: end, Severity: parser.SeverityInfo, Rule: BaselineRule.Name,
			Message: fmt.Sprintf("stale baseline entry: no %s finding at %s matches it any more; rewrite the baseline with -write-baseline", e.Rule, where),
		})
	}
	if len(stale.Diagnostics) == 0 {
		return nil
	}
	return stale
}

// span returns where the fingerprint of entry i is written in the
// baseline file: its n-th occurrence, n counting the entries before i
// with the same fingerprint.
func (b *Baseline) span(i int) (parser.Pos, parser.Pos) {
	fp := b.Entries[i].Fingerprint
	n := 0
	for _, e := range b.Entries[:i] {
		if e.Fingerprint == fp {
			n++
		}
	}
	off := 0
	for ; n >= 0; n-- {
		j := bytes.Index(b.src[off:], []byte(`"`+fp+`"`))
		if j < 0 {
			return parser.Pos{Line: 1, Col: 1}, parser.Pos{Line: 1, Col: 1}
		}
		off += j
		if n > 0 {
			off++
		}
	}
	r := &Result{Src: b.src}
	return r.pos(off), r.pos(off + len(fp) + 2)
}

// baselinePath returns the path of a linted file as a baseline holds it:
// cleaned, with forward slashes, so that "./a.manifest" is "a.manifest".
func baselinePath(name string) string { return filepath.ToSlash(filepath.Clean(name)) }

// fingerprints returns, for each finding of the result, the key path of
// the entry it is about ("" when none) and its fingerprint: the rule, the
// path, the key path and the entry's value (or, outside any entry, the
// text of its line), with secrets redacted, and which occurrence of those
// it is. They are computed once, while the tree is there (Release keeps
// them), and Filter keeps them in step with the findings it leaves.
func (r *Result) fingerprints() (keys, fps []string) {
	if r.fps != nil || len(r.Diagnostics) == 0 {
		return r.keys, r.fps
	}
	defer func() { r.keys, r.fps = keys, fps }()
	seen := map[string]int{}
	for _, d := range r.Diagnostics {
		key, value := "", strings.TrimSpace(r.Line(d.Start.Line))
		if r.File != nil {
			if k, v, ok := keyPath(r.File.Body, d.Start.Offset, ""); ok {
				// The value masked where it stands: a hash of a PIN would
				// give the PIN away to anyone who tries the 10,000 of them.
				key, value = k, ""
				if v != nil {
					value = r.redact.mask(v.Raw, v.Pos().Offset)
				}
			}
		}
		id := d.Rule + "\x00" + baselinePath(r.Name) + "\x00" + key + "\x00" + value
		seen[id]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", id, seen[id])))
		keys = append(keys, key)
		fps = append(fps, hex.EncodeToString(sum[:16]))
	}
	return keys, fps
}

// keyPath returns the key path of the innermost entry of m that holds
// offset, such as returnAddress.country or operations[1].region, and its
// value (nil when it has none).
func keyPath(m *parser.Mapping, offset int, prefix string) (string, *parser.Scalar, bool) {
	for _, e := range m.Entries {
		if offset < e.Pos().Offset || offset > e.End().Offset {
			continue
		}
		path := prefix + e.Key.Name
		if k, v, ok := blockKeyPath(e.Block, offset, path); ok {
			return k, v, true
		}
		return path, e.Value, true
	}
	return "", nil, false
}

// blockKeyPath is keyPath within the block of the entry or item at path.
func blockKeyPath(b parser.Block, offset int, path string) (string, *parser.Scalar, bool) {
	switch b := b.(type) {
	case *parser.Mapping:
		return keyPath(b, offset, path+".")
	case *parser.List:
		for i, it := range b.Items {
			if offset < it.Pos().Offset || offset > it.End().Offset {
				continue
			}
			ip := fmt.Sprintf("%s[%d]", path, i)
			if k, v, ok := blockKeyPath(it.Block, offset, ip); ok {
				return k, v, true
			}
			return ip, it.Value, true
		}
	}
	return "", nil, false
}
