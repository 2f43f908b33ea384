/* vnet-nl-link.c: creating links (see vnet-nl.h): a VnetNlLinkDef built
 * into one RTM_NEWLINK, names from templates ("vnmvtap%d") tried one by
 * one against the kernel, and the peer of a veth raised where it landed.
 * Kept apart from vnet-nl.c, which owns the handle and the request loop. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/if.h>
#include <linux/if_link.h>

#include <netlink/route/link/macvlan.h>
#include <netlink/route/link/macvtap.h>
#include <netlink/route/link/veth.h>

#include "util/vnet-log.h"
#include "util/vnet-nl-private.h"
#include "util/vnet-nl.h"

/* ---- link creation -------------------------------------------------- */

static gboolean
macvlan_mode_is_valid(guint32 mode)
{
    switch (mode) {
    case MACVLAN_MODE_PRIVATE:
    case MACVLAN_MODE_VEPA:
    case MACVLAN_MODE_BRIDGE:
    case MACVLAN_MODE_PASSTHRU:
    case MACVLAN_MODE_SOURCE:
        return TRUE;
    default:
        return FALSE;
    }
}

static int
build_peer(const VnetNlLinkDef *def, struct rtnl_link *link)
{
    g_autoptr(VnetRtnlLink) peer = rtnl_link_veth_get_peer(link);
    int r;

    if (!peer)
        return -EINVAL;
    if (def->peer_name) {
        if (!vnet_nl_ifname_is_valid(def->peer_name))
            return -EINVAL;
        rtnl_link_set_name(peer, def->peer_name);
    }
    if (def->peer_mac && (r = vnet_nl_rtnl_set_mac(peer, def->peer_mac)) < 0)
        return r;
    if (def->peer_mtu)
        rtnl_link_set_mtu(peer, def->peer_mtu);
    /* peer_up is not sent: the kernel brings the peer up before it is
     * paired and refuses with ENOTCONN (Linux 6.18); vnet_nl_link_create
     * raises it with a second request */
    if (def->peer_up == VNET_TRISTATE_YES && !def->peer_name)
        return -EINVAL;
    if (def->has_peer_netns_fd)
        rtnl_link_set_ns_fd(peer, def->peer_netns_fd);
    return 0;
}

/**
 * vnet_nl_link_def_build:
 * @def: what to create
 * @name: (nullable): the name to give it, overriding def->name
 * @ret: (out): the link object to send with RTM_NEWLINK
 *
 * Pure: touches no kernel state.
 *
 * Returns: 0, or -EINVAL for an incomplete or inconsistent @def.
 */
int
vnet_nl_link_def_build(const VnetNlLinkDef *def, const char *name, VnetRtnlLink **ret)
{
    g_autoptr(VnetRtnlLink) link = NULL;
    int r;

    if (!name)
        name = def->name;
    if (!vnet_nl_ifname_is_valid(name) || strchr(name, '%'))
        return -EINVAL;

    switch (def->kind) {
    case VNET_NL_LINK_KIND_VETH:
        link = rtnl_link_veth_alloc();
        break;
    case VNET_NL_LINK_KIND_MACVLAN:
        link = rtnl_link_macvlan_alloc();
        break;
    case VNET_NL_LINK_KIND_MACVTAP:
        link = rtnl_link_macvtap_alloc();
        break;
    case VNET_NL_LINK_KIND_BRIDGE:
    case VNET_NL_LINK_KIND_DUMMY:
        link = rtnl_link_alloc();
        if (link && (r = rtnl_link_set_type(link, vnet_nl_link_kind_to_string(def->kind))) < 0)
            return vnet_nl_error_to_errno(r);
        break;
    case VNET_NL_LINK_KIND_NONE:
    case VNET_NL_LINK_KIND_LAST:
    default:
        return -EINVAL;
    }
    if (!link)
        return -ENOMEM;

    if (def->kind == VNET_NL_LINK_KIND_MACVLAN || def->kind == VNET_NL_LINK_KIND_MACVTAP) {
        if (def->parent_ifindex <= 0)
            return -EINVAL;
        rtnl_link_set_link(link, def->parent_ifindex);
        if (def->macvlan_mode) {
            if (!macvlan_mode_is_valid(def->macvlan_mode))
                return -EINVAL;
            r = def->kind == VNET_NL_LINK_KIND_MACVLAN
                    ? rtnl_link_macvlan_set_mode(link, def->macvlan_mode)
                    : rtnl_link_macvtap_set_mode(link, def->macvlan_mode);
            if (r < 0)
                return vnet_nl_error_to_errno(r);
        }
    } else if (def->parent_ifindex || def->macvlan_mode) {
        return -EINVAL;
    }
    if (def->kind == VNET_NL_LINK_KIND_VETH) {
        if ((r = build_peer(def, link)) < 0)
            return r;
    } else if (def->peer_name || def->peer_mac || def->peer_mtu || def->peer_up ||
               def->has_peer_netns_fd) {
        return -EINVAL;
    }

    rtnl_link_set_name(link, name);
    if (def->mac && (r = vnet_nl_rtnl_set_mac(link, def->mac)) < 0)
        return r;
    if (def->mtu)
        rtnl_link_set_mtu(link, def->mtu);
    if (def->has_group)
        rtnl_link_set_group(link, def->group);
    vnet_nl_rtnl_set_up(link, def->up);
    if (def->has_netns_fd)
        rtnl_link_set_ns_fd(link, def->netns_fd);
    *ret = g_steal_pointer(&link);
    return 0;
}

/**
 * vnet_nl_link_def_build_msg:
 * @def: what to create
 * @name: (nullable): the name to give it, overriding def->name
 * @ret: (out): the RTM_NEWLINK request
 *
 * Pure: the exact message vnet_nl_link_create() sends for @name.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_def_build_msg(const VnetNlLinkDef *def, const char *name, VnetNlMsg **ret)
{
    g_autoptr(VnetRtnlLink) link = NULL;
    int r;

    if ((r = vnet_nl_link_def_build(def, name, &link)) < 0)
        return r;
    r = rtnl_link_build_add_request(link, NLM_F_CREATE | NLM_F_EXCL, ret);
    return r < 0 ? vnet_nl_error_to_errno(r) : 0;
}

static int
create_named(VnetNl *nl, const VnetNlLinkDef *def, const char *name)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = vnet_nl_link_def_build_msg(def, name, &msg)) < 0)
        return r;
    return vnet_nl_send_request(nl, msg);
}

/* "vnmvtap%d" -> TRUE when it holds exactly one "%d" and no other '%'. */
static gboolean
is_template(const char *name, gboolean *ret_valid)
{
    const char *p = strchr(name, '%');

    *ret_valid = TRUE;
    if (!p)
        return FALSE;
    *ret_valid = p[1] == 'd' && !strchr(p + 2, '%');
    return TRUE;
}

static int
create_from_template(VnetNl *nl, const VnetNlLinkDef *def, const char *template, char *ret_name)
{
    const char *pct = strstr(template, "%d");
    size_t fixed = strlen(template) - 2;
    guint limit = 1;
    guint start;
    int r = -ENFILE;

    /* as many candidates as fit in IFNAMSIZ-1 characters */
    for (size_t digits = 0; fixed + digits < VNET_IFNAMSIZ - 1 && limit < NAME_CANDIDATES_MAX;
         digits++)
        limit *= 10;
    if (fixed >= VNET_IFNAMSIZ - 1)
        return -EINVAL;

    g_mutex_lock(&nl->lock);
    start = GPOINTER_TO_UINT(g_hash_table_lookup(nl->name_hints, template)) % limit;
    g_mutex_unlock(&nl->lock);

    for (guint n = 0; n < limit; n++) {
        guint index = (start + n) % limit;
        char name[VNET_IFNAMSIZ];

        g_snprintf(name, sizeof(name), "%.*s%u%s", (int)(pct - template), template, index,
                   pct + 2);
        r = create_named(nl, def, name);
        if (r == 0) {
            g_strlcpy(ret_name, name, VNET_IFNAMSIZ);
            g_mutex_lock(&nl->lock);
            g_hash_table_insert(nl->name_hints, g_strdup(template),
                                GUINT_TO_POINTER((index + 1) % limit));
            g_mutex_unlock(&nl->lock);
            return 0;
        }
        if (r != -EEXIST)
            return r;
        /* EEXIST for a candidate that is not there is about something else
         * (a veth peer's fixed name): trying more names cannot help */
        if (!def->has_netns_fd && vnet_nl_link_exists(nl, name) == 0)
            return r;
        r = -ENFILE;
    }
    return r;
}

static int
link_set_up_by_name(VnetNl *nl, gboolean has_netns_fd, int netns_fd, const char *name)
{
    g_autoptr(VnetNl) there = NULL;
    VnetNlLinkInfo info;
    int r;

    if (has_netns_fd && (r = vnet_nl_open_in_netns(netns_fd, &there)) < 0)
        return r;
    if ((r = vnet_nl_link_get(there ? there : nl, name, &info)) < 0)
        return r;
    return vnet_nl_link_set_up(there ? there : nl, info.ifindex, TRUE);
}

/* The second request of a veth whose peer should be up; on failure the
 * pair goes again, so the create stays all or nothing. */
static int
raise_peer(VnetNl *nl, const VnetNlLinkDef *def, const char *name)
{
    g_autoptr(VnetNl) there = NULL;
    int r = link_set_up_by_name(nl, def->has_peer_netns_fd, def->peer_netns_fd, def->peer_name);

    if (r == 0)
        return 0;
    if (!def->has_netns_fd)
        vnet_nl_link_delete_by_name(nl, name);
    else if (vnet_nl_open_in_netns(def->netns_fd, &there) == 0)
        vnet_nl_link_delete_by_name(there, name);
    return r;
}

/**
 * vnet_nl_link_create:
 * @nl: a handle
 * @def: what to create; def->name is required (a name or a template)
 * @ret_info: (out) (optional): the new link as the kernel reports it
 *
 * Creates the link in one RTM_NEWLINK request with NLM_F_EXCL. A template
 * name ("vnmvtap%d") is resolved by trying candidates and taking the next on
 * EEXIST: no check-then-create window for another process to slip into.
 * A veth peer asked to be up (the kernel refuses that in the creating
 * request) is raised with a second request, inside its namespace.
 *
 * Returns: 0; -EEXIST when a fixed name is taken; -ENFILE when every
 * candidate of a template is taken; or the kernel's -errno.
 */
int
vnet_nl_link_create(VnetNl *nl, const VnetNlLinkDef *def, VnetNlLinkInfo *ret_info)
{
    char name[VNET_IFNAMSIZ];
    gboolean valid;
    int r;

    if (!def->name)
        return -EINVAL;
    if (is_template(def->name, &valid)) {
        if (!valid)
            return -EINVAL;
        r = create_from_template(nl, def, def->name, name);
    } else {
        g_strlcpy(name, def->name, sizeof(name));
        r = create_named(nl, def, name);
    }
    if (r < 0)
        return r;
    if (def->kind == VNET_NL_LINK_KIND_VETH && def->peer_up == VNET_TRISTATE_YES &&
        (r = raise_peer(nl, def, name)) < 0)
        return r;
    if (!ret_info)
        return 0;
    if (def->has_netns_fd) {
        memset(ret_info, 0, sizeof(*ret_info));
        g_strlcpy(ret_info->name, name, sizeof(ret_info->name));
        return 0;
    }
    return vnet_nl_link_get(nl, name, ret_info);
}
