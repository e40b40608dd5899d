// Package par runs independent pieces of work on every core.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(i) for every i in [0, n), on as many goroutines as there are
// cores (GOMAXPROCS), and returns when every call has returned. Calls
// share nothing but what f shares: each i is handed to exactly one.
func Do(n int, f func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, n)) {
		wg.Go(func() {
			for i := range work {
				f(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
}
