/* vnetd-objects.c: vnetd's cache of domains and networks (name, state,
 * autostart, type or bridge), its refresh from the library, and the
 * library's events turned into signals. See vnetd.h for why a cache. */
#include <config.h>

#include <string.h>

#include "vnetd.h"
#include "util/vnet-log.h"

/**
 * vnetd_object_free:
 * @obj: (nullable): a cached object
 *
 * Frees @obj.
 */
void
vnetd_object_free(VnetdObject *obj)
{
    if (!obj)
        return;
    g_free(obj->uuid);
    g_free(obj->name);
    g_free(obj->extra);
    g_free(obj);
}

/**
 * vnetd_object_copy:
 * @obj: a cached object
 *
 * Returns: (transfer full): a copy of @obj.
 */
VnetdObject *
vnetd_object_copy(const VnetdObject *obj)
{
    VnetdObject *copy = g_new0(VnetdObject, 1);

    copy->kind = obj->kind;
    copy->uuid = g_strdup(obj->uuid);
    copy->name = g_strdup(obj->name);
    copy->extra = g_strdup(obj->extra);
    copy->active = obj->active;
    copy->autostart = obj->autostart;
    return copy;
}

/**
 * vnetd_object_path:
 * @kind: domain or network
 * @uuid: a canonical UUID
 *
 * Returns: (transfer full): the object path, the UUID's dashes made '_'.
 */
char *
vnetd_object_path(VnetObjectKind kind, const char *uuid)
{
    g_autofree char *node = g_strdelimit(g_strdup(uuid), "-", '_');

    return g_strdup_printf("%s/%s",
                           kind == VNET_OBJECT_DOMAIN ? VNETD_DOMAIN_PATH : VNETD_NETWORK_PATH,
                           node);
}

/**
 * vnetd_path_to_uuid:
 * @path: an object path under /org/vnet1/domain or /org/vnet1/network
 *
 * Returns: (transfer full): the UUID text the path's last element names
 *   (not checked: the library does that), or %NULL when there is none.
 */
char *
vnetd_path_to_uuid(const char *path)
{
    const char *node = strrchr(path, '/');

    if (!node || !node[1])
        return NULL;
    return g_strdelimit(g_strdup(node + 1), "_", '-');
}

static GHashTable *
table_for(VnetdDaemon *daemon, VnetObjectKind kind)
{
    return kind == VNET_OBJECT_DOMAIN ? daemon->domains : daemon->networks;
}

/**
 * vnetd_cache_lookup:
 * @daemon: the daemon
 * @kind: domain or network
 * @uuid: a UUID in canonical form
 *
 * Returns: (transfer full) (nullable): a copy of the cached object.
 */
VnetdObject *
vnetd_cache_lookup(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid)
{
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&daemon->lock);
    VnetdObject *obj = g_hash_table_lookup(table_for(daemon, kind), uuid);

    return obj ? vnetd_object_copy(obj) : NULL;
}

/**
 * vnetd_cache_lookup_name:
 * @daemon: the daemon
 * @kind: domain or network
 * @name: an object name
 *
 * Returns: (transfer full) (nullable): a copy of the cached object.
 */
VnetdObject *
vnetd_cache_lookup_name(VnetdDaemon *daemon, VnetObjectKind kind, const char *name)
{
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&daemon->lock);
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, table_for(daemon, kind));
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        VnetdObject *obj = value;

        if (g_str_equal(obj->name, name))
            return vnetd_object_copy(obj);
    }
    return NULL;
}

static gint
compare_by_name(gconstpointer a, gconstpointer b)
{
    const VnetdObject *oa = *(VnetdObject *const *)a;
    const VnetdObject *ob = *(VnetdObject *const *)b;

    return strcmp(oa->name, ob->name);
}

/**
 * vnetd_cache_list:
 * @daemon: the daemon
 * @kind: domain or network
 * @flags: #VnetListFlags; 0 means all
 *
 * Returns: (transfer full): copies of the matching objects sorted by name.
 */
GPtrArray *
vnetd_cache_list(VnetdDaemon *daemon, VnetObjectKind kind, guint flags)
{
    GPtrArray *ret = g_ptr_array_new_with_free_func((GDestroyNotify)vnetd_object_free);
    GHashTableIter iter;
    gpointer value;

    if (!(flags & VNET_LIST_ALL))
        flags = VNET_LIST_ALL;
    g_mutex_lock(&daemon->lock);
    g_hash_table_iter_init(&iter, table_for(daemon, kind));
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        VnetdObject *obj = value;

        if ((obj->active && (flags & VNET_LIST_ACTIVE)) ||
            (!obj->active && (flags & VNET_LIST_INACTIVE)))
            g_ptr_array_add(ret, vnetd_object_copy(obj));
    }
    g_mutex_unlock(&daemon->lock);
    g_ptr_array_sort(ret, compare_by_name);
    return ret;
}

/**
 * vnetd_cache_nodes:
 * @daemon: the daemon
 * @kind: domain or network
 *
 * Returns: (transfer full): the node names of the cached objects of @kind.
 */
char **
vnetd_cache_nodes(VnetdDaemon *daemon, VnetObjectKind kind)
{
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&daemon->lock);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init(&iter, table_for(daemon, kind));
    while (g_hash_table_iter_next(&iter, &key, NULL)) {
        g_autofree char *node = g_strdelimit(g_strdup(key), "-", '_');

        g_strv_builder_add(builder, node);
    }
    return g_strv_builder_end(builder);
}

/* ---- refreshing ------------------------------------------------------------- */

/* Reads one object from the library; NULL when it is gone (or unreadable:
 * then it is dropped from the cache until the next event brings it back). */
static VnetdObject *
read_object(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetdObject) obj = g_new0(VnetdObject, 1);
    int active;
    int autostart;

    obj->kind = kind;
    if (kind == VNET_OBJECT_DOMAIN) {
        g_autoptr(VnetDomain) dom = vnet_domain_lookup_by_uuid(daemon->conn, uuid, &error);

        if (!dom)
            goto gone;
        obj->uuid = g_strdup(vnet_domain_get_uuid(dom));
        obj->name = g_strdup(vnet_domain_get_name(dom));
        active = vnet_domain_is_active(dom, &error);
        autostart = active < 0 ? -1 : vnet_domain_get_autostart(dom, &error);
        obj->extra = autostart < 0 ? NULL : vnet_domain_get_type_name(dom, &error);
        if (!obj->extra)
            goto gone;
    } else {
        g_autoptr(VnetNetwork) net = vnet_network_lookup_by_uuid(daemon->conn, uuid, &error);

        if (!net)
            goto gone;
        obj->uuid = g_strdup(vnet_network_get_uuid(net));
        obj->name = g_strdup(vnet_network_get_name(net));
        active = vnet_network_is_active(net, &error);
        g_autoptr(VnetNetworkInfo) info = NULL;

        autostart = active < 0 ? -1 : vnet_network_get_autostart(net, &error);
        /* The live state names the bridge a running network really uses. */
        info = autostart < 0 ? NULL : vnet_network_get_info(net, 0, &error);
        if (!info)
            goto gone;
        obj->extra = g_strdup(info->bridge);
    }
    if (!obj->extra)
        obj->extra = g_strdup("");
    obj->active = active > 0;
    obj->autostart = autostart > 0;
    return g_steal_pointer(&obj);

gone:
    vnet_debug("vnetd", "%s %s is not cached: %s", vnet_object_kind_to_string(kind), uuid,
               error->message);
    return NULL;
}

static void
add_change_str(GVariantBuilder *changed, gboolean *any, const char *name, const char *old,
               const char *new)
{
    if (g_strcmp0(old, new) == 0)
        return;
    g_variant_builder_add(changed, "{sv}", name, g_variant_new_string(new));
    *any = TRUE;
}

static void
add_change_bool(GVariantBuilder *changed, gboolean *any, const char *name, gboolean old,
                gboolean new)
{
    if (old == new)
        return;
    g_variant_builder_add(changed, "{sv}", name, g_variant_new_boolean(new));
    *any = TRUE;
}

/**
 * vnetd_refresh:
 * @daemon: the daemon
 * @kind: domain or network
 * @uuid: the object's UUID
 *
 * Reads the object again from the library and updates the cache: adds it,
 * drops it when it is gone, or emits PropertiesChanged with what changed.
 */
void
vnetd_refresh(VnetdDaemon *daemon, VnetObjectKind kind, const char *uuid)
{
    g_autoptr(GMutexLocker) refresh_locker = g_mutex_locker_new(&daemon->refresh_lock);
    g_autoptr(VnetdObject) fresh = read_object(daemon, kind, uuid);
    g_autofree char *path = NULL;
    GVariantBuilder changed;
    gboolean any = FALSE;
    VnetdObject *old;
    char *key;

    g_mutex_lock(&daemon->lock);
    old = g_hash_table_lookup(table_for(daemon, kind), fresh ? fresh->uuid : uuid);
    if (!fresh) {
        /* uuid may be in any form the library accepts; the cache's keys
         * are canonical, and an object that is gone is looked up by the
         * path it had, i.e. canonical too. */
        if (old)
            g_hash_table_remove(table_for(daemon, kind), uuid);
        g_mutex_unlock(&daemon->lock);
        return;
    }
    g_variant_builder_init(&changed, G_VARIANT_TYPE_VARDICT);
    if (old) {
        add_change_str(&changed, &any, "Name", old->name, fresh->name);
        add_change_bool(&changed, &any, "Active", old->active, fresh->active);
        add_change_bool(&changed, &any, "Autostart", old->autostart, fresh->autostart);
        add_change_str(&changed, &any, kind == VNET_OBJECT_DOMAIN ? "Type" : "Bridge", old->extra,
                       fresh->extra);
    }
    path = vnetd_object_path(kind, fresh->uuid);
    key = g_strdup(fresh->uuid);
    g_hash_table_replace(table_for(daemon, kind), key, g_steal_pointer(&fresh));
    g_mutex_unlock(&daemon->lock);

    /* Emitted under the refresh lock, so signals leave in the order the
     * library's state was read. */
    if (any) {
        vnetd_emit_properties_changed(daemon, path,
                                      kind == VNET_OBJECT_DOMAIN ? VNETD_DOMAIN_IFACE
                                                                 : VNETD_NETWORK_IFACE,
                                      g_variant_builder_end(&changed));
    } else {
        g_variant_builder_clear(&changed);
    }
}

/**
 * vnetd_refresh_all:
 * @daemon: the daemon
 * @error: return location for a #GError
 *
 * Fills the cache with every domain and network of the library.
 *
 * Returns: %TRUE on success.
 */
gboolean
vnetd_refresh_all(VnetdDaemon *daemon, GError **error)
{
    g_autoptr(GPtrArray) domains = vnet_connection_list_domains(daemon->conn, 0, error);
    g_autoptr(GPtrArray) networks = NULL;

    if (!domains)
        return FALSE;
    networks = vnet_connection_list_networks(daemon->conn, 0, error);
    if (!networks)
        return FALSE;
    for (guint i = 0; i < networks->len; i++)
        vnetd_refresh(daemon, VNET_OBJECT_NETWORK, vnet_network_get_uuid(networks->pdata[i]));
    for (guint i = 0; i < domains->len; i++)
        vnetd_refresh(daemon, VNET_OBJECT_DOMAIN, vnet_domain_get_uuid(domains->pdata[i]));
    return TRUE;
}

/**
 * vnetd_object_get_all:
 * @obj: a cached object
 *
 * Returns: (transfer floating): every property of @obj as a{sv}.
 */
GVariant *
vnetd_object_get_all(const VnetdObject *obj)
{
    GVariantBuilder builder;

    g_variant_builder_init(&builder, G_VARIANT_TYPE_VARDICT);
    g_variant_builder_add(&builder, "{sv}", "Name", g_variant_new_string(obj->name));
    g_variant_builder_add(&builder, "{sv}", "UUID", g_variant_new_string(obj->uuid));
    g_variant_builder_add(&builder, "{sv}", "Active", g_variant_new_boolean(obj->active));
    g_variant_builder_add(&builder, "{sv}", "Autostart", g_variant_new_boolean(obj->autostart));
    g_variant_builder_add(&builder, "{sv}", obj->kind == VNET_OBJECT_DOMAIN ? "Type" : "Bridge",
                          g_variant_new_string(obj->extra));
    return g_variant_builder_end(&builder);
}

/**
 * vnetd_object_get_property:
 * @obj: a cached object
 * @name: a property of org.vnet1.Domain or org.vnet1.Network
 *
 * Returns: (transfer full) (nullable): the value, or %NULL for an unknown
 *   name.
 */
GVariant *
vnetd_object_get_property(const VnetdObject *obj, const char *name)
{
    /* One list of the properties, vnetd_object_get_all()'s. */
    g_autoptr(GVariant) all = g_variant_ref_sink(vnetd_object_get_all(obj));

    return g_variant_lookup_value(all, name, NULL);
}

/* ---- events ------------------------------------------------------------------ */

/* Runs in the bus loop: the signal leaves at once, the cache follows from a
 * job (reading the library may block). */
static void
on_event(VnetConnection *conn, const VnetEvent *event, gpointer user_data)
{
    VnetdDaemon *daemon = user_data;
    VnetObjectKind kind = vnet_event_get_object_kind(event);
    const char *uuid = vnet_event_get_uuid(event);
    const char *detail = vnet_event_get_detail(event);
    g_autofree char *path = vnetd_object_path(kind, uuid);
    g_autoptr(GError) error = NULL;

    vnet_debug("vnetd", "event: %s '%s' %s", vnet_object_kind_to_string(kind),
               vnet_event_get_name(event),
               vnet_event_type_to_string(vnet_event_get_event_type(event)));
    if (!g_dbus_connection_emit_signal(
            daemon->bus, NULL, VNETD_PATH, VNETD_CONNECT_IFACE,
            kind == VNET_OBJECT_DOMAIN ? "DomainEvent" : "NetworkEvent",
            g_variant_new("(osss)", path,
                          vnet_event_type_to_string(vnet_event_get_event_type(event)),
                          detail ? detail : "", vnet_event_get_name(event)),
            &error))
        g_warning("emitting an event signal: %s", error->message);
    vnetd_job_push_refresh(daemon, kind, uuid);
}

/**
 * vnetd_events_start:
 * @daemon: the daemon
 *
 * Subscribes to the library's events, delivered in the bus loop.
 */
void
vnetd_events_start(VnetdDaemon *daemon)
{
    daemon->event_sub = vnet_connection_subscribe(daemon->conn, on_event, daemon, NULL);
}

/**
 * vnetd_events_stop:
 * @daemon: the daemon
 *
 * Ends the subscription (and its reference to the connection).
 */
void
vnetd_events_stop(VnetdDaemon *daemon)
{
    if (daemon->event_sub)
        vnet_connection_unsubscribe(daemon->conn, daemon->event_sub);
    daemon->event_sub = 0;
}
