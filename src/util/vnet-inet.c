/* vnet-inet.c: address arithmetic on 128-bit integers for both families. */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "util/vnet-inet.h"

typedef unsigned __int128 u128;

static u128
addr_to_int(const VnetInetAddr *addr)
{
    u128 v = 0;
    guint n = addr->family == AF_INET ? 4 : 16;

    for (guint i = 0; i < n; i++)
        v = (v << 8) | addr->u.bytes[i];
    return v;
}

static void
int_to_addr(int family, u128 v, VnetInetAddr *ret)
{
    guint n = family == AF_INET ? 4 : 16;

    memset(ret, 0, sizeof(*ret));
    ret->family = family;
    for (guint i = n; i-- > 0;) {
        ret->u.bytes[i] = (guint8)(v & 0xff);
        v >>= 8;
    }
}

static u128
host_mask(int family, guint prefix)
{
    guint bits = vnet_inet_family_bits(family);
    guint host_bits = bits - MIN(prefix, bits);

    if (host_bits == 0)
        return 0;
    if (host_bits == 128)
        return ~(u128)0;
    return ((u128)1 << host_bits) - 1;
}

guint
vnet_inet_family_bits(int family)
{
    switch (family) {
    case AF_INET:
        return 32;
    case AF_INET6:
        return 128;
    default:
        return 0;
    }
}

int
vnet_inet_parse(const char *str, int family, VnetInetAddr *ret)
{
    VnetInetAddr addr = {0};

    if (!str)
        return -EINVAL;
    if (inet_pton(AF_INET, str, &addr.u.v4) == 1)
        addr.family = AF_INET;
    else if (inet_pton(AF_INET6, str, &addr.u.v6) == 1)
        addr.family = AF_INET6;
    else
        return -EINVAL;
    if (family && addr.family != family)
        return -EAFNOSUPPORT;
    *ret = addr;
    return 0;
}

void
vnet_inet_format(const VnetInetAddr *addr, char buf[VNET_INET_STRLEN])
{
    if (!inet_ntop(addr->family, addr->u.bytes, buf, VNET_INET_STRLEN))
        g_strlcpy(buf, "", VNET_INET_STRLEN);
}

char *
vnet_inet_to_string(const VnetInetAddr *addr)
{
    char buf[VNET_INET_STRLEN];

    vnet_inet_format(addr, buf);
    return g_strdup(buf);
}

int
vnet_inet_prefix_parse(const char *str, int family, guint *ret)
{
    guint64 value;
    guint bits = vnet_inet_family_bits(family);

    if (!str || !g_ascii_isdigit(*str))
        return -EINVAL;
    if (!g_ascii_string_to_unsigned(str, 10, 0, G_MAXUINT, &value, NULL))
        return -EINVAL;
    if (bits == 0 || value > bits)
        return -ERANGE;
    *ret = (guint)value;
    return 0;
}

int
vnet_inet_netmask_to_prefix(const VnetInetAddr *mask)
{
    guint bits = vnet_inet_family_bits(mask->family);
    u128 v = addr_to_int(mask);
    guint prefix = 0;

    if (bits == 0)
        return -EINVAL;
    while (prefix < bits && (v >> (bits - 1 - prefix)) & 1)
        prefix++;
    if (v != (~host_mask(mask->family, prefix) & host_mask(mask->family, 0)))
        return -EINVAL;
    return (int)prefix;
}

int
vnet_inet_prefix_to_netmask(int family, guint prefix, VnetInetAddr *ret)
{
    guint bits = vnet_inet_family_bits(family);

    if (bits == 0 || prefix > bits)
        return -EINVAL;
    int_to_addr(family, ~host_mask(family, prefix) & host_mask(family, 0), ret);
    return 0;
}

int
vnet_inet_cidr_parse(const char *str, int family, VnetInetAddr *ret_addr, guint *ret_prefix)
{
    const char *slash;
    g_autofree char *addr_str = NULL;
    VnetInetAddr addr;
    guint prefix;
    int r;

    if (!str || !(slash = strchr(str, '/')))
        return -EINVAL;
    addr_str = g_strndup(str, slash - str);
    r = vnet_inet_parse(addr_str, family, &addr);
    if (r < 0)
        return r;
    r = vnet_inet_prefix_parse(slash + 1, addr.family, &prefix);
    if (r < 0)
        return r;
    *ret_addr = addr;
    *ret_prefix = prefix;
    return 0;
}

gboolean
vnet_inet_is_set(const VnetInetAddr *addr)
{
    return addr->family == AF_INET || addr->family == AF_INET6;
}

gboolean
vnet_inet_equal(const VnetInetAddr *a, const VnetInetAddr *b)
{
    return vnet_inet_compare(a, b) == 0;
}

int
vnet_inet_compare(const VnetInetAddr *a, const VnetInetAddr *b)
{
    u128 va, vb;

    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    va = addr_to_int(a);
    vb = addr_to_int(b);
    return va < vb ? -1 : va > vb ? 1 : 0;
}

void
vnet_inet_network(const VnetInetAddr *addr, guint prefix, VnetInetAddr *ret)
{
    int_to_addr(addr->family, addr_to_int(addr) & ~host_mask(addr->family, prefix), ret);
}

void
vnet_inet_last(const VnetInetAddr *addr, guint prefix, VnetInetAddr *ret)
{
    int_to_addr(addr->family, addr_to_int(addr) | host_mask(addr->family, prefix), ret);
}

gboolean
vnet_inet_in_subnet(const VnetInetAddr *addr, const VnetInetAddr *net, guint prefix)
{
    u128 mask;

    if (addr->family != net->family)
        return FALSE;
    mask = ~host_mask(addr->family, prefix);
    return (addr_to_int(addr) & mask) == (addr_to_int(net) & mask);
}

gboolean
vnet_inet_subnets_overlap(const VnetInetAddr *a, guint prefix_a, const VnetInetAddr *b,
                          guint prefix_b)
{
    /* Two prefixes overlap exactly when they agree on the shorter one. */
    return vnet_inet_in_subnet(a, b, MIN(prefix_a, prefix_b));
}

int
vnet_inet_add(const VnetInetAddr *addr, gint64 offset, VnetInetAddr *ret)
{
    u128 v = addr_to_int(addr);
    u128 max = host_mask(addr->family, 0);
    u128 result;

    if (offset >= 0) {
        if (max - v < (u128)offset)
            return -ERANGE;
        result = v + (u128)offset;
    } else {
        u128 sub = (u128)(-(offset + 1)) + 1;
        if (v < sub)
            return -ERANGE;
        result = v - sub;
    }
    int_to_addr(addr->family, result, ret);
    return 0;
}

guint64
vnet_inet_range_size(const VnetInetAddr *start, const VnetInetAddr *end)
{
    u128 s, e, n;

    if (start->family != end->family || !vnet_inet_is_set(start))
        return 0;
    s = addr_to_int(start);
    e = addr_to_int(end);
    if (e < s)
        return 0;
    n = e - s;
    if (n >= G_MAXUINT64)
        return G_MAXUINT64;
    return (guint64)n + 1;
}
