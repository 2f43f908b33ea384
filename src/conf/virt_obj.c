/* virt_obj.c: runtime objects (domains, networks) and their lists. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/virt_obj.h"
#include "util/vnet-i18n.h"

struct _VnetVirtObj {
    grefcount ref;
    const VnetVirtObjClass *klass;
    gpointer def;
    gpointer new_def;
    gboolean active;
    gboolean autostart;
    gpointer status;
    GDestroyNotify status_free;
};

/**
 * vnet_virt_obj_new:
 * @klass: the kind of object
 * @def: (transfer full): the configuration
 *
 * Returns: (transfer full): an inactive object.
 */
VnetVirtObj *
vnet_virt_obj_new(const VnetVirtObjClass *klass, gpointer def)
{
    VnetVirtObj *obj = g_new0(VnetVirtObj, 1);

    g_ref_count_init(&obj->ref);
    obj->klass = klass;
    obj->def = def;
    return obj;
}

/**
 * vnet_virt_obj_ref:
 * @obj: an object
 *
 * Returns: (transfer full): @obj.
 */
VnetVirtObj *
vnet_virt_obj_ref(VnetVirtObj *obj)
{
    g_ref_count_inc(&obj->ref);
    return obj;
}

static void
clear_status(VnetVirtObj *obj)
{
    if (obj->status && obj->status_free)
        obj->status_free(obj->status);
    obj->status = NULL;
    obj->status_free = NULL;
}

/**
 * vnet_virt_obj_unref:
 * @obj: (nullable): an object
 *
 * Drops a reference.
 */
void
vnet_virt_obj_unref(VnetVirtObj *obj)
{
    if (!obj || !g_ref_count_dec(&obj->ref))
        return;
    obj->klass->def_free(obj->def);
    if (obj->new_def)
        obj->klass->def_free(obj->new_def);
    clear_status(obj);
    g_free(obj);
}

/**
 * vnet_virt_obj_get_def:
 * @obj: an object
 *
 * Returns: (transfer none): the live definition when running, else the
 *   configuration.
 */
gpointer
vnet_virt_obj_get_def(VnetVirtObj *obj)
{
    return obj->def;
}

/**
 * vnet_virt_obj_get_persistent_def:
 * @obj: an object
 *
 * Returns: (transfer none): the configuration.
 */
gpointer
vnet_virt_obj_get_persistent_def(VnetVirtObj *obj)
{
    return obj->new_def ? obj->new_def : obj->def;
}

/**
 * vnet_virt_obj_get_name:
 * @obj: an object
 *
 * Returns: (transfer none): the name (the same in every def).
 */
const char *
vnet_virt_obj_get_name(VnetVirtObj *obj)
{
    return obj->klass->def_name(obj->def);
}

/**
 * vnet_virt_obj_get_uuid:
 * @obj: an object
 *
 * Returns: (transfer none): the UUID.
 */
const VnetUuid *
vnet_virt_obj_get_uuid(VnetVirtObj *obj)
{
    return obj->klass->def_uuid(obj->def);
}

/**
 * vnet_virt_obj_is_active:
 * @obj: an object
 *
 * Returns: whether the object runs.
 */
gboolean
vnet_virt_obj_is_active(VnetVirtObj *obj)
{
    return obj->active;
}

/**
 * vnet_virt_obj_get_autostart:
 * @obj: an object
 *
 * Returns: the autostart flag.
 */
gboolean
vnet_virt_obj_get_autostart(VnetVirtObj *obj)
{
    return obj->autostart;
}

/**
 * vnet_virt_obj_set_autostart:
 * @obj: an object
 * @autostart: the flag
 *
 * Sets the autostart flag (the driver stores it).
 */
void
vnet_virt_obj_set_autostart(VnetVirtObj *obj, gboolean autostart)
{
    obj->autostart = autostart;
}

/**
 * vnet_virt_obj_assign_def:
 * @obj: an object
 * @def: (transfer full): the new configuration
 *
 * Replaces the configuration; a running object keeps its live definition.
 */
void
vnet_virt_obj_assign_def(VnetVirtObj *obj, gpointer def)
{
    gpointer *slot = obj->active ? &obj->new_def : &obj->def;

    if (*slot)
        obj->klass->def_free(*slot);
    *slot = def;
}

/**
 * vnet_virt_obj_set_active:
 * @obj: a shut-off object
 * @live: (transfer full): the live definition
 * @status: (transfer full): the driver's runtime record
 * @status_free: frees @status
 *
 * Marks the object running.
 */
void
vnet_virt_obj_set_active(VnetVirtObj *obj, gpointer live, gpointer status,
                           GDestroyNotify status_free)
{
    g_assert(!obj->active);
    g_assert(!obj->new_def);
    obj->new_def = obj->def;
    obj->def = live;
    obj->status = status;
    obj->status_free = status_free;
    obj->active = TRUE;
}

/**
 * vnet_virt_obj_set_inactive:
 * @obj: a running object
 *
 * Marks the object shut off and drops its live state.
 */
void
vnet_virt_obj_set_inactive(VnetVirtObj *obj)
{
    if (!obj->active)
        return;
    obj->klass->def_free(obj->def);
    obj->def = g_steal_pointer(&obj->new_def);
    clear_status(obj);
    obj->active = FALSE;
}

/**
 * vnet_virt_obj_replace_live_def:
 * @obj: a running object
 * @live: (transfer full): its new live definition
 *
 * Swaps the live definition after a live change.
 */
void
vnet_virt_obj_replace_live_def(VnetVirtObj *obj, gpointer live)
{
    g_assert(obj->active);
    obj->klass->def_free(obj->def);
    obj->def = live;
}

/**
 * vnet_virt_obj_get_status:
 * @obj: an object
 *
 * Returns: (transfer none) (nullable): the driver's runtime record.
 */
gpointer
vnet_virt_obj_get_status(VnetVirtObj *obj)
{
    return obj->status;
}

/* ---- the list ------------------------------------------------------------ */

struct _VnetVirtObjList {
    const VnetVirtObjClass *klass;
    GHashTable *by_name; /* name -> VnetVirtObj (one reference) */
    GHashTable *by_uuid; /* uuid string -> VnetVirtObj (borrowed) */
};

/**
 * vnet_virt_obj_list_new:
 * @klass: the kind of the objects it will hold
 *
 * Returns: (transfer full): an empty list.
 */
VnetVirtObjList *
vnet_virt_obj_list_new(const VnetVirtObjClass *klass)
{
    VnetVirtObjList *list = g_new0(VnetVirtObjList, 1);

    list->klass = klass;
    list->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)vnet_virt_obj_unref);
    list->by_uuid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return list;
}

/**
 * vnet_virt_obj_list_free:
 * @list: (nullable): a list
 *
 * Frees the list and its references.
 */
void
vnet_virt_obj_list_free(VnetVirtObjList *list)
{
    if (!list)
        return;
    g_hash_table_unref(list->by_uuid);
    g_hash_table_unref(list->by_name);
    g_free(list);
}

static char *
uuid_key(const VnetUuid *uuid)
{
    char buf[VNET_UUID_STRLEN];

    vnet_uuid_format(uuid, buf);
    return g_strdup(buf);
}

/**
 * vnet_virt_obj_list_find_by_name:
 * @list: a list
 * @name: a name
 *
 * Returns: (transfer full) (nullable): the object.
 */
VnetVirtObj *
vnet_virt_obj_list_find_by_name(VnetVirtObjList *list, const char *name)
{
    VnetVirtObj *obj = g_hash_table_lookup(list->by_name, name);

    return obj ? vnet_virt_obj_ref(obj) : NULL;
}

/**
 * vnet_virt_obj_list_find_by_uuid:
 * @list: a list
 * @uuid: a UUID
 *
 * Returns: (transfer full) (nullable): the object.
 */
VnetVirtObj *
vnet_virt_obj_list_find_by_uuid(VnetVirtObjList *list, const VnetUuid *uuid)
{
    g_autofree char *key = uuid_key(uuid);
    VnetVirtObj *obj = g_hash_table_lookup(list->by_uuid, key);

    return obj ? vnet_virt_obj_ref(obj) : NULL;
}

/**
 * vnet_virt_obj_list_check_duplicate:
 * @list: a list
 * @def: a definition about to be added
 * @ret_existing: (out) (optional) (nullable): the object @def redefines
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @def is new or redefines an object with the same
 *   name and UUID; %FALSE with the class's "exists" error otherwise.
 */
gboolean
vnet_virt_obj_list_check_duplicate(VnetVirtObjList *list, gconstpointer def,
                                   VnetVirtObj **ret_existing, GError **error)
{
    const char *name = list->klass->def_name(def);
    const VnetUuid *def_uuid = list->klass->def_uuid(def);
    VnetVirtObj *by_name = vnet_virt_obj_list_find_by_name(list, name);
    VnetVirtObj *by_uuid = vnet_virt_obj_list_find_by_uuid(list, def_uuid);
    char uuid[VNET_UUID_STRLEN];
    gboolean ok = FALSE;

    if (by_name && !vnet_uuid_equal(vnet_virt_obj_get_uuid(by_name), def_uuid)) {
        vnet_uuid_format(vnet_virt_obj_get_uuid(by_name), uuid);
        g_set_error(error, VNET_ERROR, list->klass->exists_code,
                    /* TRANSLATORS: the first %s is "domain" or "network" */
                    _("%s '%s' already exists with UUID %s"), _(list->klass->noun), name, uuid);
    } else if (by_uuid && !by_name) {
        vnet_uuid_format(def_uuid, uuid);
        g_set_error(error, VNET_ERROR, list->klass->exists_code,
                    _("%s '%s' already has UUID %s (cannot define '%s' with it)"),
                    _(list->klass->noun), vnet_virt_obj_get_name(by_uuid), uuid, name);
    } else {
        if (ret_existing)
            *ret_existing = g_steal_pointer(&by_name);
        ok = TRUE;
    }
    vnet_virt_obj_unref(by_name);
    vnet_virt_obj_unref(by_uuid);
    return ok;
}

/**
 * vnet_virt_obj_list_add:
 * @list: a list
 * @def: (transfer full): a new definition
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new object, or %NULL with the class's
 *   "exists" error (also for a redefinition: use
 *   vnet_virt_obj_list_check_duplicate() first).
 */
VnetVirtObj *
vnet_virt_obj_list_add(VnetVirtObjList *list, gpointer def, GError **error)
{
    VnetVirtObj *existing = NULL;
    VnetVirtObj *obj;

    if (!vnet_virt_obj_list_check_duplicate(list, def, &existing, error)) {
        list->klass->def_free(def);
        return NULL;
    }
    if (existing) {
        g_set_error(error, VNET_ERROR, list->klass->exists_code, _("%s '%s' already exists"),
                    _(list->klass->noun), list->klass->def_name(def));
        vnet_virt_obj_unref(existing);
        list->klass->def_free(def);
        return NULL;
    }
    obj = vnet_virt_obj_new(list->klass, def);
    g_hash_table_insert(list->by_name, g_strdup(vnet_virt_obj_get_name(obj)), obj);
    g_hash_table_insert(list->by_uuid, uuid_key(vnet_virt_obj_get_uuid(obj)), obj);
    return vnet_virt_obj_ref(obj);
}

/**
 * vnet_virt_obj_list_remove:
 * @list: a list
 * @obj: an object of @list
 *
 * Removes @obj (the caller's references stay valid).
 */
void
vnet_virt_obj_list_remove(VnetVirtObjList *list, VnetVirtObj *obj)
{
    g_autofree char *key = uuid_key(vnet_virt_obj_get_uuid(obj));
    g_autofree char *name = g_strdup(vnet_virt_obj_get_name(obj));

    g_hash_table_remove(list->by_uuid, key);
    g_hash_table_remove(list->by_name, name);
}

static gint
compare_by_name(gconstpointer a, gconstpointer b)
{
    VnetVirtObj *oa = *(VnetVirtObj *const *)a;
    VnetVirtObj *ob = *(VnetVirtObj *const *)b;

    return g_strcmp0(vnet_virt_obj_get_name(oa), vnet_virt_obj_get_name(ob));
}

/**
 * vnet_virt_obj_list_get_all:
 * @list: a list
 *
 * Returns: (transfer full) (element-type VnetVirtObj): every object,
 *   sorted by name.
 */
GPtrArray *
vnet_virt_obj_list_get_all(VnetVirtObjList *list)
{
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_virt_obj_unref);
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, list->by_name);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(all, vnet_virt_obj_ref(value));
    g_ptr_array_sort(all, compare_by_name);
    return all;
}

/**
 * vnet_virt_obj_list_count:
 * @list: a list
 *
 * Returns: the number of objects.
 */
guint
vnet_virt_obj_list_count(VnetVirtObjList *list)
{
    return g_hash_table_size(list->by_name);
}
