/* vnetd-domain-dbus.c: org.vnet1.Domain on /org/vnet1/domain/<uuid>.
 *
 * Each method unpacks its arguments and calls the C API in a job; methods
 * that change the domain need write access and refresh the cache before
 * they reply. */
#include <config.h>

#include "vnetd.h"

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

/* The changes only a domain has: each calls one function of the C API on
 * the domain, then the cache is refreshed. */
static gboolean
job_change(VnetdJob *job, GVariant **ret_reply, char **ret_refresh_uuid, GError **error)
{
    const char *method = g_dbus_method_invocation_get_method_name(job->invocation);
    GVariant *params = vnetd_job_params(job);
    g_autoptr(VnetDomain) dom = vnetd_job_domain(job, error);
    gboolean ok;

    if (!dom)
        return FALSE;
    if (g_str_equal(method, "AttachInterface")) {
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

/* What only org.vnet1.Domain has (GetXML, Start, Destroy, Undefine and
 * SetAutostart are the subtree's): every method besides these is one of
 * job_change's. */
static const VnetdMethod domain_methods[] = {
    {"ListInterfaces", job_list_interfaces, FALSE},
    {NULL, job_change, TRUE},
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
    return vnetd_subtree_register(daemon, VNET_OBJECT_DOMAIN, domain_methods, error);
}
