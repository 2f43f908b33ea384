/* status.c: status files of running domains and networks. */
#include <config.h>

#include <vnet/vnet.h>

#include "network/status.h"
#include "util/vnet-i18n.h"
#include "util/vnet-xml.h"

/**
 * vnet_status_link_free:
 * @link: (nullable): a link record
 *
 * Frees @link.
 */
void
vnet_status_link_free(VnetStatusLink *link)
{
    if (!link)
        return;
    g_free(link->name);
    g_free(link->guest_name);
    g_free(link);
}

/**
 * vnet_status_passthrough_free:
 * @pt: (nullable): a passthrough record
 *
 * Frees @pt.
 */
void
vnet_status_passthrough_free(VnetStatusPassthrough *pt)
{
    if (!pt)
        return;
    g_free(pt->dev);
    g_free(pt);
}

/**
 * vnet_domain_status_new:
 * @backend: the guest backend's name
 *
 * Returns: (transfer full): an empty record.
 */
VnetDomainStatus *
vnet_domain_status_new(const char *backend)
{
    VnetDomainStatus *status = g_new0(VnetDomainStatus, 1);

    status->backend = g_strdup(backend);
    status->links = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_status_link_free);
    status->passthrough =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_status_passthrough_free);
    return status;
}

/**
 * vnet_domain_status_free:
 * @status: (nullable): a record
 *
 * Frees @status.
 */
void
vnet_domain_status_free(VnetDomainStatus *status)
{
    if (!status)
        return;
    g_free(status->backend);
    g_free(status->netns);
    g_ptr_array_unref(status->links);
    g_ptr_array_unref(status->passthrough);
    g_free(status);
}

/**
 * vnet_domain_status_find_link:
 * @status: a record
 * @nic: a NIC's MAC address
 *
 * Returns: (transfer none) (nullable): the link of that NIC.
 */
VnetStatusLink *
vnet_domain_status_find_link(VnetDomainStatus *status, const VnetMac *nic)
{
    for (guint i = 0; i < status->links->len; i++) {
        VnetStatusLink *link = g_ptr_array_index(status->links, i);

        if (vnet_mac_equal(&link->nic, nic))
            return link;
    }
    return NULL;
}

/**
 * vnet_domain_status_remove_link:
 * @status: a record
 * @link: one of its links
 *
 * Forgets @link.
 */
void
vnet_domain_status_remove_link(VnetDomainStatus *status, VnetStatusLink *link)
{
    g_ptr_array_remove(status->links, link);
}

/**
 * vnet_domain_status_find_passthrough:
 * @status: a record
 * @nic: a NIC's MAC address
 *
 * Returns: (transfer none) (nullable): the device that NIC holds in
 *   passthrough mode.
 */
VnetStatusPassthrough *
vnet_domain_status_find_passthrough(VnetDomainStatus *status, const VnetMac *nic)
{
    for (guint i = 0; i < status->passthrough->len; i++) {
        VnetStatusPassthrough *pt = g_ptr_array_index(status->passthrough, i);

        if (vnet_mac_equal(&pt->nic, nic))
            return pt;
    }
    return NULL;
}

/* Copies the root element of a formatted document into @writer, so the
 * status file embeds exactly what the conf layer writes. */
static void
embed_document(VnetXmlWriter *writer, const char *xml)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_string(xml, -1, "status", NULL);

    /* The conf layer's own output always parses. */
    g_assert(doc);
    vnet_xml_writer_node(writer, xmlDocGetRootElement(doc));
}

/**
 * vnet_domain_status_format:
 * @status: a record
 * @live: the live definition
 *
 * Returns: (transfer full): the status document.
 */
char *
vnet_domain_status_format(const VnetDomainStatus *status, const VnetDomainDef *live)
{
    g_autoptr(VnetXmlWriter) writer = vnet_xml_writer_new();
    g_autofree char *xml = vnet_domain_def_format(live, VNET_DOMAIN_DEF_FORMAT_LIVE);

    vnet_xml_writer_start(writer, "domstatus");
    vnet_xml_writer_attr(writer, "backend", status->backend);
    if (status->group)
        vnet_xml_writer_attr_uint(writer, "group", status->group);
    if (status->netns) {
        vnet_xml_writer_start(writer, "netns");
        vnet_xml_writer_attr(writer, "name", status->netns);
        vnet_xml_writer_attr_uint(writer, "inode", status->netns_inode);
        if (status->netns_cookie)
            vnet_xml_writer_attr_uint(writer, "cookie", status->netns_cookie);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < status->links->len; i++) {
        const VnetStatusLink *link = g_ptr_array_index(status->links, i);

        vnet_xml_writer_start(writer, "link");
        vnet_xml_writer_attr(writer, "name", link->name);
        /* none for a link that lives only in the guest (a direct NIC's
         * macvlan) */
        if (link->ifindex > 0)
            vnet_xml_writer_attr_uint(writer, "ifindex", (guint64)link->ifindex);
        vnet_xml_writer_attr_uint(writer, "group", link->group);
        vnet_xml_writer_attr_mac(writer, "nic", &link->nic);
        vnet_xml_writer_attr(writer, "guest", link->guest_name);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < status->passthrough->len; i++) {
        const VnetStatusPassthrough *pt = g_ptr_array_index(status->passthrough, i);

        vnet_xml_writer_start(writer, "passthrough");
        vnet_xml_writer_attr(writer, "dev", pt->dev);
        vnet_xml_writer_attr_uint(writer, "ifindex", (guint64)pt->ifindex);
        vnet_xml_writer_attr_mac(writer, "mac", &pt->mac);
        vnet_xml_writer_attr_uint(writer, "mtu", pt->mtu);
        vnet_xml_writer_attr(writer, "up", pt->up ? "yes" : "no");
        vnet_xml_writer_attr_mac(writer, "nic", &pt->nic);
        vnet_xml_writer_end(writer);
    }
    embed_document(writer, xml);
    vnet_xml_writer_end(writer);
    return vnet_xml_writer_finish(writer);
}

static gboolean
parse_link(const xmlNode *node, VnetDomainStatus *status, GError **error)
{
    g_autoptr(VnetStatusLink) link = g_new0(VnetStatusLink, 1);
    guint64 ifindex = 0;
    guint64 group = 0;

    if (!vnet_xml_prop_string(node, "name", TRUE, &link->name, error) ||
        !vnet_xml_prop_uint(node, "ifindex", 1, G_MAXINT, FALSE, &ifindex, NULL, error) ||
        !vnet_xml_prop_uint(node, "group", 0, G_MAXUINT32, TRUE, &group, NULL, error) ||
        !vnet_xml_prop_mac(node, "nic", TRUE, &link->nic, NULL, error) ||
        !vnet_xml_prop_string(node, "guest", FALSE, &link->guest_name, error))
        return FALSE;
    link->ifindex = (int)ifindex;
    link->group = (guint32)group;
    g_ptr_array_add(status->links, g_steal_pointer(&link));
    return TRUE;
}

static gboolean
parse_passthrough(const xmlNode *node, VnetDomainStatus *status, GError **error)
{
    g_autoptr(VnetStatusPassthrough) pt = g_new0(VnetStatusPassthrough, 1);
    VnetTristate up = VNET_TRISTATE_ABSENT;
    guint64 ifindex = 0;
    guint64 mtu = 0;

    if (!vnet_xml_prop_string(node, "dev", TRUE, &pt->dev, error) ||
        !vnet_xml_prop_uint(node, "ifindex", 1, G_MAXINT, TRUE, &ifindex, NULL, error) ||
        !vnet_xml_prop_mac(node, "mac", TRUE, &pt->mac, NULL, error) ||
        !vnet_xml_prop_uint(node, "mtu", 1, G_MAXUINT32, TRUE, &mtu, NULL, error) ||
        !vnet_xml_prop_tristate(node, "up", &up, error) ||
        !vnet_xml_prop_mac(node, "nic", TRUE, &pt->nic, NULL, error))
        return FALSE;
    if (up == VNET_TRISTATE_ABSENT) {
        vnet_xml_error_missing_attr(error, node, "up");
        return FALSE;
    }
    pt->ifindex = (int)ifindex;
    pt->mtu = (guint)mtu;
    pt->up = up == VNET_TRISTATE_YES;
    g_ptr_array_add(status->passthrough, g_steal_pointer(&pt));
    return TRUE;
}

/**
 * vnet_domain_status_parse_file:
 * @path: a status file
 * @ret_status: (out): the record
 * @ret_live: (out): the live definition
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_status_parse_file(const char *path, VnetDomainStatus **ret_status,
                              VnetDomainDef **ret_live, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file(path, error);
    g_autoptr(VnetDomainStatus) status = NULL;
    g_autoptr(VnetDomainDef) live = NULL;
    g_autofree char *backend = NULL;
    guint64 group = 0;
    xmlNode *root;

    if (!doc)
        return FALSE;
    root = xmlDocGetRootElement(doc);
    if (!vnet_xml_is_element(root, "domstatus")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected a <domstatus> document, found <%s>"), root->name);
        return FALSE;
    }
    if (!vnet_xml_prop_string(root, "backend", TRUE, &backend, error) ||
        !vnet_xml_prop_uint(root, "group", 1, G_MAXUINT32, FALSE, &group, NULL, error))
        return FALSE;
    status = vnet_domain_status_new(backend);
    status->group = (guint32)group;
    vnet_xml_foreach_element(child, root) {
        if (vnet_xml_is_element(child, "netns")) {
            if (!vnet_xml_prop_string(child, "name", TRUE, &status->netns, error) ||
                !vnet_xml_prop_uint(child, "inode", 1, G_MAXUINT64, TRUE, &status->netns_inode,
                                    NULL, error) ||
                !vnet_xml_prop_uint(child, "cookie", 1, G_MAXUINT64, FALSE,
                                    &status->netns_cookie, NULL, error))
                return FALSE;
        } else if (vnet_xml_is_element(child, "link")) {
            if (!parse_link(child, status, error))
                return FALSE;
        } else if (vnet_xml_is_element(child, "passthrough")) {
            if (!parse_passthrough(child, status, error))
                return FALSE;
        } else if (vnet_xml_is_element(child, "domain")) {
            live = vnet_domain_def_parse_node(child, error);
            if (!live)
                return FALSE;
        } else {
            vnet_xml_error(error, VNET_ERROR_INVALID_XML, child,
                           _("unexpected element <%s> in a status file"), child->name);
            return FALSE;
        }
    }
    if (!live) {
        vnet_xml_error_missing_child(error, root, "domain");
        return FALSE;
    }
    *ret_status = g_steal_pointer(&status);
    *ret_live = g_steal_pointer(&live);
    return TRUE;
}

/**
 * vnet_network_status_format:
 * @live: the live definition
 * @flags: #VnetNetworkStatusFlags
 *
 * Returns: (transfer full): the status document of a running network.
 */
char *
vnet_network_status_format(const VnetNetworkDef *live, guint flags)
{
    g_autoptr(VnetXmlWriter) writer = vnet_xml_writer_new();
    g_autofree char *xml = vnet_network_def_format(live, 0);

    vnet_xml_writer_start(writer, "netstatus");
    if (flags & VNET_NETWORK_STATUS_TRANSIENT)
        vnet_xml_writer_attr(writer, "transient", "yes");
    if (flags & VNET_NETWORK_STATUS_ON_DEMAND)
        vnet_xml_writer_attr(writer, "ondemand", "yes");
    embed_document(writer, xml);
    vnet_xml_writer_end(writer);
    return vnet_xml_writer_finish(writer);
}

/**
 * vnet_network_status_parse_file:
 * @path: a status file
 * @ret_live: (out): the live definition
 * @ret_flags: (out): #VnetNetworkStatusFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_status_parse_file(const char *path, VnetNetworkDef **ret_live, guint *ret_flags,
                               GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file(path, error);
    g_autoptr(VnetNetworkDef) live = NULL;
    VnetTristate transient = VNET_TRISTATE_ABSENT;
    VnetTristate on_demand = VNET_TRISTATE_ABSENT;
    xmlNode *root;
    xmlNode *child;

    if (!doc)
        return FALSE;
    root = xmlDocGetRootElement(doc);
    if (!vnet_xml_is_element(root, "netstatus")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected a <netstatus> document, found <%s>"), root->name);
        return FALSE;
    }
    if (!vnet_xml_prop_tristate(root, "transient", &transient, error) ||
        !vnet_xml_prop_tristate(root, "ondemand", &on_demand, error))
        return FALSE;
    child = vnet_xml_child(root, "network");
    if (!child) {
        vnet_xml_error_missing_child(error, root, "network");
        return FALSE;
    }
    live = vnet_network_def_parse_node(child, error);
    if (!live)
        return FALSE;
    *ret_live = g_steal_pointer(&live);
    *ret_flags = (transient == VNET_TRISTATE_YES ? VNET_NETWORK_STATUS_TRANSIENT : 0) |
                 (on_demand == VNET_TRISTATE_YES ? VNET_NETWORK_STATUS_ON_DEMAND : 0);
    return TRUE;
}
