/* api-netns-test.c: the netns guest backend on local:///?root=DIR, in a
 * private network namespace. Every result is read back from the kernel
 * (`ip -j`), never from vnet's own records: three NICs as eth0-eth2 with
 * their MACs, MTU and cable state; live NIC changes; rollback of a start
 * that fails halfway; a process killed with SIGKILL while its domain runs;
 * a bridged network's start and crash recovery. */
#include <config.h>

#include <unistd.h>

#include <vnet/vnet.h>

#include "local-fixture.h"
#include "netns-helper.h"
#include "test-util.h"

/* The netdev group of links vnet creates (src/network/status.h). */
#define VNET_GROUP "30318"

typedef VnetTestLocal Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    vnet_test_local_open(fx, "netns");
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    vnet_test_local_close(fx);
}

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

/* Waits up to 2 s for @name in @ns to have carrier. */
static gboolean
wait_carrier(const char *ns, const char *name)
{
    for (guint i = 0; i < 100; i++) {
        g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
        JsonObject *link = vnet_netns_find_link(root, name);

        if (link && !vnet_netns_link_has_flag(link, "NO-CARRIER"))
            return TRUE;
        g_usleep(20 * 1000);
    }
    return FALSE;
}

static const char three_nics_xml[] =
    "<domain type='netns'>\n"
    "  <name>web1</name>\n"
    "  <devices>\n"
    "    <interface type='ethernet'>\n"
    "      <mac address='52:54:00:aa:00:01'/>\n"
    "    </interface>\n"
    "    <interface type='ethernet'>\n"
    "      <mac address='52:54:00:aa:00:02'/>\n"
    "      <target dev='vnweb1b'/>\n"
    "      <link state='down'/>\n"
    "      <mtu size='9000'/>\n"
    "    </interface>\n"
    "    <interface type='null'>\n"
    "      <mac address='52:54:00:aa:00:03'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

static void
test_three_nics(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(JsonNode) guest = NULL;
    g_autoptr(JsonNode) host = NULL;
    g_autoptr(GPtrArray) nics = NULL;
    g_autofree char *live = NULL;
    JsonObject *link;

    if (g_test_failed() || !fx->conn)
        return;
    dom = vnet_domain_define_xml(fx->conn, three_nics_xml, &error);
    g_assert_no_error(error);
    vnet_domain_start(dom, &error);
    g_assert_no_error(error);

    /* The guest, as the kernel sees it. */
    g_assert_true(netns_exists("web1"));
    guest = vnet_netns_ip_json("web1", "link");
    link = vnet_netns_find_link(guest, "eth0");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:01");
    g_assert_true(vnet_netns_link_has_flag(link, "UP"));
    /* Carrier reaches the peer asynchronously (the kernel's linkwatch). */
    g_assert_true(wait_carrier("web1", "eth0"));
    link = vnet_netns_find_link(guest, "eth1");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:02");
    g_assert_cmpint(json_object_get_int_member(link, "mtu"), ==, 9000);
    g_assert_false(vnet_netns_link_has_flag(link, "UP"));
    link = vnet_netns_find_link(guest, "eth2");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:03");
    /* Not attached: present, but the cable never carries anything. */
    g_assert_true(vnet_netns_link_has_flag(link, "NO-CARRIER"));

    /* The host ends, in vnet's group. */
    host = vnet_netns_ip_json(NULL, "link");
    link = vnet_netns_find_link(host, "vnweb1b");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "group"), ==, VNET_GROUP);
    g_assert_cmpint(json_object_get_int_member(link, "mtu"), ==, 9000);
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 3);

    /* The live XML and the interface list name the realized devices. */
    live = vnet_domain_get_xml(dom, 0, &error);
    g_assert_no_error(error);
    {
        g_autofree char *expected = g_strdup_printf(
            "<target dev='vnweb1b' ifindex='%" G_GINT64_FORMAT "'/>",
            json_object_get_int_member(link, "ifindex"));

        g_assert_nonnull(strstr(live, expected));
    }
    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_cmpuint(nics->len, ==, 3);
    g_assert_cmpstr(((VnetDomainInterface *)nics->pdata[1])->target, ==, "vnweb1b");
    g_assert_cmpstr(((VnetDomainInterface *)nics->pdata[2])->guest_name, ==, "eth2");

    /* Cable plugged in live: eth1 comes up. */
    g_assert_true(vnet_domain_set_link_state(dom, "vnweb1b", TRUE, 0, &error));
    g_assert_no_error(error);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    g_assert_true(vnet_netns_link_has_flag(vnet_netns_find_link(guest, "eth1"), "UP"));

    /* A NIC attached live becomes eth3; detached, it is gone. */
    g_assert_true(vnet_domain_attach_interface(
        dom, "<interface type='ethernet'><mac address='52:54:00:aa:00:04'/></interface>",
        VNET_DOMAIN_AFFECT_LIVE, &error));
    g_assert_no_error(error);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    link = vnet_netns_find_link(guest, "eth3");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:04");
    g_assert_true(vnet_domain_detach_interface(dom, "52:54:00:aa:00:04", 0, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_netns_link_exists("web1", "eth3"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 3);

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("web1"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
    g_assert_true(vnet_domain_undefine(dom, &error));
}

/* A start that fails at its last NIC undoes the namespace and the NICs
 * realized before it. */
static void
test_rollback_unsupported(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;

    if (!fx->conn)
        return;
    dom = vnet_domain_define_xml(
        fx->conn,
        "<domain type='netns'><name>rb1</name><devices>"
        "<interface type='ethernet'><mac address='52:54:00:bb:00:01'/></interface>"
        "<interface type='null'><mac address='52:54:00:bb:00:02'/></interface>"
        "<interface type='vde'><mac address='52:54:00:bb:00:03'/>"
        "<source switch='/run/vde.ctl'/></interface>"
        "</devices></domain>",
        &error);
    g_assert_no_error(error);
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED);
    g_assert_cmpstr(error->message, ==,
                    "interface 3 (type 'vde') of domain 'rb1': a netns guest cannot have this "
                    "kind of interface: a hypervisor's network backend (kvm/qemu) realizes it");
    g_assert_false(netns_exists("rb1"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
    g_assert_cmpint(vnet_domain_is_active(dom, NULL), ==, 0);
}

/* A start that fails in the kernel (a device name already taken) names the
 * step, and leaves the host as it was. */
static void
test_rollback_netlink(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;

    if (!fx->conn)
        return;
    vnet_netns_sh(NULL, "ip link add taken0 type bridge");
    dom = vnet_domain_define_xml(
        fx->conn,
        "<domain type='netns'><name>rb2</name><devices>"
        "<interface type='ethernet'><mac address='52:54:00:bb:01:01'/></interface>"
        "<interface type='ethernet'><mac address='52:54:00:bb:01:02'/>"
        "<target dev='taken0'/></interface>"
        "</devices></domain>",
        &error);
    g_assert_no_error(error);
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_nonnull(error);
    g_assert_cmpstr(error->message, ==,
                    "interface 2 (type 'ethernet') of domain 'rb2': creating veth pair taken0 "
                    "(host) / eth1 (guest): a device called 'taken0' already exists");
    g_assert_false(netns_exists("rb2"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
    g_assert_true(vnet_netns_link_exists(NULL, "taken0"));
    vnet_netns_sh(NULL, "ip link del taken0");
}

/* A namespace of that name that vnet did not make is not taken over. */
static void
test_existing_namespace(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;

    if (!fx->conn)
        return;
    vnet_netns_add("busy1");
    dom = vnet_domain_define_xml(fx->conn, "<domain type='netns'><name>busy1</name></domain>",
                                 &error);
    g_assert_no_error(error);
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_true(g_str_has_prefix(error->message, "creating network namespace 'busy1': "));
    g_assert_true(netns_exists("busy1"));
    vnet_netns_del("busy1");
}

static const char crash_xml[] =
    "<domain type='netns'><name>crash1</name><devices>"
    "<interface type='ethernet'><mac address='52:54:00:cc:00:01'/></interface>"
    "</devices></domain>";

static void
test_sigkill(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetConnection) conn = NULL;
    g_auto(GStrv) active = NULL;

    if (!fx->conn)
        return;
    dom = vnet_domain_define_xml(fx->conn, crash_xml, &error);
    g_assert_no_error(error);
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&fx->conn, vnet_connection_close);

    vnet_test_start_and_kill(fx->uri, "crash1");
    g_assert_true(netns_exists("crash1"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 1);

    /* A new process (connection) finds it running and can tear it down. */
    conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    active = vnet_connection_list_domain_names(conn, VNET_LIST_ACTIVE, &error);
    g_assert_cmpstrv(active, ((const char *[]){"crash1", NULL}));
    dom = vnet_domain_lookup_by_name(conn, "crash1", &error);
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("crash1"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);

    /* Killed again, and this time the guest vanishes before anyone looks:
     * the next connection reports it shut off and drops the status file. */
    vnet_test_start_and_kill(fx->uri, "crash1");
    vnet_netns_sh(NULL, "ip netns delete crash1");
    conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    dom = vnet_domain_lookup_by_name(conn, "crash1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);
    {
        g_autofree char *status = g_build_filename(fx->root, "run/domains/crash1.xml", NULL);

        g_assert_false(g_file_test(status, G_FILE_TEST_EXISTS));
    }
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
    /* And it starts again cleanly: the kernel has its namespace and NIC
     * again, and loses them on destroy. */
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    g_assert_true(netns_exists("crash1"));
    g_assert_true(vnet_netns_link_exists("crash1", "eth0"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 1);
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("crash1"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, VNET_GROUP), ==, 0);
}

static void
test_bridge_network(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(GPtrArray) leases = NULL;
    g_auto(GStrv) active = NULL;

    if (!fx->conn)
        return;
    net = vnet_network_define_xml(fx->conn,
                                  "<network><name>lan</name><forward mode='bridge'/>"
                                  "<bridge name='brlan0'/></network>",
                                  &error);
    g_assert_no_error(error);
    g_assert_false(vnet_network_start(net, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_cmpstr(error->message, ==,
                    "network 'lan': checking host bridge 'brlan0': no such device");
    g_clear_error(&error);

    vnet_netns_sh(NULL, "ip link add brlan0 type bridge");
    g_assert_true(vnet_network_start(net, &error));
    g_assert_no_error(error);
    leases = vnet_network_get_dhcp_leases(net, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(leases->len, ==, 0);

    /* A new connection still sees it running while the bridge is there... */
    g_clear_pointer(&net, vnet_network_unref);
    g_clear_pointer(&fx->conn, vnet_connection_close);
    fx->conn = vnet_connection_open(fx->uri, &error);
    active = vnet_connection_list_network_names(fx->conn, VNET_LIST_ACTIVE, &error);
    g_assert_cmpstrv(active, ((const char *[]){"lan", NULL}));
    g_clear_pointer(&active, g_strfreev);
    g_clear_pointer(&fx->conn, vnet_connection_close);

    /* ...and not once it is gone. */
    vnet_netns_sh(NULL, "ip link del brlan0");
    fx->conn = vnet_connection_open(fx->uri, &error);
    active = vnet_connection_list_network_names(fx->conn, VNET_LIST_ACTIVE, &error);
    g_assert_cmpuint(g_strv_length(active), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* Before any thread exists (the helper's rule). */
    vnet_netns_try_enter_private();

    g_test_add("/api/netns/three-nics", Fixture, NULL, fixture_setup, test_three_nics,
               fixture_teardown);
    g_test_add("/api/netns/rollback-unsupported", Fixture, NULL, fixture_setup,
               test_rollback_unsupported, fixture_teardown);
    g_test_add("/api/netns/rollback-netlink", Fixture, NULL, fixture_setup,
               test_rollback_netlink, fixture_teardown);
    g_test_add("/api/netns/existing-namespace", Fixture, NULL, fixture_setup,
               test_existing_namespace, fixture_teardown);
    g_test_add("/api/netns/sigkill", Fixture, NULL, fixture_setup, test_sigkill,
               fixture_teardown);
    g_test_add("/api/netns/bridge-network", Fixture, NULL, fixture_setup, test_bridge_network,
               fixture_teardown);
    return g_test_run();
}
