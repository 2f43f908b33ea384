/* nic-routed.c: host-routed NICs (<interface type='routed'>), VirtualBox's
 * and Virtuozzo's "routed" mode, on netns and VM guests.
 *
 * The NIC is a veth pair whose host end joins no bridge. The host end
 * carries the guests' gateway address (169.255.30.1 unless <gateway> says
 * otherwise) as a /32, so it answers the guest's ARP for it; the guest end
 * gets the NIC's <ip> addresses, a link route to the gateway and a default
 * route through it. For each guest address the host gets a /32 route to it
 * through the host end, and a proxy neighbour entry (NTF_PROXY) on the
 * uplink: the link the host routed that address out of before the /32
 * existed, i.e. the link whose subnet contains the address, or else the
 * default route's. So hosts on the uplink's segment reach the guest at its
 * own address through the host, and see the host's MAC for it. Forwarding
 * (net.ipv4.ip_forward, IPv6 forwarding for IPv6 guests, proxy_ndp on the
 * uplink) is turned on and left on.
 *
 * A VM guest's NIC (realize_vm) is a tap (nic-tap.c) in the pair's place,
 * always up, with the same host side: the gateway /32 on the tap, the /32
 * routes through it, the proxy entries on the uplinks. The guest's own
 * addresses and its routes through the gateway are the guest's business.
 *
 * Deleting the pair (or tap) removes the routes and addresses with it; the proxy
 * entries live on the uplink, so release removes them, from the live
 * definition alone (no record needed to clean up after a crash).
 */
#include <config.h>

#include <errno.h>

#include <vnet/vnet.h>

#include "network/nic.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-nl-lookup.h"
#include "util/vnet-sysctl.h"

typedef struct {
    int ifindex;
    VnetInetAddr addr;
} ProxyUndo;

static void
proxy_undo(gpointer data)
{
    ProxyUndo *undo = data;
    g_autoptr(VnetNl) nl = NULL;
    int r = vnet_nl_open(&nl);

    if (r == 0)
        r = vnet_nl_neigh_proxy_del(nl, undo->ifindex, &undo->addr);
    if (r < 0)
        vnet_debug("nic", "undo: removing a proxy neighbour: %s", g_strerror(-r));
}

static gboolean
fail_errno(GError **error, const char *step, int r, VnetNl *nl)
{
    vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                          nl ? vnet_nl_last_error_message(nl) : NULL);
    return FALSE;
}

static gboolean
set_forwarding(int family, const char *what, GError **error)
{
    int r = family == AF_INET ? vnet_sysctl_write("net/ipv4/ip_forward", "1")
                              : vnet_sysctl_iface_write(AF_INET6, "all", "forwarding", "1");

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM, _("%s: turning on forwarding: %s"),
                    what, g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

/* The guest side: addresses, the gateway on-link, the default route. */
static gboolean
configure_guest(VnetNicCtx *ctx, const char *what, const VnetInetAddr *gateway, GError **error)
{
    g_autofree char *step = g_strdup_printf(_("%s: configuring %s in the guest"), what,
                                            ctx->guest_name);
    g_autoptr(VnetNl) guest = NULL;
    VnetNlRoute to_gateway = {0};
    VnetNlRoute by_default = {0};
    VnetNlLinkInfo info;
    int r = vnet_nl_open_in_netns(ctx->netns_fd, &guest);

    if (r == 0)
        r = vnet_nl_link_get(guest, ctx->guest_name, &info);
    if (r < 0)
        return fail_errno(error, step, r, guest);
    for (guint i = 0; i < ctx->nic->routed_addrs->len; i++) {
        const VnetDomainIpAddr *ip = g_ptr_array_index(ctx->nic->routed_addrs, i);
        guint prefix = ip->prefix_set ? ip->prefix : vnet_inet_family_bits(ip->address.family);

        r = vnet_nl_addr_add(guest, info.ifindex, &ip->address, prefix);
        if (r < 0)
            return fail_errno(error, step, r, guest);
    }
    /* Routes need the link up; a NIC with its cable out gets them when
     * the guest brings it up itself. */
    if (ctx->nic->link_state == VNET_LINK_STATE_DOWN)
        return TRUE;
    to_gateway.dst = *gateway;
    to_gateway.prefix = 32;
    to_gateway.ifindex = info.ifindex;
    by_default.gateway = *gateway;
    by_default.ifindex = info.ifindex;
    r = vnet_nl_route_add(guest, &to_gateway);
    if (r == 0)
        r = vnet_nl_route_add(guest, &by_default);
    if (r < 0)
        return fail_errno(error, step, r, guest);
    return TRUE;
}

/* The host side for a netns guest (@ret_fd NULL: a veth pair, the guest
 * end configured here) or a VM guest (a tap whose fd goes to *@ret_fd; the
 * guest configures its own addresses and routes, as in VirtualBox). */
static gboolean
routed_realize(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    VnetDomainInterfaceDef *nic = ctx->nic;
    g_autofree char *what = vnet_nic_describe(ctx->def, nic);
    g_autoptr(GArray) uplinks = g_array_new(FALSE, TRUE, sizeof(int));
    VnetInetAddr gateway;
    int ifindex = 0;
    int r;

    vnet_domain_interface_def_routed_gateway(nic, &gateway);
    /* The uplinks first, before the /32 routes hide them. */
    for (guint i = 0; i < nic->routed_addrs->len; i++) {
        const VnetDomainIpAddr *ip = g_ptr_array_index(nic->routed_addrs, i);
        int uplink = 0;

        r = vnet_nl_route_lookup_oif(&ip->address, &uplink);
        if (r < 0) {
            g_autofree char *addr = vnet_inet_to_string(&ip->address);

            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                        _("%s: no host link leads to %s (%s): give the host an address in its "
                          "subnet, or a default route, on the link the guest should be "
                          "reached from"),
                        what, addr, g_strerror(-r));
            return FALSE;
        }
        g_array_append_val(uplinks, uplink);
        if (!set_forwarding(ip->address.family, what, error))
            return FALSE;
    }
    if (ret_fd) {
        if (!vnet_nic_realize_tap(ctx, NULL, VNET_TRISTATE_ABSENT, 0, ret_fd, error))
            return FALSE;
        ifindex = nic->target_ifindex;
        /* The host routes to the guest through the tap, which the kernel
         * allows only on an up link; the cable state of a VM's NIC is the
         * hypervisor's (its guest-visible link), as the veth's host end of
         * a netns guest is up whatever the guest end's state. The tap
         * is up already unless the NIC's cable is out. */
        if (nic->link_state == VNET_LINK_STATE_DOWN &&
            (r = vnet_nl_link_set_up(ctx->nl, ifindex, TRUE)) < 0) {
            g_autofree char *step =
                g_strdup_printf(_("%s: setting %s up"), what, nic->target_dev);

            return fail_errno(error, step, r, ctx->nl);
        }
    } else if (!vnet_nic_realize_veth(ctx, TRUE, &ifindex, error)) {
        return FALSE;
    }
    r = vnet_nl_addr_add(ctx->nl, ifindex, &gateway, 32);
    if (r < 0) {
        g_autofree char *addr = vnet_inet_to_string(&gateway);
        g_autofree char *step = g_strdup_printf(_("%s: adding gateway %s to %s"), what, addr,
                                                nic->target_dev);

        return fail_errno(error, step, r, ctx->nl);
    }
    if (!ret_fd && !configure_guest(ctx, what, &gateway, error))
        return FALSE;
    for (guint i = 0; i < nic->routed_addrs->len; i++) {
        const VnetDomainIpAddr *ip = g_ptr_array_index(nic->routed_addrs, i);
        int uplink = g_array_index(uplinks, int, i);
        g_autofree char *addr = vnet_inet_to_string(&ip->address);
        g_autofree char *step = NULL;
        VnetNlRoute route = {0};
        VnetNlLinkInfo info;
        ProxyUndo *undo;

        route.dst = ip->address;
        route.prefix = vnet_inet_family_bits(ip->address.family);
        route.ifindex = ifindex;
        r = vnet_nl_route_add(ctx->nl, &route);
        if (r < 0) {
            step = g_strdup_printf(_("%s: adding a host route to %s"), what, addr);
            return fail_errno(error, step, r, ctx->nl);
        }
        if (vnet_nl_link_get_by_index(ctx->nl, uplink, &info) < 0)
            g_snprintf(info.name, sizeof(info.name), "%d", uplink);
        step = g_strdup_printf(_("%s: answering for %s on uplink %s (proxy neighbour)"), what,
                               addr, info.name);
        if (ip->address.family == AF_INET6) {
            r = vnet_sysctl_iface_write(AF_INET6, info.name, "proxy_ndp", "1");
            if (r < 0)
                return fail_errno(error, step, r, NULL);
        }
        r = vnet_nl_neigh_proxy_add(ctx->nl, uplink, &ip->address);
        if (r < 0)
            return fail_errno(error, step, r, ctx->nl);
        undo = g_new0(ProxyUndo, 1);
        undo->ifindex = uplink;
        undo->addr = ip->address;
        vnet_undo_push(ctx->undo, step, proxy_undo, undo, g_free);
    }
    return TRUE;
}

static gboolean
routed_realize_netns(VnetNicCtx *ctx, GError **error)
{
    return routed_realize(ctx, NULL, error);
}

static gboolean
routed_realize_vm(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    g_return_val_if_fail(ret_fd, FALSE);
    return routed_realize(ctx, ret_fd, error);
}

/* Removes the proxy entries of @nic's addresses wherever they are: the
 * uplink may have changed since, and the entries name the guest's own
 * addresses, which nothing else publishes. */
static void
routed_release(const VnetDomainDef *def, const VnetDomainInterfaceDef *nic)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GArray) links = NULL;

    if (vnet_nl_open(&nl) < 0 || vnet_nl_link_list(nl, &links) < 0)
        return;
    for (guint i = 0; i < nic->routed_addrs->len; i++) {
        const VnetDomainIpAddr *ip = g_ptr_array_index(nic->routed_addrs, i);

        for (guint j = 0; j < links->len; j++) {
            const VnetNlLinkInfo *link = &g_array_index(links, VnetNlLinkInfo, j);
            int r = vnet_nl_neigh_proxy_del(nl, link->ifindex, &ip->address);

            if (r == 0)
                vnet_debug("nic", "domain %s: removed proxy neighbour on %s", def->name,
                           link->name);
        }
    }
}

const VnetNicOps vnet_nic_routed_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_ROUTED,
    .realize_netns = routed_realize_netns,
    .realize_vm = routed_realize_vm,
    .release = routed_release,
};
