/* vnet-nl-addr.c: addresses, routes and proxy neighbours over rtnetlink
 * (libnl-route-3 objects), sent through vnet-nl.c's request handling. */
#include <config.h>

#include <errno.h>

#include <netlink/route/addr.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>

#include "util/vnet-nl-private.h"
#include "util/vnet-nl.h"

/* ---- addresses, routes, proxy neighbours ---------------------------- */

/* @addr/@prefix as a libnl address (new reference), or NULL when @addr is
 * neither IPv4 nor IPv6 or memory ran out. Shared with vnet-nl-lookup.c. */
struct nl_addr *
vnet_nl_inet_to_nl(const VnetInetAddr *addr, guint prefix)
{
    struct nl_addr *a;

    if (addr->family != AF_INET && addr->family != AF_INET6)
        return NULL;
    a = nl_addr_build(addr->family, addr->u.bytes, addr->family == AF_INET ? 4 : 16);
    if (a)
        nl_addr_set_prefixlen(a, (int)prefix);
    return a;
}

static int
addr_request(VnetNl *nl, gboolean add, int ifindex, const VnetInetAddr *addr, guint prefix,
             guint flags)
{
    g_autoptr(VnetRtnlAddr) obj = rtnl_addr_alloc();
    g_autoptr(VnetNlAddr) local = NULL;
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if (!obj)
        return -ENOMEM;
    if (ifindex <= 0 || prefix > vnet_inet_family_bits(addr->family))
        return -EINVAL;
    local = vnet_nl_inet_to_nl(addr, prefix);
    if (!local)
        return -EINVAL;
    rtnl_addr_set_ifindex(obj, ifindex);
    rtnl_addr_set_family(obj, addr->family);
    if ((r = rtnl_addr_set_local(obj, local)) < 0)
        return vnet_nl_error_to_errno(r);
    rtnl_addr_set_prefixlen(obj, (int)prefix);
    if (flags)
        rtnl_addr_set_flags(obj, flags);
    r = add ? rtnl_addr_build_add_request(obj, NLM_F_CREATE | NLM_F_EXCL, &msg)
            : rtnl_addr_build_delete_request(obj, 0, &msg);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    return vnet_nl_send_request(nl, msg);
}

/**
 * vnet_nl_addr_add:
 * @nl: a handle
 * @ifindex: the link
 * @addr: an IPv4 or IPv6 address
 * @prefix: its prefix length
 *
 * Returns: 0, -EEXIST when the link has it already, or -errno.
 */
int
vnet_nl_addr_add(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix)
{
    return addr_request(nl, TRUE, ifindex, addr, prefix, 0);
}

/**
 * vnet_nl_addr_add_nodad:
 * @nl: a handle
 * @ifindex: the link
 * @addr: an IPv4 or IPv6 address
 * @prefix: its prefix length
 *
 * As vnet_nl_addr_add(), but an IPv6 address skips duplicate address
 * detection (IFA_F_NODAD): it is usable at once instead of tentative until
 * the link has carrier and DAD has run (a bridge without ports has none).
 *
 * Returns: 0, -EEXIST when the link has it already, or -errno.
 */
int
vnet_nl_addr_add_nodad(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix)
{
    return addr_request(nl, TRUE, ifindex, addr, prefix,
                        addr->family == AF_INET6 ? IFA_F_NODAD : 0);
}

/**
 * vnet_nl_addr_del:
 * @nl: a handle
 * @ifindex: the link
 * @addr: an address of the link
 * @prefix: its prefix length
 *
 * Returns: 0, -EADDRNOTAVAIL when the link does not have it, or -errno.
 */
int
vnet_nl_addr_del(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix)
{
    return addr_request(nl, FALSE, ifindex, addr, prefix, 0);
}

static int
route_build(const VnetNlRoute *route, gboolean for_delete, VnetRtnlRoute **ret)
{
    g_autoptr(VnetRtnlRoute) obj = rtnl_route_alloc();
    g_autoptr(VnetNlAddr) dst = NULL;
    struct rtnl_nexthop *nh;
    gboolean has_gw = vnet_inet_is_set(&route->gateway);
    int family = vnet_inet_is_set(&route->dst) ? route->dst.family : route->gateway.family;
    int r;

    if (!obj)
        return -ENOMEM;
    if (family != AF_INET && family != AF_INET6)
        return -EINVAL;
    if (has_gw && route->gateway.family != family)
        return -EINVAL;
    if (!has_gw && route->ifindex <= 0)
        return -EINVAL;
    if (vnet_inet_is_set(&route->dst)) {
        if (route->prefix > vnet_inet_family_bits(family))
            return -EINVAL;
        dst = vnet_nl_inet_to_nl(&route->dst, route->prefix);
    } else {
        VnetInetAddr any = {.family = family};

        dst = vnet_nl_inet_to_nl(&any, 0);
    }
    if (!dst)
        return -ENOMEM;

    rtnl_route_set_family(obj, (guint8)family);
    rtnl_route_set_table(obj, route->table ? route->table : RT_TABLE_MAIN);
    rtnl_route_set_type(obj, RTN_UNICAST);
    if ((r = rtnl_route_set_dst(obj, dst)) < 0)
        return vnet_nl_error_to_errno(r);
    if (for_delete)
        rtnl_route_set_scope(obj, RT_SCOPE_NOWHERE);
    else
        rtnl_route_set_scope(obj, has_gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK);
    if (route->has_metric)
        rtnl_route_set_priority(obj, route->metric);

    nh = rtnl_route_nh_alloc();
    if (!nh)
        return -ENOMEM;
    if (route->ifindex > 0)
        rtnl_route_nh_set_ifindex(nh, route->ifindex);
    if (has_gw) {
        g_autoptr(VnetNlAddr) gw =
            vnet_nl_inet_to_nl(&route->gateway, vnet_inet_family_bits(family));

        if (!gw) {
            rtnl_route_nh_free(nh);
            return -ENOMEM;
        }
        rtnl_route_nh_set_gateway(nh, gw);
    }
    rtnl_route_add_nexthop(obj, nh);
    *ret = g_steal_pointer(&obj);
    return 0;
}

/**
 * vnet_nl_route_build:
 * @route: the route
 * @ret: (out): the route object an add request carries
 *
 * Pure.
 *
 * Returns: 0, or -EINVAL for an inconsistent @route.
 */
int
vnet_nl_route_build(const VnetNlRoute *route, VnetRtnlRoute **ret)
{
    return route_build(route, FALSE, ret);
}

/**
 * vnet_nl_route_add:
 * @nl: a handle
 * @route: the route (a /32 host route via a device, a default route via a
 *   gateway, ...)
 *
 * Returns: 0, -EEXIST when it exists, or -errno.
 */
int
vnet_nl_route_add(VnetNl *nl, const VnetNlRoute *route)
{
    g_autoptr(VnetRtnlRoute) obj = NULL;
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = route_build(route, FALSE, &obj)) < 0)
        return r;
    if ((r = rtnl_route_build_add_request(obj, NLM_F_CREATE | NLM_F_EXCL, &msg)) < 0)
        return vnet_nl_error_to_errno(r);
    return vnet_nl_send_request(nl, msg);
}

/**
 * vnet_nl_route_del:
 * @nl: a handle
 * @route: the route as it was added
 *
 * Returns: 0, -ESRCH when there is no such route, or -errno.
 */
int
vnet_nl_route_del(VnetNl *nl, const VnetNlRoute *route)
{
    g_autoptr(VnetRtnlRoute) obj = NULL;
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = route_build(route, TRUE, &obj)) < 0)
        return r;
    if ((r = rtnl_route_build_del_request(obj, 0, &msg)) < 0)
        return vnet_nl_error_to_errno(r);
    return vnet_nl_send_request(nl, msg);
}

static int
neigh_proxy_request(VnetNl *nl, gboolean add, int ifindex, const VnetInetAddr *addr)
{
    g_autoptr(VnetRtnlNeigh) neigh = rtnl_neigh_alloc();
    g_autoptr(VnetNlAddr) dst = NULL;
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if (!neigh)
        return -ENOMEM;
    if (ifindex <= 0)
        return -EINVAL;
    dst = vnet_nl_inet_to_nl(addr, vnet_inet_family_bits(addr->family));
    if (!dst)
        return -EINVAL;
    rtnl_neigh_set_ifindex(neigh, ifindex);
    rtnl_neigh_set_family(neigh, addr->family);
    if ((r = rtnl_neigh_set_dst(neigh, dst)) < 0)
        return vnet_nl_error_to_errno(r);
    rtnl_neigh_set_flags(neigh, NTF_PROXY);
    rtnl_neigh_set_state(neigh, NUD_PERMANENT);
    r = add ? rtnl_neigh_build_add_request(neigh, NLM_F_CREATE | NLM_F_EXCL, &msg)
            : rtnl_neigh_build_delete_request(neigh, 0, &msg);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    return vnet_nl_send_request(nl, msg);
}

/**
 * vnet_nl_neigh_proxy_add:
 * @nl: a handle
 * @ifindex: the link to answer on
 * @addr: the IPv4/IPv6 address to answer for
 *
 * The equivalent of `ip neigh add proxy ADDR dev LINK`.
 *
 * Returns: 0, -EEXIST when the entry exists, or -errno.
 */
int
vnet_nl_neigh_proxy_add(VnetNl *nl, int ifindex, const VnetInetAddr *addr)
{
    return neigh_proxy_request(nl, TRUE, ifindex, addr);
}

/**
 * vnet_nl_neigh_proxy_del:
 * @nl: a handle
 * @ifindex: the link
 * @addr: the address
 *
 * Returns: 0, -ENOENT when there is no such entry, or -errno.
 */
int
vnet_nl_neigh_proxy_del(VnetNl *nl, int ifindex, const VnetInetAddr *addr)
{
    return neigh_proxy_request(nl, FALSE, ifindex, addr);
}
