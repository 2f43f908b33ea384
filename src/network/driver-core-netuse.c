/* driver-core-netuse.c: how running domains use networks (local driver).
 *
 * A domain's NICs of types network, natnetwork, hostonly and internal join
 * a running network. Starting such a domain (or attaching such a NIC):
 *   - an internal NIC whose network is not defined creates it: a transient
 *     internal network (vnet_network_def_new_internal()) with a free bridge
 *     name, started on demand;
 *   - a network that is not running is started on demand when it is
 *     internal or marked autostart, and otherwise refused with a clear
 *     error (libvirt refuses too; VirtualBox creates internal networks on
 *     use).
 * Networks started on demand are stopped again when the last running
 * domain with a NIC on them goes (destroy, detach, a failed start, or a
 * domain found dead after a crash); transient ones then leave the list.
 * Both facts are kept in the networks' status files, so a new process
 * continues where a crashed one stopped.
 */
#include <config.h>

#include "network/driver-core.h"
#include "network/nic.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

/**
 * vnet_core_network_env:
 * @core: a core
 * @env: (out): the environment
 * @ret_run_dir: (out): owns the folder @env points to
 *
 * Fills the environment of the network ops.
 */
void
vnet_core_network_env(VnetCore *core, VnetNetworkEnv *env, char **ret_run_dir)
{
    *ret_run_dir = core->store ? g_build_filename(vnet_store_get_run_dir(core->store),
                                                  "dnsmasq", NULL)
                               : NULL;
    env->run_dir = *ret_run_dir;
}

/**
 * vnet_core_find_running_network:
 * @drv: a core
 * @name: a network name
 *
 * Returns: (transfer none) (nullable): the live definition while it runs.
 */
const VnetNetworkDef *
vnet_core_find_running_network(gpointer drv, const char *name)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = vnet_network_obj_list_find_by_name(core->networks, name);

    /* the list keeps the object, and so its live def, alive */
    if (!obj || !vnet_network_obj_is_active(obj))
        return NULL;
    return vnet_network_obj_get_def(obj);
}

static gboolean
domain_uses(const VnetDomainDef *def, const char *name)
{
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, i);

        if (g_strcmp0(vnet_nic_network_name(nic), name) == 0)
            return TRUE;
    }
    return FALSE;
}

/**
 * vnet_core_network_first_user:
 * @core: a core
 * @name: a network name
 *
 * Returns: (transfer full) (nullable): the name of a running domain with a
 *   NIC on that network.
 */
char *
vnet_core_network_first_user(VnetCore *core, const char *name)
{
    g_autoptr(GPtrArray) domains = vnet_domain_obj_list_get_all(core->domains);

    for (guint i = 0; i < domains->len; i++) {
        VnetDomainObj *obj = g_ptr_array_index(domains, i);

        if (vnet_domain_obj_is_active(obj) && domain_uses(vnet_domain_obj_get_def(obj), name))
            return g_strdup(vnet_domain_obj_get_name(obj));
    }
    return NULL;
}

/* Defines the transient internal network @name. */
static VnetNetworkObj *
add_transient_internal(VnetCore *core, const char *name, GError **error)
{
    g_autoptr(VnetNetworkDef) def = vnet_network_def_new_internal(name);
    g_autoptr(GPtrArray) all = vnet_network_obj_list_get_all(core->networks);
    g_autoptr(GPtrArray) others = g_ptr_array_new();
    VnetNetworkObj *obj;

    for (guint i = 0; i < all->len; i++)
        g_ptr_array_add(others, vnet_network_obj_get_persistent_def(g_ptr_array_index(all, i)));
    def->bridge_name = vnet_network_def_pick_bridge_name(
        (const VnetNetworkDef *const *)others->pdata, others->len);
    obj = vnet_network_obj_list_add(core->networks, g_steal_pointer(&def), error);
    if (obj)
        g_hash_table_add(core->transient_networks, g_strdup(name));
    return obj;
}

static gboolean
acquire_one(VnetCore *core, const VnetDomainDef *def, const VnetDomainInterfaceDef *nic,
            GError **error)
{
    const char *name = vnet_nic_network_name(nic);
    gboolean internal = nic->type == VNET_DOMAIN_INTERFACE_TYPE_INTERNAL;
    g_autoptr(VnetNetworkObj) obj = NULL;
    g_autofree char *what = NULL;
    VnetNetworkKind kind;

    if (!name)
        return TRUE;
    what = vnet_nic_describe(def, nic);
    obj = vnet_network_obj_list_find_by_name(core->networks, name);
    if (!obj && internal) {
        obj = add_transient_internal(core, name, error);
        if (!obj)
            return FALSE;
    }
    if (!obj) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK,
                    _("%s: joins network '%s', which is not defined"), what, name);
        return FALSE;
    }
    if (vnet_network_obj_is_active(obj))
        return TRUE;
    kind = vnet_network_obj_get_def(obj)->kind;
    if (!(internal && kind == VNET_NETWORK_KIND_INTERNAL) &&
        !vnet_network_obj_get_autostart(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("%s: network '%s' is not running; start it first (or mark it "
                      "autostart to have it started with the domains that use it)"),
                    what, name);
        return FALSE;
    }
    vnet_debug("driver", "%s: starting network %s on demand", what, name);
    g_hash_table_add(core->on_demand_networks, g_strdup(name));
    if (!vnet_core_network_start(core, vnet_network_obj_get_uuid(obj), error)) {
        g_hash_table_remove(core->on_demand_networks, name);
        if (g_hash_table_remove(core->transient_networks, name))
            vnet_network_obj_list_remove(core->networks, obj);
        return FALSE;
    }
    return TRUE;
}

/**
 * vnet_core_networks_acquire:
 * @core: a core realizing on the host
 * @def: a domain being started (or changed)
 * @nic: (nullable): only this NIC of @def
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every network the NICs join runs.
 */
gboolean
vnet_core_networks_acquire(VnetCore *core, const VnetDomainDef *def,
                           const VnetDomainInterfaceDef *nic, GError **error)
{
    if (nic)
        return acquire_one(core, def, nic, error);
    for (guint i = 0; i < def->interfaces->len; i++) {
        if (!acquire_one(core, def, g_ptr_array_index(def->interfaces, i), error))
            return FALSE;
    }
    return TRUE;
}

/**
 * vnet_core_networks_release:
 * @core: a core realizing on the host
 *
 * Stops on-demand networks without users; failures become load errors
 * (there is no caller to report them to).
 */
void
vnet_core_networks_release(VnetCore *core)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init(&iter, core->on_demand_networks);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_ptr_array_add(names, g_strdup(key));
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_autoptr(VnetNetworkObj) obj = vnet_network_obj_list_find_by_name(core->networks, name);
        g_autofree char *user = vnet_core_network_first_user(core, name);
        g_autoptr(GError) local_error = NULL;

        if (user)
            continue;
        if (!obj || !vnet_network_obj_is_active(obj)) {
            g_hash_table_remove(core->on_demand_networks, name);
            continue;
        }
        vnet_debug("driver", "network %s has no users left; stopping it", name);
        if (!vnet_core_network_stop_obj(core, obj, &local_error))
            vnet_core_add_load_error(core, _("stopping network '%s' after its last user: %s"),
                                     name, local_error->message);
    }
}
