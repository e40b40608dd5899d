// Package benchdata makes the inputs of iekit's benchmarks, so that every
// package measures itself on the same bytes.
package benchdata

import (
	"fmt"
	"strings"
)

// Large generates a valid export manifest of at least size bytes:
// a header, a return address, and as many operations as it takes.
func Large(size int) []byte {
	var b strings.Builder
	b.WriteString(`manifestVersion: 2.0
accessKeyId: AKIAQWERTYUIOPASDFGH
deviceId: 532404500021
fileSystem: NTFS
logBucket: export-logs
# Ship the drive back here.
returnAddress:
    name: Jane Doe
    street1: 1200 Harbor Way
    city: Seattle
    stateOrProvince: WA
    postalCode: 98101
    phoneNumber: +1 206 555 0100
    country: USA
operations:
`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `  - exportBucket: archive-%04d
    prefix: projects/%d/
    beginMarker: projects/%d/a
    endMarker: projects/%d/z
    targetDirectory: backup %d
`, i%1000, i, i, i, i)
	}
	return []byte(b.String())
}
