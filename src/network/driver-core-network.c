/* driver-core-network.c: the shared vtable implementation for networks. */
#include <config.h>

#include "network/driver-core.h"
#include "network/network-realize.h"
#include "network/status.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-xml.h"

static VnetNetworkObj *
find_network(VnetCore *core, const VnetUuid *uuid, GError **error)
{
    VnetNetworkObj *obj = vnet_network_obj_list_find_by_uuid(core->networks, uuid);
    char buf[VNET_UUID_STRLEN];

    if (!obj) {
        vnet_uuid_format(uuid, buf);
        g_set_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK, _("no network with UUID %s"), buf);
    }
    return obj;
}

static VnetObjectId *
network_id(VnetNetworkObj *obj)
{
    return vnet_object_id_new(vnet_network_obj_get_name(obj), vnet_network_obj_get_uuid(obj));
}

static void
emit_network(VnetCore *core, VnetNetworkObj *obj, VnetEventType type, const char *detail)
{
    vnet_event_bus_emit(core->bus, VNET_OBJECT_NETWORK, type, vnet_network_obj_get_name(obj),
                        vnet_network_obj_get_uuid(obj), detail);
}

static gboolean
save_network_config(VnetCore *core, const VnetNetworkDef *def, GError **error)
{
    g_autofree char *xml = NULL;

    if (!core->store)
        return TRUE;
    xml = vnet_network_def_format(def, 0);
    return vnet_store_save_config(core->store, VNET_OBJECT_NETWORK, def->name, xml, error);
}

static gboolean
save_network_status(VnetCore *core, const VnetNetworkDef *live, GError **error)
{
    g_autofree char *xml = NULL;
    guint flags = 0;

    if (!core->store)
        return TRUE;
    if (g_hash_table_contains(core->transient_networks, live->name))
        flags |= VNET_NETWORK_STATUS_TRANSIENT;
    if (g_hash_table_contains(core->on_demand_networks, live->name))
        flags |= VNET_NETWORK_STATUS_ON_DEMAND;
    xml = vnet_network_status_format(live, flags);
    return vnet_store_save_status(core->store, VNET_OBJECT_NETWORK, live->name, xml, error);
}

/* The persistent definitions of every network but the one with @uuid. */
static GPtrArray *
other_defs(VnetCore *core, const VnetUuid *uuid)
{
    g_autoptr(GPtrArray) all = vnet_network_obj_list_get_all(core->networks);
    GPtrArray *defs = g_ptr_array_new();

    for (guint i = 0; i < all->len; i++) {
        VnetNetworkObj *obj = g_ptr_array_index(all, i);

        if (!vnet_uuid_equal(vnet_network_obj_get_uuid(obj), uuid))
            g_ptr_array_add(defs, vnet_network_obj_get_persistent_def(obj));
    }
    /* The list keeps the objects (and their defs) alive. */
    return defs;
}

/**
 * vnet_core_network_define_xml:
 * @drv: a core
 * @xml: network XML
 * @error: return location for a #GError
 *
 * Parses, validates (also against the other networks), picks a bridge name
 * when the kind needs one, stores and adds (or replaces) a definition.
 *
 * Returns: (transfer full): the network's id, or %NULL with @error set.
 */
VnetObjectId *
vnet_core_network_define_xml(gpointer drv, const char *xml, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_string(xml, "network XML", error);
    g_autoptr(VnetNetworkObj) existing = NULL;
    g_autoptr(VnetNetworkObj) obj = NULL;
    g_autoptr(GPtrArray) others = NULL;

    if (!def || !vnet_network_def_validate(def, error))
        return NULL;
    if (!vnet_network_obj_list_check_duplicate(core->networks, def, &existing, error))
        return NULL;
    others = other_defs(core, &def->uuid);
    if (!vnet_network_def_check_conflicts(def, (const VnetNetworkDef *const *)others->pdata,
                                          others->len, error))
        return NULL;
    if (!def->bridge_name && vnet_network_kind_has_own_bridge(def->kind)) {
        /* Keep the bridge a redefinition had, so a running network and its
         * next start agree. */
        if (existing && vnet_network_obj_get_persistent_def(existing)->bridge_name)
            def->bridge_name =
                g_strdup(vnet_network_obj_get_persistent_def(existing)->bridge_name);
        else
            def->bridge_name = vnet_network_def_pick_bridge_name(
                (const VnetNetworkDef *const *)others->pdata, others->len);
    }
    if (!save_network_config(core, def, error))
        return NULL;
    if (existing) {
        obj = g_steal_pointer(&existing);
        vnet_network_obj_assign_def(obj, g_steal_pointer(&def));
    } else {
        obj = vnet_network_obj_list_add(core->networks, g_steal_pointer(&def), error);
        g_assert(obj);
    }
    emit_network(core, obj, VNET_EVENT_DEFINED, NULL);
    return network_id(obj);
}

/**
 * vnet_core_network_undefine:
 * @drv: a core
 * @uuid: the network
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_undefine(gpointer drv, const VnetUuid *uuid, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);

    if (!obj)
        return FALSE;
    if (vnet_network_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("network '%s' is running; destroy it before undefining it"),
                    vnet_network_obj_get_name(obj));
        return FALSE;
    }
    if (core->store && !vnet_store_delete_config(core->store, VNET_OBJECT_NETWORK,
                                                 vnet_network_obj_get_name(obj), error))
        return FALSE;
    vnet_network_obj_list_remove(core->networks, obj);
    emit_network(core, obj, VNET_EVENT_UNDEFINED, NULL);
    return TRUE;
}

/**
 * vnet_core_network_lookup_by_name:
 * @drv: a core
 * @name: a name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id, or %NULL with NO_NETWORK.
 */
VnetObjectId *
vnet_core_network_lookup_by_name(gpointer drv, const char *name, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = vnet_network_obj_list_find_by_name(core->networks, name);

    if (!obj) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NO_NETWORK, _("no network named '%s'"), name);
        return NULL;
    }
    return network_id(obj);
}

/**
 * vnet_core_network_lookup_by_uuid:
 * @drv: a core
 * @uuid: a UUID
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id, or %NULL with NO_NETWORK.
 */
VnetObjectId *
vnet_core_network_lookup_by_uuid(gpointer drv, const VnetUuid *uuid, GError **error)
{
    g_autoptr(VnetNetworkObj) obj = find_network(drv, uuid, error);

    return obj ? network_id(obj) : NULL;
}

/**
 * vnet_core_network_list:
 * @drv: a core
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetObjectId): the networks.
 */
GPtrArray *
vnet_core_network_list(gpointer drv, VnetListFlags flags, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(GPtrArray) all = vnet_network_obj_list_get_all(core->networks);
    GPtrArray *ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_object_id_free);

    if ((flags & VNET_LIST_ALL) == 0)
        flags |= VNET_LIST_ALL;
    for (guint i = 0; i < all->len; i++) {
        VnetNetworkObj *obj = g_ptr_array_index(all, i);
        gboolean active = vnet_network_obj_is_active(obj);

        if ((active && (flags & VNET_LIST_ACTIVE)) || (!active && (flags & VNET_LIST_INACTIVE)))
            g_ptr_array_add(ret, network_id(obj));
    }
    return ret;
}

/**
 * vnet_core_network_get_xml:
 * @drv: a core
 * @uuid: the network
 * @flags: #VnetNetworkXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the XML, or %NULL with @error set.
 */
char *
vnet_core_network_get_xml(gpointer drv, const VnetUuid *uuid, VnetNetworkXmlFlags flags,
                          GError **error)
{
    g_autoptr(VnetNetworkObj) obj = find_network(drv, uuid, error);

    if (!obj)
        return NULL;
    if (flags & VNET_NETWORK_XML_INACTIVE)
        return vnet_network_def_format(vnet_network_obj_get_persistent_def(obj), 0);
    return vnet_network_def_format(vnet_network_obj_get_def(obj), 0);
}

/**
 * vnet_core_network_start:
 * @drv: a core
 * @uuid: the network
 * @error: return location for a #GError
 *
 * Realizes the network (local driver) through its kind's ops; rolls back
 * on failure.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_start(gpointer drv, const VnetUuid *uuid, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);
    g_autoptr(VnetNetworkDef) live = NULL;
    g_autoptr(VnetUndo) undo = vnet_undo_new();
    g_autoptr(GError) local_error = NULL;

    if (!obj)
        return FALSE;
    if (vnet_network_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("network '%s' is already running"), vnet_network_obj_get_name(obj));
        return FALSE;
    }
    live = vnet_network_def_copy(vnet_network_obj_get_def(obj));
    if (core->host) {
        const VnetNetworkOps *ops = vnet_network_ops_get(live->kind);
        g_autofree char *run_dir = NULL;
        VnetNetworkEnv env;

        vnet_core_network_env(core, &env, &run_dir);
        if (!ops)
            g_set_error(&local_error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                        _("network '%s' (kind '%s'): realizing this kind on the host is not "
                          "available yet"),
                        live->name, vnet_network_kind_to_string(live->kind));
        else if (!ops->start(live, &env, undo, &local_error) ||
                 !save_network_status(core, live, &local_error))
            vnet_undo_run(undo);
    }
    if (local_error) {
        emit_network(core, obj, VNET_EVENT_FAILED, local_error->message);
        g_propagate_error(error, g_steal_pointer(&local_error));
        return FALSE;
    }
    vnet_network_obj_set_active(obj, g_steal_pointer(&live), NULL, NULL);
    emit_network(core, obj, VNET_EVENT_STARTED, NULL);
    return TRUE;
}

static gboolean
stop_network(VnetCore *core, const VnetNetworkDef *live, GError **error)
{
    const VnetNetworkOps *ops = vnet_network_ops_get(live->kind);
    g_autofree char *run_dir = NULL;
    VnetNetworkEnv env;

    vnet_core_network_env(core, &env, &run_dir);
    if (core->host && ops && !ops->stop(live, &env, error))
        return FALSE;
    return !core->store ||
           vnet_store_delete_status(core->store, VNET_OBJECT_NETWORK, live->name, error);
}

/**
 * vnet_core_network_stop_obj:
 * @core: a core
 * @obj: a running network
 * @error: return location for a #GError
 *
 * Stops @obj, marks it shut off and emits STOPPED; a transient network
 * leaves the list.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_stop_obj(VnetCore *core, VnetNetworkObj *obj, GError **error)
{
    /* a copy: the name lives in the live definition, freed below */
    g_autofree char *name = g_strdup(vnet_network_obj_get_name(obj));

    if (!stop_network(core, vnet_network_obj_get_def(obj), error))
        return FALSE;
    vnet_network_obj_set_inactive(obj);
    g_hash_table_remove(core->on_demand_networks, name);
    emit_network(core, obj, VNET_EVENT_STOPPED, NULL);
    if (g_hash_table_remove(core->transient_networks, name)) {
        vnet_network_obj_list_remove(core->networks, obj);
        emit_network(core, obj, VNET_EVENT_UNDEFINED, NULL);
    }
    return TRUE;
}

/**
 * vnet_core_network_destroy:
 * @drv: a core
 * @uuid: the network
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_destroy(gpointer drv, const VnetUuid *uuid, GError **error)
{
    return vnet_core_network_destroy_flags(drv, uuid, 0, error);
}

/**
 * vnet_core_network_destroy_flags:
 * @drv: a core
 * @uuid: the network
 * @flags: #VnetNetworkDestroyFlags
 * @error: return location for a #GError
 *
 * Stops a running network; refused while running domains use it unless
 * @flags has VNET_NETWORK_DESTROY_FORCE.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_destroy_flags(gpointer drv, const VnetUuid *uuid, guint flags,
                                GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);

    if (!obj)
        return FALSE;
    if (!vnet_network_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("network '%s' is not running"), vnet_network_obj_get_name(obj));
        return FALSE;
    }
    if (!(flags & VNET_NETWORK_DESTROY_FORCE) && core->host) {
        g_autofree char *user =
            vnet_core_network_first_user(core, vnet_network_obj_get_name(obj));

        if (user) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                        _("network '%s' is in use by running domain '%s'; destroy the domain "
                          "first, or force it (its interfaces then lose the network)"),
                        vnet_network_obj_get_name(obj), user);
            return FALSE;
        }
    }
    return vnet_core_network_stop_obj(core, obj, error);
}

/**
 * vnet_core_network_get_state:
 * @drv: a core
 * @uuid: the network
 * @ret_active: (out) (optional): whether it runs
 * @ret_autostart: (out) (optional): the autostart flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_get_state(gpointer drv, const VnetUuid *uuid, gboolean *ret_active,
                            gboolean *ret_autostart, GError **error)
{
    g_autoptr(VnetNetworkObj) obj = find_network(drv, uuid, error);

    if (!obj)
        return FALSE;
    if (ret_active)
        *ret_active = vnet_network_obj_is_active(obj);
    if (ret_autostart)
        *ret_autostart = vnet_network_obj_get_autostart(obj);
    return TRUE;
}

/**
 * vnet_core_network_set_autostart:
 * @drv: a core
 * @uuid: the network
 * @autostart: the flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_set_autostart(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                                GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);

    if (!obj)
        return FALSE;
    if (core->store && !vnet_store_set_autostart(core->store, VNET_OBJECT_NETWORK,
                                                 vnet_network_obj_get_name(obj), autostart,
                                                 error))
        return FALSE;
    vnet_network_obj_set_autostart(obj, autostart);
    return TRUE;
}

static gint
compare_leases(gconstpointer a, gconstpointer b)
{
    const VnetDhcpLease *la = *(VnetDhcpLease *const *)a;
    const VnetDhcpLease *lb = *(VnetDhcpLease *const *)b;
    VnetInetAddr ia;
    VnetInetAddr ib;

    if (vnet_inet_parse(la->ip, 0, &ia) < 0 || vnet_inet_parse(lb->ip, 0, &ib) < 0)
        return g_strcmp0(la->ip, lb->ip);
    return vnet_inet_compare(&ia, &ib);
}

/* test:///: every running domain's NIC on this network holds a lease, handed
 * out from the start of the first DHCP range in domain and NIC order, the
 * way a fresh DHCP server would. Deterministic, and touches nothing. */
static GPtrArray *
test_leases(VnetCore *core, const VnetNetworkDef *net)
{
    const VnetNetworkIpDef *ip = vnet_network_def_ipv4(net);
    g_autoptr(GPtrArray) domains = vnet_domain_obj_list_get_all(core->domains);
    GPtrArray *leases = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_dhcp_lease_free);
    const VnetNetworkDhcpRange *range;
    gint64 offset = 0;

    if (!ip || !ip->dhcp || !ip->dhcp->ranges || ip->dhcp->ranges->len == 0)
        return leases;
    range = g_ptr_array_index(ip->dhcp->ranges, 0);
    for (guint d = 0; d < domains->len; d++) {
        VnetDomainObj *obj = g_ptr_array_index(domains, d);
        const VnetDomainDef *def = vnet_domain_obj_get_def(obj);

        if (!vnet_domain_obj_is_active(obj))
            continue;
        for (guint i = 0; i < def->interfaces->len; i++) {
            const VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, i);
            VnetDhcpLease *lease;
            VnetInetAddr addr;
            char mac[VNET_MAC_STRLEN];

            if (nic->type != VNET_DOMAIN_INTERFACE_TYPE_NETWORK ||
                g_strcmp0(nic->source_network, net->name) != 0)
                continue;
            if (vnet_inet_add(&range->start, offset, &addr) < 0 ||
                vnet_inet_compare(&addr, &range->end) > 0)
                return leases;
            offset++;
            vnet_mac_format(&nic->mac, mac);
            lease = g_new0(VnetDhcpLease, 1);
            lease->mac = g_strdup(mac);
            lease->ip = vnet_inet_to_string(&addr);
            lease->prefix = vnet_network_ip_def_prefix(ip);
            lease->hostname = g_strdup(def->name);
            g_ptr_array_add(leases, lease);
        }
    }
    return leases;
}

/**
 * vnet_core_network_get_dhcp_leases:
 * @drv: a core
 * @uuid: the network
 * @mac: (nullable): only this MAC address
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDhcpLease): the leases.
 */
GPtrArray *
vnet_core_network_get_dhcp_leases(gpointer drv, const VnetUuid *uuid, const char *mac,
                                  GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);
    g_autoptr(GPtrArray) leases = NULL;
    const VnetNetworkDef *live;
    VnetMac filter;

    if (!obj)
        return NULL;
    if (mac && vnet_mac_parse(mac, &filter) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG, _("'%s' is not a MAC address"),
                    mac);
        return NULL;
    }
    if (!vnet_network_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("network '%s' is not running, so it has no leases"),
                    vnet_network_obj_get_name(obj));
        return NULL;
    }
    live = vnet_network_obj_get_def(obj);
    if (!core->host) {
        leases = test_leases(core, live);
    } else {
        const VnetNetworkOps *ops = vnet_network_ops_get(live->kind);
        g_autofree char *run_dir = NULL;
        VnetNetworkEnv env;

        vnet_core_network_env(core, &env, &run_dir);
        if (ops && ops->get_leases)
            leases = ops->get_leases(live, &env, error);
        else
            leases = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_dhcp_lease_free);
        if (!leases)
            return NULL;
    }
    for (guint i = leases->len; mac && i > 0; i--) {
        const VnetDhcpLease *lease = g_ptr_array_index(leases, i - 1);
        VnetMac lease_mac;

        if (vnet_mac_parse(lease->mac, &lease_mac) < 0 || !vnet_mac_equal(&lease_mac, &filter))
            g_ptr_array_remove_index(leases, i - 1);
    }
    g_ptr_array_sort(leases, compare_leases);
    return g_steal_pointer(&leases);
}

static VnetPortForward *
parse_port_forward(const char *xml, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_string(xml, -1, "port-forward XML", error);
    xmlNode *root;

    if (!doc)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (!vnet_xml_is_element(root, "portForward")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected a <portForward> element, found <%s>"), root->name);
        return NULL;
    }
    return vnet_port_forward_parse(root, error);
}

/* Applies a port-forward change to the live network and/or configuration.
 * @rule non-NULL: add it; else remove the rule called @name. */
static gboolean
change_port_forward(VnetCore *core, const VnetUuid *uuid, const VnetPortForward *rule,
                    const char *name, guint flags, GError **error)
{
    g_autoptr(VnetNetworkObj) obj = find_network(core, uuid, error);
    g_autoptr(VnetNetworkDef) config = NULL;
    g_autoptr(VnetNetworkDef) live = NULL;
    gboolean do_live;
    gboolean do_config;

    if (!obj || !vnet_core_resolve_affect(vnet_network_obj_is_active(obj), flags, "network",
                                          vnet_network_obj_get_name(obj), &do_live, &do_config,
                                          error))
        return FALSE;
    /* Both changes are made on copies first, so either both apply or
     * neither does. */
    if (do_config) {
        config = vnet_network_def_copy(vnet_network_obj_get_persistent_def(obj));
        if (rule ? !vnet_network_def_add_port_forward(config, rule, error)
                 : !vnet_network_def_remove_port_forward(config, name, error))
            return FALSE;
    }
    if (do_live) {
        live = vnet_network_def_copy(vnet_network_obj_get_def(obj));
        if (rule ? !vnet_network_def_add_port_forward(live, rule, error)
                 : !vnet_network_def_remove_port_forward(live, name, error))
            return FALSE;
        if (core->host) {
            const VnetNetworkOps *ops = vnet_network_ops_get(live->kind);
            g_autofree char *run_dir = NULL;
            VnetNetworkEnv env;

            vnet_core_network_env(core, &env, &run_dir);
            /* The add/remove above already refused kinds without forwards. */
            if (!ops || !ops->update_forwards) {
                g_set_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED,
                            _("network '%s' (kind '%s') has no port forwards to change"),
                            live->name, vnet_network_kind_to_string(live->kind));
                return FALSE;
            }
            if (!ops->update_forwards(live, &env, error))
                return FALSE;
        }
        if (!save_network_status(core, live, error)) {
            /* the firewall must keep matching what the status file says */
            if (core->host) {
                const VnetNetworkOps *ops = vnet_network_ops_get(live->kind);
                g_autofree char *run_dir = NULL;
                VnetNetworkEnv env;

                vnet_core_network_env(core, &env, &run_dir);
                ops->update_forwards(vnet_network_obj_get_def(obj), &env, NULL);
            }
            return FALSE;
        }
    }
    if (config && !save_network_config(core, config, error))
        return FALSE;
    if (live)
        vnet_network_obj_replace_live_def(obj, g_steal_pointer(&live));
    if (config)
        vnet_network_obj_assign_def(obj, g_steal_pointer(&config));
    return TRUE;
}

/**
 * vnet_core_network_add_port_forward:
 * @drv: a core
 * @uuid: the network
 * @xml: a <portForward> element
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_add_port_forward(gpointer drv, const VnetUuid *uuid, const char *xml,
                                   VnetNetworkAffectFlags flags, GError **error)
{
    g_autoptr(VnetPortForward) rule = parse_port_forward(xml, error);

    return rule && change_port_forward(drv, uuid, rule, NULL, flags, error);
}

/**
 * vnet_core_network_remove_port_forward:
 * @drv: a core
 * @uuid: the network
 * @name: the rule's name
 * @flags: #VnetNetworkAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_network_remove_port_forward(gpointer drv, const VnetUuid *uuid, const char *name,
                                      VnetNetworkAffectFlags flags, GError **error)
{
    return change_port_forward(drv, uuid, NULL, name, flags, error);
}

/* ---- loading (local driver) --------------------------------------------- */

/**
 * vnet_core_load_network_configs:
 * @core: a core with a store
 *
 * Loads every network definition; unreadable ones are reported, left
 * untouched and protected from being overwritten.
 */
void
vnet_core_load_network_configs(VnetCore *core)
{
    g_autoptr(GPtrArray) paths = vnet_store_list_configs(core->store, VNET_OBJECT_NETWORK);

    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);
        g_autofree char *name = vnet_store_name_from_path(path);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_file(path, &local_error);
        g_autoptr(VnetNetworkObj) obj = NULL;

        if (def && !g_str_equal(def->name, name))
            g_set_error(&local_error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID,
                        _("the file defines network '%s' but is named after '%s'"), def->name,
                        name);
        if (!local_error)
            vnet_network_def_validate(def, &local_error);
        if (!local_error)
            obj = vnet_network_obj_list_add(core->networks, g_steal_pointer(&def),
                                            &local_error);
        if (local_error) {
            vnet_core_add_load_error(core, _("%s: %s; skipped (the file is left as it is)"),
                                     path, local_error->message);
            vnet_store_mark_broken(core->store, VNET_OBJECT_NETWORK, name);
            continue;
        }
        vnet_network_obj_set_autostart(
            obj, vnet_store_get_autostart(core->store, VNET_OBJECT_NETWORK, name));
    }
}

/**
 * vnet_core_load_network_status:
 * @core: a core with a store
 *
 * Reads the status files of networks that were running and keeps those that
 * are still there on the host.
 */
void
vnet_core_load_network_status(VnetCore *core)
{
    g_autoptr(GPtrArray) paths = vnet_store_list_status(core->store, VNET_OBJECT_NETWORK);
    g_autofree char *run_dir = NULL;
    VnetNetworkEnv env;

    vnet_core_network_env(core, &env, &run_dir);
    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(VnetNetworkDef) live = NULL;
        g_autoptr(VnetNetworkObj) obj = NULL;
        const VnetNetworkOps *ops;
        guint flags = 0;

        if (!vnet_network_status_parse_file(path, &live, &flags, &local_error)) {
            vnet_core_add_load_error(core, _("%s: %s; skipped (the file is left as it is)"),
                                     path, local_error->message);
            continue;
        }
        obj = vnet_network_obj_list_find_by_uuid(core->networks, &live->uuid);
        if (!obj && (flags & VNET_NETWORK_STATUS_TRANSIENT)) {
            /* an internal network made for a NIC: it has only this file */
            obj = vnet_network_obj_list_add(core->networks, vnet_network_def_copy(live),
                                            &local_error);
            if (obj)
                g_hash_table_add(core->transient_networks, g_strdup(live->name));
        }
        if (!obj) {
            vnet_core_add_load_error(core,
                                     _("%s: status of network '%s' which has no definition; "
                                       "skipped (the file is left as it is)"),
                                     path, live->name);
            continue;
        }
        if (flags & VNET_NETWORK_STATUS_ON_DEMAND)
            g_hash_table_add(core->on_demand_networks, g_strdup(live->name));
        ops = vnet_network_ops_get(live->kind);
        if (!ops || ops->is_alive(live, &env)) {
            vnet_network_obj_set_active(obj, g_steal_pointer(&live), NULL, NULL);
            continue;
        }
        vnet_debug("driver", "network %s is gone; removing its leftovers", live->name);
        if (!stop_network(core, live, &local_error))
            vnet_core_add_load_error(core, _("%s: cleaning up after network '%s': %s"), path,
                                     live->name, local_error->message);
        g_hash_table_remove(core->on_demand_networks, live->name);
        if (g_hash_table_remove(core->transient_networks, live->name))
            vnet_network_obj_list_remove(core->networks, obj);
    }
}
