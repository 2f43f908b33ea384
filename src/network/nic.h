/* nic.h: realizing one domain NIC, by kind, behind an ops table.
 *
 * Each interface type has one VnetNicOps (one small file per kind, as
 * src/network/nic-*.c). The guest backend calls the op for its own guest
 * kind; a NULL op means "this kind cannot be realized on this guest yet",
 * reported as VNET_ERROR_CONFIG_UNSUPPORTED naming the NIC and the kind.
 *
 *   realize_netns  make the interface ctx->guest_name (ethN) inside the
 *                  guest namespace ctx->netns_fd, with the NIC's MAC and
 *                  MTU, up or down as its cable; plus whatever the host
 *                  side needs. Record created links in ctx->status and push
 *                  their undo on ctx->undo.
 *
 * Issue 6 adds direct (macvlan moved into the namespace; macvtap for VMs
 * through a realize_tap op the QEMU backend will call), issue 7 the kinds
 * that join networks; extra teardown beyond deleting recorded links goes in
 * a release op then.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "network/status.h"
#include "network/undo.h"
#include "util/vnet-nl.h"

typedef struct {
    const VnetDomainDef *def;    /* the live definition */
    VnetDomainInterfaceDef *nic; /* in def; target_dev gets the host name */
    VnetDomainStatus *status;
    VnetUndo *undo;
    VnetNl *nl;                  /* the host namespace */
    int netns_fd;                /* the guest namespace */
    const char *guest_name;      /* "eth0" */
    /* The running network the NIC joins (types network, natnetwork,
     * hostonly, internal), resolved by the driver before the backend runs;
     * NULL for other types. */
    const VnetNetworkDef *network;
} VnetNicCtx;

typedef struct {
    VnetDomainInterfaceType type;
    gboolean (*realize_netns)(VnetNicCtx *ctx, GError **error);
    /* Host state beyond the recorded links (routes and proxy neighbours
     * of routed NICs): removed at destroy, detach and crash cleanup, from
     * the live definition alone; NULL: nothing beyond the links. */
    void (*release)(const VnetDomainDef *def, const VnetDomainInterfaceDef *nic);
} VnetNicOps;

/* The ops of @type (never NULL; its functions may be). */
const VnetNicOps *vnet_nic_ops_get(VnetDomainInterfaceType type);

/* "interface 2 (type 'direct') of domain 'web1'" */
char *vnet_nic_describe(const VnetDomainDef *def, const VnetDomainInterfaceDef *nic);

/* The ops of the kinds this issue realizes. */
extern const VnetNicOps vnet_nic_ethernet_ops;
extern const VnetNicOps vnet_nic_null_ops;
/* nic-bridge.c: NICs joining a bridge (of a network, or an existing one) */
extern const VnetNicOps vnet_nic_network_ops;
extern const VnetNicOps vnet_nic_natnetwork_ops;
extern const VnetNicOps vnet_nic_hostonly_ops;
extern const VnetNicOps vnet_nic_internal_ops;
extern const VnetNicOps vnet_nic_bridge_ops;
/* nic-routed.c */
extern const VnetNicOps vnet_nic_routed_ops;

/* nic-veth.c: the veth pair of a netns guest's NIC (ctx->guest_name in
 * the guest, vnetN or <target dev> on the host, up when @host_up),
 * recorded and undone like every link; *@ret_ifindex (may be NULL) gets the
 * host end's ifindex. */
gboolean vnet_nic_realize_veth(VnetNicCtx *ctx, gboolean host_up, int *ret_ifindex,
                               GError **error);

/* The name of the network @nic joins (its <source network>, or the
 * internal network's name), or NULL for types that join none. */
const char *vnet_nic_network_name(const VnetDomainInterfaceDef *nic);
