/* domain_conf.c: <domain> as a whole: name, uuid, title, description,
 * memory, vcpu, os, bandwidth groups, devices, and the foreign content kept
 * verbatim around them. Interfaces are in domain_interface_conf.c. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "util/vnet-i18n.h"
#include "util/vnet-string.h"

VNET_ENUM_IMPL(vnet_domain_type, VNET_DOMAIN_TYPE_LAST, NULL, "netns", "kvm", "qemu", "test");

/* Suffixes of bandwidth-group limits, VirtualBox's bandwidthctl letters. */
static const char *const bw_unit_suffix[VNET_BW_UNIT_LAST] = {"", "k", "m", "g", "K", "M", "G"};

/* libvirt's memory units, with their size in bytes. */
static const struct {
    const char *unit;
    guint64 bytes;
} memory_units[] = {
    {"b", 1},
    {"bytes", 1},
    {"KB", 1000ULL},
    {"k", 1024ULL},
    {"KiB", 1024ULL},
    {"MB", 1000ULL * 1000},
    {"M", 1024ULL * 1024},
    {"MiB", 1024ULL * 1024},
    {"GB", 1000ULL * 1000 * 1000},
    {"G", 1024ULL * 1024 * 1024},
    {"GiB", 1024ULL * 1024 * 1024},
    {"TB", 1000ULL * 1000 * 1000 * 1000},
    {"T", 1024ULL * 1024 * 1024 * 1024},
    {"TiB", 1024ULL * 1024 * 1024 * 1024},
};

/* Anchors of top-level foreign content: the known element it follows. */
enum {
    ANCHOR_START,
    ANCHOR_NAME,
    ANCHOR_UUID,
    ANCHOR_TITLE,
    ANCHOR_DESCRIPTION,
    ANCHOR_MEMORY,
    ANCHOR_VCPU,
    ANCHOR_OS,
    ANCHOR_BANDWIDTH_GROUPS,
    ANCHOR_DEVICES,
};

/* Anchors inside <os>. */
enum {
    OS_ANCHOR_START,
    OS_ANCHOR_KERNEL,
    OS_ANCHOR_INITRD,
    OS_ANCHOR_CMDLINE,
};

/* ---- kept content --------------------------------------------------------- */

/**
 * vnet_domain_foreign_free:
 * @foreign: (nullable): a kept node
 */
void
vnet_domain_foreign_free(VnetDomainForeign *foreign)
{
    if (!foreign)
        return;
    xmlFreeNode(foreign->node);
    g_free(foreign);
}

/**
 * vnet_domain_attr_free:
 * @attr: (nullable): a kept attribute
 */
void
vnet_domain_attr_free(VnetDomainAttr *attr)
{
    if (!attr)
        return;
    g_free(attr->name);
    g_free(attr->value);
    g_free(attr);
}

/**
 * vnet_domain_foreign_add:
 * @list: (element-type VnetDomainForeign): where to keep it
 * @anchor: the known element it follows
 * @node: the element or comment to keep (copied)
 */
void
vnet_domain_foreign_add(GPtrArray *list, guint anchor, const xmlNode *node)
{
    VnetDomainForeign *foreign = g_new0(VnetDomainForeign, 1);

    foreign->anchor = anchor;
    /* A copy without a document: the def outlives the parsed document. */
    foreign->node = xmlCopyNode((xmlNode *)node, 1);
    g_ptr_array_add(list, foreign);
}

/**
 * vnet_domain_foreign_format:
 * @writer: where to write
 * @list: (nullable) (element-type VnetDomainForeign): kept nodes
 * @anchor: which of them to write
 */
void
vnet_domain_foreign_format(VnetXmlWriter *writer, const GPtrArray *list, guint anchor)
{
    for (guint i = 0; list && i < list->len; i++) {
        const VnetDomainForeign *foreign = g_ptr_array_index(list, i);

        if (foreign->anchor == anchor)
            vnet_xml_writer_node(writer, foreign->node);
    }
}

/**
 * vnet_domain_foreign_copy:
 * @list: (nullable) (element-type VnetDomainForeign): kept nodes
 *
 * Returns: (transfer full): a deep copy (an empty list for %NULL).
 */
GPtrArray *
vnet_domain_foreign_copy(const GPtrArray *list)
{
    GPtrArray *copy = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_foreign_free);

    for (guint i = 0; list && i < list->len; i++) {
        const VnetDomainForeign *foreign = g_ptr_array_index(list, i);

        vnet_domain_foreign_add(copy, foreign->anchor, foreign->node);
    }
    return copy;
}

static void
attrs_add(GPtrArray *attrs, const char *name, const char *value)
{
    VnetDomainAttr *attr = g_new0(VnetDomainAttr, 1);

    attr->name = g_strdup(name);
    attr->value = g_strdup(value);
    g_ptr_array_add(attrs, attr);
}

/**
 * vnet_domain_attrs_collect:
 * @node: an element
 * @known: (array zero-terminated=1): attributes vnet parses itself
 *
 * Returns: (transfer full) (element-type VnetDomainAttr): the others.
 */
GPtrArray *
vnet_domain_attrs_collect(const xmlNode *node, const char *const *known)
{
    GPtrArray *attrs = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_attr_free);

    for (const xmlNs *ns = node->nsDef; ns; ns = ns->next) {
        g_autofree char *name =
            ns->prefix ? g_strdup_printf("xmlns:%s", ns->prefix) : g_strdup("xmlns");
        attrs_add(attrs, name, (const char *)ns->href);
    }
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        g_autofree char *name = NULL;
        xmlChar *value;

        if (!a->ns && known && g_strv_contains(known, (const char *)a->name))
            continue;
        name = a->ns && a->ns->prefix ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                      : g_strdup((const char *)a->name);
        value = xmlNodeListGetString(node->doc, a->children, 1);
        attrs_add(attrs, name, value ? (const char *)value : "");
        xmlFree(value);
    }
    return attrs;
}

/**
 * vnet_domain_attrs_format:
 * @writer: where to write (inside a start tag)
 * @attrs: (nullable) (element-type VnetDomainAttr): kept attributes
 */
void
vnet_domain_attrs_format(VnetXmlWriter *writer, const GPtrArray *attrs)
{
    for (guint i = 0; attrs && i < attrs->len; i++) {
        const VnetDomainAttr *attr = g_ptr_array_index(attrs, i);

        vnet_xml_writer_attr(writer, attr->name, attr->value);
    }
}

/**
 * vnet_domain_attrs_copy:
 * @attrs: (nullable) (element-type VnetDomainAttr): kept attributes
 *
 * Returns: (transfer full): a deep copy (an empty list for %NULL).
 */
GPtrArray *
vnet_domain_attrs_copy(const GPtrArray *attrs)
{
    GPtrArray *copy = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_attr_free);

    for (guint i = 0; attrs && i < attrs->len; i++) {
        const VnetDomainAttr *attr = g_ptr_array_index(attrs, i);

        attrs_add(copy, attr->name, attr->value);
    }
    return copy;
}

/**
 * vnet_domain_ifname_is_valid:
 * @name: (nullable): a proposed interface name
 *
 * Returns: whether the kernel would accept it: 1-15 bytes, not "." or "..",
 * without '/', ':' or white space.
 */
gboolean
vnet_domain_ifname_is_valid(const char *name)
{
    gsize len;

    if (!name)
        return FALSE;
    len = strlen(name);
    if (len == 0 || len > VNET_IFNAME_MAX || g_str_equal(name, ".") || g_str_equal(name, ".."))
        return FALSE;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == ':' || g_ascii_isspace(*p) || (guchar)*p < 0x20)
            return FALSE;
    return TRUE;
}

/* ---- bandwidth groups ----------------------------------------------------- */

static void
bandwidth_group_free(VnetBandwidthGroup *group)
{
    if (!group)
        return;
    g_free(group->name);
    g_free(group);
}

/**
 * vnet_bandwidth_group_bytes_per_sec:
 * @group: a bandwidth group
 *
 * Returns: the limit in bytes per second, 0 for none.
 */
guint64
vnet_bandwidth_group_bytes_per_sec(const VnetBandwidthGroup *group)
{
    static const guint64 factor[VNET_BW_UNIT_LAST] = {
        [VNET_BW_UNIT_NONE] = 1000000,   [VNET_BW_UNIT_KBIT] = 1000 / 8,
        [VNET_BW_UNIT_MBIT] = 1000000 / 8, [VNET_BW_UNIT_GBIT] = 1000000000 / 8,
        [VNET_BW_UNIT_KBYTE] = 1000,     [VNET_BW_UNIT_MBYTE] = 1000000,
        [VNET_BW_UNIT_GBYTE] = 1000000000,
    };

    return group->limit * factor[group->unit];
}

static gboolean
name_is_valid(const char *name)
{
    gsize len = strlen(name);

    if (len == 0 || len > VNET_DOMAIN_NAME_MAX || name[0] == '.')
        return FALSE;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
            return FALSE;
    return TRUE;
}

static gboolean
parse_limit(const xmlNode *node, VnetBandwidthGroup *group, GError **error)
{
    g_autofree char *raw = NULL;
    g_autofree char *digits = NULL;
    gsize n = 0;

    if (!vnet_xml_prop_string(node, "limit", TRUE, &raw, error))
        return FALSE;
    while (g_ascii_isdigit(raw[n]))
        n++;
    digits = g_strndup(raw, n);
    group->unit = VNET_BW_UNIT_LAST;
    for (guint u = 0; u < VNET_BW_UNIT_LAST; u++)
        if (g_str_equal(raw + n, bw_unit_suffix[u]))
            group->unit = u;
    if (n == 0 || n > 12 || group->unit == VNET_BW_UNIT_LAST ||
        !g_ascii_string_to_unsigned(digits, 10, 0, G_MAXUINT32, &group->limit, NULL)) {
        vnet_xml_error_bad_attr(error, node, "limit", raw,
                                _("a whole number with an optional unit: k, m, g (kilo-, mega-, "
                                  "gigabits per second) or K, M, G (kilo-, mega-, gigabytes "
                                  "per second); no unit means megabytes per second"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_bandwidth_groups(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    def->bandwidth_groups_line = vnet_xml_node_line(node);
    vnet_xml_foreach_element(child, node) {
        g_autoptr(GError) local = NULL;
        VnetBandwidthGroup *group;
        const VnetBandwidthGroup *other;

        if (!vnet_xml_is_element(child, "group")) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <bandwidthGroups>: unexpected child element <%s>; "
                             "expected <group>"),
                           (const char *)child->name);
            return FALSE;
        }
        group = g_new0(VnetBandwidthGroup, 1);
        group->line = vnet_xml_node_line(child);
        g_ptr_array_add(def->bandwidth_groups, group);
        if (!vnet_xml_prop_string(child, "name", TRUE, &group->name, error))
            return FALSE;
        if (!name_is_valid(group->name)) {
            vnet_xml_error_bad_attr(error, child, "name", group->name,
                                    _("1 to 64 letters, digits, '-', '_' or '.', not starting "
                                      "with '.'"));
            return FALSE;
        }
        other = vnet_domain_def_find_bandwidth_group(def, group->name);
        if (other != group) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <group>, attribute 'name': bandwidth group '%s' is "
                             "already defined on line %u"),
                           group->name, other->line);
            return FALSE;
        }
        if (!parse_limit(child, group, error))
            return FALSE;
    }
    return TRUE;
}

/**
 * vnet_domain_def_find_interface_by_mac:
 * @def: a domain
 * @mac: a MAC address
 *
 * Returns: the index of the interface with that MAC, or -1.
 */
int
vnet_domain_def_find_interface_by_mac(const VnetDomainDef *def, const VnetMac *mac)
{
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *iface = g_ptr_array_index(def->interfaces, i);

        if (vnet_mac_equal(&iface->mac, mac))
            return (int)i;
    }
    return -1;
}

/**
 * vnet_domain_def_find_bandwidth_group:
 * @def: a domain
 * @name: a group name
 *
 * Returns: (transfer none) (nullable): the first group called @name.
 */
const VnetBandwidthGroup *
vnet_domain_def_find_bandwidth_group(const VnetDomainDef *def, const char *name)
{
    for (guint i = 0; def->bandwidth_groups && i < def->bandwidth_groups->len; i++) {
        const VnetBandwidthGroup *group = g_ptr_array_index(def->bandwidth_groups, i);

        if (group->name && g_str_equal(group->name, name))
            return group;
    }
    return NULL;
}

/* ---- parse ---------------------------------------------------------------- */

static gboolean
parse_once(const xmlNode *node, gboolean *seen, GError **error)
{
    if (*seen) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <domain>: element <%s> is given twice"),
                       (const char *)node->name);
        return FALSE;
    }
    *seen = TRUE;
    return TRUE;
}

static gboolean
parse_text(const xmlNode *node, char **ret, GError **error)
{
    g_autofree char *text = vnet_xml_content(node);

    if (vnet_xml_first_element(node)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <%s> holds text only, not elements"), (const char *)node->name);
        return FALSE;
    }
    g_free(*ret);
    *ret = g_steal_pointer(&text);
    return TRUE;
}

static gboolean
parse_name(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    if (!parse_text(node, &def->name, error))
        return FALSE;
    if (!def->name || !name_is_valid(def->name)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <name>: invalid domain name '%s'; expected 1 to 64 letters, "
                         "digits, '-', '_' or '.', not starting with '.'"),
                       def->name ? def->name : "");
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_memory(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    static const char *const known[] = {"unit", NULL};
    g_autofree char *text = vnet_xml_content(node);
    guint64 unit_bytes = 1024;

    def->memory_line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_string(node, "unit", FALSE, &def->memory_unit, error))
        return FALSE;
    if (def->memory_unit) {
        const char *names[G_N_ELEMENTS(memory_units)];
        gboolean found = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS(memory_units); i++) {
            names[i] = memory_units[i].unit;
            if (g_str_equal(def->memory_unit, memory_units[i].unit)) {
                unit_bytes = memory_units[i].bytes;
                found = TRUE;
            }
        }
        if (!found) {
            const char *suggestion =
                vnet_string_suggest(def->memory_unit, names, G_N_ELEMENTS(names));
            g_autofree char *expected = NULL;

            expected = suggestion
                           ? g_strdup_printf(_("one of: b, bytes, KB, k, KiB, MB, M, MiB, GB, "
                                               "G, GiB, TB, T, TiB (did you mean '%s'?)"),
                                             suggestion)
                           : g_strdup(_("one of: b, bytes, KB, k, KiB, MB, M, MiB, GB, G, GiB, "
                                        "TB, T, TiB"));
            vnet_xml_error_bad_attr(error, node, "unit", def->memory_unit, expected);
            return FALSE;
        }
    }
    if (!text || !g_ascii_isdigit(text[0]) ||
        !g_ascii_string_to_unsigned(text, 10, 1, G_MAXUINT64 / unit_bytes, &def->memory, NULL)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <memory>: invalid amount '%s'; expected a whole number "
                         "above 0 (in the unit given by 'unit', KiB by default)"),
                       text ? text : "");
        return FALSE;
    }
    def->memory_set = TRUE;
    def->memory_attrs = vnet_domain_attrs_collect(node, known);
    return TRUE;
}

static gboolean
parse_vcpu(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    g_autofree char *text = vnet_xml_content(node);
    guint64 n = 0;

    def->vcpu_line = vnet_xml_node_line(node);
    if (!text || !g_ascii_isdigit(text[0]) ||
        !g_ascii_string_to_unsigned(text, 10, 1, 4096, &n, NULL)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <vcpu>: invalid count '%s'; expected a whole number from 1 "
                         "to 4096"),
                       text ? text : "");
        return FALSE;
    }
    def->vcpu = (guint)n;
    def->vcpu_attrs = vnet_domain_attrs_collect(node, NULL);
    return TRUE;
}

static void
os_free(VnetDomainOsDef *os)
{
    if (!os)
        return;
    g_free(os->kernel);
    g_free(os->initrd);
    g_free(os->cmdline);
    g_clear_pointer(&os->attrs, g_ptr_array_unref);
    g_clear_pointer(&os->foreign, g_ptr_array_unref);
    g_free(os);
}

static gboolean
parse_os(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    VnetDomainOsDef *os = g_new0(VnetDomainOsDef, 1);
    guint anchor = OS_ANCHOR_START;

    def->os = os;
    os->line = vnet_xml_node_line(node);
    os->attrs = vnet_domain_attrs_collect(node, NULL);
    os->foreign = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_foreign_free);
    for (xmlNode *child = node->children; child; child = child->next) {
        char **slot = NULL;
        guint slot_anchor = 0;

        if (vnet_xml_is_element(child, "kernel")) {
            slot = &os->kernel;
            slot_anchor = OS_ANCHOR_KERNEL;
        } else if (vnet_xml_is_element(child, "initrd")) {
            slot = &os->initrd;
            slot_anchor = OS_ANCHOR_INITRD;
        } else if (vnet_xml_is_element(child, "cmdline")) {
            slot = &os->cmdline;
            slot_anchor = OS_ANCHOR_CMDLINE;
        }
        if (slot) {
            if (*slot) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <os>: element <%s> is given twice"),
                               (const char *)child->name);
                return FALSE;
            }
            if (!parse_text(child, slot, error))
                return FALSE;
            if (!*slot) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <%s> is empty; expected %s"),
                               (const char *)child->name,
                               slot_anchor == OS_ANCHOR_CMDLINE ? _("a kernel command line")
                                                                : _("an absolute file path"));
                return FALSE;
            }
            if (slot_anchor != OS_ANCHOR_CMDLINE && !g_path_is_absolute(*slot)) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <%s>: '%s' is not an absolute file path"),
                               (const char *)child->name, *slot);
                return FALSE;
            }
            anchor = slot_anchor;
        } else if (child->type == XML_ELEMENT_NODE || child->type == XML_COMMENT_NODE) {
            vnet_domain_foreign_add(os->foreign, anchor, child);
        }
    }
    if (os->initrd && !os->kernel) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <os>: <initrd> needs <kernel> (direct kernel boot)"));
        return FALSE;
    }
    if (os->cmdline && !os->kernel) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <os>: <cmdline> needs <kernel> (direct kernel boot)"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_devices(const xmlNode *node, VnetDomainDef *def, GError **error)
{
    def->has_devices = TRUE;
    for (xmlNode *child = node->children; child; child = child->next) {
        if (vnet_xml_is_element(child, "interface")) {
            VnetDomainInterfaceDef *iface =
                vnet_domain_interface_def_parse(child, def->interfaces->len, error);

            if (!iface)
                return FALSE;
            g_ptr_array_add(def->interfaces, iface);
        } else if (child->type == XML_ELEMENT_NODE || child->type == XML_COMMENT_NODE) {
            vnet_domain_foreign_add(def->device_foreign, def->interfaces->len, child);
        }
    }
    return TRUE;
}

static gboolean
parse_type(const xmlNode *root, VnetDomainDef *def, GError **error)
{
    g_autofree char *type = vnet_xml_prop(root, "type");
    int value = VNET_DOMAIN_TYPE_NONE;

    if (!type) {
        vnet_xml_error_missing_attr(error, root, "type");
        return FALSE;
    }
    if (vnet_domain_type_from_string(type) < 0 &&
        !vnet_enum_suggest(&vnet_domain_type_table, type)) {
        /* Another hypervisor's name (lxc, xen, ...), not a typo. */
        g_autofree char *allowed = vnet_enum_list_values(&vnet_domain_type_table);
        g_autofree char *feature =
            g_strdup_printf(_("domain type '%s' (supported: %s)"), type, allowed);
        vnet_xml_error_unsupported(error, root, feature);
        return FALSE;
    }
    if (!vnet_xml_prop_enum(root, "type", &vnet_domain_type_table, TRUE, &value, error))
        return FALSE;
    def->type = value;
    return TRUE;
}

static VnetDomainDef *
domain_def_new(void)
{
    VnetDomainDef *def = g_new0(VnetDomainDef, 1);

    def->interfaces =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_interface_def_free);
    def->device_foreign =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_foreign_free);
    def->foreign = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_foreign_free);
    def->bandwidth_groups =
        g_ptr_array_new_with_free_func((GDestroyNotify)bandwidth_group_free);
    return def;
}

/* Every MAC of the domain must differ; generated ones are drawn again when
 * they hit one given in the XML (or one drawn before). */
static gboolean
generate_macs(VnetDomainDef *def, GError **error)
{
    for (guint i = 0; i < def->interfaces->len; i++) {
        VnetDomainInterfaceDef *iface = g_ptr_array_index(def->interfaces, i);
        gboolean clash = TRUE;

        if (!iface->mac_generated)
            continue;
        for (guint attempt = 0; clash && attempt < 100; attempt++) {
            int r = vnet_mac_generate(NULL, &iface->mac);

            if (r < 0) {
                g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                            _("cannot generate a MAC address: %s"), g_strerror(-r));
                return FALSE;
            }
            clash = FALSE;
            for (guint j = 0; j < def->interfaces->len && !clash; j++) {
                const VnetDomainInterfaceDef *other = g_ptr_array_index(def->interfaces, j);

                clash = j != i && (!other->mac_generated || j < i) &&
                        vnet_mac_equal(&other->mac, &iface->mac);
            }
        }
    }
    return TRUE;
}

/**
 * vnet_domain_def_parse_node:
 * @root: the <domain> element of a document read by vnet_xml_parse_file()
 *   or vnet_xml_parse_string()
 * @error: return location for a #GError
 *
 * Parses the document and fills the random defaults (UUID, MACs, 802.1Qbg
 * instanceids). Semantic checks are left to vnet_domain_def_validate().
 *
 * Returns: (transfer full): the domain, or %NULL with @error set.
 */
VnetDomainDef *
vnet_domain_def_parse_node(xmlNode *root, GError **error)
{
    static const char *const known_root[] = {"type", NULL};
    g_autoptr(VnetDomainDef) def = NULL;
    gboolean seen[ANCHOR_DEVICES + 1] = {FALSE};
    guint anchor = ANCHOR_START;

    g_return_val_if_fail(root != NULL, NULL);
    vnet_i18n_init();

    if (!vnet_xml_is_element(root, "domain")) {
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("root element <%s> is not <domain>"), (const char *)root->name);
        return NULL;
    }
    def = domain_def_new();
    /* libxml2 stores the name URI-escaped ("domain%20XML"). */
    def->file = g_uri_unescape_string(vnet_xml_node_file(root), NULL);
    if (!def->file)
        def->file = g_strdup(vnet_xml_node_file(root));
    def->line = vnet_xml_node_line(root);
    if (!parse_type(root, def, error))
        return NULL;
    def->attrs = vnet_domain_attrs_collect(root, known_root);

    for (xmlNode *child = root->children; child; child = child->next) {
        guint kind = ANCHOR_START;
        gboolean ok = TRUE;

        if (vnet_xml_is_element(child, "name"))
            kind = ANCHOR_NAME;
        else if (vnet_xml_is_element(child, "uuid"))
            kind = ANCHOR_UUID;
        else if (vnet_xml_is_element(child, "title"))
            kind = ANCHOR_TITLE;
        else if (vnet_xml_is_element(child, "description"))
            kind = ANCHOR_DESCRIPTION;
        else if (vnet_xml_is_element(child, "memory"))
            kind = ANCHOR_MEMORY;
        else if (vnet_xml_is_element(child, "vcpu"))
            kind = ANCHOR_VCPU;
        else if (vnet_xml_is_element(child, "os"))
            kind = ANCHOR_OS;
        else if (vnet_xml_is_element(child, "bandwidthGroups"))
            kind = ANCHOR_BANDWIDTH_GROUPS;
        else if (vnet_xml_is_element(child, "devices"))
            kind = ANCHOR_DEVICES;

        if (kind == ANCHOR_START) {
            if (child->type == XML_ELEMENT_NODE || child->type == XML_COMMENT_NODE)
                vnet_domain_foreign_add(def->foreign, anchor, child);
            continue;
        }
        if (!parse_once(child, &seen[kind], error))
            return NULL;
        switch (kind) {
        case ANCHOR_NAME:
            ok = parse_name(child, def, error);
            break;
        case ANCHOR_UUID:
            ok = vnet_xml_content_uuid(child, &def->uuid, error);
            break;
        case ANCHOR_TITLE:
            ok = parse_text(child, &def->title, error);
            if (ok && def->title && strchr(def->title, '\n')) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                               _("element <title>: a title is one line of text"));
                ok = FALSE;
            }
            break;
        case ANCHOR_DESCRIPTION:
            ok = parse_text(child, &def->description, error);
            break;
        case ANCHOR_MEMORY:
            ok = parse_memory(child, def, error);
            break;
        case ANCHOR_VCPU:
            ok = parse_vcpu(child, def, error);
            break;
        case ANCHOR_OS:
            ok = parse_os(child, def, error);
            break;
        case ANCHOR_BANDWIDTH_GROUPS:
            ok = parse_bandwidth_groups(child, def, error);
            break;
        case ANCHOR_DEVICES:
            ok = parse_devices(child, def, error);
            break;
        default:
            g_assert_not_reached();
        }
        if (!ok)
            return NULL;
        anchor = kind;
    }

    if (!def->name) {
        vnet_xml_error_missing_child(error, root, "name");
        return NULL;
    }
    if (!seen[ANCHOR_UUID]) {
        int r = vnet_uuid_generate(&def->uuid);

        if (r < 0) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM, _("cannot generate a UUID: %s"),
                        g_strerror(-r));
            return NULL;
        }
        def->uuid_generated = TRUE;
    }
    if (!generate_macs(def, error))
        return NULL;
    return g_steal_pointer(&def);
}

/**
 * vnet_domain_def_parse_file:
 * @path: a domain XML file
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the domain, or %NULL with @error set.
 */
VnetDomainDef *
vnet_domain_def_parse_file(const char *path, GError **error)
{
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file(path, error);

    if (!doc)
        return NULL;
    return vnet_domain_def_parse_node(xmlDocGetRootElement(doc), error);
}

/**
 * vnet_domain_def_parse_string:
 * @xml: domain XML text
 * @name: (nullable): what to call it in messages (default "domain XML")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the domain, or %NULL with @error set.
 */
VnetDomainDef *
vnet_domain_def_parse_string(const char *xml, const char *name, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;

    vnet_i18n_init();
    doc = vnet_xml_parse_string(xml, -1, name ? name : _("domain XML"), error);
    if (!doc)
        return NULL;
    return vnet_domain_def_parse_node(xmlDocGetRootElement(doc), error);
}

/* ---- format --------------------------------------------------------------- */

static void
format_os(VnetXmlWriter *writer, const VnetDomainOsDef *os)
{
    vnet_xml_writer_start(writer, "os");
    vnet_domain_attrs_format(writer, os->attrs);
    vnet_domain_foreign_format(writer, os->foreign, OS_ANCHOR_START);
    vnet_xml_writer_text_element(writer, "kernel", os->kernel);
    vnet_domain_foreign_format(writer, os->foreign, OS_ANCHOR_KERNEL);
    vnet_xml_writer_text_element(writer, "initrd", os->initrd);
    vnet_domain_foreign_format(writer, os->foreign, OS_ANCHOR_INITRD);
    vnet_xml_writer_text_element(writer, "cmdline", os->cmdline);
    vnet_domain_foreign_format(writer, os->foreign, OS_ANCHOR_CMDLINE);
    vnet_xml_writer_end(writer);
}

static void
format_text_with_attrs(VnetXmlWriter *writer, const char *name, const GPtrArray *attrs,
                       const char *first_attr, const char *first_value, guint64 value)
{
    /* The writer has no "attributes + text" call, so build the element as a
     * node and let it write that. */
    xmlNode *node = xmlNewNode(NULL, BAD_CAST name);
    g_autofree char *text = g_strdup_printf("%" G_GUINT64_FORMAT, value);

    if (first_value)
        xmlNewProp(node, BAD_CAST first_attr, BAD_CAST first_value);
    for (guint i = 0; attrs && i < attrs->len; i++) {
        const VnetDomainAttr *attr = g_ptr_array_index(attrs, i);

        xmlNewProp(node, BAD_CAST attr->name, BAD_CAST attr->value);
    }
    xmlNodeAddContent(node, BAD_CAST text);
    vnet_xml_writer_node(writer, node);
    xmlFreeNode(node);
}

/**
 * vnet_domain_def_format:
 * @def: a domain
 * @flags: #VnetDomainDefFormatFlags
 *
 * Returns: (transfer full): canonical domain XML; with
 * %VNET_DOMAIN_DEF_FORMAT_LIVE, also each NIC's host ifindex.
 */
char *
vnet_domain_def_format(const VnetDomainDef *def, guint flags)
{
    g_autoptr(VnetXmlWriter) writer = vnet_xml_writer_new();
    char uuid[VNET_UUID_STRLEN];

    g_return_val_if_fail(def != NULL, NULL);
    g_return_val_if_fail((flags & ~VNET_DOMAIN_DEF_FORMAT_LIVE) == 0, NULL);

    vnet_xml_writer_start(writer, "domain");
    vnet_xml_writer_attr(writer, "type", vnet_domain_type_to_string(def->type));
    vnet_domain_attrs_format(writer, def->attrs);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_START);

    vnet_xml_writer_text_element(writer, "name", def->name);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_NAME);
    vnet_uuid_format(&def->uuid, uuid);
    vnet_xml_writer_text_element(writer, "uuid", uuid);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_UUID);
    vnet_xml_writer_text_element(writer, "title", def->title);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_TITLE);
    vnet_xml_writer_text_element(writer, "description", def->description);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_DESCRIPTION);
    if (def->memory_set)
        format_text_with_attrs(writer, "memory", def->memory_attrs, "unit", def->memory_unit,
                               def->memory);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_MEMORY);
    if (def->vcpu)
        format_text_with_attrs(writer, "vcpu", def->vcpu_attrs, NULL, NULL, def->vcpu);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_VCPU);
    if (def->os)
        format_os(writer, def->os);
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_OS);

    if (def->bandwidth_groups->len) {
        vnet_xml_writer_start(writer, "bandwidthGroups");
        for (guint i = 0; i < def->bandwidth_groups->len; i++) {
            const VnetBandwidthGroup *group = g_ptr_array_index(def->bandwidth_groups, i);

            vnet_xml_writer_start(writer, "group");
            vnet_xml_writer_attr(writer, "name", group->name);
            vnet_xml_writer_attr_printf(writer, "limit", "%" G_GUINT64_FORMAT "%s",
                                        group->limit, bw_unit_suffix[group->unit]);
            vnet_xml_writer_end(writer);
        }
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_BANDWIDTH_GROUPS);

    if (def->interfaces->len || def->device_foreign->len) {
        vnet_xml_writer_start(writer, "devices");
        vnet_domain_foreign_format(writer, def->device_foreign, 0);
        for (guint i = 0; i < def->interfaces->len; i++) {
            vnet_domain_interface_def_format(writer, g_ptr_array_index(def->interfaces, i),
                                             flags);
            vnet_domain_foreign_format(writer, def->device_foreign, i + 1);
        }
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, def->foreign, ANCHOR_DEVICES);
    vnet_xml_writer_end(writer);
    return vnet_xml_writer_finish(writer);
}

/* ---- copy, free ----------------------------------------------------------- */

static GPtrArray *
attrs_copy_nullable(const GPtrArray *attrs)
{
    return attrs ? vnet_domain_attrs_copy(attrs) : NULL;
}

/**
 * vnet_domain_def_copy:
 * @def: a domain
 *
 * Returns: (transfer full): a deep copy, source lines and file name included.
 */
VnetDomainDef *
vnet_domain_def_copy(const VnetDomainDef *def)
{
    VnetDomainDef *copy;

    g_return_val_if_fail(def != NULL, NULL);

    copy = domain_def_new();
    copy->file = g_strdup(def->file);
    copy->type = def->type;
    copy->line = def->line;
    copy->name = g_strdup(def->name);
    copy->uuid = def->uuid;
    copy->uuid_generated = def->uuid_generated;
    copy->title = g_strdup(def->title);
    copy->description = g_strdup(def->description);
    copy->memory_set = def->memory_set;
    copy->memory = def->memory;
    copy->memory_unit = g_strdup(def->memory_unit);
    copy->memory_attrs = attrs_copy_nullable(def->memory_attrs);
    copy->memory_line = def->memory_line;
    copy->vcpu = def->vcpu;
    copy->vcpu_attrs = attrs_copy_nullable(def->vcpu_attrs);
    copy->vcpu_line = def->vcpu_line;
    if (def->os) {
        copy->os = g_new0(VnetDomainOsDef, 1);
        copy->os->kernel = g_strdup(def->os->kernel);
        copy->os->initrd = g_strdup(def->os->initrd);
        copy->os->cmdline = g_strdup(def->os->cmdline);
        copy->os->attrs = vnet_domain_attrs_copy(def->os->attrs);
        copy->os->foreign = vnet_domain_foreign_copy(def->os->foreign);
        copy->os->line = def->os->line;
    }
    for (guint i = 0; i < def->bandwidth_groups->len; i++) {
        const VnetBandwidthGroup *group = g_ptr_array_index(def->bandwidth_groups, i);
        VnetBandwidthGroup *g = g_memdup2(group, sizeof(*group));

        g->name = g_strdup(group->name);
        g_ptr_array_add(copy->bandwidth_groups, g);
    }
    copy->bandwidth_groups_line = def->bandwidth_groups_line;
    copy->has_devices = def->has_devices;
    for (guint i = 0; i < def->interfaces->len; i++)
        g_ptr_array_add(copy->interfaces,
                        vnet_domain_interface_def_copy(g_ptr_array_index(def->interfaces, i)));
    g_ptr_array_unref(copy->device_foreign);
    copy->device_foreign = vnet_domain_foreign_copy(def->device_foreign);
    g_ptr_array_unref(copy->foreign);
    copy->foreign = vnet_domain_foreign_copy(def->foreign);
    copy->attrs = attrs_copy_nullable(def->attrs);
    return copy;
}

/**
 * vnet_domain_def_free:
 * @def: (nullable): a domain
 */
void
vnet_domain_def_free(VnetDomainDef *def)
{
    if (!def)
        return;
    g_free(def->file);
    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    g_free(def->memory_unit);
    g_clear_pointer(&def->memory_attrs, g_ptr_array_unref);
    g_clear_pointer(&def->vcpu_attrs, g_ptr_array_unref);
    os_free(def->os);
    g_clear_pointer(&def->bandwidth_groups, g_ptr_array_unref);
    g_clear_pointer(&def->interfaces, g_ptr_array_unref);
    g_clear_pointer(&def->device_foreign, g_ptr_array_unref);
    g_clear_pointer(&def->attrs, g_ptr_array_unref);
    g_clear_pointer(&def->foreign, g_ptr_array_unref);
    g_free(def);
}
