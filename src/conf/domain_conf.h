/* domain_conf.h: domain XML <-> VnetDomainDef (parse, post-parse defaults,
 * validate, format). No host access in this layer.
 *
 * Decisions (see the issue "Domain XML" for the vocabulary):
 *
 * - Foreign content is kept, never dropped. Elements vnet does not interpret
 *   (disks, graphics, <currentMemory>, <clock>, ... at top level; any device
 *   other than <interface> inside <devices>; <type>/<boot> inside <os>) are
 *   copied verbatim and written back where they were: each copy is anchored
 *   after the known element that preceded it in the input (or at the start),
 *   and known elements are written in a fixed order. Attributes vnet does not
 *   interpret on <domain>, <os>, <memory>, <vcpu> and <interface> (libvirt's
 *   placement='static', trustGuestRxFilters, xmlns:qemu, ...) are kept too.
 * - Inside <interface>, libvirt children that concern the hypervisor, not
 *   the host network (address, alias, boot, rom, acpi, driver, tune, guest,
 *   backend, script, downscript, port, and <ip>/<route>/<source> on kinds
 *   where vnet does not use them) are kept verbatim for the guest backend.
 *   Features that would change the NIC's network behaviour and that vnet
 *   cannot honour are refused with VNET_ERROR_CONFIG_UNSUPPORTED naming them:
 *   interface types hostdev, vhostuser, vdpa, vds; <teaming>, <filterref>,
 *   <coalesce>; <backend type='passt'>; virtualports openvswitch and midonet;
 *   a port-forward bound to a host device (<portForward dev>); domain types
 *   other than netns, kvm, qemu, test.
 * - libvirt's per-NIC <portForward proto><range/></portForward> form is read
 *   and expanded into single-port rules named PROTO-PORT; vnet always writes
 *   its own one-rule-per-element form (netdev_conf.h).
 * - <source portid> (libvirt's live-only port UUID) is accepted and not
 *   written back, as libvirt does for inactive XML.
 * - Defaults that are random are generated at parse time and written out
 *   (UUID, MACs, 802.1Qbg instanceid) so format -> parse -> format is
 *   byte-identical; defaults that are constants or depend on the NIC's place
 *   (internal network 'intnet', routed gateway 169.255.30.1, the per-NIC NAT
 *   subnet 10.0.N.0/24) stay implicit and are read through the accessors
 *   below.
 * - Formatting is canonical: only set fields, a fixed attribute order,
 *   2-space indentation, lowercase MACs.
 * - A document's file name (doc->URL) and every element's line are recorded
 *   so validation, which runs on the def, can print "FILE:LINE:".
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "conf/netdev_conf.h"
#include "util/vnet-enum.h"
#include "util/vnet-inet.h"
#include "util/vnet-mac.h"
#include "util/vnet-uuid.h"
#include "util/vnet-xml.h"

#define VNET_DOMAIN_NAME_MAX 64
/* IFNAMSIZ - 1 */
#define VNET_IFNAME_MAX 15

typedef enum {
    VNET_DOMAIN_TYPE_NONE,
    VNET_DOMAIN_TYPE_NETNS,
    VNET_DOMAIN_TYPE_KVM,
    VNET_DOMAIN_TYPE_QEMU,
    VNET_DOMAIN_TYPE_TEST,
    VNET_DOMAIN_TYPE_LAST
} VnetDomainType;
VNET_ENUM_DECL(vnet_domain_type);

typedef enum {
    VNET_DOMAIN_INTERFACE_TYPE_NONE,
    VNET_DOMAIN_INTERFACE_TYPE_DIRECT,
    VNET_DOMAIN_INTERFACE_TYPE_NETWORK,
    VNET_DOMAIN_INTERFACE_TYPE_BRIDGE,
    VNET_DOMAIN_INTERFACE_TYPE_NATNETWORK,
    VNET_DOMAIN_INTERFACE_TYPE_HOSTONLY,
    VNET_DOMAIN_INTERFACE_TYPE_INTERNAL,
    VNET_DOMAIN_INTERFACE_TYPE_USER,
    VNET_DOMAIN_INTERFACE_TYPE_ROUTED,
    VNET_DOMAIN_INTERFACE_TYPE_UDP,
    VNET_DOMAIN_INTERFACE_TYPE_MCAST,
    VNET_DOMAIN_INTERFACE_TYPE_SERVER,
    VNET_DOMAIN_INTERFACE_TYPE_CLIENT,
    VNET_DOMAIN_INTERFACE_TYPE_VDE,
    VNET_DOMAIN_INTERFACE_TYPE_ETHERNET,
    VNET_DOMAIN_INTERFACE_TYPE_NULL,
    VNET_DOMAIN_INTERFACE_TYPE_LAST
} VnetDomainInterfaceType;
VNET_ENUM_DECL(vnet_domain_interface_type);

/* macvtap modes of type='direct' */
typedef enum {
    VNET_DIRECT_MODE_NONE, /* libvirt's default: vepa */
    VNET_DIRECT_MODE_VEPA,
    VNET_DIRECT_MODE_BRIDGE,
    VNET_DIRECT_MODE_PRIVATE,
    VNET_DIRECT_MODE_PASSTHROUGH,
    VNET_DIRECT_MODE_LAST
} VnetDirectMode;
VNET_ENUM_DECL(vnet_direct_mode);

typedef enum {
    VNET_NIC_MODEL_NONE,
    VNET_NIC_MODEL_VIRTIO,
    VNET_NIC_MODEL_E1000,
    VNET_NIC_MODEL_E1000E,
    VNET_NIC_MODEL_RTL8139,
    VNET_NIC_MODEL_PCNET,
    VNET_NIC_MODEL_AM79C970A, /* VirtualBox: PCnet-PCI II */
    VNET_NIC_MODEL_AM79C973,  /* VirtualBox: PCnet-FAST III */
    VNET_NIC_MODEL_82540EM,   /* VirtualBox: PRO/1000 MT Desktop */
    VNET_NIC_MODEL_82543GC,   /* VirtualBox: PRO/1000 T Server */
    VNET_NIC_MODEL_82545EM,   /* VirtualBox: PRO/1000 MT Server */
    VNET_NIC_MODEL_LAST
} VnetNicModel;
VNET_ENUM_DECL(vnet_nic_model);

/* The QEMU -device name for a model (NULL for NONE). */
const char *vnet_nic_model_qemu_device(VnetNicModel model);
/* Whether the model can carry frames over 1500 bytes (PCnet cannot). */
gboolean vnet_nic_model_supports_jumbo(VnetNicModel model);

typedef enum {
    VNET_LINK_STATE_NONE,
    VNET_LINK_STATE_UP,
    VNET_LINK_STATE_DOWN,
    VNET_LINK_STATE_LAST
} VnetLinkState;
VNET_ENUM_DECL(vnet_link_state);

typedef enum {
    VNET_PROMISC_POLICY_NONE, /* not given: deny */
    VNET_PROMISC_POLICY_DENY,
    VNET_PROMISC_POLICY_ALLOW_VMS,
    VNET_PROMISC_POLICY_ALLOW_ALL,
    VNET_PROMISC_POLICY_LAST
} VnetPromiscPolicy;
VNET_ENUM_DECL(vnet_promisc_policy);

/* libvirt's <mac type='generated|static' check='yes|no'>, kept as given. */
typedef enum {
    VNET_MAC_TYPE_NONE,
    VNET_MAC_TYPE_GENERATED,
    VNET_MAC_TYPE_STATIC,
    VNET_MAC_TYPE_LAST
} VnetMacType;
VNET_ENUM_DECL(vnet_mac_type);

/* An element or comment kept verbatim, written back after the known element
 * (or interface) numbered @anchor; 0 means "at the start". */
typedef struct {
    guint anchor;
    xmlNode *node; /* a standalone copy (no document) */
} VnetDomainForeign;

/* Attributes kept verbatim, in input order (namespace declarations too). */
typedef struct {
    char *name;
    char *value;
} VnetDomainAttr;

typedef struct {
    VnetInetAddr address;
    guint prefix;
    gboolean prefix_set;
    guint line;
} VnetDomainIpAddr;

typedef struct _VnetDomainInterfaceDef {
    VnetDomainInterfaceType type;
    guint line;
    guint index; /* position among the domain's interfaces, from 0 */

    VnetMac mac;
    gboolean mac_generated; /* no <mac> was given: vnet made this one */
    guint mac_line;
    VnetMacType mac_type;
    VnetTristate mac_check;

    VnetNicModel model;
    guint model_line;
    VnetLinkState link_state;
    guint mtu; /* 0: not set */
    guint mtu_line;
    char *target_dev;
    VnetTristate target_managed;
    guint target_line;
    int target_ifindex; /* live only: host-side ifindex, 0 = unknown */
    char *guest_dev;    /* <guest dev>: the NIC's name inside the guest */
    VnetPromiscPolicy promisc;
    guint promisc_line;
    VnetBandwidthDef *bandwidth;
    VnetVlanDef *vlan;
    VnetVirtualPortDef *virtualport;

    /* <source>, by kind */
    guint source_line;
    char *source_dev;     /* direct: host device */
    VnetDirectMode direct_mode;
    char *source_network; /* network, natnetwork, hostonly */
    char *portgroup;      /* network */
    char *source_bridge;  /* bridge */
    char *source_name;    /* internal; NULL: "intnet" */
    VnetInetAddr source_address; /* udp (remote), mcast (group), server, client */
    guint source_port;
    VnetInetAddr local_address; /* udp: <local address port> */
    guint local_port;
    char *vde_switch; /* vde: socket directory */
    guint vde_port;   /* 0: not given */

    /* user: subnet (unset: 10.0.N.0/24 by NIC order) and port forwards */
    VnetDomainIpAddr *user_ip4;
    VnetDomainIpAddr *user_ip6;
    GPtrArray *port_forwards; /* VnetPortForward * */

    /* routed: guest addresses (VnetDomainIpAddr *) and gateway */
    GPtrArray *routed_addrs;
    VnetInetAddr routed_gateway; /* unset: 169.255.30.1 */
    guint routed_gateway_line;

    GPtrArray *attrs;   /* VnetDomainAttr *, other attributes of <interface> */
    GPtrArray *foreign; /* VnetDomainForeign *, anchored to known child kinds */
} VnetDomainInterfaceDef;

/* VirtualBox bandwidth-group limit units. */
typedef enum {
    VNET_BW_UNIT_NONE, /* no suffix: megabytes per second */
    VNET_BW_UNIT_KBIT,
    VNET_BW_UNIT_MBIT,
    VNET_BW_UNIT_GBIT,
    VNET_BW_UNIT_KBYTE,
    VNET_BW_UNIT_MBYTE,
    VNET_BW_UNIT_GBYTE,
    VNET_BW_UNIT_LAST
} VnetBandwidthUnit;

/* <bandwidthGroups><group name='NAME' limit='20m'/></bandwidthGroups> */
typedef struct {
    char *name;
    guint64 limit; /* in @unit; 0: no limit */
    VnetBandwidthUnit unit;
    guint line;
} VnetBandwidthGroup;

/* Bytes per second of a group's limit (0: unlimited). */
guint64 vnet_bandwidth_group_bytes_per_sec(const VnetBandwidthGroup *group);

typedef struct {
    char *kernel;
    char *initrd;
    char *cmdline;
    GPtrArray *attrs;
    GPtrArray *foreign;
    guint line;
} VnetDomainOsDef;

typedef struct _VnetDomainDef {
    char *file; /* doc->URL, for messages */
    VnetDomainType type;
    guint line;
    char *name;
    VnetUuid uuid;
    gboolean uuid_generated;
    char *title;
    char *description;

    gboolean memory_set;
    guint64 memory;
    char *memory_unit; /* as written; NULL: KiB */
    GPtrArray *memory_attrs;
    guint memory_line;

    guint vcpu; /* 0: not given */
    GPtrArray *vcpu_attrs;
    guint vcpu_line;

    VnetDomainOsDef *os;

    GPtrArray *bandwidth_groups; /* VnetBandwidthGroup * */
    guint bandwidth_groups_line;

    gboolean has_devices;
    GPtrArray *interfaces;     /* VnetDomainInterfaceDef * */
    GPtrArray *device_foreign; /* VnetDomainForeign *, anchor = interfaces before it */

    GPtrArray *attrs;   /* other attributes of <domain> */
    GPtrArray *foreign; /* VnetDomainForeign *, top level */
} VnetDomainDef;

/* Format flags. */
typedef enum {
    VNET_DOMAIN_DEF_FORMAT_NONE = 0,
    /* Live state: also <target ifindex> (the driver fills target_dev,
     * target_ifindex and guest_dev with what it realized). */
    VNET_DOMAIN_DEF_FORMAT_LIVE = 1 << 0,
} VnetDomainDefFormatFlags;

VnetDomainDef *vnet_domain_def_parse_node(xmlNode *root, GError **error);
VnetDomainDef *vnet_domain_def_parse_file(const char *path, GError **error);
VnetDomainDef *vnet_domain_def_parse_string(const char *xml, const char *name, GError **error);
gboolean vnet_domain_def_validate(const VnetDomainDef *def, GError **error);
char *vnet_domain_def_format(const VnetDomainDef *def, guint flags);
VnetDomainDef *vnet_domain_def_copy(const VnetDomainDef *def);
void vnet_domain_def_free(VnetDomainDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainDef, vnet_domain_def_free)

/* Index of the interface with MAC @mac, or -1. */
int vnet_domain_def_find_interface_by_mac(const VnetDomainDef *def, const VnetMac *mac);

/* The bandwidth group called @name, or NULL. */
const VnetBandwidthGroup *vnet_domain_def_find_bandwidth_group(const VnetDomainDef *def,
                                                               const char *name);

/* ---- interfaces -------------------------------------------------------- */

/* Parses one <interface> (with post-parse defaults: a MAC, an 802.1Qbg
 * instanceid). @index is its position, used in messages. */
VnetDomainInterfaceDef *vnet_domain_interface_def_parse(const xmlNode *node, guint index,
                                                        GError **error);
void vnet_domain_interface_def_format(VnetXmlWriter *writer, const VnetDomainInterfaceDef *iface,
                                      guint flags);
VnetDomainInterfaceDef *vnet_domain_interface_def_copy(const VnetDomainInterfaceDef *iface);
void vnet_domain_interface_def_free(VnetDomainInterfaceDef *iface);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainInterfaceDef, vnet_domain_interface_def_free)

/* The internal network's name (default "intnet"). */
const char *vnet_domain_interface_def_internal_name(const VnetDomainInterfaceDef *iface);
/* The routed NIC's gateway (default 169.255.30.1). */
void vnet_domain_interface_def_routed_gateway(const VnetDomainInterfaceDef *iface,
                                              VnetInetAddr *ret);

/* ---- helpers shared by the domain_*.c files ---------------------------- */

void vnet_domain_foreign_free(VnetDomainForeign *foreign);
void vnet_domain_attr_free(VnetDomainAttr *attr);
/* Keeps @node (a copy) in @list anchored at @anchor. */
void vnet_domain_foreign_add(GPtrArray *list, guint anchor, const xmlNode *node);
/* Writes the kept nodes anchored at @anchor. */
void vnet_domain_foreign_format(VnetXmlWriter *writer, const GPtrArray *list, guint anchor);
GPtrArray *vnet_domain_foreign_copy(const GPtrArray *list);
/* Keeps every attribute of @node not in @known (NULL-terminated), and its
 * namespace declarations. */
GPtrArray *vnet_domain_attrs_collect(const xmlNode *node, const char *const *known);
void vnet_domain_attrs_format(VnetXmlWriter *writer, const GPtrArray *attrs);
GPtrArray *vnet_domain_attrs_copy(const GPtrArray *attrs);
/* Whether @name is a valid Linux interface name. */
gboolean vnet_domain_ifname_is_valid(const char *name);
