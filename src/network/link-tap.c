/* link-tap.c: the tap of a VM guest's NIC, made, enslaved and undone; see
 * link-tap.h. */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/link-tap.h"
#include "network/undo.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-tap.h"

#define TAP_NAME_TEMPLATE "vnet%d"

static const char *
describe(const VnetTapCtx *ctx)
{
    return ctx->describe ? ctx->describe : "tap interface";
}

/**
 * vnet_tap_def_from_interface:
 * @nic: a parsed <interface>
 * @ret: (out): what its tap looks like (pointing into @nic)
 *
 * Virtio NICs get virtio-net headers on the fd, as libvirt gives them.
 */
void
vnet_tap_def_from_interface(const VnetDomainInterfaceDef *nic, VnetTapDef *ret)
{
    memset(ret, 0, sizeof(*ret));
    ret->mac = &nic->mac;
    ret->mtu = nic->mtu;
    ret->target_dev = nic->target_dev;
    ret->down = nic->link_state == VNET_LINK_STATE_DOWN;
    ret->vnet_hdr = nic->model == VNET_NIC_MODEL_VIRTIO;
}

/**
 * vnet_tap_host_mac:
 * @guest: the guest NIC's MAC
 * @ret: (out): the host side's
 *
 * libvirt's rule: the first byte becomes 0xfe (0xfa if it is 0xfe
 * already). A bridge takes the numerically lowest MAC of its ports unless
 * it has one of its own, and 0xfe... is higher than any address a guest
 * gets, so the bridge never answers with the guest's address.
 */
void
vnet_tap_host_mac(const VnetMac *guest, VnetMac *ret)
{
    *ret = *guest;
    ret->addr[0] = guest->addr[0] == 0xfe ? 0xfa : 0xfe;
}

/**
 * vnet_tap_link_free:
 * @link: (nullable): a record
 *
 * Frees the record and closes the fd it still holds.
 */
void
vnet_tap_link_free(VnetTapLink *link)
{
    if (!link)
        return;
    if (link->tap_fd >= 0)
        close(link->tap_fd);
    g_free(link->name);
    g_free(link->bridge);
    g_free(link);
}

/**
 * vnet_tap_link_steal_fd:
 * @link: a record
 *
 * Returns: the tap fd, now the caller's to close, or -1.
 */
int
vnet_tap_link_steal_fd(VnetTapLink *link)
{
    int fd = link->tap_fd;

    link->tap_fd = -1;
    return fd;
}

/* The bridge @name as a bridge: its ifindex and MTU. */
static gboolean
find_bridge(const VnetTapCtx *ctx, const char *name, VnetNlLinkInfo *ret, GError **error)
{
    int r = vnet_nl_link_get(ctx->nl, name, ret);

    if (r == 0 && g_str_equal(ret->kind, "bridge"))
        return TRUE;
    g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED, _("%s: host bridge '%s' %s"),
                describe(ctx), name,
                r == -ENODEV ? _("does not exist")
                : r < 0      ? g_strerror(-r)
                             : _("is not a bridge"));
    return FALSE;
}

/* Sets @error for the failed step @step (taken). */
static void
set_netlink_error(const VnetTapCtx *ctx, GError **error, char *step, int r)
{
    g_autofree char *owned = step;

    vnet_step_error_errno(error, VNET_ERROR_NETLINK, owned, r,
                          vnet_nl_last_error_message(ctx->nl));
}

/**
 * vnet_tap_realize:
 * @def: the tap to make
 * @ctx: where (the host namespace) and with which group
 * @ret: (out): the record of what was made
 * @error: why it failed
 *
 * Checks the bridge, creates the tap, gives it the host-side MAC, its MTU
 * and the group, enslaves it (isolated when asked) and sets it up — one
 * netlink request for MAC, MTU, group and master, one for the port flags,
 * one for up. A failure removes the tap again.
 *
 * Returns: whether the tap exists now, its fd open in the record.
 */
gboolean
vnet_tap_realize(const VnetTapDef *def, const VnetTapCtx *ctx, VnetTapLink **ret,
                 GError **error)
{
    g_autoptr(VnetTapLink) link = NULL;
    VnetNlLinkInfo bridge = {0};
    VnetNlLinkInfo info;
    VnetNlLinkChange change = {0};
    const char *name = def->target_dev ? def->target_dev : TAP_NAME_TEMPLATE;
    char made[VNET_IFNAMSIZ] = "";
    int fd = -1;
    int r;

    g_return_val_if_fail(def->mac && ctx->nl && ctx->group != 0, FALSE);

    if (def->bridge && !find_bridge(ctx, def->bridge, &bridge, error))
        return FALSE;

    r = vnet_tap_create(name, def->vnet_hdr ? VNET_TAP_VNET_HDR : 0, made, &fd);
    if (r == -EBUSY || r == -EEXIST) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: a device called '%s' already exists"), describe(ctx), name);
        return FALSE;
    } else if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                    _("%s: creating tap %s through /dev/net/tun: %s"), describe(ctx), name,
                    g_strerror(-r));
        return FALSE;
    }
    link = g_new0(VnetTapLink, 1);
    link->tap_fd = fd;
    link->name = g_strdup(made);
    link->group = ctx->group;
    /* from here on, closing the fd (the record's free) removes the tap */
    r = vnet_nl_link_get(ctx->nl, made, &info);
    if (r < 0) {
        set_netlink_error(ctx, error,
                          g_strdup_printf(_("%s: looking up tap %s"), describe(ctx), made), r);
        return FALSE;
    }
    link->ifindex = info.ifindex;
    link->active = TRUE;

    vnet_tap_host_mac(def->mac, &link->host_mac);
    change.mac = &link->host_mac;
    change.mtu = def->mtu ? def->mtu : bridge.mtu;
    if (change.mtu == info.mtu)
        change.mtu = 0;
    change.has_group = TRUE;
    change.group = ctx->group;
    if (def->bridge) {
        change.has_master = TRUE;
        change.master = bridge.ifindex;
    }
    r = vnet_nl_link_change(ctx->nl, link->ifindex, &change);
    if (r < 0) {
        set_netlink_error(ctx, error,
                          def->bridge
                              ? g_strdup_printf(_("%s: setting up tap %s and adding it to "
                                                  "bridge '%s'"),
                                                describe(ctx), made, def->bridge)
                              : g_strdup_printf(_("%s: setting up tap %s"), describe(ctx), made),
                          r);
        goto fail;
    }
    if (def->bridge) {
        link->bridge = g_strdup(def->bridge);
        if (def->isolated != VNET_TRISTATE_ABSENT) {
            VnetNlBridgePort port = {.isolated = def->isolated};

            r = vnet_nl_bridge_port_set(ctx->nl, link->ifindex, &port);
            if (r < 0) {
                set_netlink_error(ctx, error,
                                  g_strdup_printf(_("%s: isolating bridge port %s"),
                                                  describe(ctx), made),
                                  r);
                goto fail;
            }
        }
    }
    if (!def->down && (r = vnet_nl_link_set_up(ctx->nl, link->ifindex, TRUE)) < 0) {
        set_netlink_error(ctx, error,
                          g_strdup_printf(_("%s: setting tap %s up"), describe(ctx), made), r);
        goto fail;
    }
    vnet_debug("tap", "%s: tap %s (ifindex %d) group %u%s%s", describe(ctx), link->name,
               link->ifindex, link->group, def->bridge ? " on bridge " : "",
               def->bridge ? def->bridge : "");
    *ret = g_steal_pointer(&link);
    return TRUE;

fail:
    {
        g_autoptr(GError) undo_error = NULL;

        if (!vnet_tap_link_undo(link, ctx->nl, &undo_error))
            vnet_debug("tap", "%s: rollback: %s", describe(ctx), undo_error->message);
    }
    return FALSE;
}

/**
 * vnet_tap_link_undo:
 * @link: a record from vnet_tap_realize()
 * @nl: a handle on the host namespace
 * @error: what could not be undone
 *
 * Closes the fd (the kernel removes a tap with no fd left), then deletes
 * the tap if it still exists under the name and ifindex it was made with:
 * a copy of the fd given to a hypervisor keeps it alive otherwise.
 *
 * Returns: whether the tap is gone.
 */
gboolean
vnet_tap_link_undo(VnetTapLink *link, VnetNl *nl, GError **error)
{
    VnetNlLinkInfo now;
    int r;

    if (link->tap_fd >= 0) {
        close(link->tap_fd);
        link->tap_fd = -1;
    }
    if (!link->active)
        return TRUE;
    r = vnet_nl_link_get_by_index(nl, link->ifindex, &now);
    /* the index may have been reused by someone else's link since */
    if (r == 0 && g_str_equal(now.name, link->name))
        r = vnet_nl_link_delete(nl, link->ifindex);
    if (r < 0 && r != -ENODEV) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK, _("deleting %s: %s"), link->name,
                    g_strerror(-r));
        return FALSE;
    }
    link->active = FALSE;
    return TRUE;
}

/**
 * vnet_tap_link_undo_func:
 * @data: a #VnetTapLink
 *
 * vnet_tap_link_undo() as a VnetUndoFunc: opens its own netlink handle on
 * the calling thread's namespace and logs failures at debug level.
 */
void
vnet_tap_link_undo_func(gpointer data)
{
    VnetTapLink *link = data;
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    int r = vnet_nl_open(&nl);

    if (r < 0) {
        vnet_debug("tap", "undo of %s: opening netlink: %s", link->name, g_strerror(-r));
        return;
    }
    if (!vnet_tap_link_undo(link, nl, &error))
        vnet_debug("tap", "undo of %s: %s", link->name, error->message);
}
