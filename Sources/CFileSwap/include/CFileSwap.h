#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Atomically exchanges two paths (both must exist). Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int frontdoor_exchange_paths(const char *from, const char *to);

#endif
