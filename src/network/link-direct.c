/* link-direct.c: <interface type='direct'> as macvtap (VM guests) or
 * macvlan (netns guests) on a host device; see link-direct.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <linux/if_link.h>

#include <vnet/vnet.h>

#include "network/link-direct.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

#define MACVTAP_NAME_TEMPLATE "vnmvtap%d"

/* conf's modes -> the kernel's; libvirt's default (no mode) is vepa */
static const guint32 kernel_modes[VNET_DIRECT_MODE_LAST] = {
    [VNET_DIRECT_MODE_NONE] = MACVLAN_MODE_VEPA,
    [VNET_DIRECT_MODE_VEPA] = MACVLAN_MODE_VEPA,
    [VNET_DIRECT_MODE_BRIDGE] = MACVLAN_MODE_BRIDGE,
    [VNET_DIRECT_MODE_PRIVATE] = MACVLAN_MODE_PRIVATE,
    [VNET_DIRECT_MODE_PASSTHROUGH] = MACVLAN_MODE_PASSTHRU,
};

static const char *
mode_name(VnetDirectMode mode)
{
    return mode == VNET_DIRECT_MODE_NONE ? "vepa" : vnet_direct_mode_to_string(mode);
}

/* ---- the registry ------------------------------------------------------- */

typedef struct {
    char *domain;
    gboolean passthrough;
} Claim;

struct VnetDirectRegistry {
    grefcount ref;
    GMutex lock;
    GHashTable *devices; /* source dev -> GPtrArray of Claim * */
};

static void
claim_free(gpointer data)
{
    Claim *claim = data;

    g_free(claim->domain);
    g_free(claim);
}

/**
 * vnet_direct_registry_new:
 *
 * Returns: (transfer full): an empty registry, for one connection.
 */
VnetDirectRegistry *
vnet_direct_registry_new(void)
{
    VnetDirectRegistry *registry = g_new0(VnetDirectRegistry, 1);

    g_ref_count_init(&registry->ref);
    g_mutex_init(&registry->lock);
    registry->devices =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    return registry;
}

/**
 * vnet_direct_registry_ref:
 * @registry: a registry
 *
 * Returns: @registry, with one more reference.
 */
VnetDirectRegistry *
vnet_direct_registry_ref(VnetDirectRegistry *registry)
{
    g_ref_count_inc(&registry->ref);
    return registry;
}

/**
 * vnet_direct_registry_unref:
 * @registry: (nullable): a registry
 *
 * Drops a reference; the last one frees it.
 */
void
vnet_direct_registry_unref(VnetDirectRegistry *registry)
{
    if (!registry || !g_ref_count_dec(&registry->ref))
        return;
    g_hash_table_destroy(registry->devices);
    g_mutex_clear(&registry->lock);
    g_free(registry);
}

/**
 * vnet_direct_registry_claim:
 * @registry: the connection's registry
 * @source_dev: a host device
 * @mode: the mode a NIC wants on it
 * @domain: the NIC's domain
 * @error: where a refusal goes
 *
 * Passthrough takes the whole device: it is refused while anything else
 * uses the device, and nothing else is allowed on a device held in
 * passthrough.
 *
 * Returns: whether the claim was recorded.
 */
gboolean
vnet_direct_registry_claim(VnetDirectRegistry *registry, const char *source_dev,
                           VnetDirectMode mode, const char *domain, GError **error)
{
    gboolean passthrough = mode == VNET_DIRECT_MODE_PASSTHROUGH;
    const Claim *conflict = NULL;
    GPtrArray *claims;
    Claim *claim;

    g_mutex_lock(&registry->lock);
    claims = g_hash_table_lookup(registry->devices, source_dev);
    for (guint i = 0; claims && i < claims->len && !conflict; i++) {
        const Claim *other = g_ptr_array_index(claims, i);

        if (other->passthrough || passthrough)
            conflict = other;
    }
    if (conflict) {
        if (conflict->passthrough)
            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                        _("device '%s' is used in passthrough mode by domain '%s'"), source_dev,
                        conflict->domain);
        else
            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                        _("device '%s' cannot be given in passthrough mode: domain '%s' uses "
                          "it already"),
                        source_dev, conflict->domain);
        g_mutex_unlock(&registry->lock);
        return FALSE;
    }
    if (!claims) {
        claims = g_ptr_array_new_with_free_func(claim_free);
        g_hash_table_insert(registry->devices, g_strdup(source_dev), claims);
    }
    claim = g_new0(Claim, 1);
    claim->domain = g_strdup(domain);
    claim->passthrough = passthrough;
    g_ptr_array_add(claims, claim);
    g_mutex_unlock(&registry->lock);
    return TRUE;
}

/**
 * vnet_direct_registry_release:
 * @registry: the connection's registry
 * @source_dev: the device
 * @mode: the mode it was claimed in
 * @domain: the domain that claimed it
 *
 * Drops one matching claim (nothing when there is none).
 */
void
vnet_direct_registry_release(VnetDirectRegistry *registry, const char *source_dev,
                             VnetDirectMode mode, const char *domain)
{
    gboolean passthrough = mode == VNET_DIRECT_MODE_PASSTHROUGH;
    GPtrArray *claims;

    g_mutex_lock(&registry->lock);
    claims = g_hash_table_lookup(registry->devices, source_dev);
    for (guint i = 0; claims && i < claims->len; i++) {
        const Claim *claim = g_ptr_array_index(claims, i);

        if (claim->passthrough == passthrough && g_str_equal(claim->domain, domain)) {
            g_ptr_array_remove_index(claims, i);
            break;
        }
    }
    if (claims && claims->len == 0)
        g_hash_table_remove(registry->devices, source_dev);
    g_mutex_unlock(&registry->lock);
}

static gboolean
claim_of_domain(gpointer claim, gpointer domain)
{
    return g_str_equal(((const Claim *)claim)->domain, domain);
}

/**
 * vnet_direct_registry_release_domain:
 * @registry: the connection's registry
 * @domain: a domain
 *
 * Drops every claim of @domain, on every device.
 */
void
vnet_direct_registry_release_domain(VnetDirectRegistry *registry, const char *domain)
{
    GHashTableIter iter;
    gpointer value;

    g_mutex_lock(&registry->lock);
    g_hash_table_iter_init(&iter, registry->devices);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        GPtrArray *claims = value;

        for (guint i = claims->len; i > 0; i--) {
            if (claim_of_domain(g_ptr_array_index(claims, i - 1), (gpointer)domain))
                g_ptr_array_remove_index(claims, i - 1);
        }
        if (claims->len == 0)
            g_hash_table_iter_remove(&iter);
    }
    g_mutex_unlock(&registry->lock);
}

/**
 * vnet_direct_registry_passthrough_holder:
 * @registry: the connection's registry
 * @source_dev: a device
 *
 * Returns: (transfer full) (nullable): the domain holding @source_dev in
 *   passthrough mode.
 */
char *
vnet_direct_registry_passthrough_holder(VnetDirectRegistry *registry, const char *source_dev)
{
    char *holder = NULL;
    GPtrArray *claims;

    g_mutex_lock(&registry->lock);
    claims = g_hash_table_lookup(registry->devices, source_dev);
    for (guint i = 0; claims && i < claims->len && !holder; i++) {
        const Claim *claim = g_ptr_array_index(claims, i);

        if (claim->passthrough)
            holder = g_strdup(claim->domain);
    }
    g_mutex_unlock(&registry->lock);
    return holder;
}

/* ---- defs --------------------------------------------------------------- */

/**
 * vnet_direct_def_from_interface:
 * @nic: a parsed <interface type='direct'>
 * @ret: (out): its fields this module uses (pointing into @nic)
 */
void
vnet_direct_def_from_interface(const VnetDomainInterfaceDef *nic, VnetDirectDef *ret)
{
    memset(ret, 0, sizeof(*ret));
    ret->source_dev = nic->source_dev;
    ret->mode = nic->direct_mode;
    ret->mac = &nic->mac;
    ret->mtu = nic->mtu;
    ret->link_state = nic->link_state;
    ret->target_dev = nic->target_dev;
    if (nic->virtualport) {
        ret->has_virtualport = TRUE;
        ret->virtualport = nic->virtualport->type;
    }
}

/* ---- records ------------------------------------------------------------ */

/**
 * vnet_direct_link_free:
 * @link: (nullable): a record
 *
 * Frees the record and closes its fds, leaving the host as it is.
 */
void
vnet_direct_link_free(VnetDirectLink *link)
{
    if (!link)
        return;
    if (link->tap_fd >= 0)
        close(link->tap_fd);
    if (link->netns_fd >= 0)
        close(link->netns_fd);
    vnet_direct_registry_unref(link->registry);
    g_free(link->name);
    g_free(link->source_dev);
    g_free(link->domain);
    g_free(link);
}

/**
 * vnet_direct_link_steal_tap_fd:
 * @link: a record
 *
 * Returns: the macvtap fd, now the caller's to close, or -1.
 */
int
vnet_direct_link_steal_tap_fd(VnetDirectLink *link)
{
    int fd = link->tap_fd;

    link->tap_fd = -1;
    return fd;
}

/* ---- checks --------------------------------------------------------------- */

static const char *
describe(const VnetDirectCtx *ctx)
{
    return ctx->describe ? ctx->describe : "direct interface";
}

static gboolean check_source(const VnetDirectDef *def, const VnetDirectCtx *ctx,
                             VnetNlLinkInfo *ret_info, GError **error);

/**
 * vnet_direct_check_source:
 * @def: the NIC
 * @ctx: where it goes
 * @error: why it cannot be realized
 *
 * Refuses, naming the NIC and the device: a virtualport (not realized yet),
 * no source device, a device that does not exist, is down, is itself a
 * macvlan or macvtap, or is a bridge port.
 *
 * Returns: whether the NIC can be realized on its device.
 */
gboolean
vnet_direct_check_source(const VnetDirectDef *def, const VnetDirectCtx *ctx, GError **error)
{
    VnetNlLinkInfo info;

    return check_source(def, ctx, &info, error);
}

static gboolean
check_source(const VnetDirectDef *def, const VnetDirectCtx *ctx, VnetNlLinkInfo *ret_info,
             GError **error)
{
    VnetNlLinkInfo info;
    int r;

    if (def->has_virtualport) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                    _("%s: <virtualport type='%s'> cannot be started: vnet does not speak "
                      "the %s protocol to the switch; remove the virtualport to use "
                      "mode '%s' without it"),
                    describe(ctx),
                    def->virtualport ? vnet_virtual_port_type_to_string(def->virtualport)
                                     : "(untyped)",
                    def->virtualport == VNET_VIRTUAL_PORT_TYPE_8021QBH ? "802.1Qbh port profile"
                                                                        : "802.1Qbg VDP",
                    mode_name(def->mode));
        return FALSE;
    }
    if (!def->source_dev || !*def->source_dev) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID,
                    _("%s: no source device (<source dev='...'>)"), describe(ctx));
        return FALSE;
    }
    r = vnet_nl_link_get(ctx->nl, def->source_dev, &info);
    if (r == -ENODEV || r == -EINVAL) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: source device '%s' does not exist"), describe(ctx), def->source_dev);
        return FALSE;
    }
    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("%s: looking up source device '%s': %s"), describe(ctx), def->source_dev,
                    g_strerror(-r));
        return FALSE;
    }
    if (vnet_nl_link_info_is_macvlan(&info)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: source device '%s' is itself a %s; give the device it is "
                      "stacked on instead"),
                    describe(ctx), def->source_dev, info.kind);
        return FALSE;
    }
    if (vnet_nl_link_info_has_master(&info)) {
        VnetNlLinkInfo master;
        const char *master_name = "?";

        if (vnet_nl_link_get_by_index(ctx->nl, info.master, &master) == 0)
            master_name = master.name;
        if (vnet_nl_link_info_is_bridge_port(&info))
            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                        _("%s: source device '%s' is a port of bridge '%s'; use "
                          "<interface type='bridge'> with that bridge, or release the device "
                          "from it"),
                        describe(ctx), def->source_dev, master_name);
        else
            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                        _("%s: source device '%s' is enslaved to '%s'"), describe(ctx),
                        def->source_dev, master_name);
        return FALSE;
    }
    if (!vnet_nl_link_info_is_up(&info)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: source device '%s' is down"), describe(ctx), def->source_dev);
        return FALSE;
    }
    *ret_info = info;
    return TRUE;
}

/* ---- passthrough: the device's own settings ------------------------------ */

static int
restore_device(VnetNl *nl, const VnetDirectLink *link)
{
    VnetNlLinkInfo now;
    VnetNlLinkChange change = {0};
    int r;

    /* by name and index both: a device that went away and came back as
     * something else is not ours to touch */
    r = vnet_nl_link_get_by_index(nl, link->source_ifindex, &now);
    if (r < 0)
        return r;
    if (!g_str_equal(now.name, link->source_dev))
        return -ENODEV;
    if (!vnet_mac_equal(&now.mac, &link->saved_mac))
        change.mac = &link->saved_mac;
    if (now.mtu != link->saved_mtu)
        change.mtu = link->saved_mtu;
    if (vnet_nl_link_info_is_up(&now) != link->saved_up)
        change.up = link->saved_up ? VNET_TRISTATE_YES : VNET_TRISTATE_NO;
    if (!change.mac && !change.mtu && !change.up)
        return 0;
    return vnet_nl_link_change(nl, link->source_ifindex, &change);
}

/* Saves the device's MAC, MTU and state (@info: as check_source() just
 * read it, so no second lookup) in @link, then gives it the NIC's MAC and
 * MTU: a passthrough macvlan inherits the device's address. */
static gboolean
take_device(const VnetDirectDef *def, const VnetDirectCtx *ctx, const VnetNlLinkInfo *info,
            VnetDirectLink *link, GError **error)
{
    VnetNlLinkChange change = {0};
    int r;

    link->passthrough = TRUE;
    link->saved_mac = info->mac;
    link->saved_mtu = info->mtu;
    link->saved_up = vnet_nl_link_info_is_up(info);
    if (def->mac && !vnet_mac_equal(def->mac, &info->mac))
        change.mac = def->mac;
    if (def->mtu && def->mtu != info->mtu)
        change.mtu = def->mtu;
    if (!change.mac && !change.mtu)
        return TRUE;
    r = vnet_nl_link_change(ctx->nl, info->ifindex, &change);
    if (r < 0) {
        const char *detail = vnet_nl_last_error_message(ctx->nl);

        /* one request: nothing of it applied, nothing to restore */
        link->passthrough = FALSE;
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("%s: giving source device '%s' the NIC's MAC address and MTU for "
                      "passthrough: %s%s%s"),
                    describe(ctx), def->source_dev, g_strerror(-r), detail ? ": " : "",
                    detail ? detail : "");
        return FALSE;
    }
    return TRUE;
}

/* ---- realize ------------------------------------------------------------- */

static void
set_create_error(const VnetDirectDef *def, const VnetDirectCtx *ctx, const char *name, int r,
                 GError **error)
{
    const char *detail = vnet_nl_last_error_message(ctx->nl);
    const char *kind = ctx->netns ? "macvlan" : "macvtap";

    if (r == -EEXIST && ctx->netns)
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: a device called '%s' already exists in the guest's namespace"),
                    describe(ctx), name);
    else if (r == -EEXIST)
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: a device called '%s' already exists"), describe(ctx), name);
    else if (r == -EADDRINUSE && def->mac) {
        char mac[VNET_MAC_STRLEN];

        vnet_mac_format(def->mac, mac);
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: MAC address %s is already used by another macvlan or macvtap on "
                      "'%s'"),
                    describe(ctx), mac, def->source_dev);
    }
    else
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("%s: creating %s %s on '%s' in mode %s: %s%s%s"), describe(ctx), kind,
                    name, def->source_dev, mode_name(def->mode), g_strerror(-r),
                    detail ? ": " : "", detail ? detail : "");
}

/* Deletes the link made for @link; 0 also when it is gone already. */
static int
delete_made_link(VnetDirectLink *link, VnetNl *nl)
{
    g_autoptr(VnetNl) guest_nl = NULL;
    VnetNlLinkInfo now;
    VnetNl *where = nl;
    int r;

    if (link->in_netns) {
        if ((r = vnet_nl_open_in_netns(link->netns_fd, &guest_nl)) < 0)
            return r;
        where = guest_nl;
    }
    r = vnet_nl_link_get_by_index(where, link->ifindex, &now);
    if (r == -ENODEV)
        return 0;
    if (r < 0)
        return r;
    /* the index may have been reused by someone else's link since */
    if (!g_str_equal(now.name, link->name))
        return 0;
    r = vnet_nl_link_delete(where, link->ifindex);
    return r == -ENODEV ? 0 : r;
}

/**
 * vnet_direct_realize:
 * @def: the NIC
 * @ctx: where it goes
 * @ret: (out): the record of what was made
 * @error: why it failed
 *
 * Checks the source device, claims it in the connection's registry, saves
 * and takes over the device for passthrough, creates the macvtap (opening
 * its character device) or the macvlan inside the guest's namespace, with
 * the NIC's MAC, MTU, link state and the netdev group — each step undone
 * again when a later one fails.
 *
 * Returns: whether the link exists now.
 */
gboolean
vnet_direct_realize(const VnetDirectDef *def, const VnetDirectCtx *ctx, VnetDirectLink **ret,
                    GError **error)
{
    g_autoptr(VnetDirectLink) link = NULL;
    VnetNlLinkDef nl_def = {0};
    VnetNlLinkInfo info = {0};
    VnetNlLinkInfo source;
    gboolean passthrough = def->mode == VNET_DIRECT_MODE_PASSTHROUGH;
    int r;

    g_return_val_if_fail(ctx->group != 0, FALSE);
    g_return_val_if_fail(!ctx->netns || (ctx->netns_fd >= 0 && ctx->guest_name), FALSE);
    g_return_val_if_fail(def->mode < VNET_DIRECT_MODE_LAST, FALSE);

    if (!check_source(def, ctx, &source, error))
        return FALSE;

    link = g_new0(VnetDirectLink, 1);
    link->tap_fd = -1;
    link->netns_fd = -1;
    link->group = ctx->group;
    link->kernel_mode = kernel_modes[def->mode];
    link->source_dev = g_strdup(def->source_dev);
    link->source_ifindex = source.ifindex;
    link->domain = g_strdup(ctx->domain ? ctx->domain : "");
    link->mode = def->mode;

    if (ctx->registry) {
        g_autoptr(GError) claim_error = NULL;

        if (!vnet_direct_registry_claim(ctx->registry, def->source_dev, def->mode, link->domain,
                                        &claim_error)) {
            g_set_error(error, VNET_ERROR, claim_error->code, "%s: %s", describe(ctx),
                        claim_error->message);
            return FALSE;
        }
        link->registry = vnet_direct_registry_ref(ctx->registry);
    }
    if (passthrough && !take_device(def, ctx, &source, link, error))
        goto fail;

    nl_def.kind = ctx->netns ? VNET_NL_LINK_KIND_MACVLAN : VNET_NL_LINK_KIND_MACVTAP;
    nl_def.parent_ifindex = source.ifindex;
    nl_def.macvlan_mode = link->kernel_mode;
    /* passthrough inherits the device's address, set above */
    nl_def.mac = passthrough ? NULL : def->mac;
    nl_def.mtu = def->mtu;
    nl_def.has_group = TRUE;
    nl_def.group = ctx->group;
    nl_def.up = def->link_state == VNET_LINK_STATE_DOWN ? VNET_TRISTATE_NO : VNET_TRISTATE_YES;
    if (ctx->netns) {
        /* straight into the namespace under its final name: one request,
         * all or nothing */
        nl_def.name = ctx->guest_name;
        nl_def.has_netns_fd = TRUE;
        nl_def.netns_fd = ctx->netns_fd;
    } else {
        nl_def.name = def->target_dev ? def->target_dev : MACVTAP_NAME_TEMPLATE;
    }
    r = vnet_nl_link_create(ctx->nl, &nl_def, &info);
    if (r < 0) {
        set_create_error(def, ctx, nl_def.name, r, error);
        goto fail;
    }
    link->active = TRUE;
    link->name = g_strdup(info.name);
    if (ctx->netns) {
        g_autoptr(VnetNl) guest_nl = NULL;

        link->in_netns = TRUE;
        link->netns_fd = fcntl(ctx->netns_fd, F_DUPFD_CLOEXEC, 3);
        if (link->netns_fd < 0) {
            r = -errno;
        } else if ((r = vnet_nl_open_in_netns(link->netns_fd, &guest_nl)) == 0 &&
                   (r = vnet_nl_link_get(guest_nl, info.name, &info)) == 0) {
            link->ifindex = info.ifindex;
        }
        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                        _("%s: finding %s in the guest's namespace: %s"), describe(ctx),
                        info.name, g_strerror(-r));
            goto fail;
        }
    } else {
        link->ifindex = info.ifindex;
        r = vnet_nl_macvtap_open(info.name, info.ifindex, &link->tap_fd);
        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                        _("%s: opening the character device of macvtap %s: %s"), describe(ctx),
                        info.name, g_strerror(-r));
            goto fail;
        }
    }
    vnet_debug("direct", "%s: %s %s (ifindex %d) on %s, mode %s, group %u", describe(ctx),
               ctx->netns ? "macvlan" : "macvtap", link->name, link->ifindex, def->source_dev,
               mode_name(def->mode), ctx->group);
    *ret = g_steal_pointer(&link);
    return TRUE;

fail:
    /* the failure is what the caller hears about; undo problems only go to
     * the debug log */
    {
        g_autoptr(GError) undo_error = NULL;

        if (!vnet_direct_link_undo(link, ctx->nl, &undo_error))
            vnet_debug("direct", "%s: rollback: %s", describe(ctx), undo_error->message);
    }
    return FALSE;
}

/* ---- undo and teardown --------------------------------------------------- */

static void
release(VnetDirectLink *link)
{
    if (link->registry)
        vnet_direct_registry_release(link->registry, link->source_dev, link->mode, link->domain);
    g_clear_pointer(&link->registry, vnet_direct_registry_unref);
}

static gboolean
restore_passthrough(VnetDirectLink *link, VnetNl *nl, GError **error)
{
    int r;

    if (!link->passthrough)
        return TRUE;
    r = restore_device(nl, link);
    if (r < 0 && r != -ENODEV) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("restoring MAC address, MTU and state of device '%s' after passthrough: "
                      "%s"),
                    link->source_dev, g_strerror(-r));
        return FALSE;
    }
    link->passthrough = FALSE;
    return TRUE;
}

/**
 * vnet_direct_link_undo:
 * @link: a record from vnet_direct_realize()
 * @nl: a handle on the host namespace
 * @error: what could not be undone
 *
 * Closes the tap fd, deletes the link when it is still the one made,
 * restores a passthrough device and drops the claim. Calling it again does
 * nothing.
 *
 * Returns: whether everything was undone.
 */
gboolean
vnet_direct_link_undo(VnetDirectLink *link, VnetNl *nl, GError **error)
{
    int r;

    if (link->tap_fd >= 0) {
        close(link->tap_fd);
        link->tap_fd = -1;
    }
    if (link->active) {
        r = delete_made_link(link, nl);
        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK, _("deleting %s: %s"), link->name,
                        g_strerror(-r));
            return FALSE;
        }
        link->active = FALSE;
    }
    /* the device's own address back only once the passthrough link, which
     * mirrors it, is gone */
    if (!restore_passthrough(link, nl, error))
        return FALSE;
    release(link);
    return TRUE;
}

/**
 * vnet_direct_link_undo_func:
 * @data: a #VnetDirectLink
 *
 * vnet_direct_link_undo() as a VnetUndoFunc: opens its own netlink handle on
 * the calling thread's namespace and logs failures at debug level.
 */
void
vnet_direct_link_undo_func(gpointer data)
{
    VnetDirectLink *link = data;
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    int r = vnet_nl_open(&nl);

    if (r < 0) {
        vnet_debug("direct", "undo of %s: opening netlink: %s", link->name, g_strerror(-r));
        return;
    }
    if (!vnet_direct_link_undo(link, nl, &error))
        vnet_debug("direct", "undo of %s: %s", link->name, error->message);
}

/**
 * vnet_direct_teardown:
 * @nl: a handle on the host namespace
 * @links_nl: (nullable): a handle on the namespace the links live in
 *   (NULL: @nl)
 * @group: the netdev group they were all made with
 * @links: (element-type VnetDirectLink): the records
 * @error: what could not be torn down
 *
 * One RTM_DELLINK for the whole group in @links_nl's namespace removes
 * every link at once; then passthrough devices get their settings back and
 * the claims are dropped. The group must hold nothing else there.
 *
 * Returns: whether everything was removed and restored.
 */
gboolean
vnet_direct_teardown(VnetNl *nl, VnetNl *links_nl, guint32 group, GPtrArray *links,
                     GError **error)
{
    gboolean ok = TRUE;
    int r;

    g_return_val_if_fail(group != 0, FALSE);
    if (!links_nl)
        links_nl = nl;
    for (guint i = 0; i < links->len; i++) {
        VnetDirectLink *link = g_ptr_array_index(links, i);

        if (link->tap_fd >= 0) {
            close(link->tap_fd);
            link->tap_fd = -1;
        }
    }
    r = vnet_nl_link_delete_group(links_nl, group);
    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETLINK,
                    _("deleting the links of netdev group %u: %s"), group, g_strerror(-r));
        return FALSE;
    }
    /* newest first, as a rollback would */
    for (guint i = links->len; i > 0; i--) {
        VnetDirectLink *link = g_ptr_array_index(links, i - 1);
        g_autoptr(GError) restore_error = NULL;

        link->active = FALSE;
        if (!restore_passthrough(link, nl, &restore_error)) {
            if (ok)
                g_propagate_error(error, g_steal_pointer(&restore_error));
            ok = FALSE;
            continue;
        }
        release(link);
    }
    return ok;
}
