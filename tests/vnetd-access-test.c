/* vnetd-access-test.c: access control on a system-like bus.
 *
 * A private dbus-daemon configured like a system bus, reachable by every
 * local user; vnetd on it with --bus-address (system rules) and --group
 * naming a group this test creates. Two users are created for the test
 * (removed at the end): one outside the group, one in it. As the outsider
 * (setpriv/runuser, real tools and the C API over dbus:///system), reading
 * works and every change is refused with
 * org.freedesktop.DBus.Error.AccessDenied, and the host does not change;
 * the member may change things. */
#include <config.h>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "netns-helper.h"
#include "test-util.h"
#include "vnetd-harness.h"

static VnetdHarness *harness;
static char *outsider;  /* user not in the group */
static char *member;    /* user in the group */
static char *group;     /* vnetd --group */
static char *client;    /* a copy of this program every user may run */
static char *running_path;  /* domain acc1, started by root */
static char *stopped_path;  /* domain acc2, defined, not running */

static const char new_domain_xml[] = "<domain type='netns'><name>acc3</name></domain>";

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

/* Runs argv as @user (uid and primary gid; supplementary groups from the
 * user database are what vnetd checks, not the process's). */
static int
run_as(const char *user, const char *const *argv, char **ret_out, char **ret_err)
{
    g_autoptr(GPtrArray) full = g_ptr_array_new_with_free_func(g_free);
    struct passwd *pw = getpwnam(user);

    g_assert_nonnull(pw);
    g_ptr_array_add(full, g_strdup("setpriv"));
    g_ptr_array_add(full, g_strdup_printf("--reuid=%u", (unsigned)pw->pw_uid));
    g_ptr_array_add(full, g_strdup_printf("--regid=%u", (unsigned)pw->pw_gid));
    g_ptr_array_add(full, g_strdup("--clear-groups"));
    g_ptr_array_add(full, g_strdup("env"));
    g_ptr_array_add(full, g_strdup_printf("DBUS_SYSTEM_BUS_ADDRESS=%s", harness->address));
    for (guint i = 0; argv[i]; i++)
        g_ptr_array_add(full, g_strdup(argv[i]));
    g_ptr_array_add(full, NULL);
    return vnetd_harness_run((const char *const *)full->pdata, ret_out, ret_err);
}

static char *
run_as_ok(const char *user, const char *const *argv)
{
    g_autofree char *err = NULL;
    char *out = NULL;
    int status = run_as(user, argv, &out, &err);

    if (status != 0)
        g_error("%s as %s exited with %d: %s%s", argv[0], user, status, out, err);
    return out;
}

/* gdbus as @user must fail with AccessDenied naming the method. */
static void
assert_denied(const char *user, const char *path, const char *method, const char *arg)
{
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *expected = NULL;
    const char *argv[] = {"gdbus", "call", "--system", "--dest", "org.vnet1",
                          "--object-path", path, "--method", method, arg, NULL};

    g_assert_cmpint(run_as(user, argv, &out, &err), !=, 0);
    g_test_message("%s: %s", method, err);
    g_assert_nonnull(strstr(err, "GDBus.Error:org.freedesktop.DBus.Error.AccessDenied: "));
    expected = g_strdup_printf("%s on %s: user '%s'", strrchr(method, '.') + 1, path, user);
    g_assert_nonnull(strstr(err, expected));
}

static void
test_outsider_tools(void)
{
    g_autofree char *out = NULL;
    g_autofree char *address_arg = NULL;

    if (!harness) {
        g_test_skip("needs root (namespaces, users)");
        return;
    }
    address_arg = g_strdup_printf("--address=%s", harness->address);

    /* Reading is open. */
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", "/org/vnet1",
                              "org.vnet1.Connect", "ListDomains", "u", "0", NULL};

        out = run_as_ok(outsider, argv);
    }
    g_assert_true(g_str_has_prefix(out, "ao 2 "));
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"busctl", address_arg, "get-property", "org.vnet1",
                              running_path, "org.vnet1.Domain", "Active", NULL};

        out = run_as_ok(outsider, argv);
    }
    g_assert_cmpstr(out, ==, "b true\n");
    g_clear_pointer(&out, g_free);
    {
        const char *argv[] = {"gdbus", "call", "--system", "--dest", "org.vnet1",
                              "--object-path", running_path, "--method",
                              "org.vnet1.Domain.GetXML", "0", NULL};

        out = run_as_ok(outsider, argv);
    }
    g_assert_nonnull(strstr(out, "acc1"));
    g_clear_pointer(&out, g_free);

    /* Changing is not. */
    assert_denied(outsider, "/org/vnet1", "org.vnet1.Connect.DefineDomain", new_domain_xml);
    assert_denied(outsider, "/org/vnet1", "org.vnet1.Connect.DefineNetwork",
                  "<network><name>accnet</name></network>");
    assert_denied(outsider, stopped_path, "org.vnet1.Domain.Start", NULL);
    assert_denied(outsider, running_path, "org.vnet1.Domain.Destroy", NULL);
    assert_denied(outsider, stopped_path, "org.vnet1.Domain.Undefine", NULL);
    assert_denied(outsider, stopped_path, "org.vnet1.Domain.SetAutostart", "true");
    /* busctl too, with the bus's own credentials of the caller. */
    {
        g_autofree char *err = NULL;
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", stopped_path,
                              "org.vnet1.Domain", "Start", NULL};

        g_assert_cmpint(run_as(outsider, argv, &out, &err), !=, 0);
        g_test_message("busctl: %s", err);
        g_assert_nonnull(strstr(err, "Access denied"));
        g_clear_pointer(&out, g_free);
    }

    /* Nothing changed on the host. */
    g_assert_true(netns_exists("acc1"));
    g_assert_false(netns_exists("acc2"));
    g_assert_false(netns_exists("acc3"));
    {
        g_autoptr(GError) error = NULL;
        g_autoptr(GVariant) list = vnetd_harness_call(harness, "/org/vnet1", "org.vnet1.Connect",
                                                      "ListDomains", g_variant_new("(u)", 0),
                                                      "(ao)", &error);
        g_autoptr(GVariant) paths = NULL;

        g_assert_no_error(error);
        paths = g_variant_get_child_value(list, 0);
        g_assert_cmpuint(g_variant_n_children(paths), ==, 2);
    }
}

/* The C API over dbus:///system, run by this same program as the
 * outsider: reading works, changing fails with VNET_ERROR_ACCESS_DENIED. */
static int
client_main(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = vnet_connection_open("dbus:///system", &error);
    g_autoptr(VnetDomain) dom = NULL;
    g_auto(GStrv) names = NULL;

    if (!conn) {
        g_printerr("open: %s\n", error->message);
        return 10;
    }
    names = vnet_connection_list_domain_names(conn, 0, &error);
    if (!names || g_strv_length(names) != 2) {
        g_printerr("list: %s\n", error ? error->message : "not 2 domains");
        return 11;
    }
    if (vnet_domain_define_xml(conn, new_domain_xml, &error) ||
        !g_error_matches(error, VNET_ERROR, VNET_ERROR_ACCESS_DENIED)) {
        g_printerr("define was not denied: %s\n", error ? error->message : "succeeded");
        return 12;
    }
    g_print("define: %s\n", error->message);
    g_clear_error(&error);
    dom = vnet_domain_lookup_by_name(conn, "acc1", &error);
    if (!dom || vnet_domain_is_active(dom, NULL) != 1) {
        g_printerr("lookup acc1: %s\n", error ? error->message : "not running");
        return 13;
    }
    if (vnet_domain_destroy(dom, &error) ||
        !g_error_matches(error, VNET_ERROR, VNET_ERROR_ACCESS_DENIED)) {
        g_printerr("destroy was not denied: %s\n", error ? error->message : "succeeded");
        return 14;
    }
    g_print("destroy: %s\n", error->message);
    return 0;
}

static void
test_outsider_c_api(void)
{
    g_autofree char *out = NULL;

    if (!harness) {
        g_test_skip("needs root (namespaces, users)");
        return;
    }
    {
        const char *argv[] = {client, "--unprivileged-client", NULL};

        out = run_as_ok(outsider, argv);
    }
    g_test_message("%s", out);
    g_assert_nonnull(strstr(out, "define: DefineDomain on /org/vnet1: user '"));
    g_assert_nonnull(strstr(out, "destroy: Destroy on /org/vnet1/domain/"));
    g_assert_true(netns_exists("acc1"));
}

static void
test_member(void)
{
    g_autofree char *out = NULL;
    g_autofree char *path = NULL;
    g_autofree char *address_arg = NULL;

    if (!harness) {
        g_test_skip("needs root (namespaces, users)");
        return;
    }
    address_arg = g_strdup_printf("--address=%s", harness->address);
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", "/org/vnet1",
                              "org.vnet1.Connect", "DefineDomain", "s", new_domain_xml, NULL};

        out = run_as_ok(member, argv);
    }
    path = g_strndup(strchr(out, '"') + 1, strrchr(out, '"') - strchr(out, '"') - 1);
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", path,
                              "org.vnet1.Domain", "Start", NULL};

        g_free(run_as_ok(member, argv));
    }
    g_assert_true(netns_exists("acc3"));
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", path,
                              "org.vnet1.Domain", "Destroy", NULL};

        g_free(run_as_ok(member, argv));
    }
    g_assert_false(netns_exists("acc3"));
    {
        const char *argv[] = {"busctl", address_arg, "call", "org.vnet1", path,
                              "org.vnet1.Domain", "Undefine", NULL};

        g_free(run_as_ok(member, argv));
    }
}

/* ---- set-up: users, group, vnetd, two domains ------------------------------------ */

static void
sh(const char *format, ...) G_GNUC_PRINTF(1, 2);

static void
sh(const char *format, ...)
{
    g_autofree char *cmd = NULL;
    va_list args;

    va_start(args, format);
    cmd = g_strdup_vprintf(format, args);
    va_end(args);
    if (system(cmd) != 0)
        g_error("'%s' failed", cmd);
}

static char *
define(const char *xml, gboolean start)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GVariant) reply = vnetd_harness_call(harness, "/org/vnet1", "org.vnet1.Connect",
                                                   "DefineDomain", g_variant_new("(s)", xml),
                                                   "(o)", &error);
    char *path;

    g_assert_no_error(error);
    g_variant_get(reply, "(o)", &path);
    if (start) {
        g_autoptr(GVariant) done = vnetd_harness_call(harness, path, "org.vnet1.Domain", "Start",
                                                      NULL, "()", &error);

        g_assert_no_error(error);
    }
    return path;
}

/* A failed assertion aborts: still remove the users and group. */
static void
on_abort(int sig)
{
    if (outsider) {
        g_autofree char *cmd = g_strdup_printf("userdel '%s'; userdel '%s'; groupdel '%s'",
                                               outsider, member, group);

        if (system(cmd) != 0)
            g_printerr("could not remove the test users\n");
    }
    signal(SIGABRT, SIG_DFL);
    abort();
}

static void
setup(void)
{
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *group_arg = NULL;
    guint pid = (guint)getpid();

    outsider = g_strdup_printf("vnettu%u", pid);
    member = g_strdup_printf("vnettm%u", pid);
    group = g_strdup_printf("vnettg%u", pid);
    signal(SIGABRT, on_abort);
    sh("groupadd '%s'", group);
    sh("useradd -M -N -s /bin/false '%s'", outsider);
    sh("useradd -M -N -s /bin/false -G '%s' '%s'", group, member);

    harness = vnetd_harness_new(TRUE);
    client = g_build_filename(harness->dir, "client", NULL);
    sh("cp '%s' '%s' && chmod 755 '%s'", self, client, client);
    group_arg = g_strdup_printf("--group=%s", group);
    {
        const char *args[] = {group_arg, NULL};

        vnetd_harness_start_vnetd(harness, args);
    }
    running_path = define("<domain type='netns'><name>acc1</name><devices>"
                          "<interface type='ethernet'/></devices></domain>",
                          TRUE);
    stopped_path = define("<domain type='netns'><name>acc2</name></domain>", FALSE);
}

static void
cleanup(void)
{
    g_clear_pointer(&harness, vnetd_harness_free);
    if (outsider) {
        sh("userdel '%s'", outsider);
        sh("userdel '%s'", member);
        sh("groupdel '%s'", group);
    }
}

int
main(int argc, char **argv)
{
    g_autofree char *reason = NULL;
    g_autofree char *useradd = g_find_program_in_path("useradd");
    int ret;

    if (argc == 2 && g_str_equal(argv[1], "--unprivileged-client"))
        return client_main();
    g_test_init(&argc, &argv, NULL);
    if (vnet_netns_enter_private(&reason) && useradd)
        setup();
    g_test_add_func("/vnetd/access/outsider-tools", test_outsider_tools);
    g_test_add_func("/vnetd/access/outsider-c-api", test_outsider_c_api);
    g_test_add_func("/vnetd/access/group-member", test_member);
    ret = g_test_run();
    cleanup();
    g_free(outsider);
    g_free(member);
    g_free(group);
    g_free(client);
    g_free(running_path);
    g_free(stopped_path);
    return ret;
}
