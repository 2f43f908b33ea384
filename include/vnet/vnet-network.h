/* vnet-network.h: virtual networks.
 *
 * A network is defined from network XML, then started (its bridge,
 * firewall rules and DHCP server realized on the host) and destroyed. A
 * #VnetNetwork is a handle naming the network by UUID; every call looks it
 * up again and fails with %VNET_ERROR_NO_NETWORK when it is gone.
 */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

#include <vnet/vnet-connection.h>
#include <vnet/vnet-domain.h>

G_BEGIN_DECLS

/**
 * VnetNetwork:
 *
 * A handle on one network of a connection (opaque, reference counted).
 */
typedef struct _VnetNetwork VnetNetwork;

/**
 * VnetNetworkXmlFlags:
 * @VNET_NETWORK_XML_INACTIVE: the persistent configuration, even while the
 *   network runs
 *
 * Flags of vnet_network_get_xml().
 */
typedef enum {
    VNET_NETWORK_XML_INACTIVE = 1 << 0,
} VnetNetworkXmlFlags;

/**
 * vnet_network_define_xml:
 * @conn: a connection
 * @xml: a network XML document
 * @error: return location for a #GError
 *
 * Defines a persistent network, or replaces the definition of the network
 * with the same name and UUID (applied at its next start). The definition
 * is validated, also against the other networks (e.g. overlapping subnets
 * or bridge names).
 *
 * Returns: (transfer full): a handle, or %NULL with @error set
 *   (%VNET_ERROR_NETWORK_EXISTS when the name or UUID is taken by another
 *   network).
 */
VnetNetwork *vnet_network_define_xml(VnetConnection *conn, const char *xml, GError **error);

/**
 * vnet_network_undefine:
 * @network: a network
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   the network is running.
 */
gboolean vnet_network_undefine(VnetNetwork *network, GError **error);

/**
 * vnet_network_lookup_by_name:
 * @conn: a connection
 * @name: a network name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_NETWORK.
 */
VnetNetwork *vnet_network_lookup_by_name(VnetConnection *conn, const char *name,
                                         GError **error);

/**
 * vnet_network_lookup_by_uuid:
 * @conn: a connection
 * @uuid: a UUID in text form
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_NETWORK.
 */
VnetNetwork *vnet_network_lookup_by_uuid(VnetConnection *conn, const char *uuid,
                                         GError **error);

/**
 * vnet_connection_list_networks:
 * @conn: a connection
 * @flags: #VnetListFlags (0: all)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetNetwork): the networks sorted by
 *   name, in a #GPtrArray that frees its handles; %NULL with @error set.
 */
GPtrArray *vnet_connection_list_networks(VnetConnection *conn, VnetListFlags flags,
                                         GError **error);

/**
 * vnet_connection_list_network_names:
 * @conn: a connection
 * @flags: #VnetListFlags (0: all)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): sorted names (g_strfreev()), or %NULL with
 *   @error set.
 */
char **vnet_connection_list_network_names(VnetConnection *conn, VnetListFlags flags,
                                          GError **error);

/**
 * vnet_network_ref:
 * @network: a network handle
 *
 * Returns: (transfer full): @network with one more reference.
 */
VnetNetwork *vnet_network_ref(VnetNetwork *network);

/**
 * vnet_network_unref:
 * @network: (nullable) (transfer full): a network handle
 *
 * Drops a reference to the handle.
 */
void vnet_network_unref(VnetNetwork *network);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetwork, vnet_network_unref)

/**
 * vnet_network_get_connection:
 * @network: a network handle
 *
 * Returns: (transfer none): the connection of @network.
 */
VnetConnection *vnet_network_get_connection(VnetNetwork *network);

/**
 * vnet_network_get_name:
 * @network: a network handle
 *
 * Returns: (transfer none): the network's name.
 */
const char *vnet_network_get_name(VnetNetwork *network);

/**
 * vnet_network_get_uuid:
 * @network: a network handle
 *
 * Returns: (transfer none): the network's UUID in canonical text form.
 */
const char *vnet_network_get_uuid(VnetNetwork *network);

/**
 * vnet_network_get_xml:
 * @network: a network
 * @flags: #VnetNetworkXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the network XML, or %NULL with @error set.
 */
char *vnet_network_get_xml(VnetNetwork *network, VnetNetworkXmlFlags flags, GError **error);

/**
 * vnet_network_start:
 * @network: a network
 * @error: return location for a #GError
 *
 * Realizes the network on the host; a failure undoes every step done.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   already running, or the error of the failed step.
 */
gboolean vnet_network_start(VnetNetwork *network, GError **error);

/**
 * vnet_network_destroy:
 * @network: a network
 * @error: return location for a #GError
 *
 * Stops a running network and removes what its start created.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   it is not running.
 */
gboolean vnet_network_destroy(VnetNetwork *network, GError **error);

/**
 * VnetNetworkDestroyFlags:
 * @VNET_NETWORK_DESTROY_FORCE: stop the network even while running domains
 *   use it (their interfaces stay, cut off from it)
 *
 * Flags of vnet_network_destroy_flags().
 */
typedef enum {
    VNET_NETWORK_DESTROY_FORCE = 1 << 0,
} VnetNetworkDestroyFlags;

/**
 * vnet_network_destroy_flags:
 * @network: a network
 * @flags: #VnetNetworkDestroyFlags
 * @error: return location for a #GError
 *
 * Stops a running network. Without %VNET_NETWORK_DESTROY_FORCE this is
 * refused with %VNET_ERROR_OPERATION_INVALID, naming a domain, while
 * running domains have interfaces on it (vnet_network_destroy() never
 * forces).
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_INVALID_ARG for flags
 *   outside #VnetNetworkDestroyFlags.
 */
gboolean vnet_network_destroy_flags(VnetNetwork *network, guint flags, GError **error);

/**
 * vnet_network_is_active:
 * @network: a network
 * @error: return location for a #GError
 *
 * Returns: 1 when running, 0 when not, -1 with @error set.
 */
int vnet_network_is_active(VnetNetwork *network, GError **error);

/**
 * vnet_network_set_autostart:
 * @network: a network
 * @autostart: whether to start it when a local connection opens with
 *   %VNET_CONNECTION_AUTOSTART (or vnetd starts)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean vnet_network_set_autostart(VnetNetwork *network, gboolean autostart, GError **error);

/**
 * vnet_network_get_autostart:
 * @network: a network
 * @error: return location for a #GError
 *
 * Returns: 1 when marked autostart, 0 when not, -1 with @error set.
 */
int vnet_network_get_autostart(VnetNetwork *network, GError **error);

/**
 * VnetDhcpLease:
 * @mac: the client's MAC address
 * @ip: the leased address in text form
 * @prefix: the prefix length of the network's subnet
 * @hostname: (nullable): the host name the client sent
 * @client_id: (nullable): the DHCP client identifier
 * @expiry_time: when the lease ends, seconds since the Unix epoch (0: never)
 *
 * One DHCP lease (plain data).
 */
typedef struct {
    char *mac;
    char *ip;
    guint prefix;
    char *hostname;
    char *client_id;
    gint64 expiry_time;
} VnetDhcpLease;

void vnet_dhcp_lease_free(VnetDhcpLease *lease);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDhcpLease, vnet_dhcp_lease_free)

/**
 * vnet_network_get_dhcp_leases:
 * @network: a running network
 * @mac: (nullable): only the leases of this MAC address
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDhcpLease): the current leases
 *   sorted by address (empty when none), or %NULL with @error set
 *   (%VNET_ERROR_OPERATION_INVALID when the network is not running).
 */
GPtrArray *vnet_network_get_dhcp_leases(VnetNetwork *network, const char *mac,
                                        GError **error);

/**
 * VnetNetworkAffectFlags:
 * @VNET_NETWORK_AFFECT_CURRENT: the live network when running, else its
 *   configuration (value 0)
 * @VNET_NETWORK_AFFECT_LIVE: the running network (fails when it is not)
 * @VNET_NETWORK_AFFECT_CONFIG: the persistent configuration
 *
 * Where a change applies; LIVE and CONFIG may be combined.
 */
typedef enum {
    VNET_NETWORK_AFFECT_CURRENT = 0,
    VNET_NETWORK_AFFECT_LIVE = 1 << 0,
    VNET_NETWORK_AFFECT_CONFIG = 1 << 1,
} VnetNetworkAffectFlags;

/**
 * vnet_network_add_port_forward:
 * @network: a NAT network
 * @xml: one <portForward> element, e.g.
 *   <portForward name='ssh' protocol='tcp' hostPort='2222'
 *   guestAddress='10.0.2.15' guestPort='22'/>
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Adds a port-forwarding rule to a NAT network, live and/or persistently.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_CONFIG_INVALID when the
 *   rule clashes with another (same name, or same protocol, host address and
 *   port) or the network is not a NAT network.
 */
gboolean vnet_network_add_port_forward(VnetNetwork *network, const char *xml,
                                       VnetNetworkAffectFlags flags, GError **error);

/**
 * vnet_network_remove_port_forward:
 * @network: a NAT network
 * @name: the rule's name
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_INVALID_ARG when no rule
 *   has that name.
 */
gboolean vnet_network_remove_port_forward(VnetNetwork *network, const char *name,
                                          VnetNetworkAffectFlags flags, GError **error);

/**
 * VnetNetworkInfo:
 * @name: the network's name
 * @kind: what it is: "nat", "hostonly", "internal", "bridged" (an existing
 *   host bridge), "route", "open", or a direct pool: "vepa", "private",
 *   "direct-bridge", "passthrough"
 * @bridge: (nullable): the bridge's name, when known (a running network's
 *   live bridge, or the configured one), else %NULL
 * @ipv4: (nullable): the host's IPv4 address and prefix ("192.168.15.1/24")
 * @ipv6: (nullable): the host's IPv6 address and prefix
 * @dhcp: whether a DHCP server serves any of its subnets
 * @port_forwards: (array zero-terminated=1): the port-forward rules in
 *   VirtualBox's form "name:proto:[hostip]:hostport:[guestip]:guestport"
 *
 * A summary of a network for listings (plain data).
 */
typedef struct {
    char *name;
    char *kind;
    char *bridge;
    char *ipv4;
    char *ipv6;
    gboolean dhcp;
    char **port_forwards;
} VnetNetworkInfo;

void vnet_network_info_free(VnetNetworkInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkInfo, vnet_network_info_free)

/**
 * vnet_network_get_info:
 * @network: a network
 * @flags: #VnetNetworkXmlFlags (%VNET_NETWORK_XML_INACTIVE: the configuration
 *   even while running)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a summary of the network, or %NULL with @error set.
 */
VnetNetworkInfo *vnet_network_get_info(VnetNetwork *network, VnetNetworkXmlFlags flags,
                                       GError **error);

/**
 * vnet_port_forward_rule_to_xml:
 * @rule: a rule in VirtualBox's form
 *   "name:proto:[hostip]:hostport:[guestip]:guestport"
 * @ipv6: whether the rule is an IPv6 one (--port-forward-6)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule as the `<portForward/>` element that
 *   vnet_network_add_port_forward() takes, or %NULL with @error set
 *   (%VNET_ERROR_INVALID_ARG, naming the field at fault).
 */
char *vnet_port_forward_rule_to_xml(const char *rule, gboolean ipv6, GError **error);

/**
 * vnet_port_forward_xml_to_rule:
 * @xml: a `<portForward/>` element
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule in VirtualBox's string form, or %NULL
 *   with @error set.
 */
char *vnet_port_forward_xml_to_rule(const char *xml, GError **error);

G_END_DECLS
