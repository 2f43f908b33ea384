/* api-common-test.c: every public API call, its results and its errors, run
 * once on test:///default and once on local:///?root=DIR (domains of type
 * 'test' there, so nothing touches the host). */
#include <config.h>

#include <glib/gstdio.h>

#include <vnet/vnet.h>

#include "netns-helper.h"
#include "test-util.h"

typedef struct {
    gboolean local;
    char *root;
    VnetConnection *conn;
} Fixture;

static const char web1_xml[] =
    "<domain type='test'>\n"
    "  <name>web1</name>\n"
    "  <uuid>11111111-2222-3333-4444-555555555501</uuid>\n"
    "  <devices>\n"
    "    <interface type='ethernet'>\n"
    "      <mac address='52:54:00:00:01:01'/>\n"
    "    </interface>\n"
    "    <interface type='null'>\n"
    "      <mac address='52:54:00:00:01:02'/>\n"
    "      <link state='down'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

static const char natnet_xml[] =
    "<network>\n"
    "  <name>natnet1</name>\n"
    "  <uuid>11111111-2222-3333-4444-5555555555a1</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <ip address='192.168.15.1' prefix='24'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.15.10' end='192.168.15.20'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *uri = NULL;

    fx->local = GPOINTER_TO_INT(data);
    if (fx->local) {
        fx->root = g_dir_make_tmp("vnet-api-XXXXXX", &error);
        g_assert_no_error(error);
        uri = g_strdup_printf("local:///?root=%s", fx->root);
    } else {
        uri = g_strdup("test:///default");
    }
    fx->conn = vnet_connection_open(uri, &error);
    g_assert_no_error(error);
    g_assert_nonnull(fx->conn);
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    g_clear_pointer(&fx->conn, vnet_connection_close);
    if (fx->root) {
        g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", fx->root);

        g_assert_cmpint(system(cmd), ==, 0);
        g_free(fx->root);
    }
}

static VnetDomain *
define(Fixture *fx, const char *xml)
{
    g_autoptr(GError) error = NULL;
    VnetDomain *dom = vnet_domain_define_xml(fx->conn, xml, &error);

    g_assert_no_error(error);
    g_assert_nonnull(dom);
    return dom;
}

static char *
replace(const char *text, const char *from, const char *to)
{
    g_autoptr(GString) s = g_string_new(text);

    g_string_replace(s, from, to, 0);
    return g_string_free(g_steal_pointer(&s), FALSE);
}

/* ---- connections ---------------------------------------------------------- */

static void
test_connection(Fixture *fx, gconstpointer data)
{
    g_auto(GStrv) errors = vnet_connection_get_load_errors(fx->conn);

    g_assert_cmpuint(g_strv_length(errors), ==, 0);
    if (fx->local) {
        g_autofree char *expected = g_strdup_printf("local:///?root=%s", fx->root);

        g_assert_cmpstr(vnet_connection_get_uri(fx->conn), ==, expected);
        g_assert_cmpstr(vnet_connection_get_driver_name(fx->conn), ==, "local");
    } else {
        g_assert_cmpstr(vnet_connection_get_uri(fx->conn), ==, "test:///default");
        g_assert_cmpstr(vnet_connection_get_driver_name(fx->conn), ==, "test");
    }
}

static void
test_bad_uris(void)
{
    const char *bad[] = {
        "nope:///default", "test:///other",          "test:///default?x=1",
        "local:///",       "local:///?root=relative", "local:///system?bogus=1",
        "local://host/system", "::not a uri",        "local:///?root=/tmp&autostart=maybe",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(VnetConnection) conn = vnet_connection_open(bad[i], &error);

        g_assert_null(conn);
        g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI);
        g_assert_nonnull(strstr(error->message, "URI"));
    }
}

static void
test_default_uri(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = NULL;

    g_setenv(VNET_DEFAULT_URI_ENV, "test:///default", TRUE);
    conn = vnet_connection_open(NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_connection_get_uri(conn), ==, "test:///default");
    g_clear_pointer(&conn, vnet_connection_close);

    g_setenv(VNET_DEFAULT_URI_ENV, "bogus:///x", TRUE);
    conn = vnet_connection_open(NULL, &error);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI);
    g_assert_nonnull(strstr(error->message, "bogus:///x"));
    g_unsetenv(VNET_DEFAULT_URI_ENV);
}

/* test:///default starts with one running network and one running domain. */
static void
test_test_driver_examples(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = vnet_connection_open("test:///default", &error);
    g_auto(GStrv) doms = vnet_connection_list_domain_names(conn, VNET_LIST_ACTIVE, &error);
    g_auto(GStrv) nets = vnet_connection_list_network_names(conn, VNET_LIST_ACTIVE, &error);
    g_autoptr(VnetNetwork) net = vnet_network_lookup_by_name(conn, "default", &error);
    g_autoptr(GPtrArray) leases = NULL;
    g_autofree char *xml = NULL;

    g_assert_no_error(error);
    g_assert_cmpstrv(doms, ((const char *[]){"test", NULL}));
    g_assert_cmpstrv(nets, ((const char *[]){"default", NULL}));
    xml = vnet_network_get_xml(net, 0, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(xml, "<forward mode='nat'/>"));
    /* The running "test" domain's NIC on "default" holds the first lease. */
    leases = vnet_network_get_dhcp_leases(net, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(leases->len, ==, 1);
    g_assert_cmpstr(((VnetDhcpLease *)leases->pdata[0])->mac, ==, "aa:bb:cc:dd:ee:ff");
    g_assert_cmpstr(((VnetDhcpLease *)leases->pdata[0])->ip, ==, "192.168.122.2");
    g_assert_cmpuint(((VnetDhcpLease *)leases->pdata[0])->prefix, ==, 24);
    g_assert_cmpstr(((VnetDhcpLease *)leases->pdata[0])->hostname, ==, "test");
    g_clear_pointer(&leases, g_ptr_array_unref);
    leases = vnet_network_get_dhcp_leases(net, "52:54:00:99:99:99", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(leases->len, ==, 0);
}

/* ---- domains ---------------------------------------------------------------- */

static void
test_domain_define_lookup(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = define(fx, web1_xml);
    g_autoptr(VnetDomain) by_name = NULL;
    g_autoptr(VnetDomain) by_uuid = NULL;
    g_autoptr(GPtrArray) all = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *xml2 = NULL;
    g_auto(GStrv) names = NULL;

    g_assert_cmpstr(vnet_domain_get_name(dom), ==, "web1");
    g_assert_cmpstr(vnet_domain_get_uuid(dom), ==, "11111111-2222-3333-4444-555555555501");
    g_assert_true(vnet_domain_get_connection(dom) == fx->conn);

    by_name = vnet_domain_lookup_by_name(fx->conn, "web1", &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_domain_get_uuid(by_name), ==, vnet_domain_get_uuid(dom));
    by_uuid = vnet_domain_lookup_by_uuid(fx->conn, "11111111222233334444555555555501", &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_domain_get_name(by_uuid), ==, "web1");

    /* The stored XML is the canonical form of what was defined. */
    xml = vnet_domain_get_xml(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(xml, ==, web1_xml);
    xml2 = vnet_domain_get_xml(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_cmpstr(xml2, ==, web1_xml);

    names = vnet_connection_list_domain_names(fx->conn, VNET_LIST_INACTIVE, &error);
    g_assert_no_error(error);
    g_assert_cmpstrv(names, ((const char *[]){"web1", NULL}));
    all = vnet_connection_list_domains(fx->conn, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(all->len, ==, fx->local ? 1 : 2);

    /* Redefining with the same name and UUID replaces the definition. */
    {
        g_autofree char *changed = replace(web1_xml, "<link state='down'/>", "");
        g_autoptr(VnetDomain) again = define(fx, changed);
        g_autofree char *now = vnet_domain_get_xml(again, 0, &error);

        g_assert_null(strstr(now, "<link"));
    }

    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_no_error(error);
    /* Every handle on it is now stale. */
    g_assert_null(vnet_domain_get_xml(by_name, 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN);
    g_clear_error(&error);
    g_assert_false(vnet_domain_undefine(by_uuid, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN);
}

static void
test_domain_errors(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = define(fx, web1_xml);
    g_autofree char *other_uuid =
        replace(web1_xml, "555555555501", "555555555599");
    g_autofree char *other_name = replace(web1_xml, "web1", "web2");
    VnetDomainState state;

    g_assert_null(vnet_domain_lookup_by_name(fx->conn, "nosuch", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN);
    g_assert_cmpstr(error->message, ==, "no domain named 'nosuch'");
    g_clear_error(&error);
    g_assert_null(
        vnet_domain_lookup_by_uuid(fx->conn, "00000000-0000-0000-0000-000000000009", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN);
    g_clear_error(&error);
    g_assert_null(vnet_domain_lookup_by_uuid(fx->conn, "not-a-uuid", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG);
    g_clear_error(&error);

    /* Same name, other UUID; same UUID, other name. */
    g_assert_null(vnet_domain_define_xml(fx->conn, other_uuid, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_DOMAIN_EXISTS);
    g_assert_nonnull(strstr(error->message, "domain 'web1' already exists"));
    g_clear_error(&error);
    g_assert_null(vnet_domain_define_xml(fx->conn, other_name, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_DOMAIN_EXISTS);
    g_assert_nonnull(strstr(error->message, "'web1' already has UUID"));
    g_clear_error(&error);

    /* Bad XML is refused with the conf layer's message. */
    g_assert_null(vnet_domain_define_xml(fx->conn, "<domain", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    g_clear_error(&error);

    g_assert_false(vnet_domain_destroy(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpstr(error->message, ==, "domain 'web1' is not running");
    g_clear_error(&error);

    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpstr(error->message, ==, "domain 'web1' is already running");
    g_clear_error(&error);
    g_assert_false(vnet_domain_undefine(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "domain 'web1' is running; destroy it before undefining it");
    g_clear_error(&error);

    g_assert_true(vnet_domain_get_state(dom, &state, &error));
    g_assert_cmpint(state, ==, VNET_DOMAIN_STATE_RUNNING);
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_no_error(error);
}

static void
test_domain_lifecycle(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = define(fx, web1_xml);
    g_autofree char *live = NULL;
    g_autofree char *config = NULL;
    g_auto(GStrv) active = NULL;
    g_auto(GStrv) inactive = NULL;
    VnetDomainState state;

    g_assert_true(vnet_domain_get_state(dom, &state, &error));
    g_assert_cmpint(state, ==, VNET_DOMAIN_STATE_SHUTOFF);
    g_assert_cmpstr(vnet_domain_state_to_string(state), ==, "shut off");
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);

    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
    g_assert_true(vnet_domain_get_state(dom, &state, &error));
    g_assert_cmpstr(vnet_domain_state_to_string(state), ==, "running");

    /* The live XML names the realized devices; the config does not. */
    live = vnet_domain_get_xml(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(live, "<target dev='vnet"));
    config = vnet_domain_get_xml(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_cmpstr(config, ==, web1_xml);

    active = vnet_connection_list_domain_names(fx->conn, VNET_LIST_ACTIVE, &error);
    g_assert_true(g_strv_contains((const char *const *)active, "web1"));
    inactive = vnet_connection_list_domain_names(fx->conn, VNET_LIST_INACTIVE, &error);
    g_assert_false(g_strv_contains((const char *const *)inactive, "web1"));

    /* A redefinition while running applies at the next start. */
    {
        g_autofree char *changed = replace(web1_xml, "<link state='down'/>", "<mtu size='9000'/>");
        g_autoptr(VnetDomain) again = define(fx, changed);
        g_autofree char *now_live = vnet_domain_get_xml(dom, 0, &error);
        g_autofree char *now_config = vnet_domain_get_xml(dom, VNET_DOMAIN_XML_INACTIVE, &error);

        g_assert_null(strstr(now_live, "9000"));
        g_assert_nonnull(strstr(now_config, "<mtu size='9000'/>"));
    }

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);
    g_clear_pointer(&live, g_free);
    live = vnet_domain_get_xml(dom, 0, &error);
    g_assert_nonnull(strstr(live, "<mtu size='9000'/>"));
    g_assert_null(strstr(live, "<target"));
}

static void
test_domain_autostart(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = define(fx, web1_xml);

    g_assert_cmpint(vnet_domain_get_autostart(dom, &error), ==, 0);
    g_assert_true(vnet_domain_set_autostart(dom, TRUE, &error));
    g_assert_cmpint(vnet_domain_get_autostart(dom, &error), ==, 1);
    g_assert_true(vnet_domain_set_autostart(dom, FALSE, &error));
    g_assert_cmpint(vnet_domain_get_autostart(dom, &error), ==, 0);
    g_assert_no_error(error);
}

static const char extra_nic[] =
    "<interface type='ethernet'>\n"
    "  <mac address='52:54:00:00:01:03'/>\n"
    "  <mtu size='1400'/>\n"
    "</interface>\n";

static void
test_domain_interfaces(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = define(fx, web1_xml);
    g_autoptr(GPtrArray) nics = NULL;
    g_autofree char *xml = NULL;
    VnetDomainInterface *nic;

    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(nics->len, ==, 2);
    nic = nics->pdata[1];
    g_assert_cmpuint(nic->index, ==, 1);
    g_assert_cmpstr(nic->type, ==, "null");
    g_assert_cmpstr(nic->mac, ==, "52:54:00:00:01:02");
    g_assert_false(nic->link_up);
    g_assert_null(nic->target);
    g_clear_pointer(&nics, g_ptr_array_unref);

    /* Config only while shut off; LIVE is refused. */
    g_assert_false(vnet_domain_attach_interface(dom, extra_nic, VNET_DOMAIN_AFFECT_LIVE, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_clear_error(&error);
    g_assert_true(vnet_domain_attach_interface(dom, extra_nic, 0, &error));
    g_assert_no_error(error);
    xml = vnet_domain_get_xml(dom, 0, &error);
    g_assert_nonnull(strstr(xml, "52:54:00:00:01:03"));
    /* The same MAC twice is refused by validation. */
    g_assert_false(vnet_domain_attach_interface(dom, extra_nic, 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_clear_error(&error);
    g_assert_false(vnet_domain_attach_interface(dom, "<mac/>", 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    g_clear_error(&error);

    g_assert_true(vnet_domain_set_link_state(dom, "52:54:00:00:01:02", TRUE, 0, &error));
    g_assert_no_error(error);
    g_assert_true(vnet_domain_detach_interface(dom, "52:54:00:00:01:03", 0, &error));
    g_clear_pointer(&xml, g_free);
    xml = vnet_domain_get_xml(dom, 0, &error);
    g_assert_null(strstr(xml, "52:54:00:00:01:03"));
    g_assert_nonnull(strstr(xml, "<link state='up'/>"));
    g_assert_false(vnet_domain_detach_interface(dom, "52:54:00:00:09:09", 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG);
    g_clear_error(&error);

    /* Live and config at once on a running domain. */
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_true(vnet_domain_attach_interface(
        dom, extra_nic, VNET_DOMAIN_AFFECT_LIVE | VNET_DOMAIN_AFFECT_CONFIG, &error));
    g_assert_no_error(error);
    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_cmpuint(nics->len, ==, 3);
    nic = nics->pdata[2];
    g_assert_cmpuint(nic->mtu, ==, 1400);
    g_assert_nonnull(nic->target);
    g_clear_pointer(&nics, g_ptr_array_unref);
    nics = vnet_domain_list_interfaces(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_cmpuint(nics->len, ==, 3);
    g_clear_pointer(&nics, g_ptr_array_unref);

    /* Live only: the config keeps the link state. */
    g_assert_true(vnet_domain_set_link_state(dom, "52:54:00:00:01:01", FALSE, 0, &error));
    g_clear_pointer(&xml, g_free);
    xml = vnet_domain_get_xml(dom, 0, &error);
    g_assert_nonnull(strstr(xml, "<link state='down'/>"));
    g_clear_pointer(&xml, g_free);
    xml = vnet_domain_get_xml(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_null(strstr(xml, "<link state='down'/>"));

    g_assert_true(vnet_domain_detach_interface(dom, "52:54:00:00:01:03",
                                               VNET_DOMAIN_AFFECT_LIVE, &error));
    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_cmpuint(nics->len, ==, 2);
    g_clear_pointer(&nics, g_ptr_array_unref);
    nics = vnet_domain_list_interfaces(dom, VNET_DOMAIN_XML_INACTIVE, &error);
    g_assert_cmpuint(nics->len, ==, 3);
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
}

/* ---- networks ------------------------------------------------------------- */

static void
test_network_calls(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = vnet_network_define_xml(fx->conn, natnet_xml, &error);
    g_autoptr(VnetNetwork) by_uuid = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *clash = replace(natnet_xml, "5555555555a1", "5555555555a2");
    g_auto(GStrv) names = NULL;
    g_autoptr(GPtrArray) list = NULL;

    g_assert_no_error(error);
    g_assert_cmpstr(vnet_network_get_name(net), ==, "natnet1");
    g_assert_true(vnet_network_get_connection(net) == fx->conn);
    by_uuid = vnet_network_lookup_by_uuid(fx->conn, vnet_network_get_uuid(net), &error);
    g_assert_no_error(error);
    g_assert_cmpstr(vnet_network_get_name(by_uuid), ==, "natnet1");
    g_assert_null(vnet_network_lookup_by_name(fx->conn, "nosuch", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK);
    g_clear_error(&error);
    g_assert_null(vnet_network_define_xml(fx->conn, clash, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NETWORK_EXISTS);
    g_clear_error(&error);

    /* The driver picked a bridge name and stored it. */
    xml = vnet_network_get_xml(net, VNET_NETWORK_XML_INACTIVE, &error);
    g_assert_nonnull(strstr(xml, "<bridge name='vnbr"));

    names = vnet_connection_list_network_names(fx->conn, VNET_LIST_INACTIVE, &error);
    g_assert_true(g_strv_contains((const char *const *)names, "natnet1"));
    list = vnet_connection_list_networks(fx->conn, VNET_LIST_ALL, &error);
    g_assert_cmpuint(list->len, ==, fx->local ? 1 : 2);

    g_assert_cmpint(vnet_network_get_autostart(net, &error), ==, 0);
    g_assert_true(vnet_network_set_autostart(net, TRUE, &error));
    g_assert_cmpint(vnet_network_get_autostart(net, &error), ==, 1);

    /* Port forwards, persistent. */
    g_assert_true(vnet_network_add_port_forward(
        net,
        "<portForward name='ssh' protocol='tcp' hostPort='2222' guestAddress='192.168.15.10' "
        "guestPort='22'/>",
        0, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_network_add_port_forward(
        net,
        "<portForward name='ssh' protocol='tcp' hostPort='2223' guestAddress='192.168.15.10' "
        "guestPort='22'/>",
        0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_clear_error(&error);
    g_clear_pointer(&xml, g_free);
    xml = vnet_network_get_xml(net, 0, &error);
    g_assert_nonnull(strstr(xml, "name='ssh'"));
    g_assert_true(vnet_network_remove_port_forward(net, "ssh", 0, &error));
    g_assert_false(vnet_network_remove_port_forward(net, "ssh", 0, &error));
    g_assert_nonnull(error);
    g_clear_error(&error);

    g_assert_null(vnet_network_get_dhcp_leases(net, NULL, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_clear_error(&error);
    g_assert_false(vnet_network_destroy(net, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_clear_error(&error);

    if (fx->local) {
        /* Starting realizes the network on the host (bridge, nftables,
         * dnsmasq): this test runs in the machine's own namespace, so that
         * is left to tests/net-*-test.c, in private namespaces. */
    } else {
        g_autoptr(GPtrArray) leases = NULL;

        g_assert_true(vnet_network_start(net, &error));
        g_assert_cmpint(vnet_network_is_active(net, &error), ==, 1);
        g_assert_false(vnet_network_start(net, &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
        g_clear_error(&error);
        g_assert_false(vnet_network_undefine(net, &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
        g_clear_error(&error);
        /* Live only: the config does not get the rule. */
        g_assert_true(vnet_network_add_port_forward(
            net,
            "<portForward name='web' protocol='tcp' hostPort='8080' "
            "guestAddress='192.168.15.10' guestPort='80'/>",
            VNET_NETWORK_AFFECT_LIVE, &error));
        g_assert_no_error(error);
        g_clear_pointer(&xml, g_free);
        xml = vnet_network_get_xml(net, 0, &error);
        g_assert_nonnull(strstr(xml, "name='web'"));
        g_clear_pointer(&xml, g_free);
        xml = vnet_network_get_xml(net, VNET_NETWORK_XML_INACTIVE, &error);
        g_assert_null(strstr(xml, "name='web'"));
        leases = vnet_network_get_dhcp_leases(net, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(leases->len, ==, 0);
        g_assert_true(vnet_network_destroy(net, &error));
        g_assert_cmpint(vnet_network_is_active(net, &error), ==, 0);
    }
    g_assert_true(vnet_network_undefine(net, &error));
    g_assert_no_error(error);
    g_assert_null(vnet_network_get_xml(by_uuid, 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK);
}

/* ---- events ------------------------------------------------------------------ */

static void
on_event(VnetConnection *conn, const VnetEvent *event, gpointer user_data)
{
    GPtrArray *seen = user_data;

    g_ptr_array_add(seen, g_strdup_printf("%s %s %s",
                                          vnet_object_kind_to_string(
                                              vnet_event_get_object_kind(event)),
                                          vnet_event_get_name(event),
                                          vnet_event_type_to_string(
                                              vnet_event_get_event_type(event))));
}

static void
test_events(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GMainContext) context = g_main_context_new();
    g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *kvm = replace(web1_xml, "type='test'", "type='kvm'");
    const char *expected[] = {"domain web1 defined", "domain web1 started",
                              "domain web1 stopped", "domain web1 undefined"};
    guint id;

    /* Events arrive in the context that was thread-default at subscribe. */
    g_main_context_push_thread_default(context);
    id = vnet_connection_subscribe(fx->conn, on_event, seen, NULL);
    g_main_context_pop_thread_default(context);
    g_assert_cmpuint(id, >, 0);

    dom = define(fx, web1_xml);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_no_error(error);
    /* Nothing is delivered until the subscriber's context runs. */
    while (g_main_context_iteration(NULL, FALSE))
        ;
    g_assert_cmpuint(seen->len, ==, 0);
    while (g_main_context_iteration(context, FALSE))
        ;
    g_assert_cmpuint(seen->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++)
        g_assert_cmpstr(seen->pdata[i], ==, expected[i]);
    g_ptr_array_set_size(seen, 0);

    /* A failed start is an event too (on test:/// every type starts). */
    if (fx->local) {
        g_autoptr(VnetDomain) k = define(fx, kvm);

        g_assert_false(vnet_domain_start(k, &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE);
        g_clear_error(&error);
        while (g_main_context_iteration(context, FALSE))
            ;
        g_assert_cmpuint(seen->len, ==, 2);
        g_assert_cmpstr(seen->pdata[1], ==, "domain web1 failed");
        g_ptr_array_set_size(seen, 0);
    }

    /* Networks too; after unsubscribing nothing more arrives. */
    {
        g_autoptr(VnetNetwork) net = vnet_network_define_xml(fx->conn, natnet_xml, &error);

        g_assert_no_error(error);
        vnet_connection_unsubscribe(fx->conn, id);
        g_assert_true(vnet_network_undefine(net, &error));
    }
    while (g_main_context_iteration(context, FALSE))
        ;
    g_assert_cmpuint(seen->len, ==, 0);
    vnet_connection_unsubscribe(fx->conn, 12345);
}

/* ---- threads ----------------------------------------------------------------- */

typedef struct {
    VnetConnection *conn;
    guint n;
} Worker;

static gpointer
worker(gpointer data)
{
    Worker *w = data;

    for (guint round = 0; round < 20; round++) {
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_strdup_printf("t%u", w->n);
        g_autofree char *xml = g_strdup_printf(
            "<domain type='test'><name>%s</name>"
            "<uuid>00000000-0000-0000-0000-0000000000%02u</uuid>"
            "<devices><interface type='ethernet'><mac address='52:54:00:00:02:%02u'/>"
            "</interface></devices></domain>",
            name, w->n, w->n);
        g_autoptr(VnetDomain) dom = vnet_domain_define_xml(w->conn, xml, &error);
        g_autoptr(GPtrArray) all = NULL;
        g_autofree char *live = NULL;

        g_assert_no_error(error);
        g_assert_true(vnet_domain_start(dom, &error));
        all = vnet_connection_list_domains(w->conn, VNET_LIST_ACTIVE, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(all->len, >=, 1);
        live = vnet_domain_get_xml(dom, 0, &error);
        g_assert_nonnull(live);
        g_assert_true(vnet_domain_destroy(dom, &error));
        g_assert_true(vnet_domain_undefine(dom, &error));
        g_assert_no_error(error);
    }
    return NULL;
}

static void
test_threads(Fixture *fx, gconstpointer data)
{
    Worker workers[8];
    GThread *threads[8];
    g_auto(GStrv) names = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < G_N_ELEMENTS(threads); i++) {
        workers[i] = (Worker){fx->conn, i};
        threads[i] = g_thread_new("api-worker", worker, &workers[i]);
    }
    for (guint i = 0; i < G_N_ELEMENTS(threads); i++)
        g_thread_join(threads[i]);
    names = vnet_connection_list_domain_names(fx->conn, 0, &error);
    g_assert_cmpuint(g_strv_length(names), ==, fx->local ? 0 : 1);
}

/* Networks defined into one connection may not share a bridge or overlap
 * in IPv4; the error names the network already holding it, and nothing is
 * defined. A redefinition of the same network is not a conflict. */
static void
test_network_conflicts(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = vnet_network_define_xml(fx->conn, natnet_xml, &error);
    g_autoptr(VnetNetwork) again = NULL;
    static const char overlapping[] = "<network><name>wide</name><forward mode='nat'/>"
                                      "<ip address='192.168.15.129' prefix='25'/></network>";
    static const char same_bridge[] = "<network><name>twin</name><forward mode='nat'/>"
                                      "<bridge name='vnbrshared'/>"
                                      "<ip address='10.77.0.1' prefix='24'/></network>";
    static const char other_bridge[] = "<network><name>twin2</name><forward mode='nat'/>"
                                       "<bridge name='vnbrshared'/>"
                                       "<ip address='10.78.0.1' prefix='24'/></network>";
    g_autoptr(VnetNetwork) twin = NULL;

    g_assert_no_error(error);
    g_assert_null(vnet_network_define_xml(fx->conn, overlapping, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_assert_nonnull(strstr(error->message, "natnet1"));
    g_assert_nonnull(strstr(error->message, "overlaps 192.168.15.0/24"));
    g_clear_error(&error);
    g_assert_null(vnet_network_lookup_by_name(fx->conn, "wide", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK);
    g_clear_error(&error);

    twin = vnet_network_define_xml(fx->conn, same_bridge, &error);
    g_assert_no_error(error);
    g_assert_null(vnet_network_define_xml(fx->conn, other_bridge, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_assert_nonnull(strstr(error->message, "vnbrshared"));
    g_assert_nonnull(strstr(error->message, "twin"));
    g_clear_error(&error);

    again = vnet_network_define_xml(fx->conn, natnet_xml, &error);
    g_assert_no_error(error);
    g_assert_true(vnet_network_undefine(twin, &error));
    g_assert_true(vnet_network_undefine(net, &error));
}

static void
add(const char *name, void (*func)(Fixture *, gconstpointer))
{
    g_autofree char *test_path = g_strdup_printf("/api/test/%s", name);
    g_autofree char *local_path = g_strdup_printf("/api/local/%s", name);

    g_test_add(test_path, Fixture, GINT_TO_POINTER(FALSE), fixture_setup, func,
               fixture_teardown);
    g_test_add(local_path, Fixture, GINT_TO_POINTER(TRUE), fixture_setup, func,
               fixture_teardown);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The local driver acts on the host it runs on: as root, that host is a
     * private namespace, so nothing here can reach the machine's own network
     * even by mistake. (Without root the local driver cannot change links.) */
    vnet_netns_enter_private_if_root();
    g_unsetenv(VNET_DEFAULT_URI_ENV);

    g_test_add_func("/api/bad-uris", test_bad_uris);
    g_test_add_func("/api/default-uri", test_default_uri);
    g_test_add_func("/api/test-driver-examples", test_test_driver_examples);
    add("connection", test_connection);
    add("domain/define-lookup", test_domain_define_lookup);
    add("domain/errors", test_domain_errors);
    add("domain/lifecycle", test_domain_lifecycle);
    add("domain/autostart", test_domain_autostart);
    add("domain/interfaces", test_domain_interfaces);
    add("network/calls", test_network_calls);
    add("network/define-conflicts", test_network_conflicts);
    add("events", test_events);
    add("threads", test_threads);
    return g_test_run();
}
