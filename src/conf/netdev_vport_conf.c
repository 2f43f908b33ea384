/* netdev_vport_conf.c: <virtualport> (802.1Qbg VSI, 802.1Qbh port profile,
 * or untyped until merged with the network's) and the libvirt-style merge. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/netdev_conf.h"
#include "util/vnet-i18n.h"

VNET_ENUM_IMPL(vnet_virtual_port_type, VNET_VIRTUAL_PORT_TYPE_LAST, NULL, "802.1Qbg", "802.1Qbh");

/* Virtualport types libvirt has that need a software switch vnet does not
 * drive; they are refused by name rather than as a typo. */
static const char *const unsupported_types[] = {"openvswitch", "midonet"};

static gboolean
parse_parameters(const xmlNode *node, VnetVirtualPortDef *def, GError **error)
{
    guint64 value = 0;
    gboolean present = FALSE;
    g_autofree char *interfaceid = vnet_xml_prop(node, "interfaceid");

    if (interfaceid) {
        vnet_xml_error_unsupported(error, node,
                                   _("virtualport parameter 'interfaceid' (used only by "
                                     "openvswitch and midonet virtualports)"));
        return FALSE;
    }

    if (!vnet_xml_prop_uint(node, "managerid", 0, 255, FALSE, &value, &present, error))
        return FALSE;
    if (present && value == 0) {
        vnet_xml_error_bad_attr(error, node, "managerid", "0",
                                _("a whole number from 1 to 255 (0 is reserved)"));
        return FALSE;
    }
    def->managerid_set = present;
    def->managerid = (guint8)value;

    if (!vnet_xml_prop_uint(node, "typeid", 0, 16777215, FALSE, &value, &present, error))
        return FALSE;
    def->typeid_set = present;
    def->typeid = (guint32)value;

    if (!vnet_xml_prop_uint(node, "typeidversion", 0, 255, FALSE, &value, &present, error))
        return FALSE;
    def->typeidversion_set = present;
    def->typeidversion = (guint8)value;

    if (!vnet_xml_prop_uuid(node, "instanceid", FALSE, &def->instanceid, &def->instanceid_set,
                            error))
        return FALSE;

    if (!vnet_xml_prop_string(node, "profileid", FALSE, &def->profileid, error))
        return FALSE;
    if (def->profileid) {
        gsize len = strlen(def->profileid);

        if (len == 0 || len > VNET_VIRTUAL_PORT_PROFILEID_MAX) {
            g_autofree char *expected =
                g_strdup_printf(_("a port profile name of 1 to %d characters"),
                                VNET_VIRTUAL_PORT_PROFILEID_MAX);
            vnet_xml_error_bad_attr(error, node, "profileid", def->profileid, expected);
            return FALSE;
        }
    }

    /* A typed virtualport may only carry its own type's parameters. */
    if (def->type == VNET_VIRTUAL_PORT_TYPE_8021QBG && def->profileid) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <parameters>, attribute 'profileid': not allowed in an "
                         "802.1Qbg virtualport (only managerid, typeid, typeidversion, "
                         "instanceid)"));
        return FALSE;
    }
    if (def->type == VNET_VIRTUAL_PORT_TYPE_8021QBH) {
        const char *qbg = def->managerid_set       ? "managerid"
                          : def->typeid_set        ? "typeid"
                          : def->typeidversion_set ? "typeidversion"
                          : def->instanceid_set    ? "instanceid"
                                                   : NULL;
        if (qbg) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <parameters>, attribute '%s': not allowed in an "
                             "802.1Qbh virtualport (only profileid)"),
                           qbg);
            return FALSE;
        }
    }
    return TRUE;
}

/**
 * vnet_virtual_port_def_parse:
 * @node: a <virtualport> element
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the virtualport, or %NULL with @error set.
 */
VnetVirtualPortDef *
vnet_virtual_port_def_parse(const xmlNode *node, GError **error)
{
    g_autoptr(VnetVirtualPortDef) def = g_new0(VnetVirtualPortDef, 1);
    g_autofree char *type = vnet_xml_prop(node, "type");
    int type_value = VNET_VIRTUAL_PORT_TYPE_NONE;
    xmlNode *params = NULL;

    vnet_i18n_init();
    def->line = vnet_xml_node_line(node);

    for (guint i = 0; type && i < G_N_ELEMENTS(unsupported_types); i++) {
        if (g_str_equal(type, unsupported_types[i])) {
            g_autofree char *feature =
                g_strdup_printf(_("virtualport type '%s'"), unsupported_types[i]);
            vnet_xml_error_unsupported(error, node, feature);
            return NULL;
        }
    }
    if (!vnet_xml_prop_enum(node, "type", &vnet_virtual_port_type_table, FALSE, &type_value,
                            error))
        return NULL;
    def->type = type_value;

    vnet_xml_foreach_element(child, node) {
        if (!vnet_xml_is_element(child, "parameters")) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <virtualport>: unexpected child element <%s>; expected "
                             "<parameters>"),
                           (const char *)child->name);
            return NULL;
        }
        if (params) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <virtualport>: element <parameters> is given twice"));
            return NULL;
        }
        params = child;
        if (!parse_parameters(child, def, error))
            return NULL;
    }
    return g_steal_pointer(&def);
}

static gboolean
has_parameters(const VnetVirtualPortDef *def)
{
    return def->managerid_set || def->typeid_set || def->typeidversion_set ||
           def->instanceid_set || def->profileid;
}

/**
 * vnet_virtual_port_def_format:
 * @writer: where to write
 * @def: (nullable): the virtualport
 *
 * Writes <virtualport type><parameters managerid typeid typeidversion
 * instanceid profileid/></virtualport>, only the set values.
 */
void
vnet_virtual_port_def_format(VnetXmlWriter *writer, const VnetVirtualPortDef *def)
{
    if (!def)
        return;
    vnet_xml_writer_start(writer, "virtualport");
    vnet_xml_writer_attr(writer, "type", vnet_virtual_port_type_to_string(def->type));
    if (has_parameters(def)) {
        vnet_xml_writer_start(writer, "parameters");
        if (def->managerid_set)
            vnet_xml_writer_attr_uint(writer, "managerid", def->managerid);
        if (def->typeid_set)
            vnet_xml_writer_attr_uint(writer, "typeid", def->typeid);
        if (def->typeidversion_set)
            vnet_xml_writer_attr_uint(writer, "typeidversion", def->typeidversion);
        if (def->instanceid_set) {
            char buf[VNET_UUID_STRLEN];

            vnet_uuid_format(&def->instanceid, buf);
            vnet_xml_writer_attr(writer, "instanceid", buf);
        }
        vnet_xml_writer_attr(writer, "profileid", def->profileid);
        vnet_xml_writer_end(writer);
    }
    vnet_xml_writer_end(writer);
}

/**
 * vnet_virtual_port_def_copy:
 * @def: (nullable): the virtualport
 *
 * Returns: (transfer full) (nullable): a deep copy.
 */
VnetVirtualPortDef *
vnet_virtual_port_def_copy(const VnetVirtualPortDef *def)
{
    VnetVirtualPortDef *copy;

    if (!def)
        return NULL;
    copy = g_memdup2(def, sizeof(*def));
    copy->profileid = g_strdup(def->profileid);
    return copy;
}

/**
 * vnet_virtual_port_def_equal:
 * @a: (nullable): a virtualport
 * @b: (nullable): a virtualport
 *
 * Returns: whether both say the same (source lines are not compared).
 */
gboolean
vnet_virtual_port_def_equal(const VnetVirtualPortDef *a, const VnetVirtualPortDef *b)
{
    if (!a || !b)
        return a == b;
    return a->type == b->type && a->managerid_set == b->managerid_set &&
           a->managerid == b->managerid && a->typeid_set == b->typeid_set &&
           a->typeid == b->typeid && a->typeidversion_set == b->typeidversion_set &&
           a->typeidversion == b->typeidversion && a->instanceid_set == b->instanceid_set &&
           vnet_uuid_equal(&a->instanceid, &b->instanceid) &&
           g_strcmp0(a->profileid, b->profileid) == 0;
}

/**
 * vnet_virtual_port_def_free:
 * @def: (nullable): the virtualport
 */
void
vnet_virtual_port_def_free(VnetVirtualPortDef *def)
{
    if (!def)
        return;
    g_free(def->profileid);
    g_free(def);
}

/**
 * vnet_virtual_port_def_fill_defaults:
 * @def: the virtualport
 * @error: return location for a #GError
 *
 * Gives an 802.1Qbg virtualport without an instanceid a random one. An
 * untyped one gets none here: its type is only known after the merge with
 * the network, and an 802.1Qbh port has no instance.
 *
 * Returns: %FALSE only when no random UUID could be made.
 */
gboolean
vnet_virtual_port_def_fill_defaults(VnetVirtualPortDef *def, GError **error)
{
    int r;

    if (def->instanceid_set || def->type != VNET_VIRTUAL_PORT_TYPE_8021QBG)
        return TRUE;
    r = vnet_uuid_generate(&def->instanceid);
    if (r < 0) {
        vnet_i18n_init();
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                    _("cannot generate a virtualport instanceid: %s"), g_strerror(-r));
        return FALSE;
    }
    def->instanceid_set = TRUE;
    return TRUE;
}

/**
 * vnet_virtual_port_def_check:
 * @def: the virtualport (typically the merged one)
 * @file: (nullable): document name for messages
 * @error: return location for a #GError
 *
 * Returns: whether the virtualport has everything its type needs.
 */
gboolean
vnet_virtual_port_def_check(const VnetVirtualPortDef *def, const char *file, GError **error)
{
    vnet_i18n_init();
    switch (def->type) {
    case VNET_VIRTUAL_PORT_TYPE_8021QBG: {
        const char *missing = !def->managerid_set       ? "managerid"
                              : !def->typeid_set        ? "typeid"
                              : !def->typeidversion_set ? "typeidversion"
                                                        : NULL;
        if (missing) {
            vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, def->line,
                              _("element <virtualport type='802.1Qbg'>: <parameters> needs "
                                "attribute '%s' (managerid, typeid and typeidversion are "
                                "required)"),
                              missing);
            return FALSE;
        }
        return TRUE;
    }
    case VNET_VIRTUAL_PORT_TYPE_8021QBH:
        if (!def->profileid) {
            vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, def->line,
                              _("element <virtualport type='802.1Qbh'>: <parameters> needs "
                                "attribute 'profileid'"));
            return FALSE;
        }
        return TRUE;
    case VNET_VIRTUAL_PORT_TYPE_NONE:
        if (def->profileid && (def->managerid_set || def->typeid_set || def->typeidversion_set)) {
            vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, def->line,
                              _("element <virtualport>: parameters of 802.1Qbg (managerid, "
                                "typeid, typeidversion) and 802.1Qbh (profileid) cannot be "
                                "mixed"));
            return FALSE;
        }
        return TRUE;
    case VNET_VIRTUAL_PORT_TYPE_LAST:
        break;
    }
    g_return_val_if_reached(FALSE);
}

typedef struct {
    const VnetVirtualPortDef *def;
    const char *what;
} Source;

static gboolean
conflict(const char *file, const Source *a, const Source *b, const char *param, const char *va,
         const char *vb, GError **error)
{
    vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, a->def->line,
                      _("element <virtualport>: conflicting values for '%s': '%s' in the %s, "
                        "'%s' in the %s"),
                      param, va, a->what, vb, b->what);
    return FALSE;
}

/**
 * vnet_virtual_port_def_merge:
 * @nic: (nullable): the NIC's virtualport
 * @portgroup: (nullable): the portgroup's
 * @network: (nullable): the network's
 * @file: (nullable): the NIC's document name for messages
 * @ret: (out) (transfer full) (nullable): the merged virtualport
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set when types or values conflict.
 */
gboolean
vnet_virtual_port_def_merge(const VnetVirtualPortDef *nic, const VnetVirtualPortDef *portgroup,
                            const VnetVirtualPortDef *network, const char *file,
                            VnetVirtualPortDef **ret, GError **error)
{
    Source sources[3];
    guint n = 0;
    g_autoptr(VnetVirtualPortDef) merged = NULL;
    const Source *owner_type = NULL, *owner_mgr = NULL, *owner_tid = NULL, *owner_tidv = NULL;
    const Source *owner_inst = NULL, *owner_prof = NULL;

    vnet_i18n_init();
    /* libvirt's wording for the three places a virtualport can come from. */
    if (nic)
        sources[n++] = (Source){nic, _("interface")};
    if (portgroup)
        sources[n++] = (Source){portgroup, _("portgroup")};
    if (network)
        sources[n++] = (Source){network, _("network")};
    *ret = NULL;
    if (n == 0)
        return TRUE;

    merged = g_new0(VnetVirtualPortDef, 1);
    merged->line = sources[0].def->line;
    for (guint i = 0; i < n; i++) {
        const Source *s = &sources[i];
        const VnetVirtualPortDef *d = s->def;

        if (d->type != VNET_VIRTUAL_PORT_TYPE_NONE) {
            if (owner_type && merged->type != d->type)
                return conflict(file, owner_type, s, "type",
                                vnet_virtual_port_type_to_string(merged->type),
                                vnet_virtual_port_type_to_string(d->type), error);
            merged->type = d->type;
            owner_type = owner_type ? owner_type : s;
        }
        if (d->managerid_set) {
            if (owner_mgr && merged->managerid != d->managerid) {
                g_autofree char *va = g_strdup_printf("%u", merged->managerid);
                g_autofree char *vb = g_strdup_printf("%u", d->managerid);
                return conflict(file, owner_mgr, s, "managerid", va, vb, error);
            }
            merged->managerid_set = TRUE;
            merged->managerid = d->managerid;
            owner_mgr = owner_mgr ? owner_mgr : s;
        }
        if (d->typeid_set) {
            if (owner_tid && merged->typeid != d->typeid) {
                g_autofree char *va = g_strdup_printf("%u", merged->typeid);
                g_autofree char *vb = g_strdup_printf("%u", d->typeid);
                return conflict(file, owner_tid, s, "typeid", va, vb, error);
            }
            merged->typeid_set = TRUE;
            merged->typeid = d->typeid;
            owner_tid = owner_tid ? owner_tid : s;
        }
        if (d->typeidversion_set) {
            if (owner_tidv && merged->typeidversion != d->typeidversion) {
                g_autofree char *va = g_strdup_printf("%u", merged->typeidversion);
                g_autofree char *vb = g_strdup_printf("%u", d->typeidversion);
                return conflict(file, owner_tidv, s, "typeidversion", va, vb, error);
            }
            merged->typeidversion_set = TRUE;
            merged->typeidversion = d->typeidversion;
            owner_tidv = owner_tidv ? owner_tidv : s;
        }
        if (d->instanceid_set) {
            if (owner_inst && !vnet_uuid_equal(&merged->instanceid, &d->instanceid)) {
                char va[VNET_UUID_STRLEN], vb[VNET_UUID_STRLEN];

                vnet_uuid_format(&merged->instanceid, va);
                vnet_uuid_format(&d->instanceid, vb);
                return conflict(file, owner_inst, s, "instanceid", va, vb, error);
            }
            merged->instanceid_set = TRUE;
            merged->instanceid = d->instanceid;
            owner_inst = owner_inst ? owner_inst : s;
        }
        if (d->profileid) {
            if (owner_prof && !g_str_equal(merged->profileid, d->profileid))
                return conflict(file, owner_prof, s, "profileid", merged->profileid,
                                d->profileid, error);
            if (!merged->profileid)
                merged->profileid = g_strdup(d->profileid);
            owner_prof = owner_prof ? owner_prof : s;
        }
    }

    /* The merged type must not carry the other type's parameters. */
    if ((merged->type == VNET_VIRTUAL_PORT_TYPE_8021QBG && merged->profileid) ||
        (merged->type == VNET_VIRTUAL_PORT_TYPE_8021QBH &&
         (merged->managerid_set || merged->typeid_set || merged->typeidversion_set ||
          merged->instanceid_set))) {
        vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, merged->line,
                          _("element <virtualport>: the merged virtualport is of type '%s' "
                            "but carries parameters of the other type"),
                          vnet_virtual_port_type_to_string(merged->type));
        return FALSE;
    }
    *ret = g_steal_pointer(&merged);
    return TRUE;
}
