/* virt_obj.h: the runtime object and the object list that domains and
 * networks share (domain_obj.h and network_obj.h give them typed names).
 *
 * A VnetVirtObj pairs the definitions of an object with its runtime state:
 *   def      the persistent configuration while inactive; the live
 *            definition (with realized names) while active
 *   new_def  while active: the persistent configuration for the next start,
 *            when it differs from what runs (a redefine or a CONFIG change);
 *            NULL otherwise
 *   status   the driver's record of what the running object created on the
 *            host (opaque here; freed with the given function)
 * Objects are reference counted; a list holds one reference and lookups
 * return new ones. There is no lock here: the driver serializes access.
 */
#pragma once

#include <glib.h>

#include "util/vnet-uuid.h"

/* What differs between kinds of object: how to read a def, the error code
 * for duplicates, and the noun errors use (marked with N_()). */
typedef struct {
    const char *noun; /* "domain" */
    gint exists_code; /* VNET_ERROR_DOMAIN_EXISTS */
    const char *(*def_name)(gconstpointer def);
    const VnetUuid *(*def_uuid)(gconstpointer def);
    GDestroyNotify def_free;
} VnetVirtObjClass;

typedef struct _VnetVirtObj VnetVirtObj;

VnetVirtObj *vnet_virt_obj_new(const VnetVirtObjClass *klass, gpointer def);
VnetVirtObj *vnet_virt_obj_ref(VnetVirtObj *obj);
void vnet_virt_obj_unref(VnetVirtObj *obj);

gpointer vnet_virt_obj_get_def(VnetVirtObj *obj);
gpointer vnet_virt_obj_get_persistent_def(VnetVirtObj *obj);
const char *vnet_virt_obj_get_name(VnetVirtObj *obj);
const VnetUuid *vnet_virt_obj_get_uuid(VnetVirtObj *obj);
gboolean vnet_virt_obj_is_active(VnetVirtObj *obj);
gboolean vnet_virt_obj_get_autostart(VnetVirtObj *obj);
void vnet_virt_obj_set_autostart(VnetVirtObj *obj, gboolean autostart);
void vnet_virt_obj_assign_def(VnetVirtObj *obj, gpointer def);
void vnet_virt_obj_set_active(VnetVirtObj *obj, gpointer live, gpointer status,
                              GDestroyNotify status_free);
void vnet_virt_obj_set_inactive(VnetVirtObj *obj);
void vnet_virt_obj_replace_live_def(VnetVirtObj *obj, gpointer live);
gpointer vnet_virt_obj_get_status(VnetVirtObj *obj);

typedef struct _VnetVirtObjList VnetVirtObjList;

VnetVirtObjList *vnet_virt_obj_list_new(const VnetVirtObjClass *klass);
void vnet_virt_obj_list_free(VnetVirtObjList *list);
VnetVirtObj *vnet_virt_obj_list_find_by_name(VnetVirtObjList *list, const char *name);
VnetVirtObj *vnet_virt_obj_list_find_by_uuid(VnetVirtObjList *list, const VnetUuid *uuid);
gboolean vnet_virt_obj_list_check_duplicate(VnetVirtObjList *list, gconstpointer def,
                                            VnetVirtObj **ret_existing, GError **error);
VnetVirtObj *vnet_virt_obj_list_add(VnetVirtObjList *list, gpointer def, GError **error);
void vnet_virt_obj_list_remove(VnetVirtObjList *list, VnetVirtObj *obj);
GPtrArray *vnet_virt_obj_list_get_all(VnetVirtObjList *list);
guint vnet_virt_obj_list_count(VnetVirtObjList *list);
