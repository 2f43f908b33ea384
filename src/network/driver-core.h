/* driver-core.h: the vtable implementation shared by the test and local
 * drivers (see driver.h for the overall design).
 *
 * VnetCore holds the object lists and, for the local driver, the store.
 * The vtable functions below take a VnetCore; each driver's open() builds
 * one (driver-test.c: in memory with example objects; driver-local.c: from
 * the store, recovering running objects from their status files).
 *
 * Host access: with host == FALSE (test driver) every domain runs on the
 * test backend and networks are not realized; nothing touches the host.
 */
#pragma once

#include "conf/domain_obj.h"
#include "conf/network_obj.h"
#include "network/driver.h"
#include "network/network-realize.h"
#include "network/store.h"

typedef struct {
    gboolean host;           /* realize on the host (local) or not (test) */
    VnetStore *store;        /* NULL: nothing persists */
    VnetEventBus *bus;
    VnetDomainObjList *domains;
    VnetNetworkObjList *networks;
    GPtrArray *load_errors;  /* char * */
    guint fake_dev_counter;  /* test backend's made-up device names */
    /* Names of running networks that NICs started (internal networks,
     * autostart networks a domain needed): stopped when no running domain
     * uses them any more. */
    GHashTable *on_demand_networks;
    /* Names of networks with no definition file: internal networks made
     * for a NIC; removed from the list when they stop. */
    GHashTable *transient_networks;
} VnetCore;

VnetCore *vnet_core_new(gboolean host, VnetStore *store, VnetEventBus *bus);
void vnet_core_free(VnetCore *core);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetCore, vnet_core_free)

void vnet_core_add_load_error(VnetCore *core, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* Starts every autostart network, then every autostart domain, that is not
 * running; failures become load errors. */
void vnet_core_autostart(VnetCore *core);

/* Loading (local driver). Each reports problems as load errors and skips. */
void vnet_core_load_domain_configs(VnetCore *core);
void vnet_core_load_network_configs(VnetCore *core);
void vnet_core_load_domain_status(VnetCore *core);
void vnet_core_load_network_status(VnetCore *core);

/* How domains use networks (driver-core-netuse.c). */
/* Makes sure every network a NIC of @def joins runs: internal networks are
 * created and started on demand, networks marked autostart are started;
 * any other network that is not running fails with OPERATION_INVALID,
 * naming the NIC and the network. @nic non-NULL: only that NIC. */
gboolean vnet_core_networks_acquire(VnetCore *core, const VnetDomainDef *def,
                                    const VnetDomainInterfaceDef *nic, GError **error);
/* Stops the on-demand networks no running domain uses any more (and
 * forgets the transient ones). */
void vnet_core_networks_release(VnetCore *core);
/* The live definition of the running network @name, or NULL (@drv: the
 * core; VnetGuestCtx's find_network). */
const VnetNetworkDef *vnet_core_find_running_network(gpointer drv, const char *name);
/* The first running domain with a NIC on network @name, or NULL. */
char *vnet_core_network_first_user(VnetCore *core, const char *name);
/* The runtime environment of networks (local driver; test: run_dir NULL). */
void vnet_core_network_env(VnetCore *core, VnetNetworkEnv *env, char **ret_run_dir);
/* Stops and marks shut off a running network (no user check). */
gboolean vnet_core_network_stop_obj(VnetCore *core, VnetNetworkObj *obj, GError **error);

/* Helpers shared by the core's files. */
gboolean vnet_core_resolve_affect(gboolean active, guint flags, const char *kind,
                                  const char *name, gboolean *ret_live, gboolean *ret_config,
                                  GError **error);

/* The vtable entries. */
void vnet_core_close(gpointer drv);
char **vnet_core_get_load_errors(gpointer drv);

VnetObjectId *vnet_core_domain_define_xml(gpointer drv, const char *xml, GError **error);
gboolean vnet_core_domain_undefine(gpointer drv, const VnetUuid *uuid, GError **error);
VnetObjectId *vnet_core_domain_lookup_by_name(gpointer drv, const char *name, GError **error);
VnetObjectId *vnet_core_domain_lookup_by_uuid(gpointer drv, const VnetUuid *uuid,
                                              GError **error);
GPtrArray *vnet_core_domain_list(gpointer drv, VnetListFlags flags, GError **error);
char *vnet_core_domain_get_xml(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags,
                               GError **error);
gboolean vnet_core_domain_start(gpointer drv, const VnetUuid *uuid, GError **error);
gboolean vnet_core_domain_destroy(gpointer drv, const VnetUuid *uuid, GError **error);
gboolean vnet_core_domain_get_state(gpointer drv, const VnetUuid *uuid,
                                    VnetDomainState *ret_state, gboolean *ret_autostart,
                                    GError **error);
gboolean vnet_core_domain_set_autostart(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                                        GError **error);
gboolean vnet_core_domain_attach_interface(gpointer drv, const VnetUuid *uuid, const char *xml,
                                           VnetDomainAffectFlags flags, GError **error);
gboolean vnet_core_domain_detach_interface(gpointer drv, const VnetUuid *uuid,
                                           const char *iface, VnetDomainAffectFlags flags,
                                           GError **error);
gboolean vnet_core_domain_set_link_state(gpointer drv, const VnetUuid *uuid, const char *iface,
                                         gboolean up, VnetDomainAffectFlags flags,
                                         GError **error);
GPtrArray *vnet_core_domain_list_interfaces(gpointer drv, const VnetUuid *uuid,
                                            VnetDomainXmlFlags flags, GError **error);

VnetObjectId *vnet_core_network_define_xml(gpointer drv, const char *xml, GError **error);
gboolean vnet_core_network_undefine(gpointer drv, const VnetUuid *uuid, GError **error);
VnetObjectId *vnet_core_network_lookup_by_name(gpointer drv, const char *name, GError **error);
VnetObjectId *vnet_core_network_lookup_by_uuid(gpointer drv, const VnetUuid *uuid,
                                               GError **error);
GPtrArray *vnet_core_network_list(gpointer drv, VnetListFlags flags, GError **error);
char *vnet_core_network_get_xml(gpointer drv, const VnetUuid *uuid, VnetNetworkXmlFlags flags,
                                GError **error);
gboolean vnet_core_network_start(gpointer drv, const VnetUuid *uuid, GError **error);
gboolean vnet_core_network_destroy(gpointer drv, const VnetUuid *uuid, GError **error);
gboolean vnet_core_network_destroy_flags(gpointer drv, const VnetUuid *uuid, guint flags,
                                         GError **error);
gboolean vnet_core_network_get_state(gpointer drv, const VnetUuid *uuid, gboolean *ret_active,
                                     gboolean *ret_autostart, GError **error);
gboolean vnet_core_network_set_autostart(gpointer drv, const VnetUuid *uuid,
                                         gboolean autostart, GError **error);
GPtrArray *vnet_core_network_get_dhcp_leases(gpointer drv, const VnetUuid *uuid,
                                             const char *mac, GError **error);
gboolean vnet_core_network_add_port_forward(gpointer drv, const VnetUuid *uuid,
                                            const char *xml, VnetNetworkAffectFlags flags,
                                            GError **error);
gboolean vnet_core_network_remove_port_forward(gpointer drv, const VnetUuid *uuid,
                                               const char *name, VnetNetworkAffectFlags flags,
                                               GError **error);

/* Everything but name, scheme, flags and open. */
#define VNET_CORE_DRIVER_OPS                                                                       \
    .close = vnet_core_close, .get_load_errors = vnet_core_get_load_errors,                        \
    .domain_define_xml = vnet_core_domain_define_xml,                                              \
    .domain_undefine = vnet_core_domain_undefine,                                                  \
    .domain_lookup_by_name = vnet_core_domain_lookup_by_name,                                      \
    .domain_lookup_by_uuid = vnet_core_domain_lookup_by_uuid,                                      \
    .domain_list = vnet_core_domain_list, .domain_get_xml = vnet_core_domain_get_xml,              \
    .domain_start = vnet_core_domain_start, .domain_destroy = vnet_core_domain_destroy,            \
    .domain_get_state = vnet_core_domain_get_state,                                                \
    .domain_set_autostart = vnet_core_domain_set_autostart,                                        \
    .domain_attach_interface = vnet_core_domain_attach_interface,                                  \
    .domain_detach_interface = vnet_core_domain_detach_interface,                                  \
    .domain_set_link_state = vnet_core_domain_set_link_state,                                      \
    .domain_list_interfaces = vnet_core_domain_list_interfaces,                                    \
    .network_define_xml = vnet_core_network_define_xml,                                            \
    .network_undefine = vnet_core_network_undefine,                                                \
    .network_lookup_by_name = vnet_core_network_lookup_by_name,                                    \
    .network_lookup_by_uuid = vnet_core_network_lookup_by_uuid,                                    \
    .network_list = vnet_core_network_list, .network_get_xml = vnet_core_network_get_xml,          \
    .network_start = vnet_core_network_start, .network_destroy = vnet_core_network_destroy,        \
    .network_destroy_flags = vnet_core_network_destroy_flags,                                      \
    .network_get_state = vnet_core_network_get_state,                                              \
    .network_set_autostart = vnet_core_network_set_autostart,                                      \
    .network_get_dhcp_leases = vnet_core_network_get_dhcp_leases,                                  \
    .network_add_port_forward = vnet_core_network_add_port_forward,                                \
    .network_remove_port_forward = vnet_core_network_remove_port_forward
