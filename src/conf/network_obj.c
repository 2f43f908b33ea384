/* network_obj.c: runtime network objects and their list. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/network_obj.h"
#include "util/vnet-i18n.h"

struct _VnetNetworkObj {
    grefcount ref;
    VnetNetworkDef *def;
    VnetNetworkDef *new_def;
    gboolean active;
    gboolean autostart;
    gpointer status;
    GDestroyNotify status_free;
};

/**
 * vnet_network_obj_new:
 * @def: (transfer full): the configuration
 *
 * Returns: (transfer full): a shut-off network object.
 */
VnetNetworkObj *
vnet_network_obj_new(VnetNetworkDef *def)
{
    VnetNetworkObj *obj = g_new0(VnetNetworkObj, 1);

    g_ref_count_init(&obj->ref);
    obj->def = def;
    return obj;
}

/**
 * vnet_network_obj_ref:
 * @obj: an object
 *
 * Returns: (transfer full): @obj.
 */
VnetNetworkObj *
vnet_network_obj_ref(VnetNetworkObj *obj)
{
    g_ref_count_inc(&obj->ref);
    return obj;
}

static void
clear_status(VnetNetworkObj *obj)
{
    if (obj->status && obj->status_free)
        obj->status_free(obj->status);
    obj->status = NULL;
    obj->status_free = NULL;
}

/**
 * vnet_network_obj_unref:
 * @obj: (nullable): an object
 *
 * Drops a reference.
 */
void
vnet_network_obj_unref(VnetNetworkObj *obj)
{
    if (!obj || !g_ref_count_dec(&obj->ref))
        return;
    vnet_network_def_free(obj->def);
    vnet_network_def_free(obj->new_def);
    clear_status(obj);
    g_free(obj);
}

/**
 * vnet_network_obj_get_def:
 * @obj: an object
 *
 * Returns: (transfer none): the live definition when running, else the
 *   configuration.
 */
VnetNetworkDef *
vnet_network_obj_get_def(VnetNetworkObj *obj)
{
    return obj->def;
}

/**
 * vnet_network_obj_get_persistent_def:
 * @obj: an object
 *
 * Returns: (transfer none): the configuration.
 */
VnetNetworkDef *
vnet_network_obj_get_persistent_def(VnetNetworkObj *obj)
{
    return obj->new_def ? obj->new_def : obj->def;
}

/**
 * vnet_network_obj_get_name:
 * @obj: an object
 *
 * Returns: (transfer none): the name (the same in every def).
 */
const char *
vnet_network_obj_get_name(VnetNetworkObj *obj)
{
    return obj->def->name;
}

/**
 * vnet_network_obj_get_uuid:
 * @obj: an object
 *
 * Returns: (transfer none): the UUID.
 */
const VnetUuid *
vnet_network_obj_get_uuid(VnetNetworkObj *obj)
{
    return &obj->def->uuid;
}

/**
 * vnet_network_obj_is_active:
 * @obj: an object
 *
 * Returns: whether the network runs.
 */
gboolean
vnet_network_obj_is_active(VnetNetworkObj *obj)
{
    return obj->active;
}

/**
 * vnet_network_obj_get_autostart:
 * @obj: an object
 *
 * Returns: the autostart flag.
 */
gboolean
vnet_network_obj_get_autostart(VnetNetworkObj *obj)
{
    return obj->autostart;
}

/**
 * vnet_network_obj_set_autostart:
 * @obj: an object
 * @autostart: the flag
 *
 * Sets the autostart flag (the driver stores it).
 */
void
vnet_network_obj_set_autostart(VnetNetworkObj *obj, gboolean autostart)
{
    obj->autostart = autostart;
}

/**
 * vnet_network_obj_assign_def:
 * @obj: an object
 * @def: (transfer full): the new configuration
 *
 * Replaces the configuration; a running network keeps its live definition.
 */
void
vnet_network_obj_assign_def(VnetNetworkObj *obj, VnetNetworkDef *def)
{
    if (obj->active) {
        vnet_network_def_free(obj->new_def);
        obj->new_def = def;
    } else {
        vnet_network_def_free(obj->def);
        obj->def = def;
    }
}

/**
 * vnet_network_obj_set_active:
 * @obj: a shut-off object
 * @live: (transfer full): the live definition
 * @status: (transfer full): the driver's runtime record
 * @status_free: frees @status
 *
 * Marks the network running.
 */
void
vnet_network_obj_set_active(VnetNetworkObj *obj, VnetNetworkDef *live, gpointer status,
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
 * vnet_network_obj_set_inactive:
 * @obj: a running object
 *
 * Marks the network shut off and drops its live state.
 */
void
vnet_network_obj_set_inactive(VnetNetworkObj *obj)
{
    if (!obj->active)
        return;
    vnet_network_def_free(obj->def);
    obj->def = g_steal_pointer(&obj->new_def);
    clear_status(obj);
    obj->active = FALSE;
}

/**
 * vnet_network_obj_replace_live_def:
 * @obj: a running object
 * @live: (transfer full): its new live definition
 *
 * Swaps the live definition after a live change.
 */
void
vnet_network_obj_replace_live_def(VnetNetworkObj *obj, VnetNetworkDef *live)
{
    g_assert(obj->active);
    vnet_network_def_free(obj->def);
    obj->def = live;
}

/**
 * vnet_network_obj_get_status:
 * @obj: an object
 *
 * Returns: (transfer none) (nullable): the driver's runtime record.
 */
gpointer
vnet_network_obj_get_status(VnetNetworkObj *obj)
{
    return obj->status;
}

/* ---- the list ------------------------------------------------------------ */

struct _VnetNetworkObjList {
    GHashTable *by_name; /* name -> VnetNetworkObj (one reference) */
    GHashTable *by_uuid; /* uuid string -> VnetNetworkObj (borrowed) */
};

/**
 * vnet_network_obj_list_new:
 *
 * Returns: (transfer full): an empty list.
 */
VnetNetworkObjList *
vnet_network_obj_list_new(void)
{
    VnetNetworkObjList *list = g_new0(VnetNetworkObjList, 1);

    list->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)vnet_network_obj_unref);
    list->by_uuid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return list;
}

/**
 * vnet_network_obj_list_free:
 * @list: (nullable): a list
 *
 * Frees the list and its references.
 */
void
vnet_network_obj_list_free(VnetNetworkObjList *list)
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
 * vnet_network_obj_list_find_by_name:
 * @list: a list
 * @name: a name
 *
 * Returns: (transfer full) (nullable): the object.
 */
VnetNetworkObj *
vnet_network_obj_list_find_by_name(VnetNetworkObjList *list, const char *name)
{
    VnetNetworkObj *obj = g_hash_table_lookup(list->by_name, name);

    return obj ? vnet_network_obj_ref(obj) : NULL;
}

/**
 * vnet_network_obj_list_find_by_uuid:
 * @list: a list
 * @uuid: a UUID
 *
 * Returns: (transfer full) (nullable): the object.
 */
VnetNetworkObj *
vnet_network_obj_list_find_by_uuid(VnetNetworkObjList *list, const VnetUuid *uuid)
{
    g_autofree char *key = uuid_key(uuid);
    VnetNetworkObj *obj = g_hash_table_lookup(list->by_uuid, key);

    return obj ? vnet_network_obj_ref(obj) : NULL;
}

/**
 * vnet_network_obj_list_check_duplicate:
 * @list: a list
 * @def: a definition about to be added
 * @ret_existing: (out) (optional) (nullable): the object @def redefines
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @def is new or redefines an object with the same
 *   name and UUID; %FALSE with %VNET_ERROR_NETWORK_EXISTS otherwise.
 */
gboolean
vnet_network_obj_list_check_duplicate(VnetNetworkObjList *list, const VnetNetworkDef *def,
                                     VnetNetworkObj **ret_existing, GError **error)
{
    g_autoptr(VnetNetworkObj) by_name = vnet_network_obj_list_find_by_name(list, def->name);
    g_autoptr(VnetNetworkObj) by_uuid = vnet_network_obj_list_find_by_uuid(list, &def->uuid);
    char uuid[VNET_UUID_STRLEN];

    if (by_name && !vnet_uuid_equal(vnet_network_obj_get_uuid(by_name), &def->uuid)) {
        vnet_uuid_format(vnet_network_obj_get_uuid(by_name), uuid);
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETWORK_EXISTS,
                    _("network '%s' already exists with UUID %s"), def->name, uuid);
        return FALSE;
    }
    if (by_uuid && !by_name) {
        vnet_uuid_format(&def->uuid, uuid);
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETWORK_EXISTS,
                    _("network '%s' already has UUID %s (cannot define '%s' with it)"),
                    vnet_network_obj_get_name(by_uuid), uuid, def->name);
        return FALSE;
    }
    if (ret_existing)
        *ret_existing = g_steal_pointer(&by_name);
    return TRUE;
}

/**
 * vnet_network_obj_list_add:
 * @list: a list
 * @def: (transfer full): a new definition
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new object, or %NULL with
 *   %VNET_ERROR_NETWORK_EXISTS (also for a redefinition: use
 *   vnet_network_obj_list_check_duplicate() first).
 */
VnetNetworkObj *
vnet_network_obj_list_add(VnetNetworkObjList *list, VnetNetworkDef *def, GError **error)
{
    g_autoptr(VnetNetworkDef) owned = def;
    g_autoptr(VnetNetworkObj) existing = NULL;
    VnetNetworkObj *obj;

    if (!vnet_network_obj_list_check_duplicate(list, def, &existing, error))
        return NULL;
    if (existing) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NETWORK_EXISTS,
                    _("network '%s' already exists"), def->name);
        return NULL;
    }
    obj = vnet_network_obj_new(g_steal_pointer(&owned));
    g_hash_table_insert(list->by_name, g_strdup(def->name), obj);
    g_hash_table_insert(list->by_uuid, uuid_key(&def->uuid), obj);
    return vnet_network_obj_ref(obj);
}

/**
 * vnet_network_obj_list_remove:
 * @list: a list
 * @obj: an object of @list
 *
 * Removes @obj (the caller's references stay valid).
 */
void
vnet_network_obj_list_remove(VnetNetworkObjList *list, VnetNetworkObj *obj)
{
    g_autofree char *key = uuid_key(vnet_network_obj_get_uuid(obj));
    g_autofree char *name = g_strdup(vnet_network_obj_get_name(obj));

    g_hash_table_remove(list->by_uuid, key);
    g_hash_table_remove(list->by_name, name);
}

static gint
compare_by_name(gconstpointer a, gconstpointer b)
{
    VnetNetworkObj *oa = *(VnetNetworkObj *const *)a;
    VnetNetworkObj *ob = *(VnetNetworkObj *const *)b;

    return g_strcmp0(vnet_network_obj_get_name(oa), vnet_network_obj_get_name(ob));
}

/**
 * vnet_network_obj_list_get_all:
 * @list: a list
 *
 * Returns: (transfer full) (element-type VnetNetworkObj): every object,
 *   sorted by name.
 */
GPtrArray *
vnet_network_obj_list_get_all(VnetNetworkObjList *list)
{
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_network_obj_unref);
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, list->by_name);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(all, vnet_network_obj_ref(value));
    g_ptr_array_sort(all, compare_by_name);
    return all;
}

/**
 * vnet_network_obj_list_count:
 * @list: a list
 *
 * Returns: the number of objects.
 */
guint
vnet_network_obj_list_count(VnetNetworkObjList *list)
{
    return g_hash_table_size(list->by_name);
}
