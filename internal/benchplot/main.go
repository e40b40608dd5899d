// Benchplot draws the plot of docs/performance.md: the language server's
// latency from a keystroke to its diagnostics against the size of the
// document, on logarithmic axes, from the figures measured with lspbench.
//
// Usage:
//
//	go run ./internal/benchplot < docs/performance/edit-latency.tsv > docs/performance/edit-latency.svg
//
// The input is tab-separated, one line per server and document size, a
// header first: server, bytes, p50 and p99 in milliseconds.
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// point is one measured figure.
type point struct {
	bytes, p50, p99 float64
}

// series are the figures of one server, in the order read.
type series struct {
	name   string
	points []point
}

func main() {
	s, err := read(os.Stdin)
	if err == nil {
		err = plot(os.Stdout, s)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchplot:", err)
		os.Exit(1)
	}
}

// read reads the figures.
func read(r io.Reader) ([]series, error) {
	var out []series
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if n == 1 || sc.Text() == "" {
			continue // the header
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: %d fields, want 4: server, bytes, p50, p99", n, len(f))
		}
		var v [3]float64
		for i := range v {
			x, err := strconv.ParseFloat(f[i+1], 64)
			if err != nil || x <= 0 {
				return nil, fmt.Errorf("line %d: %q is not a positive number", n, f[i+1])
			}
			v[i] = x
		}
		if len(out) == 0 || out[len(out)-1].name != f[0] {
			out = append(out, series{name: f[0]})
		}
		s := &out[len(out)-1]
		s.points = append(s.points, point{v[0], v[1], v[2]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no figures")
	}
	return out, nil
}

// The plot's frame, in SVG units.
const (
	width, height            = 640, 400
	left, right, top, bottom = 70, 170, 30, 50
)

// colors are the series' colours, in turn.
var colors = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd"}

// plot writes the SVG: decades on both axes, a solid line for the
// median of each series and a dashed one for its 99th percentile.
func plot(w io.Writer, all []series) error {
	xlo, xhi, ylo, yhi := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range all {
		for _, p := range s.points {
			xlo, xhi = min(xlo, p.bytes), max(xhi, p.bytes)
			ylo, yhi = min(ylo, p.p50, p.p99), max(yhi, p.p50, p.p99)
		}
	}
	xlo, xhi = math.Floor(math.Log10(xlo)), math.Ceil(math.Log10(xhi))
	ylo, yhi = math.Floor(math.Log10(ylo)), math.Ceil(math.Log10(yhi))
	if xhi == xlo {
		xhi++
	}
	if yhi == ylo {
		yhi++
	}
	x := func(v float64) float64 { return left + (math.Log10(v)-xlo)/(xhi-xlo)*(width-left-right) }
	y := func(v float64) float64 { return height - bottom - (math.Log10(v)-ylo)/(yhi-ylo)*(height-top-bottom) }
	b := &strings.Builder{}
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	fmt.Fprintf(b, `<text x="%d" y="18" font-size="14">ie lsp: keystroke to diagnostics against document size</text>`+"\n", left)
	for e := xlo; e <= xhi; e++ {
		px := x(math.Pow(10, e))
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", px, top, px, height-bottom)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", px, height-bottom+16, size(math.Pow(10, e)))
	}
	for e := ylo; e <= yhi; e++ {
		py := y(math.Pow(10, e))
		fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>`+"\n", left, py, width-right, py)
		fmt.Fprintf(b, `<text x="%d" y="%.1f" text-anchor="end">%s ms</text>`+"\n", left-6, py+4, strconv.FormatFloat(math.Pow(10, e), 'g', -1, 64))
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle">document size (bytes)</text>`+"\n", (left+width-right)/2, height-12)
	for i, s := range all {
		c := colors[i%len(colors)]
		for _, q := range []struct {
			name, dash string
			at         func(point) float64
		}{{"p50", "", func(p point) float64 { return p.p50 }}, {"p99", ` stroke-dasharray="5,4"`, func(p point) float64 { return p.p99 }}} {
			var path []string
			for _, p := range s.points {
				path = append(path, fmt.Sprintf("%.1f,%.1f", x(p.bytes), y(q.at(p))))
				fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`+"\n", x(p.bytes), y(q.at(p)), c)
			}
			fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`+"\n", strings.Join(path, " "), c, q.dash)
			ly := top + 20 + 36*i
			if q.name == "p99" {
				ly += 16
			}
			fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>`+"\n", width-right+12, ly, width-right+36, ly, c, q.dash)
			fmt.Fprintf(b, `<text x="%d" y="%d">%s %s</text>`+"\n", width-right+42, ly+4, s.name, q.name)
		}
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// size names a power of ten of bytes.
func size(v float64) string {
	switch {
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'g', -1, 64) + " MB"
	case v >= 1e3:
		return strconv.FormatFloat(v/1e3, 'g', -1, 64) + " KB"
	}
	return strconv.FormatFloat(v, 'g', -1, 64) + " B"
}
