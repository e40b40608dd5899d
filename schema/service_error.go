package schema

// ServiceError is an error code the Import/Export service answers
// CreateJob or UpdateJob with, as AWS's published API model lists them.
type ServiceError struct {
	Code    string // the error code, such as MissingCustomsException
	Meaning string // what the service means by it, after the API model's documentation
	Online  string // why only the service can tell, for a code no offline check anticipates; "" otherwise
}

// ServiceErrors are the error codes of CreateJob in the API model
// (botocore's data/importexport/2010-06-01/service-2.json), in its order.
// UpdateJob answers the same codes but CreateJobQuotaExceededException,
// and three more about the job it updates (ExpiredJobIdException,
// CanceledJobIdException, UnableToUpdateJobIdException). The rules that anticipate a code name it;
// the others say, in Online, why they need the service.
var ServiceErrors = []ServiceError{
	{Code: "MissingParameterException", Meaning: "a required parameter of the request is missing"},
	{Code: "InvalidParameterException", Meaning: "a parameter of the request has an invalid value"},
	{Code: "InvalidAccessKeyIdException", Meaning: "the manifest's accessKeyId is not the access key ID the request is signed with"},
	{Code: "InvalidAddressException", Meaning: "the manifest's return address is invalid"},
	{Code: "InvalidManifestFieldException", Meaning: "a manifest field has an invalid value"},
	{Code: "MissingManifestFieldException", Meaning: "a required manifest field is missing"},
	{Code: "NoSuchBucketException", Meaning: "a bucket the manifest names does not exist",
		Online: "whether a bucket exists is known only to Amazon S3"},
	{Code: "MissingCustomsException", Meaning: "the customs block, or a field of it, is missing"},
	{Code: "InvalidCustomsException", Meaning: "a customs field has an invalid value"},
	{Code: "InvalidFileSystemException", Meaning: "the export manifest's fileSystem is invalid"},
	{Code: "MultipleRegionsException", Meaning: "the job's buckets are in more than one region"},
	{Code: "BucketPermissionException", Meaning: "the account lacks a permission the job needs on a bucket",
		Online: "bucket policies and ACLs are known only to Amazon S3 and IAM"},
	{Code: "MalformedManifestException", Meaning: "the manifest is not well-formed"},
	{Code: "CreateJobQuotaExceededException", Meaning: "the account created more jobs today than its quota allows",
		Online: "the account's job count and quota are known only to the service"},
	{Code: "InvalidJobIdException", Meaning: "the job ID is missing, unknown, or not the account's",
		Online: "which job IDs exist and whose they are is known only to the service"},
	{Code: "InvalidVersionException", Meaning: "the client tool version (the APIVersion parameter) is invalid",
		Online: "which client tool versions the service accepts is not published"},
}

// LookupServiceError returns the service error whose code is code, or nil.
func LookupServiceError(code string) *ServiceError {
	for i := range ServiceErrors {
		if ServiceErrors[i].Code == code {
			return &ServiceErrors[i]
		}
	}
	return nil
}
