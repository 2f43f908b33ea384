/* vnet-random.c: getrandom(2), retried on EINTR and short reads. */
#include <config.h>

#include <errno.h>
#include <sys/random.h>

#include "util/vnet-random.h"

int
vnet_random_bytes(void *buf, gsize len)
{
    guint8 *p = buf;

    while (len > 0) {
        ssize_t n = getrandom(p, len, 0);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        p += n;
        len -= n;
    }
    return 0;
}
