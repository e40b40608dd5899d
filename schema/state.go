package schema

import (
	"slices"
	"sync"
)

// USStates maps the two-letter USPS codes to the names they stand for:
// the states, the District of Columbia, the territories and freely
// associated states USPS delivers to, and the military "states" AA, AE
// and AP.
var USStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
	"HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
	"KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
	"MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
	"MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
	"NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
	"OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
	"SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
	"VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
	"DC": "District of Columbia",
	"AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands", "PR": "Puerto Rico",
	"VI": "Virgin Islands", "FM": "Federated States of Micronesia", "MH": "Marshall Islands", "PW": "Palau",
	"AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}

// uspsAliases are other ways of writing the places of USStates in full
// (countryKey drops the dots of "Washington D.C.").
var uspsAliases = map[string]string{
	"Washington DC": "DC", "US Virgin Islands": "VI", "Micronesia": "FM",
}

// USStateCode returns the USPS code of a state or territory written in
// full, in any case ("washington", "Washington D.C."), or "".
func USStateCode(name string) string {
	k := countryKey(name)
	for code, n := range USStates {
		if countryKey(n) == k {
			return code
		}
	}
	for n, code := range uspsAliases {
		if countryKey(n) == k {
			return code
		}
	}
	return ""
}

// USStateNames returns the names of USStates, sorted, for suggestions
// (not the codes: any two letters are one edit away from several). The
// slice is shared: callers must not change it.
func USStateNames() []string { return usStateNames() }

var usStateNames = sync.OnceValue(func() []string {
	out := make([]string, 0, len(USStates))
	for _, n := range USStates {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
})
