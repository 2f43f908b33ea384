/* backend-netns.c: the network-namespace guest. The guest of domain NAME is
 * the named namespace NAME (visible to `ip netns`), and each NIC becomes
 * ethN inside it, in NIC order. It runs no process: the bind mount keeps the
 * namespace alive, and its inode, kept in the status file, tells a later
 * process whether it is still the one vnet made. */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/backend.h"
#include "network/nic.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-netns.h"

typedef struct {
    int fd;
} NetnsFd;

static void
netns_fd_close(NetnsFd *fd)
{
    if (fd->fd >= 0)
        close(fd->fd);
    fd->fd = -1;
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(NetnsFd, netns_fd_close)

static gboolean
open_netns(const char *name, NetnsFd *ret, GError **error)
{
    int r = vnet_netns_open(name, &ret->fd);

    if (r < 0) {
        ret->fd = -1;
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                    _("opening network namespace '%s': %s"), name, g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

static gboolean
open_nl(VnetNl **ret, GError **error)
{
    int r = vnet_nl_open(ret);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK, _("opening a netlink socket: %s"),
                    g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

static void
netns_undo(gpointer data)
{
    int r = vnet_netns_destroy(data);

    if (r < 0)
        vnet_debug("netns", "undo: removing namespace %s: %s", (char *)data, g_strerror(-r));
}

/* The first ethN that no realized NIC of @status uses. */
static char *
next_guest_name(const VnetDomainStatus *status)
{
    for (guint n = 0;; n++) {
        g_autofree char *name = g_strdup_printf("eth%u", n);
        gboolean used = FALSE;

        for (guint i = 0; i < status->links->len && !used; i++) {
            const VnetStatusLink *link = g_ptr_array_index(status->links, i);

            used = g_strcmp0(link->guest_name, name) == 0;
        }
        if (!used)
            return g_steal_pointer(&name);
    }
}

static gboolean
realize_nic(VnetGuestCtx *ctx, VnetNl *nl, int netns_fd, VnetDomainInterfaceDef *nic,
            GError **error)
{
    const VnetNicOps *ops = vnet_nic_ops_get(nic->type);
    g_autofree char *guest_name = next_guest_name(ctx->status);
    VnetNicCtx nic_ctx = {
        .def = ctx->live,
        .nic = nic,
        .status = ctx->status,
        .undo = ctx->undo,
        .nl = nl,
        .netns_fd = netns_fd,
        .guest_name = guest_name,
    };

    if (!ops->realize_netns) {
        g_autofree char *what = vnet_nic_describe(ctx->live, nic);

        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                    _("%s: realizing this kind on a netns guest is not available yet"), what);
        return FALSE;
    }
    return ops->realize_netns(&nic_ctx, error);
}

static gboolean
netns_start(VnetGuestCtx *ctx, GError **error)
{
    const char *name = ctx->live->name;
    g_autofree char *step = g_strdup_printf(_("creating network namespace '%s'"), name);
    g_auto(NetnsFd) fd = {-1};
    g_autoptr(VnetNl) nl = NULL;
    guint64 inode = 0;
    int r;

    if (!vnet_netns_name_is_valid(name)) {
        vnet_step_error(error, VNET_ERROR_CONFIG_INVALID, step,
                        _("'%s' cannot name a network namespace"), name);
        return FALSE;
    }
    r = vnet_netns_create(name, &inode);
    if (r == -EEXIST) {
        vnet_step_error(error, VNET_ERROR_OPERATION_FAILED, step,
                        _("a namespace with that name already exists (not made by vnet for "
                          "this domain); remove it with 'ip netns delete %s'"),
                        name);
        return FALSE;
    } else if (r < 0) {
        vnet_step_error_errno(error, VNET_ERROR_SYSTEM, step, r, NULL);
        return FALSE;
    }
    vnet_undo_push(ctx->undo, step, netns_undo, g_strdup(name), g_free);
    ctx->status->netns = g_strdup(name);
    ctx->status->netns_inode = inode;

    if (!open_netns(name, &fd, error) || !open_nl(&nl, error))
        return FALSE;
    for (guint i = 0; i < ctx->live->interfaces->len; i++) {
        if (!realize_nic(ctx, nl, fd.fd, g_ptr_array_index(ctx->live->interfaces, i), error))
            return FALSE;
    }
    return TRUE;
}

/* Deletes a recorded host link if it is still the one vnet made. */
static void
delete_link(VnetNl *nl, const VnetStatusLink *link)
{
    VnetNlLinkInfo info;
    int r = vnet_nl_link_get_by_index(nl, link->ifindex, &info);

    if (r < 0 || g_strcmp0(info.name, link->name) != 0) {
        vnet_debug("netns", "link %s (ifindex %d) is already gone", link->name, link->ifindex);
        return;
    }
    r = vnet_nl_link_delete(nl, link->ifindex);
    if (r < 0 && r != -ENODEV)
        vnet_debug("netns", "deleting %s: %s", link->name, g_strerror(-r));
}

static gboolean
netns_stop(const VnetDomainDef *live, VnetDomainStatus *status, GError **error)
{
    g_autoptr(VnetNl) nl = NULL;
    guint64 inode = 0;
    int r;

    if (!open_nl(&nl, error))
        return FALSE;
    for (guint i = status->links->len; i > 0; i--)
        delete_link(nl, g_ptr_array_index(status->links, i - 1));
    if (!status->netns)
        return TRUE;

    r = vnet_netns_get_inode(status->netns, &inode);
    if (r == -ENOENT)
        return TRUE;
    if (r == 0 && inode != status->netns_inode) {
        /* Someone else's namespace by the same name: not ours to remove. */
        vnet_debug("netns", "namespace %s has inode %" G_GUINT64_FORMAT ", not %" G_GUINT64_FORMAT
                   "; leaving it",
                   status->netns, inode, status->netns_inode);
        return TRUE;
    }
    /* Ours, or a leftover mount point (-ENXIO). */
    r = vnet_netns_destroy(status->netns);
    if (r < 0 && r != -ENOENT) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                    _("removing network namespace '%s': %s"), status->netns, g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

static gboolean
netns_is_alive(const VnetDomainStatus *status)
{
    guint64 inode = 0;

    if (!status->netns)
        return FALSE;
    return vnet_netns_get_inode(status->netns, &inode) == 0 && inode == status->netns_inode;
}

static gboolean
netns_attach_nic(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error)
{
    g_auto(NetnsFd) fd = {-1};
    g_autoptr(VnetNl) nl = NULL;

    if (!open_netns(ctx->status->netns, &fd, error) || !open_nl(&nl, error))
        return FALSE;
    return realize_nic(ctx, nl, fd.fd, nic, error);
}

static gboolean
netns_detach_nic(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, GError **error)
{
    VnetStatusLink *link = vnet_domain_status_find_link(ctx->status, &nic->mac);
    g_autoptr(VnetNl) nl = NULL;

    if (!link)
        return TRUE;
    if (!open_nl(&nl, error))
        return FALSE;
    /* Deleting the host end removes the guest end with it. */
    delete_link(nl, link);
    vnet_domain_status_remove_link(ctx->status, link);
    return TRUE;
}

static gboolean
netns_set_link_state(VnetGuestCtx *ctx, VnetDomainInterfaceDef *nic, gboolean up,
                     GError **error)
{
    VnetStatusLink *link = vnet_domain_status_find_link(ctx->status, &nic->mac);
    g_autofree char *what = vnet_nic_describe(ctx->live, nic);
    g_autofree char *step = NULL;
    g_auto(NetnsFd) fd = {-1};
    g_autoptr(VnetNl) nl = NULL;
    VnetNlLinkInfo info;
    int r;

    if (!link || !link->guest_name)
        return TRUE;
    step = g_strdup_printf(_("%s: setting %s %s in namespace '%s'"), what, link->guest_name,
                           up ? "up" : "down", ctx->status->netns);
    if (!open_netns(ctx->status->netns, &fd, error))
        return FALSE;
    r = vnet_nl_open_in_netns(fd.fd, &nl);
    if (r == 0)
        r = vnet_nl_link_get(nl, link->guest_name, &info);
    if (r == 0)
        r = vnet_nl_link_set_up(nl, info.ifindex, up);
    if (r < 0) {
        vnet_step_error_errno(error, VNET_ERROR_NETLINK, step, r,
                              nl ? vnet_nl_last_error_message(nl) : NULL);
        return FALSE;
    }
    return TRUE;
}

const VnetGuestBackend vnet_guest_backend_netns = {
    .name = "netns",
    .start = netns_start,
    .stop = netns_stop,
    .is_alive = netns_is_alive,
    .attach_nic = netns_attach_nic,
    .detach_nic = netns_detach_nic,
    .set_link_state = netns_set_link_state,
};
