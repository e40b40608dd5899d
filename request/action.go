package request

// Action is an operation of the API and the parameters it takes.
type Action struct {
	Name     string
	Required []string // besides Action, Version and the signature's
	Optional []string
}

// Actions lists the operations ie knows.
var Actions = []*Action{
	{Name: "CreateJob", Required: []string{"JobType", "Manifest"}, Optional: []string{"ValidateOnly", "ManifestAddendum", "APIVersion"}},
	{Name: "UpdateJob", Required: []string{"JobId", "JobType", "Manifest"}, Optional: []string{"ValidateOnly", "APIVersion"}},
	{Name: "GetStatus", Required: []string{"JobId"}, Optional: []string{"APIVersion"}},
	{Name: "CancelJob", Required: []string{"JobId"}, Optional: []string{"APIVersion"}},
	{Name: "ListJobs", Optional: []string{"MaxJobs", "Marker", "APIVersion"}},
}

// Common are the parameters of every request: the action, the API version
// and the Signature Version 2 ones.
var Common = []string{"Action", "Version", "AWSAccessKeyId", "SignatureVersion", "SignatureMethod", "Timestamp", "Expires", "SecurityToken", "Signature"}

// LookupAction returns the action named name, or nil.
func LookupAction(name string) *Action {
	for _, a := range Actions {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// known reports whether some action, or every request, takes a parameter
// named name.
func known(name string) bool {
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
