/* domain_validate.c: rules across fields and NICs of a parsed domain, run on
 * the def (no document, no host access). Each message starts "FILE:LINE:"
 * with the line of the element at fault and names the domain and NIC. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "util/vnet-i18n.h"

/* Prints "FILE:LINE: domain 'NAME', interface N: " + the message. */
static void
iface_error(GError **error, const VnetDomainDef *def, const VnetDomainInterfaceDef *iface,
            guint line, const char *format, ...) G_GNUC_PRINTF(5, 6);

static void
iface_error(GError **error, const VnetDomainDef *def, const VnetDomainInterfaceDef *iface,
            guint line, const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, def->file, line ? line : iface->line,
                      _("domain '%s', interface %u (type '%s'): %s"), def->name,
                      iface->index + 1, vnet_domain_interface_type_to_string(iface->type), text);
}

static gboolean
kind_is_switched(VnetDomainInterfaceType type)
{
    switch (type) {
    case VNET_DOMAIN_INTERFACE_TYPE_DIRECT:
    case VNET_DOMAIN_INTERFACE_TYPE_NETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_BRIDGE:
    case VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK:
    case VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY:
    case VNET_DOMAIN_INTERFACE_TYPE_INTERNAL:
        return TRUE;
    default:
        return FALSE;
    }
}

static gboolean
validate_virtualport(const VnetDomainDef *def, const VnetDomainInterfaceDef *iface,
                     GError **error)
{
    const VnetVirtualPortDef *vp = iface->virtualport;
    g_autoptr(GError) local = NULL;

    if (!vp)
        return TRUE;
    if (iface->type != VNET_DOMAIN_INTERFACE_TYPE_DIRECT &&
        iface->type != VNET_DOMAIN_INTERFACE_TYPE_NETWORK) {
        iface_error(error, def, iface, vp->line,
                    _("element <virtualport>: 802.1Qbg/802.1Qbh virtualports are only allowed "
                      "on interfaces of type 'direct' or 'network'"));
        return FALSE;
    }
    if (iface->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT) {
        if (vp->type == VNET_VIRTUAL_PORT_TYPE_NONE) {
            iface_error(error, def, iface, vp->line,
                        _("element <virtualport>: attribute 'type' is required on a 'direct' "
                          "interface (802.1Qbg or 802.1Qbh); only a network can complete an "
                          "untyped virtualport"));
            return FALSE;
        }
        if (iface->direct_mode == VNET_DIRECT_MODE_BRIDGE) {
            iface_error(error, def, iface, vp->line,
                        _("element <virtualport>: a virtualport needs the adjacent switch, so "
                          "source mode 'bridge' cannot have one (use vepa, private or "
                          "passthrough)"));
            return FALSE;
        }
    }
    /* A network NIC may leave parameters to its portgroup or network; the
     * merged result is checked when the domain starts. */
    if (iface->type == VNET_DOMAIN_INTERFACE_TYPE_NETWORK &&
        vp->type != VNET_VIRTUAL_PORT_TYPE_NONE)
        return TRUE;
    if (!vnet_virtual_port_def_check(vp, def->file, &local)) {
        const char *msg = local->message;
        g_autofree char *prefix = g_strdup_printf("%s:%u: ", def->file, vp->line);

        if (g_str_has_prefix(msg, prefix))
            msg += strlen(prefix);
        iface_error(error, def, iface, vp->line, "%s", msg);
        return FALSE;
    }
    return TRUE;
}

static guint
user_nic_ordinal(const VnetDomainDef *def, const VnetDomainInterfaceDef *iface)
{
    guint n = 0;

    for (guint i = 0; i < iface->index; i++) {
        const VnetDomainInterfaceDef *other = g_ptr_array_index(def->interfaces, i);

        if (other->type == VNET_DOMAIN_INTERFACE_TYPE_USER)
            n++;
    }
    return n;
}

static gboolean
validate_user(const VnetDomainDef *def, const VnetDomainInterfaceDef *iface, GError **error)
{
    g_autofree char *what = g_strdup_printf(_("domain '%s', interface %u"), def->name,
                                            iface->index + 1);
    VnetDomainIpAddr v4_default = {0};
    const VnetDomainIpAddr *v4 = iface->user_ip4;

    if (!v4) {
        /* DESIGN: the first NAT NIC gets 10.0.2.0/24, the next 10.0.3.0/24, ... */
        g_autofree char *net =
            g_strdup_printf("10.0.%u.0", 2 + user_nic_ordinal(def, iface));
        vnet_inet_parse(net, AF_INET, &v4_default.address);
        v4_default.prefix = 24;
        v4 = &v4_default;
    }
    if (!vnet_port_forward_check_list(iface->port_forwards, def->file, what, error))
        return FALSE;
    for (guint i = 0; i < iface->port_forwards->len; i++) {
        const VnetPortForward *rule = g_ptr_array_index(iface->port_forwards, i);
        const VnetDomainIpAddr *subnet;
        g_autofree char *guest = NULL;
        g_autofree char *net = NULL;

        if (!rule->guest_address.family)
            continue;
        subnet = rule->guest_address.family == AF_INET ? v4 : iface->user_ip6;
        guest = vnet_inet_to_string(&rule->guest_address);
        if (!subnet) {
            iface_error(error, def, iface, rule->line,
                        _("element <portForward name='%s'>, attribute 'guestAddress': %s is "
                          "IPv6 but the interface has no IPv6 subnet (<ip family='ipv6'>)"),
                        rule->name, guest);
            return FALSE;
        }
        if (!vnet_inet_in_subnet(&rule->guest_address, &subnet->address, subnet->prefix)) {
            net = vnet_inet_to_string(&subnet->address);
            iface_error(error, def, iface, rule->line,
                        _("element <portForward name='%s'>, attribute 'guestAddress': %s is "
                          "outside the interface's NAT subnet %s/%u"),
                        rule->name, guest, net, subnet->prefix);
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
validate_interface(const VnetDomainDef *def, const VnetDomainInterfaceDef *iface,
                   GError **error)
{
    if (iface->mtu > 1500 && !vnet_nic_model_supports_jumbo(iface->model)) {
        iface_error(error, def, iface, iface->mtu_line,
                    _("element <mtu>, attribute 'size': %u is over 1500, which model '%s' "
                      "cannot carry (PCnet cards drop jumbo frames); use at most 1500 or "
                      "another model"),
                    iface->mtu, vnet_nic_model_to_string(iface->model));
        return FALSE;
    }
    if (iface->bandwidth && iface->bandwidth->group &&
        !vnet_domain_def_find_bandwidth_group(def, iface->bandwidth->group)) {
        GString *names = g_string_new(NULL);
        g_autofree char *list = NULL;

        for (guint i = 0; i < def->bandwidth_groups->len; i++) {
            const VnetBandwidthGroup *g = g_ptr_array_index(def->bandwidth_groups, i);
            g_string_append_printf(names, "%s'%s'", names->len ? ", " : "", g->name);
        }
        list = g_string_free(names, FALSE);
        iface_error(error, def, iface, iface->bandwidth->line,
                    _("element <bandwidth>, attribute 'group': no bandwidth group '%s' in "
                      "<bandwidthGroups> (defined: %s)"),
                    iface->bandwidth->group, *list ? list : _("none"));
        return FALSE;
    }
    if (iface->vlan && !kind_is_switched(iface->type)) {
        iface_error(error, def, iface, iface->vlan->line,
                    _("element <vlan>: VLAN tags need a switched attachment (direct, network, "
                      "bridge, natnetwork, hostonly or internal)"));
        return FALSE;
    }
    if (iface->promisc && !kind_is_switched(iface->type)) {
        iface_error(error, def, iface, iface->promisc_line,
                    _("element <promiscuous>: a promiscuous policy needs a switched attachment "
                      "(direct, network, bridge, natnetwork, hostonly or internal)"));
        return FALSE;
    }
    if (iface->promisc && iface->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT &&
        iface->promisc == VNET_PROMISC_POLICY_ALLOW_VMS &&
        iface->direct_mode != VNET_DIRECT_MODE_BRIDGE) {
        iface_error(error, def, iface, iface->promisc_line,
                    _("element <promiscuous>, attribute 'policy': 'allow-vms' needs source "
                      "mode 'bridge' on a direct interface (other macvtap modes do not see "
                      "the other guests' traffic)"));
        return FALSE;
    }
    if (iface->type == VNET_DOMAIN_INTERFACE_TYPE_ROUTED && iface->routed_addrs->len == 0) {
        iface_error(error, def, iface, 0,
                    _("a host-routed interface needs at least one <ip address='...'/> (the "
                      "guest's addresses, routed by the host)"));
        return FALSE;
    }
    if (iface->type == VNET_DOMAIN_INTERFACE_TYPE_MCAST) {
        const VnetInetAddr *a = &iface->source_address;
        gboolean multicast = a->family == AF_INET ? (a->u.bytes[0] & 0xf0) == 0xe0
                                                  : a->u.bytes[0] == 0xff;
        if (!multicast) {
            g_autofree char *addr = vnet_inet_to_string(a);
            iface_error(error, def, iface, iface->source_line,
                        _("element <source>, attribute 'address': %s is not a multicast "
                          "address (224.0.0.0/4 or ff00::/8)"),
                        addr);
            return FALSE;
        }
    }
    if (iface->type == VNET_DOMAIN_INTERFACE_TYPE_USER && !validate_user(def, iface, error))
        return FALSE;
    return validate_virtualport(def, iface, error);
}

static gboolean
validate_pairs(const VnetDomainDef *def, GError **error)
{
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *a = g_ptr_array_index(def->interfaces, i);

        for (guint j = 0; j < i; j++) {
            const VnetDomainInterfaceDef *b = g_ptr_array_index(def->interfaces, j);

            if (vnet_mac_equal(&a->mac, &b->mac)) {
                char mac[VNET_MAC_STRLEN];

                vnet_mac_format(&a->mac, mac);
                iface_error(error, def, a, a->mac_line,
                            _("element <mac>, attribute 'address': %s is already used by "
                              "interface %u (line %u); MAC addresses must be unique"),
                            mac, b->index + 1, b->line);
                return FALSE;
            }
            if (a->target_dev && b->target_dev && g_str_equal(a->target_dev, b->target_dev)) {
                iface_error(error, def, a, a->target_line,
                            _("element <target>, attribute 'dev': '%s' is already used by "
                              "interface %u (line %u)"),
                            a->target_dev, b->index + 1, b->line);
                return FALSE;
            }
            if (a->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT &&
                b->type == VNET_DOMAIN_INTERFACE_TYPE_DIRECT &&
                g_str_equal(a->source_dev, b->source_dev) &&
                (a->direct_mode == VNET_DIRECT_MODE_PASSTHROUGH ||
                 b->direct_mode == VNET_DIRECT_MODE_PASSTHROUGH)) {
                iface_error(error, def, a, a->source_line,
                            _("element <source>, attribute 'dev': interface %u (line %u) "
                              "also uses '%s', and passthrough mode gives one interface the "
                              "device to itself"),
                            b->index + 1, b->line, a->source_dev);
                return FALSE;
            }
        }
    }
    return TRUE;
}

/**
 * vnet_domain_def_validate:
 * @def: a parsed domain
 * @error: return location for a #GError
 *
 * Checks the rules that span fields or NICs: unique MACs and target names,
 * MTU against the NIC model, bandwidth-group references, virtualport
 * placement and completeness, exclusive passthrough devices, port forwards,
 * and which settings each NIC kind allows. Touches nothing on the host.
 *
 * Returns: %TRUE when valid; else %FALSE with @error (CONFIG_INVALID) set.
 */
gboolean
vnet_domain_def_validate(const VnetDomainDef *def, GError **error)
{
    g_return_val_if_fail(def != NULL, FALSE);
    vnet_i18n_init();

    for (guint i = 0; i < def->interfaces->len; i++)
        if (!validate_interface(def, g_ptr_array_index(def->interfaces, i), error))
            return FALSE;
    return validate_pairs(def, error);
}
