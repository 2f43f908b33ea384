/* vnetd-domain-dbus.c: org.vnet1.Domain on /org/vnet1/domain/<uuid>.
 *
 * Each method unpacks its arguments and calls the C API in a job; methods
 * that change the domain need write access and refresh the cache before
 * they reply. */
#include <config.h>

#include "vnetd.h"

static gboolean
job_get_xml(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    g_autoptr(VnetDomain) dom = vnetd_job_domain(job, error);
    g_autofree char *xml = NULL;
    guint32 flags;

    if (!dom)
        return FALSE;
    g_variant_get(vnetd_job_params(job), "(u)", &flags);
    xml = vnet_domain_get_xml(dom, flags, error);
    if (!xml)
        return FALSE;
    *ret_reply = g_variant_new("(s)", xml);
    return TRUE;
}

static void
add_str(GVariantBuilder *builder, const char *key, const char *value)
{
    if (value)
        g_variant_builder_add(builder, "{sv}", key, g_variant_new_string(value));
}

static gboolean
job_list_interfaces(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid,
                    GError **error)
{
    g_autoptr(VnetDomain) dom = vnetd_job_domain(job, error);
    g_autoptr(GPtrArray) nics = NULL;
    GVariantBuilder builder;
    guint32 flags;

    if (!dom)
        return FALSE;
    g_variant_get(vnetd_job_params(job), "(u)", &flags);
    nics = vnet_domain_list_interfaces(dom, flags, error);
    if (!nics)
        return FALSE;
    g_variant_builder_init(&builder, G_VARIANT_TYPE("aa{sv}"));
    for (guint i = 0; i < nics->len; i++) {
        VnetDomainInterface *nic = nics->pdata[i];

        g_variant_builder_open(&builder, G_VARIANT_TYPE_VARDICT);
        g_variant_builder_add(&builder, "{sv}", "index", g_variant_new_uint32(nic->index));
        add_str(&builder, "type", nic->type);
        add_str(&builder, "source", nic->source);
        add_str(&builder, "model", nic->model);
        add_str(&builder, "mode", nic->mode);
        add_str(&builder, "mac", nic->mac);
        g_variant_builder_add(&builder, "{sv}", "link_up", g_variant_new_boolean(nic->link_up));
        g_variant_builder_add(&builder, "{sv}", "mtu", g_variant_new_uint32(nic->mtu));
        add_str(&builder, "target", nic->target);
        add_str(&builder, "guest_name", nic->guest_name);
        g_variant_builder_close(&builder);
    }
    *ret_reply = g_variant_new("(@aa{sv})", g_variant_builder_end(&builder));
    return TRUE;
}

/* Start, Destroy, Undefine and the changes: each calls one function of the
 * C API on the domain, then the cache is refreshed. */
static gboolean
job_change(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    GVariant *params = vnetd_job_params(job);
    g_autoptr(VnetDomain) dom = vnetd_job_domain(job, error);
    gboolean ok;

    if (!dom)
        return FALSE;
    if (g_str_equal(method, "Start")) {
        ok = vnet_domain_start(dom, error);
    } else if (g_str_equal(method, "Destroy")) {
        ok = vnet_domain_destroy(dom, error);
    } else if (g_str_equal(method, "Undefine")) {
        ok = vnet_domain_undefine(dom, error);
    } else if (g_str_equal(method, "SetAutostart")) {
        gboolean autostart;

        g_variant_get(params, "(b)", &autostart);
        ok = vnet_domain_set_autostart(dom, autostart, error);
    } else if (g_str_equal(method, "AttachInterface")) {
        const char *xml;
        guint32 flags;

        g_variant_get(params, "(&su)", &xml, &flags);
        ok = vnet_domain_attach_interface(dom, xml, flags, error);
    } else if (g_str_equal(method, "DetachInterface")) {
        const char *iface;
        guint32 flags;

        g_variant_get(params, "(&su)", &iface, &flags);
        ok = vnet_domain_detach_interface(dom, iface, flags, error);
    } else {
        const char *iface;
        gboolean up;
        guint32 flags;

        g_assert(g_str_equal(method, "SetLinkState"));
        g_variant_get(params, "(&sbu)", &iface, &up, &flags);
        ok = vnet_domain_set_link_state(dom, iface, up, flags, error);
    }
    if (ok)
        *ret_refresh_uuid = g_strdup(vnet_domain_get_uuid(dom));
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
        vnetd_handle_properties(daemon, VNET_OBJECT_DOMAIN, VNETD_DOMAIN_IFACE, object_path,
                                method_name, parameters, invocation);
    } else if (g_str_equal(method_name, "GetXML")) {
        vnetd_job_push(daemon, invocation, job_get_xml, FALSE, VNET_OBJECT_DOMAIN, uuid);
    } else if (g_str_equal(method_name, "ListInterfaces")) {
        vnetd_job_push(daemon, invocation, job_list_interfaces, FALSE, VNET_OBJECT_DOMAIN, uuid);
    } else {
        vnetd_job_push(daemon, invocation, job_change, TRUE, VNET_OBJECT_DOMAIN, uuid);
    }
}

static const GDBusInterfaceVTable domain_vtable = {
    .method_call = method_call,
};

/**
 * vnetd_domain_register:
 * @daemon: the daemon
 * @error: return location for a #GError
 *
 * Exports org.vnet1.Domain on every node under /org/vnet1/domain.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnetd_domain_register(VnetdDaemon *daemon, GError **error)
{
    daemon->domain_reg = vnetd_subtree_register(
        daemon, VNET_OBJECT_DOMAIN,
        g_dbus_node_info_lookup_interface(daemon->domain_info, VNETD_DOMAIN_IFACE),
        &domain_vtable, error);
    return daemon->domain_reg != 0;
}
