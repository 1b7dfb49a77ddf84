//! Gives the system back the memory the allocator keeps after a phase
//! freed it (docs/scale.md, "Memory").
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
