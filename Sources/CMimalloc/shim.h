#ifndef CMIMALLOC_SHIM_H
#define CMIMALLOC_SHIM_H
// mimalloc (Debian's libmimalloc-dev), linked into the frontdoor executable only: its
// shared library replaces malloc and free for the whole process when it is loaded before
// libc, which linking it into the executable does.
#include <mimalloc.h>
#endif
