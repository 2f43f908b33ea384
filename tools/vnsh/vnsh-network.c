/* vnsh-network.c: the network commands, as virsh spells them (net-*). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "vnsh.h"
#include "vnsh-network.h"

/**
 * vnsh_network_doc:
 * @network: a network
 * @flags: #VnetNetworkXmlFlags
 * @error: return location for an error
 *
 * Returns: (transfer full): the network's XML, parsed.
 */
xmlDoc *
vnsh_network_doc(VnetNetwork *network, VnetNetworkXmlFlags flags, GError **error)
{
    g_autofree char *xml = vnet_network_get_xml(network, flags, error);

    return xml ? vnsh_xml_parse(xml, vnet_network_get_name(network), error) : NULL;
}

/* The commands domains have too (vnsh-object.c). */
static int
cmd_net_define(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_DEFINE);
}

static int
cmd_net_undefine(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_UNDEFINE);
}

static int
cmd_net_start(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_START);
}

static int
cmd_net_destroy(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_DESTROY);
}

static int
cmd_net_dumpxml(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_DUMPXML);
}

static int
cmd_net_edit(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_EDIT);
}

static int
cmd_net_autostart(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_NETWORK, VNSH_OBJECT_AUTOSTART);
}

static const VnshColumn net_list_columns[] = {
    {"name", N_("Name")},           {"uuid", N_("UUID")}, {"state", N_("State")},
    {"autostart", N_("Autostart")}, {"mode", N_("Mode")}, {"bridge", N_("Bridge")},
};

static int
cmd_net_list(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) networks = vnet_connection_list_networks(ctl->conn,
                                                                  vnsh_list_flags(args), &error);
    g_autoptr(VnshTable) table = vnsh_table_new(net_list_columns,
                                                G_N_ELEMENTS(net_list_columns));

    if (!networks)
        return vnsh_report(error);
    for (guint i = 0; i < networks->len; i++) {
        VnetNetwork *network = networks->pdata[i];
        int active = vnet_network_is_active(network, NULL);
        int autostart = vnet_network_get_autostart(network, NULL);
        g_autoptr(VnetNetworkInfo) info = vnet_network_get_info(network, 0, NULL);

        if (active < 0 || autostart < 0 || !info)
            continue; /* undefined meanwhile */
        vnsh_table_add_row(table);
        vnsh_table_add_string(table, vnet_network_get_name(network));
        vnsh_table_add_string(table, vnet_network_get_uuid(network));
        vnsh_table_add_string(table, active ? "active" : "inactive");
        vnsh_table_add_bool(table, autostart);
        vnsh_table_add_string(table, info->kind);
        vnsh_table_add_string(table, info->bridge);
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

static const VnshColumn lease_columns[] = {
    {"expiry_time", N_("Expiry Time")}, {"mac", N_("MAC address")},
    {"protocol", N_("Protocol")},       {"ip", N_("IP address")},
    {"hostname", N_("Hostname")},       {"client_id", N_("Client ID")},
};

static int
cmd_net_dhcp_leases(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetNetwork) network = vnsh_lookup_network(ctl, vnsh_args_get(args, "network"));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) leases = NULL;
    g_autoptr(VnshTable) table = vnsh_table_new(lease_columns, G_N_ELEMENTS(lease_columns));

    if (!network)
        return VNSH_EXIT_FAILED;
    leases = vnet_network_get_dhcp_leases(network, vnsh_args_get(args, "mac"), &error);
    if (!leases)
        return vnsh_report(error);
    for (guint i = 0; i < leases->len; i++) {
        const VnetDhcpLease *lease = leases->pdata[i];
        g_autofree char *expiry = NULL;
        g_autofree char *ip = g_strdup_printf("%s/%u", lease->ip, lease->prefix);

        if (lease->expiry_time > 0) {
            g_autoptr(GDateTime) time = g_date_time_new_from_unix_local(lease->expiry_time);

            expiry = time ? g_date_time_format(time, "%Y-%m-%d %H:%M:%S") : NULL;
        }
        vnsh_table_add_row(table);
        vnsh_table_add_int(table, lease->expiry_time, expiry ? expiry : _("never"));
        vnsh_table_add_string(table, lease->mac);
        vnsh_table_add_string(table, strchr(lease->ip, ':') ? "ipv6" : "ipv4");
        vnsh_table_add_string(table, ip);
        vnsh_table_add_string(table, lease->hostname);
        vnsh_table_add_string(table, lease->client_id);
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

/* ---- the table ---------------------------------------------------------------------- */

#define NETWORK_ARG                                                                          \
    {"network", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NAME", N_("the network's name or UUID"),     \
     VNSH_COMPLETE_NETWORK}

static const VnshOption file_options[] = {
    {"file", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "FILE", N_("a network XML file"),
     VNSH_COMPLETE_FILE},
    {NULL},
};

static const VnshOption network_options[] = {
    NETWORK_ARG,
    {NULL},
};

static const VnshOption list_options[] = {
    {"all", VNSH_OPT_BOOL, 0, NULL, N_("list active and inactive networks")},
    {"inactive", VNSH_OPT_BOOL, 0, NULL, N_("list inactive networks only")},
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

static const VnshOption dumpxml_options[] = {
    NETWORK_ARG,
    {"inactive", VNSH_OPT_BOOL, 0, NULL,
     N_("the persistent configuration instead of the live state")},
    {NULL},
};

static const VnshOption autostart_options[] = {
    NETWORK_ARG,
    {"disable", VNSH_OPT_BOOL, 0, NULL, N_("stop starting it automatically")},
    {NULL},
};

static const VnshOption leases_options[] = {
    NETWORK_ARG,
    {"mac", VNSH_OPT_STRING, 0, "MAC", N_("only the leases of this MAC address")},
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

const VnshCommand vnsh_network_commands[] = {
    {"net-list", N_("list networks: name, UUID, state, autostart, mode, bridge"),
     N_("Without options, the active networks. Mode is the network's kind as vnet names it: "
        "nat, hostonly, internal, bridged, route, open, or a direct pool's mode."),
     "vnsh net-list --all", list_options, 0,
     cmd_net_list},
    {"net-define", N_("define (or redefine) a network from an XML file"), NULL,
     "vnsh net-define examples/networks/natnet1.xml", file_options, 0, cmd_net_define},
    {"net-undefine", N_("remove the definition of a network that is not active"), NULL,
     "vnsh net-undefine natnet1", network_options, 0, cmd_net_undefine},
    {"net-start", N_("start a network: its bridge, firewall rules and DHCP server"), NULL,
     "vnsh net-start natnet1", network_options, 0, cmd_net_start},
    {"net-destroy", N_("stop an active network and remove what its start created"), NULL,
     "vnsh net-destroy natnet1", network_options, 0, cmd_net_destroy},
    {"net-dumpxml", N_("print a network's XML"), NULL, "vnsh net-dumpxml natnet1",
     dumpxml_options, 0, cmd_net_dumpxml},
    {"net-edit", N_("edit a network's XML in $VISUAL or $EDITOR"),
     N_("As edit: the XML is validated when the editor exits, and offered again when it is "
        "refused; your edit is never thrown away."),
     "vnsh net-edit natnet1", network_options, 0, cmd_net_edit},
    {"net-autostart", N_("start a network whenever vnet starts"), NULL,
     "vnsh net-autostart natnet1 --disable", autostart_options, 0, cmd_net_autostart},
    {"net-dhcp-leases", N_("list the DHCP leases of an active network"), NULL,
     "vnsh net-dhcp-leases natnet1", leases_options, 0, cmd_net_dhcp_leases},
    {NULL},
};

/* ---- network XML shared with natnetwork and hostonlyif -------------------------- */

static xmlNode *
find_ip(xmlDoc *doc, gboolean ipv6)
{
    for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
        g_autofree char *family = NULL;
        xmlChar *value;

        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, (const xmlChar *)"ip"))
            continue;
        value = xmlGetProp(n, (const xmlChar *)"family");
        family = g_strdup((const char *)value);
        xmlFree(value);
        if (ipv6 == (g_strcmp0(family, "ipv6") == 0))
            return n;
    }
    return NULL;
}

/**
 * vnsh_network_ipv4:
 * @doc: a network document
 *
 * Returns: (transfer none) (nullable): its first IPv4 <ip>.
 */
xmlNode *
vnsh_network_ipv4(xmlDoc *doc)
{
    return find_ip(doc, FALSE);
}

/**
 * vnsh_network_ipv6:
 * @doc: a network document
 *
 * Returns: (transfer none) (nullable): its first IPv6 <ip>.
 */
xmlNode *
vnsh_network_ipv6(xmlDoc *doc)
{
    return find_ip(doc, TRUE);
}

static char *
prop(xmlNode *node, const char *name)
{
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
    char *copy = g_strdup((const char *)value);

    xmlFree(value);
    return copy;
}

static guint
mask_length(GInetAddress *mask)
{
    const guint8 *bytes = g_inet_address_to_bytes(mask);
    guint len = 0;

    for (gsize i = 0; i < g_inet_address_get_native_size(mask); i++)
        for (int bit = 7; bit >= 0 && (bytes[i] >> bit) & 1; bit--)
            len++;
    return len;
}

static GInetAddressMask *
subnet_of(GInetAddress *address, guint prefix)
{
    guint8 bytes[16];
    gsize size = g_inet_address_get_native_size(address);
    g_autoptr(GInetAddress) network = NULL;

    memcpy(bytes, g_inet_address_to_bytes(address), size);
    for (gsize i = 0; i < size; i++) {
        guint keep = prefix > i * 8 ? MIN(prefix - i * 8, 8) : 0;

        bytes[i] &= (guint8)(0xff00 >> keep);
    }
    network = g_inet_address_new_from_bytes(bytes, g_inet_address_get_family(address));
    return g_inet_address_mask_new(network, prefix, NULL);
}

/**
 * vnsh_network_ip_subnet:
 * @ip: an <ip> element
 *
 * Returns: (transfer full) (nullable): its subnet, or NULL when it has no
 *   usable address.
 */
GInetAddressMask *
vnsh_network_ip_subnet(xmlNode *ip)
{
    g_autofree char *address_text = prop(ip, "address");
    g_autofree char *prefix_text = prop(ip, "prefix");
    g_autofree char *netmask_text = prop(ip, "netmask");
    g_autoptr(GInetAddress) address = NULL;
    guint64 prefix = 0;

    if (!address_text || !(address = g_inet_address_new_from_string(address_text)))
        return NULL;
    if (prefix_text) {
        if (!g_ascii_string_to_unsigned(prefix_text, 10, 0, 128, &prefix, NULL))
            return NULL;
    } else if (netmask_text) {
        g_autoptr(GInetAddress) mask = g_inet_address_new_from_string(netmask_text);

        if (!mask)
            return NULL;
        prefix = mask_length(mask);
    } else {
        prefix = g_inet_address_get_family(address) == G_SOCKET_FAMILY_IPV6 ? 64 : 24;
    }
    return subnet_of(address, prefix);
}

/* "address/prefix" -> its parts, the prefix within the family's bounds. */
static GInetAddress *
split_cidr(const char *text, guint64 *ret_prefix)
{
    g_auto(GStrv) parts = g_strsplit(text, "/", 2);
    g_autoptr(GInetAddress) address = NULL;

    if (!parts[0] || !parts[1] || !(address = g_inet_address_new_from_string(parts[0])) ||
        !g_ascii_string_to_unsigned(parts[1], 10, 0, g_inet_address_get_native_size(address) * 8,
                                    ret_prefix, NULL))
        return NULL;
    return g_steal_pointer(&address);
}

/**
 * vnsh_parse_cidr4:
 * @text: "192.168.15.0/24"
 * @error: return location for an error
 *
 * Returns: (transfer full): the IPv4 subnet with host bits cleared, or NULL.
 */
GInetAddressMask *
vnsh_parse_cidr4(const char *text, GError **error)
{
    guint64 prefix = 0;
    g_autoptr(GInetAddress) address = split_cidr(text, &prefix);

    if (!address || g_inet_address_get_family(address) != G_SOCKET_FAMILY_IPV4 || prefix < 1 ||
        prefix > 30) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                    _("'%s' is not an IPv4 network in CIDR form with a prefix from 1 to 30, "
                      "e.g. 192.168.15.0/24"),
                    text);
        return NULL;
    }
    return subnet_of(address, prefix);
}

/**
 * vnsh_cidr_subnet:
 * @cidr: (nullable): an address with its prefix, as #VnetNetworkInfo gives
 *   it ("192.168.15.1/24")
 *
 * Returns: (transfer full) (nullable): the subnet (host bits cleared), or
 *   NULL when @cidr is NULL or not of that form.
 */
GInetAddressMask *
vnsh_cidr_subnet(const char *cidr)
{
    guint64 prefix = 0;
    g_autoptr(GInetAddress) address = cidr ? split_cidr(cidr, &prefix) : NULL;

    return address ? subnet_of(address, prefix) : NULL;
}

/**
 * vnsh_cidr_address:
 * @cidr: (nullable): "192.168.15.1/24"
 *
 * Returns: (transfer full) (nullable): the address without its prefix.
 */
char *
vnsh_cidr_address(const char *cidr)
{
    const char *slash = cidr ? strchr(cidr, '/') : NULL;

    return slash ? g_strndup(cidr, slash - cidr) : g_strdup(cidr);
}

/**
 * vnsh_ipv4_subnets:
 * @conn: a connection
 *
 * Reads every network's configuration once, so that a caller trying many
 * candidate subnets does not read them all again for each.
 *
 * Returns: (transfer full) (element-type GInetAddressMask): the IPv4
 *   subnets of every <ip> of every network of @conn.
 */
GPtrArray *
vnsh_ipv4_subnets(VnetConnection *conn)
{
    g_autoptr(GPtrArray) networks = vnet_connection_list_networks(conn, VNET_LIST_ALL, NULL);
    GPtrArray *subnets = g_ptr_array_new_with_free_func(g_object_unref);

    for (guint i = 0; networks && i < networks->len; i++) {
        xmlDoc *doc = vnsh_network_doc(networks->pdata[i], VNET_NETWORK_XML_INACTIVE, NULL);

        if (!doc)
            continue;
        for (xmlNode *n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
            GInetAddressMask *subnet;

            if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, (const xmlChar *)"ip") ||
                !(subnet = vnsh_network_ip_subnet(n)))
                continue;
            if (g_inet_address_mask_get_family(subnet) == G_SOCKET_FAMILY_IPV4)
                g_ptr_array_add(subnets, subnet);
            else
                g_object_unref(subnet);
        }
        vnsh_xml_free(doc);
    }
    return subnets;
}

/**
 * vnsh_subnet_overlaps:
 * @subnets: (element-type GInetAddressMask): subnets, from vnsh_ipv4_subnets()
 * @subnet: an IPv4 subnet
 *
 * Returns: whether @subnet overlaps one of @subnets.
 */
gboolean
vnsh_subnet_overlaps(GPtrArray *subnets, GInetAddressMask *subnet)
{
    for (guint i = 0; i < subnets->len; i++) {
        GInetAddressMask *other = subnets->pdata[i];

        if (g_inet_address_mask_matches(subnet, g_inet_address_mask_get_address(other)) ||
            g_inet_address_mask_matches(other, g_inet_address_mask_get_address(subnet)))
            return TRUE;
    }
    return FALSE;
}

/**
 * vnsh_subnet_host:
 * @subnet: an IPv4 subnet
 * @host: the host number (1: the first host address)
 *
 * Returns: (transfer full): that address as text.
 */
char *
vnsh_subnet_host(GInetAddressMask *subnet, guint host)
{
    GInetAddress *network = g_inet_address_mask_get_address(subnet);
    guint8 bytes[4];
    guint32 value;
    g_autoptr(GInetAddress) address = NULL;

    memcpy(bytes, g_inet_address_to_bytes(network), 4);
    value = ((guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 |
             bytes[3]) + host;
    bytes[0] = value >> 24;
    bytes[1] = value >> 16;
    bytes[2] = value >> 8;
    bytes[3] = value;
    address = g_inet_address_new_from_bytes(bytes, G_SOCKET_FAMILY_IPV4);
    return g_inet_address_to_string(address);
}

/**
 * vnsh_xml_child:
 * @parent: an element
 * @name: an element name
 *
 * Returns: (transfer none) (nullable): the first child element of @parent
 *   called @name.
 */
xmlNode *
vnsh_xml_child(xmlNode *parent, const char *name)
{
    for (xmlNode *n = parent->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name))
            return n;
    return NULL;
}

/**
 * vnsh_xml_remove_children:
 * @parent: an element
 * @name: the children's element name
 */
void
vnsh_xml_remove_children(xmlNode *parent, const char *name)
{
    xmlNode *next;

    for (xmlNode *n = parent->children; n; n = next) {
        next = n->next;
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
    }
}

/**
 * vnsh_network_set_dhcp:
 * @ip: an <ip> element
 * @on: add an empty <dhcp/> (vnet fills in the rest of the subnet), or remove it
 */
void
vnsh_network_set_dhcp(xmlNode *ip, gboolean on)
{
    vnsh_xml_remove_children(ip, "dhcp");
    if (on)
        xmlNewChild(ip, NULL, (const xmlChar *)"dhcp", NULL);
}

/**
 * vnsh_network_define_doc:
 * @conn: a connection
 * @doc: a network document
 *
 * Returns: (transfer full): the network, or NULL after printing the error.
 */
VnetNetwork *
vnsh_network_define_doc(VnetConnection *conn, xmlDoc *doc)
{
    g_autofree char *xml = vnsh_xml_to_string(doc);
    g_autoptr(GError) error = NULL;
    VnetNetwork *network = vnet_network_define_xml(conn, xml, &error);

    if (!network)
        vnsh_report(error);
    return network;
}

/**
 * vnsh_network_remove:
 * @ctl: the shell (connected)
 * @name: a network name
 * @kind: the kind it must have ("nat", "hostonly")
 *
 * Stops the network when it is active, then undefines it.
 *
 * Returns: (transfer full): the removed network, or NULL after printing
 *   the error.
 */
VnetNetwork *
vnsh_network_remove(VnshCtl *ctl, const char *name, const char *kind)
{
    g_autoptr(VnetNetwork) network = vnsh_lookup_network_kind(ctl, name, kind);
    g_autoptr(GError) error = NULL;
    int active;

    if (!network)
        return NULL;
    active = vnet_network_is_active(network, &error);
    if (active < 0 || (active && !vnet_network_destroy(network, &error)) ||
        !vnet_network_undefine(network, &error)) {
        vnsh_report(error);
        return NULL;
    }
    return g_steal_pointer(&network);
}

/**
 * vnsh_lookup_network_kind:
 * @ctl: the shell (connected)
 * @name: a network name
 * @kind: the kind it must have, as #VnetNetworkInfo names it ("nat", "hostonly")
 *
 * Returns: (transfer full): the network, or NULL after printing the error.
 */
VnetNetwork *
vnsh_lookup_network_kind(VnshCtl *ctl, const char *name, const char *kind)
{
    g_autoptr(VnetNetwork) network = vnsh_lookup_network(ctl, name);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkInfo) info = NULL;

    if (!network)
        return NULL;
    info = vnet_network_get_info(network, VNET_NETWORK_XML_INACTIVE, &error);
    if (!info) {
        vnsh_report(error);
        return NULL;
    }
    if (!g_str_equal(info->kind, kind)) {
        vnsh_error(_("network '%s' is a %s network, not a %s network"), name, info->kind,
                   kind);
        return NULL;
    }
    return g_steal_pointer(&network);
}
