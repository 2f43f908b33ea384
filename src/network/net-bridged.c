/* net-bridged.c: networks on a bridge of their own (nat, route, open,
 * hostonly, internal). */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/dnsmasq.h"
#include "network/net-bridged.h"
#include "network/nftables.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-nl.h"
#include "util/vnet-sysctl.h"

#define CAP_NET_BIND_SERVICE_BIT 10

/* Whether CAP_NET_BIND_SERVICE is in the effective set (/proc avoids a
 * dependency on libcap for one bit). */
static gboolean
may_bind_low_ports(void)
{
    g_autofree char *status = NULL;
    const char *line;
    guint64 caps;

    if (geteuid() == 0)
        return TRUE;
    if (!g_file_get_contents("/proc/self/status", &status, NULL, NULL))
        return FALSE;
    line = strstr(status, "\nCapEff:");
    if (!line)
        return FALSE;
    caps = g_ascii_strtoull(line + strlen("\nCapEff:"), NULL, 16);
    return (caps & (G_GUINT64_CONSTANT(1) << CAP_NET_BIND_SERVICE_BIT)) != 0;
}

/**
 * vnet_network_check_forward_ports:
 * @def: a network
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every port forward's host port may be used, and no
 *   IPv6 forward listens on the loopback address (which the kernel cannot
 *   forward: IPv6 has no route_localnet).
 */
gboolean
vnet_network_check_forward_ports(const VnetNetworkDef *def, GError **error)
{
    GPtrArray *rules = def->forward.port_forwards;

    for (guint i = 0; rules && i < rules->len; i++) {
        const VnetPortForward *rule = g_ptr_array_index(rules, i);
        VnetInetAddr loopback6;

        /* IPv4 loopback forwards work through route_localnet; IPv6 has no
         * such switch, and packets from ::1 never leave the host, so the
         * rule would load and silently forward nothing. */
        vnet_inet_parse("::1", AF_INET6, &loopback6);
        if (vnet_inet_equal(&rule->host_address, &loopback6)) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                        _("network '%s': port forward '%s' has hostAddress '::1': Linux "
                          "forwards no IPv6 loopback traffic to guests (leave hostAddress out "
                          "to forward from every address of the host, or name another one)"),
                        def->name, rule->name);
            return FALSE;
        }
        if (rule->host_port < 1024 && !may_bind_low_ports()) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_ACCESS_DENIED,
                        _("network '%s': port forward '%s' uses host port %u; ports below 1024 "
                          "need root or CAP_NET_BIND_SERVICE (use a port from 1024 up)"),
                        def->name, rule->name, rule->host_port);
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
open_nl(VnetNl **ret, GError **error)
{
    int r = vnet_nl_open(ret);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK, _("opening a netlink socket: %s"),
                    g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

/* The bridge of @live if it exists and is vnet's; its ifindex, or 0. */
static int
find_own_bridge(VnetNl *nl, const VnetNetworkDef *live)
{
    VnetNlLinkInfo info;

    if (!live->bridge_name || vnet_nl_link_get(nl, live->bridge_name, &info) < 0)
        return 0;
    if (info.group != VNET_NETWORK_NETDEV_GROUP || !g_str_equal(info.kind, "bridge"))
        return 0;
    return info.ifindex;
}

static void
bridge_undo(gpointer data)
{
    g_autoptr(VnetNl) nl = NULL;
    int r = vnet_nl_open(&nl);

    if (r == 0)
        r = vnet_nl_link_delete(nl, GPOINTER_TO_INT(data));
    if (r < 0)
        vnet_debug("network", "undo: deleting bridge (ifindex %d): %s", GPOINTER_TO_INT(data),
                   g_strerror(-r));
}

static gboolean
has_family(const VnetNetworkDef *live, int family)
{
    for (guint i = 0; i < live->ips->len; i++) {
        if (((const VnetNetworkIpDef *)g_ptr_array_index(live->ips, i))->address.family ==
            family)
            return TRUE;
    }
    return FALSE;
}

static gboolean
has_loopback_forward(const VnetNetworkDef *live)
{
    GPtrArray *rules = live->forward.port_forwards;
    VnetInetAddr loopback;

    vnet_inet_parse("127.0.0.0", AF_INET, &loopback);
    for (guint i = 0; rules && i < rules->len; i++) {
        const VnetPortForward *rule = g_ptr_array_index(rules, i);

        if (rule->host_address.family == AF_INET &&
            vnet_inet_in_subnet(&rule->host_address, &loopback, 8))
            return TRUE;
    }
    return FALSE;
}

static gboolean
set_sysctl(const VnetNetworkDef *live, int family, const char *ifname, const char *key,
           const char *value, GError **error)
{
    int r = ifname ? vnet_sysctl_iface_write(family, ifname, key, value)
                   : vnet_sysctl_write(key, value);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                    _("network '%s': setting %s%s%s to %s: %s"), live->name,
                    ifname ? ifname : "", ifname ? " " : "", key, value, g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

static gboolean
create_bridge(VnetNl *nl, VnetNetworkDef *live, VnetUndo *undo, int *ret_ifindex,
              GError **error)
{
    g_autofree char *step =
        g_strdup_printf(_("network '%s': creating bridge '%s'"), live->name, live->bridge_name);
    VnetNlLinkDef link = {0};
    VnetNlLinkInfo info = {0};
    int r;

    link.kind = VNET_NL_LINK_KIND_BRIDGE;
    link.name = live->bridge_name;
    link.mtu = live->mtu;
    link.mac = live->mac_set ? &live->mac : NULL;
    link.has_group = TRUE;
    link.group = VNET_NETWORK_NETDEV_GROUP;
    r = vnet_nl_link_create(nl, &link, &info);
    if (r == -EEXIST) {
        vnet_step_error(error, VNET_ERROR_OPERATION_FAILED, step,
                        _("a device called '%s' already exists"), live->bridge_name);
        return FALSE;
    } else if (r < 0) {
        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              vnet_nl_last_error_message(nl));
        return FALSE;
    }
    vnet_undo_push(undo, step, bridge_undo, GINT_TO_POINTER(info.ifindex), NULL);
    *ret_ifindex = info.ifindex;
    return TRUE;
}

/* <bridge stp delay>: only what the network sets is sent, so a bridge
 * without them keeps the kernel's defaults (STP off: ports forward at
 * once). The delay goes first: the kernel turns STP on with the delay it
 * has, clamped to 2..30 s, as libvirt's delay='0' with stp='on' expects. */
static gboolean
set_bridge_opts(VnetNl *nl, const VnetNetworkDef *live, int ifindex, GError **error)
{
    VnetNlBridgeOpts opts = {0};
    g_autofree char *step = NULL;
    int r;

    if (live->bridge_stp == VNET_SWITCH_ON)
        opts.stp = VNET_TRISTATE_YES;
    else if (live->bridge_stp == VNET_SWITCH_OFF)
        opts.stp = VNET_TRISTATE_NO;
    if (live->bridge_delay_set) {
        /* the kernel counts in 1/100 s */
        if (live->bridge_delay > G_MAXUINT32 / 100) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                        _("network '%s': <bridge delay='%" G_GUINT64_FORMAT "'> is more than "
                          "the kernel can hold (%u seconds at most)"),
                        live->name, live->bridge_delay, G_MAXUINT32 / 100);
            return FALSE;
        }
        opts.has_forward_delay = TRUE;
        opts.forward_delay = (guint32)live->bridge_delay * 100;
    }
    if (opts.stp == VNET_TRISTATE_ABSENT && !opts.has_forward_delay)
        return TRUE;
    r = vnet_nl_bridge_opts_set(nl, ifindex, &opts);
    if (r < 0) {
        step = g_strdup_printf(_("network '%s': setting STP and forward delay of bridge '%s'"),
                               live->name, live->bridge_name);
        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              vnet_nl_last_error_message(nl));
        return FALSE;
    }
    return TRUE;
}

static gboolean
add_addresses(VnetNl *nl, const VnetNetworkDef *live, int ifindex, GError **error)
{
    for (guint i = 0; i < live->ips->len; i++) {
        const VnetNetworkIpDef *ip = g_ptr_array_index(live->ips, i);
        guint prefix = vnet_network_ip_def_prefix(ip);
        const VnetInetAddr *addrs[2] = {&ip->address, NULL};

        /* VirtualBox's host-only DHCP server answers from an address of its
         * own (192.168.56.100): the bridge carries it too. */
        if (ip->dhcp && vnet_inet_is_set(&ip->dhcp->server) &&
            !vnet_inet_equal(&ip->dhcp->server, &ip->address))
            addrs[1] = &ip->dhcp->server;
        for (guint j = 0; j < G_N_ELEMENTS(addrs) && addrs[j]; j++) {
            /* No IPv6 DAD: a bridge has no carrier until its first port,
             * so its gateway address would stay tentative (unreachable)
             * until then and for DAD's second after; and a guest claiming
             * the gateway's address must not disable the gateway. */
            int r = vnet_nl_addr_add_nodad(nl, ifindex, addrs[j], prefix);

            if (r < 0) {
                g_autofree char *text = vnet_inet_to_string(addrs[j]);
                g_autofree char *step =
                    g_strdup_printf(_("network '%s': adding %s/%u to bridge '%s'"), live->name,
                                    text, prefix, live->bridge_name);

                vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                                      vnet_nl_last_error_message(nl));
                return FALSE;
            }
        }
    }
    return TRUE;
}

static void
nft_undo(gpointer data)
{
    g_autoptr(GError) error = NULL;

    if (!vnet_nft_network_remove(data, &error))
        vnet_debug("network", "undo: %s", error->message);
}

static void
dnsmasq_undo(gpointer data)
{
    g_autoptr(GError) error = NULL;

    if (!vnet_dnsmasq_stop(data, &error))
        vnet_debug("network", "undo: %s", error->message);
}

static gboolean
bridged_start(VnetNetworkDef *live, const VnetNetworkEnv *env, VnetUndo *undo, GError **error)
{
    gboolean routes = live->kind == VNET_NETWORK_KIND_NAT ||
                      live->kind == VNET_NETWORK_KIND_ROUTE ||
                      live->kind == VNET_NETWORK_KIND_OPEN;
    g_autoptr(VnetNl) nl = NULL;
    int ifindex = 0;
    int r;

    if (!vnet_network_check_forward_ports(live, error) || !open_nl(&nl, error) ||
        !create_bridge(nl, live, undo, &ifindex, error) ||
        !set_bridge_opts(nl, live, ifindex, error))
        return FALSE;
    if (!has_family(live, AF_INET6) &&
        !set_sysctl(live, AF_INET6, live->bridge_name, "disable_ipv6", "1", error))
        return FALSE;
    if (live->kind == VNET_NETWORK_KIND_INTERNAL &&
        !set_sysctl(live, AF_INET, live->bridge_name, "arp_ignore", "8", error))
        return FALSE;
    if (live->kind == VNET_NETWORK_KIND_NAT && has_loopback_forward(live) &&
        !set_sysctl(live, AF_INET, live->bridge_name, "route_localnet", "1", error))
        return FALSE;
    if (!add_addresses(nl, live, ifindex, error))
        return FALSE;
    r = vnet_nl_link_set_up(nl, ifindex, TRUE);
    if (r < 0) {
        g_autofree char *step = g_strdup_printf(_("network '%s': setting bridge '%s' up"),
                                                live->name, live->bridge_name);

        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              vnet_nl_last_error_message(nl));
        return FALSE;
    }
    if (routes && has_family(live, AF_INET) &&
        !set_sysctl(live, 0, NULL, "net/ipv4/ip_forward", "1", error))
        return FALSE;
    if (routes && has_family(live, AF_INET6) &&
        !set_sysctl(live, AF_INET6, "all", "forwarding", "1", error))
        return FALSE;
    if (live->kind != VNET_NETWORK_KIND_OPEN) {
        if (!vnet_nft_network_apply(live, error))
            return FALSE;
        vnet_undo_push(undo, _("loading the nftables tables"), nft_undo,
                       vnet_network_def_copy(live), (GDestroyNotify)vnet_network_def_free);
    }
    if (vnet_dnsmasq_needed(live)) {
        g_autofree char *dir = vnet_network_env_dir(env, live->name);

        /* a crashed process's dnsmasq would hold the lease file */
        if (!vnet_dnsmasq_stop(dir, error) || !vnet_dnsmasq_start(live, dir, error))
            return FALSE;
        vnet_undo_push(undo, _("starting dnsmasq"), dnsmasq_undo, g_steal_pointer(&dir),
                       g_free);
    }
    vnet_debug("network", "network %s runs on bridge %s (ifindex %d)", live->name,
               live->bridge_name, ifindex);
    return TRUE;
}

static gboolean
bridged_stop(const VnetNetworkDef *live, const VnetNetworkEnv *env, GError **error)
{
    g_autofree char *dir = vnet_network_env_dir(env, live->name);
    g_autoptr(VnetNl) nl = NULL;
    int ifindex;
    int r;

    if (!vnet_dnsmasq_stop(dir, error))
        return FALSE;
    if (live->kind != VNET_NETWORK_KIND_OPEN && !vnet_nft_network_remove(live, error))
        return FALSE;
    if (!open_nl(&nl, error))
        return FALSE;
    ifindex = find_own_bridge(nl, live);
    if (ifindex == 0)
        return TRUE;
    r = vnet_nl_link_delete(nl, ifindex);
    if (r < 0 && r != -ENODEV) {
        g_autofree char *step = g_strdup_printf(_("network '%s': deleting bridge '%s'"),
                                                live->name, live->bridge_name);

        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              vnet_nl_last_error_message(nl));
        return FALSE;
    }
    return TRUE;
}

static gboolean
bridged_is_alive(const VnetNetworkDef *live, const VnetNetworkEnv *env)
{
    g_autoptr(VnetNl) nl = NULL;

    return vnet_nl_open(&nl) == 0 && find_own_bridge(nl, live) > 0;
}

static GPtrArray *
bridged_get_leases(const VnetNetworkDef *live, const VnetNetworkEnv *env, GError **error)
{
    g_autofree char *dir = vnet_network_env_dir(env, live->name);

    return vnet_dnsmasq_read_leases(live, dir, error);
}

static gboolean
bridged_update_forwards(const VnetNetworkDef *live, const VnetNetworkEnv *env, GError **error)
{
    if (!vnet_network_check_forward_ports(live, error))
        return FALSE;
    if (live->kind == VNET_NETWORK_KIND_NAT && has_loopback_forward(live) &&
        !set_sysctl(live, AF_INET, live->bridge_name, "route_localnet", "1", error))
        return FALSE;
    /* one transaction: the old rules stay in force if this fails */
    return vnet_nft_network_apply(live, error);
}

const VnetNetworkOps vnet_network_bridged_ops = {
    .start = bridged_start,
    .stop = bridged_stop,
    .is_alive = bridged_is_alive,
    .get_leases = bridged_get_leases,
    .update_forwards = bridged_update_forwards,
};
