/* libvnet-info.c: summaries that clients would otherwise dig out of the XML
 * themselves (the domain's type, a network's kind, addresses and rules) and
 * the VirtualBox port-forward rule form. They read the XML any driver
 * returns through the conf layer, so they work the same over D-Bus. */
#include <config.h>

#include "conf/domain_conf.h"
#include "conf/netdev_conf.h"
#include "conf/network_conf.h"
#include "libvnet-private.h"
#include "util/vnet-i18n.h"
#include "util/vnet-xml.h"

/**
 * vnet_domain_get_type_name:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the domain's type ("netns", "kvm", ...), or
 *   %NULL with @error set.
 */
char *
vnet_domain_get_type_name(VnetDomain *domain, GError **error)
{
    g_autofree char *xml = NULL;
    g_autoptr(VnetDomainDef) def = NULL;

    g_return_val_if_fail(domain != NULL, NULL);
    xml = vnet_domain_get_xml(domain, VNET_DOMAIN_XML_INACTIVE, error);
    if (!xml)
        return NULL;
    def = vnet_domain_def_parse_string(xml, vnet_domain_get_name(domain), error);
    if (!def)
        return NULL;
    return g_strdup(vnet_domain_type_to_string(def->type));
}

/**
 * vnet_network_info_free:
 * @info: (nullable): a network summary
 *
 * Frees @info.
 */
void
vnet_network_info_free(VnetNetworkInfo *info)
{
    if (!info)
        return;
    g_free(info->name);
    g_free(info->kind);
    g_free(info->bridge);
    g_free(info->ipv4);
    g_free(info->ipv6);
    g_strfreev(info->port_forwards);
    g_free(info);
}

static char *
ip_with_prefix(const VnetNetworkIpDef *ip)
{
    g_autofree char *addr = vnet_inet_to_string(&ip->address);

    return g_strdup_printf("%s/%u", addr, vnet_network_ip_def_prefix(ip));
}

/**
 * vnet_network_get_info:
 * @network: a network
 * @flags: #VnetNetworkXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a summary of @network, or %NULL with @error set.
 */
VnetNetworkInfo *
vnet_network_get_info(VnetNetwork *network, VnetNetworkXmlFlags flags, GError **error)
{
    g_autofree char *xml = NULL;
    g_autoptr(VnetNetworkDef) def = NULL;
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(g_free);
    VnetNetworkInfo *info;

    g_return_val_if_fail(network != NULL, NULL);
    xml = vnet_network_get_xml(network, flags, error);
    if (!xml)
        return NULL;
    def = vnet_network_def_parse_string(xml, vnet_network_get_name(network), error);
    if (!def)
        return NULL;

    info = g_new0(VnetNetworkInfo, 1);
    info->name = g_strdup(def->name);
    info->kind = g_strdup(vnet_network_kind_to_string(def->kind));
    info->bridge = g_strdup(def->bridge_name);
    for (guint i = 0; i < def->ips->len; i++) {
        const VnetNetworkIpDef *ip = g_ptr_array_index(def->ips, i);

        if (ip->address.family == AF_INET && !info->ipv4)
            info->ipv4 = ip_with_prefix(ip);
        else if (ip->address.family == AF_INET6 && !info->ipv6)
            info->ipv6 = ip_with_prefix(ip);
        if (ip->dhcp)
            info->dhcp = TRUE;
    }
    for (guint i = 0; def->forward.port_forwards && i < def->forward.port_forwards->len; i++)
        g_ptr_array_add(rules, vnet_network_port_forward_format_rule(
                                   g_ptr_array_index(def->forward.port_forwards, i)));
    g_ptr_array_add(rules, NULL);
    info->port_forwards = (char **)g_ptr_array_free(g_steal_pointer(&rules), FALSE);
    return info;
}

/**
 * vnet_port_forward_rule_to_xml:
 * @rule: "name:proto:[hostip]:hostport:[guestip]:guestport"
 * @ipv6: whether the addresses are IPv6 ones
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the `<portForward/>` element, or %NULL.
 */
char *
vnet_port_forward_rule_to_xml(const char *rule, gboolean ipv6, GError **error)
{
    g_autoptr(VnetPortForward) parsed = NULL;
    g_autoptr(VnetXmlWriter) writer = vnet_xml_writer_new();
    char *text;

    g_return_val_if_fail(rule != NULL, NULL);
    vnet_i18n_init();
    parsed = vnet_network_port_forward_parse_rule(rule, ipv6 ? AF_INET6 : AF_INET, error);
    if (!parsed)
        return NULL;
    vnet_port_forward_format(writer, parsed);
    text = vnet_xml_writer_finish(writer);
    return g_strchomp(text);
}

/**
 * vnet_port_forward_xml_to_rule:
 * @xml: a `<portForward/>` element
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule in VirtualBox's form, or %NULL.
 */
char *
vnet_port_forward_xml_to_rule(const char *xml, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(VnetPortForward) parsed = NULL;
    xmlNode *root;

    g_return_val_if_fail(xml != NULL, NULL);
    vnet_i18n_init();
    doc = vnet_xml_parse_string(xml, -1, "port forward XML", error);
    if (!doc)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (!vnet_xml_is_element(root, "portForward")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected a <portForward> element, not <%s>"),
                       (const char *)root->name);
        return NULL;
    }
    parsed = vnet_port_forward_parse(root, error);
    if (!parsed)
        return NULL;
    return vnet_network_port_forward_format_rule(parsed);
}
