#include <sys/xattr.h>
#include "CFileAttributes.h"

// One signature for Linux and macOS, whose xattr calls take extra arguments; and Swift's
// Glibc module does not bring in <sys/xattr.h>.

ssize_t frontdoor_get_attribute(const char *path, const char *name, void *value, size_t size) {
#if defined(__APPLE__)
    return getxattr(path, name, value, size, 0, 0);
#else
    return getxattr(path, name, value, size);
#endif
}

int frontdoor_set_attribute(const char *path, const char *name, const void *value, size_t size) {
#if defined(__APPLE__)
    return setxattr(path, name, value, size, 0, 0);
#else
    return setxattr(path, name, value, size, 0);
#endif
}
