/* vnet-uuid.c: parsing, formatting and generating UUIDs. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "util/vnet-random.h"
#include "util/vnet-uuid.h"

int
vnet_uuid_parse(const char *str, VnetUuid *ret)
{
    VnetUuid uuid;
    const char *p = str;

    if (!str)
        return -EINVAL;
    while (g_ascii_isspace(*p))
        p++;
    for (int i = 0; i < VNET_UUID_LEN; i++) {
        if (i > 0 && *p == '-')
            p++;
        if (!g_ascii_isxdigit(p[0]) || !g_ascii_isxdigit(p[1]))
            return -EINVAL;
        uuid.bytes[i] = g_ascii_xdigit_value(p[0]) * 16 + g_ascii_xdigit_value(p[1]);
        p += 2;
    }
    while (g_ascii_isspace(*p))
        p++;
    if (*p != '\0')
        return -EINVAL;
    *ret = uuid;
    return 0;
}

void
vnet_uuid_format(const VnetUuid *uuid, char buf[VNET_UUID_STRLEN])
{
    const guint8 *b = uuid->bytes;

    g_snprintf(buf, VNET_UUID_STRLEN,
               "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
               b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
               b[15]);
}

gboolean
vnet_uuid_is_null(const VnetUuid *uuid)
{
    static const VnetUuid null_uuid;

    return vnet_uuid_equal(uuid, &null_uuid);
}

gboolean
vnet_uuid_equal(const VnetUuid *a, const VnetUuid *b)
{
    return memcmp(a->bytes, b->bytes, VNET_UUID_LEN) == 0;
}

int
vnet_uuid_generate(VnetUuid *ret)
{
    VnetUuid uuid;
    int r = vnet_random_bytes(uuid.bytes, sizeof(uuid.bytes));

    if (r < 0)
        return r;
    uuid.bytes[6] = (uuid.bytes[6] & 0x0f) | 0x40;
    uuid.bytes[8] = (uuid.bytes[8] & 0x3f) | 0x80;
    *ret = uuid;
    return 0;
}
