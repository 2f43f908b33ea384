/* domain_obj.h: runtime domain objects and the list a driver keeps: typed
 * names for the shared object core (virt_obj.h explains def, new_def and
 * status). */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "conf/virt_obj.h"

typedef VnetVirtObj VnetDomainObj;
typedef VnetVirtObjList VnetDomainObjList;

extern const VnetVirtObjClass vnet_domain_obj_class;

static inline VnetDomainObj *
vnet_domain_obj_new(VnetDomainDef *def)
{
    return vnet_virt_obj_new(&vnet_domain_obj_class, def);
}

static inline VnetDomainObj *
vnet_domain_obj_ref(VnetDomainObj *obj)
{
    return vnet_virt_obj_ref(obj);
}

static inline void
vnet_domain_obj_unref(VnetDomainObj *obj)
{
    vnet_virt_obj_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainObj, vnet_domain_obj_unref)

/* What runs (when active), else the configuration. */
static inline VnetDomainDef *
vnet_domain_obj_get_def(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_def(obj);
}

/* The configuration: new_def when set, else def. */
static inline VnetDomainDef *
vnet_domain_obj_get_persistent_def(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_persistent_def(obj);
}

static inline const char *
vnet_domain_obj_get_name(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_name(obj);
}

static inline const VnetUuid *
vnet_domain_obj_get_uuid(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_uuid(obj);
}

static inline gboolean
vnet_domain_obj_is_active(VnetDomainObj *obj)
{
    return vnet_virt_obj_is_active(obj);
}

static inline gboolean
vnet_domain_obj_get_autostart(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_autostart(obj);
}

static inline void
vnet_domain_obj_set_autostart(VnetDomainObj *obj, gboolean autostart)
{
    vnet_virt_obj_set_autostart(obj, autostart);
}

/* Replaces the configuration (takes @def): at once when inactive, as
 * new_def when running. */
static inline void
vnet_domain_obj_assign_def(VnetDomainObj *obj, VnetDomainDef *def)
{
    vnet_virt_obj_assign_def(obj, def);
}

/* Marks the domain running with @live (taken) and @status (taken, freed
 * with @status_free); the configuration moves to new_def. */
static inline void
vnet_domain_obj_set_active(VnetDomainObj *obj, VnetDomainDef *live, gpointer status,
                           GDestroyNotify status_free)
{
    vnet_virt_obj_set_active(obj, live, status, status_free);
}

/* Marks it inactive: the configuration becomes def again, the live def and
 * the status are freed. */
static inline void
vnet_domain_obj_set_inactive(VnetDomainObj *obj)
{
    vnet_virt_obj_set_inactive(obj);
}

/* Replaces the live definition of a running domain (takes @live). */
static inline void
vnet_domain_obj_replace_live_def(VnetDomainObj *obj, VnetDomainDef *live)
{
    vnet_virt_obj_replace_live_def(obj, live);
}

static inline gpointer
vnet_domain_obj_get_status(VnetDomainObj *obj)
{
    return vnet_virt_obj_get_status(obj);
}

/* ---- the list ---------------------------------------------------------- */

static inline VnetDomainObjList *
vnet_domain_obj_list_new(void)
{
    return vnet_virt_obj_list_new(&vnet_domain_obj_class);
}

static inline void
vnet_domain_obj_list_free(VnetDomainObjList *list)
{
    vnet_virt_obj_list_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainObjList, vnet_domain_obj_list_free)

/* New references, or NULL. */
static inline VnetDomainObj *
vnet_domain_obj_list_find_by_name(VnetDomainObjList *list, const char *name)
{
    return vnet_virt_obj_list_find_by_name(list, name);
}

static inline VnetDomainObj *
vnet_domain_obj_list_find_by_uuid(VnetDomainObjList *list, const VnetUuid *uuid)
{
    return vnet_virt_obj_list_find_by_uuid(list, uuid);
}

/* Checks @def against the list: VNET_ERROR_DOMAIN_EXISTS when its name belongs to
 * another UUID or its UUID to another name. *@ret_existing (may be NULL)
 * gets a reference to the object with the same name and UUID (a
 * redefinition), or NULL. */
static inline gboolean
vnet_domain_obj_list_check_duplicate(VnetDomainObjList *list, const VnetDomainDef *def,
                                     VnetDomainObj **ret_existing, GError **error)
{
    return vnet_virt_obj_list_check_duplicate(list, def, ret_existing, error);
}

/* Adds a new object for @def (taken) after the duplicate check; returns a
 * new reference. */
static inline VnetDomainObj *
vnet_domain_obj_list_add(VnetDomainObjList *list, VnetDomainDef *def, GError **error)
{
    return vnet_virt_obj_list_add(list, def, error);
}

static inline void
vnet_domain_obj_list_remove(VnetDomainObjList *list, VnetDomainObj *obj)
{
    vnet_virt_obj_list_remove(list, obj);
}

/* Every object (new references), sorted by name. */
static inline GPtrArray *
vnet_domain_obj_list_get_all(VnetDomainObjList *list)
{
    return vnet_virt_obj_list_get_all(list);
}

static inline guint
vnet_domain_obj_list_count(VnetDomainObjList *list)
{
    return vnet_virt_obj_list_count(list);
}
