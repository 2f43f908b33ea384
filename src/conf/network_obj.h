/* network_obj.h: runtime network objects and the list a driver keeps.
 *
 * A VnetNetworkObj pairs the definitions of a network with its runtime state:
 *   def      the persistent configuration while shut off; the live
 *            definition (with realized device names) while running
 *   new_def  while running: the persistent configuration to use at the next
 *            start, when it differs from what runs (a redefine or a CONFIG
 *            change); NULL otherwise
 *   status   the driver's record of what the running network created on the
 *            host (opaque here; freed with the given function)
 * Objects are reference counted; the list holds one reference and lookups
 * return new ones. There is no lock here: the driver serializes access.
 */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"

typedef struct _VnetNetworkObj VnetNetworkObj;

VnetNetworkObj *vnet_network_obj_new(VnetNetworkDef *def);
VnetNetworkObj *vnet_network_obj_ref(VnetNetworkObj *obj);
void vnet_network_obj_unref(VnetNetworkObj *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkObj, vnet_network_obj_unref)

/* What runs (when active), else the configuration. */
VnetNetworkDef *vnet_network_obj_get_def(VnetNetworkObj *obj);
/* The configuration: new_def when set, else def. */
VnetNetworkDef *vnet_network_obj_get_persistent_def(VnetNetworkObj *obj);
const char *vnet_network_obj_get_name(VnetNetworkObj *obj);
const VnetUuid *vnet_network_obj_get_uuid(VnetNetworkObj *obj);

gboolean vnet_network_obj_is_active(VnetNetworkObj *obj);
gboolean vnet_network_obj_get_autostart(VnetNetworkObj *obj);
void vnet_network_obj_set_autostart(VnetNetworkObj *obj, gboolean autostart);

/* Replaces the configuration (takes @def): at once when shut off, as
 * new_def when running. */
void vnet_network_obj_assign_def(VnetNetworkObj *obj, VnetNetworkDef *def);
/* Marks the network running with @live (taken) and @status (taken, freed
 * with @status_free); the configuration moves to new_def. */
void vnet_network_obj_set_active(VnetNetworkObj *obj, VnetNetworkDef *live, gpointer status,
                                GDestroyNotify status_free);
/* Marks it shut off: the configuration becomes def again, the live def and
 * the status are freed. */
void vnet_network_obj_set_inactive(VnetNetworkObj *obj);
/* Replaces the live definition of a running network (takes @live). */
void vnet_network_obj_replace_live_def(VnetNetworkObj *obj, VnetNetworkDef *live);
gpointer vnet_network_obj_get_status(VnetNetworkObj *obj);

/* ---- the list ---------------------------------------------------------- */

typedef struct _VnetNetworkObjList VnetNetworkObjList;

VnetNetworkObjList *vnet_network_obj_list_new(void);
void vnet_network_obj_list_free(VnetNetworkObjList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkObjList, vnet_network_obj_list_free)

/* New references, or NULL. */
VnetNetworkObj *vnet_network_obj_list_find_by_name(VnetNetworkObjList *list, const char *name);
VnetNetworkObj *vnet_network_obj_list_find_by_uuid(VnetNetworkObjList *list, const VnetUuid *uuid);

/* Checks @def against the list: VNET_ERROR_NETWORK_EXISTS when its name
 * belongs to another UUID or its UUID to another name. *@ret_existing (may
 * be NULL) gets a reference to the object with the same name and UUID (a
 * redefinition), or NULL. */
gboolean vnet_network_obj_list_check_duplicate(VnetNetworkObjList *list, const VnetNetworkDef *def,
                                              VnetNetworkObj **ret_existing, GError **error);
/* Adds a new object for @def (taken) after the duplicate check; returns a
 * new reference. */
VnetNetworkObj *vnet_network_obj_list_add(VnetNetworkObjList *list, VnetNetworkDef *def,
                                        GError **error);
void vnet_network_obj_list_remove(VnetNetworkObjList *list, VnetNetworkObj *obj);
/* Every object (new references), sorted by name. */
GPtrArray *vnet_network_obj_list_get_all(VnetNetworkObjList *list);
guint vnet_network_obj_list_count(VnetNetworkObjList *list);
