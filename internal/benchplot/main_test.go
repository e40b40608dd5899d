package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestPlotIsDrawnFromTheData checks that the plot in docs/performance
// is the one the program draws from the figures beside it, so that the
// two never disagree. IE_UPDATE=1 draws it again.
func TestPlotIsDrawnFromTheData(t *testing.T) {
	const data, svg = "../../docs/performance/edit-latency.tsv", "../../docs/performance/edit-latency.svg"
	in, err := os.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	s, err := read(in)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := plot(&got, s); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("IE_UPDATE") != "" {
		if err := os.WriteFile(svg, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s is not what the program draws from %s: run IE_UPDATE=1 go test ./internal/benchplot", svg, data)
	}
}

// TestReadRefuses checks that bad figures are refused with the line.
func TestReadRefuses(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "no figures",
		"h\nie\t1000\t0.2\n":        "line 2: 3 fields",
		"h\nie\t1000\t-1\t2\n":      `line 2: "-1" is not a positive number`,
		"h\nie\t1e3\t0.2\tfast\n":   `line 2: "fast" is not a positive number`,
		"h\nie\t1000\t0.2\t0.3\n\n": "",
	} {
		_, err := read(strings.NewReader(in))
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("read(%q) = %v, want %q", in, err, want)
		}
	}
}
