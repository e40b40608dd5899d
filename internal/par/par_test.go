package par

import (
	"sync/atomic"
	"testing"
)

// TestDo checks that every index is handed out exactly once.
func TestDo(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]atomic.Int32, n)
		Do(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d handed out %d times", n, i, c)
			}
		}
	}
}
