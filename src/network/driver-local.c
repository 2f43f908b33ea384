/* driver-local.c: local:///system and local:///?root=DIR — the in-process
 * driver. Definitions and status files live in a store (store.h); objects
 * are realized on the host with the guest backends (backend.h).
 *
 * Opening loads the definitions, then the status files of running objects
 * (keeping those still alive on the host and cleaning up after those that
 * are gone), then, with the autostart flag, starts what is marked so. */
#include <config.h>

#include "network/driver-core.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

#define SYSTEM_CONFIG_DIR "/etc/vnet"
#define SYSTEM_STATE_DIR "/var/lib/vnet"
#define SYSTEM_RUN_DIR "/run/vnet"

static gboolean
parse_bool_param(const VnetUri *uri, const char *name, gboolean *ret, GError **error)
{
    const char *value = g_hash_table_lookup(uri->query, name);

    if (!value)
        return TRUE;
    if (g_str_equal(value, "1") || g_str_equal(value, "yes") || g_str_equal(value, "true")) {
        *ret = TRUE;
    } else if (g_str_equal(value, "0") || g_str_equal(value, "no") ||
               g_str_equal(value, "false")) {
        *ret = FALSE;
    } else {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': parameter '%s' must be 1 or 0, not '%s'"),
                    uri->canonical, name, value);
        return FALSE;
    }
    return TRUE;
}

static gboolean
check_params(const VnetUri *uri, GError **error)
{
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init(&iter, uri->query);
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        if (!g_str_equal(key, "root") && !g_str_equal(key, "autostart")) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                        _("invalid URI '%s': unknown parameter '%s' (known: root, autostart)"),
                        uri->canonical, (const char *)key);
            return FALSE;
        }
    }
    return TRUE;
}

static gpointer
local_open(const VnetUri *uri, VnetConnectionFlags flags, VnetEventBus *bus, GError **error)
{
    const char *root = g_hash_table_lookup(uri->query, "root");
    g_autofree char *config_dir = NULL;
    g_autofree char *state_dir = NULL;
    g_autofree char *run_dir = NULL;
    gboolean autostart = (flags & VNET_CONNECTION_AUTOSTART) != 0;
    g_autoptr(VnetStore) store = NULL;
    VnetCore *core;

    if (!check_params(uri, error) || !parse_bool_param(uri, "autostart", &autostart, error))
        return NULL;
    if (g_str_equal(uri->path, "/system") && !root) {
        config_dir = g_strdup(SYSTEM_CONFIG_DIR);
        state_dir = g_strdup(SYSTEM_STATE_DIR);
        run_dir = g_strdup(SYSTEM_RUN_DIR);
    } else if (g_str_equal(uri->path, "/") && root) {
        if (!g_path_is_absolute(root)) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                        _("invalid URI '%s': root '%s' must be an absolute path"),
                        uri->canonical, root);
            return NULL;
        }
        config_dir = g_build_filename(root, "etc", NULL);
        state_dir = g_build_filename(root, "lib", NULL);
        run_dir = g_build_filename(root, "run", NULL);
    } else {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': expected local:///system or local:///?root=DIR"),
                    uri->canonical);
        return NULL;
    }

    store = vnet_store_open(config_dir, state_dir, run_dir, error);
    if (!store)
        return NULL;
    core = vnet_core_new(TRUE, g_steal_pointer(&store), bus);
    vnet_core_load_network_configs(core);
    vnet_core_load_domain_configs(core);
    vnet_core_load_network_status(core);
    vnet_core_load_domain_status(core);
    /* networks started for NICs whose domains did not survive */
    vnet_core_networks_release(core);
    if (autostart)
        vnet_core_autostart(core);
    vnet_debug("driver", "local driver open: config %s, %u problem(s) while loading",
               config_dir, core->load_errors->len);
    return core;
}

const VnetDriver vnet_local_driver = {
    .name = "local",
    .scheme = "local",
    .flags = 0,
    .open = local_open,
    VNET_CORE_DRIVER_OPS,
};
