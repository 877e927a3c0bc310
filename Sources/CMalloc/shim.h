// The C library's heap statistics, for the memory cap (TensorMemory.processHeapInUse).
// <malloc.h> is not part of Swift's Glibc module, and mallinfo2 returns a struct by value,
// which Swift cannot call through dlsym.
#pragma once
#include <stddef.h>
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#if __GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)
/// Bytes malloc has handed out and not taken back (heap chunks and mmapped blocks).
static inline long journal_heap_in_use(void) {
  struct mallinfo2 m = mallinfo2();
  return (long)(m.uordblks + m.hblkhd);
}
#define JOURNAL_HAS_HEAP_IN_USE 1
#endif
#endif

#ifndef JOURNAL_HAS_HEAP_IN_USE
static inline long journal_heap_in_use(void) { return -1; }
#endif
