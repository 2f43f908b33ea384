/* vnetd-network-dbus.c: org.vnet1.Network on /org/vnet1/network/<uuid>.
 *
 * Each method unpacks its arguments and calls the C API in a job; methods
 * that change the network need write access and refresh the cache before
 * they reply. */
#include <config.h>

#include "vnetd.h"

static gboolean
job_get_xml(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetNetwork) net = vnetd_job_network(job, error);
    g_autofree char *xml = NULL;
    guint32 flags;

    if (!net)
        return FALSE;
    g_variant_get(vnetd_job_params(job), "(u)", &flags);
    xml = vnet_network_get_xml(net, flags, error);
    if (!xml)
        return FALSE;
    *ret_reply = g_variant_new("(s)", xml);
    return TRUE;
}

static gboolean
job_get_leases(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetNetwork) net = vnetd_job_network(job, error);
    g_autoptr(GPtrArray) leases = NULL;
    GVariantBuilder builder;
    const char *mac;

    if (!net)
        return FALSE;
    g_variant_get(vnetd_job_params(job), "(&s)", &mac);
    leases = vnet_network_get_dhcp_leases(net, *mac ? mac : NULL, error);
    if (!leases)
        return FALSE;
    g_variant_builder_init(&builder, G_VARIANT_TYPE("aa{sv}"));
    for (guint i = 0; i < leases->len; i++) {
        VnetDhcpLease *lease = leases->pdata[i];

        g_variant_builder_open(&builder, G_VARIANT_TYPE_VARDICT);
        g_variant_builder_add(&builder, "{sv}", "mac", g_variant_new_string(lease->mac));
        g_variant_builder_add(&builder, "{sv}", "ip", g_variant_new_string(lease->ip));
        g_variant_builder_add(&builder, "{sv}", "prefix", g_variant_new_uint32(lease->prefix));
        if (lease->hostname)
            g_variant_builder_add(&builder, "{sv}", "hostname",
                                  g_variant_new_string(lease->hostname));
        if (lease->client_id)
            g_variant_builder_add(&builder, "{sv}", "client_id",
                                  g_variant_new_string(lease->client_id));
        g_variant_builder_add(&builder, "{sv}", "expiry_time",
                              g_variant_new_int64(lease->expiry_time));
        g_variant_builder_close(&builder);
    }
    *ret_reply = g_variant_new("(@aa{sv})", g_variant_builder_end(&builder));
    return TRUE;
}

/* Start, Destroy (with flags), Undefine and the changes: one C API call each, then the
 * cache is refreshed. */
static gboolean
job_change(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    GVariant *params = vnetd_job_params(job);
    g_autoptr(VnetNetwork) net = vnetd_job_network(job, error);
    gboolean ok;

    if (!net)
        return FALSE;
    if (g_str_equal(method, "Start")) {
        ok = vnet_network_start(net, error);
    } else if (g_str_equal(method, "Destroy")) {
        ok = vnet_network_destroy(net, error);
    } else if (g_str_equal(method, "DestroyWithFlags")) {
        guint32 flags;

        g_variant_get(params, "(u)", &flags);
        ok = vnet_network_destroy_flags(net, flags, error);
    } else if (g_str_equal(method, "Undefine")) {
        ok = vnet_network_undefine(net, error);
    } else if (g_str_equal(method, "SetAutostart")) {
        gboolean autostart;

        g_variant_get(params, "(b)", &autostart);
        ok = vnet_network_set_autostart(net, autostart, error);
    } else if (g_str_equal(method, "AddPortForward")) {
        const char *xml;
        guint32 flags;

        g_variant_get(params, "(&su)", &xml, &flags);
        ok = vnet_network_add_port_forward(net, xml, flags, error);
    } else {
        const char *name;
        guint32 flags;

        g_assert(g_str_equal(method, "RemovePortForward"));
        g_variant_get(params, "(&su)", &name, &flags);
        ok = vnet_network_remove_port_forward(net, name, flags, error);
    }
    if (ok)
        *ret_refresh_uuid = g_strdup(vnet_network_get_uuid(net));
    return ok;
}

static void
method_call(GDBusConnection *bus, const char *sender, const char *object_path,
            const char *interface_name, const char *method_name, GVariant *parameters,
            GDBusMethodInvocation *invocation, gpointer user_data)
{
    VnetdDaemon *daemon = user_data;
    g_autofree char *uuid = vnetd_path_to_uuid(object_path);

    if (g_str_equal(interface_name, "org.freedesktop.DBus.Properties")) {
        vnetd_handle_properties(daemon, VNET_OBJECT_NETWORK, VNETD_NETWORK_IFACE, object_path,
                                method_name, parameters, invocation);
    } else if (g_str_equal(method_name, "GetXML")) {
        vnetd_job_push(daemon, invocation, job_get_xml, FALSE, VNET_OBJECT_NETWORK, uuid);
    } else if (g_str_equal(method_name, "GetDHCPLeases")) {
        vnetd_job_push(daemon, invocation, job_get_leases, FALSE, VNET_OBJECT_NETWORK, uuid);
    } else {
        vnetd_job_push(daemon, invocation, job_change, TRUE, VNET_OBJECT_NETWORK, uuid);
    }
}

static const GDBusInterfaceVTable network_vtable = {
    .method_call = method_call,
};

/**
 * vnetd_network_register:
 * @daemon: the daemon
 * @error: return location for a #GError
 *
 * Exports org.vnet1.Network on every node under /org/vnet1/network.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnetd_network_register(VnetdDaemon *daemon, GError **error)
{
    daemon->network_reg = vnetd_subtree_register(
        daemon, VNET_OBJECT_NETWORK,
        g_dbus_node_info_lookup_interface(daemon->network_info, VNETD_NETWORK_IFACE),
        &network_vtable, error);
    return daemon->network_reg != 0;
}
