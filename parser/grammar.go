package parser

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// line is the grammar of one physical line that is not blank.
// participle fills Tokens with every token of the line; the tree builder
// reads the parts from there. (Capturing each part into its own field
// doubles the parser's allocations for no information the token types do
// not already carry.)
//
// Nesting is not part of the grammar: it is rebuilt from indentation
// afterwards (build.go), so that one bad line never hides the rest.
type line struct {
	Tokens []lexer.Token `parser:"Entry | Dash (Entry | Text) | Comment | Text"`
}

// lineParser is built on first use, once the lexer's symbols exist.
var lineParser = sync.OnceValue(func() *participle.Parser[line] {
	return participle.MustBuild[line](participle.Lexer(lexDefinition{}))
})

// batchLines is how many lines participle gets at a time (see lineLexer).
const batchLines = 256

// parseLines runs the line grammar over src, one participle parse per
// physical line, and hands each line's tokens to visit in order. The lexer
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
		for !lex.Peek().EOF() {
			l, err := p.ParseFromLexer(lex, participle.AllowTrailing(true))
			if err != nil {
				return lex.Peek().Pos, err
			}
			visit(l.Tokens)
		}
		if lx.done() {
			return lex.Peek().Pos, nil
		}
	}
}
