/* driver-core.c: the shared vtable implementation — common parts and
 * domains (networks are in driver-core-network.c). */
#include <config.h>

#include <stdarg.h>

#include "network/backend.h"
#include "network/driver-core.h"
#include "network/status.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"
#include "util/vnet-xml.h"

/**
 * vnet_core_new:
 * @host: whether objects are realized on the host
 * @store: (nullable) (transfer full): where definitions persist
 * @bus: the connection's event bus
 *
 * Returns: (transfer full): an empty core.
 */
VnetCore *
vnet_core_new(gboolean host, VnetStore *store, VnetEventBus *bus)
{
    VnetCore *core = g_new0(VnetCore, 1);

    core->host = host;
    core->store = store;
    core->bus = bus;
    core->domains = vnet_domain_obj_list_new();
    core->networks = vnet_network_obj_list_new();
    core->load_errors = g_ptr_array_new_with_free_func(g_free);
    core->on_demand_networks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    core->transient_networks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return core;
}

/**
 * vnet_core_free:
 * @core: (nullable): a core
 *
 * Frees the core; running objects are left running.
 */
void
vnet_core_free(VnetCore *core)
{
    if (!core)
        return;
    vnet_domain_obj_list_free(core->domains);
    vnet_network_obj_list_free(core->networks);
    vnet_store_free(core->store);
    g_ptr_array_unref(core->load_errors);
    g_hash_table_unref(core->on_demand_networks);
    g_hash_table_unref(core->transient_networks);
    g_free(core);
}

/**
 * vnet_core_close:
 * @drv: a core
 *
 * The vtable's close.
 */
void
vnet_core_close(gpointer drv)
{
    vnet_core_free(drv);
}

/**
 * vnet_core_add_load_error:
 * @core: a core
 * @format: printf format
 * @...: arguments
 *
 * Records a problem met while opening (also logged at debug level).
 */
void
vnet_core_add_load_error(VnetCore *core, const char *format, ...)
{
    va_list args;
    char *message;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    vnet_debug("driver", "load: %s", message);
    g_ptr_array_add(core->load_errors, message);
}

/**
 * vnet_core_get_load_errors:
 * @drv: a core
 *
 * Returns: (transfer full): a copy of the load errors.
 */
char **
vnet_core_get_load_errors(gpointer drv)
{
    VnetCore *core = drv;
    char **ret = g_new0(char *, core->load_errors->len + 1);

    for (guint i = 0; i < core->load_errors->len; i++)
        ret[i] = g_strdup(g_ptr_array_index(core->load_errors, i));
    return ret;
}

/**
 * vnet_core_resolve_affect:
 * @active: whether the object runs
 * @flags: AFFECT_LIVE / AFFECT_CONFIG bits (0: current)
 * @kind: "domain" or "network", for messages
 * @name: the object's name
 * @ret_live: (out): whether to change the running object
 * @ret_config: (out): whether to change the configuration
 * @error: return location for a #GError
 *
 * Returns: %FALSE with OPERATION_INVALID when LIVE is asked of an object
 *   that is not running.
 */
gboolean
vnet_core_resolve_affect(gboolean active, guint flags, const char *kind, const char *name,
                         gboolean *ret_live, gboolean *ret_config, GError **error)
{
    /* Same bit values for domains and networks. */
    gboolean live = (flags & VNET_DOMAIN_AFFECT_LIVE) != 0;
    gboolean config = (flags & VNET_DOMAIN_AFFECT_CONFIG) != 0;

    if (!live && !config) {
        live = active;
        config = !active;
    }
    if (live && !active) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("%s '%s' is not running, so it has no live state to change"), kind, name);
        return FALSE;
    }
    *ret_live = live;
    *ret_config = config;
    return TRUE;
}

/* ---- domains: lookup ------------------------------------------------------ */

static VnetDomainObj *
find_domain(VnetCore *core, const VnetUuid *uuid, GError **error)
{
    VnetDomainObj *obj = vnet_domain_obj_list_find_by_uuid(core->domains, uuid);
    char buf[VNET_UUID_STRLEN];

    if (!obj) {
        vnet_uuid_format(uuid, buf);
        g_set_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN, _("no domain with UUID %s"), buf);
    }
    return obj;
}

static VnetObjectId *
domain_id(VnetDomainObj *obj)
{
    return vnet_object_id_new(vnet_domain_obj_get_name(obj), vnet_domain_obj_get_uuid(obj));
}

static void
emit_domain(VnetCore *core, VnetDomainObj *obj, VnetEventType type, const char *detail)
{
    vnet_event_bus_emit(core->bus, VNET_OBJECT_DOMAIN, type, vnet_domain_obj_get_name(obj),
                        vnet_domain_obj_get_uuid(obj), detail);
}

/* Writes the configuration of @obj (local driver). */
static gboolean
save_domain_config(VnetCore *core, const VnetDomainDef *def, GError **error)
{
    g_autofree char *xml = NULL;

    if (!core->store)
        return TRUE;
    xml = vnet_domain_def_format(def, 0);
    return vnet_store_save_config(core->store, VNET_OBJECT_DOMAIN, def->name, xml, error);
}

static gboolean
save_domain_status(VnetCore *core, const VnetDomainDef *live, const VnetDomainStatus *status,
                   GError **error)
{
    g_autofree char *xml = NULL;

    if (!core->store)
        return TRUE;
    xml = vnet_domain_status_format(status, live);
    return vnet_store_save_status(core->store, VNET_OBJECT_DOMAIN, live->name, xml, error);
}

static void
renumber_interfaces(VnetDomainDef *def)
{
    for (guint i = 0; i < def->interfaces->len; i++)
        ((VnetDomainInterfaceDef *)g_ptr_array_index(def->interfaces, i))->index = i;
}

/* ---- domains: definition ----------------------------------------------------- */

/**
 * vnet_core_domain_define_xml:
 * @drv: a core
 * @xml: domain XML
 * @error: return location for a #GError
 *
 * Parses, validates, stores and adds (or replaces) a definition.
 *
 * Returns: (transfer full): the domain's id, or %NULL with @error set.
 */
VnetObjectId *
vnet_core_domain_define_xml(gpointer drv, const char *xml, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(xml, "domain XML", error);
    g_autoptr(VnetDomainObj) existing = NULL;
    g_autoptr(VnetDomainObj) obj = NULL;

    if (!def || !vnet_domain_def_validate(def, error))
        return NULL;
    if (!vnet_domain_obj_list_check_duplicate(core->domains, def, &existing, error))
        return NULL;
    if (!save_domain_config(core, def, error))
        return NULL;
    if (existing) {
        obj = g_steal_pointer(&existing);
        vnet_domain_obj_assign_def(obj, g_steal_pointer(&def));
    } else {
        obj = vnet_domain_obj_list_add(core->domains, g_steal_pointer(&def), error);
        /* The duplicate check above already passed. */
        g_assert(obj);
    }
    vnet_debug("driver", "defined domain %s", vnet_domain_obj_get_name(obj));
    emit_domain(core, obj, VNET_EVENT_DEFINED, NULL);
    return domain_id(obj);
}

/**
 * vnet_core_domain_undefine:
 * @drv: a core
 * @uuid: the domain
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_undefine(gpointer drv, const VnetUuid *uuid, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);

    if (!obj)
        return FALSE;
    if (vnet_domain_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("domain '%s' is running; destroy it before undefining it"),
                    vnet_domain_obj_get_name(obj));
        return FALSE;
    }
    if (core->store && !vnet_store_delete_config(core->store, VNET_OBJECT_DOMAIN,
                                                 vnet_domain_obj_get_name(obj), error))
        return FALSE;
    vnet_domain_obj_list_remove(core->domains, obj);
    emit_domain(core, obj, VNET_EVENT_UNDEFINED, NULL);
    return TRUE;
}

/**
 * vnet_core_domain_lookup_by_name:
 * @drv: a core
 * @name: a name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id, or %NULL with NO_DOMAIN.
 */
VnetObjectId *
vnet_core_domain_lookup_by_name(gpointer drv, const char *name, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = vnet_domain_obj_list_find_by_name(core->domains, name);

    if (!obj) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_NO_DOMAIN, _("no domain named '%s'"), name);
        return NULL;
    }
    return domain_id(obj);
}

/**
 * vnet_core_domain_lookup_by_uuid:
 * @drv: a core
 * @uuid: a UUID
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the id, or %NULL with NO_DOMAIN.
 */
VnetObjectId *
vnet_core_domain_lookup_by_uuid(gpointer drv, const VnetUuid *uuid, GError **error)
{
    g_autoptr(VnetDomainObj) obj = find_domain(drv, uuid, error);

    return obj ? domain_id(obj) : NULL;
}

/**
 * vnet_core_domain_list:
 * @drv: a core
 * @flags: #VnetListFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetObjectId): the domains.
 */
GPtrArray *
vnet_core_domain_list(gpointer drv, VnetListFlags flags, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(GPtrArray) all = vnet_domain_obj_list_get_all(core->domains);
    GPtrArray *ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_object_id_free);

    if ((flags & VNET_LIST_ALL) == 0)
        flags |= VNET_LIST_ALL;
    for (guint i = 0; i < all->len; i++) {
        VnetDomainObj *obj = g_ptr_array_index(all, i);
        gboolean active = vnet_domain_obj_is_active(obj);

        if ((active && (flags & VNET_LIST_ACTIVE)) || (!active && (flags & VNET_LIST_INACTIVE)))
            g_ptr_array_add(ret, domain_id(obj));
    }
    return ret;
}

/**
 * vnet_core_domain_get_xml:
 * @drv: a core
 * @uuid: the domain
 * @flags: #VnetDomainXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the XML, or %NULL with @error set.
 */
char *
vnet_core_domain_get_xml(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags,
                         GError **error)
{
    g_autoptr(VnetDomainObj) obj = find_domain(drv, uuid, error);

    if (!obj)
        return NULL;
    if ((flags & VNET_DOMAIN_XML_INACTIVE) || !vnet_domain_obj_is_active(obj))
        return vnet_domain_def_format(vnet_domain_obj_get_persistent_def(obj), 0);
    return vnet_domain_def_format(vnet_domain_obj_get_def(obj), VNET_DOMAIN_DEF_FORMAT_LIVE);
}

/* ---- domains: lifecycle --------------------------------------------------- */

static const VnetGuestBackend *
pick_backend(VnetCore *core, const VnetDomainDef *def, GError **error)
{
    /* test:/// runs every guest type on the test backend. */
    if (!core->host)
        return &vnet_guest_backend_test;
    return vnet_guest_backend_find(def, error);
}

static gboolean
start_domain(VnetCore *core, VnetDomainObj *obj, GError **error)
{
    const char *name = vnet_domain_obj_get_name(obj);
    g_autoptr(VnetDomainDef) live = NULL;
    g_autoptr(VnetDomainStatus) status = NULL;
    g_autoptr(VnetUndo) undo = NULL;
    g_autoptr(GError) local_error = NULL;
    const VnetGuestBackend *backend;
    VnetGuestCtx ctx;

    if (vnet_domain_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("domain '%s' is already running"), name);
        return FALSE;
    }
    backend = pick_backend(core, vnet_domain_obj_get_def(obj), &local_error);
    if (backend) {
        live = vnet_domain_def_copy(vnet_domain_obj_get_def(obj));
        status = vnet_domain_status_new(backend->name);
        undo = vnet_undo_new();
        ctx = (VnetGuestCtx){live, status, undo, &core->fake_dev_counter,
                             vnet_core_find_running_network, core};
        vnet_debug("driver", "starting domain %s on backend %s", name, backend->name);
        /* The networks first (on the host only: test:/// realizes none). */
        if ((core->host && !vnet_core_networks_acquire(core, live, NULL, &local_error)) ||
            !backend->start(&ctx, &local_error) ||
            !save_domain_status(core, live, status, &local_error))
            vnet_undo_run(undo);
    }
    if (local_error) {
        /* networks this start brought up on demand go down again */
        if (core->host)
            vnet_core_networks_release(core);
        emit_domain(core, obj, VNET_EVENT_FAILED, local_error->message);
        g_propagate_error(error, g_steal_pointer(&local_error));
        return FALSE;
    }
    vnet_domain_obj_set_active(obj, g_steal_pointer(&live), g_steal_pointer(&status),
                               (GDestroyNotify)vnet_domain_status_free);
    emit_domain(core, obj, VNET_EVENT_STARTED, NULL);
    return TRUE;
}

/**
 * vnet_core_domain_start:
 * @drv: a core
 * @uuid: the domain
 * @error: return location for a #GError
 *
 * Realizes the domain through its guest backend; rolls back on failure.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_start(gpointer drv, const VnetUuid *uuid, GError **error)
{
    g_autoptr(VnetDomainObj) obj = find_domain(drv, uuid, error);

    return obj && start_domain(drv, obj, error);
}

/* Tears down a running domain (also one found after a restart) and marks it
 * shut off. */
static gboolean
stop_domain(VnetCore *core, VnetDomainObj *obj, GError **error)
{
    VnetDomainStatus *status = vnet_domain_obj_get_status(obj);
    const VnetGuestBackend *backend = vnet_guest_backend_by_name(status->backend);

    if (!backend) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INTERNAL,
                    _("domain '%s' runs on unknown backend '%s'"),
                    vnet_domain_obj_get_name(obj), status->backend);
        return FALSE;
    }
    if (!backend->stop(vnet_domain_obj_get_def(obj), status, error))
        return FALSE;
    if (core->store && !vnet_store_delete_status(core->store, VNET_OBJECT_DOMAIN,
                                                 vnet_domain_obj_get_name(obj), error))
        return FALSE;
    vnet_domain_obj_set_inactive(obj);
    if (core->host)
        vnet_core_networks_release(core);
    return TRUE;
}

/**
 * vnet_core_domain_destroy:
 * @drv: a core
 * @uuid: the domain
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_destroy(gpointer drv, const VnetUuid *uuid, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);

    if (!obj)
        return FALSE;
    if (!vnet_domain_obj_is_active(obj)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID,
                    _("domain '%s' is not running"), vnet_domain_obj_get_name(obj));
        return FALSE;
    }
    if (!stop_domain(core, obj, error))
        return FALSE;
    emit_domain(core, obj, VNET_EVENT_STOPPED, NULL);
    return TRUE;
}

/**
 * vnet_core_domain_get_state:
 * @drv: a core
 * @uuid: the domain
 * @ret_state: (out) (optional): the state
 * @ret_autostart: (out) (optional): the autostart flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_get_state(gpointer drv, const VnetUuid *uuid, VnetDomainState *ret_state,
                           gboolean *ret_autostart, GError **error)
{
    g_autoptr(VnetDomainObj) obj = find_domain(drv, uuid, error);

    if (!obj)
        return FALSE;
    if (ret_state)
        *ret_state = vnet_domain_obj_is_active(obj) ? VNET_DOMAIN_STATE_RUNNING
                                                    : VNET_DOMAIN_STATE_SHUTOFF;
    if (ret_autostart)
        *ret_autostart = vnet_domain_obj_get_autostart(obj);
    return TRUE;
}

/**
 * vnet_core_domain_set_autostart:
 * @drv: a core
 * @uuid: the domain
 * @autostart: the flag
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_set_autostart(gpointer drv, const VnetUuid *uuid, gboolean autostart,
                               GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);

    if (!obj)
        return FALSE;
    if (core->store && !vnet_store_set_autostart(core->store, VNET_OBJECT_DOMAIN,
                                                 vnet_domain_obj_get_name(obj), autostart,
                                                 error))
        return FALSE;
    vnet_domain_obj_set_autostart(obj, autostart);
    return TRUE;
}

/* ---- domains: interfaces ------------------------------------------------ */

static VnetDomainInterfaceDef *
parse_interface(const char *xml, guint index, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_string(xml, -1, "interface XML", error);
    xmlNode *root;

    if (!doc)
        return NULL;
    root = xmlDocGetRootElement(doc);
    if (!vnet_xml_is_element(root, "interface")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("expected an <interface> element, found <%s>"), root->name);
        return NULL;
    }
    return vnet_domain_interface_def_parse(root, index, error);
}

/* The NIC of @def named by @iface: a MAC address, or a host device name. */
static VnetDomainInterfaceDef *
find_interface(const VnetDomainDef *def, const char *iface, GError **error)
{
    VnetMac mac;
    gboolean is_mac = vnet_mac_parse(iface, &mac) == 0;

    for (guint i = 0; i < def->interfaces->len; i++) {
        VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, i);

        if (is_mac ? vnet_mac_equal(&nic->mac, &mac) : g_strcmp0(nic->target_dev, iface) == 0)
            return nic;
    }
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                _("domain '%s' has no interface with %s '%s'"), def->name,
                is_mac ? _("MAC address") : _("device name"), iface);
    return NULL;
}

static VnetGuestCtx
live_ctx(VnetCore *core, VnetDomainObj *obj, VnetUndo *undo)
{
    return (VnetGuestCtx){vnet_domain_obj_get_def(obj), vnet_domain_obj_get_status(obj), undo,
                          &core->fake_dev_counter, vnet_core_find_running_network, core};
}

static const VnetGuestBackend *
live_backend(VnetDomainObj *obj)
{
    VnetDomainStatus *status = vnet_domain_obj_get_status(obj);

    return vnet_guest_backend_by_name(status->backend);
}

/* Replaces the configuration with @def after validating and storing it. */
static gboolean
commit_config(VnetCore *core, VnetDomainObj *obj, VnetDomainDef *def, GError **error)
{
    g_autoptr(VnetDomainDef) owned = def;

    renumber_interfaces(def);
    if (!vnet_domain_def_validate(def, error) || !save_domain_config(core, def, error))
        return FALSE;
    vnet_domain_obj_assign_def(obj, g_steal_pointer(&owned));
    return TRUE;
}

/**
 * vnet_core_domain_attach_interface:
 * @drv: a core
 * @uuid: the domain
 * @xml: an <interface> element
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_attach_interface(gpointer drv, const VnetUuid *uuid, const char *xml,
                                  VnetDomainAffectFlags flags, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);
    g_autoptr(VnetDomainInterfaceDef) nic = NULL;
    g_autoptr(VnetDomainDef) config = NULL;
    gboolean live;
    gboolean persistent;

    if (!obj || !vnet_core_resolve_affect(vnet_domain_obj_is_active(obj), flags, "domain",
                                          vnet_domain_obj_get_name(obj), &live, &persistent,
                                          error))
        return FALSE;
    nic = parse_interface(xml, vnet_domain_obj_get_def(obj)->interfaces->len, error);
    if (!nic)
        return FALSE;

    /* Check the configuration change first, so that a live attach is not
     * followed by a config failure. */
    if (persistent) {
        config = vnet_domain_def_copy(vnet_domain_obj_get_persistent_def(obj));
        g_ptr_array_add(config->interfaces, vnet_domain_interface_def_copy(nic));
        renumber_interfaces(config);
        if (!vnet_domain_def_validate(config, error))
            return FALSE;
    }
    if (live) {
        VnetDomainDef *def = vnet_domain_obj_get_def(obj);
        g_autoptr(VnetUndo) undo = vnet_undo_new();
        VnetGuestCtx ctx = live_ctx(core, obj, undo);
        VnetDomainInterfaceDef *added = vnet_domain_interface_def_copy(nic);

        g_ptr_array_add(def->interfaces, added);
        renumber_interfaces(def);
        if (!vnet_domain_def_validate(def, error) ||
            (core->host && !vnet_core_networks_acquire(core, def, added, error)) ||
            !live_backend(obj)->attach_nic(&ctx, added, error) ||
            !save_domain_status(core, def, ctx.status, error)) {
            vnet_undo_run(undo);
            {
                VnetStatusLink *link = vnet_domain_status_find_link(ctx.status, &added->mac);

                if (link)
                    vnet_domain_status_remove_link(ctx.status, link);
            }
            g_ptr_array_remove(def->interfaces, added);
            renumber_interfaces(def);
            if (core->host)
                vnet_core_networks_release(core);
            return FALSE;
        }
    }
    if (persistent)
        return commit_config(core, obj, g_steal_pointer(&config), error);
    return TRUE;
}

/**
 * vnet_core_domain_detach_interface:
 * @drv: a core
 * @uuid: the domain
 * @iface: MAC address or host device name
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_detach_interface(gpointer drv, const VnetUuid *uuid, const char *iface,
                                  VnetDomainAffectFlags flags, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);
    g_autoptr(VnetDomainDef) config = NULL;
    VnetDomainInterfaceDef *nic;
    gboolean live;
    gboolean persistent;

    if (!obj || !vnet_core_resolve_affect(vnet_domain_obj_is_active(obj), flags, "domain",
                                          vnet_domain_obj_get_name(obj), &live, &persistent,
                                          error))
        return FALSE;
    if (persistent) {
        VnetDomainInterfaceDef *found;

        config = vnet_domain_def_copy(vnet_domain_obj_get_persistent_def(obj));
        /* A device name only exists live: find the NIC's MAC there. */
        if (vnet_mac_parse(iface, &(VnetMac){{0}}) < 0 && vnet_domain_obj_is_active(obj)) {
            nic = find_interface(vnet_domain_obj_get_def(obj), iface, error);
            if (!nic)
                return FALSE;
            {
                char mac[VNET_MAC_STRLEN];

                vnet_mac_format(&nic->mac, mac);
                found = find_interface(config, mac, error);
            }
        } else {
            found = find_interface(config, iface, error);
        }
        if (!found)
            return FALSE;
        /* The array frees its elements. */
        g_ptr_array_remove(config->interfaces, found);
    }
    if (live) {
        VnetDomainDef *def = vnet_domain_obj_get_def(obj);
        VnetGuestCtx ctx = live_ctx(core, obj, NULL);

        nic = find_interface(def, iface, error);
        if (!nic || !live_backend(obj)->detach_nic(&ctx, nic, error))
            return FALSE;
        g_ptr_array_remove(def->interfaces, nic);
        renumber_interfaces(def);
        if (core->host)
            vnet_core_networks_release(core);
        if (!save_domain_status(core, def, ctx.status, error))
            return FALSE;
    }
    if (persistent)
        return commit_config(core, obj, g_steal_pointer(&config), error);
    return TRUE;
}

/**
 * vnet_core_domain_set_link_state:
 * @drv: a core
 * @uuid: the domain
 * @iface: MAC address or host device name
 * @up: cable connected
 * @flags: #VnetDomainAffectFlags
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success.
 */
gboolean
vnet_core_domain_set_link_state(gpointer drv, const VnetUuid *uuid, const char *iface,
                                gboolean up, VnetDomainAffectFlags flags, GError **error)
{
    VnetCore *core = drv;
    g_autoptr(VnetDomainObj) obj = find_domain(core, uuid, error);
    g_autoptr(VnetDomainDef) config = NULL;
    VnetLinkState state = up ? VNET_LINK_STATE_UP : VNET_LINK_STATE_DOWN;
    VnetDomainInterfaceDef *nic = NULL;
    gboolean live;
    gboolean persistent;

    if (!obj || !vnet_core_resolve_affect(vnet_domain_obj_is_active(obj), flags, "domain",
                                          vnet_domain_obj_get_name(obj), &live, &persistent,
                                          error))
        return FALSE;
    if (live) {
        nic = find_interface(vnet_domain_obj_get_def(obj), iface, error);
        if (!nic)
            return FALSE;
    }
    if (persistent) {
        VnetDomainInterfaceDef *found;
        char mac[VNET_MAC_STRLEN];

        config = vnet_domain_def_copy(vnet_domain_obj_get_persistent_def(obj));
        if (nic)
            vnet_mac_format(&nic->mac, mac);
        found = find_interface(config, nic ? mac : iface, error);
        if (!found)
            return FALSE;
        found->link_state = state;
    }
    if (live) {
        VnetGuestCtx ctx = live_ctx(core, obj, NULL);

        if (!live_backend(obj)->set_link_state(&ctx, nic, up, error))
            return FALSE;
        nic->link_state = state;
        if (!save_domain_status(core, ctx.live, ctx.status, error))
            return FALSE;
    }
    if (persistent)
        return commit_config(core, obj, g_steal_pointer(&config), error);
    return TRUE;
}

static char *
interface_source(const VnetDomainInterfaceDef *nic)
{
    switch (nic->type) {
    case VNET_DOMAIN_INTERFACE_TYPE_DIRECT:
        return g_strdup(nic->source_dev);
    case VNET_DOMAIN_INTERFACE_TYPE_NETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
        return g_strdup(nic->source_network);
    case VNET_DOMAIN_INTERFACE_TYPE_BRIDGE:
        return g_strdup(nic->source_bridge);
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        return g_strdup(vnet_domain_interface_def_internal_name(nic));
    case VNET_DOMAIN_INTERFACE_TYPE_VDE:
        return g_strdup(nic->vde_switch);
    case VNET_DOMAIN_INTERFACE_TYPE_UDP:
    case VNET_DOMAIN_INTERFACE_TYPE_MCAST:
    case VNET_DOMAIN_INTERFACE_TYPE_SERVER:
    case VNET_DOMAIN_INTERFACE_TYPE_CLIENT:
        if (nic->source_address.family) {
            g_autofree char *addr = vnet_inet_to_string(&nic->source_address);

            return g_strdup_printf("%s:%u", addr, nic->source_port);
        }
        return NULL;
    default:
        return NULL;
    }
}

/**
 * vnet_core_domain_list_interfaces:
 * @drv: a core
 * @uuid: the domain
 * @flags: #VnetDomainXmlFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type VnetDomainInterface): the NICs.
 */
GPtrArray *
vnet_core_domain_list_interfaces(gpointer drv, const VnetUuid *uuid, VnetDomainXmlFlags flags,
                                 GError **error)
{
    g_autoptr(VnetDomainObj) obj = find_domain(drv, uuid, error);
    gboolean live;
    const VnetDomainDef *def;
    VnetDomainStatus *status;
    GPtrArray *ret;

    if (!obj)
        return NULL;
    live = vnet_domain_obj_is_active(obj) && !(flags & VNET_DOMAIN_XML_INACTIVE);
    def = live ? vnet_domain_obj_get_def(obj) : vnet_domain_obj_get_persistent_def(obj);
    status = live ? vnet_domain_obj_get_status(obj) : NULL;
    ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_interface_free);
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, i);
        VnetDomainInterface *info = g_new0(VnetDomainInterface, 1);
        VnetStatusLink *link = status ? vnet_domain_status_find_link(status, &nic->mac) : NULL;
        char mac[VNET_MAC_STRLEN];

        vnet_mac_format(&nic->mac, mac);
        info->index = i;
        info->type = g_strdup(vnet_domain_interface_type_to_string(nic->type));
        info->source = interface_source(nic);
        info->model = g_strdup(vnet_nic_model_to_string(nic->model));
        info->mac = g_strdup(mac);
        info->link_up = nic->link_state != VNET_LINK_STATE_DOWN;
        info->mtu = nic->mtu;
        info->target = live ? g_strdup(nic->target_dev) : NULL;
        info->guest_name = link ? g_strdup(link->guest_name) : NULL;
        /* a direct NIC without a mode runs in vepa mode, libvirt's default */
        if (nic->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT)
            info->mode = g_strdup(vnet_direct_mode_to_string(
                nic->direct_mode ? nic->direct_mode : VNET_DIRECT_MODE_VEPA));
        g_ptr_array_add(ret, info);
    }
    return ret;
}

/* ---- loading and autostart (local driver) ---------------------------------- */

/**
 * vnet_core_load_domain_configs:
 * @core: a core with a store
 *
 * Loads every domain definition file; unreadable ones are reported, left
 * untouched and protected from being overwritten.
 */
void
vnet_core_load_domain_configs(VnetCore *core)
{
    g_autoptr(GPtrArray) paths = vnet_store_list_configs(core->store, VNET_OBJECT_DOMAIN);

    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);
        g_autofree char *name = vnet_store_name_from_path(path);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_file(path, &local_error);
        g_autoptr(VnetDomainObj) obj = NULL;

        if (def && !g_str_equal(def->name, name))
            g_set_error(&local_error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID,
                        _("the file defines domain '%s' but is named after '%s'"), def->name,
                        name);
        if (!local_error)
            vnet_domain_def_validate(def, &local_error);
        if (!local_error)
            obj = vnet_domain_obj_list_add(core->domains, g_steal_pointer(&def), &local_error);
        if (local_error) {
            vnet_core_add_load_error(core, _("%s: %s; skipped (the file is left as it is)"),
                                     path, local_error->message);
            vnet_store_mark_broken(core->store, VNET_OBJECT_DOMAIN, name);
            continue;
        }
        vnet_domain_obj_set_autostart(
            obj, vnet_store_get_autostart(core->store, VNET_OBJECT_DOMAIN, name));
    }
}

/**
 * vnet_core_load_domain_status:
 * @core: a core with a store
 *
 * Reads the status files of domains that were running: a domain whose guest
 * still exists is marked running; one whose guest is gone has its leftovers
 * removed and is marked shut off.
 */
void
vnet_core_load_domain_status(VnetCore *core)
{
    g_autoptr(GPtrArray) paths = vnet_store_list_status(core->store, VNET_OBJECT_DOMAIN);

    for (guint i = 0; i < paths->len; i++) {
        const char *path = g_ptr_array_index(paths, i);
        g_autoptr(GError) local_error = NULL;
        g_autoptr(VnetDomainStatus) status = NULL;
        g_autoptr(VnetDomainDef) live = NULL;
        g_autoptr(VnetDomainObj) obj = NULL;
        const VnetGuestBackend *backend;

        if (!vnet_domain_status_parse_file(path, &status, &live, &local_error)) {
            vnet_core_add_load_error(core, _("%s: %s; skipped (the file is left as it is)"),
                                     path, local_error->message);
            continue;
        }
        backend = vnet_guest_backend_by_name(status->backend);
        obj = vnet_domain_obj_list_find_by_uuid(core->domains, &live->uuid);
        if (!backend || !obj) {
            vnet_core_add_load_error(
                core, _("%s: status of domain '%s' %s; skipped (the file is left as it is)"),
                path, live->name,
                backend ? _("which has no definition") : _("names an unknown guest backend"));
            continue;
        }
        if (backend->is_alive(status)) {
            vnet_debug("driver", "domain %s is still running", live->name);
            if (backend->adopt)
                backend->adopt(live, status);
            vnet_domain_obj_set_active(obj, g_steal_pointer(&live), g_steal_pointer(&status),
                                       (GDestroyNotify)vnet_domain_status_free);
            continue;
        }
        vnet_debug("driver", "domain %s is gone; removing its leftovers", live->name);
        if (!backend->stop(live, status, &local_error) ||
            !vnet_store_delete_status(core->store, VNET_OBJECT_DOMAIN, live->name,
                                      &local_error))
            vnet_core_add_load_error(core, _("%s: cleaning up after domain '%s': %s"), path,
                                     live->name, local_error->message);
    }
}

/**
 * vnet_core_autostart:
 * @core: a core
 *
 * Starts autostart networks, then autostart domains.
 */
void
vnet_core_autostart(VnetCore *core)
{
    g_autoptr(GPtrArray) networks = vnet_network_obj_list_get_all(core->networks);
    g_autoptr(GPtrArray) domains = vnet_domain_obj_list_get_all(core->domains);

    for (guint i = 0; i < networks->len; i++) {
        VnetNetworkObj *obj = g_ptr_array_index(networks, i);
        g_autoptr(GError) local_error = NULL;

        if (!vnet_network_obj_get_autostart(obj) || vnet_network_obj_is_active(obj))
            continue;
        if (!vnet_core_network_start(core, vnet_network_obj_get_uuid(obj), &local_error))
            vnet_core_add_load_error(core, _("autostart of network '%s' failed: %s"),
                                     vnet_network_obj_get_name(obj), local_error->message);
    }
    for (guint i = 0; i < domains->len; i++) {
        VnetDomainObj *obj = g_ptr_array_index(domains, i);
        g_autoptr(GError) local_error = NULL;

        if (!vnet_domain_obj_get_autostart(obj) || vnet_domain_obj_is_active(obj))
            continue;
        if (!start_domain(core, obj, &local_error))
            vnet_core_add_load_error(core, _("autostart of domain '%s' failed: %s"),
                                     vnet_domain_obj_get_name(obj), local_error->message);
    }
}
