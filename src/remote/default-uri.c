/* default-uri.c: which URI a client without one should use — vnetd's when
 * it runs and the caller is not root (it could not change the host through
 * the local driver anyway), else the local driver. */
#include <config.h>

#include <unistd.h>

#include <gio/gio.h>

#include "remote/driver-dbus.h"
#include "util/vnet-log.h"

/* Whether org.vnet1 has an owner on the system bus, asked briefly: a client
 * starting up must not hang on a bus that does not answer. */
static gboolean
vnetd_on_system_bus(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *address = NULL;
    g_autoptr(GDBusConnection) bus = NULL;
    g_autoptr(GVariant) reply = NULL;
    gboolean has_owner = FALSE;

    address = g_dbus_address_get_for_bus_sync(G_BUS_TYPE_SYSTEM, NULL, &error);
    if (address)
        bus = g_dbus_connection_new_for_address_sync(
            address,
            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
            NULL, NULL, &error);
    if (bus)
        reply = g_dbus_connection_call_sync(
            bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
            "NameHasOwner", g_variant_new("(s)", "org.vnet1"), G_VARIANT_TYPE("(b)"),
            G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
    if (reply)
        g_variant_get(reply, "(b)", &has_owner);
    else
        vnet_debug("driver", "no vnetd on the system bus: %s", error->message);
    if (bus)
        g_dbus_connection_close_sync(bus, NULL, NULL);
    return has_owner;
}

/**
 * vnet_connection_get_default_uri:
 *
 * The URI a client that was given none should open: $VNET_DEFAULT_URI when
 * set and not empty; else "dbus:///system" when the caller is not root and
 * vnetd (org.vnet1) has an owner on the system bus; else
 * %VNET_BUILTIN_DEFAULT_URI.
 *
 * Returns: (transfer full): the URI (g_free()).
 */
char *
vnet_connection_get_default_uri(void)
{
    const char *env = g_getenv(VNET_DEFAULT_URI_ENV);

    if (env && *env)
        return g_strdup(env);
    if (geteuid() != 0 && vnetd_on_system_bus())
        return g_strdup("dbus:///system");
    return g_strdup(VNET_BUILTIN_DEFAULT_URI);
}
