/* vnsh-natnetwork.c: VBoxManage's `natnetwork` verbs with VBoxManage's
 * semantics, on vnet's NAT networks (<forward mode='nat'>):
 *
 *   --network CIDR   the subnet; the gateway (the host) is its first address
 *   --dhcp on|off    a DHCP server handing out the rest of the subnet (on by
 *                    default, as in VirtualBox)
 *   --ipv6 on|off    IPv6 too, with VirtualBox's prefix fd17:625c:f037:X::/64
 *                    (X from the IPv4 subnet) and the host at ::1
 *   --enable         start it now and whenever vnet starts (autostart);
 *                    --disable stops it and clears autostart
 *   --port-forward-4 "name:proto:[hostip]:hostport:[guestip]:guestport",
 *                    or "delete NAME" (--port-forward-6 for IPv6)
 *
 * Each verb builds or changes a network document and defines it through
 * the API; port forwards on an existing network go through
 * vnet_network_add_port_forward(), live when the network is active.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "vnsh.h"
#include "vnsh-network.h"

static int
parse_switch(const VnshArgs *args, const char *name, int *ret)
{
    const char *value = vnsh_args_get(args, name);

    *ret = -1;
    if (!value)
        return VNSH_EXIT_OK;
    if (g_str_equal(value, "on") || g_str_equal(value, "yes") || g_str_equal(value, "1"))
        *ret = 1;
    else if (g_str_equal(value, "off") || g_str_equal(value, "no") || g_str_equal(value, "0"))
        *ret = 0;
    else {
        vnsh_error(_("--%s '%s': expected on or off"), name, value);
        return VNSH_EXIT_USAGE;
    }
    return VNSH_EXIT_OK;
}

/* Converts every --port-forward-4/-6 rule to its <portForward/> element
 * before anything changes, so a malformed rule is a usage error. */
static int
collect_rules(const VnshArgs *args, GPtrArray *out)
{
    static const struct {
        const char *option;
        gboolean ipv6;
    } kinds[] = {{"port-forward-4", FALSE}, {"port-forward-6", TRUE}};

    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        GPtrArray *rules = vnsh_args_get_all(args, kinds[k].option);

        for (guint i = 0; rules && i < rules->len; i++) {
            g_autoptr(GError) error = NULL;
            char *xml = vnet_port_forward_rule_to_xml(rules->pdata[i], kinds[k].ipv6, &error);

            if (!xml) {
                vnsh_error("--%s: %s", kinds[k].option, error->message);
                return VNSH_EXIT_USAGE;
            }
            g_ptr_array_add(out, xml);
        }
    }
    return VNSH_EXIT_OK;
}

/* <forward mode='nat'>, with <nat ipv6> first as the schema orders it. */
static void
set_ipv6(xmlDoc *doc, GInetAddressMask *subnet4, gboolean on)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *forward = vnsh_xml_child(root, "forward");
    xmlNode *ip6;

    while ((ip6 = vnsh_network_ipv6(doc))) {
        xmlUnlinkNode(ip6);
        xmlFreeNode(ip6);
    }
    vnsh_xml_remove_children(forward, "nat");
    if (!on)
        return;
    {
        const guint8 *b = g_inet_address_to_bytes(g_inet_address_mask_get_address(subnet4));
        g_autofree char *address = g_strdup_printf("fd17:625c:f037:%x::1", b[1] << 8 | b[2]);
        xmlNode *nat = xmlNewNode(NULL, (const xmlChar *)"nat");

        xmlSetProp(nat, (const xmlChar *)"ipv6", (const xmlChar *)"yes");
        if (forward->children)
            xmlAddPrevSibling(forward->children, nat);
        else
            xmlAddChild(forward, nat);
        ip6 = xmlNewChild(root, NULL, (const xmlChar *)"ip", NULL);
        xmlSetProp(ip6, (const xmlChar *)"family", (const xmlChar *)"ipv6");
        xmlSetProp(ip6, (const xmlChar *)"address", (const xmlChar *)address);
        xmlSetProp(ip6, (const xmlChar *)"prefix", (const xmlChar *)"64");
    }
}

static void
set_subnet(xmlNode *ip, GInetAddressMask *subnet)
{
    g_autofree char *address = g_inet_address_to_string(g_inet_address_mask_get_address(subnet));
    g_autofree char *prefix = g_strdup_printf("%u", g_inet_address_mask_get_length(subnet));

    /* the network address: vnet makes the gateway its first host address */
    xmlUnsetProp(ip, (const xmlChar *)"netmask");
    xmlSetProp(ip, (const xmlChar *)"address", (const xmlChar *)address);
    xmlSetProp(ip, (const xmlChar *)"prefix", (const xmlChar *)prefix);
}

static gboolean
add_rule_element(xmlNode *forward, const char *rule_xml)
{
    xmlDoc *rule = vnsh_xml_parse(rule_xml, NULL, NULL);

    if (!rule)
        return FALSE;
    xmlAddChild(forward, xmlDocCopyNode(xmlDocGetRootElement(rule), forward->doc, 1));
    vnsh_xml_free(rule);
    return TRUE;
}

static int
enable(VnetNetwork *network, gboolean on)
{
    g_autoptr(GError) error = NULL;
    int active = vnet_network_is_active(network, &error);

    if (active < 0 || !vnet_network_set_autostart(network, on, &error))
        return vnsh_report(error);
    if (on && !active && !vnet_network_start(network, &error))
        return vnsh_report(error);
    if (!on && active && !vnet_network_destroy(network, &error))
        return vnsh_report(error);
    return VNSH_EXIT_OK;
}

/* The options add and modify share: --dhcp and --ipv6 (-1 when not
 * given), the --port-forward-4/-6 rules, --enable or --disable, and the
 * --network subnet (left NULL when not given). Returns the exit status
 * of bad usage after printing it, or VNSH_EXIT_OK. */
static int
parse_options(const VnshArgs *args, int *ret_dhcp, int *ret_ipv6, GPtrArray *rules,
              GInetAddressMask **ret_subnet)
{
    const char *cidr = vnsh_args_get(args, "network");
    g_autoptr(GError) error = NULL;
    int status;

    if ((status = parse_switch(args, "dhcp", ret_dhcp)) ||
        (status = parse_switch(args, "ipv6", ret_ipv6)) || (status = collect_rules(args, rules)))
        return status;
    if (vnsh_args_has(args, "enable") && vnsh_args_has(args, "disable")) {
        vnsh_error(_("give --enable or --disable, not both"));
        return VNSH_EXIT_USAGE;
    }
    if (cidr && !(*ret_subnet = vnsh_parse_cidr4(cidr, &error))) {
        vnsh_error("--network: %s", error->message);
        return VNSH_EXIT_USAGE;
    }
    return VNSH_EXIT_OK;
}

static int
cmd_add(VnshCtl *ctl, const VnshArgs *args)
{
    const char *name = vnsh_args_get(args, "netname");
    g_autoptr(GInetAddressMask) subnet = NULL;
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(VnetNetwork) network = NULL;
    xmlDoc *doc;
    xmlNode *root, *forward, *ip;
    int dhcp, ipv6, status;

    /* --network is required here, so the subnet is set */
    if ((status = parse_options(args, &dhcp, &ipv6, rules, &subnet)))
        return status;

    doc = xmlNewDoc((const xmlChar *)"1.0");
    root = xmlNewNode(NULL, (const xmlChar *)"network");
    xmlDocSetRootElement(doc, root);
    xmlNewTextChild(root, NULL, (const xmlChar *)"name", (const xmlChar *)name);
    forward = xmlNewChild(root, NULL, (const xmlChar *)"forward", NULL);
    xmlSetProp(forward, (const xmlChar *)"mode", (const xmlChar *)"nat");
    ip = xmlNewChild(root, NULL, (const xmlChar *)"ip", NULL);
    set_subnet(ip, subnet);
    vnsh_network_set_dhcp(ip, dhcp != 0);
    set_ipv6(doc, subnet, ipv6 == 1);
    for (guint i = 0; i < rules->len; i++)
        add_rule_element(forward, rules->pdata[i]);
    network = vnsh_network_define_doc(ctl->conn, doc);
    vnsh_xml_free(doc);
    if (!network)
        return VNSH_EXIT_FAILED;
    printf(_("NAT network '%s' added\n"), name);
    if (vnsh_args_has(args, "enable"))
        return enable(network, TRUE);
    return VNSH_EXIT_OK;
}

static int
cmd_modify(VnshCtl *ctl, const VnshArgs *args)
{
    const char *name = vnsh_args_get(args, "netname");
    g_autoptr(GError) error = NULL;
    g_autoptr(GInetAddressMask) subnet = NULL;
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(VnetNetwork) network = NULL;
    int dhcp, ipv6, status, active;
    guint affect;

    if ((status = parse_options(args, &dhcp, &ipv6, rules, &subnet)))
        return status;
    network = vnsh_lookup_network_kind(ctl, name, "nat");
    if (!network)
        return VNSH_EXIT_FAILED;

    if (subnet || dhcp >= 0 || ipv6 >= 0) {
        xmlDoc *doc = vnsh_network_doc(network, VNET_NETWORK_XML_INACTIVE, &error);
        xmlNode *ip;
        g_autoptr(VnetNetwork) defined = NULL;
        g_autoptr(GInetAddressMask) current = NULL;

        if (!doc)
            return vnsh_report(error);
        ip = vnsh_network_ipv4(doc);
        if (!ip) {
            vnsh_xml_free(doc);
            vnsh_error(_("network '%s' has no IPv4 address to change"), name);
            return VNSH_EXIT_FAILED;
        }
        if (subnet) {
            set_subnet(ip, subnet);
            /* the old range lies outside the new subnet: start from the new one */
            if (dhcp < 0 && vnsh_xml_child(ip, "dhcp"))
                vnsh_network_set_dhcp(ip, TRUE);
        }
        if (dhcp >= 0)
            vnsh_network_set_dhcp(ip, dhcp);
        current = vnsh_network_ip_subnet(ip);
        if (current && (ipv6 >= 0 || (subnet && vnsh_network_ipv6(doc))))
            set_ipv6(doc, current, ipv6 >= 0 ? ipv6 : TRUE);
        defined = vnsh_network_define_doc(ctl->conn, doc);
        vnsh_xml_free(doc);
        if (!defined)
            return VNSH_EXIT_FAILED;
    }

    active = vnet_network_is_active(network, &error);
    if (active < 0)
        return vnsh_report(error);
    affect = active ? VNET_NETWORK_AFFECT_LIVE | VNET_NETWORK_AFFECT_CONFIG
                    : VNET_NETWORK_AFFECT_CONFIG;
    /* deletions first, so that one command can replace a rule */
    for (guint k = 0; k < 2; k++) {
        GPtrArray *names = vnsh_args_get_all(args, k ? "port-forward-6/delete"
                                                     : "port-forward-4/delete");

        for (guint i = 0; names && i < names->len; i++)
            if (!vnet_network_remove_port_forward(network, names->pdata[i], affect, &error))
                return vnsh_report(error);
    }
    for (guint i = 0; i < rules->len; i++)
        if (!vnet_network_add_port_forward(network, rules->pdata[i], affect, &error))
            return vnsh_report(error);

    if (vnsh_args_has(args, "enable") || vnsh_args_has(args, "disable")) {
        status = enable(network, vnsh_args_has(args, "enable"));
        if (status)
            return status;
    }
    printf(_("NAT network '%s' modified\n"), name);
    if (active && (subnet || dhcp >= 0 || ipv6 >= 0) && !vnsh_args_has(args, "disable"))
        printf(_("The new addressing applies when '%s' next starts.\n"), name);
    return VNSH_EXIT_OK;
}

/* start and stop: the NAT network --netname names. */
static int
start_or_stop(VnshCtl *ctl, const VnshArgs *args, gboolean start)
{
    g_autoptr(VnetNetwork) network = vnsh_lookup_network_kind(ctl, vnsh_args_get(args, "netname"),
                                                              "nat");
    g_autoptr(GError) error = NULL;

    if (!network)
        return VNSH_EXIT_FAILED;
    if (start ? !vnet_network_start(network, &error) : !vnet_network_destroy(network, &error))
        return vnsh_report(error);
    printf(start ? _("NAT network '%s' started\n") : _("NAT network '%s' stopped\n"),
           vnet_network_get_name(network));
    return VNSH_EXIT_OK;
}

static int
cmd_start(VnshCtl *ctl, const VnshArgs *args)
{
    return start_or_stop(ctl, args, TRUE);
}

static int
cmd_stop(VnshCtl *ctl, const VnshArgs *args)
{
    return start_or_stop(ctl, args, FALSE);
}

static int
cmd_remove(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetNetwork) network = vnsh_network_remove(ctl, vnsh_args_get(args, "netname"),
                                                         "nat");

    if (!network)
        return VNSH_EXIT_FAILED;
    printf(_("NAT network '%s' removed\n"), vnet_network_get_name(network));
    return VNSH_EXIT_OK;
}

static const VnshColumn list_columns[] = {
    {"name", N_("Name")},
    {"network", N_("Network")},
    {"gateway", N_("Gateway")},
    {"dhcp", N_("DHCP")},
    {"ipv6", N_("IPv6")},
    {"ipv6_prefix", N_("IPv6 prefix")},
    {"enabled", N_("Enabled")},
    {"port_forwards", N_("Port forwards")},
};

static int
cmd_list(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) networks = vnet_connection_list_networks(ctl->conn, VNET_LIST_ALL,
                                                                  &error);
    g_autoptr(VnshTable) table = vnsh_table_new(list_columns, G_N_ELEMENTS(list_columns));
    const char *filter = vnsh_args_get(args, "filter");

    if (!networks)
        return vnsh_report(error);
    for (guint i = 0; i < networks->len; i++) {
        VnetNetwork *network = networks->pdata[i];
        const char *name = vnet_network_get_name(network);
        g_autoptr(VnetNetworkInfo) info = NULL;
        g_autoptr(GInetAddressMask) subnet = NULL, subnet6 = NULL;
        g_autofree char *cidr = NULL, *gateway = NULL, *prefix6 = NULL;
        int active;

        if (filter && !g_pattern_match_simple(filter, name))
            continue;
        active = vnet_network_is_active(network, NULL);
        info = vnet_network_get_info(network, 0, NULL);
        if (!info || active < 0 || !g_str_equal(info->kind, "nat"))
            continue;
        if ((subnet = vnsh_cidr_subnet(info->ipv4))) {
            cidr = g_inet_address_mask_to_string(subnet);
            gateway = vnsh_cidr_address(info->ipv4);
        }
        if ((subnet6 = vnsh_cidr_subnet(info->ipv6)))
            prefix6 = g_inet_address_mask_to_string(subnet6);
        vnsh_table_add_row(table);
        vnsh_table_add_string(table, name);
        vnsh_table_add_string(table, cidr);
        vnsh_table_add_string(table, gateway);
        vnsh_table_add_bool(table, info->dhcp);
        vnsh_table_add_bool(table, info->ipv6 != NULL);
        vnsh_table_add_string(table, prefix6);
        vnsh_table_add_bool(table, active);
        vnsh_table_add_strv(table, (const char *const *)info->port_forwards);
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

/* ---- the table ---------------------------------------------------------------------- */

#define NETNAME(flags)                                                                       \
    {"netname", VNSH_OPT_STRING, flags, "NAME", N_("the NAT network's name"),                 \
     VNSH_COMPLETE_NETWORK}
#define SWITCH(name, help)                                                                   \
    {name, VNSH_OPT_STRING, 0, "on|off", help, VNSH_COMPLETE_WORDS, "on off"}
#define RULES                                                                                \
    {"port-forward-4", VNSH_OPT_STRING, VNSH_OPT_MULTI | VNSH_OPT_DELETE_FORM, "RULE",       \
     N_("an IPv4 rule \"name:proto:[hostip]:hostport:[guestip]:guestport\", or "             \
        "\"delete NAME\"")},                                                                 \
    {"port-forward-6", VNSH_OPT_STRING, VNSH_OPT_MULTI | VNSH_OPT_DELETE_FORM, "RULE",       \
     N_("an IPv6 rule, same form, addresses in brackets, or \"delete NAME\"")}

static const VnshOption add_options[] = {
    NETNAME(VNSH_OPT_REQUIRED),
    {"network", VNSH_OPT_STRING, VNSH_OPT_REQUIRED, "CIDR",
     N_("the IPv4 subnet, e.g. 192.168.15.0/24; the gateway is its first address")},
    {"enable", VNSH_OPT_BOOL, 0, NULL, N_("start it now and whenever vnet starts")},
    {"disable", VNSH_OPT_BOOL, 0, NULL, N_("leave it stopped (the default)")},
    SWITCH("dhcp", N_("a DHCP server for the rest of the subnet (default on)")),
    SWITCH("ipv6", N_("IPv6 with the prefix fd17:625c:f037:X::/64 (default off)")),
    RULES,
    {NULL},
};

static const VnshOption modify_options[] = {
    NETNAME(VNSH_OPT_REQUIRED),
    {"network", VNSH_OPT_STRING, 0, "CIDR", N_("move it to another IPv4 subnet")},
    {"enable", VNSH_OPT_BOOL, 0, NULL, N_("start it now and whenever vnet starts")},
    {"disable", VNSH_OPT_BOOL, 0, NULL, N_("stop it and do not start it automatically")},
    SWITCH("dhcp", N_("turn the DHCP server on or off")),
    SWITCH("ipv6", N_("turn IPv6 on or off")),
    RULES,
    {NULL},
};

static const VnshOption netname_options[] = {
    NETNAME(VNSH_OPT_REQUIRED),
    {NULL},
};

static const VnshOption list_options[] = {
    {"filter", VNSH_OPT_ARG, 0, "PATTERN", N_("only names matching this glob pattern")},
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

const VnshCommand vnsh_natnetwork_commands[] = {
    {"natnetwork add", N_("create a NAT network, as VBoxManage does"),
     N_("Defines a NAT network on the subnet: the host is the gateway at its first address, "
        "a DHCP server hands out the rest unless --dhcp off."),
     "vnsh natnetwork add --netname natnet1 --network 192.168.15.0/24 --enable --dhcp on",
     add_options, 0, cmd_add},
    {"natnetwork modify", N_("change a NAT network: subnet, DHCP, IPv6, port forwards"),
     N_("Port forwards apply at once (and persistently) when the network is active; a new "
        "subnet, DHCP or IPv6 setting applies at its next start."),
     "vnsh natnetwork modify --netname natnet1 --port-forward-4 "
     "\"ssh:tcp:[]:1022:[192.168.15.5]:22\"",
     modify_options, 0, cmd_modify},
    {"natnetwork start", N_("start a NAT network"), NULL,
     "vnsh natnetwork start --netname natnet1", netname_options, 0, cmd_start},
    {"natnetwork stop", N_("stop a NAT network"), NULL, "vnsh natnetwork stop --netname natnet1",
     netname_options, 0, cmd_stop},
    {"natnetwork remove", N_("stop and remove a NAT network"), NULL,
     "vnsh natnetwork remove --netname natnet1", netname_options, 0, cmd_remove},
    {"natnetwork list", N_("list the NAT networks"), NULL, "vnsh natnetwork list 'nat*'",
     list_options, 0, cmd_list},
    {NULL},
};
