/* libvnet-domain.c: public entry points for domains. Each one checks its
 * arguments, locks the connection and makes one driver call. */
#include <config.h>

#include "libvnet-private.h"
#include "util/vnet-i18n.h"

struct _VnetDomain {
    gatomicrefcount ref;
    VnetConnection *conn;
    char *name;
    VnetUuid uuid;
    char uuid_str[VNET_UUID_STRLEN];
};

static VnetDomain *
domain_new(VnetConnection *conn, VnetObjectId *id)
{
    VnetDomain *domain = g_new0(VnetDomain, 1);

    g_atomic_ref_count_init(&domain->ref);
    domain->conn = vnet_connection_ref(conn);
    domain->name = g_steal_pointer(&id->name);
    domain->uuid = id->uuid;
    vnet_uuid_format(&id->uuid, domain->uuid_str);
    vnet_object_id_free(id);
    return domain;
}

/**
 * vnet_domain_state_to_string:
 * @state: a domain state
 *
 * Returns: (transfer none): "shut off", "running", or %NULL.
 */
const char *
vnet_domain_state_to_string(VnetDomainState state)
{
    switch (state) {
    case VNET_DOMAIN_STATE_SHUTOFF:
        return "shut off";
    case VNET_DOMAIN_STATE_RUNNING:
        return "running";
    }
    return NULL;
}

/**
 * vnet_domain_define_xml:
 * @conn: a connection
 * @xml: domain XML
 * @error: return location for a #GError
 *
 * Defines or redefines a domain.
 *
 * Returns: (transfer full): a handle, or %NULL with @error set.
 */
VnetDomain *
vnet_domain_define_xml(VnetConnection *conn, const char *xml, GError **error)
{
    VnetObjectId *id;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(xml, NULL);
    vnet_i18n_init();
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->domain_define_xml(conn->drv, xml, error);
    }
    return id ? domain_new(conn, id) : NULL;
}

/**
 * vnet_domain_undefine:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Removes the definition of a stopped domain.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_undefine(VnetDomain *domain, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_undefine(domain->conn->drv, &domain->uuid, error);
}

/**
 * vnet_domain_lookup_by_name:
 * @conn: a connection
 * @name: a name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_DOMAIN.
 */
VnetDomain *
vnet_domain_lookup_by_name(VnetConnection *conn, const char *name, GError **error)
{
    VnetObjectId *id;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(name, NULL);
    vnet_i18n_init();
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->domain_lookup_by_name(conn->drv, name, error);
    }
    return id ? domain_new(conn, id) : NULL;
}

/**
 * vnet_domain_lookup_by_uuid:
 * @conn: a connection
 * @uuid: a UUID string
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with @error set.
 */
VnetDomain *
vnet_domain_lookup_by_uuid(VnetConnection *conn, const char *uuid, GError **error)
{
    VnetObjectId *id;
    VnetUuid parsed;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(uuid, NULL);
    vnet_i18n_init();
    if (!vnet_api_parse_uuid(uuid, &parsed, error))
        return NULL;
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->domain_lookup_by_uuid(conn->drv, &parsed, error);
    }
    return id ? domain_new(conn, id) : NULL;
}

/**
 * vnet_connection_list_domains:
 * @conn: a connection
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDomain): the domains.
 */
GPtrArray *
vnet_connection_list_domains(VnetConnection *conn, VnetListFlags flags, GError **error)
{
    g_autoptr(GPtrArray) ids = NULL;
    GPtrArray *ret;

    g_return_val_if_fail(conn, NULL);
    vnet_i18n_init();
    {
        VNET_CONNECTION_LOCKED(conn);
        ids = conn->driver->domain_list(conn->drv, flags, error);
    }
    if (!ids)
        return NULL;
    ret = g_ptr_array_new_full(ids->len, (GDestroyNotify)vnet_domain_unref);
    for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add(ret, domain_new(conn, g_steal_pointer(&ids->pdata[i])));
    return ret;
}

/**
 * vnet_connection_list_domain_names:
 * @conn: a connection
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sorted names.
 */
char **
vnet_connection_list_domain_names(VnetConnection *conn, VnetListFlags flags, GError **error)
{
    g_autoptr(GPtrArray) ids = NULL;
    g_autoptr(GStrvBuilder) names = g_strv_builder_new();

    g_return_val_if_fail(conn, NULL);
    vnet_i18n_init();
    {
        VNET_CONNECTION_LOCKED(conn);
        ids = conn->driver->domain_list(conn->drv, flags, error);
    }
    if (!ids)
        return NULL;
    for (guint i = 0; i < ids->len; i++)
        g_strv_builder_add(names, ((VnetObjectId *)ids->pdata[i])->name);
    return g_strv_builder_end(names);
}

/**
 * vnet_domain_ref:
 * @domain: a handle
 *
 * Returns: (transfer full): @domain.
 */
VnetDomain *
vnet_domain_ref(VnetDomain *domain)
{
    g_return_val_if_fail(domain, NULL);
    g_atomic_ref_count_inc(&domain->ref);
    return domain;
}

/**
 * vnet_domain_unref:
 * @domain: (nullable): a handle
 *
 * Drops a reference to the handle.
 */
void
vnet_domain_unref(VnetDomain *domain)
{
    if (!domain || !g_atomic_ref_count_dec(&domain->ref))
        return;
    vnet_connection_close(domain->conn);
    g_free(domain->name);
    g_free(domain);
}

/**
 * vnet_domain_get_connection:
 * @domain: a handle
 *
 * Returns: (transfer none): its connection.
 */
VnetConnection *
vnet_domain_get_connection(VnetDomain *domain)
{
    g_return_val_if_fail(domain, NULL);
    return domain->conn;
}

/**
 * vnet_domain_get_name:
 * @domain: a handle
 *
 * Returns: (transfer none): the name.
 */
const char *
vnet_domain_get_name(VnetDomain *domain)
{
    g_return_val_if_fail(domain, NULL);
    return domain->name;
}

/**
 * vnet_domain_get_uuid:
 * @domain: a handle
 *
 * Returns: (transfer none): the UUID as text.
 */
const char *
vnet_domain_get_uuid(VnetDomain *domain)
{
    g_return_val_if_fail(domain, NULL);
    return domain->uuid_str;
}

/**
 * vnet_domain_get_xml:
 * @domain: a domain
 * @flags: #VnetDomainXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the XML, or %NULL with @error set.
 */
char *
vnet_domain_get_xml(VnetDomain *domain, VnetDomainXmlFlags flags, GError **error)
{
    g_return_val_if_fail(domain, NULL);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_get_xml(domain->conn->drv, &domain->uuid, flags, error);
}

/**
 * vnet_domain_start:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Starts the domain.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_start(VnetDomain *domain, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_start(domain->conn->drv, &domain->uuid, error);
}

/**
 * vnet_domain_destroy:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Stops the domain.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_destroy(VnetDomain *domain, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_destroy(domain->conn->drv, &domain->uuid, error);
}

/**
 * vnet_domain_get_state:
 * @domain: a domain
 * @ret_state: (out): the state
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_get_state(VnetDomain *domain, VnetDomainState *ret_state, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    g_return_val_if_fail(ret_state, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_get_state(domain->conn->drv, &domain->uuid, ret_state,
                                                  NULL, error);
}

/**
 * vnet_domain_is_active:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: 1, 0, or -1 on error.
 */
int
vnet_domain_is_active(VnetDomain *domain, GError **error)
{
    VnetDomainState state;

    if (!vnet_domain_get_state(domain, &state, error))
        return -1;
    return state == VNET_DOMAIN_STATE_RUNNING;
}

/**
 * vnet_domain_set_autostart:
 * @domain: a domain
 * @autostart: the new flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_set_autostart(VnetDomain *domain, gboolean autostart, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_set_autostart(domain->conn->drv, &domain->uuid,
                                                      !!autostart, error);
}

/**
 * vnet_domain_get_autostart:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: 1, 0, or -1 on error.
 */
int
vnet_domain_get_autostart(VnetDomain *domain, GError **error)
{
    VnetDomainState state;
    gboolean autostart;

    g_return_val_if_fail(domain, -1);
    VNET_CONNECTION_LOCKED(domain->conn);
    if (!domain->conn->driver->domain_get_state(domain->conn->drv, &domain->uuid, &state,
                                                &autostart, error))
        return -1;
    return autostart;
}

/**
 * vnet_domain_attach_interface:
 * @domain: a domain
 * @xml: an <interface> element
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_attach_interface(VnetDomain *domain, const char *xml, VnetDomainAffectFlags flags,
                             GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    g_return_val_if_fail(xml, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_attach_interface(domain->conn->drv, &domain->uuid, xml,
                                                         flags, error);
}

/**
 * vnet_domain_detach_interface:
 * @domain: a domain
 * @iface: MAC address or host device name
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_detach_interface(VnetDomain *domain, const char *iface, VnetDomainAffectFlags flags,
                             GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    g_return_val_if_fail(iface, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_detach_interface(domain->conn->drv, &domain->uuid,
                                                         iface, flags, error);
}

/**
 * vnet_domain_set_link_state:
 * @domain: a domain
 * @iface: MAC address or host device name
 * @up: cable connected or not
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_domain_set_link_state(VnetDomain *domain, const char *iface, gboolean up,
                           VnetDomainAffectFlags flags, GError **error)
{
    g_return_val_if_fail(domain, FALSE);
    g_return_val_if_fail(iface, FALSE);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_set_link_state(domain->conn->drv, &domain->uuid, iface,
                                                       !!up, flags, error);
}

/**
 * vnet_domain_interface_free:
 * @iface: (nullable): an interface description
 *
 * Frees @iface.
 */
void
vnet_domain_interface_free(VnetDomainInterface *iface)
{
    if (!iface)
        return;
    g_free(iface->type);
    g_free(iface->source);
    g_free(iface->model);
    g_free(iface->mac);
    g_free(iface->target);
    g_free(iface->guest_name);
    g_free(iface->mode);
    g_free(iface);
}

/**
 * vnet_domain_list_interfaces:
 * @domain: a domain
 * @flags: #VnetDomainXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDomainInterface): the NICs.
 */
GPtrArray *
vnet_domain_list_interfaces(VnetDomain *domain, VnetDomainXmlFlags flags, GError **error)
{
    g_return_val_if_fail(domain, NULL);
    VNET_CONNECTION_LOCKED(domain->conn);
    return domain->conn->driver->domain_list_interfaces(domain->conn->drv, &domain->uuid, flags,
                                                        error);
}
