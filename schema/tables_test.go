package schema

import (
	"slices"
	"testing"

	"github.com/iekit/iekit/parser"
)

func TestRequiredIn(t *testing.T) {
	region := Operations.Field("region")
	for _, c := range []struct {
		o        *Option
		k        Kind
		required bool
		applies  bool
	}{
		{Lookup("bucket"), S3Import, true, true},
		{Lookup("bucket"), S3Export, false, false},
		{Lookup("bucket"), KindUnknown, false, true}, // one kind requires it, not every kind
		{Lookup("deviceId"), KindUnknown, true, true},
		{Customs, S3Import, false, true}, // conditional
		{region, EBSImport, true, true},
		{region, KindUnknown, false, true},
		{Lookup("fileSystem"), S3Import, false, false},
	} {
		if got := c.o.RequiredIn(c.k); got != c.required {
			t.Errorf("%s.RequiredIn(%v) = %v", c.o.Name, c.k, got)
		}
		if got := c.o.AppliesIn(c.k); got != c.applies {
			t.Errorf("%s.AppliesIn(%v) = %v", c.o.Name, c.k, got)
		}
	}
}

func TestOnly(t *testing.T) {
	for _, c := range []struct {
		o    *Option
		k    Kind
		want string
	}{
		{Lookup("manifestVersion"), GlacierImport, "3.0"},
		{Lookup("manifestVersion"), KindUnknown, ""},
		{Operations.Field("destination"), EBSImport, "ebs-snapshot"},
		{Operations.Field("destination"), KindUnknown, ""},
		{Operations.Field("source"), KindUnknown, "device"},
		{Lookup("acl"), S3Import, ""},
		{Lookup("deviceId"), S3Import, ""},
	} {
		if got := c.o.Only(c.k); got != c.want {
			t.Errorf("%s.Only(%v) = %q, want %q", c.o.Name, c.k, got, c.want)
		}
	}
}

// TestCountries checks the country table: every value offered is found,
// as the country it belongs to, and is offered once; lookups fold case,
// dots and a leading "the".
func TestCountries(t *testing.T) {
	values := CountryValues()
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v] {
			t.Errorf("%q offered twice", v)
		}
		seen[v] = true
		if LookupCountry(v) == nil {
			t.Errorf("%q is offered but not found", v)
		}
	}
	if len(Countries) != 249 || len(values) < 3*len(Countries) {
		t.Errorf("%d countries, %d values", len(Countries), len(values))
	}
	for s, want := range map[string]string{
		"USA": "US", "u.s.a.": "US", "the Netherlands": "NL", "deu": "DE", "UK": "GB", "Türkiye": "TR",
	} {
		if c := LookupCountry(s); !c.Is(want) {
			t.Errorf("LookupCountry(%q) = %+v, want %s", s, c, want)
		}
	}
	if c := LookupCountry("Atlantis"); c != nil || c.Is("US") {
		t.Errorf("LookupCountry(Atlantis) = %+v", c)
	}
	if !slices.Contains(CountryNames(), "Germany") || slices.Contains(CountryNames(), "DE") {
		t.Error("CountryNames: want names without codes")
	}
}

// TestCountrySpellingsUnique checks what LookupCountry relies on to find
// a value written as the table writes it without folding it: no two
// countries share a code or name, even folded.
func TestCountrySpellingsUnique(t *testing.T) {
	owner := map[string]string{}
	for _, c := range Countries {
		for _, s := range append([]string{c.Alpha2, c.Alpha3}, c.Names...) {
			k := countryKey(s)
			if o, ok := owner[k]; ok && o != c.Alpha2 {
				t.Errorf("%q (%s) is also a spelling of %s, folded %q", s, c.Alpha2, o, k)
			}
			owner[k] = c.Alpha2
			if got := LookupCountry(s); !got.Is(c.Alpha2) {
				t.Errorf("LookupCountry(%q) = %+v, want %s", s, got, c.Alpha2)
			}
		}
	}
}

func TestUSStates(t *testing.T) {
	for name, want := range map[string]string{
		"washington": "WA", "Washington D.C.": "DC", "US Virgin Islands": "VI", "Narnia": "",
	} {
		if got := USStateCode(name); got != want {
			t.Errorf("USStateCode(%q) = %q, want %q", name, got, want)
		}
	}
	names := USStateNames()
	if len(names) != len(USStates) || !slices.IsSorted(names) {
		t.Errorf("USStateNames: %d names, sorted %v", len(names), slices.IsSorted(names))
	}
}

func TestYesNo(t *testing.T) {
	for _, v := range YesNoValues {
		if !IsYesNo(v) {
			t.Errorf("IsYesNo(%q) = false", v)
		}
	}
	if !IsYesNo("Yes") || IsYesNo("true") {
		t.Error("IsYesNo: want any case of yes and no only")
	}
	for s, want := range map[string]string{"TRUE": "yes", "off": "no", "0": "no"} {
		if got, ok := YesNoMeant(s); !ok || got != want {
			t.Errorf("YesNoMeant(%q) = %q, %v", s, got, ok)
		}
	}
	if _, ok := YesNoMeant("maybe"); ok {
		t.Error(`YesNoMeant("maybe") succeeded`)
	}
}

func TestRegions(t *testing.T) {
	if !IsRegion("eu-west-1") || IsRegion("EU-WEST-1") || IsRegion("us-east-9") {
		t.Error("IsRegion: want exact names of Regions only")
	}
	for _, f := range Facilities {
		if !IsRegion(f.Region) || LookupCountry(f.Country) == nil || f.Source == "" || FacilityOf(f.Region) == nil {
			t.Errorf("facility %+v: unknown region or country, or no source", f)
		}
	}
	if FacilityOf("ap-south-2") != nil {
		t.Error("FacilityOf(ap-south-2): want none")
	}
	for code := range euMembers {
		if LookupCountry(code) == nil {
			t.Errorf("EU member %s is not in the country table", code)
		}
	}
	if len(euMembers) != 27 {
		t.Errorf("%d EU members, want 27", len(euMembers))
	}
}

// TestFacilityRules checks when a return shipment needs the customs
// block and may be expedited, facility by facility.
func TestFacilityRules(t *testing.T) {
	for _, c := range []struct {
		region, country    string
		customs, expedited bool
	}{
		{"us-east-1", "USA", false, true},
		{"us-west-2", "United States", false, true},
		{"us-east-1", "Canada", true, false},
		{"us-east-1", "Germany", true, false},
		{"eu-west-1", "Ireland", false, false},
		{"eu-west-1", "Germany", false, false}, // within the EU
		{"eu-west-1", "United Kingdom", true, false},
		{"eu-west-1", "USA", true, false},
		{"ap-southeast-1", "Singapore", false, false},
		{"ap-southeast-1", "Malaysia", true, false},
		{"ap-southeast-1", "USA", true, false},
	} {
		f, country := FacilityOf(c.region), LookupCountry(c.country)
		if got := f.NeedsCustoms(country); got != c.customs {
			t.Errorf("%s to %s: NeedsCustoms = %v, want %v", c.region, c.country, got, c.customs)
		}
		if got := f.Expedited(country); got != c.expedited {
			t.Errorf("%s to %s: Expedited = %v, want %v", c.region, c.country, got, c.expedited)
		}
	}
}

// TestFields checks the view of a manifest: which option each entry is,
// in which block and item, and where a key is.
func TestFields(t *testing.T) {
	src := "bucket: b\nreturnAddress:\n    city: x\ncontentTypes:\n    jpg: image/jpeg\noperations:\n  - exportBucket: e\n    nope: 1\n  - prefix: p\n"
	f, _ := parser.Parse("x", []byte(src))
	fields := Fields(f.Body)
	type row struct {
		key, in string
		known   bool
		item    int // the line of the item's dash, 0 for none
	}
	var got []row
	for _, fl := range fields {
		r := row{key: fl.Entry.Key.Name, known: fl.Option != nil}
		if fl.In != nil {
			r.in = fl.In.Name
		}
		if fl.Item != nil {
			r.item = fl.Item.Dash.Line
		}
		if fl.Mapping.Lookup(fl.Entry.Key.Name) != fl.Entry {
			t.Errorf("%s: not in its mapping", r.key)
		}
		got = append(got, r)
	}
	want := []row{
		{"bucket", "", true, 0}, {"returnAddress", "", true, 0}, {"city", "returnAddress", true, 0},
		{"contentTypes", "", true, 0}, // a free mapping: its keys are not fields
		{"operations", "", true, 0}, {"exportBucket", "operations", true, 7}, {"nope", "operations", false, 7},
		{"prefix", "operations", true, 9},
	}
	if !slices.Equal(got, want) {
		t.Errorf("fields:\n%v\nwant:\n%v", got, want)
	}
	if fl, ok := FieldAt(fields, len("bucket: b\nreturnAddress:\n    ci")); !ok || fl.Entry.Key.Name != "city" || fl.In != ReturnAddress {
		t.Errorf("FieldAt in city: %+v, %v", fl, ok)
	}
	if _, ok := FieldAt(fields, len("bucket: ")); ok {
		t.Error("FieldAt on a value found a key")
	}
	if e, m := BlockOf(f.Body, ReturnAddress); e == nil || m == nil || m.Lookup("city") == nil {
		t.Error("BlockOf(returnAddress): want its entry and mapping")
	}
}

// BenchmarkIndexCountries measures building the country index, which
// the first country lookup of a process pays.
func BenchmarkIndexCountries(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		indexCountries()
	}
}
