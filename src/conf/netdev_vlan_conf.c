/* netdev_vlan_conf.c: <vlan> with its <tag>s, and <mtu>. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/netdev_conf.h"
#include "util/vnet-i18n.h"

VNET_ENUM_IMPL(vnet_vlan_native_mode, VNET_VLAN_NATIVE_MODE_LAST, NULL, "tagged", "untagged");

/**
 * vnet_vlan_def_parse:
 * @node: a <vlan> element
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the VLAN setting, or %NULL with @error set.
 */
VnetVlanDef *
vnet_vlan_def_parse(const xmlNode *node, GError **error)
{
    g_autoptr(VnetVlanDef) def = g_new0(VnetVlanDef, 1);
    guint n = 0;
    const VnetVlanTag *native = NULL;

    vnet_i18n_init();
    def->line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_tristate(node, "trunk", &def->trunk, error))
        return NULL;

    def->n_tags = vnet_xml_count_children(node, "tag");
    if (def->n_tags == 0) {
        vnet_xml_error_missing_child(error, node, "tag");
        return NULL;
    }
    def->tags = g_new0(VnetVlanTag, def->n_tags);

    vnet_xml_foreach_element(child, node) {
        VnetVlanTag *tag;
        guint64 id = 0;
        int mode = VNET_VLAN_NATIVE_MODE_NONE;
        g_autofree char *raw = NULL;

        if (!vnet_xml_is_element(child, "tag")) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <vlan>: unexpected child element <%s>; expected <tag>"),
                           (const char *)child->name);
            return NULL;
        }
        tag = &def->tags[n++];
        tag->line = vnet_xml_node_line(child);
        raw = vnet_xml_prop(child, "id");
        if (raw && (g_str_equal(raw, "0") || g_str_equal(raw, "4095"))) {
            vnet_xml_error_bad_attr(error, child, "id", raw,
                                    _("a whole number from 1 to 4094 (0 and 4095 are reserved "
                                      "by IEEE 802.1Q)"));
            return NULL;
        }
        if (!vnet_xml_prop_uint(child, "id", VNET_VLAN_TAG_MIN, VNET_VLAN_TAG_MAX, TRUE, &id,
                                NULL, error) ||
            !vnet_xml_prop_enum(child, "nativeMode", &vnet_vlan_native_mode_table, FALSE, &mode,
                                error))
            return NULL;
        tag->id = (guint)id;
        tag->native_mode = mode;

        for (guint i = 0; i + 1 < n; i++) {
            if (def->tags[i].id == tag->id) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <tag>, attribute 'id': VLAN %u is already listed "
                                 "on line %u"),
                               tag->id, def->tags[i].line);
                return NULL;
            }
        }
        if (tag->native_mode) {
            if (native) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <tag>, attribute 'nativeMode': only one tag may be "
                                 "native (VLAN %u on line %u already is)"),
                               native->id, native->line);
                return NULL;
            }
            native = tag;
        }
    }

    if (def->n_tags > 1 && def->trunk != VNET_TRISTATE_YES) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       def->trunk == VNET_TRISTATE_NO
                           ? _("element <vlan>: %u tags are given but trunk='no'; several "
                               "tags need trunk='yes'")
                           : _("element <vlan>: %u tags are given; several tags need "
                               "trunk='yes'"),
                       def->n_tags);
        return NULL;
    }
    if (native && def->trunk != VNET_TRISTATE_YES) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <vlan>: a nativeMode tag needs trunk='yes'"));
        return NULL;
    }
    return g_steal_pointer(&def);
}

/**
 * vnet_vlan_def_format:
 * @writer: where to write
 * @def: (nullable): the VLAN setting
 */
void
vnet_vlan_def_format(VnetXmlWriter *writer, const VnetVlanDef *def)
{
    if (!def)
        return;
    vnet_xml_writer_start(writer, "vlan");
    vnet_xml_writer_attr(writer, "trunk", vnet_tristate_to_string(def->trunk));
    for (guint i = 0; i < def->n_tags; i++) {
        vnet_xml_writer_start(writer, "tag");
        vnet_xml_writer_attr_uint(writer, "id", def->tags[i].id);
        vnet_xml_writer_attr(writer, "nativeMode",
                             vnet_vlan_native_mode_to_string(def->tags[i].native_mode));
        vnet_xml_writer_end(writer);
    }
    vnet_xml_writer_end(writer);
}

/**
 * vnet_vlan_def_copy:
 * @def: (nullable): the VLAN setting
 *
 * Returns: (transfer full) (nullable): a deep copy.
 */
VnetVlanDef *
vnet_vlan_def_copy(const VnetVlanDef *def)
{
    VnetVlanDef *copy;

    if (!def)
        return NULL;
    copy = g_memdup2(def, sizeof(*def));
    copy->tags = g_memdup2(def->tags, sizeof(VnetVlanTag) * def->n_tags);
    return copy;
}

/**
 * vnet_vlan_def_equal:
 * @a: (nullable): a VLAN setting
 * @b: (nullable): a VLAN setting
 *
 * Returns: whether both say the same (source lines are not compared).
 */
gboolean
vnet_vlan_def_equal(const VnetVlanDef *a, const VnetVlanDef *b)
{
    if (!a || !b)
        return a == b;
    if (a->trunk != b->trunk || a->n_tags != b->n_tags)
        return FALSE;
    for (guint i = 0; i < a->n_tags; i++)
        if (a->tags[i].id != b->tags[i].id || a->tags[i].native_mode != b->tags[i].native_mode)
            return FALSE;
    return TRUE;
}

/**
 * vnet_vlan_def_free:
 * @def: (nullable): the VLAN setting
 */
void
vnet_vlan_def_free(VnetVlanDef *def)
{
    if (!def)
        return;
    g_free(def->tags);
    g_free(def);
}

/**
 * vnet_mtu_parse:
 * @node: an <mtu> element
 * @ret: (out): the MTU
 * @ret_line: (out) (optional): the element's line
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set when 'size' is missing or out of range.
 */
gboolean
vnet_mtu_parse(const xmlNode *node, guint *ret, guint *ret_line, GError **error)
{
    guint64 size = 0;

    if (!vnet_xml_prop_uint(node, "size", VNET_MTU_MIN, VNET_MTU_MAX, TRUE, &size, NULL, error))
        return FALSE;
    *ret = (guint)size;
    if (ret_line)
        *ret_line = vnet_xml_node_line(node);
    return TRUE;
}

/**
 * vnet_mtu_format:
 * @writer: where to write
 * @mtu: the MTU, 0 for none
 */
void
vnet_mtu_format(VnetXmlWriter *writer, guint mtu)
{
    if (!mtu)
        return;
    vnet_xml_writer_start(writer, "mtu");
    vnet_xml_writer_attr_uint(writer, "size", mtu);
    vnet_xml_writer_end(writer);
}
