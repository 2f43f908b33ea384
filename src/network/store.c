/* store.c: definition and status files of the local driver. */
#include <config.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "network/store.h"
#include "util/vnet-file.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

struct _VnetStore {
    char *config_dir;
    char *state_dir;
    char *run_dir;
    GHashTable *broken; /* "domains/NAME" -> path */
};

static const char *
kind_dir(VnetObjectKind kind)
{
    return kind == VNET_OBJECT_DOMAIN ? "domains" : "networks";
}

static gboolean
make_dir(const char *path, int mode, GError **error)
{
    if (g_mkdir_with_parents(path, mode) < 0) {
        int saved = errno;

        g_set_error(error, VNET_ERROR, saved == EACCES || saved == EPERM
                                           ? VNET_ERROR_ACCESS_DENIED
                                           : VNET_ERROR_IO,
                    _("cannot create folder %s: %s"), path, g_strerror(saved));
        return FALSE;
    }
    return TRUE;
}

/**
 * vnet_store_open:
 * @config_dir: where definitions live
 * @state_dir: where persistent runtime data lives
 * @run_dir: where status files live
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
VnetStore *
vnet_store_open(const char *config_dir, const char *state_dir, const char *run_dir,
                GError **error)
{
    g_autoptr(VnetStore) store = g_new0(VnetStore, 1);
    const VnetObjectKind kinds[] = {VNET_OBJECT_DOMAIN, VNET_OBJECT_NETWORK};

    store->config_dir = g_strdup(config_dir);
    store->state_dir = g_strdup(state_dir);
    store->run_dir = g_strdup(run_dir);
    store->broken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);

    if (!make_dir(state_dir, 0755, error))
        return NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++) {
        g_autofree char *autostart =
            g_build_filename(config_dir, kind_dir(kinds[i]), "autostart", NULL);
        g_autofree char *run = g_build_filename(run_dir, kind_dir(kinds[i]), NULL);

        if (!make_dir(autostart, 0755, error) || !make_dir(run, 0755, error))
            return NULL;
    }
    return g_steal_pointer(&store);
}

/**
 * vnet_store_free:
 * @store: (nullable): a store
 *
 * Frees @store (the files stay).
 */
void
vnet_store_free(VnetStore *store)
{
    if (!store)
        return;
    g_free(store->config_dir);
    g_free(store->state_dir);
    g_free(store->run_dir);
    g_clear_pointer(&store->broken, g_hash_table_unref);
    g_free(store);
}

/**
 * vnet_store_get_state_dir:
 * @store: a store
 *
 * Returns: (transfer none): the state folder.
 */
const char *
vnet_store_get_state_dir(VnetStore *store)
{
    return store->state_dir;
}

/**
 * vnet_store_get_run_dir:
 * @store: a store
 *
 * Returns: (transfer none): the folder of status and other runtime files.
 */
const char *
vnet_store_get_run_dir(VnetStore *store)
{
    return store->run_dir;
}

/**
 * vnet_store_config_path:
 * @store: a store
 * @kind: domain or network
 * @name: an object name
 *
 * Returns: (transfer full): the path of its definition file.
 */
char *
vnet_store_config_path(VnetStore *store, VnetObjectKind kind, const char *name)
{
    g_autofree char *file = g_strconcat(name, ".xml", NULL);

    return g_build_filename(store->config_dir, kind_dir(kind), file, NULL);
}

/**
 * vnet_store_status_path:
 * @store: a store
 * @kind: domain or network
 * @name: an object name
 *
 * Returns: (transfer full): the path of its status file.
 */
char *
vnet_store_status_path(VnetStore *store, VnetObjectKind kind, const char *name)
{
    g_autofree char *file = g_strconcat(name, ".xml", NULL);

    return g_build_filename(store->run_dir, kind_dir(kind), file, NULL);
}

static char *
autostart_path(VnetStore *store, VnetObjectKind kind, const char *name)
{
    return g_build_filename(store->config_dir, kind_dir(kind), "autostart", name, NULL);
}

static gint
compare_paths(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

static GPtrArray *
list_xml(const char *dir)
{
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *entry;

    if (d) {
        while ((entry = g_dir_read_name(d))) {
            /* Temporary files of atomic writes start with a dot. */
            if (entry[0] == '.' || !g_str_has_suffix(entry, ".xml"))
                continue;
            g_ptr_array_add(paths, g_build_filename(dir, entry, NULL));
        }
    }
    g_ptr_array_sort(paths, compare_paths);
    return g_steal_pointer(&paths);
}

/**
 * vnet_store_list_configs:
 * @store: a store
 * @kind: domain or network
 *
 * Returns: (transfer full) (element-type utf8): sorted definition file paths.
 */
GPtrArray *
vnet_store_list_configs(VnetStore *store, VnetObjectKind kind)
{
    g_autofree char *dir = g_build_filename(store->config_dir, kind_dir(kind), NULL);

    return list_xml(dir);
}

/**
 * vnet_store_list_status:
 * @store: a store
 * @kind: domain or network
 *
 * Returns: (transfer full) (element-type utf8): sorted status file paths.
 */
GPtrArray *
vnet_store_list_status(VnetStore *store, VnetObjectKind kind)
{
    g_autofree char *dir = g_build_filename(store->run_dir, kind_dir(kind), NULL);

    return list_xml(dir);
}

/**
 * vnet_store_name_from_path:
 * @path: a definition or status file
 *
 * Returns: (transfer full): the object name the file stands for.
 */
char *
vnet_store_name_from_path(const char *path)
{
    g_autofree char *base = g_path_get_basename(path);

    if (g_str_has_suffix(base, ".xml"))
        base[strlen(base) - 4] = '\0';
    return g_steal_pointer(&base);
}

static char *
broken_key(VnetObjectKind kind, const char *name)
{
    return g_strconcat(kind_dir(kind), "/", name, NULL);
}

/**
 * vnet_store_mark_broken:
 * @store: a store
 * @kind: domain or network
 * @name: the name the unreadable file stands for
 *
 * Protects the file from being overwritten by a later define.
 */
void
vnet_store_mark_broken(VnetStore *store, VnetObjectKind kind, const char *name)
{
    g_hash_table_replace(store->broken, broken_key(kind, name),
                         vnet_store_config_path(store, kind, name));
}

/**
 * vnet_store_check_name:
 * @store: a store
 * @kind: domain or network
 * @name: a name about to be stored
 * @error: return location for a #GError
 *
 * Returns: %TRUE when a definition called @name may be written.
 */
gboolean
vnet_store_check_name(VnetStore *store, VnetObjectKind kind, const char *name, GError **error)
{
    g_autofree char *key = broken_key(kind, name);
    const char *broken;

    if (!*name || name[0] == '.' || strchr(name, '/')) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID,
                    _("%s name '%s' cannot be stored: it must not be empty, start with '.' "
                      "or contain '/'"),
                    vnet_object_kind_to_string(kind), name);
        return FALSE;
    }
    broken = g_hash_table_lookup(store->broken, key);
    if (broken && g_file_test(broken, G_FILE_TEST_EXISTS)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("cannot define %s '%s': its file %s exists but could not be loaded; "
                      "fix it or move it away first (it is never overwritten)"),
                    vnet_object_kind_to_string(kind), name, broken);
        return FALSE;
    }
    return TRUE;
}

static gboolean
write_file(const char *path, const char *data, GError **error)
{
    int r = vnet_file_write_atomic(path, data, strlen(data), 0644);

    if (r < 0) {
        g_set_error(error, VNET_ERROR, r == -EACCES || r == -EPERM ? VNET_ERROR_ACCESS_DENIED
                                                                   : VNET_ERROR_IO,
                    _("cannot write %s: %s"), path, g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

static gboolean
remove_file(const char *path, GError **error)
{
    int r = vnet_file_remove_durable(path);

    if (r < 0 && r != -ENOENT) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("cannot remove %s: %s"), path,
                    g_strerror(-r));
        return FALSE;
    }
    return TRUE;
}

/**
 * vnet_store_save_config:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 * @xml: its canonical XML
 * @error: return location for a #GError
 *
 * Writes the definition atomically.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_store_save_config(VnetStore *store, VnetObjectKind kind, const char *name, const char *xml,
                       GError **error)
{
    g_autofree char *path = NULL;

    if (!vnet_store_check_name(store, kind, name, error))
        return FALSE;
    path = vnet_store_config_path(store, kind, name);
    vnet_debug("store", "writing %s", path);
    return write_file(path, xml, error);
}

/**
 * vnet_store_delete_config:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when there was no file).
 */
gboolean
vnet_store_delete_config(VnetStore *store, VnetObjectKind kind, const char *name,
                         GError **error)
{
    g_autofree char *path = vnet_store_config_path(store, kind, name);
    g_autofree char *marker = autostart_path(store, kind, name);

    return remove_file(marker, error) && remove_file(path, error);
}

/**
 * vnet_store_get_autostart:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 *
 * Returns: whether the autostart marker exists.
 */
gboolean
vnet_store_get_autostart(VnetStore *store, VnetObjectKind kind, const char *name)
{
    g_autofree char *marker = autostart_path(store, kind, name);

    return g_file_test(marker, G_FILE_TEST_EXISTS);
}

/**
 * vnet_store_set_autostart:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 * @autostart: the flag
 * @error: return location for a #GError
 *
 * Creates or removes the autostart marker.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_store_set_autostart(VnetStore *store, VnetObjectKind kind, const char *name,
                         gboolean autostart, GError **error)
{
    g_autofree char *marker = autostart_path(store, kind, name);

    if (autostart)
        return write_file(marker, "", error);
    return remove_file(marker, error);
}

/**
 * vnet_store_save_status:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 * @xml: the status document
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_store_save_status(VnetStore *store, VnetObjectKind kind, const char *name, const char *xml,
                       GError **error)
{
    g_autofree char *path = vnet_store_status_path(store, kind, name);

    vnet_debug("store", "writing %s", path);
    return write_file(path, xml, error);
}

/**
 * vnet_store_delete_status:
 * @store: a store
 * @kind: domain or network
 * @name: the object's name
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when there was no file).
 */
gboolean
vnet_store_delete_status(VnetStore *store, VnetObjectKind kind, const char *name,
                         GError **error)
{
    g_autofree char *path = vnet_store_status_path(store, kind, name);

    return remove_file(path, error);
}
