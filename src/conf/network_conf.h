/* network_conf.h: network XML <-> VnetNetworkDef: parse, post-parse
 * defaults, validation and canonical formatting.
 *
 * Documents are libvirt's <network>, so libvirt users can bring theirs, with
 * VirtualBox's network kinds expressed first-class:
 *
 *   kind        how it is written
 *   ----------  ----------------------------------------------------------
 *   nat         <forward mode='nat'> (or libvirt's bare <forward/>) and an
 *               <ip>: VirtualBox's NAT network ("natnetwork")
 *   hostonly    <forward mode='hostonly'/>, or libvirt's isolated network
 *               (no <forward>) that has an <ip>: the host has an address
 *               on the network's bridge, nothing is forwarded
 *   internal    <forward mode='internal'/>, or libvirt's isolated network
 *               with no <ip>: a switch the host has no address on
 *   bridged     <forward mode='bridge'> with <bridge name='BR'/>, an
 *               existing host bridge
 *   route/open  <forward mode='route'> / <forward mode='open'> (libvirt's)
 *   direct      <forward mode='vepa|private|bridge|passthrough'> with
 *   pools       <interface dev='X'/> children: macvtap on a pool of host
 *               devices (mode='bridge' is a pool when it has devices and
 *               no <bridge name>)
 *
 * 'hostonly' and 'internal' are vnet's own forward modes. They are needed
 * because libvirt's "isolated" network (no <forward>) covers both; the
 * explicit spelling says which one is meant even before an <ip> is added
 * and lets validation refuse an address on an internal network. A document
 * without <forward> keeps its spelling when formatted (libvirt's files
 * round-trip unchanged); its kind comes from whether it has an <ip>.
 *
 * The gateway: <ip address='A' prefix='P'> gives the host's address on the
 * network, which is the guests' gateway (libvirt's meaning). VirtualBox
 * names a NAT network by its CIDR instead; write that as the network
 * address (host bits zero), e.g. <ip address='192.168.15.0' prefix='24'>,
 * and post-parse makes the gateway the first host address (.1).
 *
 * Post-parse defaults (vnet_network_def_parse_*() apply them; they are
 * separate functions so programmatic defs get the same):
 *   - a missing <uuid> is generated;
 *   - <forward dev='X'> without <interface> children gets <interface
 *     dev='X'/>, and a pool without dev gets dev= its first device
 *     (libvirt does both; the formatted document says so);
 *   - the gateway from a network address, as above;
 *   - <forward mode='hostonly'/> without <ip> gets VirtualBox's host-only
 *     defaults: 192.168.56.1/24, DHCP server 192.168.56.100 handing out
 *     .101-.254;
 *   - an empty <dhcp/> (no <range>, no <host>) gets one range: the rest of
 *     the subnet after the DHCP server's address (the gateway unless
 *     <dhcp server='...'> names another one). A <dhcp> with only <host>
 *     entries stays static-only, as in libvirt.
 *
 * Bridge names: a network whose kind needs a bridge vnet creates (nat,
 * hostonly, internal, route, open) and that has no <bridge name> keeps none
 * after parsing, so formatting stays byte-stable and the document says only
 * what its author said. The driver picks a free name when it defines the
 * network (vnet_network_def_pick_bridge_name(), pattern
 * VNET_NETWORK_BRIDGE_NAME_PATTERN) and stores it in the def, which is then
 * formatted with it, as libvirt does with virbrN.
 *
 * Every element's struct records its source line, and the def records the
 * document's file name, so validation (which runs on the def, after the
 * document is gone) reports "FILE:LINE: ...".
 *
 * Port forwards are VnetPortForward rules (netdev_conf.h) written as
 * <portForward> children of <forward mode='nat'>.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "conf/netdev_conf.h"
#include "util/vnet-enum.h"
#include "util/vnet-inet.h"
#include "util/vnet-mac.h"
#include "util/vnet-uuid.h"

/* Names vnet gives the bridges it creates for networks without one. */
#define VNET_NETWORK_BRIDGE_NAME_PATTERN "vnbr%u"
/* Longest network name (it appears in file names and D-Bus paths). */
#define VNET_NETWORK_NAME_MAX 64

/* What the network is, for the driver: derived from <forward> and <ip>. */
typedef enum {
    VNET_NETWORK_KIND_NONE,
    VNET_NETWORK_KIND_NAT,
    VNET_NETWORK_KIND_HOSTONLY,
    VNET_NETWORK_KIND_INTERNAL,
    VNET_NETWORK_KIND_BRIDGE,      /* an existing host bridge */
    VNET_NETWORK_KIND_ROUTE,
    VNET_NETWORK_KIND_OPEN,
    VNET_NETWORK_KIND_VEPA,        /* direct pools (macvtap) from here on */
    VNET_NETWORK_KIND_PRIVATE,
    VNET_NETWORK_KIND_DIRECT_BRIDGE,
    VNET_NETWORK_KIND_PASSTHROUGH,
    VNET_NETWORK_KIND_LAST
} VnetNetworkKind;
VNET_ENUM_DECL(vnet_network_kind);

/* <forward mode>, as written. NONE: no <forward> element. */
typedef enum {
    VNET_NETWORK_FORWARD_NONE,
    VNET_NETWORK_FORWARD_NAT,
    VNET_NETWORK_FORWARD_ROUTE,
    VNET_NETWORK_FORWARD_OPEN,
    VNET_NETWORK_FORWARD_BRIDGE,
    VNET_NETWORK_FORWARD_PASSTHROUGH,
    VNET_NETWORK_FORWARD_PRIVATE,
    VNET_NETWORK_FORWARD_VEPA,
    VNET_NETWORK_FORWARD_HOSTONLY,
    VNET_NETWORK_FORWARD_INTERNAL,
    VNET_NETWORK_FORWARD_LAST
} VnetNetworkForwardMode;
VNET_ENUM_DECL(vnet_network_forward_mode);

typedef enum {
    VNET_NETWORK_IP_FAMILY_NONE, /* family attribute absent */
    VNET_NETWORK_IP_FAMILY_IPV4,
    VNET_NETWORK_IP_FAMILY_IPV6,
    VNET_NETWORK_IP_FAMILY_LAST
} VnetNetworkIpFamily;
VNET_ENUM_DECL(vnet_network_ip_family);

typedef enum {
    VNET_NETWORK_LEASE_UNIT_NONE, /* absent: minutes, as in libvirt */
    VNET_NETWORK_LEASE_UNIT_SECONDS,
    VNET_NETWORK_LEASE_UNIT_MINUTES,
    VNET_NETWORK_LEASE_UNIT_HOURS,
    VNET_NETWORK_LEASE_UNIT_LAST
} VnetNetworkLeaseUnit;
VNET_ENUM_DECL(vnet_network_lease_unit);

typedef enum {
    VNET_NETWORK_MAC_TABLE_NONE,
    VNET_NETWORK_MAC_TABLE_KERNEL,
    VNET_NETWORK_MAC_TABLE_LIBVIRT,
    VNET_NETWORK_MAC_TABLE_LAST
} VnetNetworkMacTable;
VNET_ENUM_DECL(vnet_network_mac_table);

/* <lease expiry unit>: expiry 0 means infinite. */
typedef struct {
    gboolean set;
    guint64 expiry;
    VnetNetworkLeaseUnit unit;
    guint line;
} VnetNetworkLease;

typedef struct {
    VnetInetAddr start;
    VnetInetAddr end;
    VnetNetworkLease lease;
    guint line;
} VnetNetworkDhcpRange;

typedef struct {
    gboolean mac_set;
    VnetMac mac;  /* IPv4 hosts */
    char *id;     /* IPv6 hosts: DHCPv6 client DUID */
    char *name;
    VnetInetAddr ip;
    VnetNetworkLease lease;
    guint line;
} VnetNetworkDhcpHost;

typedef struct {
    VnetInetAddr server;  /* vnet: <dhcp server='A'>, the address the server answers from */
    GPtrArray *ranges;    /* VnetNetworkDhcpRange */
    GPtrArray *hosts;     /* VnetNetworkDhcpHost */
    char *bootp_file;
    char *bootp_server;   /* a host name or address, kept as text */
    guint bootp_line;
    guint line;
} VnetNetworkDhcp;

typedef struct {
    VnetNetworkIpFamily family_attr; /* as written */
    VnetInetAddr address;            /* the host's address (the gateway) */
    guint prefix;                    /* prefix='N'; 0: absent */
    VnetInetAddr netmask;            /* netmask='M'; family 0: absent */
    VnetTristate local_ptr;
    char *tftp_root;
    VnetNetworkDhcp *dhcp;           /* NULL: no DHCP */
    guint line;
} VnetNetworkIpDef;

typedef struct {
    VnetNetworkIpFamily family_attr;
    VnetInetAddr address;
    guint prefix;
    VnetInetAddr netmask;
    VnetInetAddr gateway;
    gboolean metric_set;
    guint metric;
    guint line;
} VnetNetworkRouteDef;

typedef struct {
    VnetInetAddr addr; /* family 0: absent */
    char *domain;
    guint line;
} VnetNetworkDnsForwarder;

typedef struct {
    char *name;
    char *value;
    guint line;
} VnetNetworkDnsTxt;

typedef struct {
    char *service;
    VnetPortProtocol protocol;
    char *domain;
    char *target;
    gboolean port_set, priority_set, weight_set;
    guint port, priority, weight;
    guint line;
} VnetNetworkDnsSrv;

typedef struct {
    VnetInetAddr ip;
    GPtrArray *hostnames; /* char * */
    guint line;
} VnetNetworkDnsHost;

typedef struct {
    VnetTristate enable;
    VnetTristate forward_plain_names;
    GPtrArray *forwarders; /* VnetNetworkDnsForwarder */
    GPtrArray *txts;       /* VnetNetworkDnsTxt */
    GPtrArray *srvs;       /* VnetNetworkDnsSrv */
    GPtrArray *hosts;      /* VnetNetworkDnsHost */
    guint line;
} VnetNetworkDnsDef;

typedef struct {
    char *dev;
    guint line;
} VnetNetworkForwardIf;

typedef struct {
    VnetNetworkForwardMode mode;
    char *dev;
    GPtrArray *ifs;           /* VnetNetworkForwardIf: the device pool */
    /* <nat>: masquerade parameters of a NAT network */
    gboolean nat_set;
    VnetTristate nat_ipv6;
    VnetInetAddr nat_addr_start, nat_addr_end; /* family 0: absent */
    guint nat_port_start, nat_port_end;        /* 0: absent */
    guint nat_line;
    GPtrArray *port_forwards; /* VnetPortForward */
    guint line;
} VnetNetworkForwardDef;

typedef struct {
    char *name;
    VnetTristate is_default;
    VnetTristate trust_guest_rx_filters;
    VnetVirtualPortDef *virtualport;
    VnetBandwidthDef *bandwidth;
    VnetVlanDef *vlan;
    guint line;
} VnetNetworkPortGroupDef;

struct _VnetNetworkDef {
    char *file;                  /* source document name, for messages */
    guint line;                  /* line of <network> */
    VnetNetworkKind kind;        /* derived; see vnet_network_def_compute_kind() */

    char *name;
    guint name_line;
    VnetUuid uuid;
    gboolean uuid_set;
    char *title;
    char *description;
    xmlDoc *metadata;            /* a copy of <metadata>, kept verbatim */
    VnetTristate ipv6;           /* <network ipv6='yes'> */
    VnetTristate trust_guest_rx_filters;

    gboolean forward_set;
    VnetNetworkForwardDef forward;

    gboolean bridge_set;
    char *bridge_name;
    VnetSwitch bridge_stp;
    gboolean bridge_delay_set;
    guint64 bridge_delay;
    VnetNetworkMacTable bridge_mac_table;
    guint bridge_line;

    guint mtu;                   /* 0: absent */
    guint mtu_line;
    gboolean mac_set;
    VnetMac mac;
    guint mac_line;

    char *domain_name;
    VnetTristate domain_local_only;
    VnetTristate domain_register;
    guint domain_line;

    VnetNetworkDnsDef *dns;
    VnetVlanDef *vlan;
    VnetBandwidthDef *bandwidth;
    VnetTristate port_isolated;  /* <port isolated='yes'/> */
    guint port_line;
    GPtrArray *ips;              /* VnetNetworkIpDef */
    GPtrArray *routes;           /* VnetNetworkRouteDef */
    VnetVirtualPortDef *virtualport;
    GPtrArray *portgroups;       /* VnetNetworkPortGroupDef */
};
typedef struct _VnetNetworkDef VnetNetworkDef;

/* ---- life cycle ------------------------------------------------------- */

/* An empty def: every list allocated, nothing set. */
VnetNetworkDef *vnet_network_def_new(void);
/* An internal network called @name, with a fresh UUID: what a NIC naming a
 * network that does not exist yet creates. */
VnetNetworkDef *vnet_network_def_new_internal(const char *name);
VnetNetworkDef *vnet_network_def_copy(const VnetNetworkDef *def);
void vnet_network_def_free(VnetNetworkDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNetworkDef, vnet_network_def_free)

/* ---- parsing ------------------------------------------------------------ */

/* @root is <network>. Parses and applies the post-parse defaults; does not
 * validate (vnet_network_def_validate()). */
VnetNetworkDef *vnet_network_def_parse_node(xmlNode *root, GError **error);
VnetNetworkDef *vnet_network_def_parse_file(const char *path, GError **error);
/* @name stands for the file name in messages. */
VnetNetworkDef *vnet_network_def_parse_string(const char *xml, const char *name,
                                              GError **error);

/* The post-parse defaults listed above; idempotent. */
gboolean vnet_network_def_post_parse(VnetNetworkDef *def, GError **error);
VnetNetworkKind vnet_network_def_compute_kind(const VnetNetworkDef *def);

/* ---- formatting --------------------------------------------------------- */

/* Canonical XML (no flags are defined yet; pass 0). */
char *vnet_network_def_format(const VnetNetworkDef *def, guint flags);

/* ---- validation ---------------------------------------------------------- */

/* Rules within one network; no host access. */
gboolean vnet_network_def_validate(const VnetNetworkDef *def, GError **error);
/* Rules across networks: no two share a bridge name or overlapping IPv4
 * subnets. A def in @others with @def's UUID is @def's older version and is
 * skipped. */
gboolean vnet_network_def_check_conflicts(const VnetNetworkDef *def,
                                          const VnetNetworkDef *const *others, guint n_others,
                                          GError **error);

/* ---- helpers for the driver ---------------------------------------------- */

/* TRUE for the kinds that run on a bridge vnet creates (nat, hostonly,
 * internal, route, open). */
gboolean vnet_network_kind_has_own_bridge(VnetNetworkKind kind);
/* TRUE for direct (macvtap) pools. */
gboolean vnet_network_kind_is_pool(VnetNetworkKind kind);
/* The first name from VNET_NETWORK_BRIDGE_NAME_PATTERN that none of
 * @others uses. The driver still checks the host. */
char *vnet_network_def_pick_bridge_name(const VnetNetworkDef *const *others, guint n_others);
/* The prefix length in effect for @ip: prefix, netmask, or (as libvirt)
 * the classful default for IPv4 and 64 for IPv6. */
guint vnet_network_ip_def_prefix(const VnetNetworkIpDef *ip);
/* The first IPv4 <ip>, or NULL. */
const VnetNetworkIpDef *vnet_network_def_ipv4(const VnetNetworkDef *def);

/* ---- port forwards ------------------------------------------------------- */

/* Adds a copy of @rule to a NAT network, after the same checks as parsing
 * and validation (kind, guest address in a subnet of the network, unique
 * name and host triple). */
gboolean vnet_network_def_add_port_forward(VnetNetworkDef *def, const VnetPortForward *rule,
                                           GError **error);
gboolean vnet_network_def_remove_port_forward(VnetNetworkDef *def, const char *name,
                                              GError **error);
/* Parses VirtualBox's rule string "name:proto:[hostip]:hostport:[guestip]:guestport"
 * (the brackets may hold IPv6 addresses and may be empty). @family AF_INET
 * or AF_INET6 is the family the addresses must have (--port-forward-4/-6);
 * 0 accepts either. */
VnetPortForward *vnet_network_port_forward_parse_rule(const char *rule, int family,
                                                      GError **error);
/* The inverse: the rule in VirtualBox's string form. */
char *vnet_network_port_forward_format_rule(const VnetPortForward *rule);
