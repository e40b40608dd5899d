package par

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"
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

// TestDoOneOnCaller checks that one piece of work runs on the caller's
// goroutine, starting none.
func TestDoOneOnCaller(t *testing.T) {
	before := runtime.NumGoroutine()
	var during int
	Do(1, func(int) { during = runtime.NumGoroutine() })
	if during != before {
		t.Errorf("%d goroutines during Do(1), %d before", during, before)
	}
}

// TestDoParallel checks that the work is spread over every core: with
// two cores, two calls are under way at once.
func TestDoParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	started := make(chan struct{})
	Do(2, func(i int) {
		if i == 1 {
			close(started)
			return
		}
		select { // the first call waits for the second, which a serial run never starts
		case <-started:
		case <-time.After(10 * time.Second):
			t.Error("the second call did not start while the first ran")
		}
	})
}
