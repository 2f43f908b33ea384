/* vnet-domain.h: domains (guests and their network cards).
 *
 * A domain is defined from domain XML, and then started (its NICs realized
 * on the host and its guest backend run) and destroyed. The guest backend
 * follows <domain type='...'>: "test" runs nothing, "netns" makes the guest
 * a network namespace named after the domain with one interface per NIC
 * (eth0, eth1, ... in NIC order); "kvm" and "qemu" are not available yet.
 *
 * A #VnetDomain is a handle: it names the domain by UUID, and every call
 * looks the domain up again, failing with %VNET_ERROR_NO_DOMAIN when it has
 * been undefined meanwhile.
 */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

#include <vnet/vnet-connection.h>

G_BEGIN_DECLS

/**
 * VnetDomain:
 *
 * A handle on one domain of a connection (opaque, reference counted).
 */
typedef struct _VnetDomain VnetDomain;

/**
 * VnetDomainState:
 * @VNET_DOMAIN_STATE_SHUTOFF: defined, not running
 * @VNET_DOMAIN_STATE_RUNNING: running
 *
 * What vnet_domain_get_state() returns.
 */
typedef enum {
    VNET_DOMAIN_STATE_SHUTOFF = 1,
    VNET_DOMAIN_STATE_RUNNING = 2,
} VnetDomainState;

/**
 * vnet_domain_state_to_string:
 * @state: a #VnetDomainState
 *
 * Returns: (transfer none): "shut off" or "running" (as virsh prints them);
 *   %NULL for an unknown value.
 */
const char *vnet_domain_state_to_string(VnetDomainState state);

/**
 * VnetDomainXmlFlags:
 * @VNET_DOMAIN_XML_INACTIVE: the persistent configuration, even while the
 *   domain runs (without it: the live state of a running domain, which adds
 *   the realized device names, <target dev='...'/>, and their ifindex)
 *
 * Flags of vnet_domain_get_xml().
 */
typedef enum {
    VNET_DOMAIN_XML_INACTIVE = 1 << 0,
} VnetDomainXmlFlags;

/**
 * VnetDomainAffectFlags:
 * @VNET_DOMAIN_AFFECT_CURRENT: the live domain when running, else its
 *   configuration (value 0)
 * @VNET_DOMAIN_AFFECT_LIVE: the running domain (fails when it is not)
 * @VNET_DOMAIN_AFFECT_CONFIG: the persistent configuration
 *
 * Where a change applies; LIVE and CONFIG may be combined.
 */
typedef enum {
    VNET_DOMAIN_AFFECT_CURRENT = 0,
    VNET_DOMAIN_AFFECT_LIVE = 1 << 0,
    VNET_DOMAIN_AFFECT_CONFIG = 1 << 1,
} VnetDomainAffectFlags;

/**
 * vnet_domain_define_xml:
 * @conn: a connection
 * @xml: a domain XML document
 * @error: return location for a #GError
 *
 * Defines a persistent domain, or replaces the definition of the domain with
 * the same name and UUID (a running domain keeps running with its old
 * definition; the new one applies at the next start). The XML is parsed,
 * defaults are filled in (UUID, MAC addresses) and it is validated.
 *
 * Returns: (transfer full): a handle, or %NULL with @error set:
 *   %VNET_ERROR_INVALID_XML, %VNET_ERROR_CONFIG_INVALID,
 *   %VNET_ERROR_CONFIG_UNSUPPORTED, or %VNET_ERROR_DOMAIN_EXISTS when the
 *   name is taken by another UUID or the UUID by another name.
 */
VnetDomain *vnet_domain_define_xml(VnetConnection *conn, const char *xml, GError **error);

/**
 * vnet_domain_undefine:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Removes the definition of a domain that is not running.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   the domain is running, or %VNET_ERROR_NO_DOMAIN.
 */
gboolean vnet_domain_undefine(VnetDomain *domain, GError **error);

/**
 * vnet_domain_lookup_by_name:
 * @conn: a connection
 * @name: a domain name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_DOMAIN.
 */
VnetDomain *vnet_domain_lookup_by_name(VnetConnection *conn, const char *name, GError **error);

/**
 * vnet_domain_lookup_by_uuid:
 * @conn: a connection
 * @uuid: a UUID in text form (with or without dashes)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a handle, or %NULL with %VNET_ERROR_NO_DOMAIN
 *   (%VNET_ERROR_INVALID_ARG when @uuid is not a UUID).
 */
VnetDomain *vnet_domain_lookup_by_uuid(VnetConnection *conn, const char *uuid, GError **error);

/**
 * vnet_connection_list_domains:
 * @conn: a connection
 * @flags: #VnetListFlags (0: all)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDomain): the domains, sorted by
 *   name, as a #GPtrArray that frees its handles; %NULL with @error set on
 *   failure.
 */
GPtrArray *vnet_connection_list_domains(VnetConnection *conn, VnetListFlags flags,
                                        GError **error);

/**
 * vnet_connection_list_domain_names:
 * @conn: a connection
 * @flags: #VnetListFlags (0: all)
 * @error: return location for a #GError
 *
 * The names only, e.g. for completion in a shell.
 *
 * Returns: (transfer full): a sorted %NULL-terminated array (g_strfreev()),
 *   or %NULL with @error set.
 */
char **vnet_connection_list_domain_names(VnetConnection *conn, VnetListFlags flags,
                                         GError **error);

/**
 * vnet_domain_ref:
 * @domain: a domain handle
 *
 * Returns: (transfer full): @domain with one more reference.
 */
VnetDomain *vnet_domain_ref(VnetDomain *domain);

/**
 * vnet_domain_unref:
 * @domain: (nullable) (transfer full): a domain handle
 *
 * Drops a reference to the handle (never to the domain itself).
 */
void vnet_domain_unref(VnetDomain *domain);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomain, vnet_domain_unref)

/**
 * vnet_domain_get_connection:
 * @domain: a domain handle
 *
 * Returns: (transfer none): the connection of @domain.
 */
VnetConnection *vnet_domain_get_connection(VnetDomain *domain);

/**
 * vnet_domain_get_name:
 * @domain: a domain handle
 *
 * Returns: (transfer none): the domain's name (fixed for the handle's life).
 */
const char *vnet_domain_get_name(VnetDomain *domain);

/**
 * vnet_domain_get_uuid:
 * @domain: a domain handle
 *
 * Returns: (transfer none): the domain's UUID in canonical text form.
 */
const char *vnet_domain_get_uuid(VnetDomain *domain);

/**
 * vnet_domain_get_type_name:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the domain's type as written in its XML
 *   ("netns", "kvm", "qemu", "test"), or %NULL with @error set.
 */
char *vnet_domain_get_type_name(VnetDomain *domain, GError **error);

/**
 * vnet_domain_get_xml:
 * @domain: a domain
 * @flags: #VnetDomainXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the domain XML (live state of a running domain
 *   unless %VNET_DOMAIN_XML_INACTIVE), or %NULL with @error set.
 */
char *vnet_domain_get_xml(VnetDomain *domain, VnetDomainXmlFlags flags, GError **error);

/**
 * vnet_domain_start:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Realizes every NIC and starts the guest backend. When any step fails,
 * every step already done is undone in reverse order, and the error names
 * the step that failed.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   already running, %VNET_ERROR_BACKEND_UNAVAILABLE for a guest type this
 *   build cannot run, %VNET_ERROR_CONFIG_UNSUPPORTED for a NIC kind that
 *   cannot be realized on this guest, or the error of the failed step.
 */
gboolean vnet_domain_start(VnetDomain *domain, GError **error);

/**
 * vnet_domain_destroy:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Stops a running domain at once and removes what its start created.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_OPERATION_INVALID when
 *   it is not running.
 */
gboolean vnet_domain_destroy(VnetDomain *domain, GError **error);

/**
 * vnet_domain_get_state:
 * @domain: a domain
 * @ret_state: (out): the state
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, with *@ret_state set.
 */
gboolean vnet_domain_get_state(VnetDomain *domain, VnetDomainState *ret_state, GError **error);

/**
 * vnet_domain_is_active:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: 1 when running, 0 when not, -1 with @error set on failure.
 */
int vnet_domain_is_active(VnetDomain *domain, GError **error);

/**
 * vnet_domain_set_autostart:
 * @domain: a domain
 * @autostart: whether to start the domain when a local connection opens
 *   with %VNET_CONNECTION_AUTOSTART (or vnetd starts)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean vnet_domain_set_autostart(VnetDomain *domain, gboolean autostart, GError **error);

/**
 * vnet_domain_get_autostart:
 * @domain: a domain
 * @error: return location for a #GError
 *
 * Returns: 1 when marked autostart, 0 when not, -1 with @error set.
 */
int vnet_domain_get_autostart(VnetDomain *domain, GError **error);

/**
 * vnet_domain_attach_interface:
 * @domain: a domain
 * @xml: one <interface> element
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Adds a NIC (after the existing ones) to the running domain (LIVE: it is
 * realized at once; on a netns guest it appears as the next ethN) and/or to
 * its configuration (CONFIG). A missing MAC address is generated once and
 * used for both.
 *
 * Returns: %TRUE on success; %FALSE with @error set (e.g.
 *   %VNET_ERROR_CONFIG_INVALID when the MAC address is already used by the
 *   domain, %VNET_ERROR_OPERATION_INVALID for LIVE on a domain that is not
 *   running).
 */
gboolean vnet_domain_attach_interface(VnetDomain *domain, const char *xml,
                                      VnetDomainAffectFlags flags, GError **error);

/**
 * vnet_domain_detach_interface:
 * @domain: a domain
 * @iface: the NIC: its MAC address, or (live) its host device name
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Removes a NIC from the running domain (its host side is torn down) and/or
 * from the configuration.
 *
 * Returns: %TRUE on success; %FALSE with %VNET_ERROR_INVALID_ARG when no NIC
 *   matches @iface.
 */
gboolean vnet_domain_detach_interface(VnetDomain *domain, const char *iface,
                                      VnetDomainAffectFlags flags, GError **error);

/**
 * vnet_domain_set_link_state:
 * @domain: a domain
 * @iface: the NIC: its MAC address, or (live) its host device name
 * @up: %TRUE to plug the virtual cable in, %FALSE to pull it out
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Sets a NIC's <link state='up|down'/>; live on a netns guest, the guest's
 * ethN goes up or down.
 *
 * Returns: %TRUE on success.
 */
gboolean vnet_domain_set_link_state(VnetDomain *domain, const char *iface, gboolean up,
                                    VnetDomainAffectFlags flags, GError **error);

/**
 * VnetDomainInterface:
 * @index: position of the NIC in the domain (0-based)
 * @type: the interface type, e.g. "ethernet", "network", "direct", "null"
 * @source: (nullable): what it is attached to (network name, bridge or
 *   device), or %NULL
 * @model: (nullable): the model, e.g. "virtio", or %NULL
 * @mac: the MAC address ("52:54:00:…")
 * @link_up: whether the virtual cable is connected
 * @mtu: the MTU, 0 when unset
 * @target: (nullable): the host device name while running, else %NULL
 * @guest_name: (nullable): the interface name inside a netns guest
 *   ("eth0"...), else %NULL
 * @mode: (nullable): a direct NIC's mode ("vepa", "bridge", "private",
 *   "passthrough"), else %NULL
 *
 * One NIC as vnet_domain_list_interfaces() describes it (plain data).
 */
typedef struct {
    guint index;
    char *type;
    char *source;
    char *model;
    char *mac;
    gboolean link_up;
    guint mtu;
    char *target;
    char *guest_name;
    char *mode;
} VnetDomainInterface;

void vnet_domain_interface_free(VnetDomainInterface *iface);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainInterface, vnet_domain_interface_free)

/**
 * vnet_domain_list_interfaces:
 * @domain: a domain
 * @flags: #VnetDomainXmlFlags (%VNET_DOMAIN_XML_INACTIVE: the configured
 *   NICs even while running)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDomainInterface): the NICs in
 *   order, or %NULL with @error set.
 */
GPtrArray *vnet_domain_list_interfaces(VnetDomain *domain, VnetDomainXmlFlags flags,
                                       GError **error);

G_END_DECLS
