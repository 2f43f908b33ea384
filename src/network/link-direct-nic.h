/* link-direct-nic.h: direct NICs behind the NIC ops table (network/nic.h)
 * for netns guests: the macvlan of link-direct as ethN, recorded in the
 * domain's status and undo stack like the other kinds.
 *
 * To plug in: list &vnet_nic_direct_ops in nic.c's ops table, and have the
 * netns backend call vnet_nic_direct_stop_netns() before it removes the
 * guest's namespace (so passthrough devices get their MAC, MTU and state
 * back only after the macvlan mirroring them is gone).
 */
#pragma once

#include <glib.h>

#include "network/link-direct.h"
#include "network/nic.h"

extern const VnetNicOps vnet_nic_direct_ops;

/* The registry of passthrough claims shared by every domain this process
 * runs. */
VnetDirectRegistry *vnet_nic_direct_registry(void);

/* Removes the direct NICs of running domain @domain from its namespace
 * @netns_fd with one RTM_DELLINK (the netdev group there), restores
 * passthrough devices and drops the claims. TRUE when the domain has none. */
gboolean vnet_nic_direct_stop_netns(const char *domain, int netns_fd, GError **error);
