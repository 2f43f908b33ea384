/* vnetd-connect-dbus.c: org.vnet1.Connect at /org/vnet1 — lists, lookups
 * and definitions. Lists and lookups of known objects are answered from
 * the cache in the bus loop; the rest runs as jobs (vnetd-job.c). */
#include <config.h>

#include "vnetd.h"

static GVariant *
paths_of(GPtrArray *objects)
{
    GVariantBuilder builder;

    g_variant_builder_init(&builder, G_VARIANT_TYPE("ao"));
    for (guint i = 0; i < objects->len; i++) {
        VnetdObject *obj = objects->pdata[i];
        g_autofree char *path = vnetd_object_path(obj->kind, obj->uuid);

        g_variant_builder_add(&builder, "o", path);
    }
    return g_variant_new("(@ao)", g_variant_builder_end(&builder));
}

static gboolean
job_define(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *xml;
    const char *uuid;
    g_autofree char *path = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetNetwork) net = NULL;

    g_variant_get(vnetd_job_params(job), "(&s)", &xml);
    if (job->kind == VNET_OBJECT_DOMAIN) {
        dom = vnet_domain_define_xml(job->daemon->conn, xml, error);
        if (!dom)
            return FALSE;
        uuid = vnet_domain_get_uuid(dom);
    } else {
        net = vnet_network_define_xml(job->daemon->conn, xml, error);
        if (!net)
            return FALSE;
        uuid = vnet_network_get_uuid(net);
    }
    *ret_refresh_uuid = g_strdup(uuid);
    path = vnetd_object_path(job->kind, uuid);
    *ret_reply = g_variant_new("(o)", path);
    return TRUE;
}

/* A lookup the cache could not answer: the library either finds the object
 * (defined a moment ago: the cache catches up) or says why not. */
static gboolean
job_lookup(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    gboolean by_name = g_str_has_suffix(method, "ByName");
    const char *key;
    g_autofree char *path = NULL;

    g_variant_get(vnetd_job_params(job), "(&s)", &key);
    if (job->kind == VNET_OBJECT_DOMAIN) {
        g_autoptr(VnetDomain) dom =
            by_name ? vnet_domain_lookup_by_name(job->daemon->conn, key, error)
                    : vnet_domain_lookup_by_uuid(job->daemon->conn, key, error);

        if (!dom)
            return FALSE;
        *ret_refresh_uuid = g_strdup(vnet_domain_get_uuid(dom));
    } else {
        g_autoptr(VnetNetwork) net =
            by_name ? vnet_network_lookup_by_name(job->daemon->conn, key, error)
                    : vnet_network_lookup_by_uuid(job->daemon->conn, key, error);

        if (!net)
            return FALSE;
        *ret_refresh_uuid = g_strdup(vnet_network_get_uuid(net));
    }
    path = vnetd_object_path(job->kind, *ret_refresh_uuid);
    *ret_reply = g_variant_new("(o)", path);
    return TRUE;
}

static gboolean
job_load_errors(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_auto(GStrv) errors = vnet_connection_get_load_errors(job->daemon->conn);

    *ret_reply = g_variant_new("(^as)", errors);
    return TRUE;
}

static void
lookup(VnetdDaemon *daemon, VnetObjectKind kind, gboolean by_name, GVariant *parameters,
       GDBusMethodInvocation *invocation)
{
    g_autoptr(VnetdObject) obj = NULL;
    const char *key;

    g_variant_get(parameters, "(&s)", &key);
    if (by_name) {
        obj = vnetd_cache_lookup_name(daemon, kind, key);
    } else {
        g_autofree char *canonical = g_ascii_strdown(key, -1);

        obj = vnetd_cache_lookup(daemon, kind, canonical);
    }
    if (obj) {
        g_autofree char *path = vnetd_object_path(kind, obj->uuid);

        g_dbus_method_invocation_return_value(invocation, g_variant_new("(o)", path));
        return;
    }
    vnetd_job_push(daemon, invocation, job_lookup, FALSE, kind, NULL);
}

static void
method_call(GDBusConnection *bus, const char *sender, const char *object_path,
            const char *interface_name, const char *method_name, GVariant *parameters,
            GDBusMethodInvocation *invocation, gpointer user_data)
{
    VnetdDaemon *daemon = user_data;

    if (g_str_equal(method_name, "ListDomains") || g_str_equal(method_name, "ListNetworks")) {
        VnetObjectKind kind =
            g_str_equal(method_name, "ListDomains") ? VNET_OBJECT_DOMAIN : VNET_OBJECT_NETWORK;
        g_autoptr(GPtrArray) objects = NULL;
        guint32 flags;

        g_variant_get(parameters, "(u)", &flags);
        objects = vnetd_cache_list(daemon, kind, flags);
        g_dbus_method_invocation_return_value(invocation, paths_of(objects));
    } else if (g_str_equal(method_name, "DefineDomain")) {
        vnetd_job_push(daemon, invocation, job_define, TRUE, VNET_OBJECT_DOMAIN, NULL);
    } else if (g_str_equal(method_name, "DefineNetwork")) {
        vnetd_job_push(daemon, invocation, job_define, TRUE, VNET_OBJECT_NETWORK, NULL);
    } else if (g_str_equal(method_name, "LookupDomainByName")) {
        lookup(daemon, VNET_OBJECT_DOMAIN, TRUE, parameters, invocation);
    } else if (g_str_equal(method_name, "LookupDomainByUUID")) {
        lookup(daemon, VNET_OBJECT_DOMAIN, FALSE, parameters, invocation);
    } else if (g_str_equal(method_name, "LookupNetworkByName")) {
        lookup(daemon, VNET_OBJECT_NETWORK, TRUE, parameters, invocation);
    } else if (g_str_equal(method_name, "LookupNetworkByUUID")) {
        lookup(daemon, VNET_OBJECT_NETWORK, FALSE, parameters, invocation);
    } else if (g_str_equal(method_name, "GetLoadErrors")) {
        vnetd_job_push(daemon, invocation, job_load_errors, FALSE, 0, NULL);
    } else {
        /* GDBus checks names and signatures against the introspection data
         * before calling us: this is a method the XML has and we forgot. */
        g_dbus_method_invocation_return_error(invocation, G_DBUS_ERROR,
                                              G_DBUS_ERROR_UNKNOWN_METHOD,
                                              "%s.%s is not handled", interface_name,
                                              method_name);
    }
}

static GVariant *
get_property(GDBusConnection *bus, const char *sender, const char *object_path,
             const char *interface_name, const char *property_name, GError **error,
             gpointer user_data)
{
    if (g_str_equal(property_name, "Version"))
        return g_variant_new_string(PACKAGE_VERSION);
    g_set_error(error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "no property %s",
                property_name);
    return NULL;
}

static const GDBusInterfaceVTable connect_vtable = {
    .method_call = method_call,
    .get_property = get_property,
};

/**
 * vnetd_connect_register:
 * @daemon: the daemon
 * @error: return location for a #GError
 *
 * Exports org.vnet1.Connect at /org/vnet1.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnetd_connect_register(VnetdDaemon *daemon, GError **error)
{
    daemon->connect_reg = g_dbus_connection_register_object(
        daemon->bus, VNETD_PATH,
        g_dbus_node_info_lookup_interface(daemon->connect_info, VNETD_CONNECT_IFACE),
        &connect_vtable, daemon, NULL, error);
    return daemon->connect_reg != 0;
}
