package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/iekit/iekit/parser"
	"github.com/iekit/iekit/schema"
)

// ruleAddressFormat reports returnAddress fields that are present but
// malformed: a US ZIP code or state that is not in USPS form, a phone
// number too short to call, a PO box as a street line, a country the
// table of ISO 3166 names and codes does not know.
var ruleAddressFormat = &Rule{
	Name:     "address-format",
	Severity: parser.SeverityWarning,
	Summary:  "US ZIP code or state not in USPS form, short phone number, PO box, unknown country",
	Doc: `The carrier that brings the device back needs an address it can
deliver to, and CreateJob rejects one it cannot read with
InvalidAddressException. This rule looks at the shape of the fields:
for a US address, a postalCode that is not a 5-digit ZIP code or ZIP+4
(NNNNN-NNNN), and a stateOrProvince that is not a two-letter USPS code
(a state written in full gets its code suggested); for any address, a
phoneNumber with fewer than 7 digits, a street line that is a PO box
(carriers do not deliver devices to PO boxes: give a street address),
and a country that is neither an ISO 3166 English name nor an alpha-2 or
alpha-3 code (common names such as USA, UK or South Korea are fine; the
closest name is suggested).

Missing fields are the address rule's business, placeholders the
placeholder rule's: this rule skips them.`,
	Avoid:         "bucket: survey-scans\nreturnAddress:\n    name: Jane Doe\n    street1: P.O. Box 1200\n    city: Seattle\n    stateOrProvince: Washington\n    postalCode: 9810\n    phoneNumber: 555-0100\n    country: USA\n",
	Prefer:        "bucket: survey-scans\nreturnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: 206-555-0100\n    country: USA\n",
	Check:         checkAddressFormat,
	ServiceErrors: []string{"InvalidAddressException"},
}

// poBox finds "P.O. Box", "PO Box", "P O Box", "POBox", "Post Office
// Box", in any case; a letter must not follow ("Boxwood").
var poBox = lazyRegexp(`(?i)\b(?:p\s*\.?\s*o\s*\.?\s*|post\s+office\s+)box`)

// usZIP reports whether s is a US ZIP code: 5 digits, or ZIP+4
// (NNNNN-NNNN).
func usZIP(s string) bool {
	switch {
	case len(s) == 5:
		return allDigits(s)
	case len(s) == 10:
		return allDigits(s[:5]) && s[5] == '-' && allDigits(s[6:])
	}
	return false
}

// allDigits reports whether s is made of the digits 0-9 only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// minPhoneDigits is the fewest digits a phone number the carrier can call
// has: a local number without its area code.
const minPhoneDigits = 7

func checkAddressFormat(p *Pass) {
	_, m := schema.BlockOf(p.Top(), schema.ReturnAddress)
	if m == nil {
		return
	}
	if schema.LookupCountry(text(m.Lookup("country"))).Is("US") {
		if v := checkable(m.Lookup("postalCode")); v != nil && !usZIP(v.Text) {
			p.Reportf(v, "US postal code %s should be 5 digits or ZIP+4 (NNNNN-NNNN)", shown(v.Text))
		}
		if v := checkable(m.Lookup("stateOrProvince")); v != nil {
			checkUSState(p, v)
		}
	}
	if v := checkable(m.Lookup("phoneNumber")); v != nil {
		n := 0
		for _, r := range v.Text {
			if unicode.IsDigit(r) {
				n++
			}
		}
		if n < minPhoneDigits {
			p.Reportf(v, "phoneNumber %s has %s: a carrier needs at least %d to call", shown(v.Text), digitCount(n), minPhoneDigits)
		}
	}
	for _, f := range schema.ReturnAddress.Fields {
		switch {
		case strings.HasPrefix(f.Name, "street"):
			checkPOBox(p, m.Lookup(f.Name))
		case f.Type == schema.Country:
			reportCountry(p, m.Lookup(f.Name))
		}
	}
}

// checkUSState reports a US stateOrProvince that is not a USPS code, with
// the code as an unsafe fix when the state is written in full.
func checkUSState(p *Pass, v *parser.Scalar) {
	if _, ok := schema.USStates[strings.ToUpper(v.Text)]; ok {
		return
	}
	if code := schema.USStateCode(v.Text); code != "" {
		p.Report(parser.Diagnostic{
			Start: v.Pos(), End: v.End(),
			Message: fmt.Sprintf("write the USPS code %q instead of %s", code, shown(v.Text)),
			Fixes:   []parser.Fix{{Title: fmt.Sprintf("replace with %q", code), Edits: []parser.TextEdit{replaceScalar(v, code)}}},
		})
		return
	}
	if s := suggest(v.Text, schema.USStateNames()); s != "" && len(v.Text) > 2 {
		p.Reportf(v, "stateOrProvince %s is not a two-letter USPS code: did you mean %q (%s)?", shown(v.Text), schema.USStateCode(s), s)
		return
	}
	p.Reportf(v, "stateOrProvince %s is not a two-letter USPS code such as \"WA\"", shown(v.Text))
}

// checkPOBox reports a street line that gives a PO box.
func checkPOBox(p *Pass, e *parser.Entry) {
	if e == nil || e.Value == nil || !containsFoldASCII(e.Value.Text, "box") {
		return // poBox needs "box", and most streets have none
	}
	v := checkable(e)
	if v == nil {
		return
	}
	for _, loc := range poBox().FindAllStringIndex(v.Text, -1) {
		if rest := v.Text[loc[1]:]; rest != "" && unicode.IsLetter(rune(rest[0])) {
			continue
		}
		start, end := textSpan(v, loc[0], loc[1])
		p.Report(parser.Diagnostic{Start: start, End: end, Message: fmt.Sprintf(
			"%q in %s is a PO box: carriers do not deliver devices to PO boxes, give a street address",
			v.Text[loc[0]:loc[1]], e.Key.Name)})
		return
	}
}

// containsFoldASCII reports whether s holds lower, an ASCII word in lower
// case, up to the case of ASCII letters.
func containsFoldASCII(s, lower string) bool {
	for i := 0; i+len(lower) <= len(s); i++ {
		if lowerASCII(s[i]) == lower[0] && equalFoldASCII(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}

// digitCount says how many digits a phone number has, for a message.
func digitCount(n int) string {
	switch n {
	case 0:
		return "no digits"
	case 1:
		return "only 1 digit"
	}
	return fmt.Sprintf("only %d digits", n)
}
