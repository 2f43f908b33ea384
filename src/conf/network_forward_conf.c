/* network_forward_conf.c: <forward> (mode, outgoing device, the device pool
 * of direct networks, <nat> masquerade ranges and <portForward> rules):
 * parse, format, copy. libvirt's PCI host-device pools are refused here,
 * naming the feature. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"

static void
forward_if_free(VnetNetworkForwardIf *fi)
{
    g_free(fi->dev);
    g_free(fi);
}

/**
 * vnet_network_forward_def_init:
 * @fwd: an embedded <forward> def
 *
 * Empties @fwd and allocates its lists.
 */
void
vnet_network_forward_def_init(VnetNetworkForwardDef *fwd)
{
    memset(fwd, 0, sizeof(*fwd));
    fwd->ifs = g_ptr_array_new_with_free_func((GDestroyNotify)forward_if_free);
    fwd->port_forwards = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_port_forward_free);
}

/**
 * vnet_network_forward_def_clear:
 * @fwd: an embedded <forward> def
 *
 * Frees what @fwd owns (not @fwd itself).
 */
void
vnet_network_forward_def_clear(VnetNetworkForwardDef *fwd)
{
    g_clear_pointer(&fwd->dev, g_free);
    g_clear_pointer(&fwd->ifs, g_ptr_array_unref);
    g_clear_pointer(&fwd->port_forwards, g_ptr_array_unref);
}

/**
 * vnet_network_forward_def_copy_into:
 * @dst: uninitialized storage
 * @src: a <forward> def
 *
 * Makes @dst a deep copy of @src.
 */
void
vnet_network_forward_def_copy_into(VnetNetworkForwardDef *dst, const VnetNetworkForwardDef *src)
{
    *dst = *src;
    dst->dev = g_strdup(src->dev);
    dst->ifs = g_ptr_array_new_with_free_func((GDestroyNotify)forward_if_free);
    for (guint i = 0; i < src->ifs->len; i++) {
        const VnetNetworkForwardIf *fi = src->ifs->pdata[i];
        VnetNetworkForwardIf *c = g_new0(VnetNetworkForwardIf, 1);

        c->dev = g_strdup(fi->dev);
        c->line = fi->line;
        g_ptr_array_add(dst->ifs, c);
    }
    dst->port_forwards =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_port_forward_free);
    for (guint i = 0; i < src->port_forwards->len; i++)
        g_ptr_array_add(dst->port_forwards, vnet_port_forward_copy(src->port_forwards->pdata[i]));
}

/* ---- parsing ------------------------------------------------------------------ */

static gboolean
parse_nat(const xmlNode *node, VnetNetworkForwardDef *fwd, GError **error)
{
    static const char *const attrs[] = {"ipv6", NULL};
    static const char *const children[] = {"address", "port", NULL};
    static const char *const range_attrs[] = {"start", "end", NULL};
    gboolean seen_address = FALSE;
    gboolean seen_port = FALSE;

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_tristate(node, "ipv6", &fwd->nat_ipv6, error))
        return FALSE;
    vnet_xml_foreach_element(child, node) {
        if (vnet_xml_is_element(child, "address")) {
            if (!vnet_network_xml_check_once(child, seen_address, error) ||
                !vnet_network_xml_check_attrs(child, range_attrs, error) ||
                !vnet_network_xml_check_empty(child, error) ||
                !vnet_xml_prop_inet(child, "start", AF_INET, TRUE, &fwd->nat_addr_start,
                                    error) ||
                !vnet_xml_prop_inet(child, "end", AF_INET, TRUE, &fwd->nat_addr_end, error))
                return FALSE;
            seen_address = TRUE;
        } else if (vnet_xml_is_element(child, "port")) {
            guint64 start = 0, end = 0;

            if (!vnet_network_xml_check_once(child, seen_port, error) ||
                !vnet_network_xml_check_attrs(child, range_attrs, error) ||
                !vnet_network_xml_check_empty(child, error) ||
                !vnet_xml_prop_uint(child, "start", 1, 65535, TRUE, &start, NULL, error) ||
                !vnet_xml_prop_uint(child, "end", 1, 65535, TRUE, &end, NULL, error))
                return FALSE;
            fwd->nat_port_start = (guint)start;
            fwd->nat_port_end = (guint)end;
            seen_port = TRUE;
        } else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return FALSE;
        }
    }
    fwd->nat_set = TRUE;
    fwd->nat_line = vnet_xml_node_line(node);
    return TRUE;
}

static gboolean
parse_interface(const xmlNode *node, VnetNetworkForwardDef *fwd, GError **error)
{
    static const char *const attrs[] = {"dev", NULL};
    g_autofree char *dev = NULL;
    VnetNetworkForwardIf *fi;

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_string(node, "dev", TRUE, &dev, error))
        return FALSE;
    fi = g_new0(VnetNetworkForwardIf, 1);
    fi->dev = g_steal_pointer(&dev);
    fi->line = vnet_xml_node_line(node);
    g_ptr_array_add(fwd->ifs, fi);
    return TRUE;
}

static gboolean
parse_mode(const xmlNode *node, VnetNetworkForwardDef *fwd, GError **error)
{
    g_autofree char *mode = vnet_xml_prop(node, "mode");
    int value = VNET_NETWORK_FORWARD_NAT; /* libvirt: <forward/> is NAT */

    if (g_strcmp0(mode, "hostdev") == 0) {
        vnet_xml_error_unsupported(error, node,
                                   _("mode 'hostdev' (pools of PCI host devices assigned to "
                                     "guests)"));
        return FALSE;
    }
    if (!vnet_xml_prop_enum(node, "mode", &vnet_network_forward_mode_table, FALSE, &value,
                            error))
        return FALSE;
    fwd->mode = value;
    return TRUE;
}

/**
 * vnet_network_forward_def_parse:
 * @node: a <forward> element
 * @fwd: the def's embedded <forward>, initialized
 * @error: return location for an error
 *
 * Returns: TRUE on success.
 */
gboolean
vnet_network_forward_def_parse(const xmlNode *node, VnetNetworkForwardDef *fwd, GError **error)
{
    static const char *const attrs[] = {"mode", "dev", "managed", NULL};
    static const char *const children[] = {"interface", "nat", "portForward", NULL};

    vnet_i18n_init();
    fwd->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) || !parse_mode(node, fwd, error))
        return FALSE;
    if (xmlHasProp(node, BAD_CAST "managed")) {
        vnet_xml_error_unsupported(error, node,
                                   _("attribute 'managed' (PCI host device pools)"));
        return FALSE;
    }
    if (!vnet_xml_prop_string(node, "dev", FALSE, &fwd->dev, error))
        return FALSE;
    vnet_xml_foreach_element(child, node) {
        if (vnet_xml_is_element(child, "interface")) {
            if (!parse_interface(child, fwd, error))
                return FALSE;
        } else if (vnet_xml_is_element(child, "nat")) {
            if (!vnet_network_xml_check_once(child, fwd->nat_set, error) ||
                !parse_nat(child, fwd, error))
                return FALSE;
        } else if (vnet_xml_is_element(child, "portForward")) {
            VnetPortForward *rule = vnet_port_forward_parse(child, error);

            if (!rule)
                return FALSE;
            g_ptr_array_add(fwd->port_forwards, rule);
        } else if (vnet_xml_is_element(child, "address")) {
            vnet_xml_error_unsupported(error, child,
                                       _("a pool of PCI addresses (<address type='pci'>, "
                                         "SR-IOV virtual functions)"));
            return FALSE;
        } else if (vnet_xml_is_element(child, "pf")) {
            vnet_xml_error_unsupported(error, child,
                                       _("a pool built from an SR-IOV physical function "
                                         "(<pf dev>)"));
            return FALSE;
        } else if (vnet_xml_is_element(child, "driver")) {
            vnet_xml_error_unsupported(error, child,
                                       _("<driver> (PCI host device assignment)"));
            return FALSE;
        } else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return FALSE;
        }
    }
    return TRUE;
}

/* ---- formatting ------------------------------------------------------------- */

/**
 * vnet_network_forward_def_format:
 * @writer: the writer
 * @fwd: a <forward> def
 *
 * Writes <forward>: mode always (libvirt's bare <forward/> means nat),
 * then <nat>, the device pool and the port-forward rules.
 */
void
vnet_network_forward_def_format(VnetXmlWriter *writer, const VnetNetworkForwardDef *fwd)
{
    vnet_xml_writer_start(writer, "forward");
    vnet_xml_writer_attr(writer, "mode", vnet_network_forward_mode_to_string(fwd->mode));
    vnet_xml_writer_attr(writer, "dev", fwd->dev);
    if (fwd->nat_set) {
        vnet_xml_writer_start(writer, "nat");
        vnet_xml_writer_attr(writer, "ipv6", vnet_tristate_to_string(fwd->nat_ipv6));
        if (vnet_inet_is_set(&fwd->nat_addr_start)) {
            vnet_xml_writer_start(writer, "address");
            vnet_xml_writer_attr_inet(writer, "start", &fwd->nat_addr_start);
            vnet_xml_writer_attr_inet(writer, "end", &fwd->nat_addr_end);
            vnet_xml_writer_end(writer);
        }
        if (fwd->nat_port_start) {
            vnet_xml_writer_start(writer, "port");
            vnet_xml_writer_attr_uint(writer, "start", fwd->nat_port_start);
            vnet_xml_writer_attr_uint(writer, "end", fwd->nat_port_end);
            vnet_xml_writer_end(writer);
        }
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < fwd->ifs->len; i++) {
        const VnetNetworkForwardIf *fi = fwd->ifs->pdata[i];

        vnet_xml_writer_start(writer, "interface");
        vnet_xml_writer_attr(writer, "dev", fi->dev);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < fwd->port_forwards->len; i++)
        vnet_port_forward_format(writer, fwd->port_forwards->pdata[i]);
    vnet_xml_writer_end(writer);
}
