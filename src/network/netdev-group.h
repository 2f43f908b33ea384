/* netdev-group.h: the netdev group (IFLA_GROUP) of each running domain.
 *
 * Every link a domain creates carries its domain's group, so the kernel
 * removes all of them with one RTM_DELLINK per namespace (status.h explains
 * the scheme). A group is allocated at start and released at destroy; a
 * process that finds a domain still running after a restart reserves the
 * domain's recorded group again, so no other domain gets it.
 */
#pragma once

#include <glib.h>

#include "util/vnet-nl.h"

/* Reserves and returns in @ret the lowest group of the range that this
 * process has not reserved and that no link in @nl's namespace carries
 * (links a crashed start left behind, or another process's domains). */
gboolean vnet_netdev_group_allocate(VnetNl *nl, guint32 *ret, GError **error);
/* Marks @group (from a status file) as taken. */
void vnet_netdev_group_reserve(guint32 group);
/* Gives @group back (nothing for 0 or a group not reserved). */
void vnet_netdev_group_release(guint32 group);
