/* network_conf.c: the <network> element itself: life cycle, the top-level
 * parse/format pair, post-parse defaults and the strictness helpers. The
 * subtrees live in network_ip_conf.c, network_dns_conf.c and
 * network_forward_conf.c; validation in network_validate.c. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"
#include "util/vnet-string.h"

VNET_ENUM_IMPL(vnet_network_kind, VNET_NETWORK_KIND_LAST, NULL, "nat", "hostonly", "internal",
               "bridged", "route", "open", "vepa", "private", "direct-bridge", "passthrough");
VNET_ENUM_IMPL(vnet_network_forward_mode, VNET_NETWORK_FORWARD_LAST, NULL, "nat", "route", "open",
               "bridge", "passthrough", "private", "vepa", "hostonly", "internal");
VNET_ENUM_IMPL(vnet_network_ip_family, VNET_NETWORK_IP_FAMILY_LAST, NULL, "ipv4", "ipv6");
VNET_ENUM_IMPL(vnet_network_lease_unit, VNET_NETWORK_LEASE_UNIT_LAST, NULL, "seconds", "minutes",
               "hours");
VNET_ENUM_IMPL(vnet_network_mac_table, VNET_NETWORK_MAC_TABLE_LAST, NULL, "kernel", "libvirt");

/* VirtualBox's default host-only network. */
#define HOSTONLY_DEFAULT_ADDRESS "192.168.56.1"
#define HOSTONLY_DEFAULT_PREFIX 24
#define HOSTONLY_DEFAULT_SERVER "192.168.56.100"
#define HOSTONLY_DEFAULT_START "192.168.56.101"
#define HOSTONLY_DEFAULT_END "192.168.56.254"

#define DNSMASQ_NS "http://libvirt.org/schemas/network/dnsmasq/1.0"

/* ---- strictness helpers -------------------------------------------------- */

static char *
join_allowed(const char *const *allowed)
{
    return g_strjoinv(", ", (char **)allowed);
}

static guint
count_strv(const char *const *strv)
{
    guint n = 0;

    while (strv[n])
        n++;
    return n;
}

/**
 * vnet_network_xml_check_attrs:
 * @node: an element
 * @allowed: NULL-terminated attribute names the element may carry
 * @error: return location for an error
 *
 * Refuses an attribute that is not in @allowed, so a typo is reported
 * rather than silently ignored, suggesting the closest allowed name.
 *
 * Returns: TRUE when every attribute is allowed.
 */
gboolean
vnet_network_xml_check_attrs(const xmlNode *node, const char *const *allowed, GError **error)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        g_autofree char *list = NULL;
        g_autofree char *name = NULL;
        const char *suggestion;

        if (!a->ns && g_strv_contains((const char *const *)allowed, (const char *)a->name))
            continue;
        vnet_i18n_init();
        name = a->ns && a->ns->prefix ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                      : g_strdup((const char *)a->name);
        list = join_allowed(allowed);
        suggestion = vnet_string_suggest(name, allowed, count_strv(allowed));
        if (!*list)
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <%s>: unknown attribute '%s'; it takes no attributes"),
                           (const char *)node->name, name);
        else if (suggestion)
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <%s>: unknown attribute '%s'; expected one of: %s "
                             "(did you mean '%s'?)"),
                           (const char *)node->name, name, list, suggestion);
        else
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <%s>: unknown attribute '%s'; expected one of: %s"),
                           (const char *)node->name, name, list);
        return FALSE;
    }
    return TRUE;
}

/**
 * vnet_network_xml_error_unknown_child:
 * @error: return location for an error
 * @parent: the element being parsed
 * @child: the child it does not know
 * @allowed: NULL-terminated names of the children @parent may have
 *
 * Sets the error for an unknown child element, with a suggestion for a
 * near miss.
 */
void
vnet_network_xml_error_unknown_child(GError **error, const xmlNode *parent, const xmlNode *child,
                                     const char *const *allowed)
{
    g_autofree char *list = join_allowed(allowed);
    const char *suggestion =
        vnet_string_suggest((const char *)child->name, allowed, count_strv(allowed));

    vnet_i18n_init();
    if (!*list)
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                       _("element <%s>: unknown element <%s>; it takes no child elements"),
                       (const char *)parent->name, (const char *)child->name);
    else if (suggestion)
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                       _("element <%s>: unknown element <%s>; expected one of: %s "
                         "(did you mean <%s>?)"),
                       (const char *)parent->name, (const char *)child->name, list, suggestion);
    else
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                       _("element <%s>: unknown element <%s>; expected one of: %s"),
                       (const char *)parent->name, (const char *)child->name, list);
}

/**
 * vnet_network_xml_check_once:
 * @child: an element that may appear once in its parent
 * @seen: whether an earlier sibling of the same name was seen
 * @error: return location for an error
 *
 * Returns: FALSE (with @error) when @seen.
 */
gboolean
vnet_network_xml_check_once(const xmlNode *child, gboolean seen, GError **error)
{
    if (!seen)
        return TRUE;
    vnet_i18n_init();
    vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                   _("element <%s>: element <%s> may appear only once"),
                   (const char *)child->parent->name, (const char *)child->name);
    return FALSE;
}

/**
 * vnet_network_xml_check_empty:
 * @node: an element that takes no child elements
 * @error: return location for an error
 *
 * Returns: FALSE (with @error) when @node has a child element.
 */
gboolean
vnet_network_xml_check_empty(const xmlNode *node, GError **error)
{
    static const char *const none[] = {NULL};
    xmlNode *child = vnet_xml_first_element(node);

    if (!child)
        return TRUE;
    vnet_network_xml_error_unknown_child(error, node, child, none);
    return FALSE;
}

/* ---- life cycle --------------------------------------------------------- */

static void
port_group_free(VnetNetworkPortGroupDef *pg)
{
    if (!pg)
        return;
    g_free(pg->name);
    vnet_virtual_port_def_free(pg->virtualport);
    vnet_bandwidth_def_free(pg->bandwidth);
    vnet_vlan_def_free(pg->vlan);
    g_free(pg);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkPortGroupDef, port_group_free)

/**
 * vnet_network_def_new:
 *
 * Returns: (transfer full): an empty def with every list allocated.
 */
VnetNetworkDef *
vnet_network_def_new(void)
{
    VnetNetworkDef *def = g_new0(VnetNetworkDef, 1);

    vnet_network_forward_def_init(&def->forward);
    def->ips = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_network_ip_def_free);
    def->routes = g_ptr_array_new_with_free_func(g_free);
    def->portgroups = g_ptr_array_new_with_free_func((GDestroyNotify)port_group_free);
    return def;
}

/**
 * vnet_network_def_new_internal:
 * @name: the network's name
 *
 * The def of an internal network created on demand, when a NIC names an
 * internal network that does not exist yet. Its runtime object is the one
 * flagged transient.
 *
 * Returns: (transfer full): the def, kind internal, with a fresh UUID.
 */
VnetNetworkDef *
vnet_network_def_new_internal(const char *name)
{
    VnetNetworkDef *def;

    g_return_val_if_fail(name != NULL, NULL);

    def = vnet_network_def_new();
    def->file = g_strdup(name);
    def->name = g_strdup(name);
    def->forward_set = TRUE;
    def->forward.mode = VNET_NETWORK_FORWARD_INTERNAL;
    /* The random source failing leaves a null UUID that validation reports;
     * a constructor has no error to return. */
    if (vnet_uuid_generate(&def->uuid) == 0)
        def->uuid_set = TRUE;
    def->kind = VNET_NETWORK_KIND_INTERNAL;
    return def;
}

/**
 * vnet_network_def_free:
 * @def: (nullable): a def
 *
 * Frees @def and everything it owns.
 */
void
vnet_network_def_free(VnetNetworkDef *def)
{
    if (!def)
        return;
    g_free(def->file);
    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    g_clear_pointer(&def->metadata, xmlFreeDoc);
    vnet_network_forward_def_clear(&def->forward);
    g_free(def->bridge_name);
    g_free(def->domain_name);
    vnet_network_dns_def_free(def->dns);
    vnet_vlan_def_free(def->vlan);
    vnet_bandwidth_def_free(def->bandwidth);
    g_ptr_array_unref(def->ips);
    g_ptr_array_unref(def->routes);
    vnet_virtual_port_def_free(def->virtualport);
    g_ptr_array_unref(def->portgroups);
    g_free(def);
}

static VnetNetworkPortGroupDef *
port_group_copy(const VnetNetworkPortGroupDef *src)
{
    VnetNetworkPortGroupDef *pg = g_memdup2(src, sizeof(*src));

    pg->name = g_strdup(src->name);
    pg->virtualport = vnet_virtual_port_def_copy(src->virtualport);
    pg->bandwidth = vnet_bandwidth_def_copy(src->bandwidth);
    pg->vlan = vnet_vlan_def_copy(src->vlan);
    return pg;
}

/**
 * vnet_network_def_copy:
 * @def: a def
 *
 * Returns: (transfer full): a deep copy of @def.
 */
VnetNetworkDef *
vnet_network_def_copy(const VnetNetworkDef *def)
{
    VnetNetworkDef *copy;

    g_return_val_if_fail(def != NULL, NULL);

    copy = g_memdup2(def, sizeof(*def));
    copy->file = g_strdup(def->file);
    copy->name = g_strdup(def->name);
    copy->title = g_strdup(def->title);
    copy->description = g_strdup(def->description);
    copy->metadata = def->metadata ? xmlCopyDoc(def->metadata, 1) : NULL;
    vnet_network_forward_def_copy_into(&copy->forward, &def->forward);
    copy->bridge_name = g_strdup(def->bridge_name);
    copy->domain_name = g_strdup(def->domain_name);
    copy->dns = def->dns ? vnet_network_dns_def_copy(def->dns) : NULL;
    copy->vlan = vnet_vlan_def_copy(def->vlan);
    copy->bandwidth = vnet_bandwidth_def_copy(def->bandwidth);
    copy->virtualport = vnet_virtual_port_def_copy(def->virtualport);
    copy->ips = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_network_ip_def_free);
    for (guint i = 0; i < def->ips->len; i++)
        g_ptr_array_add(copy->ips, vnet_network_ip_def_copy(def->ips->pdata[i]));
    copy->routes = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < def->routes->len; i++)
        g_ptr_array_add(copy->routes, vnet_network_route_def_copy(def->routes->pdata[i]));
    copy->portgroups = g_ptr_array_new_with_free_func((GDestroyNotify)port_group_free);
    for (guint i = 0; i < def->portgroups->len; i++)
        g_ptr_array_add(copy->portgroups, port_group_copy(def->portgroups->pdata[i]));
    return copy;
}

/* ---- parsing ------------------------------------------------------------- */

static gboolean
parse_text(const xmlNode *node, char **ret, GError **error)
{
    g_autofree char *text = vnet_xml_content(node);

    if (!vnet_network_xml_check_attrs(node, (const char *const[]){NULL}, error) ||
        !vnet_network_xml_check_empty(node, error))
        return FALSE;
    if (!text) {
        vnet_i18n_init();
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node, _("element <%s> is empty"),
                       (const char *)node->name);
        return FALSE;
    }
    g_free(*ret);
    *ret = g_steal_pointer(&text);
    return TRUE;
}

static gboolean
parse_bridge(const xmlNode *node, VnetNetworkDef *def, GError **error)
{
    static const char *const attrs[] = {"name", "stp", "delay", "macTableManager", "zone", NULL};
    int mac_table = VNET_NETWORK_MAC_TABLE_NONE;

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error))
        return FALSE;
    if (xmlHasProp(node, BAD_CAST "zone")) {
        vnet_xml_error_unsupported(error, node,
                                   _("attribute 'zone' (firewalld zones; vnet uses nftables)"));
        return FALSE;
    }
    if (!vnet_xml_prop_string(node, "name", FALSE, &def->bridge_name, error) ||
        !vnet_xml_prop_switch(node, "stp", &def->bridge_stp, error) ||
        !vnet_xml_prop_uint(node, "delay", 0, G_MAXUINT32, FALSE, &def->bridge_delay,
                            &def->bridge_delay_set, error) ||
        !vnet_xml_prop_enum(node, "macTableManager", &vnet_network_mac_table_table, FALSE,
                            &mac_table, error))
        return FALSE;
    def->bridge_mac_table = mac_table;
    def->bridge_set = TRUE;
    def->bridge_line = vnet_xml_node_line(node);
    return TRUE;
}

static gboolean
parse_domain(const xmlNode *node, VnetNetworkDef *def, GError **error)
{
    static const char *const attrs[] = {"name", "localOnly", "register", NULL};

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_string(node, "name", TRUE, &def->domain_name, error) ||
        !vnet_xml_prop_tristate(node, "localOnly", &def->domain_local_only, error) ||
        !vnet_xml_prop_tristate(node, "register", &def->domain_register, error))
        return FALSE;
    def->domain_line = vnet_xml_node_line(node);
    return TRUE;
}

static gboolean
parse_mac(const xmlNode *node, VnetNetworkDef *def, GError **error)
{
    static const char *const attrs[] = {"address", NULL};

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_mac(node, "address", TRUE, &def->mac, &def->mac_set, error))
        return FALSE;
    def->mac_line = vnet_xml_node_line(node);
    return TRUE;
}

static gboolean
parse_port(const xmlNode *node, VnetNetworkDef *def, GError **error)
{
    static const char *const attrs[] = {"isolated", NULL};

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_tristate(node, "isolated", &def->port_isolated, error))
        return FALSE;
    def->port_line = vnet_xml_node_line(node);
    return TRUE;
}

static VnetNetworkPortGroupDef *
parse_portgroup(const xmlNode *node, GError **error)
{
    static const char *const attrs[] = {"name", "default", "trustGuestRxFilters", NULL};
    static const char *const children[] = {"virtualport", "bandwidth", "vlan", NULL};
    g_autoptr(VnetNetworkPortGroupDef) pg = g_new0(VnetNetworkPortGroupDef, 1);

    pg->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_string(node, "name", TRUE, &pg->name, error) ||
        !vnet_xml_prop_tristate(node, "default", &pg->is_default, error) ||
        !vnet_xml_prop_tristate(node, "trustGuestRxFilters", &pg->trust_guest_rx_filters, error))
        return NULL;
    vnet_xml_foreach_element(child, node) {
        if (vnet_xml_is_element(child, "virtualport")) {
            if (!vnet_network_xml_check_once(child, pg->virtualport != NULL, error) ||
                !(pg->virtualport = vnet_virtual_port_def_parse(child, error)))
                return NULL;
        } else if (vnet_xml_is_element(child, "bandwidth")) {
            if (!vnet_network_xml_check_once(child, pg->bandwidth != NULL, error) ||
                !(pg->bandwidth = vnet_bandwidth_def_parse(child, 0, error)))
                return NULL;
        } else if (vnet_xml_is_element(child, "vlan")) {
            if (!vnet_network_xml_check_once(child, pg->vlan != NULL, error) ||
                !(pg->vlan = vnet_vlan_def_parse(child, error)))
                return NULL;
        } else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return NULL;
        }
    }
    return g_steal_pointer(&pg);
}

static gboolean
parse_metadata(const xmlNode *node, VnetNetworkDef *def, GError **error)
{
    g_autoptr(xmlDoc) doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNode *copy;

    if (!vnet_network_xml_check_attrs(node, (const char *const[]){NULL}, error))
        return FALSE;
    /* A recursive copy re-declares the namespaces the subtree uses, so it
     * stands alone once the document is gone. */
    copy = xmlDocCopyNode((xmlNode *)node, doc, 1);
    if (!copy) {
        vnet_xml_error(error, VNET_ERROR_INTERNAL, node, "%s", _("out of memory"));
        return FALSE;
    }
    xmlDocSetRootElement(doc, copy);
    def->metadata = g_steal_pointer(&doc);
    return TRUE;
}

static gboolean
parse_child(const xmlNode *root, const xmlNode *child, VnetNetworkDef *def, GError **error)
{
    static const char *const children[] = {
        "name", "uuid", "title", "description", "metadata", "forward", "bridge", "mtu",
        "mac", "domain", "dns", "vlan", "bandwidth", "port", "ip", "route", "virtualport",
        "portgroup", NULL};
    const char *name = (const char *)child->name;

    if (child->ns) {
        if (child->ns->href && xmlStrEqual(child->ns->href, BAD_CAST DNSMASQ_NS))
            vnet_xml_error_unsupported(error, child,
                                       _("<dnsmasq:options> (raw dnsmasq options)"));
        else
            vnet_network_xml_error_unknown_child(error, root, child, children);
        return FALSE;
    }
    if (g_str_equal(name, "name")) {
        def->name_line = vnet_xml_node_line(child);
        return vnet_network_xml_check_once(child, def->name != NULL, error) &&
               parse_text(child, &def->name, error);
    }
    if (g_str_equal(name, "uuid")) {
        if (!vnet_network_xml_check_once(child, def->uuid_set, error) ||
            !vnet_xml_content_uuid(child, &def->uuid, error))
            return FALSE;
        def->uuid_set = TRUE;
        return TRUE;
    }
    if (g_str_equal(name, "title"))
        return vnet_network_xml_check_once(child, def->title != NULL, error) &&
               parse_text(child, &def->title, error);
    if (g_str_equal(name, "description"))
        return vnet_network_xml_check_once(child, def->description != NULL, error) &&
               parse_text(child, &def->description, error);
    if (g_str_equal(name, "metadata"))
        return vnet_network_xml_check_once(child, def->metadata != NULL, error) &&
               parse_metadata(child, def, error);
    if (g_str_equal(name, "forward")) {
        if (!vnet_network_xml_check_once(child, def->forward_set, error) ||
            !vnet_network_forward_def_parse(child, &def->forward, error))
            return FALSE;
        def->forward_set = TRUE;
        return TRUE;
    }
    if (g_str_equal(name, "bridge"))
        return vnet_network_xml_check_once(child, def->bridge_set, error) &&
               parse_bridge(child, def, error);
    if (g_str_equal(name, "mtu"))
        return vnet_network_xml_check_once(child, def->mtu != 0, error) &&
               vnet_mtu_parse(child, &def->mtu, &def->mtu_line, error);
    if (g_str_equal(name, "mac"))
        return vnet_network_xml_check_once(child, def->mac_set, error) &&
               parse_mac(child, def, error);
    if (g_str_equal(name, "domain"))
        return vnet_network_xml_check_once(child, def->domain_name != NULL, error) &&
               parse_domain(child, def, error);
    if (g_str_equal(name, "dns"))
        return vnet_network_xml_check_once(child, def->dns != NULL, error) &&
               (def->dns = vnet_network_dns_def_parse(child, error)) != NULL;
    if (g_str_equal(name, "vlan"))
        return vnet_network_xml_check_once(child, def->vlan != NULL, error) &&
               (def->vlan = vnet_vlan_def_parse(child, error)) != NULL;
    if (g_str_equal(name, "bandwidth"))
        return vnet_network_xml_check_once(child, def->bandwidth != NULL, error) &&
               (def->bandwidth = vnet_bandwidth_def_parse(child, 0, error)) != NULL;
    if (g_str_equal(name, "port"))
        return vnet_network_xml_check_once(child, def->port_line != 0, error) &&
               parse_port(child, def, error);
    if (g_str_equal(name, "ip")) {
        VnetNetworkIpDef *ip = vnet_network_ip_def_parse(child, error);

        if (!ip)
            return FALSE;
        g_ptr_array_add(def->ips, ip);
        return TRUE;
    }
    if (g_str_equal(name, "route")) {
        VnetNetworkRouteDef *route = vnet_network_route_def_parse(child, error);

        if (!route)
            return FALSE;
        g_ptr_array_add(def->routes, route);
        return TRUE;
    }
    if (g_str_equal(name, "virtualport"))
        return vnet_network_xml_check_once(child, def->virtualport != NULL, error) &&
               (def->virtualport = vnet_virtual_port_def_parse(child, error)) != NULL;
    if (g_str_equal(name, "portgroup")) {
        VnetNetworkPortGroupDef *pg = parse_portgroup(child, error);

        if (!pg)
            return FALSE;
        g_ptr_array_add(def->portgroups, pg);
        return TRUE;
    }
    vnet_network_xml_error_unknown_child(error, root, child, children);
    return FALSE;
}

/**
 * vnet_network_def_parse_node:
 * @root: the <network> element
 * @error: return location for an error
 *
 * Parses a network document and applies the post-parse defaults. The
 * result is not validated yet: call vnet_network_def_validate().
 *
 * Returns: (transfer full): the def, or NULL with @error set.
 */
VnetNetworkDef *
vnet_network_def_parse_node(xmlNode *root, GError **error)
{
    static const char *const attrs[] = {"ipv6", "trustGuestRxFilters", NULL};
    g_autoptr(VnetNetworkDef) def = NULL;

    g_return_val_if_fail(root != NULL, NULL);
    vnet_i18n_init();

    if (!vnet_xml_is_element(root, "network") || root->ns) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected a <network> document, found <%s>"), (const char *)root->name);
        return NULL;
    }
    def = vnet_network_def_new();
    def->file = g_strdup(vnet_xml_node_file(root));
    def->line = vnet_xml_node_line(root);
    if (!vnet_network_xml_check_attrs(root, attrs, error) ||
        !vnet_xml_prop_tristate(root, "ipv6", &def->ipv6, error) ||
        !vnet_xml_prop_tristate(root, "trustGuestRxFilters", &def->trust_guest_rx_filters,
                                error))
        return NULL;
    vnet_xml_foreach_element(child, root) {
        if (!parse_child(root, child, def, error))
            return NULL;
    }
    if (!def->name) {
        vnet_xml_error_missing_child(error, root, "name");
        return NULL;
    }
    if (!vnet_network_def_post_parse(def, error))
        return NULL;
    return g_steal_pointer(&def);
}

/**
 * vnet_network_def_parse_file:
 * @path: a network XML file
 * @error: return location for an error
 *
 * Reads @path with the hardened reader and parses it.
 *
 * Returns: (transfer full): the def, or NULL with @error set.
 */
VnetNetworkDef *
vnet_network_def_parse_file(const char *path, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file(path, error);

    if (!doc)
        return NULL;
    return vnet_network_def_parse_node(xmlDocGetRootElement(doc), error);
}

/**
 * vnet_network_def_parse_string:
 * @xml: a network document
 * @name: (nullable): what to call it in messages
 * @error: return location for an error
 *
 * Returns: (transfer full): the def, or NULL with @error set.
 */
VnetNetworkDef *
vnet_network_def_parse_string(const char *xml, const char *name, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_string(xml, -1, name ? name : "network XML", error);

    if (!doc)
        return NULL;
    return vnet_network_def_parse_node(xmlDocGetRootElement(doc), error);
}

/* ---- post-parse ------------------------------------------------------------ */

/**
 * vnet_network_def_compute_kind:
 * @def: a def
 *
 * Returns: what @def is, from its <forward> mode and whether it has an
 * <ip> (see the table in network_conf.h).
 */
VnetNetworkKind
vnet_network_def_compute_kind(const VnetNetworkDef *def)
{
    switch (def->forward.mode) {
    case VNET_NETWORK_FORWARD_NONE:
        return def->ips->len > 0 ? VNET_NETWORK_KIND_HOSTONLY : VNET_NETWORK_KIND_INTERNAL;
    case VNET_NETWORK_FORWARD_NAT:
        return VNET_NETWORK_KIND_NAT;
    case VNET_NETWORK_FORWARD_ROUTE:
        return VNET_NETWORK_KIND_ROUTE;
    case VNET_NETWORK_FORWARD_OPEN:
        return VNET_NETWORK_KIND_OPEN;
    case VNET_NETWORK_FORWARD_BRIDGE:
        if (!def->bridge_name && (def->forward.ifs->len > 0 || def->forward.dev))
            return VNET_NETWORK_KIND_DIRECT_BRIDGE;
        return VNET_NETWORK_KIND_BRIDGE;
    case VNET_NETWORK_FORWARD_PASSTHROUGH:
        return VNET_NETWORK_KIND_PASSTHROUGH;
    case VNET_NETWORK_FORWARD_PRIVATE:
        return VNET_NETWORK_KIND_PRIVATE;
    case VNET_NETWORK_FORWARD_VEPA:
        return VNET_NETWORK_KIND_VEPA;
    case VNET_NETWORK_FORWARD_HOSTONLY:
        return VNET_NETWORK_KIND_HOSTONLY;
    case VNET_NETWORK_FORWARD_INTERNAL:
        return VNET_NETWORK_KIND_INTERNAL;
    case VNET_NETWORK_FORWARD_LAST:
        break;
    }
    g_return_val_if_reached(VNET_NETWORK_KIND_NONE);
}

static void
add_hostonly_defaults(VnetNetworkDef *def)
{
    VnetNetworkIpDef *ip = g_new0(VnetNetworkIpDef, 1);
    VnetNetworkDhcpRange *range = g_new0(VnetNetworkDhcpRange, 1);

    ip->line = def->forward.line;
    ip->prefix = HOSTONLY_DEFAULT_PREFIX;
    g_assert(vnet_inet_parse(HOSTONLY_DEFAULT_ADDRESS, AF_INET, &ip->address) == 0);
    ip->dhcp = vnet_network_dhcp_new();
    ip->dhcp->line = ip->line;
    g_assert(vnet_inet_parse(HOSTONLY_DEFAULT_SERVER, AF_INET, &ip->dhcp->server) == 0);
    range->line = ip->line;
    g_assert(vnet_inet_parse(HOSTONLY_DEFAULT_START, AF_INET, &range->start) == 0);
    g_assert(vnet_inet_parse(HOSTONLY_DEFAULT_END, AF_INET, &range->end) == 0);
    g_ptr_array_add(ip->dhcp->ranges, range);
    g_ptr_array_add(def->ips, ip);
}

/**
 * vnet_network_def_post_parse:
 * @def: a parsed or built def
 * @error: return location for an error
 *
 * Applies the defaults listed in network_conf.h (UUID, forward devices,
 * gateway, host-only defaults, default DHCP range) and derives the kind.
 * Applying it twice changes nothing more.
 *
 * Returns: FALSE only when the system's random source fails.
 */
gboolean
vnet_network_def_post_parse(VnetNetworkDef *def, GError **error)
{
    VnetNetworkForwardDef *fwd = &def->forward;

    if (!def->uuid_set) {
        int r = vnet_uuid_generate(&def->uuid);

        if (r < 0) {
            vnet_i18n_init();
            g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                        _("%s: cannot generate a UUID: %s"), def->file ? def->file : "network",
                        g_strerror(-r));
            return FALSE;
        }
        def->uuid_set = TRUE;
    }

    /* libvirt's forward-device defaults, so the two spellings of a
     * one-device forward format the same way. */
    if (fwd->dev && fwd->ifs->len == 0) {
        VnetNetworkForwardIf *fi = g_new0(VnetNetworkForwardIf, 1);

        fi->dev = g_strdup(fwd->dev);
        fi->line = fwd->line;
        g_ptr_array_add(fwd->ifs, fi);
    } else if (!fwd->dev && fwd->ifs->len > 0) {
        fwd->dev = g_strdup(((VnetNetworkForwardIf *)fwd->ifs->pdata[0])->dev);
    }

    if (fwd->mode == VNET_NETWORK_FORWARD_HOSTONLY && def->ips->len == 0)
        add_hostonly_defaults(def);

    for (guint i = 0; i < def->ips->len; i++)
        if (!vnet_network_ip_def_post_parse(def->ips->pdata[i], error))
            return FALSE;

    def->kind = vnet_network_def_compute_kind(def);
    return TRUE;
}

/* ---- formatting ------------------------------------------------------------- */

static void
format_bridge(VnetXmlWriter *w, const VnetNetworkDef *def)
{
    if (!def->bridge_set && !def->bridge_name)
        return;
    vnet_xml_writer_start(w, "bridge");
    vnet_xml_writer_attr(w, "name", def->bridge_name);
    vnet_xml_writer_attr(w, "stp", vnet_switch_to_string(def->bridge_stp));
    if (def->bridge_delay_set)
        vnet_xml_writer_attr_uint(w, "delay", def->bridge_delay);
    vnet_xml_writer_attr(w, "macTableManager",
                         vnet_network_mac_table_to_string(def->bridge_mac_table));
    vnet_xml_writer_end(w);
}

static void
format_portgroup(VnetXmlWriter *w, const VnetNetworkPortGroupDef *pg)
{
    vnet_xml_writer_start(w, "portgroup");
    vnet_xml_writer_attr(w, "name", pg->name);
    vnet_xml_writer_attr(w, "default", vnet_tristate_to_string(pg->is_default));
    vnet_xml_writer_attr(w, "trustGuestRxFilters",
                         vnet_tristate_to_string(pg->trust_guest_rx_filters));
    vnet_virtual_port_def_format(w, pg->virtualport);
    vnet_bandwidth_def_format(w, pg->bandwidth);
    vnet_vlan_def_format(w, pg->vlan);
    vnet_xml_writer_end(w);
}

/**
 * vnet_network_def_format:
 * @def: a def
 * @flags: 0
 *
 * Writes @def as canonical XML: only what is set, attributes in a fixed
 * order, elements in libvirt's order, two-space indentation. Parsing the
 * result and formatting again gives the same bytes.
 *
 * Returns: (transfer full): the document, ending with a newline.
 */
char *
vnet_network_def_format(const VnetNetworkDef *def, guint flags)
{
    g_autoptr(VnetXmlWriter) w = vnet_xml_writer_new();
    char uuid[VNET_UUID_STRLEN];

    g_return_val_if_fail(def != NULL, NULL);

    vnet_xml_writer_start(w, "network");
    vnet_xml_writer_attr(w, "ipv6", vnet_tristate_to_string(def->ipv6));
    vnet_xml_writer_attr(w, "trustGuestRxFilters",
                         vnet_tristate_to_string(def->trust_guest_rx_filters));
    vnet_xml_writer_text_element(w, "name", def->name);
    if (def->uuid_set) {
        vnet_uuid_format(&def->uuid, uuid);
        vnet_xml_writer_text_element(w, "uuid", uuid);
    }
    vnet_xml_writer_text_element(w, "title", def->title);
    vnet_xml_writer_text_element(w, "description", def->description);
    if (def->metadata)
        vnet_xml_writer_node(w, xmlDocGetRootElement(def->metadata));
    if (def->forward_set)
        vnet_network_forward_def_format(w, &def->forward);
    format_bridge(w, def);
    vnet_mtu_format(w, def->mtu);
    if (def->mac_set) {
        vnet_xml_writer_start(w, "mac");
        vnet_xml_writer_attr_mac(w, "address", &def->mac);
        vnet_xml_writer_end(w);
    }
    if (def->domain_name) {
        vnet_xml_writer_start(w, "domain");
        vnet_xml_writer_attr(w, "name", def->domain_name);
        vnet_xml_writer_attr(w, "localOnly", vnet_tristate_to_string(def->domain_local_only));
        vnet_xml_writer_attr(w, "register", vnet_tristate_to_string(def->domain_register));
        vnet_xml_writer_end(w);
    }
    if (def->dns)
        vnet_network_dns_def_format(w, def->dns);
    vnet_vlan_def_format(w, def->vlan);
    vnet_bandwidth_def_format(w, def->bandwidth);
    if (def->port_isolated != VNET_TRISTATE_ABSENT || def->port_line) {
        vnet_xml_writer_start(w, "port");
        vnet_xml_writer_attr(w, "isolated", vnet_tristate_to_string(def->port_isolated));
        vnet_xml_writer_end(w);
    }
    for (guint i = 0; i < def->ips->len; i++)
        vnet_network_ip_def_format(w, def->ips->pdata[i]);
    for (guint i = 0; i < def->routes->len; i++)
        vnet_network_route_def_format(w, def->routes->pdata[i]);
    vnet_virtual_port_def_format(w, def->virtualport);
    for (guint i = 0; i < def->portgroups->len; i++)
        format_portgroup(w, def->portgroups->pdata[i]);
    vnet_xml_writer_end(w);
    return vnet_xml_writer_finish(w);
}

/* ---- helpers for the driver ---------------------------------------------------- */

/**
 * vnet_network_kind_has_own_bridge:
 * @kind: a kind
 *
 * Returns: TRUE when vnet creates the bridge a network of @kind runs on.
 */
gboolean
vnet_network_kind_has_own_bridge(VnetNetworkKind kind)
{
    return kind == VNET_NETWORK_KIND_NAT || kind == VNET_NETWORK_KIND_HOSTONLY ||
           kind == VNET_NETWORK_KIND_INTERNAL || kind == VNET_NETWORK_KIND_ROUTE ||
           kind == VNET_NETWORK_KIND_OPEN;
}

/**
 * vnet_network_kind_is_pool:
 * @kind: a kind
 *
 * Returns: TRUE when a network of @kind is a pool of host devices that
 * NICs attach to with macvtap.
 */
gboolean
vnet_network_kind_is_pool(VnetNetworkKind kind)
{
    return kind == VNET_NETWORK_KIND_VEPA || kind == VNET_NETWORK_KIND_PRIVATE ||
           kind == VNET_NETWORK_KIND_DIRECT_BRIDGE || kind == VNET_NETWORK_KIND_PASSTHROUGH;
}

/**
 * vnet_network_def_pick_bridge_name:
 * @others: the other networks' defs
 * @n_others: how many
 *
 * Returns: (transfer full): the first "vnbrN" no def in @others uses.
 */
char *
vnet_network_def_pick_bridge_name(const VnetNetworkDef *const *others, guint n_others)
{
    for (guint n = 0;; n++) {
        g_autofree char *name = g_strdup_printf(VNET_NETWORK_BRIDGE_NAME_PATTERN, n);
        gboolean used = FALSE;

        for (guint i = 0; i < n_others && !used; i++)
            used = g_strcmp0(others[i]->bridge_name, name) == 0;
        if (!used)
            return g_steal_pointer(&name);
    }
}

/**
 * vnet_network_def_ipv4:
 * @def: a def
 *
 * Returns: (transfer none) (nullable): the first IPv4 <ip> of @def.
 */
const VnetNetworkIpDef *
vnet_network_def_ipv4(const VnetNetworkDef *def)
{
    for (guint i = 0; i < def->ips->len; i++) {
        const VnetNetworkIpDef *ip = def->ips->pdata[i];

        if (ip->address.family == AF_INET)
            return ip;
    }
    return NULL;
}
