/* vnsh-hostonlyif.c: VBoxManage's `hostonlyif` verbs on vnet's host-only
 * networks (<forward mode='hostonly'/>).
 *
 * Names: `hostonlyif create` names the network vboxnetN (the lowest N no
 * network uses), as VirtualBox names its host-only interfaces, so that
 * VBoxManage scripts keep working (`hostonlyif ipconfig vboxnet0 ...`). The
 * bridge vnet creates for it on the host is still one of vnet's own (vnbrN).
 * Addresses: VirtualBox's defaults, host 192.168.56.1/24 with a DHCP server
 * at .100 handing out .101-.254; when 192.168.56.0/24 is taken by another
 * network, the next free 192.168.X.0/24 (57, 58, ...). Like VirtualBox's
 * host interface, the network exists at once: create starts it and marks it
 * autostart.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "vnsh.h"
#include "vnsh-network.h"

static char *
free_name(VnetConnection *conn, GError **error)
{
    g_auto(GStrv) names = vnet_connection_list_network_names(conn, VNET_LIST_ALL, error);

    if (!names)
        return NULL;
    for (guint n = 0;; n++) {
        g_autofree char *name = g_strdup_printf("vboxnet%u", n);

        if (!g_strv_contains((const char *const *)names, name))
            return g_steal_pointer(&name);
    }
}

static GInetAddressMask *
free_subnet(VnetConnection *conn)
{
    g_autoptr(GPtrArray) taken = vnsh_ipv4_subnets(conn);

    for (guint third = 56; third < 256; third++) {
        g_autofree char *cidr = g_strdup_printf("192.168.%u.0/24", third);
        g_autoptr(GInetAddressMask) subnet = vnsh_parse_cidr4(cidr, NULL);

        if (!vnsh_subnet_overlaps(taken, subnet))
            return g_steal_pointer(&subnet);
    }
    return NULL;
}

static int
cmd_create(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *name = free_name(ctl->conn, &error);
    g_autoptr(GInetAddressMask) subnet = NULL;
    g_autofree char *host = NULL, *server = NULL, *start = NULL, *end = NULL, *xml = NULL;
    g_autoptr(VnetNetwork) network = NULL;

    if (!name)
        return vnsh_report(error);
    subnet = free_subnet(ctl->conn);
    if (!subnet) {
        vnsh_error(_("every subnet from 192.168.56.0/24 to 192.168.255.0/24 is taken"));
        return VNSH_EXIT_FAILED;
    }
    host = vnsh_subnet_host(subnet, 1);
    server = vnsh_subnet_host(subnet, 100);
    start = vnsh_subnet_host(subnet, 101);
    end = vnsh_subnet_host(subnet, 254);
    xml = g_strdup_printf("<network>\n"
                          "  <name>%s</name>\n"
                          "  <forward mode='hostonly'/>\n"
                          "  <ip address='%s' prefix='24'>\n"
                          "    <dhcp server='%s'>\n"
                          "      <range start='%s' end='%s'/>\n"
                          "    </dhcp>\n"
                          "  </ip>\n"
                          "</network>\n",
                          name, host, server, start, end);
    network = vnet_network_define_xml(ctl->conn, xml, &error);
    if (!network)
        return vnsh_report(error);
    if (!vnet_network_set_autostart(network, TRUE, &error) ||
        !vnet_network_start(network, &error)) {
        /* all or nothing: a failed create leaves no definition behind */
        vnet_network_undefine(network, NULL);
        return vnsh_report(error);
    }
    printf(_("Interface '%s' was successfully created\n"), name);
    return VNSH_EXIT_OK;
}

static int
cmd_remove(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetNetwork) network = vnsh_network_remove(ctl, vnsh_args_get(args, "name"),
                                                         "hostonly");

    if (!network)
        return VNSH_EXIT_FAILED;
    printf(_("Interface '%s' was successfully removed\n"), vnet_network_get_name(network));
    return VNSH_EXIT_OK;
}

static gboolean
netmask_length(const char *text, guint *ret)
{
    g_autoptr(GInetAddress) mask = g_inet_address_new_from_string(text);
    const guint8 *bytes;
    guint32 value;
    guint len = 0;

    if (!mask || g_inet_address_get_family(mask) != G_SOCKET_FAMILY_IPV4)
        return FALSE;
    bytes = g_inet_address_to_bytes(mask);
    value = (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
    while (len < 32 && (value & (1u << (31 - len))))
        len++;
    /* contiguous ones only: 255.0.255.0 is no netmask */
    if (len < 32 && value != (len ? 0xffffffffu << (32 - len) : 0))
        return FALSE;
    *ret = len;
    return len >= 1 && len <= 30;
}

static int
cmd_ipconfig(VnshCtl *ctl, const VnshArgs *args)
{
    const char *name = vnsh_args_get(args, "name");
    const char *ip = vnsh_args_get(args, "ip");
    const char *netmask = vnsh_args_get(args, "netmask");
    const char *ip6 = vnsh_args_get(args, "ipv6");
    const char *length6 = vnsh_args_get(args, "netmasklengthv6");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) network = NULL;
    g_autoptr(VnetNetwork) defined = NULL;
    g_autoptr(GInetAddress) address = NULL;
    g_autoptr(GInetAddress) address6 = NULL;
    guint prefix = 24;
    guint64 prefix6 = 64;
    xmlDoc *doc;
    int active;

    if (!ip && !ip6) {
        vnsh_error(_("hostonlyif ipconfig needs --ip or --ipv6"));
        return VNSH_EXIT_USAGE;
    }
    if ((netmask && !ip) || (length6 && !ip6)) {
        vnsh_error(_("--netmask goes with --ip, --netmasklengthv6 with --ipv6"));
        return VNSH_EXIT_USAGE;
    }
    if (ip && (!(address = g_inet_address_new_from_string(ip)) ||
               g_inet_address_get_family(address) != G_SOCKET_FAMILY_IPV4)) {
        vnsh_error(_("--ip '%s' is not an IPv4 address"), ip);
        return VNSH_EXIT_USAGE;
    }
    if (netmask && !netmask_length(netmask, &prefix)) {
        vnsh_error(_("--netmask '%s' is not an IPv4 netmask from 128.0.0.0 to "
                     "255.255.255.252"),
                   netmask);
        return VNSH_EXIT_USAGE;
    }
    if (ip6 && (!(address6 = g_inet_address_new_from_string(ip6)) ||
                g_inet_address_get_family(address6) != G_SOCKET_FAMILY_IPV6)) {
        vnsh_error(_("--ipv6 '%s' is not an IPv6 address"), ip6);
        return VNSH_EXIT_USAGE;
    }
    if (length6 && !g_ascii_string_to_unsigned(length6, 10, 1, 128, &prefix6, NULL)) {
        vnsh_error(_("--netmasklengthv6 '%s' is not a number from 1 to 128"), length6);
        return VNSH_EXIT_USAGE;
    }

    network = vnsh_lookup_network_kind(ctl, name, "hostonly");
    if (!network)
        return VNSH_EXIT_FAILED;
    doc = vnsh_network_doc(network, VNET_NETWORK_XML_INACTIVE, &error);
    if (!doc)
        return vnsh_report(error);
    if (ip) {
        xmlNode *node = vnsh_network_ipv4(doc);
        g_autofree char *prefix_text = g_strdup_printf("%u", prefix);

        if (!node)
            node = xmlNewChild(xmlDocGetRootElement(doc), NULL, (const xmlChar *)"ip", NULL);
        xmlUnsetProp(node, (const xmlChar *)"netmask");
        xmlSetProp(node, (const xmlChar *)"address", (const xmlChar *)ip);
        xmlSetProp(node, (const xmlChar *)"prefix", (const xmlChar *)prefix_text);
        /* the old DHCP range lies in the old subnet: the server now serves the new one */
        if (vnsh_xml_child(node, "dhcp"))
            vnsh_network_set_dhcp(node, TRUE);
    }
    if (ip6) {
        xmlNode *node = vnsh_network_ipv6(doc);
        g_autofree char *prefix_text = g_strdup_printf("%" G_GUINT64_FORMAT, prefix6);

        if (node) {
            xmlUnlinkNode(node);
            xmlFreeNode(node);
        }
        node = xmlNewChild(xmlDocGetRootElement(doc), NULL, (const xmlChar *)"ip", NULL);
        xmlSetProp(node, (const xmlChar *)"family", (const xmlChar *)"ipv6");
        xmlSetProp(node, (const xmlChar *)"address", (const xmlChar *)ip6);
        xmlSetProp(node, (const xmlChar *)"prefix", (const xmlChar *)prefix_text);
    }
    defined = vnsh_network_define_doc(ctl->conn, doc);
    vnsh_xml_free(doc);
    if (!defined)
        return VNSH_EXIT_FAILED;
    active = vnet_network_is_active(network, NULL);
    printf(_("Interface '%s' reconfigured\n"), name);
    if (active > 0)
        printf(_("The new addresses apply when '%s' next starts.\n"), name);
    return VNSH_EXIT_OK;
}

static const VnshColumn list_columns[] = {
    {"name", N_("Name")},       {"ip", N_("IP address")},   {"netmask_length", N_("Prefix")},
    {"ipv6", N_("IPv6 address")}, {"dhcp", N_("DHCP")},     {"active", N_("Active")},
    {"bridge", N_("Bridge")},
};

static int
cmd_list(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) networks = vnet_connection_list_networks(ctl->conn, VNET_LIST_ALL,
                                                                  &error);
    g_autoptr(VnshTable) table = vnsh_table_new(list_columns, G_N_ELEMENTS(list_columns));

    if (!networks)
        return vnsh_report(error);
    for (guint i = 0; i < networks->len; i++) {
        VnetNetwork *network = networks->pdata[i];
        g_autoptr(VnetNetworkInfo) info = vnet_network_get_info(network, 0, NULL);
        g_autofree char *ip = NULL, *ip6 = NULL;
        g_autoptr(GInetAddressMask) subnet = NULL;
        int active = vnet_network_is_active(network, NULL);

        if (!info || active < 0 || !g_str_equal(info->kind, "hostonly"))
            continue;
        subnet = vnsh_cidr_subnet(info->ipv4);
        ip = vnsh_cidr_address(info->ipv4);
        ip6 = vnsh_cidr_address(info->ipv6);
        vnsh_table_add_row(table);
        vnsh_table_add_string(table, vnet_network_get_name(network));
        vnsh_table_add_string(table, ip);
        if (subnet)
            vnsh_table_add_int(table, g_inet_address_mask_get_length(subnet), NULL);
        else
            vnsh_table_add_string(table, NULL);
        vnsh_table_add_string(table, ip6);
        vnsh_table_add_bool(table, info->dhcp);
        vnsh_table_add_bool(table, active);
        vnsh_table_add_string(table, info->bridge);
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

static const VnshOption name_options[] = {
    {"name", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NAME", N_("the host-only network, e.g. vboxnet0"),
     VNSH_COMPLETE_NETWORK},
    {NULL},
};

static const VnshOption ipconfig_options[] = {
    {"name", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NAME", N_("the host-only network, e.g. vboxnet0"),
     VNSH_COMPLETE_NETWORK},
    {"ip", VNSH_OPT_STRING, 0, "ADDRESS", N_("the host's IPv4 address on it")},
    {"netmask", VNSH_OPT_STRING, 0, "NETMASK", N_("its IPv4 netmask (default 255.255.255.0)")},
    {"ipv6", VNSH_OPT_STRING, 0, "ADDRESS", N_("the host's IPv6 address on it")},
    {"netmasklengthv6", VNSH_OPT_STRING, 0, "LENGTH", N_("its IPv6 prefix length (default 64)")},
    {NULL},
};

static const VnshOption list_options[] = {
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

const VnshCommand vnsh_hostonlyif_commands[] = {
    {"hostonlyif create", N_("create a host-only network vboxnetN with VirtualBox's defaults"),
     N_("The host gets 192.168.56.1/24 (or the next free 192.168.X.1/24), a DHCP server at .100 "
        "hands out .101-.254; the network is started and marked autostart."),
     "vnsh hostonlyif create", NULL, 0, cmd_create},
    {"hostonlyif remove", N_("stop and remove a host-only network"), NULL,
     "vnsh hostonlyif remove vboxnet0", name_options, 0, cmd_remove},
    {"hostonlyif ipconfig", N_("change the host's address on a host-only network"),
     N_("A DHCP server, if any, then serves the rest of the new subnet. The change applies when "
        "the network next starts."),
     "vnsh hostonlyif ipconfig vboxnet0 --ip 192.168.60.1 --netmask 255.255.255.0",
     ipconfig_options, 0, cmd_ipconfig},
    {"hostonlyif list", N_("list the host-only networks"), NULL, "vnsh hostonlyif list --json",
     list_options, 0, cmd_list},
    {NULL},
};
