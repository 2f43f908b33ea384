/* vnetd-network-dbus.c: org.vnet1.Network on /org/vnet1/network/<uuid>.
 *
 * Each method unpacks its arguments and calls the C API in a job; methods
 * that change the network need write access and refresh the cache before
 * they reply. */
#include <config.h>

#include "vnetd.h"

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

/* DestroyWithFlags and the changes only a network has: one C API call
 * each, then the cache is refreshed. */
static gboolean
job_change(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    GVariant *params = vnetd_job_params(job);
    g_autoptr(VnetNetwork) net = vnetd_job_network(job, error);
    gboolean ok;

    if (!net)
        return FALSE;
    if (g_str_equal(method, "DestroyWithFlags")) {
        guint32 flags;

        g_variant_get(params, "(u)", &flags);
        ok = vnet_network_destroy_flags(net, flags, error);
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

/* What only org.vnet1.Network has (GetXML, Start, Destroy, Undefine and
 * SetAutostart are the subtree's): every method besides these is one of
 * job_change's. */
static const VnetdMethod network_methods[] = {
    {"GetDHCPLeases", job_get_leases, FALSE},
    {NULL, job_change, TRUE},
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
    return vnetd_subtree_register(daemon, VNET_OBJECT_NETWORK, network_methods, error);
}
