/* vnetd-subtree-dbus.c: what the domain and network subtrees share — their
 * registration, the dispatch of a call to its job (each interface file
 * gives only a table of its methods and the jobs that differ), GetXML
 * and the life cycle (Start, Destroy, Undefine, SetAutostart), their
 * properties (answered from the cache), and PropertiesChanged.
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

/* Looks the job's domain or network up in the library: on success exactly
 * one of *@ret_dom and *@ret_net is set, and the other is left NULL. */
static gboolean
job_object(VnetdJob *job, VnetDomain **ret_dom, VnetNetwork **ret_net, GError **error)
{
    if (job->kind == VNET_OBJECT_DOMAIN)
        *ret_dom = vnetd_job_domain(job, error);
    else
        *ret_net = vnetd_job_network(job, error);
    return *ret_dom || *ret_net;
}

/* The object is not cached: ask the library (which knows it, or says why
 * not), refresh, and answer from the cache. */
static gboolean
job_properties(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetdObject) obj = NULL;
    const char *uuid;

    if (!job_object(job, &dom, &net, error))
        return FALSE;
    uuid = dom ? vnet_domain_get_uuid(dom) : vnet_network_get_uuid(net);
    vnetd_refresh(job->daemon, job->kind, uuid);
    obj = vnetd_cache_lookup(job->daemon, job->kind, uuid);
    if (!obj) {
        /* Undefined between the lookup and the refresh. */
        g_set_error(error, VNET_ERROR,
                    job->kind == VNET_OBJECT_DOMAIN ? VNET_ERROR_NO_DOMAIN : VNET_ERROR_NO_NETWORK,
                    _("%s %s was undefined meanwhile"), vnet_object_kind_to_string(job->kind),
                    uuid);
        return FALSE;
    }
    *ret_reply = properties_reply(obj, g_dbus_method_invocation_get_method_name(job->invocation),
                                  vnetd_job_params(job), error);
    return *ret_reply != NULL;
}

/* GetXML(u flags) -> (s). */
static gboolean
job_get_xml(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autofree char *xml = NULL;
    guint32 flags;

    if (!job_object(job, &dom, &net, error))
        return FALSE;
    g_variant_get(vnetd_job_params(job), "(u)", &flags);
    xml = dom ? vnet_domain_get_xml(dom, flags, error) : vnet_network_get_xml(net, flags, error);
    if (!xml)
        return FALSE;
    *ret_reply = g_variant_new("(s)", xml);
    return TRUE;
}

/* Start, Destroy, Undefine and SetAutostart(b): one C API call each, then
 * the cache is refreshed. */
static gboolean
job_life_cycle(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    gboolean ok;

    if (!job_object(job, &dom, &net, error))
        return FALSE;
    if (g_str_equal(method, "Start")) {
        ok = dom ? vnet_domain_start(dom, error) : vnet_network_start(net, error);
    } else if (g_str_equal(method, "Destroy")) {
        ok = dom ? vnet_domain_destroy(dom, error) : vnet_network_destroy(net, error);
    } else if (g_str_equal(method, "Undefine")) {
        ok = dom ? vnet_domain_undefine(dom, error) : vnet_network_undefine(net, error);
    } else {
        gboolean autostart;

        g_assert(g_str_equal(method, "SetAutostart"));
        g_variant_get(vnetd_job_params(job), "(b)", &autostart);
        ok = dom ? vnet_domain_set_autostart(dom, autostart, error)
                 : vnet_network_set_autostart(net, autostart, error);
    }
    if (ok)
        *ret_refresh_uuid = g_strdup(dom ? vnet_domain_get_uuid(dom) : vnet_network_get_uuid(net));
    return ok;
}

/* The methods org.vnet1.Domain and org.vnet1.Network both have; each
 * interface's own table is searched after this one. */
static const VnetdMethod shared_methods[] = {
    {"GetXML", job_get_xml, FALSE},
    {"Start", job_life_cycle, TRUE},
    {"Destroy", job_life_cycle, TRUE},
    {"Undefine", job_life_cycle, TRUE},
    {"SetAutostart", job_life_cycle, TRUE},
    {NULL, NULL, FALSE},
};

/* The entry of @table named @name, or its NULL-named last entry. */
static const VnetdMethod *
find_method(const VnetdMethod *table, const char *name)
{
    while (table->name && !g_str_equal(table->name, name))
        table++;
    return table;
}

/* Answers org.freedesktop.DBus.Properties.Get/GetAll/Set from the cache. */
static void
handle_properties(VnetdDaemon *daemon, VnetObjectKind kind, const char *object_path,
                  const char *method_name, GVariant *parameters,
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
    const VnetdMethod *methods;
} Subtree;

/* The one method handler of both subtrees: properties from the cache,
 * every other method as the job the shared table or the interface's own
 * names, on the UUID the path
 * names (a job on a path that names none fails in the library's lookup,
 * with the library's error). */
static void
subtree_method_call(GDBusConnection *bus, const char *sender, const char *object_path,
                    const char *interface_name, const char *method_name, GVariant *parameters,
                    GDBusMethodInvocation *invocation, gpointer user_data)
{
    Subtree *subtree = user_data;
    g_autofree char *uuid = NULL;
    const VnetdMethod *method;

    if (g_str_equal(interface_name, "org.freedesktop.DBus.Properties")) {
        handle_properties(subtree->daemon, subtree->kind, object_path, method_name, parameters,
                          invocation);
        return;
    }
    method = find_method(shared_methods, method_name);
    if (!method->name)
        method = find_method(subtree->methods, method_name);
    uuid = vnetd_path_to_uuid(object_path);
    vnetd_job_push(subtree->daemon, invocation, method->func, method->write, subtree->kind,
                   uuid);
}

/* get_property is NULL so properties reach method_call too. */
static const GDBusInterfaceVTable object_vtable = {
    .method_call = subtree_method_call,
};

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
    *out_user_data = subtree;
    return &object_vtable;
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
 * @methods: (array): the jobs of the methods only @kind's interface has,
 *   ending with the NULL-named entry that answers the rest
 * @error: return location for a #GError
 *
 * Exports org.vnet1.Domain on every node under /org/vnet1/domain, or
 * org.vnet1.Network under /org/vnet1/network, and keeps the registration
 * id in @daemon.
 *
 * Returns: %TRUE on success, or %FALSE with @error set.
 */
gboolean
vnetd_subtree_register(VnetdDaemon *daemon, VnetObjectKind kind, const VnetdMethod *methods,
                       GError **error)
{
    gboolean domain = kind == VNET_OBJECT_DOMAIN;
    Subtree *subtree = g_new0(Subtree, 1);
    guint *reg = domain ? &daemon->domain_reg : &daemon->network_reg;

    subtree->daemon = daemon;
    subtree->kind = kind;
    subtree->info = domain ? g_dbus_node_info_lookup_interface(daemon->domain_info,
                                                               VNETD_DOMAIN_IFACE)
                           : g_dbus_node_info_lookup_interface(daemon->network_info,
                                                               VNETD_NETWORK_IFACE);
    subtree->methods = methods;
    *reg = g_dbus_connection_register_subtree(
        daemon->bus, domain ? VNETD_DOMAIN_PATH : VNETD_NETWORK_PATH, &subtree_vtable,
        G_DBUS_SUBTREE_FLAGS_DISPATCH_TO_UNENUMERATED_NODES, subtree, g_free, error);
    return *reg != 0;
}
