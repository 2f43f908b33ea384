/* nftables.c: building and applying the nftables tables of networks. */
#include <config.h>

#include <vnet/vnet.h>

#include "network/net-exec.h"
#include "network/nftables.h"
#include "util/vnet-i18n.h"

/**
 * vnet_nft_table_name:
 * @def: a network
 *
 * Returns: (transfer full): the name of its tables.
 */
char *
vnet_nft_table_name(const VnetNetworkDef *def)
{
    gboolean valid = g_ascii_isalpha(def->name[0]);
    char uuid[VNET_UUID_STRLEN];

    for (const char *p = def->name; *p && valid; p++)
        valid = g_ascii_isalnum(*p) || *p == '_' || *p == '-' || *p == '.';
    if (valid)
        return g_strdup_printf("vnet-%s", def->name);
    vnet_uuid_format(&def->uuid, uuid);
    return g_strdup_printf("vnet-%s", uuid);
}

typedef struct {
    int family;         /* AF_INET / AF_INET6 */
    const char *nft;    /* "ip" / "ip6" */
    const char *table;
    const VnetNetworkDef *def;
    GString *out;
} Builder;

static char *
subnet_of(const VnetNetworkIpDef *ip)
{
    VnetInetAddr net;
    g_autofree char *text = NULL;
    guint prefix = vnet_network_ip_def_prefix(ip);

    vnet_inet_network(&ip->address, prefix, &net);
    text = vnet_inet_to_string(&net);
    return g_strdup_printf("%s/%u", text, prefix);
}

/* The subnets of the builder's family, as nft set text "{ a/p, b/q }", or
 * NULL when the network has none. */
static char *
subnets(const Builder *b)
{
    g_autoptr(GString) set = g_string_new(NULL);

    for (guint i = 0; i < b->def->ips->len; i++) {
        const VnetNetworkIpDef *ip = g_ptr_array_index(b->def->ips, i);
        g_autofree char *subnet = NULL;

        if (ip->address.family != b->family)
            continue;
        subnet = subnet_of(ip);
        g_string_append_printf(set, "%s%s", set->len ? ", " : "", subnet);
    }
    if (set->len == 0)
        return NULL;
    return g_strdup_printf("{ %s }", set->str);
}

static const char *
proto_name(VnetPortProtocol proto)
{
    return proto == VNET_PORT_PROTOCOL_UDP ? "udp" : "tcp";
}

/* One DNAT rule per port forward of the builder's family. */
static void
add_forward_rules(Builder *b)
{
    GPtrArray *rules = b->def->forward.port_forwards;

    for (guint i = 0; rules && i < rules->len; i++) {
        const VnetPortForward *rule = g_ptr_array_index(rules, i);
        g_autofree char *guest = NULL;
        g_autofree char *match = NULL;

        if (rule->guest_address.family != b->family)
            continue;
        guest = vnet_inet_to_string(&rule->guest_address);
        if (vnet_inet_is_set(&rule->host_address)) {
            g_autofree char *host = vnet_inet_to_string(&rule->host_address);

            match = g_strdup_printf("%s daddr %s", b->nft, host);
        } else {
            match = g_strdup("fib daddr type local");
        }
        g_string_append_printf(b->out, "    %s %s dport %u dnat to %s%s%s:%u comment \"%s\"\n",
                               match, proto_name(rule->protocol), rule->host_port,
                               b->family == AF_INET6 ? "[" : "", guest,
                               b->family == AF_INET6 ? "]" : "", rule->guest_port, rule->name);
    }
}

static gboolean
has_forwards(const Builder *b)
{
    GPtrArray *rules = b->def->forward.port_forwards;

    for (guint i = 0; rules && i < rules->len; i++) {
        const VnetPortForward *rule = g_ptr_array_index(rules, i);

        if (rule->guest_address.family == b->family)
            return TRUE;
    }
    return FALSE;
}

static void
add_nat_chains(Builder *b, const char *set)
{
    const VnetNetworkForwardDef *fwd = &b->def->forward;
    gboolean masquerade = b->family == AF_INET || fwd->nat_ipv6 == VNET_TRISTATE_YES;
    const char *br = b->def->bridge_name;

    if (has_forwards(b)) {
        g_string_append(b->out, "  chain prerouting {\n"
                                "    type nat hook prerouting priority dstnat; policy accept;\n");
        add_forward_rules(b);
        g_string_append(b->out, "  }\n"
                                "  chain output {\n"
                                "    type nat hook output priority -100; policy accept;\n");
        add_forward_rules(b);
        g_string_append(b->out, "  }\n");
    }
    g_string_append(b->out, "  chain postrouting {\n"
                            "    type nat hook postrouting priority srcnat; policy accept;\n");
    if (has_forwards(b)) {
        /* A guest that uses a forward of its own network, and the host
         * connecting through an IPv4 loopback forward address, must see
         * the replies come back through the host. (IPv6 loopback forwards
         * are refused: vnet_network_check_forward_ports.) */
        g_string_append_printf(b->out,
                               "    oifname \"%s\" ct status dnat %s saddr %s masquerade\n", br,
                               b->nft, set);
        if (b->family == AF_INET)
            g_string_append_printf(b->out,
                                   "    oifname \"%s\" ct status dnat ip saddr 127.0.0.0/8 "
                                   "masquerade\n",
                                   br);
    }
    if (masquerade) {
        g_autofree char *to = NULL;

        if (b->family == AF_INET && vnet_inet_is_set(&fwd->nat_addr_start)) {
            g_autofree char *start = vnet_inet_to_string(&fwd->nat_addr_start);
            g_autofree char *end = vnet_inet_to_string(&fwd->nat_addr_end);

            if (fwd->nat_port_start)
                to = g_strdup_printf("snat to %s-%s:%u-%u", start, end, fwd->nat_port_start,
                                     fwd->nat_port_end);
            else
                to = g_strdup_printf("snat to %s-%s", start, end);
        } else if (fwd->nat_port_start) {
            to = g_strdup_printf("masquerade to :%u-%u", fwd->nat_port_start,
                                 fwd->nat_port_end);
        } else {
            to = g_strdup("masquerade");
        }
        /* The multicast and broadcast exceptions are libvirt's: they never
         * leave the segment and must keep their source. */
        if (b->family == AF_INET)
            g_string_append_printf(b->out,
                                   "    %s saddr %s %s daddr != %s %s daddr != "
                                   "{ 224.0.0.0/24, 255.255.255.255 } %s\n",
                                   b->nft, set, b->nft, set, b->nft, to);
        else
            g_string_append_printf(b->out, "    %s saddr %s %s daddr != %s %s daddr != ff00::/8 %s\n",
                                   b->nft, set, b->nft, set, b->nft, to);
    }
    g_string_append(b->out, "  }\n");
}

static void
add_filter_chains(Builder *b, const char *set)
{
    const char *br = b->def->bridge_name;
    VnetNetworkKind kind = b->def->kind;

    if (kind == VNET_NETWORK_KIND_INTERNAL) {
        g_string_append_printf(b->out, "  chain input {\n"
                                       "    type filter hook input priority filter; policy accept;\n"
                                       "    iifname \"%s\" drop\n"
                                       "  }\n",
                               br);
    } else if (kind == VNET_NETWORK_KIND_NAT && has_forwards(b) && b->family == AF_INET) {
        /* route_localnet is on for loopback forwards: guests must still
         * never reach the host's loopback services. */
        g_string_append_printf(b->out, "  chain input {\n"
                                       "    type filter hook input priority filter; policy accept;\n"
                                       "    iifname \"%s\" ip daddr 127.0.0.0/8 drop\n"
                                       "  }\n",
                               br);
    }
    g_string_append(b->out, "  chain forward {\n"
                            "    type filter hook forward priority filter; policy accept;\n");
    g_string_append_printf(b->out, "    iifname \"%s\" oifname \"%s\" accept\n", br, br);
    if (kind == VNET_NETWORK_KIND_NAT && set) {
        g_string_append_printf(b->out,
                               "    oifname \"%s\" %s daddr %s ct state established,related "
                               "accept\n",
                               br, b->nft, set);
        g_string_append_printf(b->out, "    oifname \"%s\" %s daddr %s ct status dnat accept\n",
                               br, b->nft, set);
        g_string_append_printf(b->out, "    iifname \"%s\" %s saddr %s accept\n", br, b->nft, set);
    } else if (kind == VNET_NETWORK_KIND_ROUTE && set) {
        g_string_append_printf(b->out, "    oifname \"%s\" %s daddr %s accept\n", br, b->nft, set);
        g_string_append_printf(b->out, "    iifname \"%s\" %s saddr %s accept\n", br, b->nft, set);
    }
    if (kind == VNET_NETWORK_KIND_NAT || kind == VNET_NETWORK_KIND_ROUTE) {
        g_string_append_printf(b->out, "    iifname \"%s\" reject\n", br);
        g_string_append_printf(b->out, "    oifname \"%s\" reject\n", br);
    } else {
        g_string_append_printf(b->out, "    iifname \"%s\" drop\n", br);
        g_string_append_printf(b->out, "    oifname \"%s\" drop\n", br);
    }
    g_string_append(b->out, "  }\n");
}

static void
add_table(Builder *b, gboolean with_rules)
{
    g_autofree char *set = subnets(b);

    /* "table X {}" creates it when missing, so the delete never fails. */
    g_string_append_printf(b->out, "table %s %s {}\ndelete table %s %s\n", b->nft, b->table,
                           b->nft, b->table);
    if (!with_rules)
        return;
    if (b->def->kind == VNET_NETWORK_KIND_OPEN)
        return;
    /* A family the network has no subnet in still gets its filter (guests
     * could use link-local IPv6 or addresses of their own), but no NAT. */
    g_string_append_printf(b->out, "table %s %s {\n", b->nft, b->table);
    if (b->def->kind == VNET_NETWORK_KIND_NAT && set)
        add_nat_chains(b, set);
    add_filter_chains(b, set);
    g_string_append(b->out, "}\n");
}

/**
 * vnet_nft_network_script:
 * @live: a running network's definition (with its bridge name)
 * @with_rules: %FALSE to only remove the tables
 *
 * Returns: (transfer full): an nft script for `nft -f -`.
 */
char *
vnet_nft_network_script(const VnetNetworkDef *live, gboolean with_rules)
{
    g_autofree char *table = vnet_nft_table_name(live);
    g_autoptr(GString) out = g_string_new(NULL);
    Builder v4 = {AF_INET, "ip", table, live, out};
    Builder v6 = {AF_INET6, "ip6", table, live, out};

    add_table(&v4, with_rules);
    add_table(&v6, with_rules);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
run_nft(const char *script, const char *what, GError **error)
{
    g_autofree char *nft = vnet_net_find_program("nft", "nftables", error);
    const char *argv[] = {nft, "-f", "-", NULL};

    return nft && vnet_net_run(argv, script, what, error);
}

/**
 * vnet_nft_network_apply:
 * @live: a running network's definition
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_nft_network_apply(const VnetNetworkDef *live, GError **error)
{
    g_autofree char *script = vnet_nft_network_script(live, TRUE);
    g_autofree char *table = vnet_nft_table_name(live);
    g_autofree char *what =
        g_strdup_printf(_("network '%s': loading nftables table '%s'"), live->name, table);

    return run_nft(script, what, error);
}

/**
 * vnet_nft_network_remove:
 * @live: a network's definition
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when there was nothing to remove).
 */
gboolean
vnet_nft_network_remove(const VnetNetworkDef *live, GError **error)
{
    g_autofree char *script = vnet_nft_network_script(live, FALSE);
    g_autofree char *table = vnet_nft_table_name(live);
    g_autofree char *what =
        g_strdup_printf(_("network '%s': removing nftables table '%s'"), live->name, table);

    return run_nft(script, what, error);
}
