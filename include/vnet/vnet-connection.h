/* vnet-connection.h: connections to a vnet driver, and their events.
 *
 * A #VnetConnection is opened by URI and gives access to the domains and
 * networks of one driver:
 *
 *   test:///default      in memory; touches nothing on the host and starts
 *                        with one example network ("default") and one
 *                        example domain ("test")
 *   local:///system      the in-process driver with the system's folders:
 *                        config /etc/vnet, state /var/lib/vnet, runtime
 *                        /run/vnet (needs root to change the host)
 *   local:///?root=DIR   the same driver with config, state and runtime
 *                        folders under DIR (DIR/etc, DIR/lib, DIR/run): the
 *                        embedded mode for demos and tests
 *
 * Query parameters of local URIs: root=DIR (absolute path) and
 * autostart=1 (same as %VNET_CONNECTION_AUTOSTART).
 *
 * Every call may be made from any thread; several threads may share one
 * connection. Every failure is reported as a #GError in the %VNET_ERROR
 * domain.
 */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * VnetConnection:
 *
 * An open connection to a driver (opaque, reference counted). Domain and
 * network handles keep their connection alive.
 */
typedef struct _VnetConnection VnetConnection;

/**
 * VNET_DEFAULT_URI_ENV:
 *
 * The environment variable that names the URI vnet_connection_open() uses
 * when it is given %NULL.
 */
#define VNET_DEFAULT_URI_ENV "VNET_DEFAULT_URI"

/**
 * VNET_BUILTIN_DEFAULT_URI:
 *
 * The URI used when the caller passes %NULL and #VNET_DEFAULT_URI_ENV is
 * unset or empty.
 */
#define VNET_BUILTIN_DEFAULT_URI "local:///system"

/**
 * vnet_connection_get_default_uri:
 *
 * The URI vnet_connection_open() uses when given %NULL: the value of
 * #VNET_DEFAULT_URI_ENV when set and not empty; else "dbus:///system" when
 * the caller is not root and vnetd (org.vnet1) owns its name on the system
 * bus; else #VNET_BUILTIN_DEFAULT_URI.
 *
 * Returns: (transfer full): the URI; free with g_free().
 */
char *vnet_connection_get_default_uri(void);

/**
 * VnetConnectionFlags:
 * @VNET_CONNECTION_NONE: no flag
 * @VNET_CONNECTION_AUTOSTART: start every network, then every domain, that
 *   is marked autostart and not yet running, while opening (local driver;
 *   a no-op for test:///). Failures to start do not fail the open: they are
 *   reported by vnet_connection_get_load_errors() and as
 *   %VNET_EVENT_FAILED events.
 *
 * Flags of vnet_connection_open_full().
 */
typedef enum {
    VNET_CONNECTION_NONE = 0,
    VNET_CONNECTION_AUTOSTART = 1 << 0,
} VnetConnectionFlags;

/**
 * vnet_connection_open:
 * @uri: (nullable): the URI of the driver, or %NULL for the default (see
 *   vnet_connection_get_default_uri())
 * @error: return location for a #GError
 *
 * Opens a connection. Same as vnet_connection_open_full() with no flags.
 *
 * Returns: (transfer full): a new connection, or %NULL with @error set:
 *   %VNET_ERROR_INVALID_URI for a malformed or unknown URI.
 */
VnetConnection *vnet_connection_open(const char *uri, GError **error);

/**
 * vnet_connection_open_full:
 * @uri: (nullable): the URI, as for vnet_connection_open()
 * @flags: #VnetConnectionFlags
 * @error: return location for a #GError
 *
 * Opens a connection. For the local driver this creates the config, state
 * and runtime folders when missing, loads every definition (a file that
 * cannot be read is skipped and reported by
 * vnet_connection_get_load_errors(); it is never changed or deleted) and
 * every status file of a running object (an object whose host side is gone
 * is cleaned up and marked shut off).
 *
 * Returns: (transfer full): a new connection, or %NULL with @error set.
 */
VnetConnection *vnet_connection_open_full(const char *uri, VnetConnectionFlags flags,
                                          GError **error);

/**
 * vnet_connection_ref:
 * @conn: a connection
 *
 * Returns: (transfer full): @conn, with one more reference.
 */
VnetConnection *vnet_connection_ref(VnetConnection *conn);

/**
 * vnet_connection_close:
 * @conn: (nullable) (transfer full): a connection
 *
 * Drops the caller's reference. Running objects keep running: closing a
 * connection never tears anything down. Domain and network handles and
 * event subscriptions hold their own references (as in libvirt, a
 * subscription keeps the connection open until
 * vnet_connection_unsubscribe()); the driver is closed when the last one
 * is gone.
 */
void vnet_connection_close(VnetConnection *conn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetConnection, vnet_connection_close)

/**
 * vnet_connection_get_uri:
 * @conn: a connection
 *
 * Returns: (transfer none): the canonical URI of @conn, e.g.
 *   "local:///?root=/tmp/demo" (valid as long as @conn).
 */
const char *vnet_connection_get_uri(VnetConnection *conn);

/**
 * vnet_connection_get_driver_name:
 * @conn: a connection
 *
 * Returns: (transfer none): the driver's name: "test" or "local".
 */
const char *vnet_connection_get_driver_name(VnetConnection *conn);

/**
 * vnet_connection_get_load_errors:
 * @conn: a connection
 *
 * Lists what went wrong while opening: a definition or status file that
 * could not be read or parsed (each message starts with the file's path and
 * says it was skipped), or an autostart that failed.
 *
 * Returns: (transfer full): a %NULL-terminated array of messages, empty when
 *   everything loaded; free it with g_strfreev().
 */
char **vnet_connection_get_load_errors(VnetConnection *conn);

/* ---- events ------------------------------------------------------------ */

/**
 * VnetObjectKind:
 * @VNET_OBJECT_DOMAIN: a domain
 * @VNET_OBJECT_NETWORK: a network
 *
 * The kind of object an event is about.
 */
typedef enum {
    VNET_OBJECT_DOMAIN = 1,
    VNET_OBJECT_NETWORK = 2,
} VnetObjectKind;

/**
 * VnetEventType:
 * @VNET_EVENT_DEFINED: a persistent definition was added or replaced
 * @VNET_EVENT_UNDEFINED: a persistent definition was removed
 * @VNET_EVENT_STARTED: the object was started
 * @VNET_EVENT_STOPPED: the object was stopped (destroyed, or found gone)
 * @VNET_EVENT_FAILED: a start failed and was rolled back; the event's
 *   detail is the error message
 *
 * Lifecycle events.
 */
typedef enum {
    VNET_EVENT_DEFINED = 1,
    VNET_EVENT_UNDEFINED = 2,
    VNET_EVENT_STARTED = 3,
    VNET_EVENT_STOPPED = 4,
    VNET_EVENT_FAILED = 5,
} VnetEventType;

/**
 * VnetEvent:
 *
 * One lifecycle event (opaque, immutable, valid during the callback; use
 * vnet_event_ref() to keep it).
 */
typedef struct _VnetEvent VnetEvent;

/**
 * vnet_event_get_object_kind:
 * @event: an event
 *
 * Returns: whether the event is about a domain or a network.
 */
VnetObjectKind vnet_event_get_object_kind(const VnetEvent *event);

/**
 * vnet_event_get_event_type:
 * @event: an event
 *
 * Returns: what happened.
 */
VnetEventType vnet_event_get_event_type(const VnetEvent *event);

/**
 * vnet_event_get_name:
 * @event: an event
 *
 * Returns: (transfer none): the object's name.
 */
const char *vnet_event_get_name(const VnetEvent *event);

/**
 * vnet_event_get_uuid:
 * @event: an event
 *
 * Returns: (transfer none): the object's UUID in canonical form.
 */
const char *vnet_event_get_uuid(const VnetEvent *event);

/**
 * vnet_event_get_detail:
 * @event: an event
 *
 * Returns: (transfer none) (nullable): extra text: the error message of a
 *   %VNET_EVENT_FAILED event, else %NULL.
 */
const char *vnet_event_get_detail(const VnetEvent *event);

/**
 * vnet_event_ref:
 * @event: an event
 *
 * Returns: (transfer full): @event, kept beyond the callback.
 */
VnetEvent *vnet_event_ref(VnetEvent *event);

/**
 * vnet_event_unref:
 * @event: (nullable): an event
 *
 * Drops a reference taken with vnet_event_ref().
 */
void vnet_event_unref(VnetEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetEvent, vnet_event_unref)

/**
 * vnet_event_type_to_string:
 * @type: a #VnetEventType
 *
 * Returns: (transfer none): "defined", "undefined", "started", "stopped" or
 *   "failed"; %NULL for an unknown value.
 */
const char *vnet_event_type_to_string(VnetEventType type);

/**
 * vnet_object_kind_to_string:
 * @kind: a #VnetObjectKind
 *
 * Returns: (transfer none): "domain" or "network"; %NULL for an unknown value.
 */
const char *vnet_object_kind_to_string(VnetObjectKind kind);

/**
 * VnetEventCallback:
 * @conn: the connection the subscription was made on
 * @event: the event
 * @user_data: the data given to vnet_connection_subscribe()
 *
 * Called for each event, in order, from the #GMainContext that was the
 * thread-default one when vnet_connection_subscribe() was called. It may
 * call any libvnet function.
 */
typedef void (*VnetEventCallback)(VnetConnection *conn, const VnetEvent *event,
                                  gpointer user_data);

/**
 * vnet_connection_subscribe:
 * @conn: a connection
 * @callback: the function called for each event
 * @user_data: data for @callback
 * @notify: (nullable): frees @user_data after vnet_connection_unsubscribe()
 *
 * Subscribes to the lifecycle events of every domain and network of @conn
 * (including changes made through other handles and threads). Events are
 * queued and delivered from the caller's thread-default #GMainContext (the
 * global default one when none is pushed), so that context must be
 * iterated.
 *
 * Returns: a subscription id greater than 0.
 */
guint vnet_connection_subscribe(VnetConnection *conn, VnetEventCallback callback,
                                gpointer user_data, GDestroyNotify notify);

/**
 * vnet_connection_unsubscribe:
 * @conn: a connection
 * @id: an id returned by vnet_connection_subscribe()
 *
 * Stops a subscription: events not yet delivered are dropped and @callback
 * is not called again once this returns (when called from the delivering
 * context). The subscription's reference to @conn is released (after a
 * delivery in progress, if any). Unknown ids are ignored.
 */
void vnet_connection_unsubscribe(VnetConnection *conn, guint id);

/* ---- listing flags shared by domains and networks ---------------------- */

/**
 * VnetListFlags:
 * @VNET_LIST_ACTIVE: running objects
 * @VNET_LIST_INACTIVE: defined objects that are not running
 * @VNET_LIST_ALL: both (0 means the same)
 *
 * Which objects vnet_connection_list_domains() and
 * vnet_connection_list_networks() return.
 */
typedef enum {
    VNET_LIST_ACTIVE = 1 << 0,
    VNET_LIST_INACTIVE = 1 << 1,
    VNET_LIST_ALL = VNET_LIST_ACTIVE | VNET_LIST_INACTIVE,
} VnetListFlags;

G_END_DECLS
