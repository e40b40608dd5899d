package parser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// Document is a manifest being edited. It keeps what the lexer and the
// line grammar made of each line, so that an edit costs a new lex and
// parse of the lines it touches only, and File gives the tree and the
// diagnostics Parse would give for the current text.
//
// Why that is Parse's result: the lexer and the grammar see one physical
// line at a time (a line is the source cut after each "\n"; the BOM is
// part of line 1), so a line's tokens depend on its own bytes alone.
// Kept with offsets from the start of their line, they stay true when
// lines above them grow, shrink, appear or vanish: File rebases them onto
// the current text, and hands them to the same tree builder, in the same
// order, as Parse does. An edit of bytes [start, end) lexes again every
// line from the one holding start to the one holding end (a deleted "\n"
// joins two lines, both of them touched), and nothing else changed.
//
// The tree builder, too, starts again only near the first changed line:
// its state before a line depends on the lines above alone, so File
// resumes from the last state recorded before that line (snapshot.go)
// and shares the nodes above it with the tree built before. The nodes
// after it are built anew, down to the end of the source: their offsets
// moved, and a returned tree never changes. A keystroke near the end of
// a big document is therefore cheap, one near the start costs about a
// build of the tree from the kept lines, which is still several times
// cheaper than Parse.
//
// A Document is not safe for concurrent use; the trees and diagnostics it
// returns are never modified afterwards and may be read from any
// goroutine.
type Document struct {
	name   string
	src    string
	lines  []docLine // one per line; the last is empty when src ends with "\n"
	starts []int     // the offset of each line
	broken bool      // the grammar refused a line: File falls back to Parse
	file   *File     // the result for src, nil until File computes it
	diags  Diagnostics

	// The state of the last build, for the next one to resume from.
	snaps []snapshot  // the builder's state every snapshotEvery lines, by line
	built Diagnostics // the builder's diagnostics, in the order it reported them
	stale int         // the first line changed since, or len(lines)
	every int         // snapshotEvery; tests take snapshots more often
}

// docLine is what the lexer and the grammar made of one line.
type docLine struct {
	// text is the line, "\n" included; the values of its tokens, and so
	// the strings of the tree, are cut from it. It is part of a string
	// holding the lines lexed with it and no more, so that a tree does
	// not keep alive the whole source of every version it shares nodes
	// with.
	text string
	toks []token // nil for a blank line
	bad  bool    // the line holds a byte that has no place in a manifest
}

// token is a lexer.Token held with offsets from the start of its line.
type token struct {
	typ        lexer.TokenType
	start, end int
}

// NewDocument parses src, a manifest named filename, for editing.
func NewDocument(filename string, src []byte) *Document {
	d := &Document{name: filename, src: string(src), every: snapshotEvery}
	var err error
	d.lines, d.starts, err = lexLines(filename, d.src, 0, len(d.src), 1, true)
	d.broken = err != nil
	d.stale = len(d.lines)
	return d
}

// Text returns the current source.
func (d *Document) Text() string { return d.src }

// Edit replaces the bytes [start, end) of the source with text.
func (d *Document) Edit(start, end int, text []byte) error {
	if start < 0 || end < start || end > len(d.src) {
		return fmt.Errorf("edit of bytes [%d, %d) outside a source of %d bytes", start, end, len(d.src))
	}
	first, last := d.lineAt(start), d.lineAt(end)
	from, to := d.starts[first], len(d.src)
	if last+1 < len(d.starts) {
		to = d.starts[last+1]
	}
	delta := len(text) - (end - start)
	src := d.src[:start] + string(text) + d.src[end:]
	lines, starts, err := lexLines(d.name, src, from, to+delta, first+1, last == len(d.lines)-1)
	if err != nil {
		d.broken = true
	}
	d.lines = slices.Replace(d.lines, first, last+1, lines...)
	d.starts = slices.Replace(d.starts, first, last+1, starts...)
	for i := first + len(starts); i < len(d.starts); i++ {
		d.starts[i] += delta
	}
	d.src, d.file, d.diags = src, nil, nil
	d.stale = min(d.stale, first)
	return nil
}

// SetText replaces the whole source with src, as an editor that sends the
// full text after every change does: only the bytes between the part src
// shares with the current source at its start and the part it shares at
// its end count as edited.
func (d *Document) SetText(src []byte) {
	old := d.src
	n := min(len(old), len(src))
	start := 0
	for start+64 <= n && old[start:start+64] == string(src[start:start+64]) {
		start += 64
	}
	for start < n && old[start] == src[start] {
		start++
	}
	end := 0 // the length of the common end, which must not overlap start
	for end+64 <= n-start && old[len(old)-end-64:len(old)-end] == string(src[len(src)-end-64:len(src)-end]) {
		end += 64
	}
	for end < n-start && old[len(old)-end-1] == src[len(src)-end-1] {
		end++
	}
	if start == len(old) && len(old) == len(src) {
		return // the same text
	}
	d.Edit(start, len(old)-end, src[start:len(src)-end])
}

// lineAt returns the index of the line that holds offset.
func (d *Document) lineAt(offset int) int {
	i, found := slices.BinarySearch(d.starts, offset)
	if !found {
		i--
	}
	return i
}

// File returns the tree and the diagnostics of the current source: those
// Parse returns. The caller must not modify them: File returns them again
// until the next edit, and later trees share their nodes.
func (d *Document) File() (*File, Diagnostics) {
	if d.file == nil {
		d.build()
	}
	return d.file, d.diags
}

// build runs the tree builder over the kept lines, as Parse runs it over
// the lines the grammar produces, resuming where the last build was
// before the first line changed since.
func (d *Document) build() {
	if d.broken {
		d.file, d.diags = Parse(d.name, []byte(d.src))
		return
	}
	f := &File{Name: d.name, BOM: strings.HasPrefix(d.src, bom)}
	b, from := d.resume()
	var toks []lexer.Token
	for i, next := from, from; i < len(d.lines); i++ {
		if i == next {
			// A snapshot copies the stack and the waiting comments: as
			// many lines apart as it copies, they cost no more than the
			// lines themselves.
			d.snaps = append(d.snaps, b.snapshot(i))
			next = i + max(d.every, len(b.stack)+len(b.comments))
		}
		l := d.lines[i]
		if l.toks != nil {
			toks = d.tokens(i, toks[:0])
			b.line(toks)
		}
		if l.bad {
			b.checkLine(d.contentStart(i), d.contentEnd(i), i+1)
		}
	}
	last := len(d.lines) - 1
	eof := Pos{Offset: len(d.src), Line: last + 1, Col: len(d.src) - d.contentStart(last) + 1}
	d.built, d.stale = slices.Clip(b.diags), len(d.lines)
	f.Body = b.finish(eof)
	f.end = eof
	if len(b.diags) > 0 {
		d.diags = slices.Clip(slices.Clone(b.diags)) // an append makes a copy
		d.diags.Sort()
	}
	d.file = f
}

// resume returns a builder in the state the last build was in before the
// first line changed since, and the index of that line: the last snapshot
// at or before it. The snapshots after it are dropped; the build records
// them again.
func (d *Document) resume() (*builder, int) {
	n, _ := slices.BinarySearchFunc(d.snaps, d.stale+1, func(s snapshot, line int) int { return s.line - line })
	d.snaps = d.snaps[:n]
	for len(d.snaps) > 0 {
		s := &d.snaps[len(d.snaps)-1]
		d.snaps = d.snaps[:len(d.snaps)-1]
		if b := s.resume(d.src, d.built); b != nil {
			for i := range d.snaps {
				d.snaps[i].rebase(s, b)
			}
			return b, s.line
		}
	}
	return newBuilder(d.src), 0
}

// tokens appends the tokens of line i, placed in the current source, to
// buf.
func (d *Document) tokens(i int, buf []lexer.Token) []lexer.Token {
	start, first := d.starts[i], d.contentStart(i)
	for _, t := range d.lines[i].toks {
		off := start + t.start
		buf = append(buf, lexer.Token{
			Type:  t.typ,
			Value: d.lines[i].text[t.start:t.end],
			Pos:   lexer.Position{Filename: d.name, Offset: off, Line: i + 1, Column: off - first + 1},
		})
	}
	return buf
}

// contentStart returns the offset of the first column of line i: its
// start, or past the BOM on line 1.
func (d *Document) contentStart(i int) int {
	if i == 0 && strings.HasPrefix(d.src, bom) {
		return len(bom)
	}
	return d.starts[i]
}

// contentEnd returns the offset of the end of line i, before its "\n".
func (d *Document) contentEnd(i int) int {
	if i+1 < len(d.starts) {
		return d.starts[i+1] - 1
	}
	return len(d.src)
}

// lexLines lexes and parses src[from:to], whole lines starting with line
// n, and returns what it made of each line and the offset of each. final
// says whether the lines run to the end of the source, where an empty
// line follows a last "\n". Every line gets its own slice of one shared
// token array, capped so that no line can grow into the next, and its
// text from a copy of src[from:to] (src itself when that is all of it).
func lexLines(filename, src string, from, to, n int, final bool) ([]docLine, []int, error) {
	starts := []int{from}
	for i := from; ; {
		nl := strings.IndexByte(src[i:to], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		if i < to || final {
			starts = append(starts, i)
		}
	}
	lines := make([]docLine, len(starts))
	var all []token
	bounds := make([]int, 0, len(starts)+1)
	_, err := runGrammar(newLexerAt(filename, src[:to], from, n), func(toks []lexer.Token) {
		i := toks[0].Pos.Line - n
		for len(bounds) <= i {
			bounds = append(bounds, len(all))
		}
		for _, t := range toks {
			all = append(all, token{t.Type, t.Pos.Offset - starts[i], t.Pos.Offset + len(t.Value) - starts[i]})
		}
	})
	for len(bounds) <= len(starts) {
		bounds = append(bounds, len(all))
	}
	text := src
	if from > 0 || to < len(src) {
		text = strings.Clone(src[from:to])
	}
	for i := range lines {
		if i+1 < len(starts) {
			lines[i].text = text[starts[i]-from : starts[i+1]-from]
		} else {
			lines[i].text = text[starts[i]-from:]
		}
		if lo, hi := bounds[i], bounds[i+1]; lo < hi {
			lines[i].toks = all[lo:hi:hi]
		}
		content, end := starts[i], to
		if i == 0 && content == 0 && strings.HasPrefix(src, bom) {
			content = len(bom)
		}
		if i+1 < len(starts) {
			end = starts[i+1] - 1
		} else if !final {
			end = to - 1 // before the "\n" that ends the lines
		}
		bad, _, _ := badByte(src[content:end])
		lines[i].bad = bad >= 0
	}
	return lines, starts, err
}
