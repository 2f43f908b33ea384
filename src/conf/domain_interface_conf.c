/* domain_interface_conf.c: one <interface> of a domain, for every NIC kind:
 * parse (with post-parse defaults), format, copy, free. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "util/vnet-i18n.h"
#include "util/vnet-string.h"

VNET_ENUM_IMPL(vnet_domain_interface_type, VNET_DOMAIN_INTERFACE_TYPE_LAST, NULL, "direct",
               "network", "bridge", "natnetwork", "hostonly", "internal", "user", "routed", "udp",
               "mcast", "server", "client", "vde", "ethernet", "null");
VNET_ENUM_IMPL(vnet_direct_mode, VNET_DIRECT_MODE_LAST, NULL, "vepa", "bridge", "private",
               "passthrough");
VNET_ENUM_IMPL(vnet_nic_model, VNET_NIC_MODEL_LAST, NULL, "virtio", "e1000", "e1000e", "rtl8139",
               "pcnet", "Am79C970A", "Am79C973", "82540EM", "82543GC", "82545EM");
VNET_ENUM_IMPL(vnet_link_state, VNET_LINK_STATE_LAST, NULL, "up", "down");
VNET_ENUM_IMPL(vnet_promisc_policy, VNET_PROMISC_POLICY_LAST, NULL, "deny", "allow-vms",
               "allow-all");
VNET_ENUM_IMPL(vnet_mac_type, VNET_MAC_TYPE_LAST, NULL, "generated", "static");

/* QEMU's device for each model. VirtualBox's PCnet chips are both QEMU's
 * "pcnet" (an Am79C970A); its PRO/1000 variants map to the matching e1000
 * flavours QEMU has. */
static const char *const model_qemu_device[VNET_NIC_MODEL_LAST] = {
    [VNET_NIC_MODEL_VIRTIO] = "virtio-net-pci",  [VNET_NIC_MODEL_E1000] = "e1000",
    [VNET_NIC_MODEL_E1000E] = "e1000e",          [VNET_NIC_MODEL_RTL8139] = "rtl8139",
    [VNET_NIC_MODEL_PCNET] = "pcnet",            [VNET_NIC_MODEL_AM79C970A] = "pcnet",
    [VNET_NIC_MODEL_AM79C973] = "pcnet",         [VNET_NIC_MODEL_82540EM] = "e1000",
    [VNET_NIC_MODEL_82543GC] = "e1000-82544gc", [VNET_NIC_MODEL_82545EM] = "e1000-82545em",
};

/* Interface types libvirt has whose realization is outside vnet's scope. */
static const char *const unsupported_types[] = {"hostdev", "vhostuser", "vdpa", "vds"};

/* Interface children that change the NIC's network behaviour in ways vnet
 * cannot honour, with the feature each stands for. */
static const struct {
    const char *element;
    const char *feature;
} unsupported_children[] = {
    {"teaming", N_("<teaming> (virtio failover teaming)")},
    {"filterref", N_("<filterref> (libvirt network filters)")},
    {"coalesce", N_("<coalesce> (interrupt coalescing)")},
};

/* libvirt's interface children about the hypervisor side, which vnet keeps
 * verbatim for the guest backend (plus <ip>, <route> and, on ethernet/null,
 * <source> where vnet gives them no meaning). */
static const char *const kept_children[] = {
    "address", "alias", "boot", "rom", "acpi", "driver", "tune", "guest",
    "backend", "script", "downscript", "port", "ip", "route", "source", NULL,
};

/* Every child name vnet knows, for "did you mean". */
static const char *const known_children[] = {
    "mac", "source", "target", "model", "link", "mtu", "bandwidth", "vlan", "virtualport",
    "promiscuous", "ip", "gateway", "portForward", "guest", "address", "alias", "boot", "rom",
    "acpi",
    "driver", "tune", "guest", "backend", "script", "downscript", "port", "route",
};

/* Anchors for kept children inside <interface>: the known kind before. */
enum {
    IF_ANCHOR_START,
    IF_ANCHOR_MAC,
    IF_ANCHOR_SOURCE,
    IF_ANCHOR_TARGET,
    IF_ANCHOR_GUEST,
    IF_ANCHOR_MODEL,
    IF_ANCHOR_LINK,
    IF_ANCHOR_MTU,
    IF_ANCHOR_BANDWIDTH,
    IF_ANCHOR_VLAN,
    IF_ANCHOR_VIRTUALPORT,
    IF_ANCHOR_PROMISC,
    IF_ANCHOR_IP,
    IF_ANCHOR_GATEWAY,
    IF_ANCHOR_PORT_FORWARD,
};

#define ROUTED_DEFAULT_GATEWAY "169.255.30.1"
#define INTERNAL_DEFAULT_NAME "intnet"
/* Most single-port rules one libvirt <portForward> may expand into. */
#define MAX_EXPANDED_RULES 1024

/**
 * vnet_nic_model_qemu_device:
 * @model: a model
 *
 * Returns: (nullable): QEMU's -device name for it.
 */
const char *
vnet_nic_model_qemu_device(VnetNicModel model)
{
    if (model <= VNET_NIC_MODEL_NONE || model >= VNET_NIC_MODEL_LAST)
        return NULL;
    return model_qemu_device[model];
}

/**
 * vnet_nic_model_supports_jumbo:
 * @model: a model
 *
 * Returns: whether frames over 1500 bytes get through (the PCnet chips drop
 * them).
 */
gboolean
vnet_nic_model_supports_jumbo(VnetNicModel model)
{
    return model != VNET_NIC_MODEL_PCNET && model != VNET_NIC_MODEL_AM79C970A &&
           model != VNET_NIC_MODEL_AM79C973;
}

/**
 * vnet_domain_interface_def_internal_name:
 * @iface: an interface of type internal
 *
 * Returns: its internal network's name ("intnet" when not given).
 */
const char *
vnet_domain_interface_def_internal_name(const VnetDomainInterfaceDef *iface)
{
    return iface->source_name ? iface->source_name : INTERNAL_DEFAULT_NAME;
}

/**
 * vnet_domain_interface_def_routed_gateway:
 * @iface: an interface of type routed
 * @ret: (out): its gateway (169.255.30.1 when not given)
 */
void
vnet_domain_interface_def_routed_gateway(const VnetDomainInterfaceDef *iface, VnetInetAddr *ret)
{
    if (vnet_inet_is_set(&iface->routed_gateway))
        *ret = iface->routed_gateway;
    else
        vnet_inet_parse(ROUTED_DEFAULT_GATEWAY, AF_INET, ret);
}

/* ---- parse helpers -------------------------------------------------------- */

static gboolean
once(const xmlNode *node, gboolean *seen, GError **error)
{
    if (*seen) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <interface>: element <%s> is given twice"),
                       (const char *)node->name);
        return FALSE;
    }
    *seen = TRUE;
    return TRUE;
}

static gboolean
parse_ifname_attr(const xmlNode *node, const char *name, gboolean required, char **ret,
                  GError **error)
{
    if (!vnet_xml_prop_string(node, name, required, ret, error))
        return FALSE;
    if (*ret && !vnet_domain_ifname_is_valid(*ret)) {
        vnet_xml_error_bad_attr(error, node, name, *ret,
                                _("an interface name of 1 to 15 characters without '/', ':' "
                                  "or spaces"));
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_nonempty_attr(const xmlNode *node, const char *name, gboolean required, char **ret,
                    const char *expected, GError **error)
{
    if (!vnet_xml_prop_string(node, name, required, ret, error))
        return FALSE;
    if (*ret && !**ret) {
        vnet_xml_error_bad_attr(error, node, name, "", expected);
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_port(const xmlNode *node, const char *name, gboolean required, guint *ret, GError **error)
{
    guint64 port = 0;
    gboolean present = FALSE;

    if (!vnet_xml_prop_uint(node, name, 1, 65535, required, &port, &present, error))
        return FALSE;
    if (present)
        *ret = (guint)port;
    return TRUE;
}

static gboolean
parse_mac(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    g_autofree char *raw = NULL;
    int mac_type = VNET_MAC_TYPE_NONE;

    iface->mac_line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_mac(node, "address", TRUE, &iface->mac, NULL, error))
        return FALSE;
    if (!vnet_mac_is_unicast(&iface->mac)) {
        raw = vnet_xml_prop(node, "address");
        vnet_xml_error_bad_attr(error, node, "address", raw,
                                _("a unicast MAC address (the least significant bit of the "
                                  "first byte clear)"));
        return FALSE;
    }

    if (!vnet_xml_prop_enum(node, "type", &vnet_mac_type_table, FALSE, &mac_type, error) ||
        !vnet_xml_prop_tristate(node, "check", &iface->mac_check, error))
        return FALSE;
    iface->mac_type = mac_type;
    /* libvirt's way of asking for a fresh address: all zeros. */
    iface->mac_generated = vnet_mac_is_zero(&iface->mac);
    return TRUE;
}

static gboolean
parse_ip_addr(const xmlNode *node, int family, guint max_prefix, VnetDomainIpAddr **ret,
              GError **error)
{
    g_autofree VnetDomainIpAddr *ip = g_new0(VnetDomainIpAddr, 1);
    guint64 prefix = 0;

    ip->line = vnet_xml_node_line(node);
    if (!vnet_xml_prop_inet(node, "address", family, TRUE, &ip->address, error))
        return FALSE;
    if (!vnet_xml_prop_uint(node, "prefix", 0, vnet_inet_family_bits(ip->address.family), FALSE,
                            &prefix, &ip->prefix_set, error))
        return FALSE;
    ip->prefix = (guint)prefix;
    if (ip->prefix_set && max_prefix && ip->prefix > max_prefix) {
        g_autofree char *value = g_strdup_printf("%u", ip->prefix);
        g_autofree char *expected = g_strdup_printf(_("a prefix length of at most %u"),
                                                    max_prefix);
        vnet_xml_error_bad_attr(error, node, "prefix", value, expected);
        return FALSE;
    }
    *ret = g_steal_pointer(&ip);
    return TRUE;
}

/* libvirt's 'family' attribute on <ip>, checked against the address. */
static gboolean
check_ip_family(const xmlNode *node, const VnetDomainIpAddr *ip, GError **error)
{
    g_autofree char *family = vnet_xml_prop(node, "family");
    const char *actual = ip->address.family == AF_INET6 ? "ipv6" : "ipv4";

    if (family && !g_str_equal(family, actual)) {
        g_autofree char *address = vnet_inet_to_string(&ip->address);
        g_autofree char *expected =
            g_strdup_printf(_("'%s', the family of address %s"), actual, address);
        vnet_xml_error_bad_attr(error, node, "family", family, expected);
        return FALSE;
    }
    return TRUE;
}

static gboolean
parse_user_ip(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    g_autofree VnetDomainIpAddr *ip = NULL;
    VnetDomainIpAddr **slot;
    VnetInetAddr network;

    /* IPv4 needs room for the gateway (.2), DNS (.3) and guest (.15). */
    if (!parse_ip_addr(node, 0, 0, &ip, error) || !check_ip_family(node, ip, error))
        return FALSE;
    if (ip->address.family == AF_INET && ip->prefix_set && ip->prefix > 28) {
        g_autofree char *value = g_strdup_printf("%u", ip->prefix);
        vnet_xml_error_bad_attr(error, node, "prefix", value,
                                _("a prefix length of at most 28 (the subnet must hold the "
                                  "gateway .2, DNS .3 and guest .15)"));
        return FALSE;
    }
    if (ip->address.family == AF_INET6 && ip->prefix_set && ip->prefix > 120) {
        g_autofree char *value = g_strdup_printf("%u", ip->prefix);
        vnet_xml_error_bad_attr(error, node, "prefix", value, _("a prefix length of at most 120"));
        return FALSE;
    }
    if (!ip->prefix_set) {
        ip->prefix = ip->address.family == AF_INET ? 24 : 64;
        ip->prefix_set = TRUE;
    }
    vnet_inet_network(&ip->address, ip->prefix, &network);
    if (!vnet_inet_equal(&network, &ip->address)) {
        g_autofree char *raw = vnet_xml_prop(node, "address");
        g_autofree char *net = vnet_inet_to_string(&network);
        g_autofree char *expected =
            g_strdup_printf(_("the subnet's network address (%s for prefix %u)"), net,
                            ip->prefix);
        vnet_xml_error_bad_attr(error, node, "address", raw, expected);
        return FALSE;
    }
    slot = ip->address.family == AF_INET ? &iface->user_ip4 : &iface->user_ip6;
    if (*slot) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <ip>: the user-mode NAT subnet for %s is already given on "
                         "line %u"),
                       ip->address.family == AF_INET ? "IPv4" : "IPv6", (*slot)->line);
        return FALSE;
    }
    *slot = g_steal_pointer(&ip);
    return TRUE;
}

static gboolean
parse_routed_ip(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    VnetDomainIpAddr *ip = NULL;

    if (!parse_ip_addr(node, 0, 0, &ip, error))
        return FALSE;
    g_ptr_array_add(iface->routed_addrs, ip);
    if (!check_ip_family(node, ip, error))
        return FALSE;
    if (ip->prefix_set && ip->prefix != vnet_inet_family_bits(ip->address.family)) {
        g_autofree char *value = g_strdup_printf("%u", ip->prefix);
        g_autofree char *expected =
            g_strdup_printf(_("%u: host-routed guests get one host route per address"),
                            vnet_inet_family_bits(ip->address.family));
        vnet_xml_error_bad_attr(error, node, "prefix", value, expected);
        return FALSE;
    }
    for (guint i = 0; i + 1 < iface->routed_addrs->len; i++) {
        const VnetDomainIpAddr *other = g_ptr_array_index(iface->routed_addrs, i);

        if (vnet_inet_equal(&other->address, &ip->address)) {
            g_autofree char *addr = vnet_inet_to_string(&ip->address);
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                           _("element <ip>, attribute 'address': %s is already listed on "
                             "line %u"),
                           addr, other->line);
            return FALSE;
        }
    }
    return TRUE;
}

/* libvirt's <portForward proto address [dev]><range start [end] [to]
 * [exclude]/></portForward>, expanded into single-port vnet rules. */
static gboolean
parse_libvirt_port_forward(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    int protocol = VNET_PORT_PROTOCOL_NONE;
    VnetInetAddr address = {0};
    g_autofree char *dev = vnet_xml_prop(node, "dev");
    g_autofree guint *guest_of = g_new0(guint, 65536); /* host port -> guest port */
    guint count = 0;

    if (dev) {
        vnet_xml_error_unsupported(error, node,
                                   _("binding a port forward to a host device (attribute "
                                     "'dev')"));
        return FALSE;
    }
    if (!vnet_xml_prop_enum(node, "proto", &vnet_port_protocol_table, TRUE, &protocol, error) ||
        !vnet_xml_prop_inet(node, "address", 0, FALSE, &address, error))
        return FALSE;
    if (!vnet_xml_first_element(node)) {
        vnet_xml_error_missing_child(error, node, "range");
        return FALSE;
    }

    for (int pass = 0; pass < 2; pass++) {
        /* First the included ranges, then the excluded ones cut holes. */
        vnet_xml_foreach_element(range, node) {
            guint start = 0, end = 0, to = 0;
            VnetTristate exclude = VNET_TRISTATE_ABSENT;

            if (!vnet_xml_is_element(range, "range")) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, range,
                               _("element <portForward>: unexpected child element <%s>; "
                                 "expected <range>"),
                               (const char *)range->name);
                return FALSE;
            }
            if (!parse_port(range, "start", TRUE, &start, error) ||
                !parse_port(range, "end", FALSE, &end, error) ||
                !parse_port(range, "to", FALSE, &to, error) ||
                !vnet_xml_prop_tristate(range, "exclude", &exclude, error))
                return FALSE;
            if (end && end < start) {
                g_autofree char *value = g_strdup_printf("%u", end);
                g_autofree char *expected = g_strdup_printf(_("a port from %u to 65535"), start);
                vnet_xml_error_bad_attr(error, range, "end", value, expected);
                return FALSE;
            }
            if (!end)
                end = start;
            if (to && to + (end - start) > 65535) {
                g_autofree char *value = g_strdup_printf("%u", to);
                vnet_xml_error_bad_attr(error, range, "to", value,
                                        _("a port that leaves room for the whole range below "
                                          "65536"));
                return FALSE;
            }
            if ((exclude == VNET_TRISTATE_YES) != (pass == 1))
                continue;
            if (exclude == VNET_TRISTATE_YES && to) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, range,
                               _("element <range>: an excluded range cannot have 'to'"));
                return FALSE;
            }
            for (guint p = start; p <= end; p++) {
                if (pass == 1) {
                    count -= guest_of[p] ? 1 : 0;
                    guest_of[p] = 0;
                    continue;
                }
                count += guest_of[p] ? 0 : 1;
                guest_of[p] = to ? to + (p - start) : p;
            }
            if (count > MAX_EXPANDED_RULES) {
                vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, range,
                               _("element <range>: the port forward expands to more than %d "
                                 "single-port rules"),
                               MAX_EXPANDED_RULES);
                return FALSE;
            }
        }
    }
    for (guint p = 1; p < 65536; p++) {
        VnetPortForward *rule;

        if (!guest_of[p])
            continue;
        rule = g_new0(VnetPortForward, 1);
        rule->name = g_strdup_printf("%s-%u", vnet_port_protocol_to_string(protocol), p);
        rule->protocol = protocol;
        rule->host_address = address;
        rule->host_port = p;
        rule->guest_port = guest_of[p];
        rule->line = vnet_xml_node_line(node);
        g_ptr_array_add(iface->port_forwards, rule);
    }
    return TRUE;
}

static gboolean
parse_port_forward(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    g_autofree char *proto = vnet_xml_prop(node, "proto");
    VnetPortForward *rule;

    if (proto || vnet_xml_child(node, "range"))
        return parse_libvirt_port_forward(node, iface, error);
    rule = vnet_port_forward_parse(node, error);
    if (!rule)
        return FALSE;
    g_ptr_array_add(iface->port_forwards, rule);
    return TRUE;
}

/* <source> of each kind. Kinds without a vnet meaning for <source> keep it
 * verbatim (the caller does that when this returns FALSE with no error). */
static gboolean
parse_source(const xmlNode *node, VnetDomainInterfaceDef *iface, GError **error)
{
    int mode = VNET_DIRECT_MODE_NONE;
    const char *net_name = _("a network name");

    iface->source_line = vnet_xml_node_line(node);
    switch (iface->type) {
    case VNET_DOMAIN_INTERFACE_TYPE_DIRECT:
        if (!parse_ifname_attr(node, "dev", TRUE, &iface->source_dev, error) ||
            !vnet_xml_prop_enum(node, "mode", &vnet_direct_mode_table, FALSE, &mode, error))
            return FALSE;
        iface->direct_mode = mode;
        return TRUE;
    case VNET_DOMAIN_INTERFACE_TYPE_NETWORK: {
        VnetUuid portid;

        /* portid is libvirt's live-only port handle: checked, not kept. */
        return parse_nonempty_attr(node, "network", TRUE, &iface->source_network, net_name,
                                   error) &&
               parse_nonempty_attr(node, "portgroup", FALSE, &iface->portgroup,
                                   _("a portgroup name"), error) &&
               vnet_xml_prop_uuid(node, "portid", FALSE, &portid, NULL, error);
    }
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
        return parse_nonempty_attr(node, "network", TRUE, &iface->source_network, net_name,
                                   error);
    case VNET_DOMAIN_INTERFACE_TYPE_BRIDGE:
        return parse_ifname_attr(node, "bridge", TRUE, &iface->source_bridge, error);
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        return parse_nonempty_attr(node, "name", FALSE, &iface->source_name,
                                   _("an internal network name"), error);
    case VNET_DOMAIN_INTERFACE_TYPE_UDP: {
        xmlNode *local = vnet_xml_child(node, "local");

        if (!vnet_xml_prop_inet(node, "address", 0, TRUE, &iface->source_address, error) ||
            !parse_port(node, "port", TRUE, &iface->source_port, error))
            return FALSE;
        if (!local) {
            vnet_xml_error_missing_child(error, node, "local");
            return FALSE;
        }
        return vnet_xml_prop_inet(local, "address", 0, TRUE, &iface->local_address, error) &&
               parse_port(local, "port", TRUE, &iface->local_port, error);
    }
    case VNET_DOMAIN_INTERFACE_TYPE_MCAST:
    case VNET_DOMAIN_INTERFACE_TYPE_CLIENT:
        return vnet_xml_prop_inet(node, "address", 0, TRUE, &iface->source_address, error) &&
               parse_port(node, "port", TRUE, &iface->source_port, error);
    case VNET_DOMAIN_INTERFACE_TYPE_SERVER:
        return vnet_xml_prop_inet(node, "address", 0, FALSE, &iface->source_address, error) &&
               parse_port(node, "port", TRUE, &iface->source_port, error);
    case VNET_DOMAIN_INTERFACE_TYPE_VDE: {
        guint64 port = 0;

        if (!parse_nonempty_attr(node, "switch", TRUE, &iface->vde_switch,
                                 _("the path of a VDE switch socket directory"), error))
            return FALSE;
        if (!g_path_is_absolute(iface->vde_switch)) {
            vnet_xml_error_bad_attr(error, node, "switch", iface->vde_switch,
                                    _("an absolute path"));
            return FALSE;
        }
        if (!vnet_xml_prop_uint(node, "port", 1, G_MAXINT32, FALSE, &port, NULL, error))
            return FALSE;
        iface->vde_port = (guint)port;
        return TRUE;
    }
    default:
        g_assert_not_reached();
    }
}

static gboolean
type_uses_source(VnetDomainInterfaceType type)
{
    return type != VNET_DOMAIN_INTERFACE_TYPE_USER && type != VNET_DOMAIN_INTERFACE_TYPE_ROUTED &&
           type != VNET_DOMAIN_INTERFACE_TYPE_ETHERNET && type != VNET_DOMAIN_INTERFACE_TYPE_NULL;
}

/* Refuses, before anything else, what vnet cannot honour, so the error names
 * the feature rather than a detail inside it. */
static gboolean
reject_unsupported(const xmlNode *node, const char *type, GError **error)
{
    for (guint i = 0; i < G_N_ELEMENTS(unsupported_types); i++) {
        if (g_str_equal(type, unsupported_types[i])) {
            g_autofree char *feature = g_strdup_printf(_("interface type '%s'"), type);
            vnet_xml_error_unsupported(error, node, feature);
            return FALSE;
        }
    }
    vnet_xml_foreach_element(child, node) {
        for (guint i = 0; i < G_N_ELEMENTS(unsupported_children); i++) {
            if (vnet_xml_is_element(child, unsupported_children[i].element)) {
                vnet_xml_error_unsupported(error, child, _(unsupported_children[i].feature));
                return FALSE;
            }
        }
        if (vnet_xml_is_element(child, "backend")) {
            g_autofree char *backend = vnet_xml_prop(child, "type");

            if (backend && !g_str_equal(backend, "default")) {
                g_autofree char *feature =
                    g_strdup_printf(_("backend type '%s' (vnet provides user-mode NAT itself)"),
                                    backend);
                vnet_xml_error_unsupported(error, child, feature);
                return FALSE;
            }
        }
    }
    /* After the loop above, so that passt's own backend is what gets named. */
    vnet_xml_foreach_element(child, node) {
        if (vnet_xml_is_element(child, "source") && g_str_equal(type, "user") &&
            xmlHasProp(child, BAD_CAST "dev")) {
            vnet_xml_error_unsupported(error, child,
                                       _("an upstream device for user-mode NAT (<source dev>)"));
            return FALSE;
        }
    }
    return TRUE;
}

static VnetDomainInterfaceDef *
interface_new(void)
{
    VnetDomainInterfaceDef *iface = g_new0(VnetDomainInterfaceDef, 1);

    iface->port_forwards = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_port_forward_free);
    iface->routed_addrs = g_ptr_array_new_with_free_func(g_free);
    iface->foreign = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_domain_foreign_free);
    return iface;
}

static gboolean
parse_child(const xmlNode *child, VnetDomainInterfaceDef *iface, gboolean *seen, guint *anchor,
            GError **error)
{
    VnetDomainInterfaceType t = iface->type;
    gboolean is_user = t == VNET_DOMAIN_INTERFACE_TYPE_USER;
    gboolean is_routed = t == VNET_DOMAIN_INTERFACE_TYPE_ROUTED;
    int value;
    guint64 ifindex = 0;

    if (vnet_xml_is_element(child, "mac")) {
        *anchor = IF_ANCHOR_MAC;
        return once(child, &seen[IF_ANCHOR_MAC], error) && parse_mac(child, iface, error);
    }
    if (vnet_xml_is_element(child, "source") && type_uses_source(t)) {
        *anchor = IF_ANCHOR_SOURCE;
        return once(child, &seen[IF_ANCHOR_SOURCE], error) && parse_source(child, iface, error);
    }
    if (vnet_xml_is_element(child, "target")) {
        *anchor = IF_ANCHOR_TARGET;
        iface->target_line = vnet_xml_node_line(child);
        if (!once(child, &seen[IF_ANCHOR_TARGET], error) ||
            !parse_ifname_attr(child, "dev", TRUE, &iface->target_dev, error) ||
            !vnet_xml_prop_tristate(child, "managed", &iface->target_managed, error))
            return FALSE;
        /* Live XML (status files) carries the host ifindex too. */
        return vnet_xml_prop_uint(child, "ifindex", 1, G_MAXINT32, FALSE, &ifindex, NULL,
                                  error) &&
               (iface->target_ifindex = (int)ifindex, TRUE);
    }
    if (vnet_xml_is_element(child, "guest") && child->properties &&
        !child->properties->next && xmlHasProp(child, BAD_CAST "dev")) {
        /* <guest dev> alone is the NIC's name inside the guest; other forms
         * (libvirt's actual=) are kept verbatim below. */
        *anchor = IF_ANCHOR_GUEST;
        return once(child, &seen[IF_ANCHOR_GUEST], error) &&
               parse_ifname_attr(child, "dev", TRUE, &iface->guest_dev, error);
    }
    if (vnet_xml_is_element(child, "model")) {
        value = VNET_NIC_MODEL_NONE;
        *anchor = IF_ANCHOR_MODEL;
        iface->model_line = vnet_xml_node_line(child);
        if (!once(child, &seen[IF_ANCHOR_MODEL], error) ||
            !vnet_xml_prop_enum(child, "type", &vnet_nic_model_table, TRUE, &value, error))
            return FALSE;
        iface->model = value;
        return TRUE;
    }
    if (vnet_xml_is_element(child, "link")) {
        value = VNET_LINK_STATE_NONE;
        *anchor = IF_ANCHOR_LINK;
        if (!once(child, &seen[IF_ANCHOR_LINK], error) ||
            !vnet_xml_prop_enum(child, "state", &vnet_link_state_table, TRUE, &value, error))
            return FALSE;
        iface->link_state = value;
        return TRUE;
    }
    if (vnet_xml_is_element(child, "mtu")) {
        *anchor = IF_ANCHOR_MTU;
        return once(child, &seen[IF_ANCHOR_MTU], error) &&
               vnet_mtu_parse(child, &iface->mtu, &iface->mtu_line, error);
    }
    if (vnet_xml_is_element(child, "bandwidth")) {
        guint flags = VNET_BANDWIDTH_PARSE_ALLOW_GROUP;

        /* libvirt: a guaranteed floor needs a network that shares the link. */
        if (t == VNET_DOMAIN_INTERFACE_TYPE_NETWORK)
            flags |= VNET_BANDWIDTH_PARSE_ALLOW_FLOOR;
        *anchor = IF_ANCHOR_BANDWIDTH;
        if (!once(child, &seen[IF_ANCHOR_BANDWIDTH], error))
            return FALSE;
        iface->bandwidth = vnet_bandwidth_def_parse(child, flags, error);
        return iface->bandwidth != NULL;
    }
    if (vnet_xml_is_element(child, "vlan")) {
        *anchor = IF_ANCHOR_VLAN;
        if (!once(child, &seen[IF_ANCHOR_VLAN], error))
            return FALSE;
        iface->vlan = vnet_vlan_def_parse(child, error);
        return iface->vlan != NULL;
    }
    if (vnet_xml_is_element(child, "virtualport")) {
        *anchor = IF_ANCHOR_VIRTUALPORT;
        if (!once(child, &seen[IF_ANCHOR_VIRTUALPORT], error))
            return FALSE;
        iface->virtualport = vnet_virtual_port_def_parse(child, error);
        return iface->virtualport &&
               vnet_virtual_port_def_fill_defaults(iface->virtualport, error);
    }
    if (vnet_xml_is_element(child, "promiscuous")) {
        value = VNET_PROMISC_POLICY_NONE;
        *anchor = IF_ANCHOR_PROMISC;
        iface->promisc_line = vnet_xml_node_line(child);
        if (!once(child, &seen[IF_ANCHOR_PROMISC], error) ||
            !vnet_xml_prop_enum(child, "policy", &vnet_promisc_policy_table, TRUE, &value,
                                error))
            return FALSE;
        iface->promisc = value;
        return TRUE;
    }
    if (vnet_xml_is_element(child, "ip") && (is_user || is_routed)) {
        *anchor = IF_ANCHOR_IP;
        return is_user ? parse_user_ip(child, iface, error) : parse_routed_ip(child, iface, error);
    }
    if (vnet_xml_is_element(child, "gateway") && is_routed) {
        *anchor = IF_ANCHOR_GATEWAY;
        iface->routed_gateway_line = vnet_xml_node_line(child);
        return once(child, &seen[IF_ANCHOR_GATEWAY], error) &&
               vnet_xml_prop_inet(child, "address", AF_INET, TRUE, &iface->routed_gateway,
                                  error);
    }
    if (vnet_xml_is_element(child, "portForward")) {
        if (!is_user) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <portForward>: port forwarding is only available on "
                             "interfaces of type 'user' (per-NIC NAT), not '%s'"),
                           vnet_domain_interface_type_to_string(t));
            return FALSE;
        }
        *anchor = IF_ANCHOR_PORT_FORWARD;
        return parse_port_forward(child, iface, error);
    }
    if (vnet_xml_is_element(child, "gateway") || vnet_xml_is_element(child, "promiscuous")) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                       _("element <%s> is not allowed in an interface of type '%s'"),
                       (const char *)child->name, vnet_domain_interface_type_to_string(t));
        return FALSE;
    }
    if (!g_strv_contains(kept_children, (const char *)child->name) || child->ns) {
        const char *suggestion = vnet_string_suggest((const char *)child->name, known_children,
                                                     G_N_ELEMENTS(known_children));
        if (suggestion)
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <interface>: unknown child element <%s> (did you mean "
                             "<%s>?)"),
                           (const char *)child->name, suggestion);
        else
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <interface>: unknown child element <%s>"),
                           (const char *)child->name);
        return FALSE;
    }
    vnet_domain_foreign_add(iface->foreign, *anchor, child);
    return TRUE;
}

/**
 * vnet_domain_interface_def_parse:
 * @node: an <interface> element
 * @index: its position among the domain's interfaces
 * @error: return location for a #GError
 *
 * Parses one NIC and fills its MAC (52:54:00 + random; the domain parser
 * makes generated MACs unique) and virtualport instanceid when absent.
 *
 * Returns: (transfer full): the interface, or %NULL with @error set.
 */
VnetDomainInterfaceDef *
vnet_domain_interface_def_parse(const xmlNode *node, guint index, GError **error)
{
    static const char *const known_attrs[] = {"type", NULL};
    g_autoptr(VnetDomainInterfaceDef) iface = interface_new();
    g_autofree char *type = NULL;
    int type_value = VNET_DOMAIN_INTERFACE_TYPE_NONE;
    gboolean seen[IF_ANCHOR_PORT_FORWARD + 1] = {FALSE};
    guint anchor = IF_ANCHOR_START;

    vnet_i18n_init();
    iface->line = vnet_xml_node_line(node);
    iface->index = index;
    type = vnet_xml_prop(node, "type");
    if (!type) {
        vnet_xml_error_missing_attr(error, node, "type");
        return NULL;
    }
    if (!reject_unsupported(node, type, error) ||
        !vnet_xml_prop_enum(node, "type", &vnet_domain_interface_type_table, TRUE, &type_value,
                            error))
        return NULL;
    iface->type = type_value;
    iface->attrs = vnet_domain_attrs_collect(node, known_attrs);

    iface->mac_generated = TRUE;
    for (xmlNode *child = node->children; child; child = child->next) {
        if (child->type == XML_COMMENT_NODE) {
            vnet_domain_foreign_add(iface->foreign, anchor, child);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (!parse_child(child, iface, seen, &anchor, error))
            return NULL;
    }

    if (type_uses_source(iface->type) && !seen[IF_ANCHOR_SOURCE] &&
        iface->type != VNET_DOMAIN_INTERFACE_TYPE_INTERNAL) {
        vnet_xml_error_missing_child(error, node, "source");
        return NULL;
    }
    if (iface->mac_generated && vnet_mac_generate(NULL, &iface->mac) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM, _("cannot generate a MAC address"));
        return NULL;
    }
    return g_steal_pointer(&iface);
}

/* ---- format --------------------------------------------------------------- */

static void
format_source(VnetXmlWriter *writer, const VnetDomainInterfaceDef *iface)
{
    switch (iface->type) {
    case VNET_DOMAIN_INTERFACE_TYPE_DIRECT:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr(writer, "dev", iface->source_dev);
        vnet_xml_writer_attr(writer, "mode", vnet_direct_mode_to_string(iface->direct_mode));
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_NETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr(writer, "network", iface->source_network);
        vnet_xml_writer_attr(writer, "portgroup", iface->portgroup);
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_BRIDGE:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr(writer, "bridge", iface->source_bridge);
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        if (!iface->source_name)
            return;
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr(writer, "name", iface->source_name);
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_UDP:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr_inet(writer, "address", &iface->source_address);
        vnet_xml_writer_attr_uint(writer, "port", iface->source_port);
        vnet_xml_writer_start(writer, "local");
        vnet_xml_writer_attr_inet(writer, "address", &iface->local_address);
        vnet_xml_writer_attr_uint(writer, "port", iface->local_port);
        vnet_xml_writer_end(writer);
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_MCAST:
    case VNET_DOMAIN_INTERFACE_TYPE_SERVER:
    case VNET_DOMAIN_INTERFACE_TYPE_CLIENT:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr_inet(writer, "address", &iface->source_address);
        vnet_xml_writer_attr_uint(writer, "port", iface->source_port);
        break;
    case VNET_DOMAIN_INTERFACE_TYPE_VDE:
        vnet_xml_writer_start(writer, "source");
        vnet_xml_writer_attr(writer, "switch", iface->vde_switch);
        if (iface->vde_port)
            vnet_xml_writer_attr_uint(writer, "port", iface->vde_port);
        break;
    default:
        return;
    }
    vnet_xml_writer_end(writer);
}

static void
format_ip(VnetXmlWriter *writer, const VnetDomainIpAddr *ip)
{
    vnet_xml_writer_start(writer, "ip");
    vnet_xml_writer_attr_inet(writer, "address", &ip->address);
    /* Redundant with the address, but libvirt always writes it. */
    vnet_xml_writer_attr(writer, "family", ip->address.family == AF_INET6 ? "ipv6" : "ipv4");
    if (ip->prefix_set)
        vnet_xml_writer_attr_uint(writer, "prefix", ip->prefix);
    vnet_xml_writer_end(writer);
}

/**
 * vnet_domain_interface_def_format:
 * @writer: where to write
 * @iface: the interface
 * @flags: #VnetDomainDefFormatFlags
 *
 * Writes <interface> canonically: known children in a fixed order, kept
 * children after the known kind they followed.
 */
void
vnet_domain_interface_def_format(VnetXmlWriter *writer, const VnetDomainInterfaceDef *iface,
                                 guint flags)
{
    const GPtrArray *kept = iface->foreign;

    vnet_xml_writer_start(writer, "interface");
    vnet_xml_writer_attr(writer, "type", vnet_domain_interface_type_to_string(iface->type));
    vnet_domain_attrs_format(writer, iface->attrs);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_START);

    vnet_xml_writer_start(writer, "mac");
    vnet_xml_writer_attr_mac(writer, "address", &iface->mac);
    vnet_xml_writer_attr(writer, "type", vnet_mac_type_to_string(iface->mac_type));
    vnet_xml_writer_attr(writer, "check", vnet_tristate_to_string(iface->mac_check));
    vnet_xml_writer_end(writer);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_MAC);

    format_source(writer, iface);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_SOURCE);

    if (iface->target_dev) {
        vnet_xml_writer_start(writer, "target");
        vnet_xml_writer_attr(writer, "dev", iface->target_dev);
        vnet_xml_writer_attr(writer, "managed", vnet_tristate_to_string(iface->target_managed));
        if ((flags & VNET_DOMAIN_DEF_FORMAT_LIVE) && iface->target_ifindex > 0)
            vnet_xml_writer_attr_uint(writer, "ifindex", (guint64)iface->target_ifindex);
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_TARGET);
    if (iface->guest_dev) {
        vnet_xml_writer_start(writer, "guest");
        vnet_xml_writer_attr(writer, "dev", iface->guest_dev);
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_GUEST);

    if (iface->model) {
        vnet_xml_writer_start(writer, "model");
        vnet_xml_writer_attr(writer, "type", vnet_nic_model_to_string(iface->model));
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_MODEL);

    if (iface->link_state) {
        vnet_xml_writer_start(writer, "link");
        vnet_xml_writer_attr(writer, "state", vnet_link_state_to_string(iface->link_state));
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_LINK);

    vnet_mtu_format(writer, iface->mtu);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_MTU);
    vnet_bandwidth_def_format(writer, iface->bandwidth);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_BANDWIDTH);
    vnet_vlan_def_format(writer, iface->vlan);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_VLAN);
    vnet_virtual_port_def_format(writer, iface->virtualport);
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_VIRTUALPORT);

    if (iface->promisc) {
        vnet_xml_writer_start(writer, "promiscuous");
        vnet_xml_writer_attr(writer, "policy", vnet_promisc_policy_to_string(iface->promisc));
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_PROMISC);

    if (iface->user_ip4)
        format_ip(writer, iface->user_ip4);
    if (iface->user_ip6)
        format_ip(writer, iface->user_ip6);
    for (guint i = 0; i < iface->routed_addrs->len; i++)
        format_ip(writer, g_ptr_array_index(iface->routed_addrs, i));
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_IP);

    if (vnet_inet_is_set(&iface->routed_gateway)) {
        vnet_xml_writer_start(writer, "gateway");
        vnet_xml_writer_attr_inet(writer, "address", &iface->routed_gateway);
        vnet_xml_writer_end(writer);
    }
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_GATEWAY);

    for (guint i = 0; i < iface->port_forwards->len; i++)
        vnet_port_forward_format(writer, g_ptr_array_index(iface->port_forwards, i));
    vnet_domain_foreign_format(writer, kept, IF_ANCHOR_PORT_FORWARD);
    vnet_xml_writer_end(writer);
}

/* ---- copy, free ----------------------------------------------------------- */

static VnetDomainIpAddr *
ip_copy(const VnetDomainIpAddr *ip)
{
    return ip ? g_memdup2(ip, sizeof(*ip)) : NULL;
}

/**
 * vnet_domain_interface_def_copy:
 * @iface: an interface
 *
 * Returns: (transfer full): a deep copy.
 */
VnetDomainInterfaceDef *
vnet_domain_interface_def_copy(const VnetDomainInterfaceDef *iface)
{
    VnetDomainInterfaceDef *copy = interface_new();
    GPtrArray *port_forwards = copy->port_forwards;
    GPtrArray *routed_addrs = copy->routed_addrs;

    g_ptr_array_unref(copy->foreign);
    *copy = *iface;
    copy->port_forwards = port_forwards;
    copy->routed_addrs = routed_addrs;
    copy->target_dev = g_strdup(iface->target_dev);
    copy->guest_dev = g_strdup(iface->guest_dev);
    copy->bandwidth = vnet_bandwidth_def_copy(iface->bandwidth);
    copy->vlan = vnet_vlan_def_copy(iface->vlan);
    copy->virtualport = vnet_virtual_port_def_copy(iface->virtualport);
    copy->source_dev = g_strdup(iface->source_dev);
    copy->source_network = g_strdup(iface->source_network);
    copy->portgroup = g_strdup(iface->portgroup);
    copy->source_bridge = g_strdup(iface->source_bridge);
    copy->source_name = g_strdup(iface->source_name);
    copy->vde_switch = g_strdup(iface->vde_switch);
    copy->user_ip4 = ip_copy(iface->user_ip4);
    copy->user_ip6 = ip_copy(iface->user_ip6);
    for (guint i = 0; i < iface->port_forwards->len; i++)
        g_ptr_array_add(copy->port_forwards,
                        vnet_port_forward_copy(g_ptr_array_index(iface->port_forwards, i)));
    for (guint i = 0; i < iface->routed_addrs->len; i++)
        g_ptr_array_add(copy->routed_addrs, ip_copy(g_ptr_array_index(iface->routed_addrs, i)));
    copy->attrs = iface->attrs ? vnet_domain_attrs_copy(iface->attrs) : NULL;
    copy->foreign = vnet_domain_foreign_copy(iface->foreign);
    return copy;
}

/**
 * vnet_domain_interface_def_free:
 * @iface: (nullable): an interface
 */
void
vnet_domain_interface_def_free(VnetDomainInterfaceDef *iface)
{
    if (!iface)
        return;
    g_free(iface->target_dev);
    g_free(iface->guest_dev);
    vnet_bandwidth_def_free(iface->bandwidth);
    vnet_vlan_def_free(iface->vlan);
    vnet_virtual_port_def_free(iface->virtualport);
    g_free(iface->source_dev);
    g_free(iface->source_network);
    g_free(iface->portgroup);
    g_free(iface->source_bridge);
    g_free(iface->source_name);
    g_free(iface->vde_switch);
    g_free(iface->user_ip4);
    g_free(iface->user_ip6);
    g_clear_pointer(&iface->port_forwards, g_ptr_array_unref);
    g_clear_pointer(&iface->routed_addrs, g_ptr_array_unref);
    g_clear_pointer(&iface->attrs, g_ptr_array_unref);
    g_clear_pointer(&iface->foreign, g_ptr_array_unref);
    g_free(iface);
}
