package schema

import "fmt"

// Kind is a kind of import/export job.
type Kind uint8

// The job kinds. KindUnknown means no kind could be inferred.
const (
	KindUnknown Kind = iota
	S3Import
	S3Export
	EBSImport
	GlacierImport
)

// Kinds lists the job kinds, in the order of the spec's tables.
var Kinds = []Kind{S3Import, S3Export, EBSImport, GlacierImport}

var kindNames = [...]string{"unknown", "s3-import", "s3-export", "ebs-import", "glacier-import"}

// String returns the kind's name: "s3-import", "s3-export", "ebs-import",
// "glacier-import", or "unknown".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// ParseKind returns the kind named s, as String writes it.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if k.String() == s {
			return k, true
		}
	}
	return KindUnknown, false
}

// JobType returns the value of the CreateJob JobType parameter for the
// kind: "Import" or "Export".
func (k Kind) JobType() string {
	if k == S3Export {
		return "Export"
	}
	return "Import"
}

// ManifestVersion returns the manifestVersion the kind requires.
func (k Kind) ManifestVersion() string {
	switch k {
	case S3Import, S3Export:
		return "2.0"
	case EBSImport, GlacierImport:
		return "3.0"
	}
	return ""
}
