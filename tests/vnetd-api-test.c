/* vnetd-api-test.c: the C API over dbus:///session, against a vnetd on a
 * private dbus-daemon, in a private network namespace.
 *
 * - the same errors as the local driver, code and message;
 * - a netns domain's whole life, checked in the kernel, and its events;
 * - a NAT network defined, listed, dumped, started (its bridge and
 *   gateway address checked in the kernel), destroyed and undefined;
 * - a NAT network a running domain uses: destroy refused naming the
 *   domain, as locally; DestroyWithFlags(force) takes it down;
 * - vnetd keeps answering while a slow start holds the library;
 * - 20 clients, each with its own connection, 10 rounds each of
 *   define/start/destroy/undefine: every call succeeds, nothing is left;
 * - vnetd killed (SIGKILL) or stopped (SIGTERM) while a domain runs: the
 *   domain keeps running, and the next vnetd lists it as running and
 *   destroys it cleanly. */
#include <config.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <vnet/vnet.h>

#include "netns-helper.h"
#include "test-util.h"
#include "vnetd-harness.h"

/* The netdev group of links vnet creates (src/network/status.h). */
#define VNET_GROUP "30318"

/* One bus for the whole program (see vnetd-harness.h); one vnetd, over a
 * fresh root, per test. NULL when the test cannot run (not root). */
static VnetdHarness *harness;

typedef struct {
    VnetdHarness *h;
    VnetConnection *conn;
} Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;

    if (!harness) {
        g_test_skip("needs root to create a private network namespace");
        return;
    }
    fx->h = harness;
    vnetd_harness_fresh_root(fx->h);
    vnetd_harness_start_vnetd(fx->h, NULL);
    fx->conn = vnet_connection_open("dbus:///session", &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_connection_get_driver_name(fx->conn), ==, "dbus");
    g_assert_cmpstr(vnet_connection_get_uri(fx->conn), ==, "dbus:///session");
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    g_clear_pointer(&fx->conn, vnet_connection_close);
    if (fx->h && fx->h->vnetd_pid)
        vnetd_harness_stop_vnetd_checked(fx->h);
}

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

static guint
count_vnet_links(void)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(NULL, "link");
    JsonArray *links = json_node_get_array(root);
    guint n = 0;

    for (guint i = 0; i < json_array_get_length(links); i++) {
        JsonObject *link = json_array_get_object_element(links, i);

        if (json_object_has_member(link, "group") &&
            g_str_equal(json_object_get_string_member(link, "group"), VNET_GROUP))
            n++;
    }
    return n;
}

/* Whether the kernel has an nftables table called @name (any family). */
static gboolean
nft_has_table(const char *name)
{
    const char *argv[] = {"nft", "-j", "list", "tables", NULL};
    g_autofree char *out = NULL;
    g_autofree char *quoted = g_strdup_printf("\"%s\"", name);

    g_assert_cmpint(vnet_test_run_full(argv, &out, NULL), ==, 0);
    return strstr(out, quoted) != NULL;
}

static char *
netns_domain_xml(const char *name, guint nics)
{
    GString *xml = g_string_new(NULL);

    g_string_append_printf(xml, "<domain type='netns'>\n  <name>%s</name>\n  <devices>\n",
                           name);
    for (guint i = 0; i < nics; i++)
        g_string_append(xml, "    <interface type='ethernet'/>\n");
    g_string_append(xml, "  </devices>\n</domain>\n");
    return g_string_free(xml, FALSE);
}

/* ---- errors ---------------------------------------------------------------- */

typedef struct {
    int code;
    char *message;
} Outcome;

static void
record(Outcome *out, GError *error)
{
    g_assert_nonnull(error);
    out->code = error->code;
    out->message = g_strdup(error->message);
    g_assert_true(error->domain == VNET_ERROR);
}

/* The same failing calls on a local connection and over D-Bus give the
 * same codes and messages. */
static void
run_failures(VnetConnection *conn, Outcome *out)
{
    g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL;
    g_autoptr(GError) e7 = NULL, e8 = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) clash = NULL;

    g_assert_null(vnet_domain_define_xml(conn, "<domain type='netns'><name>x", &e1));
    record(&out[0], e1);
    g_assert_null(vnet_domain_lookup_by_name(conn, "nosuch", &e2));
    record(&out[1], e2);
    g_assert_null(vnet_domain_lookup_by_uuid(conn, "0123", &e3));
    record(&out[2], e3);
    g_assert_null(vnet_network_lookup_by_uuid(conn, "c7a5fdbd-edaf-9455-926a-d65c16db1809",
                                              &e4));
    record(&out[3], e4);
    dom = vnet_domain_define_xml(conn,
                                 "<domain type='netns'><name>err1</name>"
                                 "<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1801</uuid></domain>",
                                 NULL);
    g_assert_nonnull(dom);
    clash = vnet_domain_define_xml(conn,
                                   "<domain type='netns'><name>err1</name>"
                                   "<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1802</uuid></domain>",
                                   &e5);
    g_assert_null(clash);
    record(&out[4], e5);
    g_assert_false(vnet_domain_destroy(dom, &e6));
    record(&out[5], e6);
    g_assert_false(vnet_domain_detach_interface(dom, "52:54:00:00:00:99", 0, &e7));
    record(&out[6], e7);
    g_assert_true(vnet_domain_undefine(dom, NULL));
    /* A handle on a domain that is gone. */
    g_assert_null(vnet_domain_get_xml(dom, 0, &e8));
    record(&out[7], e8);
}

static void
test_errors(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *root = NULL;
    g_autofree char *uri = NULL;
    g_autoptr(VnetConnection) local = NULL;
    Outcome over_dbus[8] = {{0}};
    Outcome in_process[8] = {{0}};

    if (!fx->h)
        return;
    root = g_build_filename(fx->h->dir, "local-root", NULL);
    uri = g_strdup_printf("local:///?root=%s", root);
    local = vnet_connection_open(uri, &error);
    g_assert_no_error(error);
    run_failures(local, in_process);
    run_failures(fx->conn, over_dbus);
    for (guint i = 0; i < G_N_ELEMENTS(over_dbus); i++) {
        g_test_message("error %u: %s", i, over_dbus[i].message);
        g_assert_cmpint(over_dbus[i].code, ==, in_process[i].code);
        g_assert_cmpstr(over_dbus[i].message, ==, in_process[i].message);
        g_free(over_dbus[i].message);
        g_free(in_process[i].message);
    }
    g_assert_cmpint(in_process[1].code, ==, VNET_ERROR_NO_DOMAIN);
    g_assert_cmpint(in_process[4].code, ==, VNET_ERROR_DOMAIN_EXISTS);
    g_assert_cmpint(in_process[5].code, ==, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpint(in_process[7].code, ==, VNET_ERROR_NO_DOMAIN);
}

/* ---- a netns domain, with its events ----------------------------------------- */

typedef struct {
    GPtrArray *seen; /* "kind name event" */
} Events;

static void
on_event(VnetConnection *conn, const VnetEvent *event, gpointer user_data)
{
    Events *events = user_data;

    g_ptr_array_add(events->seen,
                    g_strdup_printf("%s %s %s",
                                    vnet_object_kind_to_string(vnet_event_get_object_kind(event)),
                                    vnet_event_get_name(event),
                                    vnet_event_type_to_string(vnet_event_get_event_type(event))));
}

static void
wait_events(Events *events, guint n)
{
    for (guint i = 0; i < 500 && events->seen->len < n; i++) {
        while (g_main_context_iteration(NULL, FALSE))
            ;
        if (events->seen->len < n)
            g_usleep(10 * 1000);
    }
    g_assert_cmpuint(events->seen->len, ==, n);
}

static void
test_domain_lifecycle(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) again = NULL;
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GPtrArray) nics = NULL;
    g_autoptr(JsonNode) guest = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *live = NULL;
    Events events = {g_ptr_array_new_with_free_func(g_free)};
    VnetDomainState state;
    JsonObject *link;
    guint sub;

    if (!fx->h)
        return;
    sub = vnet_connection_subscribe(fx->conn, on_event, &events, NULL);
    dom = vnet_domain_define_xml(fx->conn,
                                 "<domain type='netns'><name>web1</name><devices>"
                                 "<interface type='ethernet'>"
                                 "<mac address='52:54:00:aa:00:01'/></interface>"
                                 "<interface type='ethernet'><mac address='52:54:00:aa:00:02'/>"
                                 "<link state='down'/></interface>"
                                 "</devices></domain>",
                                 &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_domain_get_name(dom), ==, "web1");
    again = vnet_domain_lookup_by_uuid(fx->conn, vnet_domain_get_uuid(dom), &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_domain_get_name(again), ==, "web1");

    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    g_assert_true(vnet_domain_get_state(dom, &state, &error));
    g_assert_cmpint(state, ==, VNET_DOMAIN_STATE_RUNNING);

    /* The kernel's view. */
    g_assert_true(netns_exists("web1"));
    guest = vnet_netns_ip_json("web1", "link");
    link = vnet_netns_find_link(guest, "eth0");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:01");
    link = vnet_netns_find_link(guest, "eth1");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:aa:00:02");
    g_assert_cmpuint(count_vnet_links(), ==, 2);

    list = vnet_connection_list_domains(fx->conn, VNET_LIST_ACTIVE, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(list->len, ==, 1);
    g_assert_cmpstr(vnet_domain_get_name(list->pdata[0]), ==, "web1");
    g_clear_pointer(&list, g_ptr_array_unref);
    list = vnet_connection_list_domains(fx->conn, VNET_LIST_INACTIVE, &error);
    g_assert_cmpuint(list->len, ==, 0);

    live = vnet_domain_get_xml(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(live, "<target dev='"));
    xml = vnet_domain_get_xml(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_no_error(error);
    g_assert_null(strstr(xml, "<target dev='"));

    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(nics->len, ==, 2);
    g_assert_cmpstr(((VnetDomainInterface *)nics->pdata[1])->mac, ==, "52:54:00:aa:00:02");
    g_assert_cmpstr(((VnetDomainInterface *)nics->pdata[1])->guest_name, ==, "eth1");
    g_assert_false(((VnetDomainInterface *)nics->pdata[1])->link_up);
    g_assert_nonnull(((VnetDomainInterface *)nics->pdata[0])->target);

    /* A live change reaches the guest. */
    g_assert_true(vnet_domain_set_link_state(dom, "52:54:00:aa:00:02", TRUE, 0, &error));
    g_assert_no_error(error);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    {
        JsonArray *flags =
            json_object_get_array_member(vnet_netns_find_link(guest, "eth1"), "flags");
        gboolean up = FALSE;

        for (guint i = 0; i < json_array_get_length(flags); i++)
            up |= g_str_equal(json_array_get_string_element(flags, i), "UP");
        g_assert_true(up);
    }

    g_assert_true(vnet_domain_set_autostart(dom, TRUE, &error));
    g_assert_cmpint(vnet_domain_get_autostart(dom, &error), ==, 1);
    g_assert_true(vnet_domain_set_autostart(dom, FALSE, &error));

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("web1"));
    g_assert_cmpuint(count_vnet_links(), ==, 0);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);
    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_no_error(error);
    g_assert_null(vnet_domain_lookup_by_name(fx->conn, "web1", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN);

    wait_events(&events, 4);
    g_assert_cmpstr(events.seen->pdata[0], ==, "domain web1 defined");
    g_assert_cmpstr(events.seen->pdata[1], ==, "domain web1 started");
    g_assert_cmpstr(events.seen->pdata[2], ==, "domain web1 stopped");
    g_assert_cmpstr(events.seen->pdata[3], ==, "domain web1 undefined");
    vnet_connection_unsubscribe(fx->conn, sub);
    g_ptr_array_unref(events.seen);
}

/* ---- a NAT network ---------------------------------------------------------------- */

static void
test_nat_network(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_auto(GStrv) names = NULL;
    g_autofree char *xml = NULL;

    if (!fx->h)
        return;
    net = vnet_network_define_xml(fx->conn,
                                  "<network><name>natnet1</name><forward mode='nat'/>"
                                  "<bridge name='vnbr-nat1'/>"
                                  "<ip address='192.168.100.1' prefix='24'>"
                                  "<dhcp><range start='192.168.100.10' end='192.168.100.50'/>"
                                  "</dhcp></ip></network>",
                                  &error);
    g_assert_no_error(error);
    names = vnet_connection_list_network_names(fx->conn, 0, &error);
    g_assert_no_error(error);
    g_assert_true(g_strv_contains((const char *const *)names, "natnet1"));
    xml = vnet_network_get_xml(net, 0, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(xml, "<forward mode='nat'"));
    g_assert_nonnull(strstr(xml, "vnbr-nat1"));
    g_assert_cmpint(vnet_network_is_active(net, &error), ==, 0);
    g_assert_false(nft_has_table("vnet-natnet1"));

    g_assert_true(vnet_network_start(net, &error));
    g_assert_no_error(error);
    g_assert_cmpint(vnet_network_is_active(net, NULL), ==, 1);
    /* the kernel's view: vnet's bridge, with the gateway address */
    {
        g_autoptr(JsonNode) links = vnet_netns_ip_json(NULL, "link");
        g_autoptr(JsonNode) addrs = vnet_netns_ip_json(NULL, "addr");
        JsonObject *bridge = vnet_netns_find_link(links, "vnbr-nat1");
        JsonArray *addr_info;
        gboolean gateway = FALSE;

        g_assert_nonnull(bridge);
        g_assert_cmpstr(json_object_get_string_member(
                            json_object_get_object_member(bridge, "linkinfo"), "info_kind"),
                        ==, "bridge");
        addr_info = json_object_get_array_member(vnet_netns_find_link(addrs, "vnbr-nat1"),
                                                 "addr_info");
        for (guint i = 0; i < json_array_get_length(addr_info); i++) {
            JsonObject *a = json_array_get_object_element(addr_info, i);

            gateway |= g_strcmp0(json_object_get_string_member(a, "local"), "192.168.100.1") == 0 &&
                       json_object_get_int_member(a, "prefixlen") == 24;
        }
        g_assert_true(gateway);
        /* and its NAT rules, made through vnetd too */
        g_assert_true(nft_has_table("vnet-natnet1"));
    }
    {
        g_autoptr(GPtrArray) leases = vnet_network_get_dhcp_leases(net, NULL, &error);

        g_assert_no_error(error);
        g_assert_cmpuint(leases->len, ==, 0);
    }
    g_assert_true(vnet_network_destroy(net, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_netns_link_exists(NULL, "vnbr-nat1"));
    g_assert_false(nft_has_table("vnet-natnet1"));
    g_assert_cmpint(vnet_network_is_active(net, NULL), ==, 0);
    g_assert_true(vnet_network_undefine(net, &error));
    g_assert_no_error(error);
    g_assert_null(vnet_network_lookup_by_name(fx->conn, "natnet1", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK);
}

/* ---- a NAT network in use: destroy refused, forced destroy works ------------ */

typedef struct {
    int in_use_code;
    char *in_use_message;
    int bad_flags_code;
    char *bad_flags_message;
} ForceOutcome;

static void
force_outcome_clear(ForceOutcome *out)
{
    g_free(out->in_use_message);
    g_free(out->bad_flags_message);
}

/* On @conn: a NAT network, a running netns domain with a NIC on it; plain
 * destroys (with and without flags 0) are refused naming the domain,
 * unknown flags too; the forced destroy takes the bridge away while the
 * domain keeps running. Everything is removed again. */
static void
run_force_destroy(VnetConnection *conn, ForceOutcome *out)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(JsonNode) guest = NULL;

    net = vnet_network_define_xml(conn,
                                  "<network><name>natforce</name><forward mode='nat'/>"
                                  "<bridge name='vnbr-force'/>"
                                  "<ip address='192.168.101.1' prefix='24'/></network>",
                                  &error);
    g_assert_no_error(error);
    g_assert_true(vnet_network_start(net, &error));
    g_assert_no_error(error);
    g_assert_true(vnet_netns_link_exists(NULL, "vnbr-force"));
    dom = vnet_domain_define_xml(conn,
                                 "<domain type='netns'><name>forceuser</name><devices>"
                                 "<interface type='network'><source network='natforce'/>"
                                 "<mac address='52:54:00:ab:00:01'/></interface>"
                                 "</devices></domain>",
                                 &error);
    g_assert_no_error(error);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    guest = vnet_netns_ip_json("forceuser", "link");
    g_assert_nonnull(vnet_netns_find_link(guest, "eth0"));

    g_assert_false(vnet_network_destroy(net, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    out->in_use_code = error->code;
    out->in_use_message = g_strdup(error->message);
    g_clear_error(&error);
    g_assert_false(vnet_network_destroy_flags(net, 0, &error));
    g_assert_cmpstr(error->message, ==, out->in_use_message);
    g_clear_error(&error);
    g_assert_false(vnet_network_destroy_flags(net, 0x2, &error));
    out->bad_flags_code = error->code;
    out->bad_flags_message = g_strdup(error->message);
    g_clear_error(&error);
    g_assert_true(vnet_netns_link_exists(NULL, "vnbr-force"));
    g_assert_cmpint(vnet_network_is_active(net, NULL), ==, 1);

    g_assert_true(vnet_network_destroy_flags(net, VNET_NETWORK_DESTROY_FORCE, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_netns_link_exists(NULL, "vnbr-force"));
    g_assert_cmpint(vnet_network_is_active(net, NULL), ==, 0);
    /* the domain runs on, its interface cut off */
    g_assert_cmpint(vnet_domain_is_active(dom, NULL), ==, 1);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("forceuser", "link");
    g_assert_nonnull(vnet_netns_find_link(guest, "eth0"));

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("forceuser"));
    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_true(vnet_network_undefine(net, &error));
    g_assert_no_error(error);
}

static void
test_network_force_destroy(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *root = NULL;
    g_autofree char *uri = NULL;
    g_autoptr(VnetConnection) local = NULL;
    ForceOutcome in_process = {0};
    ForceOutcome over_dbus = {0};

    if (!fx->h)
        return;
    root = g_build_filename(fx->h->dir, "local-root", NULL);
    uri = g_strdup_printf("local:///?root=%s", root);
    local = vnet_connection_open(uri, &error);
    g_assert_no_error(error);
    /* one after the other: both realize the same names in this namespace */
    run_force_destroy(local, &in_process);
    run_force_destroy(fx->conn, &over_dbus);
    g_test_message("in use: %s", over_dbus.in_use_message);
    g_test_message("bad flags: %s", over_dbus.bad_flags_message);
    g_assert_cmpint(over_dbus.in_use_code, ==, in_process.in_use_code);
    g_assert_cmpstr(over_dbus.in_use_message, ==, in_process.in_use_message);
    g_assert_nonnull(strstr(over_dbus.in_use_message, "'forceuser'"));
    g_assert_cmpint(over_dbus.bad_flags_code, ==, VNET_ERROR_INVALID_ARG);
    g_assert_cmpint(over_dbus.bad_flags_code, ==, in_process.bad_flags_code);
    g_assert_cmpstr(over_dbus.bad_flags_message, ==, in_process.bad_flags_message);
    force_outcome_clear(&in_process);
    force_outcome_clear(&over_dbus);
}

/* ---- a slow start does not stop the bus loop ----------------------------------- */

typedef struct {
    VnetDomain *dom;
    gint done;
    GError *error;
} SlowStart;

static gpointer
slow_start_thread(gpointer data)
{
    SlowStart *s = data;

    vnet_domain_start(s->dom, &s->error);
    g_atomic_int_set(&s->done, 1);
    return NULL;
}

static void
test_slow_start(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = netns_domain_xml("slow1", 48);
    g_autoptr(VnetDomain) other = NULL;
    g_autofree char *path = NULL;
    SlowStart s = {0};
    GThread *thread;
    guint answered_during_start = 0;

    if (!fx->h)
        return;
    other = vnet_domain_define_xml(fx->conn, "<domain type='test'><name>quick</name></domain>",
                                   &error);
    g_assert_no_error(error);
    path = vnetd_harness_path("domain", vnet_domain_get_uuid(other));
    s.dom = vnet_domain_define_xml(fx->conn, xml, &error);
    g_assert_no_error(error);

    thread = g_thread_new("slow-start", slow_start_thread, &s);
    /* While the start runs, the bus loop answers lists, lookups and
     * properties at once (from vnetd's cache, not the busy library). */
    while (!g_atomic_int_get(&s.done)) {
        g_autoptr(GVariant) list = NULL;
        g_autoptr(GVariant) active = NULL;
        gint64 t0 = g_get_monotonic_time();

        list = vnetd_harness_call(fx->h, "/org/vnet1", "org.vnet1.Connect", "ListDomains",
                                  g_variant_new("(u)", 0), "(ao)", &error);
        g_assert_no_error(error);
        active = vnetd_harness_call(fx->h, path, "org.freedesktop.DBus.Properties", "Get",
                                    g_variant_new("(ss)", "org.vnet1.Domain", "Active"), "(v)",
                                    &error);
        g_assert_no_error(error);
        g_assert_cmpint(g_get_monotonic_time() - t0, <, 500 * 1000);
        if (!g_atomic_int_get(&s.done) && netns_exists("slow1"))
            answered_during_start++;
        g_usleep(5 * 1000);
    }
    g_thread_join(thread);
    g_assert_no_error(s.error);
    g_test_message("%u answers while the start ran", answered_during_start);
    g_assert_cmpuint(answered_during_start, >, 0);
    g_assert_true(vnet_domain_destroy(s.dom, &error));
    g_assert_no_error(error);
    g_assert_true(vnet_domain_undefine(s.dom, &error));
    g_assert_true(vnet_domain_undefine(other, &error));
    g_assert_no_error(error);
    vnet_domain_unref(s.dom);
}

/* ---- 20 clients at once ------------------------------------------------------------- */

#define N_CLIENTS 20
#define N_ROUNDS 10

typedef struct {
    guint index;
    guint calls_ok;
    char *failure;
} Client;

static gpointer
client_thread(gpointer data)
{
    Client *c = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = vnet_connection_open("dbus:///session", &error);
    g_autofree char *name = g_strdup_printf("cc%02u", c->index);
    g_autofree char *xml = netns_domain_xml(name, 1);

    if (!conn) {
        c->failure = g_strdup(error->message);
        return NULL;
    }
    for (guint round = 0; round < N_ROUNDS; round++) {
        g_autoptr(VnetDomain) dom = vnet_domain_define_xml(conn, xml, &error);

        if (!dom || !vnet_domain_start(dom, &error) || !vnet_domain_destroy(dom, &error) ||
            !vnet_domain_undefine(dom, &error)) {
            c->failure = g_strdup_printf("%s round %u: %s", name, round, error->message);
            return NULL;
        }
        c->calls_ok += 4;
    }
    return NULL;
}

static void
test_many_clients(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) left = NULL;
    g_autofree char *netns = NULL;
    GThread *threads[N_CLIENTS];
    Client clients[N_CLIENTS] = {{0}};

    if (!fx->h)
        return;
    for (guint i = 0; i < N_CLIENTS; i++) {
        clients[i].index = i;
        threads[i] = g_thread_new("client", client_thread, &clients[i]);
    }
    for (guint i = 0; i < N_CLIENTS; i++) {
        g_thread_join(threads[i]);
        g_assert_cmpstr(clients[i].failure, ==, NULL);
        g_assert_cmpuint(clients[i].calls_ok, ==, 4 * N_ROUNDS);
    }
    left = vnet_connection_list_domains(fx->conn, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(left->len, ==, 0);
    {
        const char *argv[] = {"ip", "netns", "list", NULL};

        netns = vnet_test_run(argv);
    }
    g_assert_cmpstr(netns, ==, "");
    g_assert_cmpuint(count_vnet_links(), ==, 0);
}

/* ---- vnetd stopped while a domain runs ------------------------------------------- */

static void
restart_while_running(Fixture *fx, int sig)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) found = NULL;
    g_autoptr(VnetConnection) conn2 = NULL;
    g_autoptr(GPtrArray) running = NULL;
    g_autofree char *xml = netns_domain_xml("keep1", 2);
    int status;

    dom = vnet_domain_define_xml(fx->conn, xml, &error);
    g_assert_no_error(error);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(count_vnet_links(), ==, 2);

    status = vnetd_harness_kill_vnetd(fx->h, sig);
    if (sig == SIGTERM) {
        g_assert_true(WIFEXITED(status));
        g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    } else {
        g_assert_true(WIFSIGNALED(status));
    }
    /* Nothing was torn down. */
    g_assert_true(netns_exists("keep1"));
    g_assert_cmpuint(count_vnet_links(), ==, 2);
    /* Without vnetd, the dbus driver says so. */
    g_assert_null(vnet_connection_list_domains(fx->conn, 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE);
    g_clear_error(&error);

    vnetd_harness_start_vnetd(fx->h, NULL);
    /* The old connection reaches the new vnetd, and so does a new one. */
    running = vnet_connection_list_domains(fx->conn, VNET_LIST_ACTIVE, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(running->len, ==, 1);
    g_assert_cmpstr(vnet_domain_get_name(running->pdata[0]), ==, "keep1");
    conn2 = vnet_connection_open("dbus:///session", &error);
    g_assert_no_error(error);
    found = vnet_domain_lookup_by_name(conn2, "keep1", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_domain_is_active(found, &error), ==, 1);

    g_assert_true(vnet_domain_destroy(found, &error));
    g_assert_no_error(error);
    g_assert_false(netns_exists("keep1"));
    g_assert_cmpuint(count_vnet_links(), ==, 0);
    g_assert_true(vnet_domain_undefine(found, &error));
    g_assert_no_error(error);
}

static void
test_sigkill(Fixture *fx, gconstpointer data)
{
    if (fx->h)
        restart_while_running(fx, SIGKILL);
}

static void
test_sigterm(Fixture *fx, gconstpointer data)
{
    if (fx->h)
        restart_while_running(fx, SIGTERM);
}

int
main(int argc, char **argv)
{
    g_autofree char *reason = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    if (vnet_netns_enter_private(&reason))
        harness = vnetd_harness_new(FALSE);
    g_test_add("/vnetd/api/errors", Fixture, NULL, fixture_setup, test_errors,
               fixture_teardown);
    g_test_add("/vnetd/api/domain-lifecycle", Fixture, NULL, fixture_setup,
               test_domain_lifecycle, fixture_teardown);
    g_test_add("/vnetd/api/nat-network", Fixture, NULL, fixture_setup, test_nat_network,
               fixture_teardown);
    g_test_add("/vnetd/api/network-force-destroy", Fixture, NULL, fixture_setup,
               test_network_force_destroy, fixture_teardown);
    g_test_add("/vnetd/api/slow-start", Fixture, NULL, fixture_setup, test_slow_start,
               fixture_teardown);
    g_test_add("/vnetd/api/many-clients", Fixture, NULL, fixture_setup, test_many_clients,
               fixture_teardown);
    g_test_add("/vnetd/api/restart-after-sigkill", Fixture, NULL, fixture_setup, test_sigkill,
               fixture_teardown);
    g_test_add("/vnetd/api/restart-after-sigterm", Fixture, NULL, fixture_setup, test_sigterm,
               fixture_teardown);
    ret = g_test_run();
    g_clear_pointer(&harness, vnetd_harness_free);
    return ret;
}
