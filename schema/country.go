package schema

import (
	"strings"
	"sync"
)

// ISOCountry is a country or territory of ISO 3166-1: its alpha-2 and
// alpha-3 codes, and the names it goes by, Names[0] the one to show.
type ISOCountry struct {
	Alpha2, Alpha3 string
	Names          []string
}

// Is reports whether c is the country whose alpha-2 code is alpha2; false
// for a nil c.
func (c *ISOCountry) Is(alpha2 string) bool { return c != nil && c.Alpha2 == alpha2 }

// countryKey folds a country's name or code for matching: lower case,
// no dots (U.S.A.), single blanks, no leading "the".
func countryKey(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", ""))), " ")
	return strings.TrimPrefix(s, "the ")
}

// countryIndex is Countries indexed by their codes and names as the
// table writes them, built on first use. No two countries share a code
// or name, even folded by countryKey (a test checks it), so a value
// written as the table writes it is found here without folding it.
type countryIndex struct {
	asWritten map[string]*ISOCountry
	names     []string // all their names, in table order
	values    []string // all their codes and names, in table order, once
}

var countries = sync.OnceValue(indexCountries)

// indexCountries indexes Countries as the table writes them.
func indexCountries() countryIndex {
	n := 0
	for _, c := range Countries {
		n += 2 + len(c.Names)
	}
	cs := countryIndex{
		asWritten: make(map[string]*ISOCountry, n),
		names:     make([]string, 0, n-2*len(Countries)),
		values:    make([]string, 0, n),
	}
	for i := range Countries {
		c := &Countries[i]
		add := func(s string) {
			if _, dup := cs.asWritten[s]; !dup { // USA is a code and a name
				cs.values = append(cs.values, s)
				cs.asWritten[s] = c
			}
		}
		add(c.Alpha2)
		add(c.Alpha3)
		for _, n := range c.Names {
			add(n)
		}
		cs.names = append(cs.names, c.Names...)
	}
	return cs
}

// countriesByKey is Countries by the countryKey of their codes and names,
// built on the first lookup of a value written otherwise than the table
// writes it: folding every code and name is most of the cost of the
// index, and manifests mostly write "USA" or "Germany".
var countriesByKey = sync.OnceValue(func() map[string]*ISOCountry {
	cs := countries()
	byKey := make(map[string]*ISOCountry, len(cs.asWritten))
	for s, c := range cs.asWritten {
		byKey[countryKey(s)] = c
	}
	return byKey
})

// LookupCountry returns the country named or coded s, in any case, or
// nil. A name or code written as the table writes it ("USA", "Germany")
// is found without folding it.
func LookupCountry(s string) *ISOCountry {
	if c, ok := countries().asWritten[s]; ok {
		return c
	}
	return countriesByKey()[countryKey(s)]
}

// CountryNames returns every country name of the table, for suggestions
// (codes are left out: a mistyped code is as close to a wrong country as
// to the right one). The slice is shared: callers must not change it.
func CountryNames() []string { return countries().names }

// CountryValues returns every value a country field accepts as the
// table writes it, once: each country's codes, then its names, in table
// order. Any case of them is accepted too. The slice is shared: callers
// must not change it.
func CountryValues() []string { return countries().values }

// Countries is ISO 3166-1: the 249 countries and territories with
// their alpha-2 and alpha-3 codes and English short name, plus the other
// names they are written as on an address: the common name first where
// ISO's is long ("South Korea" for "Korea, Republic of"), the official
// name, names without accents ("Turkiye"), and names in everyday use
// ("UK", "Great Britain", "Russia", "Turkey", "Holland"). Generated from
// the Debian iso-codes package (iso_3166-1.json).
var Countries = []ISOCountry{
	{"AD", "AND", []string{"Andorra", "Principality of Andorra"}},
	{"AE", "ARE", []string{"United Arab Emirates", "UAE"}},
	{"AF", "AFG", []string{"Afghanistan", "Islamic Republic of Afghanistan"}},
	{"AG", "ATG", []string{"Antigua and Barbuda"}},
	{"AI", "AIA", []string{"Anguilla"}},
	{"AL", "ALB", []string{"Albania", "Republic of Albania"}},
	{"AM", "ARM", []string{"Armenia", "Republic of Armenia"}},
	{"AO", "AGO", []string{"Angola", "Republic of Angola"}},
	{"AQ", "ATA", []string{"Antarctica"}},
	{"AR", "ARG", []string{"Argentina", "Argentine Republic"}},
	{"AS", "ASM", []string{"American Samoa"}},
	{"AT", "AUT", []string{"Austria", "Republic of Austria"}},
	{"AU", "AUS", []string{"Australia"}},
	{"AW", "ABW", []string{"Aruba"}},
	{"AX", "ALA", []string{"Åland Islands", "Aland Islands"}},
	{"AZ", "AZE", []string{"Azerbaijan", "Republic of Azerbaijan"}},
	{"BA", "BIH", []string{"Bosnia and Herzegovina", "Republic of Bosnia and Herzegovina"}},
	{"BB", "BRB", []string{"Barbados"}},
	{"BD", "BGD", []string{"Bangladesh", "People's Republic of Bangladesh"}},
	{"BE", "BEL", []string{"Belgium", "Kingdom of Belgium"}},
	{"BF", "BFA", []string{"Burkina Faso"}},
	{"BG", "BGR", []string{"Bulgaria", "Republic of Bulgaria"}},
	{"BH", "BHR", []string{"Bahrain", "Kingdom of Bahrain"}},
	{"BI", "BDI", []string{"Burundi", "Republic of Burundi"}},
	{"BJ", "BEN", []string{"Benin", "Republic of Benin"}},
	{"BL", "BLM", []string{"Saint Barthélemy", "Saint Barthelemy"}},
	{"BM", "BMU", []string{"Bermuda"}},
	{"BN", "BRN", []string{"Brunei Darussalam", "Brunei"}},
	{"BO", "BOL", []string{"Bolivia", "Bolivia, Plurinational State of", "Plurinational State of Bolivia"}},
	{"BQ", "BES", []string{"Bonaire, Sint Eustatius and Saba"}},
	{"BR", "BRA", []string{"Brazil", "Federative Republic of Brazil"}},
	{"BS", "BHS", []string{"Bahamas", "Commonwealth of the Bahamas"}},
	{"BT", "BTN", []string{"Bhutan", "Kingdom of Bhutan"}},
	{"BV", "BVT", []string{"Bouvet Island"}},
	{"BW", "BWA", []string{"Botswana", "Republic of Botswana"}},
	{"BY", "BLR", []string{"Belarus", "Republic of Belarus"}},
	{"BZ", "BLZ", []string{"Belize"}},
	{"CA", "CAN", []string{"Canada"}},
	{"CC", "CCK", []string{"Cocos (Keeling) Islands"}},
	{"CD", "COD", []string{"Congo, The Democratic Republic of the", "Democratic Republic of the Congo", "DR Congo"}},
	{"CF", "CAF", []string{"Central African Republic"}},
	{"CG", "COG", []string{"Congo", "Republic of the Congo"}},
	{"CH", "CHE", []string{"Switzerland", "Swiss Confederation"}},
	{"CI", "CIV", []string{"Côte d'Ivoire", "Republic of Côte d'Ivoire", "Ivory Coast", "Cote d'Ivoire", "Republic of Cote d'Ivoire"}},
	{"CK", "COK", []string{"Cook Islands"}},
	{"CL", "CHL", []string{"Chile", "Republic of Chile"}},
	{"CM", "CMR", []string{"Cameroon", "Republic of Cameroon"}},
	{"CN", "CHN", []string{"China", "People's Republic of China"}},
	{"CO", "COL", []string{"Colombia", "Republic of Colombia"}},
	{"CR", "CRI", []string{"Costa Rica", "Republic of Costa Rica"}},
	{"CU", "CUB", []string{"Cuba", "Republic of Cuba"}},
	{"CV", "CPV", []string{"Cabo Verde", "Republic of Cabo Verde", "Cape Verde"}},
	{"CW", "CUW", []string{"Curaçao", "Curacao"}},
	{"CX", "CXR", []string{"Christmas Island"}},
	{"CY", "CYP", []string{"Cyprus", "Republic of Cyprus"}},
	{"CZ", "CZE", []string{"Czechia", "Czech Republic"}},
	{"DE", "DEU", []string{"Germany", "Federal Republic of Germany"}},
	{"DJ", "DJI", []string{"Djibouti", "Republic of Djibouti"}},
	{"DK", "DNK", []string{"Denmark", "Kingdom of Denmark"}},
	{"DM", "DMA", []string{"Dominica", "Commonwealth of Dominica"}},
	{"DO", "DOM", []string{"Dominican Republic"}},
	{"DZ", "DZA", []string{"Algeria", "People's Democratic Republic of Algeria"}},
	{"EC", "ECU", []string{"Ecuador", "Republic of Ecuador"}},
	{"EE", "EST", []string{"Estonia", "Republic of Estonia"}},
	{"EG", "EGY", []string{"Egypt", "Arab Republic of Egypt"}},
	{"EH", "ESH", []string{"Western Sahara"}},
	{"ER", "ERI", []string{"Eritrea", "the State of Eritrea"}},
	{"ES", "ESP", []string{"Spain", "Kingdom of Spain"}},
	{"ET", "ETH", []string{"Ethiopia", "Federal Democratic Republic of Ethiopia"}},
	{"FI", "FIN", []string{"Finland", "Republic of Finland"}},
	{"FJ", "FJI", []string{"Fiji", "Republic of Fiji"}},
	{"FK", "FLK", []string{"Falkland Islands (Malvinas)", "Falkland Islands"}},
	{"FM", "FSM", []string{"Micronesia, Federated States of", "Federated States of Micronesia", "Micronesia"}},
	{"FO", "FRO", []string{"Faroe Islands"}},
	{"FR", "FRA", []string{"France", "French Republic"}},
	{"GA", "GAB", []string{"Gabon", "Gabonese Republic"}},
	{"GB", "GBR", []string{"United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"}},
	{"GD", "GRD", []string{"Grenada"}},
	{"GE", "GEO", []string{"Georgia"}},
	{"GF", "GUF", []string{"French Guiana"}},
	{"GG", "GGY", []string{"Guernsey"}},
	{"GH", "GHA", []string{"Ghana", "Republic of Ghana"}},
	{"GI", "GIB", []string{"Gibraltar"}},
	{"GL", "GRL", []string{"Greenland"}},
	{"GM", "GMB", []string{"Gambia", "Republic of the Gambia"}},
	{"GN", "GIN", []string{"Guinea", "Republic of Guinea"}},
	{"GP", "GLP", []string{"Guadeloupe"}},
	{"GQ", "GNQ", []string{"Equatorial Guinea", "Republic of Equatorial Guinea"}},
	{"GR", "GRC", []string{"Greece", "Hellenic Republic"}},
	{"GS", "SGS", []string{"South Georgia and the South Sandwich Islands"}},
	{"GT", "GTM", []string{"Guatemala", "Republic of Guatemala"}},
	{"GU", "GUM", []string{"Guam"}},
	{"GW", "GNB", []string{"Guinea-Bissau", "Republic of Guinea-Bissau"}},
	{"GY", "GUY", []string{"Guyana", "Republic of Guyana"}},
	{"HK", "HKG", []string{"Hong Kong", "Hong Kong Special Administrative Region of China"}},
	{"HM", "HMD", []string{"Heard Island and McDonald Islands"}},
	{"HN", "HND", []string{"Honduras", "Republic of Honduras"}},
	{"HR", "HRV", []string{"Croatia", "Republic of Croatia"}},
	{"HT", "HTI", []string{"Haiti", "Republic of Haiti"}},
	{"HU", "HUN", []string{"Hungary"}},
	{"ID", "IDN", []string{"Indonesia", "Republic of Indonesia"}},
	{"IE", "IRL", []string{"Ireland"}},
	{"IL", "ISR", []string{"Israel", "State of Israel"}},
	{"IM", "IMN", []string{"Isle of Man"}},
	{"IN", "IND", []string{"India", "Republic of India"}},
	{"IO", "IOT", []string{"British Indian Ocean Territory"}},
	{"IQ", "IRQ", []string{"Iraq", "Republic of Iraq"}},
	{"IR", "IRN", []string{"Iran", "Iran, Islamic Republic of", "Islamic Republic of Iran"}},
	{"IS", "ISL", []string{"Iceland", "Republic of Iceland"}},
	{"IT", "ITA", []string{"Italy", "Italian Republic"}},
	{"JE", "JEY", []string{"Jersey"}},
	{"JM", "JAM", []string{"Jamaica"}},
	{"JO", "JOR", []string{"Jordan", "Hashemite Kingdom of Jordan"}},
	{"JP", "JPN", []string{"Japan"}},
	{"KE", "KEN", []string{"Kenya", "Republic of Kenya"}},
	{"KG", "KGZ", []string{"Kyrgyzstan", "Kyrgyz Republic"}},
	{"KH", "KHM", []string{"Cambodia", "Kingdom of Cambodia"}},
	{"KI", "KIR", []string{"Kiribati", "Republic of Kiribati"}},
	{"KM", "COM", []string{"Comoros", "Union of the Comoros"}},
	{"KN", "KNA", []string{"Saint Kitts and Nevis"}},
	{"KP", "PRK", []string{"North Korea", "Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"}},
	{"KR", "KOR", []string{"South Korea", "Korea, Republic of", "Republic of Korea", "Korea"}},
	{"KW", "KWT", []string{"Kuwait", "State of Kuwait"}},
	{"KY", "CYM", []string{"Cayman Islands"}},
	{"KZ", "KAZ", []string{"Kazakhstan", "Republic of Kazakhstan"}},
	{"LA", "LAO", []string{"Laos", "Lao People's Democratic Republic"}},
	{"LB", "LBN", []string{"Lebanon", "Lebanese Republic"}},
	{"LC", "LCA", []string{"Saint Lucia"}},
	{"LI", "LIE", []string{"Liechtenstein", "Principality of Liechtenstein"}},
	{"LK", "LKA", []string{"Sri Lanka", "Democratic Socialist Republic of Sri Lanka"}},
	{"LR", "LBR", []string{"Liberia", "Republic of Liberia"}},
	{"LS", "LSO", []string{"Lesotho", "Kingdom of Lesotho"}},
	{"LT", "LTU", []string{"Lithuania", "Republic of Lithuania"}},
	{"LU", "LUX", []string{"Luxembourg", "Grand Duchy of Luxembourg"}},
	{"LV", "LVA", []string{"Latvia", "Republic of Latvia"}},
	{"LY", "LBY", []string{"Libya"}},
	{"MA", "MAR", []string{"Morocco", "Kingdom of Morocco"}},
	{"MC", "MCO", []string{"Monaco", "Principality of Monaco"}},
	{"MD", "MDA", []string{"Moldova", "Moldova, Republic of", "Republic of Moldova"}},
	{"ME", "MNE", []string{"Montenegro"}},
	{"MF", "MAF", []string{"Saint Martin (French part)"}},
	{"MG", "MDG", []string{"Madagascar", "Republic of Madagascar"}},
	{"MH", "MHL", []string{"Marshall Islands", "Republic of the Marshall Islands"}},
	{"MK", "MKD", []string{"North Macedonia", "Republic of North Macedonia", "Macedonia"}},
	{"ML", "MLI", []string{"Mali", "Republic of Mali"}},
	{"MM", "MMR", []string{"Myanmar", "Republic of Myanmar", "Burma"}},
	{"MN", "MNG", []string{"Mongolia"}},
	{"MO", "MAC", []string{"Macao", "Macao Special Administrative Region of China", "Macau"}},
	{"MP", "MNP", []string{"Northern Mariana Islands", "Commonwealth of the Northern Mariana Islands"}},
	{"MQ", "MTQ", []string{"Martinique"}},
	{"MR", "MRT", []string{"Mauritania", "Islamic Republic of Mauritania"}},
	{"MS", "MSR", []string{"Montserrat"}},
	{"MT", "MLT", []string{"Malta", "Republic of Malta"}},
	{"MU", "MUS", []string{"Mauritius", "Republic of Mauritius"}},
	{"MV", "MDV", []string{"Maldives", "Republic of Maldives"}},
	{"MW", "MWI", []string{"Malawi", "Republic of Malawi"}},
	{"MX", "MEX", []string{"Mexico", "United Mexican States"}},
	{"MY", "MYS", []string{"Malaysia"}},
	{"MZ", "MOZ", []string{"Mozambique", "Republic of Mozambique"}},
	{"NA", "NAM", []string{"Namibia", "Republic of Namibia"}},
	{"NC", "NCL", []string{"New Caledonia"}},
	{"NE", "NER", []string{"Niger", "Republic of the Niger"}},
	{"NF", "NFK", []string{"Norfolk Island"}},
	{"NG", "NGA", []string{"Nigeria", "Federal Republic of Nigeria"}},
	{"NI", "NIC", []string{"Nicaragua", "Republic of Nicaragua"}},
	{"NL", "NLD", []string{"Netherlands", "Kingdom of the Netherlands", "Holland"}},
	{"NO", "NOR", []string{"Norway", "Kingdom of Norway"}},
	{"NP", "NPL", []string{"Nepal", "Federal Democratic Republic of Nepal"}},
	{"NR", "NRU", []string{"Nauru", "Republic of Nauru"}},
	{"NU", "NIU", []string{"Niue"}},
	{"NZ", "NZL", []string{"New Zealand"}},
	{"OM", "OMN", []string{"Oman", "Sultanate of Oman"}},
	{"PA", "PAN", []string{"Panama", "Republic of Panama"}},
	{"PE", "PER", []string{"Peru", "Republic of Peru"}},
	{"PF", "PYF", []string{"French Polynesia"}},
	{"PG", "PNG", []string{"Papua New Guinea", "Independent State of Papua New Guinea"}},
	{"PH", "PHL", []string{"Philippines", "Republic of the Philippines"}},
	{"PK", "PAK", []string{"Pakistan", "Islamic Republic of Pakistan"}},
	{"PL", "POL", []string{"Poland", "Republic of Poland"}},
	{"PM", "SPM", []string{"Saint Pierre and Miquelon"}},
	{"PN", "PCN", []string{"Pitcairn"}},
	{"PR", "PRI", []string{"Puerto Rico"}},
	{"PS", "PSE", []string{"Palestine, State of", "the State of Palestine", "Palestine"}},
	{"PT", "PRT", []string{"Portugal", "Portuguese Republic"}},
	{"PW", "PLW", []string{"Palau", "Republic of Palau"}},
	{"PY", "PRY", []string{"Paraguay", "Republic of Paraguay"}},
	{"QA", "QAT", []string{"Qatar", "State of Qatar"}},
	{"RE", "REU", []string{"Réunion", "Reunion"}},
	{"RO", "ROU", []string{"Romania"}},
	{"RS", "SRB", []string{"Serbia", "Republic of Serbia"}},
	{"RU", "RUS", []string{"Russian Federation", "Russia"}},
	{"RW", "RWA", []string{"Rwanda", "Rwandese Republic"}},
	{"SA", "SAU", []string{"Saudi Arabia", "Kingdom of Saudi Arabia"}},
	{"SB", "SLB", []string{"Solomon Islands"}},
	{"SC", "SYC", []string{"Seychelles", "Republic of Seychelles"}},
	{"SD", "SDN", []string{"Sudan", "Republic of the Sudan"}},
	{"SE", "SWE", []string{"Sweden", "Kingdom of Sweden"}},
	{"SG", "SGP", []string{"Singapore", "Republic of Singapore"}},
	{"SH", "SHN", []string{"Saint Helena, Ascension and Tristan da Cunha"}},
	{"SI", "SVN", []string{"Slovenia", "Republic of Slovenia"}},
	{"SJ", "SJM", []string{"Svalbard and Jan Mayen"}},
	{"SK", "SVK", []string{"Slovakia", "Slovak Republic"}},
	{"SL", "SLE", []string{"Sierra Leone", "Republic of Sierra Leone"}},
	{"SM", "SMR", []string{"San Marino", "Republic of San Marino"}},
	{"SN", "SEN", []string{"Senegal", "Republic of Senegal"}},
	{"SO", "SOM", []string{"Somalia", "Federal Republic of Somalia"}},
	{"SR", "SUR", []string{"Suriname", "Republic of Suriname"}},
	{"SS", "SSD", []string{"South Sudan", "Republic of South Sudan"}},
	{"ST", "STP", []string{"Sao Tome and Principe", "Democratic Republic of Sao Tome and Principe"}},
	{"SV", "SLV", []string{"El Salvador", "Republic of El Salvador"}},
	{"SX", "SXM", []string{"Sint Maarten (Dutch part)"}},
	{"SY", "SYR", []string{"Syria", "Syrian Arab Republic"}},
	{"SZ", "SWZ", []string{"Eswatini", "Kingdom of Eswatini", "Swaziland"}},
	{"TC", "TCA", []string{"Turks and Caicos Islands"}},
	{"TD", "TCD", []string{"Chad", "Republic of Chad"}},
	{"TF", "ATF", []string{"French Southern Territories"}},
	{"TG", "TGO", []string{"Togo", "Togolese Republic"}},
	{"TH", "THA", []string{"Thailand", "Kingdom of Thailand"}},
	{"TJ", "TJK", []string{"Tajikistan", "Republic of Tajikistan"}},
	{"TK", "TKL", []string{"Tokelau"}},
	{"TL", "TLS", []string{"Timor-Leste", "Democratic Republic of Timor-Leste", "East Timor"}},
	{"TM", "TKM", []string{"Turkmenistan"}},
	{"TN", "TUN", []string{"Tunisia", "Republic of Tunisia"}},
	{"TO", "TON", []string{"Tonga", "Kingdom of Tonga"}},
	{"TR", "TUR", []string{"Türkiye", "Republic of Türkiye", "Turkey", "Turkiye", "Republic of Turkiye"}},
	{"TT", "TTO", []string{"Trinidad and Tobago", "Republic of Trinidad and Tobago"}},
	{"TV", "TUV", []string{"Tuvalu"}},
	{"TW", "TWN", []string{"Taiwan", "Taiwan, Province of China"}},
	{"TZ", "TZA", []string{"Tanzania", "Tanzania, United Republic of", "United Republic of Tanzania"}},
	{"UA", "UKR", []string{"Ukraine"}},
	{"UG", "UGA", []string{"Uganda", "Republic of Uganda"}},
	{"UM", "UMI", []string{"United States Minor Outlying Islands"}},
	{"US", "USA", []string{"United States", "United States of America", "USA"}},
	{"UY", "URY", []string{"Uruguay", "Eastern Republic of Uruguay"}},
	{"UZ", "UZB", []string{"Uzbekistan", "Republic of Uzbekistan"}},
	{"VA", "VAT", []string{"Holy See (Vatican City State)", "Vatican", "Vatican City", "Holy See"}},
	{"VC", "VCT", []string{"Saint Vincent and the Grenadines"}},
	{"VE", "VEN", []string{"Venezuela", "Venezuela, Bolivarian Republic of", "Bolivarian Republic of Venezuela"}},
	{"VG", "VGB", []string{"Virgin Islands, British", "British Virgin Islands"}},
	{"VI", "VIR", []string{"Virgin Islands, U.S.", "Virgin Islands of the United States", "US Virgin Islands"}},
	{"VN", "VNM", []string{"Vietnam", "Viet Nam", "Socialist Republic of Viet Nam"}},
	{"VU", "VUT", []string{"Vanuatu", "Republic of Vanuatu"}},
	{"WF", "WLF", []string{"Wallis and Futuna"}},
	{"WS", "WSM", []string{"Samoa", "Independent State of Samoa"}},
	{"YE", "YEM", []string{"Yemen", "Republic of Yemen"}},
	{"YT", "MYT", []string{"Mayotte"}},
	{"ZA", "ZAF", []string{"South Africa", "Republic of South Africa"}},
	{"ZM", "ZMB", []string{"Zambia", "Republic of Zambia"}},
	{"ZW", "ZWE", []string{"Zimbabwe", "Republic of Zimbabwe"}},
}
