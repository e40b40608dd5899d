package request

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Action is an operation of the API and the parameters it takes, as
// botocore's model of the service (importexport 2010-06-01) lists them.
type Action struct {
	Name     string
	Required []string // besides Action, Version and the signature's
	Optional []string
	Lists    []string // parameters sent as NAME.member.1, NAME.member.2, ...
}

// Actions lists the operations of the API.
var Actions = []*Action{
	{Name: "CreateJob", Required: []string{"JobType", "Manifest", "ValidateOnly"}, Optional: []string{"ManifestAddendum", "APIVersion"}},
	{Name: "UpdateJob", Required: []string{"JobId", "JobType", "Manifest", "ValidateOnly"}, Optional: []string{"APIVersion"}},
	{Name: "GetStatus", Required: []string{"JobId"}, Optional: []string{"APIVersion"}},
	{Name: "CancelJob", Required: []string{"JobId"}, Optional: []string{"APIVersion"}},
	{Name: "ListJobs", Optional: []string{"MaxJobs", "Marker", "APIVersion"}},
	{
		Name:     "GetShippingLabel",
		Required: []string{"jobIds"},
		Optional: slices.Concat(AddressParams, []string{"APIVersion"}),
		Lists:    []string{"jobIds"},
	},
}

// value is what botocore's model lets a parameter hold, for the
// parameters it constrains: a boolean, an integer, or one of a list.
type value struct {
	Type string   `json:"type"` // "boolean", "integer" or "string"
	Enum []string `json:"enum"` // the values a string may take
}

// values are the model's constraints on parameters, by name.
var values = map[string]value{
	"JobType":      {Type: "string", Enum: []string{"Import", "Export"}},
	"ValidateOnly": {Type: "boolean"},
	"MaxJobs":      {Type: "integer"},
}

// invalid returns why the model does not allow the value v for the
// parameter named name, or "".
func invalid(name, v string) string {
	want, ok := values[name]
	switch {
	case !ok:
	case want.Type == "boolean":
		if v != "true" && v != "false" {
			return fmt.Sprintf("%s must be true or false, not %q", name, v)
		}
	case want.Type == "integer":
		if _, err := strconv.ParseInt(v, 10, 32); err != nil {
			return fmt.Sprintf("%s must be a whole number, not %q", name, v)
		}
	case len(want.Enum) > 0 && !slices.Contains(want.Enum, v):
		hint := ""
		for _, e := range want.Enum {
			if strings.EqualFold(e, v) {
				hint = fmt.Sprintf("; values are case-sensitive: did you mean %s?", e)
			}
		}
		return fmt.Sprintf("%s must be %s, not %q%s", name, strings.Join(want.Enum, " or "), v, hint)
	}
	return ""
}

// AddressParams are the return address parameters of GetShippingLabel, in
// the order of the API model; each is the returnAddress field of the
// manifest with the same name.
var AddressParams = []string{"name", "company", "phoneNumber", "country", "stateOrProvince", "city", "postalCode", "street1", "street2", "street3"}

// Common are the parameters of every request: the action, the API version
// and the Signature Version 2 ones.
var Common = []string{"Action", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "Expires", "SecurityToken", "Signature"}

// ActionNames returns the names of the actions, in order.
func ActionNames() []string {
	names := make([]string, len(Actions))
	for i, a := range Actions {
		names[i] = a.Name
	}
	return names
}

// LookupAction returns the action named name, or nil.
func LookupAction(name string) *Action {
	for _, a := range Actions {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// member returns the parameter a name on the wire stands for: the list
// parameter NAME for NAME.member.N (N from 1), the name itself otherwise.
func member(wire string) string {
	base, n, ok := strings.Cut(wire, ".member.")
	if !ok {
		return wire
	}
	if i, err := strconv.Atoi(n); err != nil || i < 1 || n[0] == '0' || !isList(base) {
		return wire
	}
	return base
}

// isList reports whether some action takes a list parameter named name.
func isList(name string) bool {
	for _, a := range Actions {
		if slices.Contains(a.Lists, name) {
			return true
		}
	}
	return false
}

// known reports whether some action, or every request, takes a parameter
// named name on the wire.
func known(name string) bool {
	name = member(name)
	for _, c := range Common {
		if c == name {
			return true
		}
	}
	for _, a := range Actions {
		for _, list := range [][]string{a.Required, a.Optional} {
			for _, p := range list {
				if p == name {
					return true
				}
			}
		}
	}
	return false
}
