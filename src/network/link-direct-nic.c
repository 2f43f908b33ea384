/* link-direct-nic.c: direct NICs behind the NIC ops table; see
 * link-direct-nic.h. */
#include <config.h>

#include <vnet/vnet.h>

#include "network/link-direct-nic.h"
#include "network/status.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

static GMutex running_lock;
/* domain name -> GPtrArray of VnetDirectLink: what each running domain's
 * direct NICs hold (claims, saved passthrough state), without fds */
static GHashTable *running;

/**
 * vnet_nic_direct_registry:
 *
 * Returns: (transfer none): the process-wide passthrough registry.
 */
VnetDirectRegistry *
vnet_nic_direct_registry(void)
{
    static VnetDirectRegistry *registry;

    if (g_once_init_enter(&registry))
        g_once_init_leave(&registry, vnet_direct_registry_new());
    return registry;
}

/* A copy of @link's host-facing state, for the stop that comes later. */
static VnetDirectLink *
shadow_of(const VnetDirectLink *link)
{
    VnetDirectLink *shadow = g_new0(VnetDirectLink, 1);

    *shadow = *link;
    shadow->name = g_strdup(link->name);
    shadow->source_dev = g_strdup(link->source_dev);
    shadow->domain = g_strdup(link->domain);
    shadow->registry = link->registry ? vnet_direct_registry_ref(link->registry) : NULL;
    shadow->tap_fd = -1;
    shadow->netns_fd = -1;
    shadow->in_netns = FALSE;
    return shadow;
}

static void
remember(const char *domain, VnetDirectLink *shadow)
{
    GPtrArray *links;

    g_mutex_lock(&running_lock);
    if (!running)
        running = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_ptr_array_unref);
    links = g_hash_table_lookup(running, domain);
    if (!links) {
        links = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_direct_link_free);
        g_hash_table_insert(running, g_strdup(domain), links);
    }
    g_ptr_array_add(links, shadow);
    g_mutex_unlock(&running_lock);
}

typedef struct {
    char *domain;
    VnetDirectLink *shadow;
} Forget;

static void
forget_free(gpointer data)
{
    Forget *forget = data;

    g_free(forget->domain);
    g_free(forget);
}

/* Rollback: the shadow goes; the record's own undo puts the host back. */
static void
forget(gpointer data)
{
    Forget *f = data;
    GPtrArray *links;

    g_mutex_lock(&running_lock);
    links = running ? g_hash_table_lookup(running, f->domain) : NULL;
    if (links) {
        /* not released: the claim belongs to the record being undone */
        g_clear_pointer(&f->shadow->registry, vnet_direct_registry_unref);
        g_ptr_array_remove(links, f->shadow);
        if (links->len == 0)
            g_hash_table_remove(running, f->domain);
    }
    g_mutex_unlock(&running_lock);
}

static gboolean
direct_realize_netns(VnetNicCtx *ctx, GError **error)
{
    g_autofree char *what = vnet_nic_describe(ctx->def, ctx->nic);
    VnetDirectDef def;
    VnetDirectCtx direct = {
        .nl = ctx->nl,
        .group = VNET_NETDEV_GROUP,
        .domain = ctx->def->name,
        .describe = what,
        .registry = vnet_nic_direct_registry(),
        .netns = TRUE,
        .netns_fd = ctx->netns_fd,
        .guest_name = ctx->guest_name,
    };
    VnetDirectLink *link = NULL;
    VnetStatusLink *record;
    Forget *f;

    vnet_direct_def_from_interface(ctx->nic, &def);
    if (!vnet_direct_realize(&def, &direct, &link, error))
        return FALSE;
    vnet_undo_push(ctx->undo, what, vnet_direct_link_undo_func, link,
                   (GDestroyNotify)vnet_direct_link_free);

    f = g_new0(Forget, 1);
    f->domain = g_strdup(ctx->def->name);
    f->shadow = shadow_of(link);
    remember(ctx->def->name, f->shadow);
    vnet_undo_push(ctx->undo, what, forget, f, forget_free);

    /* The macvlan lives in the guest's namespace only: ifindex 0 keeps the
     * host-side link deletion of the status file away from host links that
     * happen to share its index. */
    record = g_new0(VnetStatusLink, 1);
    record->name = g_strdup(link->name);
    record->ifindex = 0;
    record->group = VNET_NETDEV_GROUP;
    record->nic = ctx->nic->mac;
    record->guest_name = g_strdup(ctx->guest_name);
    g_ptr_array_add(ctx->status->links, record);
    vnet_debug("direct", "%s: macvlan %s on %s in the guest namespace", what, link->name,
               link->source_dev);
    return TRUE;
}

/**
 * vnet_nic_direct_stop_netns:
 * @domain: a running domain's name
 * @netns_fd: its namespace
 * @error: what could not be undone
 *
 * Returns: whether the domain's direct NICs are gone and passthrough
 *   devices restored.
 */
gboolean
vnet_nic_direct_stop_netns(const char *domain, int netns_fd, GError **error)
{
    g_autoptr(GPtrArray) links = NULL;
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetNl) guest_nl = NULL;
    gpointer key = NULL;
    int r;

    g_mutex_lock(&running_lock);
    if (running && g_hash_table_steal_extended(running, domain, &key, (gpointer *)&links))
        g_free(key);
    g_mutex_unlock(&running_lock);
    if (!links)
        return TRUE;
    if ((r = vnet_nl_open(&nl)) < 0 || (r = vnet_nl_open_in_netns(netns_fd, &guest_nl)) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("removing the direct interfaces of domain '%s': %s"), domain,
                    g_strerror(-r));
        return FALSE;
    }
    return vnet_direct_teardown(nl, guest_nl, VNET_NETDEV_GROUP, links, error);
}

const VnetNicOps vnet_nic_direct_ops = {
    .type = VNET_DOMAIN_INTERFACE_TYPE_DIRECT,
    .realize_netns = direct_realize_netns,
};
