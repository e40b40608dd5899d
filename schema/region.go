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
// of a region are shipped to and loaded.
type Facility struct {
	Region  string // the region whose buckets it loads
	Country string // the ISO 3166-1 alpha-2 code of the country it is in
	Source  string // where this is documented
}

// Facilities are the data-loading facilities the service's documentation
// names. The FAQ (http://aws.amazon.com/importexport/faqs/, "Which Amazon
// S3 Regions does AWS Import/Export support?") names two: US Standard,
// served at an address in the US, and EU (Ireland), served at an address
// in the EU. Facilities the service opened later are not listed: a region
// missing here is unknown, not unserved.
var Facilities = []Facility{
	{Region: "us-east-1", Country: "US", Source: "http://aws.amazon.com/importexport/faqs/"},
	{Region: "eu-west-1", Country: "IE", Source: "http://aws.amazon.com/importexport/faqs/"},
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
