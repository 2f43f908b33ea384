/* nic-veth.c: NIC kinds realized on a netns guest as a veth pair — the
 * guest end is ethN inside the namespace, the host end (named after
 * <target dev> or vnetN, in the domain's netdev group) stays in the host.
 *
 *   ethernet  a plain host-side device: the host end is up and attached to
 *             nothing, ready for whatever the user wires it to
 *   null      "not attached": the host end stays down, so the guest's ethN
 *             exists but never has carrier
 */
#include <config.h>

#include <errno.h>

#include <vnet/vnet.h>

#include "network/nic.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

#define HOST_NAME_TEMPLATE "vnet%d"

typedef struct {
    int ifindex;
    char *name;
} LinkUndo;

static void
link_undo_free(gpointer data)
{
    LinkUndo *undo = data;

    g_free(undo->name);
    g_free(undo);
}

static void
link_undo(gpointer data)
{
    LinkUndo *undo = data;
    g_autoptr(VnetNl) nl = NULL;
    int r = vnet_nl_open(&nl);

    if (r == 0)
        r = vnet_nl_link_delete(nl, undo->ifindex);
    if (r < 0)
        vnet_debug("nic", "undo: deleting %s (ifindex %d): %s", undo->name, undo->ifindex,
                   g_strerror(-r));
}

/**
 * vnet_nic_realize_veth:
 * @ctx: the NIC being realized
 * @host_up: whether the host end comes up
 * @ret_ifindex: (out) (optional): the host end's ifindex
 * @error: return location for a #GError
 *
 * Creates the NIC's veth pair, records it and pushes its undo.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_nic_realize_veth(VnetNicCtx *ctx, gboolean host_up, int *ret_ifindex, GError **error)
{
    VnetDomainInterfaceDef *nic = ctx->nic;
    g_autofree char *what = vnet_nic_describe(ctx->def, nic);
    g_autofree char *step = NULL;
    VnetNlLinkDef link = {0};
    VnetNlLinkInfo info = {0};
    VnetStatusLink *record;
    LinkUndo *undo;
    int r;

    link.kind = VNET_NL_LINK_KIND_VETH;
    link.name = nic->target_dev ? nic->target_dev : HOST_NAME_TEMPLATE;
    link.mtu = nic->mtu;
    link.has_group = TRUE;
    link.group = ctx->status->group;
    link.up = host_up ? VNET_TRISTATE_YES : VNET_TRISTATE_NO;
    link.peer_name = ctx->guest_name;
    link.peer_mac = &nic->mac;
    link.peer_mtu = nic->mtu;
    /* vnet_nl_link_create raises the guest end itself, in its own request
     * from inside the guest (the kernel refuses a peer created up), and
     * deletes the pair again when that fails */
    link.peer_up = nic->link_state != VNET_LINK_STATE_DOWN ? VNET_TRISTATE_YES
                                                           : VNET_TRISTATE_ABSENT;
    link.has_peer_netns_fd = TRUE;
    link.peer_netns_fd = ctx->netns_fd;

    step = g_strdup_printf(_("%s: creating veth pair %s (host) / %s (guest)"), what, link.name,
                           ctx->guest_name);
    r = vnet_nl_link_create(ctx->nl, &link, &info);
    if (r < 0) {
        if (r == -EEXIST && nic->target_dev)
            vnet_step_error(error, VNET_ERROR_OPERATION_FAILED, step,
                            _("a device called '%s' already exists"), nic->target_dev);
        else
            vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                                  vnet_nl_last_error_message(ctx->nl));
        return FALSE;
    }

    undo = g_new0(LinkUndo, 1);
    undo->ifindex = info.ifindex;
    undo->name = g_strdup(info.name);
    vnet_undo_push(ctx->undo, step, link_undo, undo, link_undo_free);

    record = g_new0(VnetStatusLink, 1);
    record->name = g_strdup(info.name);
    record->ifindex = info.ifindex;
    record->group = ctx->status->group;
    record->nic = nic->mac;
    record->guest_name = g_strdup(ctx->guest_name);
    g_ptr_array_add(ctx->status->links, record);

    g_free(nic->target_dev);
    nic->target_dev = g_strdup(info.name);
    nic->target_ifindex = info.ifindex;
    if (ret_ifindex)
        *ret_ifindex = info.ifindex;
    vnet_debug("nic", "%s: host %s (ifindex %d), guest %s", what, info.name, info.ifindex,
               ctx->guest_name);
    return TRUE;
}

static gboolean
ethernet_realize_netns(VnetNicCtx *ctx, GError **error)
{
    return vnet_nic_realize_veth(ctx, TRUE, NULL, error);
}

static gboolean
null_realize_netns(VnetNicCtx *ctx, GError **error)
{
    return vnet_nic_realize_veth(ctx, FALSE, NULL, error);
}

/* A VM's ethernet NIC: a tap attached to nothing, as libvirt makes it. */
static gboolean
ethernet_realize_vm(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    return vnet_nic_realize_tap(ctx, NULL, VNET_TRISTATE_ABSENT, 0, ret_fd, error);
}

/* A VM's "not attached" NIC (VirtualBox's null attachment): the guest
 * sees its card with no cable, and the host has nothing for it — no tap
 * whose fd would carry frames nowhere. *ret_fd -1 tells the hypervisor to
 * give the card no peer (QEMU: a -device without netdev). */
static gboolean
null_realize_vm(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    g_autofree char *what = vnet_nic_describe(ctx->def, ctx->nic);

    g_return_val_if_fail(ret_fd, FALSE);
    *ret_fd = -1;
    vnet_debug("nic", "%s: not attached, nothing on the host", what);
    return TRUE;
}

const VnetNicOps vnet_nic_ethernet_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_ETHERNET,
    .realize_netns = ethernet_realize_netns,
    .realize_vm = ethernet_realize_vm,
};

const VnetNicOps vnet_nic_null_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_NULL,
    .realize_netns = null_realize_netns,
    .realize_vm = null_realize_vm,
};
