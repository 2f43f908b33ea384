/* network-realize.h: realizing a network on the host, by kind, behind an
 * ops table (one entry per VnetNetworkKind).
 *
 * This issue realizes the kind that needs nothing created: 'bridge', an
 * existing host bridge, which start checks for. Issue 7 adds the kinds that
 * own a bridge (nat, hostonly, internal, route, open: bridge + nftables +
 * dnsmasq) and the direct pools; a kind without ops fails to start with
 * VNET_ERROR_CONFIG_UNSUPPORTED naming it.
 */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"
#include "network/undo.h"

typedef struct {
    /* Makes the network exist on the host; pushes undos for what it made. */
    gboolean (*start)(VnetNetworkDef *live, VnetUndo *undo, GError **error);
    /* Removes what start made; succeeds when it is already gone. */
    gboolean (*stop)(const VnetNetworkDef *live, GError **error);
    /* Whether a network recorded as running is still there on the host. */
    gboolean (*is_alive)(const VnetNetworkDef *live);
    /* The DHCP leases (VnetDhcpLease *) of a running network; NULL op: the
     * kind runs no DHCP server, so there are none. */
    GPtrArray *(*get_leases)(const VnetNetworkDef *live, GError **error);
} VnetNetworkOps;

/* The ops of @kind, or NULL when that kind cannot be realized yet. */
const VnetNetworkOps *vnet_network_ops_get(VnetNetworkKind kind);
