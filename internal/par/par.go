// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls f(i) for every i in [0, n) on as many goroutines as there are
// cores (GOMAXPROCS), the caller's among them, and returns when every
// call has returned. Each i is handed to exactly one call, in increasing
// order; calls share nothing but what f shares. One piece of work, or one
// core, runs on the caller's goroutine alone: a run over one file starts
// no goroutine and no thread for it.
func Do(n int, f func(i int)) {
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			f(i)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}
