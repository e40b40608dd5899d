package schema

// Operations is the operations list: what to export (s3-export), or where
// the device's image goes (ebs-import, glacier-import). Each item is a
// mapping of the fields below; which fields apply depends on the kind.
var Operations = &Option{
	Name: "operations", Type: OperationList, Presence: presence("-RRR"),
	Example: "operations:\n  - exportBucket: photos-archive\n    prefix: 2009/",
	Doc:     "The list of operations the job performs, each an item of the list. An export copies each operation's keys to the device in order; an EBS or Glacier import names where the device's image goes.",
	Fields: []*Option{
		{Name: "exportBucket", Type: BucketName, Presence: presence("-R--"), Example: "photos-archive",
			Doc: "The bucket to export from. All the export buckets of a job must be in one region."},
		{Name: "prefix", Type: Text, Presence: presence("-o--"), Example: "2009/",
			Doc: "Export only the keys that start with this prefix."},
		{Name: "beginMarker", Type: Text, Presence: presence("-o--"), Example: "2009/a",
			Doc: "Export only the keys after this one, in lexicographic order; the marker itself is excluded."},
		{Name: "endMarker", Type: Text, Presence: presence("-o--"), Example: "2009/m",
			Doc: "Export only the keys up to this one, in lexicographic order; the marker itself is included."},
		{Name: "targetDirectory", Type: Text, Presence: presence("-o--"), Example: "photos",
			Doc: "The directory on the device the operation's keys are written to."},
		{Name: "destination", Type: Enum, Presence: presence("--RR"), Example: "ebs-snapshot",
			Values: []string{"ebs-snapshot", "glacier"},
			Doc:    "Where the device's data goes: ebs-snapshot for an EBS import, glacier for a Glacier import."},
		{Name: "source", Type: Enum, Presence: presence("--RR"), Example: "device", Values: []string{"device"},
			Doc: "What is imported: the whole device, written device."},
		{Name: "region", Type: Region, Presence: presence("--RR"), Example: "us-east-1",
			Doc: "The AWS region the snapshot or archive is created in, such as us-east-1."},
		{Name: "vaultName", Type: Text, Presence: presence("---R"), Example: "survey-archive",
			Doc: "The Glacier vault to archive into: 1 to 255 letters, digits, \"_\", \".\" and \"-\"."},
		{Name: "archiveComment", Type: Text, Presence: presence("---R"), Example: "Survey data, 2009 season",
			Doc: "A description stored with the archive, at most 997 characters."},
	},
}

// Top lists the top-level options, in the order of the spec's table.
var Top = []*Option{
	{Name: "manifestVersion", Type: Version, Presence: presence("RRRR"), Values: []string{"2.0", "3.0"}, Example: "2.0",
		Doc: "The version of the manifest format: exactly 2.0 for S3 imports and exports, 3.0 for EBS and Glacier imports."},
	{Name: "accessKeyId", Type: AccessKeyID, Presence: presence("RRRR"), Example: "AKIAQWERTYUIOPASDFGH",
		Doc: "The access key ID of the AWS account the job belongs to. It must be the key that signs the CreateJob request, or the service answers InvalidAccessKeyIdException."},
	{Name: "deviceId", Type: Text, Presence: presence("RRRR"), Example: "WD-WCC4E1234567",
		Doc: "The device's serial number, or the ID on a sticker you put on it, so AWS can match the device to the job. Spaces are allowed."},
	ReturnAddress,
	{Name: "generator", Type: Text, Presence: presence("oooo"), Example: "iekit",
		Doc: "The name of the tool that wrote the manifest."},
	{Name: "logBucket", Type: BucketName, Presence: presence("oRRR"), Default: "the value of bucket (s3-import)", Example: "import-logs",
		Doc: "The bucket AWS writes the job's log to. An S3 import logs to its bucket when this is not set; for an export it must be in the same region as the export buckets."},
	{Name: "logPrefix", Type: Text, Presence: presence("oooo"), Example: "logs/",
		Doc: "A prefix for the log's key. No \"/\" is added: write it yourself. With export-log- and the job ID, the key must fit in 1024 bytes."},
	{Name: "notificationEmail", Type: EmailList, Presence: presence("oooo"), Example: "ops@example.com;team@example.com",
		Doc: "Addresses to notify when the job's status changes, separated by \";\"."},
	{Name: "serviceLevel", Type: Enum, Presence: presence("oooo"), Values: []string{"standard", "expeditedShipping"}, Default: "standard", Example: "standard",
		Doc: "How fast the device is shipped back: standard, or expeditedShipping, which is only available for US return addresses."},
	Customs,
	{Name: "bucket", Type: BucketName, Presence: presence("R---"), Example: "photos-2026-archive",
		Doc: "The bucket an S3 import loads the device's files into. It must exist, and one device loads one bucket."},
	{Name: "eraseDevice", Type: YesNo, Presence: presence("R-RR"), Example: "yes",
		Doc: "Whether AWS erases the device after an import. Newer guides erase every device, and yes acknowledges it."},
	{Name: "acl", Type: Enum, Presence: presence("o---"), Values: []string{"private", "public-read", "public-read-write", "authenticated-read"}, Default: "private", Example: "private",
		Doc: "The canned access control list given to every imported object."},
	{Name: "cacheControl", Type: Text, Presence: presence("o---"), Example: "max-age=3600",
		Doc: "The Cache-Control header of every imported object. AWS does not check it."},
	{Name: "contentDisposition", Type: Text, Presence: presence("o---"), Example: "attachment",
		Doc: "The Content-Disposition header of every imported object. AWS does not check it."},
	{Name: "contentLanguage", Type: Text, Presence: presence("o---"), Example: "en",
		Doc: "The Content-Language header of every imported object. AWS does not check it."},
	{Name: "expires", Type: Text, Presence: presence("o---"), Example: "Thu, 01 Dec 2027 16:00:00 GMT",
		Doc: "The Expires header of every imported object. AWS does not check it."},
	{Name: "contentTypes", Type: FreeMapping, Presence: presence("o---"), Example: "contentTypes:\n    jpg: image/jpeg",
		Doc: "A mapping from file extension to the MIME type given to imported files with that extension. Extensions are case-sensitive."},
	{Name: "defaultContentType", Type: Text, Presence: presence("o---"), Uncertain: true, Default: "binary/octet-stream", Example: "application/octet-stream",
		Doc: "The MIME type of imported files whose extension contentTypes does not name."},
	{Name: "setContentEncodingForGzFiles", Type: YesNo, Presence: presence("o---"), Uncertain: true, Default: "no", Example: "yes",
		Doc: "Whether files ending in .gz get the header Content-Encoding: gzip."},
	{Name: "diskTimestampMetadataKey", Type: Text, Presence: presence("o---"), Uncertain: true, Example: "x-amz-meta-disk-timestamp",
		Doc: "The metadata key under which each object keeps the file's timestamp on the device."},
	{Name: "staticMetadata", Type: FreeMapping, Presence: presence("o---"), Uncertain: true, Example: "staticMetadata:\n    project: survey",
		Doc: "Metadata given to every imported object, as a mapping of names to values."},
	{Name: "storageClass", Type: Enum, Presence: presence("o---"), Uncertain: true, Values: []string{"STANDARD", "REDUCED_REDUNDANCY"}, Example: "STANDARD",
		Doc: "The storage class of the imported objects."},
	{Name: "prefix", Type: Text, Presence: presence("o---"), Example: "imports/2026/",
		Doc: "A prefix added to the key of every imported object. No \"/\" is added: write it yourself."},
	{Name: "ignore", Type: PatternList, Presence: presence("o---"), Example: "ignore:\n  - .*\\.swp$",
		Doc: "Java regular expressions, one per list item, for files on the device not to import. They are matched against the file's path, with \"/\" between directories."},
	{Name: "substitutions", Type: FreeMapping, Presence: presence("oo--"), Example: "substitutions:\n    \"A\" : \"a\"",
		Doc: "Text replaced in key and file names: each key of the mapping is replaced by its value. Only with manifestVersion 2.0."},
	{Name: "fileSystem", Type: Enum, Presence: presence("-R--"), Values: []string{"NTFS", "EXT4"}, Accepted: []string{"EXT2", "EXT3", "FAT32"}, Example: "NTFS",
		Doc: "The file system AWS formats the export device with: NTFS or EXT4."},
	{Name: "recoveryDirectory", Type: Text, Presence: presence("-o--"), Default: "EXPORT-RECOVERY", Example: "EXPORT-RECOVERY",
		Doc: "The directory on the device where an export puts files whose keys cannot be file names."},
	Operations,
	{Name: "trueCryptPassword", Type: Secret, Presence: presence("oooo"), Example: "(your password)",
		Doc: "The password of a TrueCrypt-encrypted device. It is a secret: iekit never prints it."},
	{Name: "pinCode", Type: Secret, Presence: presence("oooo"), Example: "(your PIN)",
		Doc: "The PIN of a PIN-protected device. Newer guides require one for an export. It is a secret: iekit never prints it."},
}

// Lookup returns the top-level option named name, or nil.
func Lookup(name string) *Option { return find(Top, name) }

// Blocks lists the options whose fields are keys of their own: the blocks
// and the operations list. A key found at the wrong level is looked up
// among them.
var Blocks = []*Option{ReturnAddress, Customs, Operations}
