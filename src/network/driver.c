/* driver.c: URIs, object ids and the table of drivers. */
#include <config.h>

#include "network/driver.h"
#include "remote/driver-dbus.h"
#include "util/vnet-i18n.h"

static const VnetDriver *const drivers[] = {
    &vnet_test_driver,
    &vnet_local_driver,
    &vnet_dbus_driver,
};

/**
 * vnet_driver_find:
 * @scheme: a URI scheme
 *
 * Returns: (transfer none): the driver for @scheme, or %NULL.
 */
const VnetDriver *
vnet_driver_find(const char *scheme)
{
    for (gsize i = 0; i < G_N_ELEMENTS(drivers); i++) {
        if (g_str_equal(drivers[i]->scheme, scheme))
            return drivers[i];
    }
    return NULL;
}

/**
 * vnet_uri_parse:
 * @uri: a connection URI such as "local:///?root=/tmp/x"
 * @error: return location for a #GError
 *
 * Splits @uri into scheme, path and query parameters and builds its
 * canonical form (parameters sorted by name). Hosts are refused: every
 * driver so far is local to this machine or reached through a bus.
 *
 * Returns: (transfer full): the parsed URI, or %NULL with
 *   %VNET_ERROR_INVALID_URI.
 */
VnetUri *
vnet_uri_parse(const char *uri, GError **error)
{
    g_autoptr(GError) local_error = NULL;
    g_autoptr(GUri) parsed = NULL;
    g_autoptr(VnetUri) ret = NULL;
    g_autoptr(GString) canonical = NULL;
    g_autoptr(GList) keys = NULL;
    const char *query;

    parsed = g_uri_parse(uri, G_URI_FLAGS_ENCODED_QUERY, &local_error);
    if (!parsed) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI, _("invalid URI '%s': %s"), uri,
                    local_error->message);
        return NULL;
    }
    if (g_uri_get_host(parsed) && *g_uri_get_host(parsed)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': remote hosts ('%s') are not supported"), uri,
                    g_uri_get_host(parsed));
        return NULL;
    }
    if (g_uri_get_fragment(parsed)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                    _("invalid URI '%s': a fragment ('#...') is not allowed"), uri);
        return NULL;
    }

    ret = g_new0(VnetUri, 1);
    ret->scheme = g_ascii_strdown(g_uri_get_scheme(parsed), -1);
    ret->path = g_strdup(*g_uri_get_path(parsed) ? g_uri_get_path(parsed) : "/");
    query = g_uri_get_query(parsed);
    if (query && *query) {
        ret->query = g_uri_parse_params(query, -1, "&", G_URI_PARAMS_NONE, &local_error);
        if (!ret->query) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                        _("invalid URI '%s': %s"), uri, local_error->message);
            return NULL;
        }
    } else {
        ret->query = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    }

    canonical = g_string_new(NULL);
    g_string_append_printf(canonical, "%s://%s", ret->scheme, ret->path);
    keys = g_list_sort(g_hash_table_get_keys(ret->query), (GCompareFunc)g_strcmp0);
    for (GList *l = keys; l; l = l->next) {
        g_autofree char *value =
            g_uri_escape_string(g_hash_table_lookup(ret->query, l->data), "/:", FALSE);

        g_string_append_printf(canonical, "%s%s=%s", l == keys ? "?" : "&",
                               (const char *)l->data, value);
    }
    ret->canonical = g_string_free(g_steal_pointer(&canonical), FALSE);
    return g_steal_pointer(&ret);
}

/**
 * vnet_uri_free:
 * @uri: (nullable): a parsed URI
 *
 * Frees @uri.
 */
void
vnet_uri_free(VnetUri *uri)
{
    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->path);
    g_clear_pointer(&uri->query, g_hash_table_unref);
    g_free(uri->canonical);
    g_free(uri);
}

/**
 * vnet_object_id_new:
 * @name: the object's name
 * @uuid: its UUID
 *
 * Returns: (transfer full): a new id.
 */
VnetObjectId *
vnet_object_id_new(const char *name, const VnetUuid *uuid)
{
    VnetObjectId *id = g_new0(VnetObjectId, 1);

    id->name = g_strdup(name);
    id->uuid = *uuid;
    return id;
}

/**
 * vnet_object_id_free:
 * @id: (nullable): an id
 *
 * Frees @id.
 */
void
vnet_object_id_free(VnetObjectId *id)
{
    if (!id)
        return;
    g_free(id->name);
    g_free(id);
}
