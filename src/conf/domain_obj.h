/* domain_obj.h: runtime domain objects and the list a driver keeps.
 *
 * A VnetDomainObj pairs the definitions of a domain with its runtime state:
 *   def      the persistent configuration while shut off; the live
 *            definition (with realized device names) while running
 *   new_def  while running: the persistent configuration to use at the next
 *            start, when it differs from what runs (a redefine or a CONFIG
 *            change); NULL otherwise
 *   status   the driver's record of what the running domain created on the
 *            host (opaque here; freed with the given function)
 * Objects are reference counted; the list holds one reference and lookups
 * return new ones. There is no lock here: the driver serializes access.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"

typedef struct _VnetDomainObj VnetDomainObj;

VnetDomainObj *vnet_domain_obj_new(VnetDomainDef *def);
VnetDomainObj *vnet_domain_obj_ref(VnetDomainObj *obj);
void vnet_domain_obj_unref(VnetDomainObj *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainObj, vnet_domain_obj_unref)

/* What runs (when active), else the configuration. */
VnetDomainDef *vnet_domain_obj_get_def(VnetDomainObj *obj);
/* The configuration: new_def when set, else def. */
VnetDomainDef *vnet_domain_obj_get_persistent_def(VnetDomainObj *obj);
const char *vnet_domain_obj_get_name(VnetDomainObj *obj);
const VnetUuid *vnet_domain_obj_get_uuid(VnetDomainObj *obj);

gboolean vnet_domain_obj_is_active(VnetDomainObj *obj);
gboolean vnet_domain_obj_get_autostart(VnetDomainObj *obj);
void vnet_domain_obj_set_autostart(VnetDomainObj *obj, gboolean autostart);

/* Replaces the configuration (takes @def): at once when shut off, as
 * new_def when running. */
void vnet_domain_obj_assign_def(VnetDomainObj *obj, VnetDomainDef *def);
/* Marks the domain running with @live (taken) and @status (taken, freed
 * with @status_free); the configuration moves to new_def. */
void vnet_domain_obj_set_active(VnetDomainObj *obj, VnetDomainDef *live, gpointer status,
                                GDestroyNotify status_free);
/* Marks it shut off: the configuration becomes def again, the live def and
 * the status are freed. */
void vnet_domain_obj_set_inactive(VnetDomainObj *obj);
gpointer vnet_domain_obj_get_status(VnetDomainObj *obj);

/* ---- the list ---------------------------------------------------------- */

typedef struct _VnetDomainObjList VnetDomainObjList;

VnetDomainObjList *vnet_domain_obj_list_new(void);
void vnet_domain_obj_list_free(VnetDomainObjList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainObjList, vnet_domain_obj_list_free)

/* New references, or NULL. */
VnetDomainObj *vnet_domain_obj_list_find_by_name(VnetDomainObjList *list, const char *name);
VnetDomainObj *vnet_domain_obj_list_find_by_uuid(VnetDomainObjList *list, const VnetUuid *uuid);

/* Checks @def against the list: VNET_ERROR_DOMAIN_EXISTS when its name
 * belongs to another UUID or its UUID to another name. *@ret_existing (may
 * be NULL) gets a reference to the object with the same name and UUID (a
 * redefinition), or NULL. */
gboolean vnet_domain_obj_list_check_duplicate(VnetDomainObjList *list, const VnetDomainDef *def,
                                              VnetDomainObj **ret_existing, GError **error);
/* Adds a new object for @def (taken) after the duplicate check; returns a
 * new reference. */
VnetDomainObj *vnet_domain_obj_list_add(VnetDomainObjList *list, VnetDomainDef *def,
                                        GError **error);
void vnet_domain_obj_list_remove(VnetDomainObjList *list, VnetDomainObj *obj);
/* Every object (new references), sorted by name. */
GPtrArray *vnet_domain_obj_list_get_all(VnetDomainObjList *list);
guint vnet_domain_obj_list_count(VnetDomainObjList *list);
