/* nic-tap.c: the NIC of a VM guest as a tap in the host namespace
 * (link-tap.h), recorded in the domain's status and undo stack like the
 * veth pairs of netns guests (nic-veth.c). The QEMU backend calls it
 * through the realize_vm ops of the kinds that have one:
 *
 *   network, natnetwork, hostonly, internal, bridge   a tap joining the
 *             bridge (nic-bridge.c decides which)
 *   ethernet  a tap attached to nothing, for the user to wire up
 *   routed    a tap attached to nothing with nic-routed.c's host side
 * (direct NICs of VMs are macvtaps instead: link-direct-nic.c)
 */
#include <config.h>

#include <vnet/vnet.h>

#include "network/link-tap.h"
#include "network/nic.h"
#include "util/vnet-log.h"

/**
 * vnet_nic_realize_tap:
 * @ctx: the NIC being realized (a VM guest's: no namespace)
 * @bridge: (nullable): the bridge the tap joins
 * @isolated: port isolation on @bridge
 * @network_mtu: the MTU of the network behind @bridge; 0: none set
 * @ret_fd: (out): the open tap, the caller's to close
 * @error: return location for a #GError
 *
 * Creates the tap in the domain's netdev group, records it in ctx->status
 * (host name and ifindex, no guest name), pushes its undo, and writes the
 * name the kernel gave it to nic->target_dev.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_nic_realize_tap(VnetNicCtx *ctx, const char *bridge, VnetTristate isolated,
                     guint network_mtu, int *ret_fd, GError **error)
{
    VnetDomainInterfaceDef *nic = ctx->nic;
    g_autofree char *what = vnet_nic_describe(ctx->def, nic);
    VnetTapCtx tap_ctx = {.nl = ctx->nl, .group = ctx->status->group, .describe = what};
    VnetTapDef def;
    VnetTapLink *link = NULL;
    VnetStatusLink *record;

    g_return_val_if_fail(ctx->status->group != 0 && ret_fd, FALSE);
    vnet_tap_def_from_interface(nic, &def);
    def.bridge = bridge;
    def.isolated = isolated;
    if (!def.mtu)
        def.mtu = network_mtu;
    if (!vnet_tap_realize(&def, &tap_ctx, &link, error))
        return FALSE;

    record = g_new0(VnetStatusLink, 1);
    record->name = g_strdup(link->name);
    record->ifindex = link->ifindex;
    record->group = link->group;
    record->nic = nic->mac;
    g_ptr_array_add(ctx->status->links, record);

    g_free(nic->target_dev);
    nic->target_dev = g_strdup(link->name);
    nic->target_ifindex = link->ifindex;
    *ret_fd = vnet_tap_link_steal_fd(link);
    /* the undo deletes the tap by name and ifindex: the fd is the
     * hypervisor's now, and its copy would keep the tap alive */
    vnet_undo_push(ctx->undo, what, vnet_tap_link_undo_func, link,
                   (GDestroyNotify)vnet_tap_link_free);
    vnet_debug("nic", "%s: tap %s (ifindex %d)%s%s", what, nic->target_dev, nic->target_ifindex,
               bridge ? " on " : "", bridge ? bridge : "");
    return TRUE;
}
