/* libvnet-connection.c: public entry points for connections and events. */
#include <config.h>

#include "libvnet-private.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

/**
 * vnet_connection_open:
 * @uri: (nullable): the driver URI, or %NULL for the default
 * @error: return location for a #GError
 *
 * Opens a connection without flags.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set.
 */
VnetConnection *
vnet_connection_open(const char *uri, GError **error)
{
    return vnet_connection_open_full(uri, VNET_CONNECTION_NONE, error);
}

/**
 * vnet_connection_open_full:
 * @uri: (nullable): the driver URI, or %NULL for the default
 * @flags: #VnetConnectionFlags
 * @error: return location for a #GError
 *
 * Resolves the default URI, finds the driver for the scheme and opens it.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set.
 */
VnetConnection *
vnet_connection_open_full(const char *uri, VnetConnectionFlags flags, GError **error)
{
    g_autoptr(VnetUri) parsed = NULL;
    g_autofree char *default_uri = NULL;
    const VnetDriver *driver;
    VnetConnection *conn;

    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    vnet_i18n_init();

    if (!uri)
        uri = default_uri = vnet_connection_get_default_uri();
    parsed = vnet_uri_parse(uri, error);
    if (!parsed)
        return NULL;
    driver = vnet_driver_find(parsed->scheme);
    if (!driver) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': unknown driver '%s' (known: test, local, dbus)"), uri,
                    parsed->scheme);
        return NULL;
    }

    conn = g_new0(VnetConnection, 1);
    g_atomic_ref_count_init(&conn->ref);
    g_rec_mutex_init(&conn->lock);
    conn->driver = driver;
    conn->bus = vnet_event_bus_new(conn);
    conn->drv = driver->open(parsed, flags, conn->bus, error);
    if (!conn->drv) {
        vnet_event_bus_free(conn->bus);
        g_rec_mutex_clear(&conn->lock);
        g_free(conn);
        return NULL;
    }
    conn->uri = g_steal_pointer(&parsed);
    vnet_debug("api", "opened %s", conn->uri->canonical);
    return conn;
}

/**
 * vnet_connection_ref:
 * @conn: a connection
 *
 * Returns: (transfer full): @conn.
 */
VnetConnection *
vnet_connection_ref(VnetConnection *conn)
{
    g_return_val_if_fail(conn, NULL);
    g_atomic_ref_count_inc(&conn->ref);
    return conn;
}

/**
 * vnet_connection_close:
 * @conn: (nullable): a connection
 *
 * Drops a reference; the last one closes the driver (which leaves running
 * objects running).
 */
void
vnet_connection_close(VnetConnection *conn)
{
    if (!conn || !g_atomic_ref_count_dec(&conn->ref))
        return;
    vnet_debug("api", "closing %s", conn->uri->canonical);
    conn->driver->close(conn->drv);
    vnet_event_bus_free(conn->bus);
    vnet_uri_free(conn->uri);
    g_rec_mutex_clear(&conn->lock);
    g_free(conn);
}

/**
 * vnet_connection_get_uri:
 * @conn: a connection
 *
 * Returns: (transfer none): the canonical URI.
 */
const char *
vnet_connection_get_uri(VnetConnection *conn)
{
    g_return_val_if_fail(conn, NULL);
    return conn->uri->canonical;
}

/**
 * vnet_connection_get_driver_name:
 * @conn: a connection
 *
 * Returns: (transfer none): the driver's name.
 */
const char *
vnet_connection_get_driver_name(VnetConnection *conn)
{
    g_return_val_if_fail(conn, NULL);
    return conn->driver->name;
}

/**
 * vnet_connection_get_load_errors:
 * @conn: a connection
 *
 * Returns: (transfer full): the problems met while opening (g_strfreev()).
 */
char **
vnet_connection_get_load_errors(VnetConnection *conn)
{
    g_return_val_if_fail(conn, NULL);
    VNET_CONNECTION_LOCKED(conn);
    return conn->driver->get_load_errors(conn->drv);
}

/**
 * vnet_connection_subscribe:
 * @conn: a connection
 * @callback: called for each event
 * @user_data: for @callback
 * @notify: (nullable): frees @user_data
 *
 * Subscribes to lifecycle events, delivered in the caller's thread-default
 * main context. The subscription holds a reference to @conn until
 * vnet_connection_unsubscribe().
 *
 * Returns: the subscription id.
 */
guint
vnet_connection_subscribe(VnetConnection *conn, VnetEventCallback callback, gpointer user_data,
                          GDestroyNotify notify)
{
    g_return_val_if_fail(conn, 0);
    g_return_val_if_fail(callback, 0);
    return vnet_event_bus_subscribe(conn->bus, callback, user_data, notify);
}

/**
 * vnet_connection_unsubscribe:
 * @conn: a connection
 * @id: a subscription id
 *
 * Ends a subscription.
 */
void
vnet_connection_unsubscribe(VnetConnection *conn, guint id)
{
    g_return_if_fail(conn);
    vnet_event_bus_unsubscribe(conn->bus, id);
}

/**
 * vnet_connection_lock:
 * @conn: a connection
 *
 * Takes the connection lock unless the driver is thread-safe by itself.
 */
void
vnet_connection_lock(VnetConnection *conn)
{
    if (!(conn->driver->flags & VNET_DRIVER_THREAD_SAFE))
        g_rec_mutex_lock(&conn->lock);
}

/**
 * vnet_connection_unlock:
 * @conn: a connection
 *
 * Releases what vnet_connection_lock() took.
 */
void
vnet_connection_unlock(VnetConnection *conn)
{
    if (!(conn->driver->flags & VNET_DRIVER_THREAD_SAFE))
        g_rec_mutex_unlock(&conn->lock);
}

/**
 * vnet_api_parse_uuid:
 * @str: a UUID argument
 * @ret: (out): the parsed UUID
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with %VNET_ERROR_INVALID_ARG.
 */
gboolean
vnet_api_parse_uuid(const char *str, VnetUuid *ret, GError **error)
{
    if (vnet_uuid_parse(str, ret) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG, _("'%s' is not a UUID"), str);
        return FALSE;
    }
    return TRUE;
}
