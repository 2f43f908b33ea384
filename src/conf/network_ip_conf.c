/* network_ip_conf.c: <ip> with its <tftp> and <dhcp> (ranges, static hosts,
 * leases, bootp), and <route>: parse, post-parse defaults, format, copy. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"

static int
family_of(VnetNetworkIpFamily family)
{
    switch (family) {
    case VNET_NETWORK_IP_FAMILY_IPV4:
        return AF_INET;
    case VNET_NETWORK_IP_FAMILY_IPV6:
        return AF_INET6;
    default:
        return 0;
    }
}

/* ---- life cycle ------------------------------------------------------------ */

static void
dhcp_host_free(VnetNetworkDhcpHost *host)
{
    if (!host)
        return;
    g_free(host->id);
    g_free(host->name);
    g_free(host);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkDhcpHost, dhcp_host_free)

static void
dhcp_free(VnetNetworkDhcp *dhcp)
{
    if (!dhcp)
        return;
    g_ptr_array_unref(dhcp->ranges);
    g_ptr_array_unref(dhcp->hosts);
    g_free(dhcp->bootp_file);
    g_free(dhcp->bootp_server);
    g_free(dhcp);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkDhcp, dhcp_free)

/**
 * vnet_network_dhcp_new:
 *
 * Returns: (transfer full): an empty <dhcp> with its lists allocated.
 */
VnetNetworkDhcp *
vnet_network_dhcp_new(void)
{
    VnetNetworkDhcp *dhcp = g_new0(VnetNetworkDhcp, 1);

    dhcp->ranges = g_ptr_array_new_with_free_func(g_free);
    dhcp->hosts = g_ptr_array_new_with_free_func((GDestroyNotify)dhcp_host_free);
    return dhcp;
}

/**
 * vnet_network_ip_def_free:
 * @ip: (nullable): an <ip>
 *
 * Frees @ip and its DHCP configuration.
 */
void
vnet_network_ip_def_free(VnetNetworkIpDef *ip)
{
    if (!ip)
        return;
    g_free(ip->tftp_root);
    dhcp_free(ip->dhcp);
    g_free(ip);
}

static VnetNetworkDhcp *
dhcp_copy(const VnetNetworkDhcp *src)
{
    VnetNetworkDhcp *dhcp = vnet_network_dhcp_new();

    dhcp->server = src->server;
    dhcp->line = src->line;
    dhcp->bootp_line = src->bootp_line;
    dhcp->bootp_file = g_strdup(src->bootp_file);
    dhcp->bootp_server = g_strdup(src->bootp_server);
    for (guint i = 0; i < src->ranges->len; i++)
        g_ptr_array_add(dhcp->ranges,
                        g_memdup2(src->ranges->pdata[i], sizeof(VnetNetworkDhcpRange)));
    for (guint i = 0; i < src->hosts->len; i++) {
        const VnetNetworkDhcpHost *h = src->hosts->pdata[i];
        VnetNetworkDhcpHost *copy = g_memdup2(h, sizeof(*h));

        copy->id = g_strdup(h->id);
        copy->name = g_strdup(h->name);
        g_ptr_array_add(dhcp->hosts, copy);
    }
    return dhcp;
}

/**
 * vnet_network_ip_def_copy:
 * @ip: an <ip>
 *
 * Returns: (transfer full): a deep copy of @ip.
 */
VnetNetworkIpDef *
vnet_network_ip_def_copy(const VnetNetworkIpDef *ip)
{
    VnetNetworkIpDef *copy = g_memdup2(ip, sizeof(*ip));

    copy->tftp_root = g_strdup(ip->tftp_root);
    copy->dhcp = ip->dhcp ? dhcp_copy(ip->dhcp) : NULL;
    return copy;
}

/**
 * vnet_network_route_def_copy:
 * @route: a <route>
 *
 * Returns: (transfer full): a copy of @route.
 */
VnetNetworkRouteDef *
vnet_network_route_def_copy(const VnetNetworkRouteDef *route)
{
    return g_memdup2(route, sizeof(*route));
}

/* ---- parsing --------------------------------------------------------------- */

static gboolean
parse_lease(const xmlNode *node, VnetNetworkLease *lease, GError **error)
{
    static const char *const attrs[] = {"expiry", "unit", NULL};
    int unit = VNET_NETWORK_LEASE_UNIT_NONE;

    if (!vnet_network_xml_check_once(node, lease->set, error) ||
        !vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_uint(node, "expiry", 0, G_MAXUINT32, TRUE, &lease->expiry, NULL, error) ||
        !vnet_xml_prop_enum(node, "unit", &vnet_network_lease_unit_table, FALSE, &unit, error))
        return FALSE;
    lease->unit = unit;
    lease->set = TRUE;
    lease->line = vnet_xml_node_line(node);
    return TRUE;
}

/* Children of <range> and <host>: at most one <lease>. */
static gboolean
parse_lease_children(const xmlNode *node, VnetNetworkLease *lease, GError **error)
{
    static const char *const children[] = {"lease", NULL};

    vnet_xml_foreach_element(child, node) {
        if (!vnet_xml_is_element(child, "lease")) {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return FALSE;
        }
        if (!parse_lease(child, lease, error))
            return FALSE;
    }
    return TRUE;
}

static gboolean
parse_range(const xmlNode *node, int family, VnetNetworkDhcp *dhcp, GError **error)
{
    static const char *const attrs[] = {"start", "end", NULL};
    g_autofree VnetNetworkDhcpRange *range = g_new0(VnetNetworkDhcpRange, 1);

    range->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_inet(node, "start", family, TRUE, &range->start, error) ||
        !vnet_xml_prop_inet(node, "end", family, TRUE, &range->end, error) ||
        !parse_lease_children(node, &range->lease, error))
        return FALSE;
    g_ptr_array_add(dhcp->ranges, g_steal_pointer(&range));
    return TRUE;
}

static gboolean
parse_host(const xmlNode *node, int family, VnetNetworkDhcp *dhcp, GError **error)
{
    static const char *const attrs[] = {"mac", "id", "name", "ip", NULL};
    g_autoptr(VnetNetworkDhcpHost) host = g_new0(VnetNetworkDhcpHost, 1);

    host->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_mac(node, "mac", FALSE, &host->mac, &host->mac_set, error) ||
        !vnet_xml_prop_string(node, "id", FALSE, &host->id, error) ||
        !vnet_xml_prop_string(node, "name", FALSE, &host->name, error) ||
        !vnet_xml_prop_inet(node, "ip", family, TRUE, &host->ip, error) ||
        !parse_lease_children(node, &host->lease, error))
        return FALSE;
    if (host->mac_set && host->id) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <host>: attributes 'mac' and 'id' exclude each other; "
                         "give 'mac' for an IPv4 host or 'id' (a DUID) for an IPv6 host"));
        return FALSE;
    }
    if (!host->mac_set && !host->id && !host->name) {
        g_autofree char *ip = vnet_inet_to_string(&host->ip);

        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <host> needs attribute 'mac', 'id' or 'name' to say which "
                         "guest gets ip='%s'"),
                       ip);
        return FALSE;
    }
    g_ptr_array_add(dhcp->hosts, g_steal_pointer(&host));
    return TRUE;
}

static gboolean
parse_bootp(const xmlNode *node, VnetNetworkDhcp *dhcp, GError **error)
{
    static const char *const attrs[] = {"file", "server", NULL};

    if (!vnet_network_xml_check_once(node, dhcp->bootp_file != NULL, error) ||
        !vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_string(node, "file", TRUE, &dhcp->bootp_file, error) ||
        !vnet_xml_prop_string(node, "server", FALSE, &dhcp->bootp_server, error))
        return FALSE;
    dhcp->bootp_line = vnet_xml_node_line(node);
    return TRUE;
}

static VnetNetworkDhcp *
parse_dhcp(const xmlNode *node, int family, GError **error)
{
    static const char *const attrs[] = {"server", NULL};
    static const char *const children[] = {"range", "host", "bootp", NULL};
    g_autoptr(VnetNetworkDhcp) dhcp = vnet_network_dhcp_new();

    dhcp->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_inet(node, "server", family, FALSE, &dhcp->server, error))
        return NULL;
    vnet_xml_foreach_element(child, node) {
        gboolean ok;

        if (vnet_xml_is_element(child, "range"))
            ok = parse_range(child, family, dhcp, error);
        else if (vnet_xml_is_element(child, "host"))
            ok = parse_host(child, family, dhcp, error);
        else if (vnet_xml_is_element(child, "bootp"))
            ok = parse_bootp(child, dhcp, error);
        else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            ok = FALSE;
        }
        if (!ok)
            return NULL;
    }
    return g_steal_pointer(&dhcp);
}

/* prefix='N' or netmask='M' (IPv4 only), not both; shared by <ip> and
 * <route>. */
static gboolean
parse_prefix(const xmlNode *node, int family, guint *ret_prefix, VnetInetAddr *ret_netmask,
             GError **error)
{
    guint64 prefix = 0;
    gboolean has_prefix = FALSE;

    if (!vnet_xml_prop_uint(node, "prefix", 1, vnet_inet_family_bits(family), FALSE, &prefix,
                            &has_prefix, error))
        return FALSE;
    if (xmlHasProp(node, BAD_CAST "netmask")) {
        if (has_prefix) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <%s>: attributes 'prefix' and 'netmask' exclude each "
                             "other; give one"),
                           (const char *)node->name);
            return FALSE;
        }
        if (family != AF_INET) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <%s>, attribute 'netmask': IPv6 addresses take "
                             "'prefix' instead"),
                           (const char *)node->name);
            return FALSE;
        }
        if (!vnet_xml_prop_inet(node, "netmask", AF_INET, TRUE, ret_netmask, error))
            return FALSE;
        if (vnet_inet_netmask_to_prefix(ret_netmask) < 0) {
            g_autofree char *mask = vnet_inet_to_string(ret_netmask);

            vnet_xml_error_bad_attr(error, node, "netmask", mask,
                                    _("a contiguous netmask such as 255.255.255.0"));
            return FALSE;
        }
    }
    *ret_prefix = (guint)prefix;
    return TRUE;
}

/* family='ipv4|ipv6' and address='A' must agree; returns the family. */
static gboolean
parse_family_address(const xmlNode *node, const char *attr, VnetNetworkIpFamily *ret_family,
                     VnetInetAddr *ret_addr, GError **error)
{
    int family_attr = VNET_NETWORK_IP_FAMILY_NONE;
    int family;

    if (!vnet_xml_prop_enum(node, "family", &vnet_network_ip_family_table, FALSE, &family_attr,
                            error))
        return FALSE;
    family = family_of(family_attr);
    if (!vnet_xml_prop_inet(node, attr, family, TRUE, ret_addr, error))
        return FALSE;
    *ret_family = family_attr;
    return TRUE;
}

/**
 * vnet_network_ip_def_parse:
 * @node: an <ip> element
 * @error: return location for an error
 *
 * Returns: (transfer full): the parsed <ip>, or NULL with @error set.
 */
VnetNetworkIpDef *
vnet_network_ip_def_parse(const xmlNode *node, GError **error)
{
    static const char *const attrs[] = {"address", "prefix", "netmask", "family", "localPtr",
                                        NULL};
    static const char *const children[] = {"tftp", "dhcp", NULL};
    g_autoptr(VnetNetworkIpDef) ip = g_new0(VnetNetworkIpDef, 1);
    int family;

    vnet_i18n_init();
    ip->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !parse_family_address(node, "address", &ip->family_attr, &ip->address, error))
        return NULL;
    family = ip->address.family;
    if (!parse_prefix(node, family, &ip->prefix, &ip->netmask, error) ||
        !vnet_xml_prop_tristate(node, "localPtr", &ip->local_ptr, error))
        return NULL;
    vnet_xml_foreach_element(child, node) {
        if (vnet_xml_is_element(child, "tftp")) {
            static const char *const tftp_attrs[] = {"root", NULL};

            if (!vnet_network_xml_check_once(child, ip->tftp_root != NULL, error) ||
                !vnet_network_xml_check_attrs(child, tftp_attrs, error) ||
                !vnet_network_xml_check_empty(child, error) ||
                !vnet_xml_prop_string(child, "root", TRUE, &ip->tftp_root, error))
                return NULL;
        } else if (vnet_xml_is_element(child, "dhcp")) {
            if (!vnet_network_xml_check_once(child, ip->dhcp != NULL, error) ||
                !(ip->dhcp = parse_dhcp(child, family, error)))
                return NULL;
        } else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return NULL;
        }
    }
    return g_steal_pointer(&ip);
}

/**
 * vnet_network_route_def_parse:
 * @node: a <route> element
 * @error: return location for an error
 *
 * Returns: (transfer full): the parsed static route, or NULL with @error.
 */
VnetNetworkRouteDef *
vnet_network_route_def_parse(const xmlNode *node, GError **error)
{
    static const char *const attrs[] = {"family", "address", "prefix", "netmask", "gateway",
                                        "metric", NULL};
    g_autofree VnetNetworkRouteDef *route = g_new0(VnetNetworkRouteDef, 1);
    guint64 metric = 0;

    vnet_i18n_init();
    route->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !parse_family_address(node, "address", &route->family_attr, &route->address, error) ||
        !parse_prefix(node, route->address.family, &route->prefix, &route->netmask, error) ||
        !vnet_xml_prop_inet(node, "gateway", route->address.family, TRUE, &route->gateway,
                            error) ||
        !vnet_xml_prop_uint(node, "metric", 1, G_MAXUINT32, FALSE, &metric, &route->metric_set,
                            error))
        return NULL;
    route->metric = (guint)metric;
    return g_steal_pointer(&route);
}

/* ---- post-parse --------------------------------------------------------------- */

static guint
prefix_of(int family, guint prefix, const VnetInetAddr *netmask, const VnetInetAddr *address)
{
    if (prefix)
        return prefix;
    if (vnet_inet_is_set(netmask))
        return (guint)vnet_inet_netmask_to_prefix(netmask);
    if (family == AF_INET6)
        return 64;
    /* libvirt's classful default for an IPv4 address without a mask */
    if (address->u.bytes[0] < 128)
        return 8;
    if (address->u.bytes[0] < 192)
        return 16;
    if (address->u.bytes[0] < 224)
        return 24;
    return 32;
}

/**
 * vnet_network_ip_def_prefix:
 * @ip: an <ip>
 *
 * Returns: the prefix length in effect: prefix, netmask, or the default
 * (classful for IPv4, 64 for IPv6).
 */
guint
vnet_network_ip_def_prefix(const VnetNetworkIpDef *ip)
{
    return prefix_of(ip->address.family, ip->prefix, &ip->netmask, &ip->address);
}

/**
 * vnet_network_route_def_prefix:
 * @route: a <route>
 *
 * Returns: the route's prefix length, defaulted like an <ip>'s.
 */
guint
vnet_network_route_def_prefix(const VnetNetworkRouteDef *route)
{
    return prefix_of(route->address.family, route->prefix, &route->netmask, &route->address);
}

/* The last address a DHCP range may hand out: below the IPv4 broadcast. */
static void
last_host(const VnetNetworkIpDef *ip, guint prefix, VnetInetAddr *ret)
{
    VnetInetAddr last;

    vnet_inet_last(&ip->address, prefix, &last);
    if (ip->address.family == AF_INET)
        vnet_inet_add(&last, -1, ret);
    else
        *ret = last;
}

/**
 * vnet_network_ip_def_post_parse:
 * @ip: an <ip>
 * @error: return location for an error
 *
 * A network address becomes the first host address (the gateway), and an
 * empty <dhcp/> gets the range after the DHCP server's address (see
 * network_conf.h). Leaves anything it cannot make sense of to validation.
 *
 * Returns: TRUE.
 */
gboolean
vnet_network_ip_def_post_parse(VnetNetworkIpDef *ip, GError **error)
{
    guint prefix = vnet_network_ip_def_prefix(ip);
    guint bits = vnet_inet_family_bits(ip->address.family);
    VnetInetAddr net;
    VnetInetAddr first;
    VnetInetAddr last;
    const VnetInetAddr *server;
    VnetNetworkDhcpRange *range;

    if (!bits || prefix + 1 >= bits)
        return TRUE;
    vnet_inet_network(&ip->address, prefix, &net);
    vnet_inet_add(&net, 1, &first);
    if (vnet_inet_equal(&net, &ip->address))
        ip->address = first;

    if (!ip->dhcp || ip->dhcp->ranges->len > 0 || ip->dhcp->hosts->len > 0)
        return TRUE;
    server = vnet_inet_is_set(&ip->dhcp->server) ? &ip->dhcp->server : &ip->address;
    if (!vnet_inet_in_subnet(server, &net, prefix))
        return TRUE;
    last_host(ip, prefix, &last);
    range = g_new0(VnetNetworkDhcpRange, 1);
    range->line = ip->dhcp->line;
    if (vnet_inet_compare(server, &last) < 0) {
        vnet_inet_add(server, 1, &range->start);
        range->end = last;
    } else {
        /* The server has the last host address: hand out what is below. */
        range->start = first;
        vnet_inet_add(server, -1, &range->end);
    }
    g_ptr_array_add(ip->dhcp->ranges, range);
    return TRUE;
}

/* ---- formatting ---------------------------------------------------------------- */

static void
format_prefix(VnetXmlWriter *w, guint prefix, const VnetInetAddr *netmask)
{
    vnet_xml_writer_attr_inet(w, "netmask", netmask);
    if (prefix)
        vnet_xml_writer_attr_uint(w, "prefix", prefix);
}

static void
format_lease(VnetXmlWriter *w, const VnetNetworkLease *lease)
{
    if (!lease->set)
        return;
    vnet_xml_writer_start(w, "lease");
    vnet_xml_writer_attr_uint(w, "expiry", lease->expiry);
    vnet_xml_writer_attr(w, "unit", vnet_network_lease_unit_to_string(lease->unit));
    vnet_xml_writer_end(w);
}

static void
format_dhcp(VnetXmlWriter *w, const VnetNetworkDhcp *dhcp)
{
    vnet_xml_writer_start(w, "dhcp");
    vnet_xml_writer_attr_inet(w, "server", &dhcp->server);
    for (guint i = 0; i < dhcp->ranges->len; i++) {
        const VnetNetworkDhcpRange *range = dhcp->ranges->pdata[i];

        vnet_xml_writer_start(w, "range");
        vnet_xml_writer_attr_inet(w, "start", &range->start);
        vnet_xml_writer_attr_inet(w, "end", &range->end);
        format_lease(w, &range->lease);
        vnet_xml_writer_end(w);
    }
    for (guint i = 0; i < dhcp->hosts->len; i++) {
        const VnetNetworkDhcpHost *host = dhcp->hosts->pdata[i];

        vnet_xml_writer_start(w, "host");
        if (host->mac_set)
            vnet_xml_writer_attr_mac(w, "mac", &host->mac);
        vnet_xml_writer_attr(w, "id", host->id);
        vnet_xml_writer_attr(w, "name", host->name);
        vnet_xml_writer_attr_inet(w, "ip", &host->ip);
        format_lease(w, &host->lease);
        vnet_xml_writer_end(w);
    }
    if (dhcp->bootp_file) {
        vnet_xml_writer_start(w, "bootp");
        vnet_xml_writer_attr(w, "file", dhcp->bootp_file);
        vnet_xml_writer_attr(w, "server", dhcp->bootp_server);
        vnet_xml_writer_end(w);
    }
    vnet_xml_writer_end(w);
}

/**
 * vnet_network_ip_def_format:
 * @writer: the writer
 * @ip: an <ip>
 *
 * Writes <ip> with its children.
 */
void
vnet_network_ip_def_format(VnetXmlWriter *writer, const VnetNetworkIpDef *ip)
{
    vnet_xml_writer_start(writer, "ip");
    vnet_xml_writer_attr(writer, "family", vnet_network_ip_family_to_string(ip->family_attr));
    vnet_xml_writer_attr_inet(writer, "address", &ip->address);
    format_prefix(writer, ip->prefix, &ip->netmask);
    vnet_xml_writer_attr(writer, "localPtr", vnet_tristate_to_string(ip->local_ptr));
    if (ip->tftp_root) {
        vnet_xml_writer_start(writer, "tftp");
        vnet_xml_writer_attr(writer, "root", ip->tftp_root);
        vnet_xml_writer_end(writer);
    }
    if (ip->dhcp)
        format_dhcp(writer, ip->dhcp);
    vnet_xml_writer_end(writer);
}

/**
 * vnet_network_route_def_format:
 * @writer: the writer
 * @route: a <route>
 *
 * Writes <route/>.
 */
void
vnet_network_route_def_format(VnetXmlWriter *writer, const VnetNetworkRouteDef *route)
{
    vnet_xml_writer_start(writer, "route");
    vnet_xml_writer_attr(writer, "family", vnet_network_ip_family_to_string(route->family_attr));
    vnet_xml_writer_attr_inet(writer, "address", &route->address);
    format_prefix(writer, route->prefix, &route->netmask);
    vnet_xml_writer_attr_inet(writer, "gateway", &route->gateway);
    if (route->metric_set)
        vnet_xml_writer_attr_uint(writer, "metric", route->metric);
    vnet_xml_writer_end(writer);
}
