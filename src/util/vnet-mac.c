/* vnet-mac.c: parsing, formatting and generating MAC addresses. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "util/vnet-mac.h"
#include "util/vnet-random.h"

const guint8 vnet_mac_default_prefix[3] = {0x52, 0x54, 0x00};

int
vnet_mac_parse(const char *str, VnetMac *ret)
{
    VnetMac mac;
    char separator = 0;
    const char *p = str;

    if (!str)
        return -EINVAL;
    for (int i = 0; i < VNET_MAC_LEN; i++) {
        int digits = 0;
        guint value = 0;

        while (digits < 2 && g_ascii_isxdigit(*p)) {
            value = value * 16 + g_ascii_xdigit_value(*p);
            p++;
            digits++;
        }
        if (digits == 0)
            return -EINVAL;
        mac.addr[i] = value;
        if (i == VNET_MAC_LEN - 1)
            break;
        if (*p != ':' && *p != '-')
            return -EINVAL;
        if (separator && *p != separator)
            return -EINVAL;
        separator = *p++;
    }
    if (*p != '\0')
        return -EINVAL;
    *ret = mac;
    return 0;
}

void
vnet_mac_format(const VnetMac *mac, char buf[VNET_MAC_STRLEN])
{
    g_snprintf(buf, VNET_MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x", mac->addr[0], mac->addr[1],
               mac->addr[2], mac->addr[3], mac->addr[4], mac->addr[5]);
}

gboolean
vnet_mac_is_unicast(const VnetMac *mac)
{
    return (mac->addr[0] & 0x01) == 0;
}

gboolean
vnet_mac_is_zero(const VnetMac *mac)
{
    static const VnetMac zero;

    return vnet_mac_equal(mac, &zero);
}

gboolean
vnet_mac_equal(const VnetMac *a, const VnetMac *b)
{
    return memcmp(a->addr, b->addr, VNET_MAC_LEN) == 0;
}

int
vnet_mac_generate(const guint8 *prefix, VnetMac *ret)
{
    VnetMac mac;
    int r;

    if (!prefix)
        prefix = vnet_mac_default_prefix;
    memcpy(mac.addr, prefix, 3);
    r = vnet_random_bytes(mac.addr + 3, 3);
    if (r < 0)
        return r;
    *ret = mac;
    return 0;
}
