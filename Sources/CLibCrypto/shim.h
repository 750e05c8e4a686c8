#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// OpenSSL's one-shot digests (EVP_Digest, EVP_sha256): SHA-256 for the render keys.
#include <openssl/evp.h>
#endif
