#ifndef CFILEATTRIBUTES_H
#define CFILEATTRIBUTES_H

#include <stddef.h>
#include <sys/types.h>

/// Reads a file's extended attribute `name` into `value` (at most `size` bytes). Returns its
/// length, or -1 with errno set (ENODATA or ENOATTR when it has none, ENOTSUP where the file
/// system keeps none). Symbolic links are followed.
ssize_t frontdoor_get_attribute(const char *path, const char *name, void *value, size_t size);

/// Sets a file's extended attribute `name`. Returns 0, or -1 with errno set.
int frontdoor_set_attribute(const char *path, const char *name, const void *value, size_t size);

#endif
