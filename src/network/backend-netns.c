/* backend-netns.c: the network-namespace guest. The guest of domain NAME is
 * the named namespace NAME (visible to `ip netns`), and each NIC becomes
 * ethN inside it, in NIC order. It runs no process: the bind mount keeps the
 * namespace alive, and its cookie (never reused within a boot; the inode on
 * kernels without SO_NETNS_COOKIE), kept in the status file, tells a later
 * process whether it is still the one vnet made.
 *
 * Every link the domain makes carries the domain's netdev group
 * (netdev-group.h), so destroy removes the host-side links with one
 * RTM_DELLINK and the direct NICs' macvlans with one more inside the guest's
 * namespace. */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/backend.h"
#include "network/link-direct-nic.h"
#include "network/netdev-group.h"
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
group_undo(gpointer data)
{
    vnet_netdev_group_release(GPOINTER_TO_UINT(data));
}

/* Opens the namespace @status records when it is still the one made: 0
 * with @ret set; -ESTALE when another namespace has that name now; -ENOENT
 * when there is none; -ENXIO for a leftover mount point. */
static int
open_ours(const VnetDomainStatus *status, NetnsFd *ret)
{
    guint64 id = 0;
    int r = vnet_netns_open(status->netns, &ret->fd);

    if (r < 0) {
        ret->fd = -1;
        return r;
    }
    if (status->netns_cookie) {
        r = vnet_netns_fd_get_cookie(ret->fd, &id);
        if (r == 0 && id != status->netns_cookie)
            r = -ESTALE;
    } else {
        r = vnet_netns_fd_get_inode(ret->fd, &id);
        if (r == 0 && id != status->netns_inode)
            r = -ESTALE;
    }
    if (r < 0)
        netns_fd_close(ret);
    return r;
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
    const char *network = vnet_nic_network_name(nic);

    if (network && ctx->find_network)
        nic_ctx.network = ctx->find_network(ctx->find_network_data, network);

    if (!ops->realize_netns) {
        g_autofree char *what = vnet_nic_describe(ctx->live, nic);

        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                    _("%s: a netns guest cannot have this kind of interface: a hypervisor's "
                      "network backend (kvm/qemu) realizes it"),
                    what);
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
    guint64 cookie = 0;
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
    /* 0 (not recorded) on kernels before 5.14: the inode is used then */
    if (vnet_netns_fd_get_cookie(fd.fd, &cookie) == 0)
        ctx->status->netns_cookie = cookie;
    if (!vnet_netdev_group_allocate(nl, &ctx->status->group, error))
        return FALSE;
    vnet_undo_push(ctx->undo, _("reserving a netdev group"), group_undo,
                   GUINT_TO_POINTER(ctx->status->group), NULL);
    for (guint i = 0; i < ctx->live->interfaces->len; i++) {
        if (!realize_nic(ctx, nl, fd.fd, g_ptr_array_index(ctx->live->interfaces, i), error))
            return FALSE;
    }
    return TRUE;
}

/* Host state of @only (NULL: every NIC of @live) beyond its links. */
static void
release_nics(const VnetDomainDef *live, const VnetDomainInterfaceDef *only)
{
    for (guint i = 0; i < live->interfaces->len; i++) {
        const VnetDomainInterfaceDef *nic = g_ptr_array_index(live->interfaces, i);
        const VnetNicOps *ops = vnet_nic_ops_get(nic->type);

        if ((!only || nic == only) && ops->release)
            ops->release(live, nic);
    }
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

/* Removes the host-side links of @status: one request for the domain's
 * group when every such link carries it, else (older status files, or a
 * group the kernel refuses to delete) one by one. */
static void
delete_host_links(VnetNl *nl, const VnetDomainStatus *status)
{
    gboolean by_group = status->group != 0;
    gboolean any = FALSE;
    int r;

    for (guint i = 0; i < status->links->len; i++) {
        const VnetStatusLink *link = g_ptr_array_index(status->links, i);

        if (link->ifindex <= 0)
            continue;
        any = TRUE;
        by_group = by_group && link->group == status->group;
    }
    if (!any)
        return;
    if (by_group) {
        r = vnet_nl_link_delete_group(nl, status->group);
        if (r == 0)
            return;
        vnet_debug("netns", "deleting netdev group %u: %s; deleting one by one", status->group,
                   g_strerror(-r));
    }
    for (guint i = status->links->len; i > 0; i--) {
        const VnetStatusLink *link = g_ptr_array_index(status->links, i - 1);

        if (link->ifindex > 0)
            delete_link(nl, link);
    }
}

static gboolean
netns_stop(const VnetDomainDef *live, VnetDomainStatus *status, GError **error)
{
    g_autoptr(VnetNl) nl = NULL;
    g_auto(NetnsFd) fd = {-1};
    int r = -ENOENT;

    if (!open_nl(&nl, error))
        return FALSE;
    if (status->netns)
        r = open_ours(status, &fd);
    /* The direct NICs' macvlans first (one request in the guest), then the
     * passthrough devices they mirrored get their own settings back. */
    if (!vnet_nic_direct_stop_netns(live, status, fd.fd, error))
        return FALSE;
    release_nics(live, NULL);
    delete_host_links(nl, status);
    netns_fd_close(&fd);
    vnet_netdev_group_release(status->group);
    if (!status->netns || r == -ENOENT)
        return TRUE;
    if (r == -ESTALE) {
        /* Someone else's namespace by the same name: not ours to remove. */
        vnet_debug("netns", "namespace %s is not the one vnet made; leaving it", status->netns);
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
    g_auto(NetnsFd) fd = {-1};

    return status->netns && open_ours(status, &fd) == 0;
}

static void
netns_adopt(const VnetDomainDef *live, const VnetDomainStatus *status)
{
    vnet_netdev_group_reserve(status->group);
    vnet_nic_direct_adopt(live, status);
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

    if (nic->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT) {
        g_auto(NetnsFd) fd = {-1};

        if (!open_netns(ctx->status->netns, &fd, error))
            return FALSE;
        return vnet_nic_direct_detach_netns(ctx->live, nic, ctx->status, fd.fd, error);
    }
    release_nics(ctx->live, nic);
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
    .adopt = netns_adopt,
    .attach_nic = netns_attach_nic,
    .detach_nic = netns_detach_nic,
    .set_link_state = netns_set_link_state,
};
