/* link-tap.h: the tap of a VM guest's NIC, realized on the host.
 *
 * NICs of VM guests that join a bridge (types network, natnetwork,
 * hostonly, internal: the network's bridge; bridge: an existing host
 * bridge) or stand alone (ethernet) get a tap in the host namespace, made
 * through /dev/net/tun (util/vnet-tap.h):
 *   name      <target dev>, else vnetN picked by the kernel
 *   MAC       the guest's with its first byte set to 0xfe (0xfa when the
 *             guest's already starts with 0xfe), as libvirt does: the
 *             bridge takes the lowest MAC of its ports as its own, and
 *             must never take the guest's
 *   MTU       the NIC's, else the network's, else the bridge's (so a jumbo
 *             bridge is not pulled down to the tap's default 1500)
 *   group     the domain's netdev group, so one RTM_DELLINK removes it with
 *             the domain's other host links
 *   bridge    enslaved, isolated from the other ports when the network
 *             says <port isolated='yes'/>
 *   up        unless the NIC's <link state='down'/>
 * and the fd stays open, for the guest backend to hand to the hypervisor.
 *
 * Every realize returns a VnetTapLink record of what was made, with its
 * undo; nothing is left behind when realize fails.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "util/vnet-nl.h"

typedef struct {
    const VnetMac *mac;      /* the guest NIC's MAC: required */
    guint mtu;               /* 0: the bridge's (none: the kernel's default) */
    const char *target_dev;  /* the tap's name; NULL: vnetN */
    const char *bridge;      /* the bridge to join; NULL: none */
    VnetTristate isolated;   /* port isolation on @bridge; ABSENT: not set */
    gboolean down;           /* leave the tap down (<link state='down'/>) */
    gboolean vnet_hdr;       /* IFF_VNET_HDR (virtio NICs) */
} VnetTapDef;

/* Fills @ret from a NIC (pointers into @nic): MAC, MTU, target dev, link
 * state, vnet headers for virtio. The bridge, isolation and a network's MTU
 * come from the caller. */
void vnet_tap_def_from_interface(const VnetDomainInterfaceDef *nic, VnetTapDef *ret);

/* The MAC the host side of a guest NIC with MAC @guest gets. */
void vnet_tap_host_mac(const VnetMac *guest, VnetMac *ret);

typedef struct {
    VnetNl *nl;           /* the host namespace */
    guint32 group;        /* netdev group; not 0 */
    const char *describe; /* "interface 2 (type 'network') of domain 'vm1'" */
} VnetTapCtx;

typedef struct {
    char *name;
    int ifindex;
    guint32 group;
    VnetMac host_mac;
    char *bridge;   /* the bridge it joined, or NULL */
    int tap_fd;     /* the open tap; -1 once stolen or closed */
    gboolean active; /* the link may still exist and is ours to delete */
} VnetTapLink;

/* Frees the record, closing the fd it still holds (which removes the tap
 * unless another copy of the fd is open). */
void vnet_tap_link_free(VnetTapLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetTapLink, vnet_tap_link_free)

/* Hands the tap fd to the caller (-1 when there is none). */
int vnet_tap_link_steal_fd(VnetTapLink *link);

/* Makes the tap @def describes. */
gboolean vnet_tap_realize(const VnetTapDef *def, const VnetTapCtx *ctx, VnetTapLink **ret,
                          GError **error);

/* Undoes one realize: closes the fd and deletes the tap when it is still
 * the one made (an fd copy elsewhere would keep it alive). Idempotent. */
gboolean vnet_tap_link_undo(VnetTapLink *link, VnetNl *nl, GError **error);
/* The same as a VnetUndoFunc (own netlink handle; failures to the debug
 * log): push it with vnet_tap_link_free as data_free. */
void vnet_tap_link_undo_func(gpointer link);
