package schema

// ReturnAddress is the returnAddress block: where AWS ships the device
// back. Every kind requires it; a bad one fails CreateJob with
// InvalidAddressException.
var ReturnAddress = &Option{
	Name: "returnAddress", Type: Block, Presence: presence("RRRR"),
	Example: "returnAddress:\n    name: Jane Doe\n    street1: 1200 Harbor Way\n    city: Seattle\n    stateOrProvince: WA\n    postalCode: 98101\n    phoneNumber: +1 206 555 0100\n    country: USA",
	Doc:     "Where AWS ships the device back when the job is done. The fields are written as an indented block under the key. A missing or malformed field fails CreateJob with InvalidAddressException, so the device never leaves your hands with a bad label.",
	Fields: []*Option{
		{Name: "name", Type: Text, Presence: presence("RRRR"), Example: "Jane Doe",
			Doc: "The person the carrier hands the device to."},
		{Name: "company", Type: Text, Presence: presence("oooo"), Example: "Example Photo Lab",
			Doc: "The company at the address, if any."},
		{Name: "street1", Type: Text, Presence: presence("RRRR"), Example: "1200 Harbor Way",
			Doc: "The first street line. Carriers do not deliver devices to PO boxes: give a street address."},
		{Name: "street2", Type: Text, Presence: presence("oooo"), Example: "Suite 400",
			Doc: "A second street line: suite, floor, building."},
		{Name: "street3", Type: Text, Presence: presence("oooo"), Example: "Loading dock B",
			Doc: "A third street line, when two are not enough."},
		{Name: "city", Type: Text, Presence: presence("RRRR"), Example: "Seattle",
			Doc: "The city or town."},
		{Name: "stateOrProvince", Type: State, Presence: presence("cccc"), Example: "WA",
			Doc: "The state, province or region. Required when the country is the United States (its two-letter USPS code) or Canada."},
		{Name: "postalCode", Type: Text, Presence: presence("RRRR"), Example: "98101",
			Doc: "The postal code, as text: a US ZIP code is NNNNN or NNNNN-NNNN, and leading zeros matter."},
		{Name: "phoneNumber", Type: Text, Presence: presence("RRRR"), Example: "+1 206 555 0100",
			Doc: "A phone number the carrier can call: at least seven digits, separators allowed."},
		{Name: "country", Type: Country, Presence: presence("RRRR"), Example: "USA",
			Doc: "The country: a name such as Germany, or an ISO 3166 code such as DE or DEU. The AWS examples write USA."},
	},
}

// Customs is the customs block, needed when the device crosses a border
// outside the EU. Its requirements rest on thin evidence, so rules about
// it warn.
var Customs = &Option{
	Name: "customs", Type: Block, Presence: presence("cccc"), Uncertain: true,
	Example: "customs:\n    dataDescription: Scanned survey maps\n    encryptedData: no\n    exportCertifierName: Jane Doe\n    requiresExportLicense: no\n    deviceValue: 250.00\n    deviceCountryOfOrigin: China\n    deviceType: externalStorageDevice\n    typeOfExport: return",
	Doc:     "The customs declaration for a device that crosses a border outside the European Union. Without it CreateJob answers MissingCustomsException; with a bad field, InvalidCustomsException.",
	Fields: []*Option{
		{Name: "dataDescription", Type: Text, Presence: presence("RRRR"), Uncertain: true, Example: "Scanned survey maps",
			Doc: "What the data on the device is, in plain words, for the customs officer."},
		{Name: "encryptedData", Type: YesNo, Presence: presence("RRRR"), Uncertain: true, Example: "no",
			Doc: "Whether the data on the device is encrypted."},
		{Name: "encryptionClassification", Type: Text, Presence: presence("cccc"), Uncertain: true, Example: "5D992",
			Doc: "The export control classification number (ECCN) of the encryption used, such as 5D992. Required when encryptedData is yes."},
		{Name: "exportCertifierName", Type: Text, Presence: presence("RRRR"), Uncertain: true, Example: "Jane Doe",
			Doc: "The name of the person who certifies the export declaration."},
		{Name: "requiresExportLicense", Type: YesNo, Presence: presence("RRRR"), Uncertain: true, Example: "no",
			Doc: "Whether shipping the device needs an export license."},
		{Name: "deviceValue", Type: Decimal, Presence: presence("RRRR"), Uncertain: true, Example: "250.00",
			Doc: "The value of the device in US dollars, as a decimal number such as 250.00."},
		{Name: "deviceCountryOfOrigin", Type: Country, Presence: presence("RRRR"), Uncertain: true, Example: "China",
			Doc: "The country where the device was made."},
		{Name: "deviceType", Type: Enum, Presence: presence("RRRR"), Uncertain: true, Example: "externalStorageDevice",
			Values: []string{"externalStorageDevice", "sataDrive"},
			Doc:    "What kind of device it is: externalStorageDevice, or sataDrive for a bare drive."},
		{Name: "typeOfExport", Type: Text, Presence: presence("RRRR"), Uncertain: true, Example: "return",
			Doc: "Why the device leaves the country, such as return."},
	},
}
