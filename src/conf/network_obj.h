/* network_obj.h: runtime network objects and the list a driver keeps: typed
 * names for the shared object core (virt_obj.h explains def, new_def and
 * status). */
#pragma once

#include <glib.h>

#include "conf/network_conf.h"
#include "conf/virt_obj.h"

typedef VnetVirtObj VnetNetworkObj;
typedef VnetVirtObjList VnetNetworkObjList;

extern const VnetVirtObjClass vnet_network_obj_class;

static inline VnetNetworkObj *
vnet_network_obj_new(VnetNetworkDef *def)
{
    return vnet_virt_obj_new(&vnet_network_obj_class, def);
}

static inline VnetNetworkObj *
vnet_network_obj_ref(VnetNetworkObj *obj)
{
    return vnet_virt_obj_ref(obj);
}

static inline void
vnet_network_obj_unref(VnetNetworkObj *obj)
{
    vnet_virt_obj_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkObj, vnet_network_obj_unref)

/* What runs (when active), else the configuration. */
static inline VnetNetworkDef *
vnet_network_obj_get_def(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_def(obj);
}

/* The configuration: new_def when set, else def. */
static inline VnetNetworkDef *
vnet_network_obj_get_persistent_def(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_persistent_def(obj);
}

static inline const char *
vnet_network_obj_get_name(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_name(obj);
}

static inline const VnetUuid *
vnet_network_obj_get_uuid(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_uuid(obj);
}

static inline gboolean
vnet_network_obj_is_active(VnetNetworkObj *obj)
{
    return vnet_virt_obj_is_active(obj);
}

static inline gboolean
vnet_network_obj_get_autostart(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_autostart(obj);
}

static inline void
vnet_network_obj_set_autostart(VnetNetworkObj *obj, gboolean autostart)
{
    vnet_virt_obj_set_autostart(obj, autostart);
}

/* Replaces the configuration (takes @def): at once when inactive, as
 * new_def when running. */
static inline void
vnet_network_obj_assign_def(VnetNetworkObj *obj, VnetNetworkDef *def)
{
    vnet_virt_obj_assign_def(obj, def);
}

/* Marks the network running with @live (taken) and @status (taken, freed
 * with @status_free); the configuration moves to new_def. */
static inline void
vnet_network_obj_set_active(VnetNetworkObj *obj, VnetNetworkDef *live, gpointer status,
                            GDestroyNotify status_free)
{
    vnet_virt_obj_set_active(obj, live, status, status_free);
}

/* Marks it inactive: the configuration becomes def again, the live def and
 * the status are freed. */
static inline void
vnet_network_obj_set_inactive(VnetNetworkObj *obj)
{
    vnet_virt_obj_set_inactive(obj);
}

/* Replaces the live definition of a running network (takes @live). */
static inline void
vnet_network_obj_replace_live_def(VnetNetworkObj *obj, VnetNetworkDef *live)
{
    vnet_virt_obj_replace_live_def(obj, live);
}

static inline gpointer
vnet_network_obj_get_status(VnetNetworkObj *obj)
{
    return vnet_virt_obj_get_status(obj);
}

/* ---- the list ---------------------------------------------------------- */

static inline VnetNetworkObjList *
vnet_network_obj_list_new(void)
{
    return vnet_virt_obj_list_new(&vnet_network_obj_class);
}

static inline void
vnet_network_obj_list_free(VnetNetworkObjList *list)
{
    vnet_virt_obj_list_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkObjList, vnet_network_obj_list_free)

/* New references, or NULL. */
static inline VnetNetworkObj *
vnet_network_obj_list_find_by_name(VnetNetworkObjList *list, const char *name)
{
    return vnet_virt_obj_list_find_by_name(list, name);
}

static inline VnetNetworkObj *
vnet_network_obj_list_find_by_uuid(VnetNetworkObjList *list, const VnetUuid *uuid)
{
    return vnet_virt_obj_list_find_by_uuid(list, uuid);
}

/* Checks @def against the list: VNET_ERROR_NETWORK_EXISTS when its name belongs to
 * another UUID or its UUID to another name. *@ret_existing (may be NULL)
 * gets a reference to the object with the same name and UUID (a
 * redefinition), or NULL. */
static inline gboolean
vnet_network_obj_list_check_duplicate(VnetNetworkObjList *list, const VnetNetworkDef *def,
                                     VnetNetworkObj **ret_existing, GError **error)
{
    return vnet_virt_obj_list_check_duplicate(list, def, ret_existing, error);
}

/* Adds a new object for @def (taken) after the duplicate check; returns a
 * new reference. */
static inline VnetNetworkObj *
vnet_network_obj_list_add(VnetNetworkObjList *list, VnetNetworkDef *def, GError **error)
{
    return vnet_virt_obj_list_add(list, def, error);
}

static inline void
vnet_network_obj_list_remove(VnetNetworkObjList *list, VnetNetworkObj *obj)
{
    vnet_virt_obj_list_remove(list, obj);
}

/* Every object (new references), sorted by name. */
static inline GPtrArray *
vnet_network_obj_list_get_all(VnetNetworkObjList *list)
{
    return vnet_virt_obj_list_get_all(list);
}

static inline guint
vnet_network_obj_list_count(VnetNetworkObjList *list)
{
    return vnet_virt_obj_list_count(list);
}
