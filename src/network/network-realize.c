/* network-realize.c: the table of network kinds, and the 'bridge' kind (an
 * existing host bridge: nothing to create, only to check). The kinds with a
 * bridge of their own are in net-bridged.c. */
#include <config.h>

#include <errno.h>

#include <vnet/vnet.h>

#include "network/net-bridged.h"
#include "network/network-realize.h"
#include "util/vnet-i18n.h"
#include "util/vnet-nl.h"

static int
find_bridge(const char *name, VnetNlLinkInfo *info)
{
    g_autoptr(VnetNl) nl = NULL;
    int r = vnet_nl_open(&nl);

    if (r == 0)
        r = vnet_nl_link_get(nl, name, info);
    return r;
}

static gboolean
bridge_start(VnetNetworkDef *live, const VnetNetworkEnv *env, VnetUndo *undo, GError **error)
{
    VnetNlLinkInfo info;
    int r = find_bridge(live->bridge_name, &info);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("network '%s': checking host bridge '%s': %s"), live->name,
                    live->bridge_name, r == -ENODEV ? _("no such device") : g_strerror(-r));
        return FALSE;
    }
    if (!g_str_equal(info.kind, "bridge")) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("network '%s': host device '%s' is not a bridge (it is a %s)"),
                    live->name, live->bridge_name, *info.kind ? info.kind : "plain device");
        return FALSE;
    }
    return TRUE;
}

static gboolean
bridge_stop(const VnetNetworkDef *live, const VnetNetworkEnv *env, GError **error)
{
    /* vnet did not make the bridge: nothing to remove. */
    return TRUE;
}

static gboolean
bridge_is_alive(const VnetNetworkDef *live, const VnetNetworkEnv *env)
{
    VnetNlLinkInfo info;

    return find_bridge(live->bridge_name, &info) == 0 && g_str_equal(info.kind, "bridge");
}

static const VnetNetworkOps bridge_ops = {
    .start = bridge_start,
    .stop = bridge_stop,
    .is_alive = bridge_is_alive,
};

static const VnetNetworkOps *const ops_table[VNET_NETWORK_KIND_LAST] = {
    [VNET_NETWORK_KIND_BRIDGE] = &bridge_ops,
    [VNET_NETWORK_KIND_NAT] = &vnet_network_bridged_ops,
    [VNET_NETWORK_KIND_ROUTE] = &vnet_network_bridged_ops,
    [VNET_NETWORK_KIND_OPEN] = &vnet_network_bridged_ops,
    [VNET_NETWORK_KIND_HOSTONLY] = &vnet_network_bridged_ops,
    [VNET_NETWORK_KIND_INTERNAL] = &vnet_network_bridged_ops,
};

/**
 * vnet_network_ops_get:
 * @kind: a network kind
 *
 * Returns: (transfer none) (nullable): the ops, or %NULL when the kind
 *   cannot be realized yet.
 */
const VnetNetworkOps *
vnet_network_ops_get(VnetNetworkKind kind)
{
    if (kind <= VNET_NETWORK_KIND_NONE || kind >= VNET_NETWORK_KIND_LAST)
        return NULL;
    return ops_table[kind];
}

/**
 * vnet_network_env_dir:
 * @env: an environment
 * @name: a network's name
 *
 * Returns: (transfer full): the network's runtime folder.
 */
char *
vnet_network_env_dir(const VnetNetworkEnv *env, const char *name)
{
    return g_build_filename(env->run_dir, name, NULL);
}
