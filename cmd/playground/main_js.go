//go:build js && wasm

package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"
)

// main sets the global object iekit for the page, tells the page through
// iekitReady, and waits: the functions live as long as the page.
func main() {
	api := map[string]any{
		"lint": call(func(a []js.Value) (any, error) {
			opt, err := options(a, 1)
			if err != nil {
				return nil, err
			}
			return Lint(a[0].String(), opt)
		}),
		"fix": call(func(a []js.Value) (any, error) {
			opt, err := options(a, 1)
			if err != nil {
				return nil, err
			}
			text, err := Fix(a[0].String(), opt, a[2].Int(), a[3].Int())
			return map[string]string{"text": text}, err
		}),
		"fixAll": call(func(a []js.Value) (any, error) {
			opt, err := options(a, 1)
			if err != nil {
				return nil, err
			}
			text, n, err := FixAll(a[0].String(), opt, a[2].Bool())
			return map[string]any{"text": text, "applied": n}, err
		}),
		"format": call(func(a []js.Value) (any, error) { return Format(a[0].String()) }),
		"request": call(func(a []js.Value) (any, error) {
			var opt RequestOptions
			if err := json.Unmarshal([]byte(a[1].String()), &opt); err != nil {
				return nil, err
			}
			return Request(a[0].String(), opt)
		}),
		"rules": call(func([]js.Value) (any, error) { return Rules(), nil }),
		"share": call(func(a []js.Value) (any, error) { return map[string]string{"text": Share(a[0].String())}, nil }),
	}
	js.Global().Set("iekit", js.ValueOf(api))
	if ready := js.Global().Get("iekitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// call wraps an engine function for the page: string arguments in, JSON
// out, {"error": "..."} when it fails or panics, so that a defect in the
// engine shows in the page instead of stopping it.
func call(f func([]js.Value) (any, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = errorJSON(fmt.Errorf("internal error: %v", p))
			}
		}()
		v, err := f(args)
		if err != nil {
			return errorJSON(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			return errorJSON(err)
		}
		return string(b)
	})
}

// errorJSON is the answer of a call that failed with err.
func errorJSON(err error) string {
	b, _ := json.Marshal(map[string]string{"error": err.Error()})
	return string(b)
}

// options reads the page's settings, JSON in argument i.
func options(args []js.Value, i int) (Options, error) {
	var opt Options
	if len(args) <= i || args[i].Type() != js.TypeString {
		return opt, nil
	}
	err := json.Unmarshal([]byte(args[i].String()), &opt)
	return opt, err
}
