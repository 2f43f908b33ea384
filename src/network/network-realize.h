/* network-realize.h: realizing a network on the host, by kind, behind an
 * ops table (one entry per VnetNetworkKind).
 *
 *   bridge     an existing host bridge: start only checks it (here)
 *   nat, route, open, hostonly, internal
 *              a bridge vnet creates (net-bridged.c): addresses, nftables
 *              (nftables.h), dnsmasq (dnsmasq.h)
 *   pools      direct (macvtap) pools have no ops here: they create nothing
 *              until a NIC uses them
 *
 * The environment tells the ops where the connection keeps runtime files
 * (dnsmasq's configuration, pid and lease files). A kind without ops fails
 * to start with VNET_ERROR_CONFIG_UNSUPPORTED naming it.
 */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"
#include "network/undo.h"

/* The netdev group (IFLA_GROUP) of the bridges vnet creates for networks:
 * outside the range of the domains' groups (status.h), so no domain's
 * group delete can take a network's bridge with it. */
#define VNET_NETWORK_NETDEV_GROUP 30317u

typedef struct {
    /* RUN/dnsmasq of the connection: each network's runtime files go in
     * RUN_DIR/NAME/ (vnet_network_env_dir()) */
    const char *run_dir;
} VnetNetworkEnv;

/* RUN_DIR/NAME: the runtime folder of network @name. */
char *vnet_network_env_dir(const VnetNetworkEnv *env, const char *name);

typedef struct {
    /* Makes the network exist on the host; pushes undos for what it made. */
    gboolean (*start)(VnetNetworkDef *live, const VnetNetworkEnv *env, VnetUndo *undo,
                      GError **error);
    /* Removes what start made; succeeds when it is already gone. Also
     * called on a crashed process's leftovers, so it works from @live
     * alone. */
    gboolean (*stop)(const VnetNetworkDef *live, const VnetNetworkEnv *env, GError **error);
    /* Whether a network recorded as running is still there on the host. */
    gboolean (*is_alive)(const VnetNetworkDef *live, const VnetNetworkEnv *env);
    /* The DHCP leases (VnetDhcpLease *) of a running network; NULL op: the
     * kind runs no DHCP server, so there are none. */
    GPtrArray *(*get_leases)(const VnetNetworkDef *live, const VnetNetworkEnv *env,
                             GError **error);
    /* Applies @live's port forwards to the running network (the rest of
     * @live is what runs); NULL op: the kind has none. */
    gboolean (*update_forwards)(const VnetNetworkDef *live, const VnetNetworkEnv *env,
                                GError **error);
} VnetNetworkOps;

/* The ops of @kind, or NULL when that kind cannot be realized yet. */
const VnetNetworkOps *vnet_network_ops_get(VnetNetworkKind kind);
