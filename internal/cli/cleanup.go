package cli

import (
	"os"
	"os/signal"
	"sync"
	"time"
)

// The files WriteFile has made and not yet renamed or removed, and what
// happens to them when the process is told to stop.
//
// On the first WriteFile, the signals in stopSignals (those the process
// does not ignore) are caught. When one arrives, the handler takes
// critical for good, so that a rename or an in-place write under way (each
// holds critical for reading) ends and no other begins; it removes the
// files, stops catching signals and sends the signal again, so that the
// process dies of it as it would have, exit status and all. A second
// signal ends the process at once.
var (
	critical sync.RWMutex

	temps struct {
		sync.Mutex
		names map[string]bool
	}
	catchOnce sync.Once
)

// createTracked calls create and records the file it makes, to remove
// if the process is stopped; under critical, so that no signal is handled
// between the two.
func createTracked(create func() (*os.File, error)) (*os.File, error) {
	catchOnce.Do(catch)
	critical.RLock()
	defer critical.RUnlock()
	f, err := create()
	if err != nil {
		return nil, err
	}
	temps.Lock()
	defer temps.Unlock()
	if temps.names == nil {
		temps.names = map[string]bool{}
	}
	temps.names[f.Name()] = true
	return f, nil
}

// untrack forgets a file: it was renamed, removed, or must be kept.
func untrack(name string) {
	temps.Lock()
	defer temps.Unlock()
	delete(temps.names, name)
}

// catch starts the handler of stopSignals described above.
func catch() {
	var sigs []os.Signal
	for _, s := range stopSignals {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	if len(sigs) == 0 {
		return
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	go func() {
		sig := <-c
		go func() {
			<-c // a second signal does not wait for a write that hangs
			os.Exit(ExitUsage)
		}()
		critical.Lock()
		temps.Lock()
		for name := range temps.names {
			os.Remove(name)
		}
		signal.Reset(sigs...)
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Signal(sig)
		}
		time.Sleep(time.Second) // the signal ends the process; should it not,
		os.Exit(ExitUsage)
	}()
}
