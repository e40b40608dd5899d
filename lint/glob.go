package lint

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// matchGlob reports whether a slash-separated path matches pattern, where
// "**" stands for any number of whole path segments (none included) and
// every other segment is a path.Match pattern.
func matchGlob(pattern, name string) bool {
	return matchSegments(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

// matchSegments matches name against pat segment by segment, as
// wildcard matching does with "*": a "**" first takes no segment, and
// when the segments after it fail, it takes one more and they are tried
// again from there. Only the last "**" is ever revisited (whatever an
// earlier one could take, the last one can take as well), so the work is
// at most len(pat) × len(name) segment matches: a path 26 deep against
// ten "**" is a few hundred, where trying every split is millions.
func matchSegments(pat, name []string) bool {
	p, n := 0, 0
	star, next := -1, 0 // the last "**" seen, and where its next attempt starts in name
	for n < len(name) {
		switch {
		case p < len(pat) && pat[p] == "**":
			star, next = p, n
			p++
		case p < len(pat) && matchSegment(pat[p], name[n]):
			p, n = p+1, n+1
		case star >= 0:
			next++
			p, n = star+1, next
		default:
			return false
		}
	}
	for p < len(pat) && pat[p] == "**" {
		p++
	}
	return p == len(pat)
}

func matchSegment(pat, name string) bool {
	ok, _ := path.Match(pat, name)
	return ok
}

// checkGlob returns why a glob of the configuration is invalid: a syntax
// error, or a form that can never match the clean, slash-separated paths
// relative to the configuration's directory that globs are matched
// against (an absolute path, "." or ".." segments, empty segments,
// backslashes, "**" inside a segment). The error suggests the glob that
// was most likely meant, when there is one.
func checkGlob(pattern string) error {
	problem := globProblem(pattern)
	if problem == "" {
		return nil
	}
	if s, ok := suggestGlob(pattern); ok && globProblem(s) == "" {
		return fmt.Errorf("%s; did you mean %q?", problem, s)
	}
	return errors.New(problem)
}

// globProblem returns the first reason a glob is invalid, or "".
func globProblem(pattern string) string {
	switch {
	case pattern == "":
		return "an empty glob matches nothing"
	case strings.Contains(pattern, `\`):
		return `globs separate directories with "/", never "\"`
	case strings.HasPrefix(pattern, "/"):
		return "globs match paths relative to the configuration's directory, never absolute ones"
	}
	for _, seg := range strings.Split(pattern, "/") {
		switch {
		case seg == "":
			return `an empty segment ("//", or "/" at the end) never matches a file`
		case seg == ".":
			return `a "." segment never matches: paths are matched without "./"`
		case seg == "..":
			return `a ".." segment never matches: globs match files under the configuration's directory only`
		case seg != "**" && strings.Contains(seg, "**"):
			return `"**" stands for whole path segments only, as in "**/*.manifest"`
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err.Error()
		}
	}
	return ""
}

// suggestGlob returns the glob most likely meant by an invalid one, and
// whether there is one.
func suggestGlob(pattern string) (string, bool) {
	pattern = strings.TrimLeft(strings.ReplaceAll(pattern, `\`, "/"), "/")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**" // "old/" means what is under old
	}
	var out []string
	for _, seg := range strings.Split(pattern, "/") {
		switch {
		case seg == "" || seg == ".":
		case seg == "**":
			if len(out) == 0 || out[len(out)-1] != "**" {
				out = append(out, seg)
			}
		case seg == "..":
			if len(out) == 0 || out[len(out)-1] == "**" {
				return "", false // above the configuration's directory
			}
			out = out[:len(out)-1]
		case seg != "**" && strings.HasPrefix(seg, "**"):
			out = append(out, "**", strings.TrimLeft(seg, "*")) // "**.manifest" is "**/*.manifest"
			out[len(out)-1] = "*" + out[len(out)-1]
		default:
			for strings.Contains(seg, "**") {
				seg = strings.ReplaceAll(seg, "**", "*")
			}
			out = append(out, seg)
		}
	}
	if len(out) == 0 {
		return "", false
	}
	return strings.Join(out, "/"), true
}
