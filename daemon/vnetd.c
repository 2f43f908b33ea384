/* vnetd.c: the D-Bus service of vnet — options, the bus, the name
 * org.vnet1, and a clean exit on SIGTERM that leaves running objects
 * running (the local driver's status files let the next vnetd find them).
 *
 *   vnetd                      system bus, local:///system
 *   vnetd --session            the session bus
 *   vnetd --root DIR           local:///?root=DIR (tests, demos)
 *   vnetd --bus-address ADDR   a bus given by address, with the system
 *                              bus's access rules (tests)
 */
#include <config.h>

#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "daemon/vnetd-introspection.h"
#include "vnetd.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

typedef struct {
    gboolean session;
    char *bus_address;
    char *root;
    char *uri;
    char *group;
    gboolean no_autostart;
    gboolean version;
} Options;

static void
options_clear(Options *opts)
{
    g_free(opts->bus_address);
    g_free(opts->root);
    g_free(opts->uri);
    g_free(opts->group);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Options, options_clear)

static gboolean
parse_options(int argc, char **argv, Options *opts, GError **error)
{
    const GOptionEntry entries[] = {
        {"session", 0, 0, G_OPTION_ARG_NONE, &opts->session,
         N_("Serve on the session bus (its owner may change things) instead of the system bus"),
         NULL},
        {"bus-address", 0, 0, G_OPTION_ARG_STRING, &opts->bus_address,
         N_("Serve on the bus at ADDRESS, with the system bus's access rules"), N_("ADDRESS")},
        {"root", 0, 0, G_OPTION_ARG_FILENAME, &opts->root,
         N_("Keep configuration and state under DIR (local:///?root=DIR)"), N_("DIR")},
        {"uri", 0, 0, G_OPTION_ARG_STRING, &opts->uri,
         N_("Serve the libvnet connection URI (default: local:///system)"), N_("URI")},
        {"group", 0, 0, G_OPTION_ARG_STRING, &opts->group,
         N_("Members of GROUP may change things on the system bus (default: vnet)"),
         N_("GROUP")},
        {"no-autostart", 0, 0, G_OPTION_ARG_NONE, &opts->no_autostart,
         N_("Do not start the networks and domains marked autostart"), NULL},
        {"version", 0, 0, G_OPTION_ARG_NONE, &opts->version, N_("Print the version and exit"),
         NULL},
        {NULL},
    };
    g_autoptr(GOptionContext) context = g_option_context_new(NULL);

    g_option_context_set_summary(context, _("The vnet D-Bus service (org.vnet1)."));
    g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
    if (!g_option_context_parse(context, &argc, &argv, error))
        return FALSE;
    if (argc > 1) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                    _("unexpected argument '%s'"), argv[1]);
        return FALSE;
    }
    if (opts->session && opts->bus_address) {
        g_set_error_literal(error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                            _("--session and --bus-address exclude each other"));
        return FALSE;
    }
    if (opts->root && opts->uri) {
        g_set_error_literal(error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                            _("--root and --uri exclude each other"));
        return FALSE;
    }
    if (opts->root && !g_path_is_absolute(opts->root)) {
        g_autofree char *cwd = g_get_current_dir();
        char *abs = g_build_filename(cwd, opts->root, NULL);

        g_free(opts->root);
        opts->root = abs;
    }
    return TRUE;
}

static GDBusConnection *
connect_bus(const Options *opts, GError **error)
{
    g_autofree char *address = NULL;

    if (opts->bus_address)
        address = g_strdup(opts->bus_address);
    else
        address = g_dbus_address_get_for_bus_sync(
            opts->session ? G_BUS_TYPE_SESSION : G_BUS_TYPE_SYSTEM, NULL, error);
    if (!address)
        return NULL;
    return g_dbus_connection_new_for_address_sync(
        address,
        G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
        NULL, NULL, error);
}

static gboolean
request_name(GDBusConnection *bus, GError **error)
{
    g_autoptr(GVariant) reply = NULL;
    guint32 result;

    /* DO_NOT_QUEUE (4): a second vnetd fails at once instead of waiting. */
    reply = g_dbus_connection_call_sync(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                        "org.freedesktop.DBus", "RequestName",
                                        g_variant_new("(su)", VNETD_BUS_NAME, 4),
                                        G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                        error);
    if (!reply)
        return FALSE;
    g_variant_get(reply, "(u)", &result);
    if (result != 1 && result != 4) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                    _("the name %s is already owned on this bus (is another vnetd running?)"),
                    VNETD_BUS_NAME);
        return FALSE;
    }
    return TRUE;
}

static gboolean
on_signal(gpointer user_data)
{
    g_main_loop_quit(user_data);
    return G_SOURCE_CONTINUE;
}

static void
on_bus_closed(GDBusConnection *bus, gboolean remote_peer_vanished, GError *error,
              gpointer user_data)
{
    g_message("the bus connection closed%s%s", error ? ": " : "", error ? error->message : "");
    g_main_loop_quit(user_data);
}

static GDBusNodeInfo *
load_info(const char *xml)
{
    g_autoptr(GError) error = NULL;
    GDBusNodeInfo *info = g_dbus_node_info_new_for_xml(xml, &error);

    /* Checked in and compiled in: a parse error is a build bug. */
    if (!info)
        g_error("embedded introspection XML: %s", error->message);
    return info;
}

static VnetdDaemon *
daemon_new(VnetConnection *conn, GDBusConnection *bus, const Options *opts)
{
    VnetdDaemon *daemon = g_new0(VnetdDaemon, 1);

    daemon->conn = conn;
    daemon->bus = bus;
    daemon->system_bus = !opts->session;
    daemon->group = g_strdup(opts->group ? opts->group : "vnet");
    daemon->connect_info = load_info(vnetd_connect_xml);
    daemon->domain_info = load_info(vnetd_domain_xml);
    daemon->network_info = load_info(vnetd_network_xml);
    g_mutex_init(&daemon->lock);
    g_mutex_init(&daemon->refresh_lock);
    daemon->domains =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)vnetd_object_free);
    daemon->networks =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)vnetd_object_free);
    daemon->uids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    daemon->pool = vnetd_job_pool_new(daemon);
    return daemon;
}

/* Waits for the jobs in flight (their replies still go out), then takes
 * everything off the bus. Running objects are left alone. */
static void
daemon_free(VnetdDaemon *daemon)
{
    vnetd_events_stop(daemon);
    g_thread_pool_free(daemon->pool, FALSE, TRUE);
    vnetd_access_unwatch(daemon);
    if (daemon->connect_reg)
        g_dbus_connection_unregister_object(daemon->bus, daemon->connect_reg);
    if (daemon->domain_reg)
        g_dbus_connection_unregister_subtree(daemon->bus, daemon->domain_reg);
    if (daemon->network_reg)
        g_dbus_connection_unregister_subtree(daemon->bus, daemon->network_reg);
    g_hash_table_unref(daemon->domains);
    g_hash_table_unref(daemon->networks);
    g_hash_table_unref(daemon->uids);
    g_mutex_clear(&daemon->lock);
    g_mutex_clear(&daemon->refresh_lock);
    g_dbus_node_info_unref(daemon->connect_info);
    g_dbus_node_info_unref(daemon->domain_info);
    g_dbus_node_info_unref(daemon->network_info);
    g_free(daemon->group);
    g_free(daemon);
}

static int
run(const Options *opts)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = NULL;
    g_autoptr(GDBusConnection) bus = NULL;
    g_autoptr(GMainLoop) loop = g_main_loop_new(NULL, FALSE);
    g_autofree char *uri = NULL;
    g_auto(GStrv) load_errors = NULL;
    VnetdDaemon *daemon;
    gulong closed_handler;
    gboolean ok;

    if (opts->root)
        uri = g_strdup_printf("local:///?root=%s", opts->root);
    else
        uri = g_strdup(opts->uri ? opts->uri : "local:///system");
    conn = vnet_connection_open_full(
        uri, opts->no_autostart ? VNET_CONNECTION_NONE : VNET_CONNECTION_AUTOSTART, &error);
    if (!conn) {
        g_printerr("vnetd: %s\n", error->message);
        return EXIT_FAILURE;
    }
    load_errors = vnet_connection_get_load_errors(conn);
    for (guint i = 0; load_errors[i]; i++)
        g_printerr("vnetd: %s\n", load_errors[i]);

    bus = connect_bus(opts, &error);
    if (!bus) {
        g_printerr("vnetd: connecting to the bus: %s\n", error->message);
        return EXIT_FAILURE;
    }
    g_dbus_connection_set_exit_on_close(bus, FALSE);

    daemon = daemon_new(conn, bus, opts);
    /* Events first, then the cache: an event that slips in between only
     * causes one refresh too many. */
    vnetd_events_start(daemon);
    vnetd_access_watch(daemon);
    ok = vnetd_refresh_all(daemon, &error) && vnetd_connect_register(daemon, &error) &&
         vnetd_domain_register(daemon, &error) && vnetd_network_register(daemon, &error) &&
         request_name(bus, &error);
    if (!ok) {
        g_printerr("vnetd: %s\n", error->message);
        daemon_free(daemon);
        return EXIT_FAILURE;
    }

    g_unix_signal_add(SIGTERM, on_signal, loop);
    g_unix_signal_add(SIGINT, on_signal, loop);
    closed_handler = g_signal_connect(bus, "closed", G_CALLBACK(on_bus_closed), loop);
    vnet_debug("vnetd", "serving %s as %s", uri, VNETD_BUS_NAME);
    g_main_loop_run(loop);

    vnet_debug("vnetd", "shutting down; running objects keep running");
    g_signal_handler_disconnect(bus, closed_handler);
    daemon_free(daemon);
    if (!g_dbus_connection_is_closed(bus)) {
        g_dbus_connection_flush_sync(bus, NULL, NULL);
        g_dbus_connection_close_sync(bus, NULL, NULL);
    }
    return EXIT_SUCCESS;
}

int
main(int argc, char **argv)
{
    g_auto(Options) opts = {0};
    g_autoptr(GError) error = NULL;

    setlocale(LC_ALL, "");
    vnet_i18n_init();
    /* A client that goes away mid-reply must not kill the service. */
    signal(SIGPIPE, SIG_IGN);
    if (!parse_options(argc, argv, &opts, &error)) {
        g_printerr("vnetd: %s\n", error->message);
        return 2;
    }
    if (opts.version) {
        g_print("vnetd %s\n", PACKAGE_VERSION);
        return EXIT_SUCCESS;
    }
    return run(&opts);
}
