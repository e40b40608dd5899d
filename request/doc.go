// Package request builds, encodes, signs and takes apart the form-encoded
// requests of the AWS Import/Export API (spec §4): the six operations of
// botocore's model of it (CreateJob, UpdateJob, GetStatus, CancelJob,
// ListJobs, GetShippingLabel), signed with Signature Version 4 in the
// Authorization header, as AWS's SDKs sign them, or with Version 2 in the
// parameters. The decoder finds the defects of a captured request, each at
// its byte position, and verifies its signature, so that a broken request
// can be mended before it is sent again.
package request
