/* vnet-random.h: bytes from the kernel's random pool. */
#pragma once

#include <glib.h>

/* Fills @buf with @len random bytes. Returns 0 or -errno. */
int vnet_random_bytes(void *buf, gsize len);
