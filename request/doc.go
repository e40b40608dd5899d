// Package request builds, encodes, signs and takes apart the form-encoded
// requests of the AWS Import/Export API (spec §4): CreateJob, UpdateJob,
// GetStatus, CancelJob and ListJobs, signed with Signature Version 2. The
// decoder finds the defects of a captured request body, each at its byte
// position, so that a broken request can be mended before it is sent
// again.
package request
