package schema

import "slices"

// Regions are the AWS regions as of early 2026, from the SDKs' partition
// data: the commercial partition, then China, GovCloud and the European
// Sovereign Cloud. The isolated (ISO) partitions are left out.
var Regions = []string{
	"us-east-1", "us-east-2", "us-west-1", "us-west-2",
	"af-south-1",
	"ap-east-1", "ap-east-2",
	"ap-south-1", "ap-south-2",
	"ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
	"ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
	"ca-central-1", "ca-west-1",
	"eu-central-1", "eu-central-2",
	"eu-west-1", "eu-west-2", "eu-west-3",
	"eu-south-1", "eu-south-2",
	"eu-north-1",
	"il-central-1",
	"me-south-1", "me-central-1",
	"mx-central-1",
	"sa-east-1",
	"cn-north-1", "cn-northwest-1",
	"us-gov-east-1", "us-gov-west-1",
	"eusc-de-east-1",
}

// IsRegion reports whether name is one of Regions, exactly as written.
func IsRegion(name string) bool { return slices.Contains(Regions, name) }

// Facility is an AWS data-loading facility: where devices of the jobs
// of a region are shipped to, loaded, and returned from.
type Facility struct {
	Region    string // the region whose buckets, snapshots and vaults it loads
	Country   string // the ISO 3166-1 alpha-2 code of the country it is in
	Source    string // where this is documented
	Uncertain bool   // the source implies it rather than says it
}

// The pages of the AWS Import/Export guide and FAQ the facilities come
// from.
const (
	faqRegions     = "http://aws.amazon.com/importexport/faqs/ (Which Amazon S3 Regions does AWS Import/Export support?)"
	guideShipping  = "http://docs.aws.amazon.com/AWSImportExport/latest/DG/CHAP_ShippingYourStorageDevice.html"
	guideAddresses = "http://docs.aws.amazon.com/AWSImportExport/latest/DG/ShippingLocationsandAddressIdentifiers.html"
)

// Facilities are the data-loading facilities the service's documentation
// names. The FAQ names US Standard (us-east-1), served at an address in
// the US, and EU (Ireland), served in the EU; the guide's shipping pages
// add Asia Pacific (Singapore), and speak of "US region buckets" in the
// plural, which the two US West regions are taken for (uncertain).
// Facilities the service opened later are not listed: a region missing
// here is unknown, not unserved.
var Facilities = []Facility{
	{Region: "us-east-1", Country: "US", Source: faqRegions},
	{Region: "us-west-1", Country: "US", Source: guideShipping, Uncertain: true},
	{Region: "us-west-2", Country: "US", Source: guideShipping, Uncertain: true},
	{Region: "eu-west-1", Country: "IE", Source: guideAddresses},
	{Region: "ap-southeast-1", Country: "SG", Source: guideShipping},
}

// FacilityOf returns the facility that serves region, or nil when none is
// known.
func FacilityOf(region string) *Facility {
	for i := range Facilities {
		if Facilities[i].Region == region {
			return &Facilities[i]
		}
	}
	return nil
}

// NeedsCustoms reports whether a device the facility returns to country
// c crosses a border that needs the customs block: c is outside the
// facility's country, and not both in the European Union (the guide: "A
// customs manifest is not required for shipments within the EU").
func (f *Facility) NeedsCustoms(c *ISOCountry) bool {
	return !c.Is(f.Country) && !(c.InEU() && euMembers[f.Country])
}

// Expedited reports whether the facility may return a device to country
// c by expedited shipping: only from US facilities to US addresses (the
// guide's Guidelines and Limitations).
func (f *Facility) Expedited(c *ISOCountry) bool { return f.Country == "US" && c.Is("US") }

// euMembers are the member states of the European Union as of 2026, by
// ISO 3166-1 alpha-2 code.
var euMembers = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
}

// InEU reports whether c is a member state of the European Union; false
// for a nil c.
func (c *ISOCountry) InEU() bool { return c != nil && euMembers[c.Alpha2] }
