/* network_validate.c: the semantic rules of one network (addresses inside
 * subnets, DHCP ranges and hosts, what each kind may carry, port forwards)
 * and across networks (bridge names, IPv4 subnets). No host access: the
 * driver checks that devices and bridges exist. Every message starts with
 * the "FILE:LINE:" of the element at fault. */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"

/* libvirt's and dnsmasq's shortest lease. */
#define LEASE_MIN_SECONDS 120
#define NAT_PREFIX_MIN 8
#define NAT_PREFIX_MAX 30
#define DHCP6_PREFIX 64

static gboolean fail(GError **error, const VnetNetworkDef *def, guint line, const char *format,
                     ...) G_GNUC_PRINTF(4, 5);

static gboolean
fail(GError **error, const VnetNetworkDef *def, guint line, const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    vnet_xml_error_at(error, VNET_ERROR_CONFIG_INVALID, def->file, line, "%s", text);
    return FALSE;
}

static char *
subnet_string(const VnetInetAddr *addr, guint prefix)
{
    VnetInetAddr net;
    char buf[VNET_INET_STRLEN];

    vnet_inet_network(addr, prefix, &net);
    vnet_inet_format(&net, buf);
    return g_strdup_printf("%s/%u", buf, prefix);
}

static const char *
mode_name(const VnetNetworkDef *def)
{
    const char *mode = vnet_network_forward_mode_to_string(def->forward.mode);

    return mode ? mode : "none";
}

/* ---- names ------------------------------------------------------------------- */

static gboolean
check_name(const VnetNetworkDef *def, GError **error)
{
    if (!def->name || !*def->name)
        return fail(error, def, def->name_line ? def->name_line : def->line, "%s",
                    _("element <name> is empty; a network needs a name"));
    if (strlen(def->name) > VNET_NETWORK_NAME_MAX)
        return fail(error, def, def->name_line,
                    _("element <name>: '%s' is longer than %d characters"), def->name,
                    VNET_NETWORK_NAME_MAX);
    for (const char *p = def->name; *p; p++) {
        if (*p == '/' || g_ascii_iscntrl(*p))
            return fail(error, def, def->name_line,
                        _("element <name>: '%s' contains '%s'; names may not contain '/' or "
                          "control characters"),
                        def->name, *p == '/' ? "/" : _("a control character"));
    }
    return TRUE;
}

/* ---- IP and DHCP --------------------------------------------------------------- */

typedef struct {
    const VnetNetworkDef *def;
    const VnetNetworkIpDef *ip;
    guint prefix;
    VnetInetAddr net;
    char *subnet;
} IpContext;

static gboolean
check_inside(const IpContext *c, guint line, const char *element, const char *attr,
             const VnetInetAddr *addr, GError **error)
{
    char buf[VNET_INET_STRLEN];

    vnet_inet_format(addr, buf);
    if (!vnet_inet_in_subnet(addr, &c->net, c->prefix))
        return fail(error, c->def, line,
                    _("element <%s>, attribute '%s': %s is outside %s"), element, attr, buf,
                    c->subnet);
    if (addr->family == AF_INET) {
        VnetInetAddr last;

        vnet_inet_last(&c->net, c->prefix, &last);
        if (vnet_inet_equal(addr, &c->net) || vnet_inet_equal(addr, &last))
            return fail(error, c->def, line,
                        _("element <%s>, attribute '%s': %s is the %s address of %s; "
                          "expected a host address"),
                        element, attr, buf,
                        vnet_inet_equal(addr, &c->net) ? _("network") : _("broadcast"),
                        c->subnet);
    }
    return TRUE;
}

static gboolean
check_lease(const IpContext *c, const VnetNetworkLease *lease, GError **error)
{
    guint64 factor = 60;

    if (!lease->set || lease->expiry == 0)
        return TRUE;
    if (lease->unit == VNET_NETWORK_LEASE_UNIT_SECONDS)
        factor = 1;
    else if (lease->unit == VNET_NETWORK_LEASE_UNIT_HOURS)
        factor = 3600;
    if (lease->expiry * factor < LEASE_MIN_SECONDS)
        return fail(error, c->def, lease->line,
                    _("element <lease>, attribute 'expiry': %" G_GUINT64_FORMAT
                      " %s is shorter than the minimum of %d seconds; use 0 for a lease that "
                      "never expires"),
                    lease->expiry,
                    vnet_network_lease_unit_to_string(lease->unit)
                        ? vnet_network_lease_unit_to_string(lease->unit)
                        : "minutes",
                    LEASE_MIN_SECONDS);
    return TRUE;
}

static gboolean
check_range(const IpContext *c, const VnetNetworkDhcpRange *range, GError **error)
{
    char start[VNET_INET_STRLEN], end[VNET_INET_STRLEN], gw[VNET_INET_STRLEN];
    const VnetNetworkDhcp *dhcp = c->ip->dhcp;

    if (!check_inside(c, range->line, "range", "start", &range->start, error) ||
        !check_inside(c, range->line, "range", "end", &range->end, error))
        return FALSE;
    vnet_inet_format(&range->start, start);
    vnet_inet_format(&range->end, end);
    if (vnet_inet_compare(&range->start, &range->end) > 0)
        return fail(error, c->def, range->line,
                    _("element <range>: start %s is after end %s; expected start <= end"),
                    start, end);
    if (vnet_inet_compare(&range->start, &c->ip->address) <= 0 &&
        vnet_inet_compare(&c->ip->address, &range->end) <= 0) {
        vnet_inet_format(&c->ip->address, gw);
        return fail(error, c->def, range->line,
                    _("element <range>: %s-%s contains the gateway %s (the host's address); "
                      "expected a range without it"),
                    start, end, gw);
    }
    if (vnet_inet_is_set(&dhcp->server) &&
        vnet_inet_compare(&range->start, &dhcp->server) <= 0 &&
        vnet_inet_compare(&dhcp->server, &range->end) <= 0) {
        vnet_inet_format(&dhcp->server, gw);
        return fail(error, c->def, range->line,
                    _("element <range>: %s-%s contains the DHCP server's address %s; "
                      "expected a range without it"),
                    start, end, gw);
    }
    for (guint i = 0; i < dhcp->ranges->len; i++) {
        const VnetNetworkDhcpRange *other = dhcp->ranges->pdata[i];
        char ostart[VNET_INET_STRLEN], oend[VNET_INET_STRLEN];

        if (other == range)
            break;
        if (vnet_inet_compare(&range->start, &other->end) > 0 ||
            vnet_inet_compare(&other->start, &range->end) > 0)
            continue;
        vnet_inet_format(&other->start, ostart);
        vnet_inet_format(&other->end, oend);
        return fail(error, c->def, range->line,
                    _("element <range>: %s-%s overlaps the range %s-%s of line %u"), start,
                    end, ostart, oend, other->line);
    }
    return check_lease(c, &range->lease, error);
}

static gboolean
check_host(const IpContext *c, const VnetNetworkDhcpHost *host, GError **error)
{
    const VnetNetworkDhcp *dhcp = c->ip->dhcp;
    char ip[VNET_INET_STRLEN];

    vnet_inet_format(&host->ip, ip);
    if (c->ip->address.family == AF_INET && host->id)
        return fail(error, c->def, host->line,
                    _("element <host>, attribute 'id': a DUID names IPv6 hosts; an IPv4 host "
                      "is named by 'mac' or 'name'"));
    if (c->ip->address.family == AF_INET6 && host->mac_set)
        return fail(error, c->def, host->line,
                    _("element <host>, attribute 'mac': IPv6 hosts are named by 'id' (a "
                      "DHCPv6 DUID) or 'name', not by MAC address"));
    if (!check_inside(c, host->line, "host", "ip", &host->ip, error))
        return FALSE;
    if (vnet_inet_equal(&host->ip, &c->ip->address))
        return fail(error, c->def, host->line,
                    _("element <host>, attribute 'ip': %s is the gateway (the host's "
                      "address); expected a guest address"),
                    ip);
    for (guint i = 0; i < dhcp->hosts->len; i++) {
        const VnetNetworkDhcpHost *other = dhcp->hosts->pdata[i];

        if (other == host)
            break;
        if (host->mac_set && other->mac_set && vnet_mac_equal(&host->mac, &other->mac)) {
            char mac[VNET_MAC_STRLEN];

            vnet_mac_format(&host->mac, mac);
            return fail(error, c->def, host->line,
                        _("element <host>, attribute 'mac': %s is already given to the host "
                          "of line %u; expected a unique MAC address"),
                        mac, other->line);
        }
        if (vnet_inet_equal(&host->ip, &other->ip))
            return fail(error, c->def, host->line,
                        _("element <host>, attribute 'ip': %s is already given to the host of "
                          "line %u; expected a unique address"),
                        ip, other->line);
        if (host->id && g_strcmp0(host->id, other->id) == 0)
            return fail(error, c->def, host->line,
                        _("element <host>, attribute 'id': '%s' is already used by the host "
                          "of line %u; expected a unique DUID"),
                        host->id, other->line);
    }
    return check_lease(c, &host->lease, error);
}

static gboolean
check_dhcp(const IpContext *c, GError **error)
{
    const VnetNetworkDhcp *dhcp = c->ip->dhcp;

    if (c->ip->address.family == AF_INET6 && c->prefix != DHCP6_PREFIX)
        return fail(error, c->def, dhcp->line,
                    _("element <dhcp>: DHCPv6 needs a /%d subnet; the <ip> of line %u has "
                      "prefix %u"),
                    DHCP6_PREFIX, c->ip->line, c->prefix);
    if (vnet_inet_is_set(&dhcp->server) &&
        !check_inside(c, dhcp->line, "dhcp", "server", &dhcp->server, error))
        return FALSE;
    for (guint i = 0; i < dhcp->ranges->len; i++)
        if (!check_range(c, dhcp->ranges->pdata[i], error))
            return FALSE;
    for (guint i = 0; i < dhcp->hosts->len; i++)
        if (!check_host(c, dhcp->hosts->pdata[i], error))
            return FALSE;
    if (dhcp->bootp_file && c->ip->address.family != AF_INET)
        return fail(error, c->def, dhcp->bootp_line, "%s",
                    _("element <bootp>: network boot options are for IPv4 DHCP only"));
    return TRUE;
}

static gboolean
check_ip(const VnetNetworkDef *def, const VnetNetworkIpDef *ip, GError **error)
{
    IpContext c = {.def = def, .ip = ip, .prefix = vnet_network_ip_def_prefix(ip)};
    g_autofree char *subnet = NULL;
    gboolean ok;

    if ((def->kind == VNET_NETWORK_KIND_NAT || def->kind == VNET_NETWORK_KIND_HOSTONLY) &&
        ip->address.family == AF_INET &&
        (c.prefix < NAT_PREFIX_MIN || c.prefix > NAT_PREFIX_MAX))
        return fail(error, def, ip->line,
                    _("element <ip>, attribute '%s': prefix %u is outside %d-%d, the sizes a "
                      "%s network may have"),
                    vnet_inet_is_set(&ip->netmask) ? "netmask" : "prefix", c.prefix,
                    NAT_PREFIX_MIN, NAT_PREFIX_MAX,
                    def->kind == VNET_NETWORK_KIND_NAT ? "NAT" : _("host-only"));
    vnet_inet_network(&ip->address, c.prefix, &c.net);
    subnet = c.subnet = subnet_string(&ip->address, c.prefix);
    if (c.prefix + 1 < vnet_inet_family_bits(ip->address.family) &&
        !check_inside(&c, ip->line, "ip", "address", &ip->address, error))
        return FALSE;
    if (ip->tftp_root && !g_path_is_absolute(ip->tftp_root))
        return fail(error, def, ip->line,
                    _("element <tftp>, attribute 'root': '%s' is not an absolute path"),
                    ip->tftp_root);
    if (ip->tftp_root && ip->address.family != AF_INET)
        return fail(error, def, ip->line, "%s",
                    _("element <tftp>: TFTP is served on IPv4 addresses only"));
    ok = !ip->dhcp || check_dhcp(&c, error);
    return ok;
}

static gboolean
check_ips(const VnetNetworkDef *def, GError **error)
{
    const VnetNetworkIpDef *dhcp4 = NULL;
    const VnetNetworkIpDef *dhcp6 = NULL;

    for (guint i = 0; i < def->ips->len; i++) {
        const VnetNetworkIpDef *ip = def->ips->pdata[i];
        const VnetNetworkIpDef **seen = ip->address.family == AF_INET ? &dhcp4 : &dhcp6;

        if (!check_ip(def, ip, error))
            return FALSE;
        if (!ip->dhcp)
            continue;
        if (*seen)
            return fail(error, def, ip->dhcp->line,
                        _("element <dhcp>: only one %s <ip> may run DHCP; the <ip> of line %u "
                          "already does"),
                        ip->address.family == AF_INET ? "IPv4" : "IPv6", (*seen)->line);
        *seen = ip;
    }
    return TRUE;
}

static gboolean
check_routes(const VnetNetworkDef *def, GError **error)
{
    for (guint i = 0; i < def->routes->len; i++) {
        const VnetNetworkRouteDef *route = def->routes->pdata[i];
        guint prefix = vnet_network_route_def_prefix(route);
        VnetInetAddr net;
        char addr[VNET_INET_STRLEN], gw[VNET_INET_STRLEN];
        gboolean reachable = FALSE;

        vnet_inet_format(&route->address, addr);
        vnet_inet_format(&route->gateway, gw);
        vnet_inet_network(&route->address, prefix, &net);
        if (!vnet_inet_equal(&net, &route->address)) {
            g_autofree char *subnet = subnet_string(&route->address, prefix);

            return fail(error, def, route->line,
                        _("element <route>, attribute 'address': %s has host bits set for "
                          "prefix %u; expected the network address %s"),
                        addr, prefix, subnet);
        }
        for (guint j = 0; j < def->ips->len && !reachable; j++) {
            const VnetNetworkIpDef *ip = def->ips->pdata[j];

            reachable = ip->address.family == route->gateway.family &&
                        vnet_inet_in_subnet(&route->gateway, &ip->address,
                                            vnet_network_ip_def_prefix(ip));
        }
        if (!reachable)
            return fail(error, def, route->line,
                        _("element <route>, attribute 'gateway': %s is not inside any <ip> "
                          "subnet of this network, so it cannot be reached"),
                        gw);
    }
    return TRUE;
}

/* ---- port forwards ---------------------------------------------------------------- */

/**
 * vnet_network_def_check_port_forwards:
 * @def: the network the rules belong to
 * @rules: (element-type VnetPortForward): the rules
 * @error: return location for an error
 *
 * Checks port-forward rules against @def: only NAT networks have them,
 * every rule names a guest address inside one of the network's subnets of
 * its family, host and guest addresses are of one family, and names and
 * (protocol, host address, host port) are unique.
 *
 * Returns: TRUE when the rules are valid.
 */
gboolean
vnet_network_def_check_port_forwards(const VnetNetworkDef *def, const GPtrArray *rules,
                                     GError **error)
{
    g_autofree char *what = NULL;

    vnet_i18n_init();
    for (guint i = 0; i < rules->len; i++) {
        const VnetPortForward *rule = rules->pdata[i];
        const VnetNetworkIpDef *home = NULL;
        char guest[VNET_INET_STRLEN];

        if (def->kind != VNET_NETWORK_KIND_NAT)
            return fail(error, def, rule->line,
                        _("element <portForward>: rule '%s': port forwards belong to NAT "
                          "networks (forward mode 'nat'); this network's mode is '%s'"),
                        rule->name, mode_name(def));
        if (!vnet_inet_is_set(&rule->guest_address))
            return fail(error, def, rule->line,
                        _("element <portForward>: rule '%s' needs attribute 'guestAddress' "
                          "(the guest the traffic goes to)"),
                        rule->name);
        vnet_inet_format(&rule->guest_address, guest);
        if (vnet_inet_is_set(&rule->host_address) &&
            rule->host_address.family != rule->guest_address.family)
            return fail(error, def, rule->line,
                        _("element <portForward>: rule '%s': hostAddress and guestAddress "
                          "must be of one family (both IPv4 or both IPv6)"),
                        rule->name);
        for (guint j = 0; j < def->ips->len && !home; j++) {
            const VnetNetworkIpDef *ip = def->ips->pdata[j];

            if (ip->address.family == rule->guest_address.family &&
                vnet_inet_in_subnet(&rule->guest_address, &ip->address,
                                    vnet_network_ip_def_prefix(ip)))
                home = ip;
        }
        if (!home)
            return fail(error, def, rule->line,
                        _("element <portForward>, attribute 'guestAddress': %s is outside "
                          "every %s subnet of network '%s'"),
                        guest, rule->guest_address.family == AF_INET ? "IPv4" : "IPv6",
                        def->name);
        if (vnet_inet_equal(&rule->guest_address, &home->address))
            return fail(error, def, rule->line,
                        _("element <portForward>, attribute 'guestAddress': %s is the gateway "
                          "(the host's address); expected a guest address"),
                        guest);
    }
    what = g_strdup_printf(_("network '%s'"), def->name);
    return vnet_port_forward_check_list(rules, def->file, what, error);
}

/* ---- what each kind may carry -------------------------------------------------------- */

static gboolean
check_forward(const VnetNetworkDef *def, GError **error)
{
    const VnetNetworkForwardDef *fwd = &def->forward;
    VnetNetworkKind kind = def->kind;

    if (kind == VNET_NETWORK_KIND_OPEN && fwd->dev)
        return fail(error, def, fwd->line,
                    _("element <forward>, attribute 'dev': mode 'open' sends traffic out no "
                      "particular device; remove dev='%s'"),
                    fwd->dev);
    if ((kind == VNET_NETWORK_KIND_NAT || kind == VNET_NETWORK_KIND_ROUTE) && fwd->ifs->len > 1)
        return fail(error, def, fwd->line,
                    _("element <forward>: mode '%s' takes one outgoing device; %u "
                      "<interface> elements given"),
                    mode_name(def), fwd->ifs->len);
    if ((kind == VNET_NETWORK_KIND_HOSTONLY || kind == VNET_NETWORK_KIND_INTERNAL) &&
        (fwd->dev || fwd->ifs->len))
        return fail(error, def, fwd->line,
                    _("element <forward>: a %s network forwards nothing out of the host; "
                      "remove the outgoing device"),
                    vnet_network_kind_to_string(kind));
    if (kind == VNET_NETWORK_KIND_BRIDGE && !def->bridge_name)
        return fail(error, def, fwd->line, "%s",
                    _("element <forward>: a bridged network (mode 'bridge') needs <bridge "
                      "name='...'> naming an existing host bridge, or <interface dev='...'> "
                      "devices for a direct pool"));
    if (kind == VNET_NETWORK_KIND_BRIDGE && (fwd->dev || fwd->ifs->len))
        return fail(error, def, fwd->line,
                    _("element <forward>: a bridged network uses either <bridge name='%s'> "
                      "or a pool of <interface> devices, not both"),
                    def->bridge_name);
    if (vnet_network_kind_is_pool(kind) && fwd->ifs->len == 0)
        return fail(error, def, fwd->line,
                    _("element <forward>: a direct pool (mode '%s') needs at least one "
                      "<interface dev='...'> device"),
                    mode_name(def));
    for (guint i = 0; i < fwd->ifs->len; i++) {
        const VnetNetworkForwardIf *fi = fwd->ifs->pdata[i];

        for (guint j = 0; j < i; j++) {
            const VnetNetworkForwardIf *other = fwd->ifs->pdata[j];

            if (g_str_equal(fi->dev, other->dev))
                return fail(error, def, fi->line,
                            _("element <interface>, attribute 'dev': '%s' is already in the "
                              "pool (line %u); expected each device once"),
                            fi->dev, other->line);
        }
    }
    if (fwd->nat_set && kind != VNET_NETWORK_KIND_NAT)
        return fail(error, def, fwd->nat_line,
                    _("element <nat>: masquerade settings belong to NAT networks; this "
                      "network's mode is '%s'"),
                    mode_name(def));
    if (vnet_inet_is_set(&fwd->nat_addr_start) &&
        vnet_inet_compare(&fwd->nat_addr_start, &fwd->nat_addr_end) > 0) {
        g_autofree char *s = vnet_inet_to_string(&fwd->nat_addr_start);
        g_autofree char *e = vnet_inet_to_string(&fwd->nat_addr_end);

        return fail(error, def, fwd->nat_line,
                    _("element <address>: start %s is after end %s; expected start <= end"), s,
                    e);
    }
    if (fwd->nat_port_start > fwd->nat_port_end)
        return fail(error, def, fwd->nat_line,
                    _("element <port>: start %u is after end %u; expected start <= end"),
                    fwd->nat_port_start, fwd->nat_port_end);
    return vnet_network_def_check_port_forwards(def, fwd->port_forwards, error);
}

/* A network without a host address on it (bridged, pools, internal) has no
 * DHCP, DNS or routes. */
static gboolean
check_no_host_presence(const VnetNetworkDef *def, GError **error)
{
    const char *why;
    const VnetNetworkRouteDef *route = def->routes->len ? def->routes->pdata[0] : NULL;
    const VnetNetworkIpDef *ip = def->ips->len ? def->ips->pdata[0] : NULL;

    if (def->kind == VNET_NETWORK_KIND_INTERNAL)
        why = _("an internal network has no host address");
    else if (def->kind == VNET_NETWORK_KIND_BRIDGE || vnet_network_kind_is_pool(def->kind))
        why = _("the host has no address on a bridged network or direct pool");
    else
        return TRUE;
    if (ip)
        return fail(error, def, ip->line,
                    _("element <ip>: %s (forward mode '%s'); remove <ip>%s"), why,
                    mode_name(def),
                    def->kind == VNET_NETWORK_KIND_INTERNAL
                        ? _(" or make it a host-only network (mode 'hostonly')")
                        : "");
    if (vnet_network_dns_def_has_content(def->dns))
        return fail(error, def, def->dns->line, _("element <dns>: %s, so no DNS server runs "
                                                  "on it"),
                    why);
    if (def->domain_name)
        return fail(error, def, def->domain_line,
                    _("element <domain>: %s, so no DNS server serves domain '%s'"), why,
                    def->domain_name);
    if (route)
        return fail(error, def, route->line, _("element <route>: %s to route through"), why);
    if (def->kind != VNET_NETWORK_KIND_INTERNAL && def->mac_set)
        return fail(error, def, def->mac_line,
                    _("element <mac>: %s; vnet creates no bridge whose MAC it could set"),
                    why);
    if (vnet_network_kind_is_pool(def->kind) && def->bridge_set)
        return fail(error, def, def->bridge_line,
                    _("element <bridge>: a direct pool (mode '%s') has no bridge"),
                    mode_name(def));
    return TRUE;
}

static gboolean
check_virtualport_and_vlan(const VnetNetworkDef *def, GError **error)
{
    gboolean pool = vnet_network_kind_is_pool(def->kind);
    guint defaults = 0;

    if (def->virtualport && !pool)
        return fail(error, def, def->virtualport->line,
                    _("element <virtualport>: 802.1Qbg/802.1Qbh port profiles belong to "
                      "direct pools (forward mode vepa, private, bridge with <interface>, "
                      "passthrough); this network's mode is '%s'"),
                    mode_name(def));
    if (def->vlan && pool)
        return fail(error, def, def->vlan->line,
                    _("element <vlan>: macvtap devices of a direct pool (mode '%s') cannot "
                      "tag VLANs; use a VLAN device in the pool"),
                    mode_name(def));
    for (guint i = 0; i < def->portgroups->len; i++) {
        const VnetNetworkPortGroupDef *pg = def->portgroups->pdata[i];

        for (guint j = 0; j < i; j++) {
            const VnetNetworkPortGroupDef *other = def->portgroups->pdata[j];

            if (g_str_equal(pg->name, other->name))
                return fail(error, def, pg->line,
                            _("element <portgroup>, attribute 'name': '%s' is already used "
                              "by the portgroup of line %u; expected a unique name"),
                            pg->name, other->line);
        }
        if (pg->is_default == VNET_TRISTATE_YES && defaults++)
            return fail(error, def, pg->line,
                        _("element <portgroup>, attribute 'default': portgroup '%s' is the "
                          "second default; expected at most one"),
                        pg->name);
        if (pg->virtualport && !pool)
            return fail(error, def, pg->virtualport->line,
                        _("element <virtualport>: portgroup '%s': port profiles belong to "
                          "direct pools; this network's mode is '%s'"),
                        pg->name, mode_name(def));
        if (pg->vlan && pool)
            return fail(error, def, pg->vlan->line,
                        _("element <vlan>: portgroup '%s': macvtap devices of a direct pool "
                          "cannot tag VLANs"),
                        pg->name);
    }
    return TRUE;
}

static gboolean
check_kind(const VnetNetworkDef *def, GError **error)
{
    if (def->kind == VNET_NETWORK_KIND_NAT && !vnet_network_def_ipv4(def)) {
        gboolean v6_nat = def->forward.nat_ipv6 == VNET_TRISTATE_YES && def->ips->len > 0;

        if (!v6_nat)
            return fail(error, def, def->forward.line, "%s",
                        _("element <forward>: a NAT network needs an IPv4 <ip address='...' "
                          "prefix='...'> (the subnet its guests share), or <nat ipv6='yes'/> "
                          "with an IPv6 <ip>"));
    }
    if (def->mac_set && !vnet_mac_is_unicast(&def->mac)) {
        char mac[VNET_MAC_STRLEN];

        vnet_mac_format(&def->mac, mac);
        return fail(error, def, def->mac_line,
                    _("element <mac>, attribute 'address': %s is a multicast address; "
                      "expected a unicast MAC address"),
                    mac);
    }
    if (def->dns && def->dns->enable == VNET_TRISTATE_NO &&
        (def->dns->forwarders->len || def->dns->txts->len || def->dns->srvs->len ||
         def->dns->hosts->len || def->dns->forward_plain_names != VNET_TRISTATE_ABSENT))
        return fail(error, def, def->dns->line, "%s",
                    _("element <dns>: enable='no' switches DNS off, but records or "
                      "forwarders are given; remove them or enable DNS"));
    return check_no_host_presence(def, error) && check_virtualport_and_vlan(def, error);
}

/**
 * vnet_network_def_validate:
 * @def: a parsed def
 * @error: return location for an error
 *
 * Checks the rules within one network (see network_conf.h and the issue's
 * list): names, what the kind allows, addresses inside subnets, DHCP
 * ranges and hosts, leases, routes, port forwards. The first broken rule
 * is reported as "FILE:LINE: element <E>, attribute 'A': VALUE ...; expected".
 *
 * Returns: TRUE when @def is valid.
 */
gboolean
vnet_network_def_validate(const VnetNetworkDef *def, GError **error)
{
    g_return_val_if_fail(def != NULL, FALSE);
    vnet_i18n_init();

    return check_name(def, error) && check_kind(def, error) && check_forward(def, error) &&
           check_ips(def, error) && check_routes(def, error);
}

/* ---- across networks ------------------------------------------------------------------ */

/**
 * vnet_network_def_check_conflicts:
 * @def: the network being defined
 * @others: (array length=n_others): the networks already defined
 * @n_others: how many
 * @error: return location for an error
 *
 * Two networks may not share a bridge name, nor have overlapping IPv4
 * subnets (their guests could not tell the gateways apart). A def in
 * @others with @def's UUID is the version @def replaces and is skipped.
 *
 * Returns: TRUE when @def conflicts with none of @others.
 */
gboolean
vnet_network_def_check_conflicts(const VnetNetworkDef *def, const VnetNetworkDef *const *others,
                                 guint n_others, GError **error)
{
    g_return_val_if_fail(def != NULL, FALSE);
    vnet_i18n_init();

    for (guint i = 0; i < n_others; i++) {
        const VnetNetworkDef *other = others[i];

        if (other == def || (def->uuid_set && other->uuid_set &&
                             vnet_uuid_equal(&def->uuid, &other->uuid)))
            continue;
        if (def->bridge_name && g_strcmp0(def->bridge_name, other->bridge_name) == 0)
            return fail(error, def, def->bridge_line,
                        _("element <bridge>, attribute 'name': bridge '%s' is already used by "
                          "network '%s'; expected a bridge name of this network's own"),
                        def->bridge_name, other->name);
        for (guint a = 0; a < def->ips->len; a++) {
            const VnetNetworkIpDef *ip = def->ips->pdata[a];
            guint prefix = vnet_network_ip_def_prefix(ip);

            if (ip->address.family != AF_INET)
                continue;
            for (guint b = 0; b < other->ips->len; b++) {
                const VnetNetworkIpDef *oip = other->ips->pdata[b];
                guint oprefix = vnet_network_ip_def_prefix(oip);
                g_autofree char *mine = NULL;
                g_autofree char *theirs = NULL;

                if (oip->address.family != AF_INET ||
                    !vnet_inet_subnets_overlap(&ip->address, prefix, &oip->address, oprefix))
                    continue;
                mine = subnet_string(&ip->address, prefix);
                theirs = subnet_string(&oip->address, oprefix);
                return fail(error, def, ip->line,
                            _("element <ip>, attribute 'address': subnet %s overlaps %s of "
                              "network '%s'; expected a subnet no other network uses"),
                            mine, theirs, other->name);
            }
        }
    }
    return TRUE;
}
