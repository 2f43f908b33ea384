/* vnetd-harness.c: a private dbus-daemon and a vnetd on it (see .h). */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "vnetd-harness.h"

/* Everyone on the bus may own, call and watch everything: the tests check
 * vnetd's own access control, not the bus's policy. */
static const char bus_config[] =
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\"\n"
    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig>\n"
    "  <type>%s</type>\n"
    "  <listen>unix:path=%s/bus</listen>\n"
    "  <auth>EXTERNAL</auth>\n"
    "  <policy context=\"default\">\n"
    "    <allow user=\"*\"/>\n"
    "    <allow own=\"*\"/>\n"
    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
    "    <allow receive_sender=\"*\"/>\n"
    "    <allow eavesdrop=\"true\"/>\n"
    "  </policy>\n"
    "</busconfig>\n";

/* A test that aborts must not leave its bus and vnetd behind (they would
 * also keep the harness's output pipes open). */
void
vnetd_harness_child_setup(gpointer data)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
}

char *
vnetd_harness_builddir_path(const char *rel)
{
    const char *top = g_getenv("VNET_TOP_BUILDDIR");

    return g_build_filename(top ? top : ".", rel, NULL);
}

int
vnetd_harness_run(const char *const *argv, char **ret_out, char **ret_err)
{
    return vnet_test_run_full(argv, ret_out, ret_err);
}

static char *
read_line(int fd)
{
    GString *line = g_string_new(NULL);
    char c;

    /* The address comes first on the bus's stdout, ended by '\n'. */
    for (;;) {
        ssize_t n = read(fd, &c, 1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        g_string_append_c(line, c);
    }
    return g_string_free(line, FALSE);
}

VnetdHarness *
vnetd_harness_new(gboolean system)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *conf_path = NULL;
    g_autofree char *conf = NULL;
    g_autofree char *config_arg = NULL;
    const char *daemon_bin = g_getenv("VNET_DBUS_DAEMON");
    VnetdHarness *h = g_new0(VnetdHarness, 1);
    int out_fd;

    h->system = system;
    h->dir = g_dir_make_tmp("vnetd-test-XXXXXX", &error);
    g_assert_no_error(error);
    /* The unprivileged user of the access tests must reach the socket. */
    g_assert_cmpint(chmod(h->dir, 0755), ==, 0);
    vnetd_harness_fresh_root(h);
    conf_path = g_build_filename(h->dir, "bus.conf", NULL);
    conf = g_strdup_printf(bus_config, system ? "system" : "session", h->dir);
    g_file_set_contents(conf_path, conf, -1, &error);
    g_assert_no_error(error);

    config_arg = g_strdup_printf("--config-file=%s", conf_path);
    {
        const char *argv[] = {daemon_bin && *daemon_bin ? daemon_bin : "dbus-daemon",
                              config_arg, "--nofork", "--print-address=1", NULL};

        g_spawn_async_with_pipes(NULL, (char **)argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                     G_SPAWN_STDERR_TO_DEV_NULL,
                                 vnetd_harness_child_setup, NULL,
                                 &h->bus_pid, NULL, &out_fd, NULL, &error);
        g_assert_no_error(error);
    }
    h->address = read_line(out_fd);
    close(out_fd);
    g_assert_cmpstr(h->address, !=, "");
    g_setenv(system ? "DBUS_SYSTEM_BUS_ADDRESS" : "DBUS_SESSION_BUS_ADDRESS", h->address, TRUE);

    h->bus = g_dbus_connection_new_for_address_sync(
        h->address,
        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
        NULL, NULL, &error);
    g_assert_no_error(error);
    g_dbus_connection_set_exit_on_close(h->bus, FALSE);
    return h;
}

void
vnetd_harness_fresh_root(VnetdHarness *h)
{
    g_free(h->root);
    h->root = g_strdup_printf("%s/root-%u", h->dir, ++h->n_roots);
}

static gboolean
name_has_owner(VnetdHarness *h)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GVariant) reply = g_dbus_connection_call_sync(
        h->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "NameHasOwner", g_variant_new("(s)", "org.vnet1"), G_VARIANT_TYPE("(b)"),
        G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    gboolean ret;

    g_assert_no_error(error);
    g_variant_get(reply, "(b)", &ret);
    return ret;
}

void
vnetd_harness_start_vnetd(VnetdHarness *h, const char *const *extra_args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *bin = vnetd_harness_builddir_path("daemon/vnetd");

    g_assert_cmpint(h->vnetd_pid, ==, 0);
    g_ptr_array_add(argv, g_strdup(bin));
    if (h->system) {
        g_ptr_array_add(argv, g_strdup("--bus-address"));
        g_ptr_array_add(argv, g_strdup(h->address));
    } else {
        g_ptr_array_add(argv, g_strdup("--session"));
    }
    g_ptr_array_add(argv, g_strdup("--root"));
    g_ptr_array_add(argv, g_strdup(h->root));
    for (guint i = 0; extra_args && extra_args[i]; i++)
        g_ptr_array_add(argv, g_strdup(extra_args[i]));
    g_ptr_array_add(argv, NULL);
    g_spawn_async(NULL, (char **)argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, vnetd_harness_child_setup,
                  NULL, &h->vnetd_pid, &error);
    g_assert_no_error(error);

    for (guint i = 0; i < 1000; i++) {
        int status;

        if (name_has_owner(h))
            return;
        if (waitpid(h->vnetd_pid, &status, WNOHANG) == h->vnetd_pid) {
            h->vnetd_pid = 0;
            g_error("vnetd exited before owning org.vnet1 (status %d)", status);
        }
        g_usleep(10 * 1000);
    }
    g_error("vnetd did not own org.vnet1 within 10 s");
}

int
vnetd_harness_kill_vnetd(VnetdHarness *h, int sig)
{
    int status = 0;

    g_assert_cmpint(h->vnetd_pid, >, 0);
    kill(h->vnetd_pid, sig);
    while (waitpid(h->vnetd_pid, &status, 0) < 0 && errno == EINTR)
        ;
    h->vnetd_pid = 0;
    /* The bus notices the disconnection on its own time. */
    for (guint i = 0; i < 500 && name_has_owner(h); i++)
        g_usleep(10 * 1000);
    return status;
}

int
vnetd_harness_stop_vnetd_checked(VnetdHarness *h)
{
    int status = vnetd_harness_kill_vnetd(h, SIGTERM);

    /* SIGTERM is a clean exit. */
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    return status;
}

void
vnetd_harness_free(VnetdHarness *h)
{
    g_autofree char *cmd = NULL;
    int status;

    if (!h)
        return;
    if (h->vnetd_pid)
        vnetd_harness_stop_vnetd_checked(h);
    g_clear_object(&h->bus);
    if (h->bus_pid) {
        kill(h->bus_pid, SIGTERM);
        waitpid(h->bus_pid, &status, 0);
    }
    cmd = g_strdup_printf("rm -rf '%s'", h->dir);
    g_assert_cmpint(system(cmd), ==, 0);
    g_free(h->dir);
    g_free(h->root);
    g_free(h->address);
    g_free(h);
}

GVariant *
vnetd_harness_call(VnetdHarness *h, const char *path, const char *iface, const char *method,
                   GVariant *params, const char *reply_type, GError **error)
{
    return g_dbus_connection_call_sync(h->bus, "org.vnet1", path, iface, method, params,
                                       reply_type ? G_VARIANT_TYPE(reply_type) : NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, error);
}

char *
vnetd_harness_path(const char *kind, const char *uuid)
{
    g_autofree char *node = g_strdelimit(g_strdup(uuid), "-", '_');

    return g_strdup_printf("/org/vnet1/%s/%s", kind, node);
}
