/* link-direct-nic.h: direct NICs behind the NIC ops table (network/nic.h)
 * for netns guests: the macvlan of link-direct created inside the guest's
 * namespace as ethN, in the domain's netdev group, recorded in the
 * domain's status (a <link> without a host ifindex, and for passthrough a
 * <passthrough> with the device's own MAC, MTU and state) and in its undo
 * stack like the other kinds.
 *
 * Everything a stop needs is in the status, so a new process after a crash
 * tears a domain down exactly as the one that started it would: the netns
 * backend calls vnet_nic_direct_stop_netns() before it removes the guest's
 * namespace, so passthrough devices get their settings back only after the
 * macvlans mirroring them are gone.
 *
 * For VM guests (realize_vm) the NIC is link-direct's macvtap in the host
 * namespace, recorded like a tap (host name and ifindex, nic->target_dev),
 * its character device handed to the hypervisor. A stop deletes it with
 * the domain's group in the host namespace like every host link, then
 * calls vnet_nic_direct_stop_netns() with netns_fd -1 to give passthrough
 * devices their settings back and drop the claims.
 */
#pragma once

#include <glib.h>

#include "network/link-direct.h"
#include "network/nic.h"

extern const VnetNicOps vnet_nic_direct_ops;

/* The registry of device claims shared by every domain this process runs. */
VnetDirectRegistry *vnet_nic_direct_registry(void);

/* Removes the direct NICs of running domain @live: ONE RTM_DELLINK for the
 * domain's group inside its namespace @netns_fd (-1: the namespace is gone,
 * and its macvlans with it), then restores the passthrough devices of
 * @status and drops the domain's claims. Records that are done with leave
 * @status, so a failed stop can be retried. */
gboolean vnet_nic_direct_stop_netns(const VnetDomainDef *live, VnetDomainStatus *status,
                                    int netns_fd, GError **error);
/* Removes one direct NIC @nic of running domain @live (live detach). */
gboolean vnet_nic_direct_detach_netns(const VnetDomainDef *live,
                                      const VnetDomainInterfaceDef *nic,
                                      VnetDomainStatus *status, int netns_fd, GError **error);
/* A restarted process found @live still running: claim its devices again. */
void vnet_nic_direct_adopt(const VnetDomainDef *live, const VnetDomainStatus *status);

/* RTM_DELLINK requests the stops of this process sent to remove direct
 * NICs, so tests can prove a domain's went in one. */
guint64 vnet_nic_direct_get_delete_requests(void);
