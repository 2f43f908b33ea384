/* libvnet-network.c: public entry points for networks. Each one checks its
 * arguments, locks the connection and makes one driver call. */
#include <config.h>

#include "libvnet-private.h"
#include "util/vnet-i18n.h"

struct _VnetNetwork {
    gatomicrefcount ref;
    VnetConnection *conn;
    char *name;
    VnetUuid uuid;
    char uuid_str[VNET_UUID_STRLEN];
};

static VnetNetwork *
network_new(VnetConnection *conn, VnetObjectId *id)
{
    VnetNetwork *network = g_new0(VnetNetwork, 1);

    g_atomic_ref_count_init(&network->ref);
    network->conn = vnet_connection_ref(conn);
    network->name = g_steal_pointer(&id->name);
    network->uuid = id->uuid;
    vnet_uuid_format(&id->uuid, network->uuid_str);
    vnet_object_id_free(id);
    return network;
}

/**
 * vnet_network_define_xml:
 * @conn: a connection
 * @xml: network XML
 * @error: return location for a #GError
 *
 * Defines or redefines a network.
 *
 * Returns: (transfer full): a handle, or %NULL with @error set.
 */
VnetNetwork *
vnet_network_define_xml(VnetConnection *conn, const char *xml, GError **error)
{
    VnetObjectId *id;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(xml, NULL);
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->network_define_xml(conn->drv, xml, error);
    }
    return id ? network_new(conn, id) : NULL;
}

/**
 * vnet_network_undefine:
 * @network: a network
 * @error: return location for a #GError
 *
 * Removes the definition of a stopped network.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_undefine(VnetNetwork *network, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_undefine(network->conn->drv, &network->uuid, error);
}

/**
 * vnet_network_lookup_by_name:
 * @conn: a connection
 * @name: a name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_NETWORK.
 */
VnetNetwork *
vnet_network_lookup_by_name(VnetConnection *conn, const char *name, GError **error)
{
    VnetObjectId *id;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(name, NULL);
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->network_lookup_by_name(conn->drv, name, error);
    }
    return id ? network_new(conn, id) : NULL;
}

/**
 * vnet_network_lookup_by_uuid:
 * @conn: a connection
 * @uuid: a UUID string
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with @error set.
 */
VnetNetwork *
vnet_network_lookup_by_uuid(VnetConnection *conn, const char *uuid, GError **error)
{
    VnetObjectId *id;
    VnetUuid parsed;

    g_return_val_if_fail(conn, NULL);
    g_return_val_if_fail(uuid, NULL);
    if (!vnet_api_parse_uuid(uuid, &parsed, error))
        return NULL;
    {
        VNET_CONNECTION_LOCKED(conn);
        id = conn->driver->network_lookup_by_uuid(conn->drv, &parsed, error);
    }
    return id ? network_new(conn, id) : NULL;
}

/**
 * vnet_connection_list_networks:
 * @conn: a connection
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetNetwork): the networks.
 */
GPtrArray *
vnet_connection_list_networks(VnetConnection *conn, VnetListFlags flags, GError **error)
{
    g_autoptr(GPtrArray) ids = NULL;
    GPtrArray *ret;

    g_return_val_if_fail(conn, NULL);
    {
        VNET_CONNECTION_LOCKED(conn);
        ids = conn->driver->network_list(conn->drv, flags, error);
    }
    if (!ids)
        return NULL;
    ret = g_ptr_array_new_full(ids->len, (GDestroyNotify)vnet_network_unref);
    for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add(ret, network_new(conn, g_steal_pointer(&ids->pdata[i])));
    return ret;
}

/**
 * vnet_connection_list_network_names:
 * @conn: a connection
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the sorted names.
 */
char **
vnet_connection_list_network_names(VnetConnection *conn, VnetListFlags flags, GError **error)
{
    g_autoptr(GPtrArray) ids = NULL;
    g_autoptr(GStrvBuilder) names = g_strv_builder_new();

    g_return_val_if_fail(conn, NULL);
    {
        VNET_CONNECTION_LOCKED(conn);
        ids = conn->driver->network_list(conn->drv, flags, error);
    }
    if (!ids)
        return NULL;
    for (guint i = 0; i < ids->len; i++)
        g_strv_builder_add(names, ((VnetObjectId *)ids->pdata[i])->name);
    return g_strv_builder_end(names);
}

/**
 * vnet_network_ref:
 * @network: a handle
 *
 * Returns: (transfer full): @network.
 */
VnetNetwork *
vnet_network_ref(VnetNetwork *network)
{
    g_return_val_if_fail(network, NULL);
    g_atomic_ref_count_inc(&network->ref);
    return network;
}

/**
 * vnet_network_unref:
 * @network: (nullable): a handle
 *
 * Drops a reference to the handle.
 */
void
vnet_network_unref(VnetNetwork *network)
{
    if (!network || !g_atomic_ref_count_dec(&network->ref))
        return;
    vnet_connection_close(network->conn);
    g_free(network->name);
    g_free(network);
}

/**
 * vnet_network_get_connection:
 * @network: a handle
 *
 * Returns: (transfer none): its connection.
 */
VnetConnection *
vnet_network_get_connection(VnetNetwork *network)
{
    g_return_val_if_fail(network, NULL);
    return network->conn;
}

/**
 * vnet_network_get_name:
 * @network: a handle
 *
 * Returns: (transfer none): the name.
 */
const char *
vnet_network_get_name(VnetNetwork *network)
{
    g_return_val_if_fail(network, NULL);
    return network->name;
}

/**
 * vnet_network_get_uuid:
 * @network: a handle
 *
 * Returns: (transfer none): the UUID as text.
 */
const char *
vnet_network_get_uuid(VnetNetwork *network)
{
    g_return_val_if_fail(network, NULL);
    return network->uuid_str;
}

/**
 * vnet_network_get_xml:
 * @network: a network
 * @flags: #VnetNetworkXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the XML, or %NULL with @error set.
 */
char *
vnet_network_get_xml(VnetNetwork *network, VnetNetworkXmlFlags flags, GError **error)
{
    g_return_val_if_fail(network, NULL);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_get_xml(network->conn->drv, &network->uuid, flags,
                                                  error);
}

/**
 * vnet_network_start:
 * @network: a network
 * @error: return location for a #GError
 *
 * Starts the network.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_start(VnetNetwork *network, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_start(network->conn->drv, &network->uuid, error);
}

/**
 * vnet_network_destroy:
 * @network: a network
 * @error: return location for a #GError
 *
 * Stops the network.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_destroy(VnetNetwork *network, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_destroy(network->conn->drv, &network->uuid, error);
}

/**
 * vnet_network_destroy_flags:
 * @network: a network
 * @flags: #VnetNetworkDestroyFlags
 * @error: return location for a #GError
 *
 * Stops the network; forced, also while domains use it.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_destroy_flags(VnetNetwork *network, guint flags, GError **error)
{
    const VnetDriver *driver;

    g_return_val_if_fail(network, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    driver = network->conn->driver;
    if (flags & ~(guint)VNET_NETWORK_DESTROY_FORCE) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                    _("unknown network destroy flags 0x%x (known: 0x%x, force)"),
                    flags & ~(guint)VNET_NETWORK_DESTROY_FORCE, (guint)VNET_NETWORK_DESTROY_FORCE);
        return FALSE;
    }
    if (driver->network_destroy_flags)
        return driver->network_destroy_flags(network->conn->drv, &network->uuid, flags, error);
    if (flags != 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                    _("the '%s' driver cannot force a network down"), driver->name);
        return FALSE;
    }
    return driver->network_destroy(network->conn->drv, &network->uuid, error);
}

/**
 * vnet_network_is_active:
 * @network: a network
 * @error: return location for a #GError
 *
 * Returns: 1, 0, or -1 on error.
 */
int
vnet_network_is_active(VnetNetwork *network, GError **error)
{
    gboolean active;

    g_return_val_if_fail(network, -1);
    VNET_CONNECTION_LOCKED(network->conn);
    if (!network->conn->driver->network_get_state(network->conn->drv, &network->uuid, &active,
                                                  NULL, error))
        return -1;
    return active;
}

/**
 * vnet_network_set_autostart:
 * @network: a network
 * @autostart: the new flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_set_autostart(VnetNetwork *network, gboolean autostart, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_set_autostart(network->conn->drv, &network->uuid,
                                                        !!autostart, error);
}

/**
 * vnet_network_get_autostart:
 * @network: a network
 * @error: return location for a #GError
 *
 * Returns: 1, 0, or -1 on error.
 */
int
vnet_network_get_autostart(VnetNetwork *network, GError **error)
{
    gboolean active;
    gboolean autostart;

    g_return_val_if_fail(network, -1);
    VNET_CONNECTION_LOCKED(network->conn);
    if (!network->conn->driver->network_get_state(network->conn->drv, &network->uuid, &active,
                                                  &autostart, error))
        return -1;
    return autostart;
}

/**
 * vnet_dhcp_lease_free:
 * @lease: (nullable): a lease
 *
 * Frees @lease.
 */
void
vnet_dhcp_lease_free(VnetDhcpLease *lease)
{
    if (!lease)
        return;
    g_free(lease->mac);
    g_free(lease->ip);
    g_free(lease->hostname);
    g_free(lease->client_id);
    g_free(lease);
}

/**
 * vnet_network_get_dhcp_leases:
 * @network: a network
 * @mac: (nullable): a MAC address filter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDhcpLease): the leases.
 */
GPtrArray *
vnet_network_get_dhcp_leases(VnetNetwork *network, const char *mac, GError **error)
{
    g_return_val_if_fail(network, NULL);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_get_dhcp_leases(network->conn->drv, &network->uuid,
                                                          mac, error);
}

/**
 * vnet_network_add_port_forward:
 * @network: a network
 * @xml: a <portForward> element
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_add_port_forward(VnetNetwork *network, const char *xml,
                              VnetNetworkAffectFlags flags, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    g_return_val_if_fail(xml, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_add_port_forward(network->conn->drv, &network->uuid,
                                                           xml, flags, error);
}

/**
 * vnet_network_remove_port_forward:
 * @network: a network
 * @name: the rule's name
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_network_remove_port_forward(VnetNetwork *network, const char *name,
                                 VnetNetworkAffectFlags flags, GError **error)
{
    g_return_val_if_fail(network, FALSE);
    g_return_val_if_fail(name, FALSE);
    VNET_CONNECTION_LOCKED(network->conn);
    return network->conn->driver->network_remove_port_forward(network->conn->drv,
                                                              &network->uuid, name, flags, error);
}
