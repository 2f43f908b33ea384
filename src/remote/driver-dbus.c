/* driver-dbus.c: dbus:///system and dbus:///session — the driver vtable
 * over vnetd's D-Bus interfaces (data/dbus/org.vnet1.*.xml).
 *
 * Each vtable entry is one method call on the object path derived from the
 * UUID (/org/vnet1/domain/<uuid with '_'>), made synchronously on a private
 * bus connection, which is thread-safe: the driver sets
 * VNET_DRIVER_THREAD_SAFE and the connection takes no lock.
 *
 * Errors: vnetd's org.vnet1.Error.* names come back as the same VNET_ERROR
 * codes (registered in src/util/vnet-error.c) with the library's message;
 * the bus's AccessDenied becomes VNET_ERROR_ACCESS_DENIED, and a bus or a
 * vnetd that cannot be reached VNET_ERROR_BACKEND_UNAVAILABLE.
 *
 * Events: the driver subscribes to vnetd's DomainEvent/NetworkEvent signals
 * in a main context of its own, iterated by a thread of its own (the
 * application's contexts may not run), and feeds them into the connection's
 * event bus, which delivers them to each subscriber's context. */
#include <config.h>

#include <string.h>

#include <gio/gio.h>

#include "remote/driver-dbus.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

#define BUS_NAME "org.vnet1"
#define ROOT_PATH "/org/vnet1"
#define CONNECT_IFACE "org.vnet1.Connect"
#define DOMAIN_IFACE "org.vnet1.Domain"
#define NETWORK_IFACE "org.vnet1.Network"
#define PROPERTIES_IFACE "org.freedesktop.DBus.Properties"

typedef struct {
    GDBusConnection *bus;
    const char *bus_desc; /* "system bus" / "session bus", for messages */
    VnetEventBus *events;
    GMainContext *context; /* where signals are dispatched */
    GMainLoop *loop;
    GThread *thread;
    guint domain_sub;
    guint network_sub;
} DbusDriver;

/* ---- calls and errors ---------------------------------------------------- */

/* Turns what a call failed with into a VNET_ERROR. */
static void
convert_error(DbusDriver *drv, const char *method, GError *error, GError **ret_error)
{
    g_autofree char *remote = g_dbus_error_get_remote_error(error);

    g_dbus_error_strip_remote_error(error);
    if (error->domain == VNET_ERROR) {
        g_propagate_error(ret_error, error);
        return;
    }
    if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED) ||
        g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_AUTH_FAILED)) {
        g_set_error_literal(ret_error, VNET_ERROR, VNET_ERROR_ACCESS_DENIED, error->message);
    } else if (g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED) ||
               g_error_matches(error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
               g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CLOSED)) {
        g_set_error(ret_error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE,
                    _("vnetd (%s) is not reachable on the %s: %s"), BUS_NAME, drv->bus_desc,
                    error->message);
    } else {
        g_set_error(ret_error, VNET_ERROR, VNET_ERROR_FAILED, _("%s through vnetd: %s%s%s"),
                    method, remote ? remote : "", remote ? ": " : "", error->message);
    }
    g_error_free(error);
}

/* Calls @method on @path; @params is floating or NULL. */
static GVariant *
call(DbusDriver *drv, const char *path, const char *iface, const char *method, GVariant *params,
     const char *reply_type, GError **error)
{
    GError *local_error = NULL;
    GVariant *reply;

    /* Starts and destroys may take long; vnetd answers every call (or the
     * bus answers NoReply when vnetd goes away), so wait for it. */
    reply = g_dbus_connection_call_sync(drv->bus, BUS_NAME, path, iface, method, params,
                                        G_VARIANT_TYPE(reply_type), G_DBUS_CALL_FLAGS_NONE,
                                        G_MAXINT, NULL, &local_error);
    if (!reply)
        convert_error(drv, method, local_error, error);
    return reply;
}

/* A call whose reply is empty. */
static gboolean
call_void(DbusDriver *drv, const char *path, const char *iface, const char *method,
          GVariant *params, GError **error)
{
    g_autoptr(GVariant) reply = call(drv, path, iface, method, params, "()", error);

    return reply != NULL;
}

static char *
object_path(VnetObjectKind kind, const VnetUuid *uuid)
{
    char buf[VNET_UUID_STRLEN];

    vnet_uuid_format(uuid, buf);
    g_strdelimit(buf, "-", '_');
    return g_strdup_printf("%s/%s/%s", ROOT_PATH, kind == VNET_OBJECT_DOMAIN ? "domain" : "network",
                           buf);
}

static gboolean
path_to_uuid(const char *path, VnetUuid *ret, GError **error)
{
    const char *node = strrchr(path, '/');
    g_autofree char *text = g_strdelimit(g_strdup(node ? node + 1 : ""), "_", '-');

    if (vnet_uuid_parse(text, ret) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INTERNAL,
                    _("vnetd returned the object path '%s', which names no UUID"), path);
        return FALSE;
    }
    return TRUE;
}

/* The name and UUID of the object at @path. */
static VnetObjectId *
object_id(DbusDriver *drv, VnetObjectKind kind, const char *path, GError **error)
{
    g_autoptr(GVariant) reply = NULL;
    g_autoptr(GVariant) value = NULL;
    VnetUuid uuid;

    if (!path_to_uuid(path, &uuid, error))
        return NULL;
    reply = call(drv, path, PROPERTIES_IFACE, "Get",
                 g_variant_new("(ss)", kind == VNET_OBJECT_DOMAIN ? DOMAIN_IFACE : NETWORK_IFACE,
                               "Name"),
                 "(v)", error);
    if (!reply)
        return NULL;
    g_variant_get(reply, "(v)", &value);
    if (!g_variant_is_of_type(value, G_VARIANT_TYPE_STRING)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INTERNAL,
                    _("vnetd returned a Name of type '%s' for %s"),
                    g_variant_get_type_string(value), path);
        return NULL;
    }
    return vnet_object_id_new(g_variant_get_string(value, NULL), &uuid);
}

/* Define*, Lookup*: a method of /org/vnet1 that returns one object path. */
static VnetObjectId *
call_for_object(DbusDriver *drv, VnetObjectKind kind, const char *method, const char *arg,
                GError **error)
{
    g_autoptr(GVariant) reply =
        call(drv, ROOT_PATH, CONNECT_IFACE, method, g_variant_new("(s)", arg), "(o)", error);
    const char *path;

    if (!reply)
        return NULL;
    g_variant_get(reply, "(&o)", &path);
    return object_id(drv, kind, path, error);
}

static GPtrArray *
list_objects(DbusDriver *drv, VnetObjectKind kind, VnetListFlags flags, GError **error)
{
    g_autoptr(GVariant) reply = NULL;
    g_autoptr(GVariantIter) iter = NULL;
    g_autoptr(GPtrArray) ret = NULL;
    const char *path;

    reply = call(drv, ROOT_PATH, CONNECT_IFACE,
                 kind == VNET_OBJECT_DOMAIN ? "ListDomains" : "ListNetworks",
                 g_variant_new("(u)", (guint32)flags), "(ao)", error);
    if (!reply)
        return NULL;
    ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_object_id_free);
    g_variant_get(reply, "(ao)", &iter);
    while (g_variant_iter_next(iter, "&o", &path)) {
        g_autoptr(GError) local_error = NULL;
        VnetObjectId *id = object_id(drv, kind, path, &local_error);

        /* Undefined between the list and the lookup: not listed. */
        if (!id && (g_error_matches(local_error, VNET_ERROR, VNET_ERROR_NO_DOMAIN) ||
                    g_error_matches(local_error, VNET_ERROR, VNET_ERROR_NO_NETWORK)))
            continue;
        if (!id) {
            g_propagate_error(error, g_steal_pointer(&local_error));
            return NULL;
        }
        g_ptr_array_add(ret, id);
    }
    return g_steal_pointer(&ret);
}

/* Active and Autostart of the object at @uuid. */
static gboolean
get_state(DbusDriver *drv, VnetObjectKind kind, const VnetUuid *uuid, gboolean *ret_active,
          gboolean *ret_autostart, GError **error)
{
    g_autofree char *path = object_path(kind, uuid);
    g_autoptr(GVariant) reply = NULL;
    g_autoptr(GVariant) props = NULL;
    gboolean active;
    gboolean autostart;

    reply = call(drv, path, PROPERTIES_IFACE, "GetAll",
                 g_variant_new("(s)", kind == VNET_OBJECT_DOMAIN ? DOMAIN_IFACE : NETWORK_IFACE),
                 "(a{sv})", error);
    if (!reply)
        return FALSE;
    props = g_variant_get_child_value(reply, 0);
    if (!g_variant_lookup(props, "Active", "b", &active) ||
        !g_variant_lookup(props, "Autostart", "b", &autostart)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INTERNAL,
                    _("vnetd did not return the Active and Autostart properties of %s"), path);
        return FALSE;
    }
    *ret_active = active;
    if (ret_autostart)
        *ret_autostart = autostart;
    return TRUE;
}

static char *
lookup_string(GVariant *dict, const char *key)
{
    const char *value;

    return g_variant_lookup(dict, key, "&s", &value) ? g_strdup(value) : NULL;
}

/* ---- events ------------------------------------------------------------------ */

static void
on_event_signal(GDBusConnection *bus, const char *sender, const char *path, const char *iface,
                const char *signal, GVariant *params, gpointer user_data)
{
    DbusDriver *drv = user_data;
    VnetObjectKind kind = g_str_equal(signal, "DomainEvent") ? VNET_OBJECT_DOMAIN
                                                             : VNET_OBJECT_NETWORK;
    const char *object;
    const char *event;
    const char *detail;
    const char *name;
    VnetUuid uuid;

    if (!g_variant_is_of_type(params, G_VARIANT_TYPE("(osss)")))
        return;
    g_variant_get(params, "(&o&s&s&s)", &object, &event, &detail, &name);
    if (!path_to_uuid(object, &uuid, NULL))
        return;
    for (VnetEventType type = VNET_EVENT_DEFINED; type <= VNET_EVENT_FAILED; type++) {
        if (g_str_equal(vnet_event_type_to_string(type), event)) {
            vnet_event_bus_emit(drv->events, kind, type, name, &uuid, *detail ? detail : NULL);
            return;
        }
    }
    vnet_debug("driver", "dbus: ignoring unknown event '%s' of %s", event, object);
}

static gpointer
event_thread(gpointer data)
{
    DbusDriver *drv = data;

    g_main_context_push_thread_default(drv->context);
    g_main_loop_run(drv->loop);
    g_main_context_pop_thread_default(drv->context);
    return NULL;
}

static void
events_start(DbusDriver *drv)
{
    drv->context = g_main_context_new();
    drv->loop = g_main_loop_new(drv->context, FALSE);
    /* Signal callbacks run in the context that is the thread-default one
     * when subscribing. */
    g_main_context_push_thread_default(drv->context);
    drv->domain_sub = g_dbus_connection_signal_subscribe(
        drv->bus, BUS_NAME, CONNECT_IFACE, "DomainEvent", ROOT_PATH, NULL,
        G_DBUS_SIGNAL_FLAGS_NONE, on_event_signal, drv, NULL);
    drv->network_sub = g_dbus_connection_signal_subscribe(
        drv->bus, BUS_NAME, CONNECT_IFACE, "NetworkEvent", ROOT_PATH, NULL,
        G_DBUS_SIGNAL_FLAGS_NONE, on_event_signal, drv, NULL);
    g_main_context_pop_thread_default(drv->context);
    drv->thread = g_thread_new("vnet-dbus-events", event_thread, drv);
}

static gboolean
quit_loop(gpointer data)
{
    g_main_loop_quit(data);
    return G_SOURCE_REMOVE;
}

static void
events_stop(DbusDriver *drv)
{
    if (!drv->thread)
        return;
    g_dbus_connection_signal_unsubscribe(drv->bus, drv->domain_sub);
    g_dbus_connection_signal_unsubscribe(drv->bus, drv->network_sub);
    /* After the signals already queued (default priority) are delivered. */
    {
        GSource *source = g_idle_source_new();

        g_source_set_priority(source, G_PRIORITY_LOW);
        g_source_set_callback(source, quit_loop, drv->loop, NULL);
        g_source_attach(source, drv->context);
        g_source_unref(source);
    }
    g_thread_join(drv->thread);
    drv->thread = NULL;
    /* What GDBus still had queued for the context (its own clean-ups). */
    while (g_main_context_iteration(drv->context, FALSE))
        ;
    g_clear_pointer(&drv->loop, g_main_loop_unref);
    g_clear_pointer(&drv->context, g_main_context_unref);
}

/* ---- open / close --------------------------------------------------------------- */

static void
dbus_close(gpointer data)
{
    DbusDriver *drv = data;

    events_stop(drv);
    if (drv->bus) {
        g_dbus_connection_close_sync(drv->bus, NULL, NULL);
        g_object_unref(drv->bus);
    }
    g_free(drv);
}

static gpointer
dbus_open(const VnetUri *uri, VnetConnectionFlags flags, VnetEventBus *events, GError **error)
{
    g_autoptr(GError) local_error = NULL;
    g_autofree char *address = NULL;
    g_autoptr(GVariant) reply = NULL;
    DbusDriver *drv;
    GBusType type;

    if (g_hash_table_size(uri->query) > 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': dbus URIs take no parameters"), uri->canonical);
        return NULL;
    }
    if (g_str_equal(uri->path, "/system")) {
        type = G_BUS_TYPE_SYSTEM;
    } else if (g_str_equal(uri->path, "/session")) {
        type = G_BUS_TYPE_SESSION;
    } else {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': expected dbus:///system or dbus:///session"),
                    uri->canonical);
        return NULL;
    }
    /* Registers the org.vnet1.Error.* names before the first reply. */
    (void)vnet_error_quark();

    drv = g_new0(DbusDriver, 1);
    drv->bus_desc = type == G_BUS_TYPE_SYSTEM ? "system bus" : "session bus";
    drv->events = events;
    /* A private connection: closing ours never closes the application's
     * shared one, and the bus going away does not exit the process. */
    address = g_dbus_address_get_for_bus_sync(type, NULL, &local_error);
    if (address)
        drv->bus = g_dbus_connection_new_for_address_sync(
            address,
            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
            NULL, NULL, &local_error);
    if (!drv->bus) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE,
                    _("cannot connect to the %s: %s"), drv->bus_desc, local_error->message);
        dbus_close(drv);
        return NULL;
    }
    /* Is vnetd there (or activatable)? Fail now rather than at the first
     * call. Subscribing first means no event after this point is lost. */
    events_start(drv);
    reply = call(drv, ROOT_PATH, "org.freedesktop.DBus.Peer", "Ping", NULL, "()", error);
    if (!reply) {
        dbus_close(drv);
        return NULL;
    }
    vnet_debug("driver", "dbus driver open on the %s", drv->bus_desc);
    return drv;
}

static char **
dbus_get_load_errors(gpointer data)
{
    DbusDriver *drv = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(GVariant) reply =
        call(drv, ROOT_PATH, CONNECT_IFACE, "GetLoadErrors", NULL, "(as)", &error);
    char **ret;

    if (!reply) {
        ret = g_new0(char *, 2);
        ret[0] = g_strdup(error->message);
        return ret;
    }
    g_variant_get(reply, "(^as)", &ret);
    return ret;
}

/* ---- domains ------------------------------------------------------------------------ */

static VnetObjectId *
dbus_domain_define_xml(gpointer drv, const char *xml, GError **error)
{
    return call_for_object(drv, VNET_OBJECT_DOMAIN, "DefineDomain", xml, error);
}

static gboolean
domain_call_void(DbusDriver *drv, const VnetUuid *uuid, const char *method, GVariant *params,
                 GError **error)
{
    g_autofree char *path = object_path(VNET_OBJECT_DOMAIN, uuid);

    return call_void(drv, path, DOMAIN_IFACE, method, params, error);
}

static gboolean
dbus_domain_undefine(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return domain_call_void(drv, uuid, "Undefine", NULL, error);
}

static VnetObjectId *
dbus_domain_lookup_by_name(gpointer drv, const char *name, GError **error)
{
    return call_for_object(drv, VNET_OBJECT_DOMAIN, "LookupDomainByName", name, error);
}

static VnetObjectId *
dbus_domain_lookup_by_uuid(gpointer drv, const VnetUuid *uuid, GError **error)
{
    char buf[VNET_UUID_STRLEN];

    vnet_uuid_format(uuid, buf);
    return call_for_object(drv, VNET_OBJECT_DOMAIN, "LookupDomainByUUID", buf, error);
}

static GPtrArray *
dbus_domain_list(gpointer drv, VnetListFlags flags, GError **error)
{
    return list_objects(drv, VNET_OBJECT_DOMAIN, flags, error);
}

static char *
get_xml(DbusDriver *drv, VnetObjectKind kind, const VnetUuid *uuid, guint flags, GError **error)
{
    g_autofree char *path = object_path(kind, uuid);
    g_autoptr(GVariant) reply =
        call(drv, path, kind == VNET_OBJECT_DOMAIN ? DOMAIN_IFACE : NETWORK_IFACE, "GetXML",
             g_variant_new("(u)", (guint32)flags), "(s)", error);
    char *xml;

    if (!reply)
        return NULL;
    g_variant_get(reply, "(s)", &xml);
    return xml;
}

static char *
dbus_domain_get_xml(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags, GError **error)
{
    return get_xml(drv, VNET_OBJECT_DOMAIN, uuid, flags, error);
}

static gboolean
dbus_domain_start(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return domain_call_void(drv, uuid, "Start", NULL, error);
}

static gboolean
dbus_domain_destroy(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return domain_call_void(drv, uuid, "Destroy", NULL, error);
}

static gboolean
dbus_domain_get_state(gpointer drv, const VnetUuid *uuid, VnetDomainState *ret_state,
                      gboolean *ret_autostart, GError **error)
{
    gboolean active;

    if (!get_state(drv, VNET_OBJECT_DOMAIN, uuid, &active, ret_autostart, error))
        return FALSE;
    if (ret_state)
        *ret_state = active ? VNET_DOMAIN_STATE_RUNNING : VNET_DOMAIN_STATE_SHUTOFF;
    return TRUE;
}

static gboolean
dbus_domain_set_autostart(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                          GError **error)
{
    return domain_call_void(drv, uuid, "SetAutostart", g_variant_new("(b)", autostart), error);
}

static gboolean
dbus_domain_attach_interface(gpointer drv, const VnetUuid *uuid, const char *xml,
                             VnetDomainAffectFlags flags, GError **error)
{
    return domain_call_void(drv, uuid, "AttachInterface",
                            g_variant_new("(su)", xml, (guint32)flags), error);
}

static gboolean
dbus_domain_detach_interface(gpointer drv, const VnetUuid *uuid, const char *iface,
                             VnetDomainAffectFlags flags, GError **error)
{
    return domain_call_void(drv, uuid, "DetachInterface",
                            g_variant_new("(su)", iface, (guint32)flags), error);
}

static gboolean
dbus_domain_set_link_state(gpointer drv, const VnetUuid *uuid, const char *iface, gboolean up,
                           VnetDomainAffectFlags flags, GError **error)
{
    return domain_call_void(drv, uuid, "SetLinkState",
                            g_variant_new("(sbu)", iface, up, (guint32)flags), error);
}

static GPtrArray *
dbus_domain_list_interfaces(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags,
                            GError **error)
{
    g_autofree char *path = object_path(VNET_OBJECT_DOMAIN, uuid);
    g_autoptr(GVariant) reply = call(drv, path, DOMAIN_IFACE, "ListInterfaces",
                                     g_variant_new("(u)", (guint32)flags), "(aa{sv})", error);
    g_autoptr(GVariant) list = NULL;
    GPtrArray *ret;

    if (!reply)
        return NULL;
    list = g_variant_get_child_value(reply, 0);
    ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_interface_free);
    for (gsize i = 0; i < g_variant_n_children(list); i++) {
        g_autoptr(GVariant) dict = g_variant_get_child_value(list, i);
        VnetDomainInterface *nic = g_new0(VnetDomainInterface, 1);

        g_variant_lookup(dict, "index", "u", &nic->index);
        nic->type = lookup_string(dict, "type");
        nic->source = lookup_string(dict, "source");
        nic->model = lookup_string(dict, "model");
        nic->mode = lookup_string(dict, "mode");
        nic->mac = lookup_string(dict, "mac");
        g_variant_lookup(dict, "link_up", "b", &nic->link_up);
        g_variant_lookup(dict, "mtu", "u", &nic->mtu);
        nic->target = lookup_string(dict, "target");
        nic->guest_name = lookup_string(dict, "guest_name");
        g_ptr_array_add(ret, nic);
    }
    return ret;
}

/* ---- networks ---------------------------------------------------------------------- */

static VnetObjectId *
dbus_network_define_xml(gpointer drv, const char *xml, GError **error)
{
    return call_for_object(drv, VNET_OBJECT_NETWORK, "DefineNetwork", xml, error);
}

static gboolean
network_call_void(DbusDriver *drv, const VnetUuid *uuid, const char *method, GVariant *params,
                  GError **error)
{
    g_autofree char *path = object_path(VNET_OBJECT_NETWORK, uuid);

    return call_void(drv, path, NETWORK_IFACE, method, params, error);
}

static gboolean
dbus_network_undefine(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return network_call_void(drv, uuid, "Undefine", NULL, error);
}

static VnetObjectId *
dbus_network_lookup_by_name(gpointer drv, const char *name, GError **error)
{
    return call_for_object(drv, VNET_OBJECT_NETWORK, "LookupNetworkByName", name, error);
}

static VnetObjectId *
dbus_network_lookup_by_uuid(gpointer drv, const VnetUuid *uuid, GError **error)
{
    char buf[VNET_UUID_STRLEN];

    vnet_uuid_format(uuid, buf);
    return call_for_object(drv, VNET_OBJECT_NETWORK, "LookupNetworkByUUID", buf, error);
}

static GPtrArray *
dbus_network_list(gpointer drv, VnetListFlags flags, GError **error)
{
    return list_objects(drv, VNET_OBJECT_NETWORK, flags, error);
}

static char *
dbus_network_get_xml(gpointer drv, const VnetUuid *uuid, VnetNetworkXmlFlags flags,
                     GError **error)
{
    return get_xml(drv, VNET_OBJECT_NETWORK, uuid, flags, error);
}

static gboolean
dbus_network_start(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return network_call_void(drv, uuid, "Start", NULL, error);
}

static gboolean
dbus_network_destroy(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return network_call_void(drv, uuid, "Destroy", NULL, error);
}

static gboolean
dbus_network_destroy_flags(gpointer drv, const VnetUuid *uuid, guint flags, GError **error)
{
    return network_call_void(drv, uuid, "DestroyWithFlags", g_variant_new("(u)", (guint32)flags),
                             error);
}

static gboolean
dbus_network_get_state(gpointer drv, const VnetUuid *uuid, gboolean *ret_active,
                       gboolean *ret_autostart, GError **error)
{
    gboolean active;

    if (!get_state(drv, VNET_OBJECT_NETWORK, uuid, &active, ret_autostart, error))
        return FALSE;
    if (ret_active)
        *ret_active = active;
    return TRUE;
}

static gboolean
dbus_network_set_autostart(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                           GError **error)
{
    return network_call_void(drv, uuid, "SetAutostart", g_variant_new("(b)", autostart), error);
}

static GPtrArray *
dbus_network_get_dhcp_leases(gpointer drv, const VnetUuid *uuid, const char *mac,
                             GError **error)
{
    g_autofree char *path = object_path(VNET_OBJECT_NETWORK, uuid);
    g_autoptr(GVariant) reply = call(drv, path, NETWORK_IFACE, "GetDHCPLeases",
                                     g_variant_new("(s)", mac ? mac : ""), "(aa{sv})", error);
    g_autoptr(GVariant) list = NULL;
    GPtrArray *ret;

    if (!reply)
        return NULL;
    list = g_variant_get_child_value(reply, 0);
    ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_dhcp_lease_free);
    for (gsize i = 0; i < g_variant_n_children(list); i++) {
        g_autoptr(GVariant) dict = g_variant_get_child_value(list, i);
        VnetDhcpLease *lease = g_new0(VnetDhcpLease, 1);

        lease->mac = lookup_string(dict, "mac");
        lease->ip = lookup_string(dict, "ip");
        g_variant_lookup(dict, "prefix", "u", &lease->prefix);
        lease->hostname = lookup_string(dict, "hostname");
        lease->client_id = lookup_string(dict, "client_id");
        g_variant_lookup(dict, "expiry_time", "x", &lease->expiry_time);
        g_ptr_array_add(ret, lease);
    }
    return ret;
}

static gboolean
dbus_network_add_port_forward(gpointer drv, const VnetUuid *uuid, const char *xml,
                              VnetNetworkAffectFlags flags, GError **error)
{
    return network_call_void(drv, uuid, "AddPortForward",
                             g_variant_new("(su)", xml, (guint32)flags), error);
}

static gboolean
dbus_network_remove_port_forward(gpointer drv, const VnetUuid *uuid, const char *name,
                                 VnetNetworkAffectFlags flags, GError **error)
{
    return network_call_void(drv, uuid, "RemovePortForward",
                             g_variant_new("(su)", name, (guint32)flags), error);
}

const VnetDriver vnet_dbus_driver = {
    .name = "dbus",
    .scheme = "dbus",
    .flags = VNET_DRIVER_THREAD_SAFE,
    .open = dbus_open,
    .close = dbus_close,
    .get_load_errors = dbus_get_load_errors,
    .domain_define_xml = dbus_domain_define_xml,
    .domain_undefine = dbus_domain_undefine,
    .domain_lookup_by_name = dbus_domain_lookup_by_name,
    .domain_lookup_by_uuid = dbus_domain_lookup_by_uuid,
    .domain_list = dbus_domain_list,
    .domain_get_xml = dbus_domain_get_xml,
    .domain_start = dbus_domain_start,
    .domain_destroy = dbus_domain_destroy,
    .domain_get_state = dbus_domain_get_state,
    .domain_set_autostart = dbus_domain_set_autostart,
    .domain_attach_interface = dbus_domain_attach_interface,
    .domain_detach_interface = dbus_domain_detach_interface,
    .domain_set_link_state = dbus_domain_set_link_state,
    .domain_list_interfaces = dbus_domain_list_interfaces,
    .network_define_xml = dbus_network_define_xml,
    .network_undefine = dbus_network_undefine,
    .network_lookup_by_name = dbus_network_lookup_by_name,
    .network_lookup_by_uuid = dbus_network_lookup_by_uuid,
    .network_list = dbus_network_list,
    .network_get_xml = dbus_network_get_xml,
    .network_start = dbus_network_start,
    .network_destroy = dbus_network_destroy,
    .network_destroy_flags = dbus_network_destroy_flags,
    .network_get_state = dbus_network_get_state,
    .network_set_autostart = dbus_network_set_autostart,
    .network_get_dhcp_leases = dbus_network_get_dhcp_leases,
    .network_add_port_forward = dbus_network_add_port_forward,
    .network_remove_port_forward = dbus_network_remove_port_forward,
};
