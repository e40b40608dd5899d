package web

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"

	"github.com/iekit/iekit/lint"
)

// ruleTemplate is the reference page of a rule, and the index of all.
var ruleTemplate = template.Must(template.New("rule").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Rule}}{{.Rule.Name}} · {{end}}iekit rules</title>
<link rel="stylesheet" href="../playground.css">
<link rel="icon" href="data:,">
</head>
<body class="reference">
<header><a href="../index.html">iekit playground</a> · <a href="index.html">rules</a></header>
<main class="doc">
{{- with .Rule}}
<h1>{{.Name}}</h1>
<p>It reports {{.Summary}}. Default severity: <strong>{{.Severity}}</strong>.</p>
<p>This is what <code>ie explain {{.Name}}</code> prints:</p>
<pre id="help">{{.Help}}</pre>
<p>Silence it on one entry with <code># ie:ignore {{.Name}} -- why</code>, or set its level in <code>.ie.yaml</code>:</p>
<pre>rules:
    {{.Name}}: off</pre>
{{- else}}
<h1>Lint rules</h1>
<table>
<tr><th>rule</th><th>default</th><th>what it reports</th></tr>
{{- range .Rules}}
<tr><td><a href="{{.Name}}.html"><code>{{.Name}}</code></a></td><td>{{.Severity}}</td><td>{{.Summary}}</td></tr>
{{- end}}
</table>
{{- end}}
</main>
</body>
</html>
`))

// rulePage is what ruleTemplate shows of a rule.
type rulePage struct {
	Name, Severity, Summary, Help string
}

// WriteRules writes into dir a reference page for each rule, NAME.html,
// from the documentation ie explain prints, and index.html listing them.
func WriteRules(dir string) error {
	var pages []rulePage
	for _, r := range lint.Rules {
		pages = append(pages, rulePage{Name: r.Name, Severity: r.Severity.String(), Summary: r.Summary, Help: r.Help()})
	}
	write := func(name string, data map[string]any) error {
		var b bytes.Buffer
		if err := ruleTemplate.Execute(&b, data); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
	}
	for _, p := range pages {
		if err := write(p.Name+".html", map[string]any{"Rule": p}); err != nil {
			return err
		}
	}
	return write("index.html", map[string]any{"Rules": pages})
}
