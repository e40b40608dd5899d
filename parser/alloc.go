package parser

// chunk is how many nodes of a kind the tree builder allocates at once. A
// big manifest is made of many small nodes, and a node at a time would cost
// the runtime an allocation for each; a chunk is small enough that the few
// nodes a later tree shares keep little else alive.
const chunk = 32

// nodes holds the nodes the builder has allocated and not used yet.
type nodes struct {
	entries   []Entry
	items     []Item
	keys      []Key
	scalars   []Scalar
	mappings  []Mapping
	entryPtrs []*Entry
	itemPtrs  []*Item
}

// alloc returns the next free node of *free, allocating a chunk when there
// is none.
func alloc[T any](free *[]T) *T {
	if len(*free) == 0 {
		*free = make([]T, chunk)
	}
	n := &(*free)[0]
	*free = (*free)[1:]
	return n
}

// blockCap is the capacity a block's list of entries or items starts with:
// enough for most blocks of a manifest, which are short.
const blockCap = 4

// carve returns an empty slice with room for n elements, cut from *free,
// allocating a chunk when there is not enough left. Appending past n
// moves the slice elsewhere, as usual, so slices never overlap.
func carve[T any](free *[]T, n int) []T {
	if len(*free) < n {
		*free = make([]T, chunk*n)
	}
	s := (*free)[:0:n]
	*free = (*free)[n:]
	return s
}
