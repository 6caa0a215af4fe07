// Transparent huge pages for the heap (issue 17): most of a short command's system time is page
// faults, one for every 4 KiB of fresh heap, and a fault costs microseconds in a virtual machine
// (the example's `quire pdf` took 3,460 of them). With the kernel's THP in `madvise` mode (Debian's
// and Ubuntu's default) a region marked MADV_HUGEPAGE faults 2 MiB at a time. glibc marks its heaps
// itself only under GLIBC_TUNABLES=glibc.malloc.hugetlb=1, read at start-up, so quire marks them.
// Where THP is `always` or `never` nothing changes; output never does.
#pragma once

namespace quire::core {

// The main heap: grows it by one 32 MiB allocation (from brk: call after raising M_MMAP_THRESHOLD
// above that), marks it and gives it back to malloc, which keeps it (M_TRIM_THRESHOLD) and hands it
// out from then on. Untouched it costs no memory; touched, at most one 2 MiB page more than 4 KiB
// pages would. Once, at the start of main.
void back_main_heap_with_huge_pages();

// The calling thread's malloc arena: glibc gives a thread other than the main one an arena whose
// heaps are 64 MiB mappings aligned to 64 MiB (malloc/arena.c, HEAP_MAX_SIZE, heap_for_ptr); this
// marks the heap the thread allocates from. A thread that was given the main arena (more threads
// than arenas) is left alone. At the start of a worker thread that allocates megabytes (pixels,
// PDFs, EPUB parts); marking the same heap twice is harmless.
void back_thread_heap_with_huge_pages();

}  // namespace quire::core
