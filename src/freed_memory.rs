//! How glibc's allocator holds memory: large blocks mapped on their own
//! from the start, and what it keeps after a phase freed it given back
//! (docs/scale.md, "Memory").
//!
//! glibc keeps what a thread freed in that thread's arena, and returns
//! pages only from the top of a heap. Loading frees the pieces' buffers and
//! the report frees the whole dataset, but the pages stayed resident: on a
//! rule failing every row of a million records, 110 MiB of free memory was
//! still counted when the violations were read back, and the run peaked
//! there, above its input's size.

/// Asks glibc to return every arena's free pages (`malloc_trim(0)`); live
/// allocations are untouched. Call between phases, when no other thread
/// is allocating (the call locks each arena in turn). Elsewhere (musl,
/// macOS, Windows) it does nothing: those allocators have no such call.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release() {
    // SAFETY: `malloc_trim` takes no pointer and only rearranges glibc's
    // own free lists, under each arena's lock; it cannot touch memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release() {}

/// Blocks of this size and larger get their own mapping from the system.
pub const MAPPED_FROM: usize = 1 << 20;

/// Makes glibc map every block of `MAPPED_FROM` bytes or more on its own,
/// for the whole run. By default the threshold rises to the size of each
/// large block freed (the first window of a streamed file): the columns and
/// the interner's text then grow inside the heap, each growth a copy that
/// leaves a resident hole. Mapped, a growing block is moved by `mremap`
/// without a copy, its unwritten tail is never resident, and a freed block
/// goes back at once (docs/scale.md, "Large blocks are mapped"). Call once,
/// before the first large allocation.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn map_large_blocks() {
    // SAFETY: `mallopt` takes two integers and only sets a tunable of
    // glibc's allocator; it touches no memory of ours.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM as libc::c_int);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn map_large_blocks() {}
