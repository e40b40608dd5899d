package parser

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// lines is the grammar of a batch of physical lines that are not blank:
// each line is one of the token sequences the lexer makes of a line.
// participle fills Tokens with every token of the batch, and runGrammar
// hands them to the tree builder a line at a time. One parse per batch
// rather than per line spares participle's allocations for each parse
// (the result, its context, the slice of its tokens): a third of the
// parser's. (Capturing each part into its own field doubles the parser's
// allocations for no information the token types do not already carry.)
//
// Nesting is not part of the grammar: it is rebuilt from indentation
// afterwards (build.go), so that one bad line never hides the rest.
type lines struct {
	Tokens []lexer.Token `parser:"(Entry | Dash (Entry | Text) | Comment | Text)*"`
}

// lineParser parses batches of lines. It is built on first use, once the
// lexer's symbols exist.
var lineParser = sync.OnceValue(func() *participle.Parser[lines] {
	return participle.MustBuild[lines](participle.Lexer(lexDefinition{}))
})

// batchLines is how many lines participle gets at a time (see lineLexer).
const batchLines = 256

// parseLines runs the line grammar over src, one participle parse per
// batch of lines, and hands each line's tokens to visit in order. The lexer
// only produces token sequences the grammar accepts, so an error here is a
// bug in this package, never a problem of the input. It returns the
// position of the end of the source.
func parseLines(filename, src string, visit func([]lexer.Token)) (lexer.Position, error) {
	return runGrammar(newLexer(filename, src), visit)
}

// runGrammar is parseLines over the lines lx has left to lex.
func runGrammar(lx *lineLexer, visit func([]lexer.Token)) (lexer.Position, error) {
	p := lineParser()
	lx.batch, lx.left = batchLines, batchLines
	for {
		lex, err := lexer.Upgrade(lx)
		if err != nil {
			return lex.Peek().Pos, err
		}
		if !lex.Peek().EOF() { // a batch of blank lines has no tokens
			b, err := p.ParseFromLexer(lex)
			if err != nil {
				return lex.Peek().Pos, err
			}
			for toks := b.Tokens; len(toks) > 0; {
				n := 1
				for n < len(toks) && toks[n].Pos.Line == toks[0].Pos.Line {
					n++
				}
				visit(toks[:n])
				toks = toks[n:]
			}
		}
		if lx.done() {
			return lex.Peek().Pos, nil
		}
	}
}
