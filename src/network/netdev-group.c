/* netdev-group.c: allocating per-domain netdev groups; see
 * netdev-group.h. */
#include <config.h>

#include <vnet/vnet.h>

#include "network/netdev-group.h"
#include "network/status.h"
#include "util/vnet-i18n.h"

static GMutex lock;
static GHashTable *reserved; /* GUINT_TO_POINTER(group) set */

static void
reserve_locked(guint32 group)
{
    if (!reserved)
        reserved = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_hash_table_add(reserved, GUINT_TO_POINTER(group));
}

/**
 * vnet_netdev_group_allocate:
 * @nl: a handle on the namespace the domain's host-side links go to
 * @ret: (out): the group, reserved for the caller
 * @error: why none is free
 *
 * Two processes starting domains at the same instant could still pick the
 * same group (the scan sees only links that exist already); every other
 * case — this process's domains, other processes' domains with host-side
 * links, links left by a crash — is excluded.
 *
 * Returns: whether a group was reserved.
 */
gboolean
vnet_netdev_group_allocate(VnetNl *nl, guint32 *ret, GError **error)
{
    g_autoptr(GArray) links = NULL;
    g_autoptr(GHashTable) on_host = g_hash_table_new(g_direct_hash, g_direct_equal);
    int r = vnet_nl_link_list(nl, &links);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("choosing a netdev group: listing the host's links: %s"), g_strerror(-r));
        return FALSE;
    }
    for (guint i = 0; i < links->len; i++)
        g_hash_table_add(on_host,
                         GUINT_TO_POINTER(g_array_index(links, VnetNlLinkInfo, i).group));

    g_mutex_lock(&lock);
    for (guint32 group = VNET_NETDEV_GROUP; group < VNET_NETDEV_GROUP + VNET_NETDEV_GROUP_COUNT;
         group++) {
        if (g_hash_table_contains(on_host, GUINT_TO_POINTER(group)) ||
            (reserved && g_hash_table_contains(reserved, GUINT_TO_POINTER(group))))
            continue;
        reserve_locked(group);
        g_mutex_unlock(&lock);
        *ret = group;
        return TRUE;
    }
    g_mutex_unlock(&lock);
    g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                _("choosing a netdev group: all %u groups from %u on are in use"),
                VNET_NETDEV_GROUP_COUNT, VNET_NETDEV_GROUP);
    return FALSE;
}

/**
 * vnet_netdev_group_reserve:
 * @group: a running domain's group
 *
 * Marks @group as taken (idempotent).
 */
void
vnet_netdev_group_reserve(guint32 group)
{
    if (group == 0)
        return;
    g_mutex_lock(&lock);
    reserve_locked(group);
    g_mutex_unlock(&lock);
}

/**
 * vnet_netdev_group_release:
 * @group: a group from vnet_netdev_group_allocate() or _reserve()
 *
 * Makes @group available again.
 */
void
vnet_netdev_group_release(guint32 group)
{
    g_mutex_lock(&lock);
    if (reserved)
        g_hash_table_remove(reserved, GUINT_TO_POINTER(group));
    g_mutex_unlock(&lock);
}
