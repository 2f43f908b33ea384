/* netdev_portforward_conf.c: VirtualBox-style NAT port-forward rules in
 * their vnet XML form, shared by per-NIC NAT and NAT networks. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/netdev_conf.h"
#include "util/vnet-i18n.h"

VNET_ENUM_IMPL(vnet_port_protocol, VNET_PORT_PROTOCOL_LAST, NULL, "tcp", "udp");

/**
 * vnet_port_forward_name_is_valid:
 * @name: a rule name
 *
 * The one definition of a rule name, for the XML form and VirtualBox's
 * rule string alike, so a rule added from the command line is one the
 * saved XML reads back: 1 to VNET_PORT_FORWARD_NAME_MAX bytes of UTF-8,
 * printable, without ',' (the separator of VirtualBox's rule lists).
 *
 * Returns: whether @name may name a rule.
 */
gboolean
vnet_port_forward_name_is_valid(const char *name)
{
    gsize len = strlen(name);

    if (len == 0 || len > VNET_PORT_FORWARD_NAME_MAX || !g_utf8_validate(name, -1, NULL))
        return FALSE;
    for (const char *p = name; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);

        if (c == ',' || !g_unichar_isprint(c))
            return FALSE;
    }
    return TRUE;
}

/* An address attribute where "" means "not given" (VirtualBox writes
 * hostip="" for every host address). */
static gboolean
parse_optional_address(const xmlNode *node, const char *name, VnetInetAddr *ret, GError **error)
{
    g_autofree char *raw = vnet_xml_prop(node, name);

    if (!raw || !*raw)
        return TRUE;
    return vnet_xml_prop_inet(node, name, 0, FALSE, ret, error);
}

/**
 * vnet_port_forward_parse:
 * @node: a <portForward> element in vnet's form
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule, or %NULL with @error set.
 */
VnetPortForward *
vnet_port_forward_parse(const xmlNode *node, GError **error)
{
    g_autoptr(VnetPortForward) rule = g_new0(VnetPortForward, 1);
    int protocol = VNET_PORT_PROTOCOL_NONE;
    guint64 port = 0;

    vnet_i18n_init();
    rule->line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_string(node, "name", TRUE, &rule->name, error))
        return NULL;
    if (!vnet_port_forward_name_is_valid(rule->name)) {
        vnet_xml_error_bad_attr(error, node, "name", rule->name,
                                _("a rule name of 1 to 64 printable characters without ','"));
        return NULL;
    }
    if (!vnet_xml_prop_enum(node, "protocol", &vnet_port_protocol_table, TRUE, &protocol, error))
        return NULL;
    rule->protocol = protocol;
    if (!parse_optional_address(node, "hostAddress", &rule->host_address, error))
        return NULL;
    if (!vnet_xml_prop_uint(node, "hostPort", 1, 65535, TRUE, &port, NULL, error))
        return NULL;
    rule->host_port = (guint)port;
    if (!parse_optional_address(node, "guestAddress", &rule->guest_address, error))
        return NULL;
    if (!vnet_xml_prop_uint(node, "guestPort", 1, 65535, TRUE, &port, NULL, error))
        return NULL;
    rule->guest_port = (guint)port;

    if (rule->host_address.family && rule->guest_address.family &&
        rule->host_address.family != rule->guest_address.family) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <portForward>: hostAddress and guestAddress must both be "
                         "IPv4 or both IPv6"));
        return NULL;
    }
    return g_steal_pointer(&rule);
}

/**
 * vnet_port_forward_format:
 * @writer: where to write
 * @rule: the rule
 *
 * Writes <portForward name protocol hostAddress hostPort guestAddress
 * guestPort/>, leaving out addresses that are not set.
 */
void
vnet_port_forward_format(VnetXmlWriter *writer, const VnetPortForward *rule)
{
    vnet_xml_writer_start(writer, "portForward");
    vnet_xml_writer_attr(writer, "name", rule->name);
    vnet_xml_writer_attr(writer, "protocol", vnet_port_protocol_to_string(rule->protocol));
    vnet_xml_writer_attr_inet(writer, "hostAddress", &rule->host_address);
    vnet_xml_writer_attr_uint(writer, "hostPort", rule->host_port);
    vnet_xml_writer_attr_inet(writer, "guestAddress", &rule->guest_address);
    vnet_xml_writer_attr_uint(writer, "guestPort", rule->guest_port);
    vnet_xml_writer_end(writer);
}

/**
 * vnet_port_forward_copy:
 * @rule: (nullable): the rule
 *
 * Returns: (transfer full) (nullable): a deep copy.
 */
VnetPortForward *
vnet_port_forward_copy(const VnetPortForward *rule)
{
    VnetPortForward *copy;

    if (!rule)
        return NULL;
    copy = g_memdup2(rule, sizeof(*rule));
    copy->name = g_strdup(rule->name);
    return copy;
}

/**
 * vnet_port_forward_equal:
 * @a: (nullable): a rule
 * @b: (nullable): a rule
 *
 * Returns: whether both say the same (source lines are not compared).
 */
gboolean
vnet_port_forward_equal(const VnetPortForward *a, const VnetPortForward *b)
{
    if (!a || !b)
        return a == b;
    return g_strcmp0(a->name, b->name) == 0 && a->protocol == b->protocol &&
           vnet_inet_equal(&a->host_address, &b->host_address) && a->host_port == b->host_port &&
           vnet_inet_equal(&a->guest_address, &b->guest_address) &&
           a->guest_port == b->guest_port;
}

/**
 * vnet_port_forward_free:
 * @rule: (nullable): the rule
 */
void
vnet_port_forward_free(VnetPortForward *rule)
{
    if (!rule)
        return;
    g_free(rule->name);
    g_free(rule);
}

/* Two rules listen on the same socket when protocol and port match and
 * their host addresses overlap (an unset address means all of them). */
static gboolean
same_listener(const VnetPortForward *a, const VnetPortForward *b)
{
    if (a->protocol != b->protocol || a->host_port != b->host_port)
        return FALSE;
    if (!a->host_address.family || !b->host_address.family)
        return TRUE;
    return vnet_inet_equal(&a->host_address, &b->host_address);
}

/**
 * vnet_port_forward_check_list:
 * @rules: (element-type VnetPortForward): the rules
 * @file: (nullable): document name for messages
 * @what: whose rules these are, for messages
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set on a duplicate name or host socket.
 */
gboolean
vnet_port_forward_check_list(const GPtrArray *rules, const char *file, const char *what,
                             GError **error)
{
    vnet_i18n_init();
    for (guint i = 0; rules && i < rules->len; i++) {
        const VnetPortForward *r = g_ptr_array_index(rules, i);

        for (guint j = 0; j < i; j++) {
            const VnetPortForward *o = g_ptr_array_index(rules, j);

            if (g_str_equal(r->name, o->name)) {
                vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, r->line,
                                  _("%s: element <portForward>, attribute 'name': rule '%s' "
                                    "is already defined on line %u"),
                                  what, r->name, o->line);
                return FALSE;
            }
            if (same_listener(r, o)) {
                vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, file, r->line,
                                  _("%s: element <portForward name='%s'>: host port %s/%u is "
                                    "already forwarded by rule '%s' on line %u"),
                                  what, r->name, vnet_port_protocol_to_string(r->protocol),
                                  r->host_port, o->name, o->line);
                return FALSE;
            }
        }
    }
    return TRUE;
}
