/* vnet-nl-lookup.c: route lookups through libnl-route. */
#include <config.h>

#include <errno.h>

#include "util/vnet-nl-lookup.h"
#include "util/vnet-nl-private.h"
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
    if (dst->family != AF_INET && dst->family != AF_INET6)
        return -EINVAL;
    addr = vnet_nl_inet_to_nl(dst, vnet_inet_family_bits(dst->family));
    if (!addr)
        return -ENOMEM;
    r = rtnl_route_lookup(sk, addr, &route);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    nh = rtnl_route_nexthop_n(route, 0);
    if (!nh || rtnl_route_nh_get_ifindex(nh) <= 0)
        return -ENETUNREACH;
    *ret_ifindex = rtnl_route_nh_get_ifindex(nh);
    return 0;
}
