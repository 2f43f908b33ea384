/* api-local-test.c: the local driver's store — definitions that survive a
 * new connection, atomic files, autostart, status files, and unreadable
 * files that are reported and never lost. Domains here are of type 'test',
 * so nothing touches the host. */
#include <config.h>

#include <glib/gstdio.h>

#include <vnet/vnet.h>

#include "netns-helper.h"
#include "test-util.h"

static const char dom_xml[] =
    "<domain type='test'>\n"
    "  <name>keep1</name>\n"
    "  <uuid>11111111-2222-3333-4444-555555555511</uuid>\n"
    "  <devices>\n"
    "    <interface type='ethernet'>\n"
    "      <mac address='52:54:00:00:11:01'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";

typedef struct {
    char *root;
    char *uri;
} Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;

    fx->root = g_dir_make_tmp("vnet-local-XXXXXX", &error);
    g_assert_no_error(error);
    fx->uri = g_strdup_printf("local:///?root=%s", fx->root);
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", fx->root);

    g_assert_cmpint(system(cmd), ==, 0);
    g_free(fx->root);
    g_free(fx->uri);
}

static VnetConnection *
open_conn(Fixture *fx, VnetConnectionFlags flags)
{
    g_autoptr(GError) error = NULL;
    VnetConnection *conn = vnet_connection_open_full(fx->uri, flags, &error);

    g_assert_no_error(error);
    return conn;
}

static char *
path(Fixture *fx, const char *rel)
{
    return g_build_filename(fx->root, rel, NULL);
}

static char *
read_file(const char *p)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(p, &text, NULL, NULL));
    return text;
}

static void
test_persist(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autoptr(VnetDomain) dom = vnet_domain_define_xml(conn, dom_xml, &error);
    g_autofree char *file = path(fx, "etc/domains/keep1.xml");
    g_autofree char *marker = path(fx, "etc/domains/autostart/keep1");
    g_autofree char *text = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *entry;

    g_assert_no_error(error);
    /* The file holds the canonical XML; no temporary file is left. */
    text = read_file(file);
    g_assert_cmpstr(text, ==, dom_xml);
    dir = g_dir_open(fx->root, 0, NULL);
    g_clear_pointer(&dir, g_dir_close);
    {
        g_autofree char *d = path(fx, "etc/domains");

        dir = g_dir_open(d, 0, &error);
        while ((entry = g_dir_read_name(dir)))
            g_assert_false(entry[0] == '.');
    }
    g_assert_true(vnet_domain_set_autostart(dom, TRUE, &error));
    g_assert_true(g_file_test(marker, G_FILE_TEST_EXISTS));
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);

    /* A new connection finds it, not running, marked autostart. */
    conn = open_conn(fx, 0);
    dom = vnet_domain_lookup_by_name(conn, "keep1", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);
    g_assert_cmpint(vnet_domain_get_autostart(dom, &error), ==, 1);
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);

    /* With the autostart flag it is started; its status file records it. */
    conn = open_conn(fx, VNET_CONNECTION_AUTOSTART);
    dom = vnet_domain_lookup_by_name(conn, "keep1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
    {
        g_autofree char *status_path = path(fx, "run/domains/keep1.xml");
        g_autofree char *status = read_file(status_path);

        g_assert_true(g_str_has_prefix(status, "<domstatus backend='test'>\n"));
        g_assert_nonnull(strstr(status, "<name>keep1</name>"));
    }
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);

    /* Closing leaves it running; the next connection sees that. */
    conn = open_conn(fx, 0);
    dom = vnet_domain_lookup_by_name(conn, "keep1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
    {
        g_autofree char *status_path = path(fx, "run/domains/keep1.xml");

        g_assert_false(g_file_test(status_path, G_FILE_TEST_EXISTS));
    }
    g_assert_true(vnet_domain_undefine(dom, &error));
    g_assert_false(g_file_test(file, G_FILE_TEST_EXISTS));
    g_assert_false(g_file_test(marker, G_FILE_TEST_EXISTS));
}

static void
test_uri_autostart(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autoptr(VnetDomain) dom = vnet_domain_define_xml(conn, dom_xml, &error);
    g_autofree char *uri = g_strdup_printf("%s&autostart=1", fx->uri);

    g_assert_true(vnet_domain_set_autostart(dom, TRUE, &error));
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);
    conn = vnet_connection_open(uri, &error);
    g_assert_no_error(error);
    dom = vnet_domain_lookup_by_name(conn, "keep1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
}

/* A torn definition file is reported with its path, skipped, left byte for
 * byte as it was, and protected from a define of the same name. */
static void
test_torn_config(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autofree char *torn_path = path(fx, "etc/domains/torn1.xml");
    g_autofree char *wrong_path = path(fx, "etc/domains/wrongname.xml");
    const char torn[] = "<domain type='test'>\n  <name>torn1</name>\n  <uu";
    g_autofree char *after = NULL;
    g_autofree char *torn_xml = NULL;
    g_auto(GStrv) errors = NULL;
    g_auto(GStrv) names = NULL;
    g_autoptr(VnetDomain) dom = NULL;

    g_clear_pointer(&conn, vnet_connection_close);
    g_assert_true(g_file_set_contents(torn_path, torn, -1, NULL));
    g_assert_true(g_file_set_contents(wrong_path, dom_xml, -1, NULL));

    conn = open_conn(fx, 0);
    errors = vnet_connection_get_load_errors(conn);
    g_assert_cmpuint(g_strv_length(errors), ==, 2);
    g_assert_true(g_str_has_prefix(errors[0], torn_path));
    g_assert_nonnull(strstr(errors[0], "skipped (the file is left as it is)"));
    g_assert_true(g_str_has_prefix(errors[1], wrong_path));
    g_assert_nonnull(strstr(errors[1], "defines domain 'keep1' but is named after 'wrongname'"));
    names = vnet_connection_list_domain_names(conn, 0, &error);
    g_assert_cmpuint(g_strv_length(names), ==, 0);

    torn_xml = g_strdup(dom_xml);
    {
        g_autoptr(GString) s = g_string_new(dom_xml);

        g_string_replace(s, "keep1", "torn1", 0);
        g_free(torn_xml);
        torn_xml = g_string_free(g_steal_pointer(&s), FALSE);
    }
    dom = vnet_domain_define_xml(conn, torn_xml, &error);
    g_assert_null(dom);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_nonnull(strstr(error->message, torn_path));
    g_clear_error(&error);

    after = read_file(torn_path);
    g_assert_cmpstr(after, ==, torn);

    /* Once the user moves it away, the name is free again. */
    {
        g_autofree char *aside = g_strconcat(torn_path, ".broken", NULL);

        g_assert_cmpint(g_rename(torn_path, aside), ==, 0);
        dom = vnet_domain_define_xml(conn, torn_xml, &error);
        g_assert_no_error(error);
        g_assert_nonnull(dom);
    }
}

static void
test_broken_status(Fixture *fx, gconstpointer data)
{
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autofree char *status_path = path(fx, "run/domains/ghost.xml");
    g_autofree char *after = NULL;
    g_auto(GStrv) errors = NULL;

    g_clear_pointer(&conn, vnet_connection_close);
    g_assert_true(g_file_set_contents(status_path, "<domstatus", -1, NULL));
    conn = open_conn(fx, 0);
    errors = vnet_connection_get_load_errors(conn);
    g_assert_cmpuint(g_strv_length(errors), ==, 1);
    g_assert_true(g_str_has_prefix(errors[0], status_path));
    after = read_file(status_path);
    g_assert_cmpstr(after, ==, "<domstatus");
}

static void
test_backend_unavailable(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autoptr(GString) kvm = g_string_new(dom_xml);
    g_autoptr(VnetDomain) dom = NULL;
    g_auto(GStrv) errors = NULL;

    g_string_replace(kvm, "type='test'", "type='kvm'", 1);
    dom = vnet_domain_define_xml(conn, kvm->str, &error);
    g_assert_no_error(error);
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE);
    g_assert_cmpstr(error->message, ==,
                    "cannot start domain 'keep1': the 'kvm' guest backend is not available in "
                    "this build (use type 'netns' or 'test')");
    g_clear_error(&error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);

    /* A failing autostart is reported, not fatal. */
    g_assert_true(vnet_domain_set_autostart(dom, TRUE, &error));
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&conn, vnet_connection_close);
    conn = open_conn(fx, VNET_CONNECTION_AUTOSTART);
    errors = vnet_connection_get_load_errors(conn);
    g_assert_cmpuint(g_strv_length(errors), ==, 1);
    g_assert_true(g_str_has_prefix(errors[0], "autostart of domain 'keep1' failed: "));
}

static void
test_network_persist(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = open_conn(fx, 0);
    g_autoptr(VnetNetwork) net = vnet_network_define_xml(
        conn,
        "<network><name>nat9</name><forward mode='nat'/>"
        "<ip address='10.9.0.1' prefix='24'/></network>",
        &error);
    g_autofree char *xml = NULL;
    g_autofree char *file = path(fx, "etc/networks/nat9.xml");
    g_autofree char *stored = NULL;

    g_assert_no_error(error);
    g_assert_true(vnet_network_set_autostart(net, TRUE, &error));
    xml = vnet_network_get_xml(net, VNET_NETWORK_XML_INACTIVE, &error);
    stored = read_file(file);
    g_assert_cmpstr(stored, ==, xml);
    g_clear_pointer(&net, vnet_network_unref);
    g_clear_pointer(&conn, vnet_connection_close);

    conn = open_conn(fx, 0);
    net = vnet_network_lookup_by_name(conn, "nat9", &error);
    g_assert_no_error(error);
    g_assert_cmpint(vnet_network_get_autostart(net, &error), ==, 1);
    {
        g_autofree char *again = vnet_network_get_xml(net, 0, &error);

        /* Same UUID and bridge name as first defined. */
        g_assert_cmpstr(again, ==, xml);
    }
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The local driver acts on the host it runs on: as root, that host is a
     * private namespace, so nothing here can reach the machine's own network
     * even by mistake. (Without root the local driver cannot change links.) */
    vnet_netns_enter_private_if_root();

    g_test_add("/api/local/persist", Fixture, NULL, fixture_setup, test_persist,
               fixture_teardown);
    g_test_add("/api/local/uri-autostart", Fixture, NULL, fixture_setup, test_uri_autostart,
               fixture_teardown);
    g_test_add("/api/local/torn-config", Fixture, NULL, fixture_setup, test_torn_config,
               fixture_teardown);
    g_test_add("/api/local/broken-status", Fixture, NULL, fixture_setup, test_broken_status,
               fixture_teardown);
    g_test_add("/api/local/backend-unavailable", Fixture, NULL, fixture_setup,
               test_backend_unavailable, fixture_teardown);
    g_test_add("/api/local/network-persist", Fixture, NULL, fixture_setup, test_network_persist,
               fixture_teardown);
    return g_test_run();
}
