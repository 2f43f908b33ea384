/* nic-bridge.c: NICs that join a bridge. On a netns guest the NIC is a veth
 * pair (nic-veth.c) whose host end (vnetN) becomes a port of the bridge:
 *
 *   network, natnetwork, hostonly, internal
 *             the bridge of the running network the driver resolved
 *             (ctx->network), its ports isolated from each other when the
 *             network says <port isolated='yes'/>; natnetwork NICs need a
 *             NAT network, hostonly NICs a host-only one, internal NICs an
 *             internal one
 *   bridge    an existing host bridge, <source bridge='BR'/>
 *
 * On a VM guest (realize_vm, for the QEMU backend) the NIC is a tap
 * (nic-tap.c) joining the same bridge, with the network's MTU unless the
 * NIC sets its own.
 */
#include <config.h>

#include <errno.h>

#include <vnet/vnet.h>

#include "network/nic.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

/* The kind of network each NIC type may join; NONE: any with a bridge. */
static VnetNetworkKind
required_kind(VnetDomainInterfaceType type)
{
    switch (type) {
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
        return VNET_NETWORK_KIND_NAT;
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
        return VNET_NETWORK_KIND_HOSTONLY;
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        return VNET_NETWORK_KIND_INTERNAL;
    default:
        return VNET_NETWORK_KIND_NONE;
    }
}

static gboolean
find_bridge(VnetNicCtx *ctx, const char *what, const char **ret_bridge,
            VnetTristate *ret_isolated, GError **error)
{
    const VnetDomainInterfaceDef *nic = ctx->nic;
    const VnetNetworkDef *net = ctx->network;
    VnetNetworkKind kind = required_kind(nic->type);

    if (nic->type == VNET_DOMAIN_INTERFACE_TYPE_BRIDGE) {
        *ret_bridge = nic->source_bridge;
        *ret_isolated = VNET_TRISTATE_ABSENT;
        return TRUE;
    }
    if (!net) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("%s: network '%s' is not running"), what, vnet_nic_network_name(nic));
        return FALSE;
    }
    if (kind != VNET_NETWORK_KIND_NONE && net->kind != kind) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID,
                    _("%s: network '%s' is a '%s' network; this interface type needs a '%s' "
                      "network"),
                    what, net->name, vnet_network_kind_to_string(net->kind),
                    vnet_network_kind_to_string(kind));
        return FALSE;
    }
    if (!net->bridge_name || vnet_network_kind_is_pool(net->kind)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                    _("%s: network '%s' is a pool of host devices (forward mode '%s'); use an "
                      "interface of type 'direct' on one of its devices"),
                    what, net->name, vnet_network_kind_to_string(net->kind));
        return FALSE;
    }
    *ret_bridge = net->bridge_name;
    *ret_isolated = net->port_isolated;
    return TRUE;
}

static gboolean
join_realize_netns(VnetNicCtx *ctx, GError **error)
{
    g_autofree char *what = vnet_nic_describe(ctx->def, ctx->nic);
    g_autofree char *step = NULL;
    const char *bridge = NULL;
    VnetTristate isolated = VNET_TRISTATE_ABSENT;
    VnetNlLinkInfo info;
    int ifindex = 0;
    int r;

    if (!find_bridge(ctx, what, &bridge, &isolated, error))
        return FALSE;
    r = vnet_nl_link_get(ctx->nl, bridge, &info);
    if (r < 0 || !g_str_equal(info.kind, "bridge")) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: host bridge '%s' %s"), what, bridge,
                    r == -ENODEV ? _("does not exist")
                    : r < 0      ? g_strerror(-r)
                                 : _("is not a bridge"));
        return FALSE;
    }
    if (!vnet_nic_realize_veth(ctx, TRUE, &ifindex, error))
        return FALSE;
    step = g_strdup_printf(_("%s: adding %s to bridge '%s'"), what, ctx->nic->target_dev,
                           bridge);
    r = vnet_nl_link_set_master(ctx->nl, ifindex, info.ifindex);
    if (r == 0 && isolated != VNET_TRISTATE_ABSENT) {
        VnetNlBridgePort port = {.isolated = isolated};

        r = vnet_nl_bridge_port_set(ctx->nl, ifindex, &port);
    }
    if (r < 0) {
        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              vnet_nl_last_error_message(ctx->nl));
        return FALSE;
    }
    vnet_debug("nic", "%s: %s joined %s", what, ctx->nic->target_dev, bridge);
    return TRUE;
}

static gboolean
join_realize_vm(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    g_autofree char *what = vnet_nic_describe(ctx->def, ctx->nic);
    const char *bridge = NULL;
    VnetTristate isolated = VNET_TRISTATE_ABSENT;
    guint network_mtu = 0;

    if (!find_bridge(ctx, what, &bridge, &isolated, error))
        return FALSE;
    if (ctx->nic->type != VNET_DOMAIN_INTERFACE_TYPE_BRIDGE && ctx->network)
        network_mtu = ctx->network->mtu;
    return vnet_nic_realize_tap(ctx, bridge, isolated, network_mtu, ret_fd, error);
}

const VnetNicOps vnet_nic_network_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_NETWORK,
    .realize_netns = join_realize_netns,
    .realize_vm = join_realize_vm,
};

const VnetNicOps vnet_nic_natnetwork_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK,
    .realize_netns = join_realize_netns,
    .realize_vm = join_realize_vm,
};

const VnetNicOps vnet_nic_hostonly_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY,
    .realize_netns = join_realize_netns,
    .realize_vm = join_realize_vm,
};

const VnetNicOps vnet_nic_internal_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_INTERNAL,
    .realize_netns = join_realize_netns,
    .realize_vm = join_realize_vm,
};

const VnetNicOps vnet_nic_bridge_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_BRIDGE,
    .realize_netns = join_realize_netns,
    .realize_vm = join_realize_vm,
};
