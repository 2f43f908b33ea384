/* netdev_bandwidth_conf.c: <bandwidth> with <inbound>/<outbound>. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/netdev_conf.h"
#include "util/vnet-i18n.h"

static gboolean
parse_rate(const xmlNode *node, gboolean allow_floor, VnetBandwidthRate **ret, GError **error)
{
    g_autofree VnetBandwidthRate *rate = g_new0(VnetBandwidthRate, 1);
    g_autofree char *floor_attr = vnet_xml_prop(node, "floor");

    rate->line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_uint(node, "average", 1, VNET_BANDWIDTH_RATE_MAX, FALSE, &rate->average,
                            NULL, error) ||
        !vnet_xml_prop_uint(node, "peak", 1, VNET_BANDWIDTH_RATE_MAX, FALSE, &rate->peak, NULL,
                            error) ||
        !vnet_xml_prop_uint(node, "burst", 1, G_MAXUINT32, FALSE, &rate->burst, NULL, error))
        return FALSE;

    if (floor_attr) {
        if (!allow_floor || vnet_xml_is_element(node, "outbound")) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           vnet_xml_is_element(node, "outbound")
                               ? _("element <%s>, attribute 'floor': a floor is only allowed "
                                   "on <inbound>")
                               : _("element <%s>, attribute 'floor': a floor is only allowed "
                                   "on interfaces of type 'network'"),
                           (const char *)node->name);
            return FALSE;
        }
        if (!vnet_xml_prop_uint(node, "floor", 1, VNET_BANDWIDTH_RATE_MAX, FALSE, &rate->floor,
                                NULL, error))
            return FALSE;
    }

    if (!rate->average && !rate->floor) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       allow_floor && vnet_xml_is_element(node, "inbound")
                           ? _("element <%s> needs attribute 'average' or 'floor'")
                           : _("element <%s> needs attribute 'average'"),
                       (const char *)node->name);
        return FALSE;
    }
    if ((rate->peak || rate->burst) && !rate->average) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <%s>: attributes 'peak' and 'burst' need 'average'"),
                       (const char *)node->name);
        return FALSE;
    }
    if (rate->peak && rate->peak < rate->average) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <%s>, attribute 'peak': %" G_GUINT64_FORMAT
                         " is below the average %" G_GUINT64_FORMAT),
                       (const char *)node->name, rate->peak, rate->average);
        return FALSE;
    }
    *ret = g_steal_pointer(&rate);
    return TRUE;
}

/**
 * vnet_bandwidth_def_parse:
 * @node: a <bandwidth> element
 * @flags: #VnetBandwidthParseFlags
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the parsed limits, or %NULL with @error set.
 */
VnetBandwidthDef *
vnet_bandwidth_def_parse(const xmlNode *node, guint flags, GError **error)
{
    g_autoptr(VnetBandwidthDef) def = g_new0(VnetBandwidthDef, 1);

    vnet_i18n_init();
    def->line = vnet_xml_node_line(node);

    if (!vnet_xml_prop_string(node, "group", FALSE, &def->group, error))
        return NULL;
    if (def->group && !(flags & VNET_BANDWIDTH_PARSE_ALLOW_GROUP)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <bandwidth>, attribute 'group': bandwidth groups are only "
                         "allowed on domain interfaces"));
        return NULL;
    }
    if (def->group && !*def->group) {
        vnet_xml_error_bad_attr(error, node, "group", "", _("the name of a bandwidth group"));
        return NULL;
    }

    vnet_xml_foreach_element(child, node) {
        VnetBandwidthRate **slot;

        if (vnet_xml_is_element(child, "inbound"))
            slot = &def->in;
        else if (vnet_xml_is_element(child, "outbound"))
            slot = &def->out;
        else {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <bandwidth>: unexpected child element <%s>; expected "
                             "<inbound> or <outbound>"),
                           (const char *)child->name);
            return NULL;
        }
        if (*slot) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <bandwidth>: element <%s> is given twice"),
                           (const char *)child->name);
            return NULL;
        }
        if (!parse_rate(child, flags & VNET_BANDWIDTH_PARSE_ALLOW_FLOOR, slot, error))
            return NULL;
    }

    if (def->group && (def->in || def->out)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <bandwidth>: a bandwidth group ('%s') and own "
                         "<inbound>/<outbound> limits cannot be combined"),
                       def->group);
        return NULL;
    }
    return g_steal_pointer(&def);
}

static void
format_rate(VnetXmlWriter *writer, const char *name, const VnetBandwidthRate *rate)
{
    if (!rate)
        return;
    vnet_xml_writer_start(writer, name);
    if (rate->average)
        vnet_xml_writer_attr_uint(writer, "average", rate->average);
    if (rate->peak)
        vnet_xml_writer_attr_uint(writer, "peak", rate->peak);
    if (rate->burst)
        vnet_xml_writer_attr_uint(writer, "burst", rate->burst);
    if (rate->floor)
        vnet_xml_writer_attr_uint(writer, "floor", rate->floor);
    vnet_xml_writer_end(writer);
}

/**
 * vnet_bandwidth_def_format:
 * @writer: where to write
 * @def: (nullable): the limits
 *
 * Writes <bandwidth> (nothing for %NULL): group, then <inbound>, <outbound>.
 */
void
vnet_bandwidth_def_format(VnetXmlWriter *writer, const VnetBandwidthDef *def)
{
    if (!def)
        return;
    vnet_xml_writer_start(writer, "bandwidth");
    vnet_xml_writer_attr(writer, "group", def->group);
    format_rate(writer, "inbound", def->in);
    format_rate(writer, "outbound", def->out);
    vnet_xml_writer_end(writer);
}

/**
 * vnet_bandwidth_def_copy:
 * @def: (nullable): the limits
 *
 * Returns: (transfer full) (nullable): a deep copy.
 */
VnetBandwidthDef *
vnet_bandwidth_def_copy(const VnetBandwidthDef *def)
{
    VnetBandwidthDef *copy;

    if (!def)
        return NULL;
    copy = g_new0(VnetBandwidthDef, 1);
    copy->line = def->line;
    copy->group = g_strdup(def->group);
    if (def->in)
        copy->in = g_memdup2(def->in, sizeof(*def->in));
    if (def->out)
        copy->out = g_memdup2(def->out, sizeof(*def->out));
    return copy;
}

static gboolean
rate_equal(const VnetBandwidthRate *a, const VnetBandwidthRate *b)
{
    if (!a || !b)
        return a == b;
    return a->average == b->average && a->peak == b->peak && a->burst == b->burst &&
           a->floor == b->floor;
}

/**
 * vnet_bandwidth_def_equal:
 * @a: (nullable): limits
 * @b: (nullable): limits
 *
 * Returns: whether both say the same (source lines are not compared).
 */
gboolean
vnet_bandwidth_def_equal(const VnetBandwidthDef *a, const VnetBandwidthDef *b)
{
    if (!a || !b)
        return a == b;
    return g_strcmp0(a->group, b->group) == 0 && rate_equal(a->in, b->in) &&
           rate_equal(a->out, b->out);
}

/**
 * vnet_bandwidth_def_free:
 * @def: (nullable): the limits
 */
void
vnet_bandwidth_def_free(VnetBandwidthDef *def)
{
    if (!def)
        return;
    g_free(def->in);
    g_free(def->out);
    g_free(def->group);
    g_free(def);
}
