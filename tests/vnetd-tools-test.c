/* vnetd-tools-test.c: clients nobody here wrote drive vnetd — busctl and
 * gdbus list, define, start and stop; gdbus introspect shows exactly the
 * interfaces of the XML files in data/dbus; dbus-monitor sees the events and
 * PropertiesChanged — and vnsh over dbus:///session runs a netns domain and
 * a NAT network. Results are checked in the kernel. */
#include <config.h>

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "netns-helper.h"
#include "test-util.h"
#include "vnetd-harness.h"

static VnetdHarness *harness;

static const char domain_xml[] = "<domain type='netns'><name>tool1</name><devices>"
                                 "<interface type='ethernet'>"
                                 "<mac address='52:54:00:cc:00:01'/></interface>"
                                 "</devices></domain>";

static gboolean
setup(void)
{
    if (!harness) {
        g_test_skip("needs root to create a private network namespace");
        return FALSE;
    }
    vnetd_harness_fresh_root(harness);
    vnetd_harness_start_vnetd(harness, NULL);
    return TRUE;
}

static void
teardown(void)
{
    if (harness && harness->vnetd_pid)
        vnetd_harness_stop_vnetd_checked(harness);
}

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

/* Runs a command that must succeed; returns its stdout. */
static char *
run_ok(const char *const *argv)
{
    g_autofree char *err = NULL;
    char *out = NULL;
    int status = vnetd_harness_run(argv, &out, &err);

    if (status != 0)
        g_error("%s exited with %d: %s%s", argv[0], status, out, err);
    return out;
}

/* The object path in busctl's output line 'o "/org/vnet1/..."'. */
static char *
busctl_path(const char *out)
{
    const char *start = strchr(out, '"');
    const char *end = start ? strchr(start + 1, '"') : NULL;

    g_assert_nonnull(end);
    return g_strndup(start + 1, end - start - 1);
}

static void
test_busctl_gdbus(void)
{
    g_autofree char *address_arg = NULL;
    g_autofree char *out = NULL;
    g_autofree char *path = NULL;
    g_autofree char *err = NULL;

    if (!setup())
        return;
    address_arg = g_strdup_printf("--address=%s", harness->address);

    /* busctl defines and starts. */
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", "/org/vnet1",
                              "org.vnet1.Connect", "DefineDomain", "s", domain_xml, NULL};

        out = run_ok(argv);
    }
    path = busctl_path(out);
    g_assert_true(g_str_has_prefix(path, "/org/vnet1/domain/"));
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", "/org/vnet1",
                              "org.vnet1.Connect", "ListDomains", "u", "0", NULL};

        out = run_ok(argv);
    }
    g_assert_true(g_str_has_prefix(out, "ao 1 "));
    g_assert_nonnull(strstr(out, path));
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", path,
                              "org.vnet1.Domain", "Start", NULL};

        g_free(run_ok(argv));
    }
    g_assert_true(netns_exists("tool1"));
    g_assert_true(vnet_netns_link_exists("tool1", "eth0"));
    {
        const char *argv[] = {"busctl", address_arg, "get-property", "org.vnet1", path,
                              "org.vnet1.Domain", "Active", NULL};

        out = run_ok(argv);
    }
    g_assert_cmpstr(out, ==, "b true\n");
    g_clear_pointer(&out, g_free);

    /* gdbus lists, reads and stops. */
    {
        const char *argv[] = {"gdbus", "call", "--address", harness->address, "--dest",
                              "org.vnet1", "--object-path", "/org/vnet1", "--method",
                              "org.vnet1.Connect.ListDomains", "1", NULL};

        out = run_ok(argv);
    }
    g_assert_nonnull(strstr(out, path));
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"gdbus", "call", "--address", harness->address, "--dest",
                              "org.vnet1", "--object-path", path, "--method",
                              "org.freedesktop.DBus.Properties.GetAll", "org.vnet1.Domain",
                              NULL};

        out = run_ok(argv);
    }
    g_assert_nonnull(strstr(out, "'Name': <'tool1'>"));
    g_assert_nonnull(strstr(out, "'Active': <true>"));
    g_assert_nonnull(strstr(out, "'Type': <'netns'>"));
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"gdbus", "call", "--address", harness->address, "--dest",
                              "org.vnet1", "--object-path", path, "--method",
                              "org.vnet1.Domain.Destroy", NULL};

        g_free(run_ok(argv));
    }
    g_assert_false(netns_exists("tool1"));
    /* Errors carry the library's name and message. */
    {
        const char *argv[] = {"gdbus", "call", "--address", harness->address, "--dest",
                              "org.vnet1", "--object-path", path, "--method",
                              "org.vnet1.Domain.Destroy", NULL};

        g_assert_cmpint(vnetd_harness_run(argv, &out, &err), !=, 0);
    }
    g_assert_nonnull(strstr(err, "GDBus.Error:org.vnet1.Error.OperationInvalid: "
                                 "domain 'tool1' is not running"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", path,
                              "org.vnet1.Domain", "Undefine", NULL};

        g_free(run_ok(argv));
    }
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", "/org/vnet1",
                              "org.vnet1.Connect", "LookupDomainByName", "s", "tool1", NULL};

        g_assert_cmpint(vnetd_harness_run(argv, &out, &err), !=, 0);
    }
    g_assert_nonnull(strstr(err, "no domain named 'tool1'"));
    teardown();
}

/* ---- introspection ------------------------------------------------------------- */

static GDBusNodeInfo *
introspect(const char *path)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;
    GDBusNodeInfo *info;
    const char *argv[] = {"gdbus", "introspect", "--address", harness->address, "--dest",
                          "org.vnet1", "--object-path", path, "--xml", NULL};

    out = run_ok(argv);
    info = g_dbus_node_info_new_for_xml(out, &error);
    g_assert_no_error(error);
    return info;
}

static char *
interface_xml(GDBusInterfaceInfo *iface)
{
    GString *xml = g_string_new(NULL);

    g_dbus_interface_info_generate_xml(iface, 0, xml);
    return g_string_free(xml, FALSE);
}

/* The interface @name as vnetd exports it at @path equals the checked-in
 * file, method by method, argument by argument. */
static void
assert_exports_file(const char *path, const char *name)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *file = g_strdup_printf("%s.xml", name);
    g_autofree char *file_path = vnet_test_top_srcdir_path("data", "dbus", file, NULL);
    g_autofree char *contents = vnet_test_read_file(file_path);
    g_autoptr(GDBusNodeInfo) expected = g_dbus_node_info_new_for_xml(contents, &error);
    g_autoptr(GDBusNodeInfo) exported = introspect(path);
    GDBusInterfaceInfo *want;
    GDBusInterfaceInfo *got;
    g_autofree char *want_xml = NULL;
    g_autofree char *got_xml = NULL;

    g_assert_no_error(error);
    want = g_dbus_node_info_lookup_interface(expected, name);
    got = g_dbus_node_info_lookup_interface(exported, name);
    g_assert_nonnull(want);
    g_assert_nonnull(got);
    want_xml = interface_xml(want);
    got_xml = interface_xml(got);
    g_assert_cmpstr(got_xml, ==, want_xml);
    /* And the standard ones next to it. */
    g_assert_nonnull(g_dbus_node_info_lookup_interface(exported,
                                                       "org.freedesktop.DBus.Properties"));
    g_assert_nonnull(g_dbus_node_info_lookup_interface(exported,
                                                       "org.freedesktop.DBus.Introspectable"));
}

static void
test_introspect(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GVariant) dom = NULL;
    g_autoptr(GVariant) net = NULL;
    g_autoptr(GDBusNodeInfo) domains = NULL;
    const char *dom_path;
    const char *net_path;

    if (!setup())
        return;
    dom = vnetd_harness_call(harness, "/org/vnet1", "org.vnet1.Connect", "DefineDomain",
                             g_variant_new("(s)", domain_xml), "(o)", &error);
    g_assert_no_error(error);
    net = vnetd_harness_call(harness, "/org/vnet1", "org.vnet1.Connect", "DefineNetwork",
                             g_variant_new("(s)", "<network><name>iso1</name>"
                                                  "<bridge name='vnbr-iso1'/></network>"),
                             "(o)", &error);
    g_assert_no_error(error);
    g_variant_get(dom, "(&o)", &dom_path);
    g_variant_get(net, "(&o)", &net_path);

    assert_exports_file("/org/vnet1", "org.vnet1.Connect");
    assert_exports_file(dom_path, "org.vnet1.Domain");
    assert_exports_file(net_path, "org.vnet1.Network");

    /* The tree lists the objects. */
    domains = introspect("/org/vnet1/domain");
    g_assert_nonnull(domains->nodes[0]);
    g_assert_cmpstr(domains->nodes[0]->path, ==, strrchr(dom_path, '/') + 1);
    g_assert_null(domains->nodes[1]);
    teardown();
}

/* ---- dbus-monitor ---------------------------------------------------------------- */

static gboolean
file_contains(const char *path, const char *needle)
{
    g_autofree char *contents = NULL;

    return g_file_get_contents(path, &contents, NULL, NULL) && strstr(contents, needle);
}

static void
test_monitor(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *log_path = NULL;
    g_autofree char *log = NULL;
    g_autoptr(GVariant) reply = NULL;
    g_autofree char *path = NULL;
    const char *p;
    GPid monitor;
    int status;

    if (!setup())
        return;
    log_path = g_build_filename(harness->dir, "monitor.log", NULL);
    {
        g_autofree char *script = g_strdup_printf("exec \"$0\" \"$@\" > '%s'", log_path);
        const char *argv[] = {"sh", "-c", script, "dbus-monitor", "--address",
                              harness->address,
                              "type='signal',interface='org.vnet1.Connect'",
                              "type='signal',interface='org.freedesktop.DBus.Properties'",
                              "type='signal',interface='org.vnet1.TestReady'", NULL};

        g_spawn_async(NULL, (char **)argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                          G_SPAWN_STDERR_TO_DEV_NULL,
                      vnetd_harness_child_setup, NULL, &monitor, &error);
        g_assert_no_error(error);
    }

    /* The monitor is listening once it sees our own signal. */
    for (guint i = 0; i < 500 && !file_contains(log_path, "org.vnet1.TestReady"); i++) {
        g_dbus_connection_emit_signal(harness->bus, NULL, "/test", "org.vnet1.TestReady",
                                      "Ready", NULL, NULL);
        g_dbus_connection_flush_sync(harness->bus, NULL, NULL);
        g_usleep(20 * 1000);
    }
    g_assert_true(file_contains(log_path, "org.vnet1.TestReady"));

    reply = vnetd_harness_call(harness, "/org/vnet1", "org.vnet1.Connect", "DefineDomain",
                               g_variant_new("(s)", domain_xml), "(o)", &error);
    g_assert_no_error(error);
    g_variant_get(reply, "(o)", &path);
    g_clear_pointer(&reply, g_variant_unref);
    reply = vnetd_harness_call(harness, path, "org.vnet1.Domain", "Start", NULL, "()", &error);
    g_assert_no_error(error);
    g_clear_pointer(&reply, g_variant_unref);
    reply = vnetd_harness_call(harness, path, "org.vnet1.Domain", "Destroy", NULL, "()", &error);
    g_assert_no_error(error);
    g_clear_pointer(&reply, g_variant_unref);

    for (guint i = 0; i < 500 && !file_contains(log_path, "\"stopped\""); i++)
        g_usleep(10 * 1000);
    kill(monitor, SIGTERM);
    waitpid(monitor, &status, 0);
    g_spawn_close_pid(monitor);
    /* reaped: the monitor (exec'd by the shell) has written all it will */

    g_assert_true(g_file_get_contents(log_path, &log, NULL, NULL));
    g_test_message("dbus-monitor saw:\n%s", log);
    /* DomainEvent(path, "defined"), then "started", then "stopped", in order. */
    p = strstr(log, "member=DomainEvent");
    g_assert_nonnull(p);
    g_assert_nonnull(strstr(p, path));
    p = strstr(p, "string \"defined\"");
    g_assert_nonnull(p);
    p = strstr(p, "string \"started\"");
    g_assert_nonnull(p);
    p = strstr(p, "string \"stopped\"");
    g_assert_nonnull(p);
    /* The domain's PropertiesChanged: Active went true. */
    p = strstr(log, "member=PropertiesChanged");
    g_assert_nonnull(p);
    g_assert_nonnull(strstr(p, "string \"Active\""));
    g_assert_nonnull(strstr(p, "boolean true"));
    teardown();
}

/* ---- vnsh over dbus:///session -------------------------------------------------- */

static char *
vnsh(gboolean must_succeed, int *ret_status, char **ret_err, const char *first, ...)
    G_GNUC_NULL_TERMINATED;

static char *
vnsh(gboolean must_succeed, int *ret_status, char **ret_err, const char *first, ...)
{
    g_autofree char *bin = vnetd_harness_builddir_path("tools/vnsh/vnsh");
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autofree char *err = NULL;
    char *out = NULL;
    va_list args;
    int status;

    g_ptr_array_add(argv, bin);
    g_ptr_array_add(argv, (char *)"-c");
    g_ptr_array_add(argv, (char *)"dbus:///session");
    va_start(args, first);
    for (const char *arg = first; arg; arg = va_arg(args, const char *))
        g_ptr_array_add(argv, (char *)arg);
    va_end(args);
    g_ptr_array_add(argv, NULL);
    status = vnetd_harness_run((const char *const *)argv->pdata, &out, &err);
    if (must_succeed && status != 0)
        g_error("vnsh %s exited with %d: %s%s", first, status, out, err);
    if (ret_status)
        *ret_status = status;
    if (ret_err)
        *ret_err = g_steal_pointer(&err);
    return out;
}

static void
test_vnsh(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dom_file = NULL;
    g_autofree char *net_file = NULL;
    g_autofree char *out = NULL;

    if (!setup())
        return;
    dom_file = g_build_filename(harness->dir, "tool1.xml", NULL);
    g_file_set_contents(dom_file, domain_xml, -1, &error);
    g_assert_no_error(error);
    net_file = g_build_filename(harness->dir, "natnet2.xml", NULL);
    g_file_set_contents(net_file,
                        "<network><name>natnet2</name><forward mode='nat'/>"
                        "<bridge name='vnbr-nat2'/>"
                        "<ip address='192.168.102.1' prefix='24'/></network>",
                        -1, &error);
    g_assert_no_error(error);

    /* A netns domain. */
    g_free(vnsh(TRUE, NULL, NULL, "define", dom_file, NULL));
    g_free(vnsh(TRUE, NULL, NULL, "start", "tool1", NULL));
    g_assert_true(netns_exists("tool1"));
    {
        g_autoptr(JsonNode) links = vnet_netns_ip_json("tool1", "link");
        JsonObject *eth0 = vnet_netns_find_link(links, "eth0");

        g_assert_nonnull(eth0);
        g_assert_cmpstr(json_object_get_string_member(eth0, "address"), ==,
                        "52:54:00:cc:00:01");
    }
    out = vnsh(TRUE, NULL, NULL, "list", "--all", NULL);
    g_assert_nonnull(strstr(out, "tool1"));
    g_assert_nonnull(strstr(out, "running"));
    g_clear_pointer(&out, g_free);
    out = vnsh(TRUE, NULL, NULL, "dumpxml", "tool1", NULL);
    g_assert_nonnull(strstr(out, "<domain type='netns'>"));
    g_assert_nonnull(strstr(out, "52:54:00:cc:00:01"));
    g_assert_nonnull(strstr(out, "<target dev='"));
    g_clear_pointer(&out, g_free);
    g_free(vnsh(TRUE, NULL, NULL, "destroy", "tool1", NULL));
    g_assert_false(netns_exists("tool1"));
    g_free(vnsh(TRUE, NULL, NULL, "undefine", "tool1", NULL));
    out = vnsh(TRUE, NULL, NULL, "list", "--all", NULL);
    g_assert_null(strstr(out, "tool1"));
    g_clear_pointer(&out, g_free);

    /* A NAT network. */
    g_free(vnsh(TRUE, NULL, NULL, "net-define", net_file, NULL));
    out = vnsh(TRUE, NULL, NULL, "net-list", "--all", NULL);
    g_assert_nonnull(strstr(out, "natnet2"));
    g_clear_pointer(&out, g_free);
    out = vnsh(TRUE, NULL, NULL, "net-dumpxml", "natnet2", NULL);
    g_assert_nonnull(strstr(out, "<forward mode='nat'"));
    g_clear_pointer(&out, g_free);
    g_free(vnsh(TRUE, NULL, NULL, "net-start", "natnet2", NULL));
    {
        g_autoptr(JsonNode) links = vnet_netns_ip_json(NULL, "link");
        JsonObject *bridge = vnet_netns_find_link(links, "vnbr-nat2");

        g_assert_nonnull(bridge);
        g_assert_cmpstr(json_object_get_string_member(
                            json_object_get_object_member(bridge, "linkinfo"), "info_kind"),
                        ==, "bridge");
    }
    out = vnsh(TRUE, NULL, NULL, "net-list", NULL);
    g_assert_nonnull(strstr(out, "natnet2"));
    g_assert_nonnull(strstr(out, "active"));
    g_clear_pointer(&out, g_free);
    g_free(vnsh(TRUE, NULL, NULL, "net-destroy", "natnet2", NULL));
    g_assert_false(vnet_netns_link_exists(NULL, "vnbr-nat2"));
    out = vnsh(TRUE, NULL, NULL, "net-list", NULL);
    g_assert_null(strstr(out, "natnet2"));
    g_clear_pointer(&out, g_free);
    g_free(vnsh(TRUE, NULL, NULL, "net-undefine", "natnet2", NULL));
    out = vnsh(TRUE, NULL, NULL, "net-list", "--all", NULL);
    g_assert_null(strstr(out, "natnet2"));
    teardown();
}

int
main(int argc, char **argv)
{
    g_autofree char *reason = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    if (vnet_netns_enter_private(&reason))
        harness = vnetd_harness_new(FALSE);
    g_test_add_func("/vnetd/tools/busctl-gdbus", test_busctl_gdbus);
    g_test_add_func("/vnetd/tools/introspect", test_introspect);
    g_test_add_func("/vnetd/tools/dbus-monitor", test_monitor);
    g_test_add_func("/vnetd/tools/vnsh", test_vnsh);
    ret = g_test_run();
    g_clear_pointer(&harness, vnetd_harness_free);
    return ret;
}
