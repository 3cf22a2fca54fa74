//! Memory a stage freed, given back before the next stage allocates its own.
//!
//! The binary's allocator is mimalloc (`main.rs`). A value freed on another thread than the one
//! that made it (a record normalized on one core and dropped on the other, a stage's pairs
//! freed once the next stage has what it needs) waits in the maker's heap until that heap
//! looks again, and a page with free room is reused only by its own heap: the next stage then
//! takes fresh memory beside the freed. Collecting at each stage's end lowered the peak of a
//! run of 200,000 people from 880-893 MB to 766-777 MB, at the same speed.

/// Collects every heap's freed memory, so the next stage reuses it: each thread's heap is its
/// own, so each thread of the pool collects its own, then this one.
pub fn give_back() {
    rayon::broadcast(|_| collect());
    collect();
}

fn collect() {
    // SAFETY: `mi_collect` takes no pointer; it only walks mimalloc's own heaps, which are
    // empty where another allocator is the global one (the test builds).
    unsafe { libmimalloc_sys::mi_collect(true) }
}
