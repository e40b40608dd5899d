package lint

import "strings"

// suggest returns the candidate closest to s, or "" when none is close
// enough to be what the author meant: a candidate that differs only in
// case, or one within a third of s's length in edits (at least 1, at
// most 3). Ties go to the first candidate.
func suggest(s string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			return c
		}
	}
	best, bestDist := "", min(3, max(1, len(s)/3))+1
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if d := distance(lower, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// bytes each cost 1.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 { // names are short; long text is never a typo of one
		return max(len(a), len(b))
	}
	var rows [3][65]int // on the stack: a name's distance allocates nothing
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
