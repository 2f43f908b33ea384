/* vnetd-subtree-dbus.c: what the domain and network subtrees share — their
 * registration, their properties (answered from the cache), and
 * PropertiesChanged.
 *
 * The subtrees enumerate the cached objects (so introspection lists them)
 * and dispatch calls on any node, known or not: a call on an object that
 * is gone reaches the library, which answers NoDomain/NoNetwork. */
#include <config.h>

#include "vnetd.h"
#include "util/vnet-i18n.h"

/**
 * vnetd_emit_properties_changed:
 * @daemon: the daemon
 * @path: the object path
 * @iface: the interface whose properties changed
 * @changed: (transfer floating): a{sv} of the new values
 *
 * Emits org.freedesktop.DBus.Properties.PropertiesChanged (from any thread).
 */
void
vnetd_emit_properties_changed(VnetdDaemon *daemon, const char *path, const char *iface,
                              GVariant *changed)
{
    g_autoptr(GError) error = NULL;

    if (!g_dbus_connection_emit_signal(daemon->bus, NULL, path,
                                       "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                       g_variant_new("(s@a{sv}as)", iface, changed, NULL),
                                       &error))
        g_warning("emitting PropertiesChanged on %s: %s", path, error->message);
}

static GVariant *
properties_reply(const VnetdObject *obj, const char *method_name, GVariant *parameters,
                 GError **error)
{
    if (g_str_equal(method_name, "GetAll"))
        return g_variant_new("(@a{sv})", vnetd_object_get_all(obj));
    if (g_str_equal(method_name, "Get")) {
        g_autoptr(GVariant) value = NULL;
        const char *name;

        g_variant_get(parameters, "(&s&s)", NULL, &name);
        value = vnetd_object_get_property(obj, name);
        if (value)
            return g_variant_new("(v)", value);
        g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS, "No such property '%s'",
                    name);
        return NULL;
    }
    g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_PROPERTY_READ_ONLY,
                "The properties of %s are read-only", obj->name);
    return NULL;
}

/* The object is not cached: ask the library (which knows it, or says why
 * not), refresh, and answer from the cache. */
static gboolean
job_properties(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetdObject) obj = NULL;
    g_autofree char *uuid = NULL;

    if (job->kind == VNET_OBJECT_DOMAIN) {
        g_autoptr(VnetDomain) dom = vnetd_job_domain(job, error);

        if (!dom)
            return FALSE;
        uuid = g_strdup(vnet_domain_get_uuid(dom));
    } else {
        g_autoptr(VnetNetwork) net = vnetd_job_network(job, error);

        if (!net)
            return FALSE;
        uuid = g_strdup(vnet_network_get_uuid(net));
    }
    vnetd_refresh(job->daemon, job->kind, uuid);
    obj = vnetd_cache_lookup(job->daemon, job->kind, uuid);
    if (!obj) {
        /* Undefined between the lookup and the refresh. */
        g_set_error(error, VNET_ERROR,
                    job->kind == VNET_OBJECT_DOMAIN ? VNET_ERROR_NO_DOMAIN : VNET_ERROR_NO_NETWORK,
                    _("%s %s was undefined meanwhile"), vnet_object_kind_to_string(job->kind), uuid);
        return FALSE;
    }
    *ret_reply = properties_reply(obj, g_dbus_method_invocation_get_method_name(job->invocation),
                                  vnetd_job_params(job), error);
    return *ret_reply != NULL;
}

/**
 * vnetd_handle_properties:
 * @daemon: the daemon
 * @kind: domain or network
 * @iface: the interface of the object
 * @object_path: the object's path
 * @method_name: Get, GetAll or Set
 * @parameters: the call's parameters
 * @invocation: (transfer full): the call
 *
 * Answers org.freedesktop.DBus.Properties from the cache.
 */
void
vnetd_handle_properties(VnetdDaemon *daemon, VnetObjectKind kind, const char *iface,
                        const char *object_path, const char *method_name, GVariant *parameters,
                        GDBusMethodInvocation *invocation)
{
    g_autofree char *uuid = vnetd_path_to_uuid(object_path);
    g_autoptr(VnetdObject) obj = uuid ? vnetd_cache_lookup(daemon, kind, uuid) : NULL;
    g_autoptr(GError) error = NULL;
    GVariant *reply;

    if (!obj) {
        vnetd_job_push(daemon, invocation, job_properties, FALSE, kind, uuid);
        return;
    }
    reply = properties_reply(obj, method_name, parameters, &error);
    if (reply)
        g_dbus_method_invocation_return_value(invocation, reply);
    else
        g_dbus_method_invocation_return_gerror(invocation, error);
}

typedef struct {
    VnetdDaemon *daemon;
    VnetObjectKind kind;
    GDBusInterfaceInfo *info;
    const GDBusInterfaceVTable *vtable;
} Subtree;

static char **
subtree_enumerate(GDBusConnection *bus, const char *sender, const char *object_path,
                  gpointer user_data)
{
    Subtree *subtree = user_data;

    return vnetd_cache_nodes(subtree->daemon, subtree->kind);
}

static GDBusInterfaceInfo **
subtree_introspect(GDBusConnection *bus, const char *sender, const char *object_path,
                   const char *node, gpointer user_data)
{
    Subtree *subtree = user_data;
    GDBusInterfaceInfo **ret;

    if (!node)
        return NULL;
    ret = g_new0(GDBusInterfaceInfo *, 2);
    ret[0] = g_dbus_interface_info_ref(subtree->info);
    return ret;
}

static const GDBusInterfaceVTable *
subtree_dispatch(GDBusConnection *bus, const char *sender, const char *object_path,
                 const char *interface_name, const char *node, gpointer *out_user_data,
                 gpointer user_data)
{
    Subtree *subtree = user_data;

    if (!node)
        return NULL;
    *out_user_data = subtree->daemon;
    return subtree->vtable;
}

static const GDBusSubtreeVTable subtree_vtable = {
    .enumerate = subtree_enumerate,
    .introspect = subtree_introspect,
    .dispatch = subtree_dispatch,
};

/**
 * vnetd_subtree_register:
 * @daemon: the daemon
 * @kind: domain or network
 * @info: the interface every node has
 * @vtable: its handlers (get_property NULL: properties reach method_call)
 * @error: return location for a #GError
 *
 * Returns: the registration id, or 0 with @error set.
 */
guint
vnetd_subtree_register(VnetdDaemon *daemon, VnetObjectKind kind, GDBusInterfaceInfo *info,
                       const GDBusInterfaceVTable *vtable, GError **error)
{
    Subtree *subtree = g_new0(Subtree, 1);

    subtree->daemon = daemon;
    subtree->kind = kind;
    subtree->info = info;
    subtree->vtable = vtable;
    return g_dbus_connection_register_subtree(
        daemon->bus, kind == VNET_OBJECT_DOMAIN ? VNETD_DOMAIN_PATH : VNETD_NETWORK_PATH,
        &subtree_vtable, G_DBUS_SUBTREE_FLAGS_DISPATCH_TO_UNENUMERATED_NODES, subtree, g_free,
        error);
}
