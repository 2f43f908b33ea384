/* vnet-nl-lookup.c: route lookups through libnl-route. */
#include <config.h>

#include <errno.h>

#include "util/vnet-nl-lookup.h"
#include "util/vnet-nl.h"

/**
 * vnet_nl_route_lookup_oif:
 * @dst: an address
 * @ret_ifindex: (out): the output link
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_route_lookup_oif(const VnetInetAddr *dst, int *ret_ifindex)
{
    g_autoptr(VnetNlSock) sk = nl_socket_alloc();
    g_autoptr(VnetNlAddr) addr = NULL;
    g_autoptr(VnetRtnlRoute) route = NULL;
    struct rtnl_nexthop *nh;
    int r;

    if (!sk)
        return -ENOMEM;
    r = nl_connect(sk, NETLINK_ROUTE);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    addr = nl_addr_build(dst->family, dst->u.bytes,
                         dst->family == AF_INET ? sizeof(struct in_addr)
                                                : sizeof(struct in6_addr));
    if (!addr)
        return -ENOMEM;
    nl_addr_set_prefixlen(addr, dst->family == AF_INET ? 32 : 128);
    r = rtnl_route_lookup(sk, addr, &route);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    nh = rtnl_route_nexthop_n(route, 0);
    if (!nh || rtnl_route_nh_get_ifindex(nh) <= 0)
        return -ENETUNREACH;
    *ret_ifindex = rtnl_route_nh_get_ifindex(nh);
    return 0;
}
