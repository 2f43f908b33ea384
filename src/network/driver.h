/* driver.h: the driver vtable behind the public API.
 *
 * Design
 * ------
 * A VnetConnection (src/libvnet-connection.c) is: a driver vtable, the
 * driver's private instance, an event bus, and a lock. The public entry
 * points (src/libvnet-*.c) check their arguments, take the lock unless the
 * driver says it is thread-safe on its own, call one vtable function, and
 * wrap what comes back into handles.
 *
 * Drivers know objects by UUID only. Handles (VnetDomain, VnetNetwork) hold
 * the connection, the name and the UUID; every call passes the UUID and the
 * driver looks the object up again, failing with NO_DOMAIN/NO_NETWORK when
 * it went away. That is also what a remote driver needs: the D-Bus driver
 * (issue 9) maps each vtable entry to one method call on an object path
 * derived from the UUID, and sets VNET_DRIVER_THREAD_SAFE.
 *
 * Events travel one way for every driver: the driver calls
 * vnet_event_bus_emit() on the bus it was given at open (the D-Bus driver
 * from its signal handler), and the bus queues the event for each
 * subscriber's GMainContext. Nothing is ever called back under the lock.
 *
 * The "test" and "local" drivers share one implementation of the vtable
 * (driver-core.c: object lists, duplicate rules, lifecycle, events) and
 * differ by options: local keeps definitions and status files in a store
 * (store.c) and runs real guest backends (backend.h); test keeps everything
 * in memory and runs the test backend for every guest type.
 */
#pragma once

#include <glib.h>

#include <vnet/vnet.h>

#include "network/event-bus.h"
#include "util/vnet-uuid.h"

/* ---- URIs ---------------------------------------------------------------- */

typedef struct {
    char *scheme;      /* "test", "local", ... */
    char *path;        /* "/default", "/system", "/" */
    GHashTable *query; /* name -> value, both strings; never NULL */
    char *canonical;   /* what vnet_connection_get_uri() returns */
} VnetUri;

/* Parses and canonicalizes @uri; INVALID_URI on syntax errors only (the
 * driver decides whether it knows the path and parameters). */
VnetUri *vnet_uri_parse(const char *uri, GError **error);
void vnet_uri_free(VnetUri *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetUri, vnet_uri_free)

/* ---- what drivers return --------------------------------------------------- */

/* The identity of an object, as lookups return it. */
typedef struct {
    char *name;
    VnetUuid uuid;
} VnetObjectId;

VnetObjectId *vnet_object_id_new(const char *name, const VnetUuid *uuid);
void vnet_object_id_free(VnetObjectId *id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetObjectId, vnet_object_id_free)

/* ---- the vtable --------------------------------------------------------- */

typedef enum {
    /* The driver serializes its own calls: the connection takes no lock. */
    VNET_DRIVER_THREAD_SAFE = 1 << 0,
} VnetDriverFlags;

/* Every function gets the instance returned by open() first and a GError
 * last. Lists are GPtrArrays with a free function set. Functions taking a
 * VnetUuid fail with VNET_ERROR_NO_DOMAIN / NO_NETWORK for unknown UUIDs. */
typedef struct {
    const char *name; /* "test", "local", "dbus": what get_driver_name() says */
    const char *scheme;
    guint flags; /* VnetDriverFlags */

    gpointer (*open)(const VnetUri *uri, VnetConnectionFlags flags, VnetEventBus *bus,
                     GError **error);
    void (*close)(gpointer drv);
    char **(*get_load_errors)(gpointer drv);

    /* domains */
    VnetObjectId *(*domain_define_xml)(gpointer drv, const char *xml, GError **error);
    gboolean (*domain_undefine)(gpointer drv, const VnetUuid *uuid, GError **error);
    VnetObjectId *(*domain_lookup_by_name)(gpointer drv, const char *name, GError **error);
    VnetObjectId *(*domain_lookup_by_uuid)(gpointer drv, const VnetUuid *uuid, GError **error);
    /* VnetObjectId *, sorted by name */
    GPtrArray *(*domain_list)(gpointer drv, VnetListFlags flags, GError **error);
    char *(*domain_get_xml)(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags,
                            GError **error);
    gboolean (*domain_start)(gpointer drv, const VnetUuid *uuid, GError **error);
    gboolean (*domain_destroy)(gpointer drv, const VnetUuid *uuid, GError **error);
    gboolean (*domain_get_state)(gpointer drv, const VnetUuid *uuid, VnetDomainState *ret_state,
                                 gboolean *ret_autostart, GError **error);
    gboolean (*domain_set_autostart)(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                                     GError **error);
    gboolean (*domain_attach_interface)(gpointer drv, const VnetUuid *uuid, const char *xml,
                                        VnetDomainAffectFlags flags, GError **error);
    gboolean (*domain_detach_interface)(gpointer drv, const VnetUuid *uuid, const char *iface,
                                        VnetDomainAffectFlags flags, GError **error);
    gboolean (*domain_set_link_state)(gpointer drv, const VnetUuid *uuid, const char *iface,
                                      gboolean up, VnetDomainAffectFlags flags, GError **error);
    /* VnetDomainInterface * */
    GPtrArray *(*domain_list_interfaces)(gpointer drv, const VnetUuid *uuid,
                                         VnetDomainXmlFlags flags, GError **error);

    /* networks */
    VnetObjectId *(*network_define_xml)(gpointer drv, const char *xml, GError **error);
    gboolean (*network_undefine)(gpointer drv, const VnetUuid *uuid, GError **error);
    VnetObjectId *(*network_lookup_by_name)(gpointer drv, const char *name, GError **error);
    VnetObjectId *(*network_lookup_by_uuid)(gpointer drv, const VnetUuid *uuid, GError **error);
    GPtrArray *(*network_list)(gpointer drv, VnetListFlags flags, GError **error);
    char *(*network_get_xml)(gpointer drv, const VnetUuid *uuid, VnetNetworkXmlFlags flags,
                             GError **error);
    gboolean (*network_start)(gpointer drv, const VnetUuid *uuid, GError **error);
    gboolean (*network_destroy)(gpointer drv, const VnetUuid *uuid, GError **error);
    /* optional: NULL means no flags are known (vnet_network_destroy_flags
     * then refuses any) */
    gboolean (*network_destroy_flags)(gpointer drv, const VnetUuid *uuid, guint flags,
                                      GError **error);
    gboolean (*network_get_state)(gpointer drv, const VnetUuid *uuid, gboolean *ret_active,
                                  gboolean *ret_autostart, GError **error);
    gboolean (*network_set_autostart)(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                                      GError **error);
    /* VnetDhcpLease * */
    GPtrArray *(*network_get_dhcp_leases)(gpointer drv, const VnetUuid *uuid, const char *mac,
                                          GError **error);
    gboolean (*network_add_port_forward)(gpointer drv, const VnetUuid *uuid, const char *xml,
                                         VnetNetworkAffectFlags flags, GError **error);
    gboolean (*network_remove_port_forward)(gpointer drv, const VnetUuid *uuid,
                                            const char *name, VnetNetworkAffectFlags flags,
                                            GError **error);
} VnetDriver;

/* The drivers linked into libvnet. */
extern const VnetDriver vnet_test_driver;
extern const VnetDriver vnet_local_driver;

/* The driver for @scheme, or NULL. */
const VnetDriver *vnet_driver_find(const char *scheme);
