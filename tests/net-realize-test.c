/* net-realize-test.c: networks realized on the host, proved with real
 * traffic between namespaces. The test process's private namespace is the
 * "host"; "outside" is a named namespace behind the host's uplink veth
 * (up0 192.168.200.1/24, outside 192.168.200.2/24, no route back to any
 * guest subnet); guests are netns domains started through the public API
 * on local:///?root=TMPDIR. Every result comes from the kernel or from
 * traffic: busybox udhcpc leases, ping, busybox nc, `ss` in "outside",
 * `ip -j`, `nft -j list ruleset`, /proc. After each case nothing of vnet
 * may be left: links, routes, proxy neighbours, nft tables, dnsmasq. */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "local-fixture.h"
#include "netns-helper.h"
#include "test-util.h"

typedef VnetTestLocal Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    if (!vnet_test_local_open(fx, "net"))
        return;
    vnet_netns_add("outside");
    vnet_netns_veth("up0", NULL, "out0", "outside");
    vnet_netns_sh(NULL, "ip addr add 192.168.200.1/24 dev up0");
    vnet_netns_sh("outside", "ip addr add 192.168.200.2/24 dev out0");
}

/* Output of "sh -c CMD" in @ns (NULL: the host); NULL when it fails. */
static char *
sh_output(const char *ns, const char *cmd)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status;

    if (ns) {
        const char *argv[] = {"ip", "netns", "exec", ns, "sh", "-c", cmd, NULL};
        status = vnet_test_run_full(argv, &out, &err);
    } else {
        const char *argv[] = {"sh", "-c", cmd, NULL};
        status = vnet_test_run_full(argv, &out, &err);
    }
    if (status != 0) {
        g_test_message("[%s] %s: status %d: %s", ns ? ns : "host", cmd, status, err);
        return NULL;
    }
    return g_steal_pointer(&out);
}

/* dnsmasq processes started with a configuration under @root. */
static guint
count_dnsmasq(const char *root)
{
    g_autoptr(GDir) dir = g_dir_open("/proc", 0, NULL);
    const char *entry;
    guint n = 0;

    while ((entry = g_dir_read_name(dir))) {
        g_autofree char *path = NULL;
        g_autofree char *cmdline = NULL;
        gsize len = 0;

        if (!g_ascii_isdigit(entry[0]))
            continue;
        path = g_strdup_printf("/proc/%s/cmdline", entry);
        if (!g_file_get_contents(path, &cmdline, &len, NULL) || len == 0)
            continue;
        for (gsize i = 0; i + 1 < len; i++) {
            if (cmdline[i] == '\0')
                cmdline[i] = ' ';
        }
        if (strstr(cmdline, "dnsmasq") && strstr(cmdline, root))
            n++;
    }
    return n;
}

/* Nothing of vnet in the host namespace: no vn* or vnet* links, no route
 * or proxy neighbour through them, no vnet- nft table, no dnsmasq. */
static void
assert_clean(const char *root)
{
    g_autofree char *links = sh_output(NULL, "ip -j link show");
    g_autofree char *routes = sh_output(NULL, "ip -j route show; ip -j -6 route show");
    g_autofree char *neigh = sh_output(NULL, "ip -j neigh show proxy");
    g_autofree char *nft = sh_output(NULL, "nft -j list ruleset");

    g_assert_nonnull(links);
    g_assert_null(strstr(links, "\"vnbr"));
    g_assert_null(strstr(links, "\"vnet"));
    g_assert_null(strstr(routes, "vnbr"));
    g_assert_null(strstr(routes, "vnet"));
    g_assert_null(strstr(routes, "192.168.200.201"));
    g_assert_null(strstr(neigh, "192.168.200.201"));
    g_assert_null(strstr(nft, "vnet-"));
    g_assert_cmpuint(count_dnsmasq(root), ==, 0);
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    g_clear_pointer(&fx->conn, vnet_connection_close);
    if (fx->root) {
        assert_clean(fx->root);
        /* listeners left in "outside" would keep it (and up0) alive */
        vnet_netns_sh(NULL, "ip netns pids outside | xargs -r kill; ip link del up0");
        vnet_netns_del("outside");
    }
    vnet_test_local_close(fx);
}

static VnetNetwork *
define_network(Fixture *fx, const char *xml)
{
    g_autoptr(GError) error = NULL;
    VnetNetwork *net = vnet_network_define_xml(fx->conn, xml, &error);

    g_assert_no_error(error);
    return net;
}

static VnetDomain *
start_domain(Fixture *fx, const char *xml)
{
    g_autoptr(GError) error = NULL;
    VnetDomain *dom = vnet_domain_define_xml(fx->conn, xml, &error);

    g_assert_no_error(error);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    return dom;
}

static void
destroy_domain(VnetDomain *dom)
{
    g_autoptr(GError) error = NULL;

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
}

/* udhcpc's script: configure what the server handed out, with `ip`. */
static char *
write_udhcpc_script(const char *root)
{
    char *path = g_build_filename(root, "udhcpc.sh", NULL);
    g_autoptr(GError) error = NULL;

    g_file_set_contents(path,
                        "#!/bin/sh\n"
                        "case \"$1\" in\n"
                        "bound|renew)\n"
                        "  ip addr add \"$ip/$mask\" dev \"$interface\"\n"
                        "  for r in $router; do ip route add default via \"$r\"; break; done\n"
                        "  ;;\n"
                        "esac\n"
                        "exit 0\n",
                        -1, &error);
    g_assert_no_error(error);
    g_assert_cmpint(chmod(path, 0755), ==, 0);
    return path;
}

/* The guest's IPv4 address on eth0 after udhcpc, or NULL. */
static char *
run_udhcpc(const char *guest, const char *script)
{
    g_autofree char *cmd =
        g_strdup_printf("busybox udhcpc -i eth0 -n -q -t 5 -T 1 -s %s >/dev/null 2>&1 && "
                        "ip -4 -o addr show dev eth0 | awk '{print $4}' | cut -d/ -f1",
                        script);
    g_autofree char *out = sh_output(guest, cmd);

    return out && *g_strstrip(out) ? g_steal_pointer(&out) : NULL;
}

static gboolean
ping(const char *ns, const char *addr)
{
    return vnet_netns_sh_status(ns, "ping -c 1 -W 1 %s >/dev/null 2>&1", addr) == 0;
}

/* A one-shot listener in @ns on @port answering @word. */
static void
listen_once(const char *ns, guint port, const char *word)
{
    vnet_netns_sh(ns,
                  "timeout 10 busybox nc -l -p %u -e sh -c 'echo %s' >/dev/null 2>&1 "
                  "</dev/null &",
                  port, word);
    /* until it listens */
    for (guint i = 0; i < 100; i++) {
        g_autofree char *cmd = g_strdup_printf("ss -Hltn sport = :%u | grep -q LISTEN", port);

        if (vnet_netns_sh_status(ns, "%s", cmd) == 0)
            return;
        g_usleep(20 * 1000);
    }
    g_error("listener on port %u in %s did not start", port, ns);
}

/* What a TCP connection from @ns to @addr:@port reads, or NULL. */
static char *
connect_read(const char *ns, const char *addr, guint port)
{
    g_autofree char *cmd = g_strdup_printf("busybox nc -w 2 %s %u </dev/null", addr, port);
    g_autofree char *out = sh_output(ns, cmd);

    if (!out || !*g_strstrip(out))
        return NULL;
    return g_steal_pointer(&out);
}

static const char nat_net_xml[] =
    "<network>\n"
    "  <name>natnet1</name>\n"
    "  <forward mode='nat'>\n"
    "    <portForward name='web' protocol='tcp' hostPort='8080' guestAddress='192.168.15.50'"
    " guestPort='80'/>\n"
    "  </forward>\n"
    "  <ip address='192.168.15.1' prefix='24'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.15.100' end='192.168.15.150'/>\n"
    "      <host mac='52:54:00:15:00:50' ip='192.168.15.50' name='web'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static const char nat_guest_xml[] =
    "<domain type='netns'>\n"
    "  <name>%s</name>\n"
    "  <devices>\n"
    "    <interface type='natnetwork'>\n"
    "      <mac address='%s'/>\n"
    "      <source network='natnet1'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

static VnetDomain *
start_nat_guest(Fixture *fx, const char *name, const char *mac)
{
    g_autofree char *xml = g_strdup_printf(nat_guest_xml, name, mac);

    return start_domain(fx, xml);
}

static gboolean
lease_listed(VnetNetwork *net, const char *mac, const char *ip)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) leases = vnet_network_get_dhcp_leases(net, mac, &error);

    g_assert_no_error(error);
    for (guint i = 0; i < leases->len; i++) {
        const VnetDhcpLease *lease = g_ptr_array_index(leases, i);

        if (g_str_equal(lease->ip, ip) && lease->prefix == 24 && lease->expiry_time > 0)
            return TRUE;
    }
    return FALSE;
}

static void
test_nat(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) web = NULL;
    g_autoptr(VnetDomain) peer = NULL;
    g_autofree char *script = NULL;
    g_autofree char *web_ip = NULL;
    g_autofree char *peer_ip = NULL;
    g_autofree char *lease_file = NULL;
    g_autofree char *leases = NULL;
    g_autofree char *nft = NULL;
    g_autofree char *peers = NULL;
    g_autofree char *got = NULL;
    g_autofree char *xml = NULL;

    if (!fx->root)
        return;
    net = define_network(fx, nat_net_xml);
    /* a guest of a network that is not running: refused, nothing made */
    {
        g_autofree char *dxml = g_strdup_printf(nat_guest_xml, "early", "52:54:00:15:00:99");
        g_autoptr(VnetDomain) early = vnet_domain_define_xml(fx->conn, dxml, &error);

        g_assert_no_error(error);
        g_assert_false(vnet_domain_start(early, &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
        g_assert_nonnull(strstr(error->message, "network 'natnet1' is not running"));
        g_clear_error(&error);
        g_assert_false(vnet_netns_sh_status(NULL, "ip netns list | grep -qw early") == 0);
    }
    vnet_network_start(net, &error);
    g_assert_no_error(error);
    nft = sh_output(NULL, "nft -j list ruleset");
    g_assert_nonnull(strstr(nft, "\"vnet-natnet1\""));
    g_assert_nonnull(strstr(nft, "masquerade"));
    g_assert_cmpuint(count_dnsmasq(fx->root), ==, 1);

    web = start_nat_guest(fx, "web", "52:54:00:15:00:50");
    peer = start_nat_guest(fx, "peer", "52:54:00:15:00:51");
    script = write_udhcpc_script(fx->root);
    web_ip = run_udhcpc("web", script);
    peer_ip = run_udhcpc("peer", script);
    g_assert_cmpstr(web_ip, ==, "192.168.15.50"); /* the static host */
    g_assert_nonnull(peer_ip);
    g_assert_true(g_str_has_prefix(peer_ip, "192.168.15.1"));
    lease_file = g_build_filename(fx->root, "run", "dnsmasq", "natnet1", "dnsmasq.leases", NULL);
    g_assert_true(g_file_get_contents(lease_file, &leases, NULL, NULL));
    g_assert_nonnull(strstr(leases, "52:54:00:15:00:51"));
    g_assert_nonnull(strstr(leases, peer_ip));
    g_assert_true(lease_listed(net, "52:54:00:15:00:51", peer_ip));
    g_assert_true(lease_listed(net, "52:54:00:15:00:50", "192.168.15.50"));

    g_assert_true(ping("web", "192.168.15.1"));
    g_assert_true(ping("web", "192.168.200.2"));
    g_assert_true(ping("web", peer_ip));
    /* "outside" has no route to the guests: a connection open from the
     * guest shows the host's uplink address as its peer (masquerade) */
    listen_once("outside", 7000, "hi");
    g_assert_cmpstr((got = connect_read("web", "192.168.200.2", 7000)), ==, "hi");
    g_clear_pointer(&got, g_free);
    listen_once("outside", 7001, "hold; sleep 3");
    vnet_netns_sh("web", "timeout 4 busybox nc 192.168.200.2 7001 >/dev/null 2>&1 </dev/null &");
    for (guint i = 0; i < 50 && !(peers && strstr(peers, "192.168.200.1")); i++) {
        g_clear_pointer(&peers, g_free);
        g_usleep(50 * 1000);
        peers = sh_output("outside", "ss -Htn");
    }
    g_test_message("outside sees: %s", peers);
    g_assert_nonnull(strstr(peers, "192.168.200.1"));
    g_assert_null(strstr(peers, "192.168.15."));

    /* the outside cannot open connections to the guests directly */
    vnet_netns_sh("outside", "ip route add 192.168.15.0/24 via 192.168.200.1");
    g_assert_false(ping("outside", "192.168.15.50"));
    vnet_netns_sh("outside", "ip route del 192.168.15.0/24 via 192.168.200.1");

    /* the forward, from the outside and from the host itself */
    listen_once("web", 80, "hello");
    g_assert_cmpstr((got = connect_read("outside", "192.168.200.1", 8080)), ==, "hello");
    g_clear_pointer(&got, g_free);
    listen_once("web", 80, "again");
    g_assert_cmpstr((got = connect_read(NULL, "192.168.200.1", 8080)), ==, "again");
    g_clear_pointer(&got, g_free);
    /* added live, and saved in both definitions */
    g_assert_true(vnet_network_add_port_forward(
        net,
        "<portForward name='alt' protocol='tcp' hostPort='8081' guestAddress='192.168.15.50' "
        "guestPort='81'/>",
        VNET_NETWORK_AFFECT_LIVE | VNET_NETWORK_AFFECT_CONFIG, &error));
    g_assert_no_error(error);
    listen_once("web", 81, "alt");
    g_assert_cmpstr((got = connect_read("outside", "192.168.200.1", 8081)), ==, "alt");
    g_clear_pointer(&got, g_free);
    xml = vnet_network_get_xml(net, VNET_NETWORK_XML_INACTIVE, &error);
    g_assert_nonnull(strstr(xml, "name='alt'"));
    g_clear_pointer(&xml, g_free);
    /* removed live: the port goes dark */
    g_assert_true(vnet_network_remove_port_forward(
        net, "web", VNET_NETWORK_AFFECT_LIVE | VNET_NETWORK_AFFECT_CONFIG, &error));
    g_assert_no_error(error);
    listen_once("web", 80, "gone");
    g_assert_null(connect_read("outside", "192.168.200.1", 8080));
    vnet_netns_sh("web", "pkill -f 'nc -l -p [8]0 ' || true");
    xml = vnet_network_get_xml(net, 0, &error);
    g_assert_null(strstr(xml, "<portForward name='web'"));
    g_assert_nonnull(strstr(xml, "name='alt'"));

    /* a network in use is not destroyed unless forced */
    g_assert_false(vnet_network_destroy(net, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_nonnull(strstr(error->message, "in use by running domain"));
    g_clear_error(&error);
    destroy_domain(peer);
    g_assert_true(vnet_network_destroy_flags(net, VNET_NETWORK_DESTROY_FORCE, &error));
    g_assert_no_error(error);
    destroy_domain(web);
}

/* A one-shot listener in @ns on @port that writes the first line it
 * receives to @file and answers @word. */
static void
listen_record(const char *ns, guint port, const char *file, const char *word)
{
    vnet_netns_sh(ns,
                  "timeout 10 busybox nc -l -p %u -e sh -c 'read l; echo \"$l\" > %s; echo %s' "
                  ">/dev/null 2>&1 </dev/null &",
                  port, file, word);
    for (guint i = 0; i < 100; i++) {
        if (vnet_netns_sh_status(ns, "ss -Hltn sport = :%u | grep -q LISTEN", port) == 0)
            return;
        g_usleep(20 * 1000);
    }
    g_error("listener on port %u in %s did not start", port, ns);
}

/* What a TCP connection from @ns to [@addr]:@port that sends the line
 * @line reads back, or NULL. */
static char *
connect_send_read(const char *ns, const char *addr, guint port, const char *line)
{
    g_autofree char *cmd =
        g_strdup_printf("(echo %s; sleep 1) | busybox nc -w 2 %s %u", line, addr, port);
    g_autofree char *out = sh_output(ns, cmd);

    if (!out || !*g_strstrip(out))
        return NULL;
    return g_steal_pointer(&out);
}

/* The first line of @path (consumed: the file is removed), or NULL. */
static char *
take_line(const char *path)
{
    g_autofree char *text = NULL;

    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    g_assert_cmpint(unlink(path), ==, 0);
    return g_strdup(g_strstrip(text));
}

/* The chains of table @family @table with a DNAT to [@addr]:@port, from
 * the kernel's ruleset, as "chain1 chain2 ". */
static char *
nft_dnat_chains(const char *family, const char *table, const char *addr, gint64 port)
{
    g_autofree char *json = sh_output(NULL, "nft -j list ruleset");
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GString) chains = g_string_new(NULL);
    g_autoptr(GError) error = NULL;
    JsonArray *items;

    g_assert_nonnull(json);
    g_assert_true(json_parser_load_from_data(parser, json, -1, &error));
    g_assert_no_error(error);
    items = json_object_get_array_member(json_node_get_object(json_parser_get_root(parser)),
                                         "nftables");
    for (guint i = 0; i < json_array_get_length(items); i++) {
        JsonObject *item = json_array_get_object_element(items, i);
        JsonObject *rule;
        JsonArray *exprs;

        if (!json_object_has_member(item, "rule"))
            continue;
        rule = json_object_get_object_member(item, "rule");
        if (!g_str_equal(json_object_get_string_member(rule, "family"), family) ||
            !g_str_equal(json_object_get_string_member(rule, "table"), table))
            continue;
        exprs = json_object_get_array_member(rule, "expr");
        for (guint j = 0; j < json_array_get_length(exprs); j++) {
            JsonObject *expr = json_array_get_object_element(exprs, j);
            JsonObject *dnat;

            if (!json_object_has_member(expr, "dnat"))
                continue;
            dnat = json_object_get_object_member(expr, "dnat");
            if (g_str_equal(json_object_get_string_member(dnat, "addr"), addr) &&
                json_object_get_int_member(dnat, "port") == port)
                g_string_append_printf(chains, "%s ",
                                       json_object_get_string_member(rule, "chain"));
        }
    }
    return g_strdup(chains->str);
}

static const char nat6_net_xml[] =
    "<network>\n"
    "  <name>natnet6</name>\n"
    "  <forward mode='nat'>\n"
    "    <nat ipv6='yes'/>\n"
    "    <portForward name='web6' protocol='tcp' hostPort='8086' guestAddress='fd00:15::50'"
    " guestPort='80'/>\n"
    "  </forward>\n"
    "  <ip address='192.168.15.1' prefix='24'/>\n"
    "  <ip family='ipv6' address='fd00:15::1' prefix='64'/>\n"
    "</network>\n";

/* IPv6 on a NAT network: a port forward from the host's uplink address to
 * a guest, from the outside and from the host itself, removed live; the
 * guest's own connections masqueraded behind the host (<nat ipv6='yes'>). */
static void
test_nat_ipv6(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) web = NULL;
    g_autofree char *received = g_build_filename(fx->root ? fx->root : "/", "received", NULL);
    g_autofree char *chains = NULL;
    g_autofree char *got = NULL;
    g_autofree char *line = NULL;
    g_autofree char *peers = NULL;
    g_autofree char *fwd = NULL;
    g_autofree char *gw = NULL;

    if (!fx->root)
        return;
    /* the uplink gets IPv6 on both ends; nodad: usable at once */
    vnet_netns_sh(NULL, "ip addr add fd00:200::1/64 dev up0 nodad");
    vnet_netns_sh("outside", "ip addr add fd00:200::2/64 dev out0 nodad");
    net = define_network(fx, nat6_net_xml);
    g_assert_true(vnet_network_start(net, &error));
    g_assert_no_error(error);
    fwd = sh_output(NULL, "sysctl -n net.ipv6.conf.all.forwarding");
    g_assert_cmpstr(g_strstrip(fwd), ==, "1");
    chains = nft_dnat_chains("ip6", "vnet-natnet6", "fd00:15::50", 80);
    g_test_message("ip6 DNAT in chains: %s", chains);
    g_assert_cmpstr(chains, ==, "prerouting output ");
    g_clear_pointer(&chains, g_free);
    /* the gateway is usable before any guest joins (no DAD pending) */
    gw = sh_output(NULL, "ip -6 -o addr show | grep -F ' fd00:15::1/64 '");
    g_assert_nonnull(gw);
    g_assert_null(strstr(gw, "tentative"));

    web = start_domain(fx, "<domain type='netns'><name>web6</name><devices>"
                           "<interface type='natnetwork'><mac address='52:54:00:15:00:56'/>"
                           "<source network='natnet6'/></interface></devices></domain>");
    /* the design leaves a static guest's addressing to the guest */
    vnet_netns_sh("web6", "ip addr add fd00:15::50/64 dev eth0 nodad && "
                          "ip -6 route add default via fd00:15::1");
    g_assert_true(ping("web6", "fd00:15::1"));

    /* the forward, from the outside: the listener gets our line */
    listen_record("web6", 80, received, "hello6");
    g_assert_cmpstr((got = connect_send_read("outside", "fd00:200::1", 8086, "from-outside")),
                    ==, "hello6");
    g_assert_cmpstr((line = take_line(received)), ==, "from-outside");
    g_clear_pointer(&got, g_free);
    g_clear_pointer(&line, g_free);
    /* and from the host itself, to its own uplink address */
    listen_record("web6", 80, received, "again6");
    g_assert_cmpstr((got = connect_send_read(NULL, "fd00:200::1", 8086, "from-host")), ==,
                    "again6");
    g_assert_cmpstr((line = take_line(received)), ==, "from-host");
    g_clear_pointer(&got, g_free);
    g_clear_pointer(&line, g_free);

    /* the kernel forwards no IPv6 loopback traffic: such a rule is refused,
     * not loaded to forward nothing; the rules in force stay */
    g_assert_false(vnet_network_add_port_forward(
        net,
        "<portForward name='lo6' protocol='tcp' hostAddress='::1' hostPort='8087' "
        "guestAddress='fd00:15::50' guestPort='80'/>",
        VNET_NETWORK_AFFECT_LIVE, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED);
    g_assert_nonnull(strstr(error->message, "port forward 'lo6' has hostAddress '::1'"));
    g_clear_error(&error);
    chains = nft_dnat_chains("ip6", "vnet-natnet6", "fd00:15::50", 80);
    g_assert_cmpstr(chains, ==, "prerouting output ");
    g_clear_pointer(&chains, g_free);

    /* the guest's own connections leave with the host's address: the
     * outside has no route back to fd00:15::/64 */
    listen_once("outside", 7000, "out6");
    g_assert_cmpstr((got = connect_read("web6", "fd00:200::2", 7000)), ==, "out6");
    g_clear_pointer(&got, g_free);
    listen_once("outside", 7001, "hold; sleep 3");
    vnet_netns_sh("web6", "timeout 4 busybox nc fd00:200::2 7001 >/dev/null 2>&1 </dev/null &");
    for (guint i = 0; i < 50 && !(peers && strstr(peers, "fd00:200::1")); i++) {
        g_clear_pointer(&peers, g_free);
        g_usleep(50 * 1000);
        peers = sh_output("outside", "ss -Htn");
    }
    g_test_message("outside sees: %s", peers);
    g_assert_nonnull(strstr(peers, "[fd00:200::1]"));
    g_assert_null(strstr(peers, "fd00:15:"));

    /* removed live: gone from the kernel, the port goes dark */
    g_assert_true(vnet_network_remove_port_forward(
        net, "web6", VNET_NETWORK_AFFECT_LIVE | VNET_NETWORK_AFFECT_CONFIG, &error));
    g_assert_no_error(error);
    chains = nft_dnat_chains("ip6", "vnet-natnet6", "fd00:15::50", 80);
    g_assert_cmpstr(chains, ==, "");
    listen_record("web6", 80, received, "gone6");
    g_assert_null(connect_send_read("outside", "fd00:200::1", 8086, "late"));
    g_assert_null(connect_send_read(NULL, "fd00:200::1", 8086, "late"));
    g_assert_false(g_file_test(received, G_FILE_TEST_EXISTS));
    vnet_netns_sh("web6", "pkill -f 'nc -l -p [8]0 ' || true");

    destroy_domain(web);
    g_assert_true(vnet_network_destroy(net, &error));
    g_assert_no_error(error);
}

static const char internal_guest_xml[] =
    "<domain type='netns'>\n"
    "  <name>%s</name>\n"
    "  <devices>\n"
    "    <interface type='internal'>\n"
    "      <source name='lab'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

static VnetDomain *
start_internal_guest(Fixture *fx, const char *name, const char *addr)
{
    g_autofree char *xml = g_strdup_printf(internal_guest_xml, name);
    VnetDomain *dom = start_domain(fx, xml);

    vnet_netns_sh(name, "ip addr add %s/24 dev eth0", addr);
    return dom;
}

static void
test_internal(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) a = NULL;
    g_autoptr(VnetDomain) b = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autofree char *bridge = NULL;
    g_autofree char *addrs = NULL;

    if (!fx->root)
        return;
    a = start_internal_guest(fx, "ia", "10.77.0.1");
    /* created with its first NIC */
    net = vnet_network_lookup_by_name(fx->conn, "lab", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_network_is_active(net, &error), ==, 1);
    bridge = sh_output(NULL, "ip -o link show type bridge | awk -F': ' '{print $2}'");
    g_assert_nonnull(bridge);
    g_strstrip(bridge);
    g_assert_true(g_str_has_prefix(bridge, "vnbr"));
    b = start_internal_guest(fx, "ib", "10.77.0.2");
    g_assert_true(ping("ia", "10.77.0.2"));
    g_assert_true(ping("ib", "10.77.0.1"));
    /* the host has no address on the bridge and cannot reach them */
    {
        g_autofree char *cmd = g_strdup_printf("ip -o addr show dev %s", bridge);

        addrs = sh_output(NULL, cmd);
    }
    g_assert_cmpstr(g_strstrip(addrs), ==, "");
    vnet_netns_sh(NULL, "ip route add 10.77.0.0/24 dev %s", bridge);
    g_assert_false(ping(NULL, "10.77.0.1"));
    vnet_netns_sh(NULL, "ip route del 10.77.0.0/24 dev %s", bridge);
    destroy_domain(a);
    g_assert_cmpint(vnet_network_is_active(net, &error), ==, 1);
    g_assert_true(vnet_netns_link_exists(NULL, bridge));
    destroy_domain(b);
    /* removed with its last NIC: from the kernel and from vnet's list */
    g_assert_false(vnet_netns_link_exists(NULL, bridge));
    g_clear_pointer(&net, vnet_network_unref);
    net = vnet_network_lookup_by_name(fx->conn, "lab", &error);
    g_assert_null(net);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK);
}

/* The kernel's STP state and forward delay (1/100 s) of bridge @name. */
static void
bridge_stp(const char *name, gint64 *ret_stp, gint64 *ret_delay)
{
    g_autoptr(JsonNode) links = vnet_netns_ip_json(NULL, "link");
    JsonObject *link = vnet_netns_find_link(links, name);
    JsonObject *data;

    g_assert_nonnull(link);
    data = json_object_get_object_member(json_object_get_object_member(link, "linkinfo"),
                                         "info_data");
    *ret_stp = json_object_get_int_member(data, "stp_state");
    *ret_delay = json_object_get_int_member(data, "forward_delay");
}

/* <bridge stp delay> reach the kernel; without them its defaults stay
 * (STP off, 15 s). With STP on the kernel holds the delay in 2..30 s, so
 * libvirt's own default network (stp='on' delay='0') gets 2 s. */
static void
test_bridge_stp(Fixture *fx, gconstpointer data)
{
    static const struct {
        const char *bridge_attrs;
        gint64 stp;
        gint64 delay;
    } cases[] = {
        {"stp='on' delay='0'", 1, 200},
        {"stp='on' delay='5'", 1, 500},
        {"stp='off' delay='7'", 0, 700},
        {"stp='on'", 1, 1500},
        {"", 0, 1500},
    };
    g_autoptr(GError) error = NULL;

    if (!fx->root)
        return;
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *bridge = g_strdup_printf("vnbr-stp%u", i);
        g_autofree char *xml =
            g_strdup_printf("<network><name>stp%u</name><bridge name='%s' %s/></network>", i,
                            bridge, cases[i].bridge_attrs);
        g_autoptr(VnetNetwork) net = define_network(fx, xml);
        gint64 stp = -1;
        gint64 delay = -1;

        g_assert_true(vnet_network_start(net, &error));
        g_assert_no_error(error);
        bridge_stp(bridge, &stp, &delay);
        g_test_message("%s: stp_state %" G_GINT64_FORMAT ", forward_delay %" G_GINT64_FORMAT,
                       cases[i].bridge_attrs, stp, delay);
        g_assert_cmpint(stp, ==, cases[i].stp);
        g_assert_cmpint(delay, ==, cases[i].delay);
        g_assert_true(vnet_network_destroy(net, &error));
        g_assert_no_error(error);
        g_assert_true(vnet_network_undefine(net, &error));
    }

    /* libvirt's default network as it ships, NAT and all */
    {
        g_autoptr(VnetNetwork) net =
            define_network(fx, "<network><name>default</name><forward mode='nat'/>"
                               "<bridge name='vnbr-virbr0' stp='on' delay='0'/>"
                               "<ip address='192.168.122.1' netmask='255.255.255.0'/>"
                               "</network>");
        gint64 stp = -1;
        gint64 delay = -1;

        g_assert_true(vnet_network_start(net, &error));
        g_assert_no_error(error);
        bridge_stp("vnbr-virbr0", &stp, &delay);
        g_assert_cmpint(stp, ==, 1);
        g_assert_cmpint(delay, ==, 200);
        g_assert_true(vnet_network_destroy(net, &error));
        g_assert_no_error(error);
    }
}

static void
test_hostonly(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *script = NULL;
    g_autofree char *ip = NULL;

    if (!fx->root)
        return;
    /* VirtualBox's defaults: 192.168.56.1/24, DHCP server .100 */
    net = define_network(fx, "<network><name>vboxnet0</name><forward mode='hostonly'/>"
                             "</network>");
    vnet_network_start(net, &error);
    g_assert_no_error(error);
    dom = start_domain(fx, "<domain type='netns'><name>ho</name><devices>"
                           "<interface type='hostonly'><source network='vboxnet0'/>"
                           "</interface></devices></domain>");
    script = write_udhcpc_script(fx->root);
    ip = run_udhcpc("ho", script);
    g_assert_nonnull(ip);
    g_assert_true(g_str_has_prefix(ip, "192.168.56."));
    g_assert_true(ping("ho", "192.168.56.1"));
    /* no way beyond the host, even with a route through it */
    vnet_netns_sh("ho", "ip route add default via 192.168.56.1 || true");
    vnet_netns_sh("outside", "ip route add 192.168.56.0/24 via 192.168.200.1");
    g_assert_false(ping("ho", "192.168.200.2"));
    g_assert_false(ping("outside", ip));
    destroy_domain(dom);
    g_assert_true(vnet_network_destroy(net, &error));
    g_assert_no_error(error);
}

static void
test_routed(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *neigh = NULL;
    g_autofree char *host_mac = NULL;
    g_autofree char *got = NULL;

    if (!fx->root)
        return;
    dom = start_domain(fx, "<domain type='netns'><name>rt</name><devices>"
                           "<interface type='routed'><ip address='192.168.200.201'/>"
                           "</interface></devices></domain>");
    g_assert_true(ping("outside", "192.168.200.201"));
    g_assert_true(ping("rt", "192.168.200.2"));
    /* the outside learnt the host's MAC for the guest's address */
    host_mac = sh_output(NULL, "cat /sys/class/net/up0/address");
    neigh = sh_output("outside", "ip neigh show 192.168.200.201");
    g_assert_nonnull(strstr(neigh, g_strstrip(host_mac)));
    listen_once("rt", 9000, "routed");
    g_assert_cmpstr((got = connect_read("outside", "192.168.200.201", 9000)), ==, "routed");
    destroy_domain(dom);
}

/* The owning process of the crash test: starts a NAT network with DHCP and
 * a guest on @uri, says "ready" on stdout and waits to be killed. A fresh
 * process (the test binary again), not a fork: GLib's threads do not
 * survive fork(). */
static int
crash_child(const char *uri)
{
    g_autoptr(VnetConnection) conn = vnet_connection_open(uri, NULL);
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *xml = g_strdup_printf(nat_guest_xml, "victim", "52:54:00:15:00:60");

    if (!conn)
        return 1;
    net = vnet_network_define_xml(conn, nat_net_xml, NULL);
    if (!net || !vnet_network_start(net, NULL))
        return 2;
    dom = vnet_domain_define_xml(conn, xml, NULL);
    if (!dom || !vnet_domain_start(dom, NULL))
        return 3;
    printf("ready\n");
    fflush(stdout);
    for (;;)
        pause();
}

/* The crash child is killed with SIGKILL while its network (dnsmasq
 * running) and guest run; a new connection on the same root finds both
 * running, they still work, and destroying them leaves nothing. */
static void
test_crash(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetConnection) conn = NULL;
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    const char *argv[] = {self, "--crash-child", fx->uri, NULL};
    GPid pid;
    int out_fd;
    char buf[6] = {0};
    int status;

    if (!fx->root)
        return;
    g_clear_pointer(&fx->conn, vnet_connection_close);
    g_spawn_async_with_pipes(NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                             &pid, NULL, &out_fd, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpint(read(out_fd, buf, 5), ==, 5);
    g_assert_cmpstr(buf, ==, "ready");
    close(out_fd);
    g_assert_cmpint(kill(pid, SIGKILL), ==, 0);
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_cmpuint(count_dnsmasq(fx->root), ==, 1);
    g_assert_true(vnet_netns_link_exists(NULL, "vnbr0"));

    conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    net = vnet_network_lookup_by_name(conn, "natnet1", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_network_is_active(net, &error), ==, 1);
    dom = vnet_domain_lookup_by_name(conn, "victim", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
    {
        g_autofree char *script = write_udhcpc_script(fx->root);
        g_autofree char *ip = run_udhcpc("victim", script);

        g_assert_nonnull(ip);
        g_assert_true(lease_listed(net, "52:54:00:15:00:60", ip));
    }
    destroy_domain(dom);
    g_assert_true(vnet_network_destroy(net, &error));
    g_assert_no_error(error);
}

/* The same, but the network's dnsmasq and bridge are found dead: the new
 * process removes what is left (nft tables, the guest's links). */
static void
test_crash_gone(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetConnection) conn = NULL;
    g_autoptr(VnetNetwork) cnet = NULL;

    if (!fx->root)
        return;
    cnet = define_network(fx, nat_net_xml);
    g_assert_true(vnet_network_start(cnet, &error));
    g_assert_no_error(error);
    g_clear_pointer(&cnet, vnet_network_unref);
    g_clear_pointer(&fx->conn, vnet_connection_close);
    /* the bridge disappears behind vnet's back */
    vnet_netns_sh(NULL, "ip link del vnbr0");
    conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    net = vnet_network_lookup_by_name(conn, "natnet1", &error);
    g_assert_cmpint(vnet_network_is_active(net, &error), ==, 0);
}

int
main(int argc, char **argv)
{
    if (argc == 3 && g_str_equal(argv[1], "--crash-child"))
        return crash_child(argv[2]);
    g_test_init(&argc, &argv, NULL);
    /* Before any thread exists (the helper's rule). */
    vnet_netns_try_enter_private();
    g_test_add("/net/nat", Fixture, NULL, fixture_setup, test_nat, fixture_teardown);
    g_test_add("/net/nat-ipv6", Fixture, NULL, fixture_setup, test_nat_ipv6, fixture_teardown);
    g_test_add("/net/internal", Fixture, NULL, fixture_setup, test_internal, fixture_teardown);
    g_test_add("/net/hostonly", Fixture, NULL, fixture_setup, test_hostonly, fixture_teardown);
    g_test_add("/net/bridge-stp", Fixture, NULL, fixture_setup, test_bridge_stp,
               fixture_teardown);
    g_test_add("/net/routed", Fixture, NULL, fixture_setup, test_routed, fixture_teardown);
    g_test_add("/net/crash", Fixture, NULL, fixture_setup, test_crash, fixture_teardown);
    g_test_add("/net/crash-gone", Fixture, NULL, fixture_setup, test_crash_gone,
               fixture_teardown);
    return g_test_run();
}
