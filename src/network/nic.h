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
 *   realize_vm     the same for a VM guest (the QEMU backend calls it; no
 *                  namespace: netns_fd -1, guest_name NULL): make the NIC's
 *                  host side and return the open fd the hypervisor
 *                  exchanges the NIC's frames on:
 *                    network, natnetwork, hostonly, internal, bridge
 *                             a tap (link-tap.h) joining the bridge
 *                    ethernet a tap attached to nothing
 *                    routed   a tap with the host side of nic-routed.c
 *                    direct   a macvtap on the source device and its
 *                             character device (link-direct.h)
 *                    null     nothing on the host and fd -1: the
 *                             hypervisor gives the card no peer ("not
 *                             attached", a NIC with no cable)
 *
 * Extra teardown beyond deleting recorded links goes in a release op; a
 * VM's direct NICs in passthrough mode get their device back from the
 * status through vnet_nic_direct_stop_netns() with netns_fd -1.
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
    int netns_fd;                /* the guest namespace; VM guests: -1 */
    const char *guest_name;      /* "eth0"; VM guests: NULL */
    /* The running network the NIC joins (types network, natnetwork,
     * hostonly, internal), resolved by the driver before the backend runs;
     * NULL for other types. */
    const VnetNetworkDef *network;
} VnetNicCtx;

typedef struct {
    VnetDomainInterfaceType type;
    gboolean (*realize_netns)(VnetNicCtx *ctx, GError **error);
    /* *@ret_fd: the caller's to close (-1: the NIC has no host side); the
     * host side is recorded and its undo pushed as for realize_netns, and
     * the domain's netdev group removes it at destroy. */
    gboolean (*realize_vm)(VnetNicCtx *ctx, int *ret_fd, GError **error);
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

/* nic-tap.c: the tap of a VM guest's NIC (link-tap.h), joining @bridge
 * (NULL: none) with port isolation @isolated, MTU the NIC's else
 * @network_mtu (0: the bridge's); recorded and undone like every link, its
 * name in nic->target_dev; *@ret_fd the open tap. */
gboolean vnet_nic_realize_tap(VnetNicCtx *ctx, const char *bridge, VnetTristate isolated,
                              guint network_mtu, int *ret_fd, GError **error);

/* The name of the network @nic joins (its <source network>, or the
 * internal network's name), or NULL for types that join none. */
const char *vnet_nic_network_name(const VnetDomainInterfaceDef *nic);
