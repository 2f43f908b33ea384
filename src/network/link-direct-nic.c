/* link-direct-nic.c: direct NICs behind the NIC ops table; see
 * link-direct-nic.h. */
#include <config.h>

#include <errno.h>

#include <vnet/vnet.h>

#include "network/link-direct-nic.h"
#include "network/status.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

static GMutex count_lock;
static guint64 delete_requests;

/**
 * vnet_nic_direct_registry:
 *
 * Returns: (transfer none): the process-wide registry of device claims.
 */
VnetDirectRegistry *
vnet_nic_direct_registry(void)
{
    static VnetDirectRegistry *registry;

    if (g_once_init_enter(&registry))
        g_once_init_leave(&registry, vnet_direct_registry_new());
    return registry;
}

/**
 * vnet_nic_direct_get_delete_requests:
 *
 * Returns: how many RTM_DELLINK requests stops have sent for direct NICs.
 */
guint64
vnet_nic_direct_get_delete_requests(void)
{
    guint64 n;

    g_mutex_lock(&count_lock);
    n = delete_requests;
    g_mutex_unlock(&count_lock);
    return n;
}

static void
count_requests(VnetNl *nl, guint64 before)
{
    g_mutex_lock(&count_lock);
    delete_requests += vnet_nl_get_request_count(nl) - before;
    g_mutex_unlock(&count_lock);
}

/* ---- realize ------------------------------------------------------------ */

typedef struct {
    VnetDomainStatus *status;
    VnetMac nic;
} ForgetPassthrough;

/* Rollback of an attach: the record goes; the link's own undo puts the
 * device back. */
static void
forget_passthrough(gpointer data)
{
    ForgetPassthrough *f = data;
    VnetStatusPassthrough *pt = vnet_domain_status_find_passthrough(f->status, &f->nic);

    if (pt)
        g_ptr_array_remove(f->status->passthrough, pt);
}

/* A macvlan in the guest's namespace (@ret_fd NULL), or for a VM guest a
 * macvtap in the host's whose character device goes to *@ret_fd. */
static gboolean
direct_realize(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    g_autofree char *what = vnet_nic_describe(ctx->def, ctx->nic);
    gboolean vm = ret_fd != NULL;
    VnetDirectDef def;
    VnetDirectCtx direct = {
        .nl = ctx->nl,
        .group = ctx->status->group,
        .domain = ctx->def->name,
        .describe = what,
        .registry = vnet_nic_direct_registry(),
        .netns = !vm,
        .netns_fd = vm ? -1 : ctx->netns_fd,
        .guest_name = vm ? NULL : ctx->guest_name,
    };
    VnetDirectLink *link = NULL;
    VnetStatusLink *record;

    g_return_val_if_fail(ctx->status->group != 0, FALSE);
    vnet_direct_def_from_interface(ctx->nic, &def);
    if (!vnet_direct_realize(&def, &direct, &link, error))
        return FALSE;
    vnet_undo_push(ctx->undo, what, vnet_direct_link_undo_func, link,
                   (GDestroyNotify)vnet_direct_link_free);

    record = g_new0(VnetStatusLink, 1);
    record->name = g_strdup(link->name);
    record->group = link->group;
    record->nic = ctx->nic->mac;
    if (vm) {
        /* the macvtap is a host link like a tap: deleted by name and
         * ifindex, or with the domain's group */
        record->ifindex = link->ifindex;
        g_free(ctx->nic->target_dev);
        ctx->nic->target_dev = g_strdup(link->name);
        ctx->nic->target_ifindex = link->ifindex;
        /* the undo (still owning the record) deletes the macvtap by name
         * and ifindex; the fd is the hypervisor's now */
        *ret_fd = vnet_direct_link_steal_tap_fd(link);
    } else {
        /* The macvlan lives in the guest's namespace only: no host
         * ifindex, so nothing that deletes host links by index ever looks
         * for it. */
        record->guest_name = g_strdup(ctx->guest_name);
    }
    g_ptr_array_add(ctx->status->links, record);

    if (link->passthrough) {
        VnetStatusPassthrough *pt = g_new0(VnetStatusPassthrough, 1);
        ForgetPassthrough *f = g_new0(ForgetPassthrough, 1);

        pt->dev = g_strdup(link->source_dev);
        pt->ifindex = link->source_ifindex;
        pt->mac = link->saved_mac;
        pt->mtu = link->saved_mtu;
        pt->up = link->saved_up;
        pt->nic = ctx->nic->mac;
        g_ptr_array_add(ctx->status->passthrough, pt);
        f->status = ctx->status;
        f->nic = ctx->nic->mac;
        vnet_undo_push(ctx->undo, what, forget_passthrough, f, g_free);
    }
    vnet_debug("direct", "%s: %s %s on %s%s, group %u", what, vm ? "macvtap" : "macvlan",
               link->name, link->source_dev, vm ? "" : " in the guest namespace", link->group);
    return TRUE;
}

static gboolean
direct_realize_netns(VnetNicCtx *ctx, GError **error)
{
    return direct_realize(ctx, NULL, error);
}

static gboolean
direct_realize_vm(VnetNicCtx *ctx, int *ret_fd, GError **error)
{
    g_return_val_if_fail(ret_fd, FALSE);
    return direct_realize(ctx, ret_fd, error);
}

/* ---- stop, detach, adopt -------------------------------------------------- */

/* The direct NIC @link realizes, or NULL when it is another kind. */
static const VnetDomainInterfaceDef *
direct_nic_of(const VnetDomainDef *live, const VnetStatusLink *link)
{
    for (guint i = 0; i < live->interfaces->len; i++) {
        const VnetDomainInterfaceDef *nic = g_ptr_array_index(live->interfaces, i);

        if (nic->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT && vnet_mac_equal(&nic->mac, &link->nic))
            return nic;
    }
    return NULL;
}

/* Gives a passthrough device its recorded MAC, MTU and state back. */
static gboolean
restore_device(VnetNl *nl, const VnetStatusPassthrough *pt, GError **error)
{
    VnetDirectLink link = {
        .tap_fd = -1,
        .netns_fd = -1,
        .source_dev = pt->dev,
        .source_ifindex = pt->ifindex,
        .passthrough = TRUE,
        .saved_mac = pt->mac,
        .saved_mtu = pt->mtu,
        .saved_up = pt->up,
    };

    /* not active and no registry: the undo only restores the device (a
     * device that is gone, or another one by now under that index, is left
     * alone) */
    return vnet_direct_link_undo(&link, nl, error);
}

static gboolean
restore_all(VnetNl *nl, VnetDomainStatus *status, GError **error)
{
    gboolean ok = TRUE;

    /* newest first, as a rollback would */
    for (guint i = status->passthrough->len; i > 0; i--) {
        VnetStatusPassthrough *pt = g_ptr_array_index(status->passthrough, i - 1);
        g_autoptr(GError) local_error = NULL;

        if (!restore_device(nl, pt, &local_error)) {
            if (ok)
                g_propagate_error(error, g_steal_pointer(&local_error));
            ok = FALSE;
            continue;
        }
        g_ptr_array_remove_index(status->passthrough, i - 1);
    }
    return ok;
}

static gboolean
open_host(VnetNl **ret, const char *domain, GError **error)
{
    int r = vnet_nl_open(ret);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("removing the direct interfaces of domain '%s': %s"), domain,
                    g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

/* Deletes the direct links of @live in the namespace of @guest_nl: one
 * request per group they were made with (one: the domain's). */
static gboolean
delete_groups(const VnetDomainDef *live, VnetDomainStatus *status, VnetNl *guest_nl,
              GError **error)
{
    g_autoptr(GArray) groups = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint64 before = vnet_nl_get_request_count(guest_nl);
    int r = 0;

    for (guint i = 0; i < status->links->len; i++) {
        const VnetStatusLink *link = g_ptr_array_index(status->links, i);
        gboolean seen = FALSE;

        if (!direct_nic_of(live, link) || link->group == 0)
            continue;
        for (guint j = 0; j < groups->len && !seen; j++)
            seen = g_array_index(groups, guint32, j) == link->group;
        if (!seen)
            g_array_append_val(groups, link->group);
    }
    for (guint j = 0; j < groups->len && r >= 0; j++)
        r = vnet_nl_link_delete_group(guest_nl, g_array_index(groups, guint32, j));
    count_requests(guest_nl, before);
    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("removing the direct interfaces of domain '%s' from its namespace: %s"),
                    live->name, g_strerror(-r));
        return FALSE;
    }
    for (guint i = status->links->len; i > 0; i--) {
        if (direct_nic_of(live, g_ptr_array_index(status->links, i - 1)))
            g_ptr_array_remove_index(status->links, i - 1);
    }
    return TRUE;
}

/**
 * vnet_nic_direct_stop_netns:
 * @live: a running domain's live definition
 * @status: its status
 * @netns_fd: its namespace, or -1 when that is gone
 * @error: what could not be undone
 *
 * Returns: whether the domain's direct NICs are gone and passthrough
 *   devices restored.
 */
gboolean
vnet_nic_direct_stop_netns(const VnetDomainDef *live, VnetDomainStatus *status, int netns_fd,
                           GError **error)
{
    g_autoptr(VnetNl) nl = NULL;
    gboolean any = FALSE;
    int r;

    for (guint i = 0; i < status->links->len && !any; i++)
        any = direct_nic_of(live, g_ptr_array_index(status->links, i)) != NULL;
    if (any && netns_fd >= 0) {
        g_autoptr(VnetNl) guest_nl = NULL;

        r = vnet_nl_open_in_netns(netns_fd, &guest_nl);
        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                        _("removing the direct interfaces of domain '%s': %s"), live->name,
                        g_strerror(-r));
            return FALSE;
        }
        if (!delete_groups(live, status, guest_nl, error))
            return FALSE;
    }
    if (status->passthrough->len > 0) {
        if (!open_host(&nl, live->name, error) || !restore_all(nl, status, error))
            return FALSE;
    }
    vnet_direct_registry_release_domain(vnet_nic_direct_registry(), live->name);
    return TRUE;
}

/**
 * vnet_nic_direct_detach_netns:
 * @live: a running domain's live definition
 * @nic: its direct NIC to remove
 * @status: its status
 * @netns_fd: its namespace
 * @error: what could not be undone
 *
 * Deletes the NIC's macvlan (when it is still the one made: a macvlan in
 * the domain's group under the recorded name), restores a passthrough
 * device, drops the claim and the records.
 *
 * Returns: whether the NIC is gone.
 */
gboolean
vnet_nic_direct_detach_netns(const VnetDomainDef *live, const VnetDomainInterfaceDef *nic,
                             VnetDomainStatus *status, int netns_fd, GError **error)
{
    VnetStatusLink *link = vnet_domain_status_find_link(status, &nic->mac);
    VnetStatusPassthrough *pt = vnet_domain_status_find_passthrough(status, &nic->mac);
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetNl) guest_nl = NULL;
    VnetNlLinkInfo info;
    int r;

    if (link && link->guest_name) {
        r = vnet_nl_open_in_netns(netns_fd, &guest_nl);
        if (r == 0) {
            r = vnet_nl_link_get(guest_nl, link->guest_name, &info);
            if (r == 0 && vnet_nl_link_info_is_macvlan(&info) && info.group == link->group)
                r = vnet_nl_link_delete(guest_nl, info.ifindex);
            if (r == -ENODEV)
                r = 0;
        }
        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                        _("removing %s of domain '%s' from its namespace: %s"), link->guest_name,
                        live->name, g_strerror(-r));
            return FALSE;
        }
    }
    if (pt) {
        if (!open_host(&nl, live->name, error) || !restore_device(nl, pt, error))
            return FALSE;
        g_ptr_array_remove(status->passthrough, pt);
    }
    vnet_direct_registry_release(vnet_nic_direct_registry(), nic->source_dev, nic->direct_mode,
                                 live->name);
    if (link)
        vnet_domain_status_remove_link(status, link);
    return TRUE;
}

/**
 * vnet_nic_direct_adopt:
 * @live: the live definition of a domain found running
 * @status: its status
 *
 * Claims the devices of its realized direct NICs again. Doing it twice (a
 * second connection in the same process) changes nothing.
 */
void
vnet_nic_direct_adopt(const VnetDomainDef *live, const VnetDomainStatus *status)
{
    VnetDirectRegistry *registry = vnet_nic_direct_registry();

    vnet_direct_registry_release_domain(registry, live->name);
    for (guint i = 0; i < status->links->len; i++) {
        const VnetDomainInterfaceDef *nic = direct_nic_of(live, g_ptr_array_index(status->links, i));
        g_autoptr(GError) error = NULL;

        if (nic && nic->source_dev &&
            !vnet_direct_registry_claim(registry, nic->source_dev, nic->direct_mode, live->name,
                                        &error))
            vnet_debug("direct", "domain %s found running: %s", live->name, error->message);
    }
}

const VnetNicOps vnet_nic_direct_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_DIRECT,
    .realize_netns = direct_realize_netns,
    .realize_vm = direct_realize_vm,
};
