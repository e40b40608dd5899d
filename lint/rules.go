package lint

// Rules lists every rule of the catalogue, in the order of the spec's
// table. Adding a rule means adding its file and its line here.
var Rules = []*Rule{
	ruleSyntax,
	ruleDuplicateKey,
	ruleUnknownKey,
	ruleMisplacedKey,
	ruleJobKind,
	ruleNotForJobKind,
	ruleMissingRequired,
	ruleManifestVersion,
	ruleYesNo,
	ruleEnumValue,
	ruleBucketName,
	ruleAccessKeyID,
	ruleSecret,
	ruleAddress,
	ruleAddressFormat,
	ruleCustoms,
	rulePlaceholder,
	ruleEmail,
	ruleLogPrefix,
	ruleExportRange,
	ruleRegion,
	ruleGlacier,
	ruleIgnorePattern,
	ruleServiceLevel,
	ruleFacility,
	ruleExportEncryption,
	ruleEraseDevice,
	ruleInlineComment,
	ruleYAMLCompat,
	ruleUnusedSuppression,
}

// Lookup returns the rule named name, or nil.
func Lookup(name string) *Rule {
	for _, r := range Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// RuleNames returns the names of all rules, in catalogue order.
func RuleNames() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.Name
	}
	return out
}
