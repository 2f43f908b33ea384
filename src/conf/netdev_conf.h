/* netdev_conf.h: the pieces of interface configuration that domain XML and
 * network XML share: <bandwidth>, <virtualport>, <vlan>, <mtu> and
 * port-forward rules.
 *
 * Each struct is plain data recording the source line of its element, so
 * validation that runs later (after the document is gone) can still say
 * "FILE:LINE:". Parse functions take the element itself; format functions
 * write the element (nothing when the def is NULL or empty) at the writer's
 * current depth, with a fixed attribute order.
 *
 * Units follow libvirt: bandwidth average/peak/floor in kilobytes per second,
 * burst in kilobytes.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "util/vnet-enum.h"
#include "util/vnet-inet.h"
#include "util/vnet-uuid.h"
#include "util/vnet-xml.h"

/* ---- <bandwidth> ------------------------------------------------------- */

/* libvirt's upper bound for a rate (kilobytes per second). */
#define VNET_BANDWIDTH_RATE_MAX 18014398509481984ULL

typedef struct {
    guint64 average; /* 0: unset (0 is not a valid value in XML) */
    guint64 peak;
    guint64 burst;
    guint64 floor; /* inbound only */
    guint line;
} VnetBandwidthRate;

typedef struct _VnetBandwidthDef {
    VnetBandwidthRate *in;  /* <inbound>, or NULL */
    VnetBandwidthRate *out; /* <outbound>, or NULL */
    char *group;            /* group='NAME': a domain bandwidth group (domain NICs only) */
    guint line;
} VnetBandwidthDef;

typedef enum {
    /* <inbound floor> is allowed (libvirt allows it on NICs of networks). */
    VNET_BANDWIDTH_PARSE_ALLOW_FLOOR = 1 << 0,
    /* <bandwidth group='NAME'/> is allowed (domain interfaces). */
    VNET_BANDWIDTH_PARSE_ALLOW_GROUP = 1 << 1,
} VnetBandwidthParseFlags;

/* Parses a <bandwidth> element. An element with neither direction nor group
 * gives an empty def (libvirt accepts it). */
VnetBandwidthDef *vnet_bandwidth_def_parse(const xmlNode *node, guint flags, GError **error);
void vnet_bandwidth_def_format(VnetXmlWriter *writer, const VnetBandwidthDef *def);
VnetBandwidthDef *vnet_bandwidth_def_copy(const VnetBandwidthDef *def);
gboolean vnet_bandwidth_def_equal(const VnetBandwidthDef *a, const VnetBandwidthDef *b);
void vnet_bandwidth_def_free(VnetBandwidthDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetBandwidthDef, vnet_bandwidth_def_free)

/* ---- <virtualport> ----------------------------------------------------- */

typedef enum {
    VNET_VIRTUAL_PORT_TYPE_NONE, /* untyped: the merge with the network decides */
    VNET_VIRTUAL_PORT_TYPE_8021QBG,
    VNET_VIRTUAL_PORT_TYPE_8021QBH,
    VNET_VIRTUAL_PORT_TYPE_LAST
} VnetVirtualPortType;
VNET_ENUM_DECL(vnet_virtual_port_type);

/* IEEE 802.1Qbh port profile names are at most this long. */
#define VNET_VIRTUAL_PORT_PROFILEID_MAX 39

typedef struct _VnetVirtualPortDef {
    VnetVirtualPortType type;
    gboolean managerid_set;
    guint8 managerid; /* 1-255; 0 is reserved */
    gboolean typeid_set;
    guint32 typeid; /* 0-16777215 */
    gboolean typeidversion_set;
    guint8 typeidversion;
    gboolean instanceid_set;
    VnetUuid instanceid;
    char *profileid; /* 802.1Qbh, 1-39 characters */
    guint line;
} VnetVirtualPortDef;

/* Parses <virtualport>. Types openvswitch and midonet, and the interfaceid
 * parameter that only they use, fail with VNET_ERROR_CONFIG_UNSUPPORTED. */
VnetVirtualPortDef *vnet_virtual_port_def_parse(const xmlNode *node, GError **error);
void vnet_virtual_port_def_format(VnetXmlWriter *writer, const VnetVirtualPortDef *def);
VnetVirtualPortDef *vnet_virtual_port_def_copy(const VnetVirtualPortDef *def);
gboolean vnet_virtual_port_def_equal(const VnetVirtualPortDef *a, const VnetVirtualPortDef *b);
void vnet_virtual_port_def_free(VnetVirtualPortDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetVirtualPortDef, vnet_virtual_port_def_free)

/* Post-parse default: an 802.1Qbg virtualport without an instanceid gets a
 * random one (as libvirt does), so the formatted XML keeps the VSI instance
 * stable across restarts. Returns FALSE only if the random
 * source fails. */
gboolean vnet_virtual_port_def_fill_defaults(VnetVirtualPortDef *def, GError **error);

/* Checks that a virtualport is complete for its type: 802.1Qbg needs
 * managerid, typeid and typeidversion; 802.1Qbh needs profileid; an untyped
 * one must carry parameters of one type only. @file names the document in
 * messages. Used on the final (merged) virtualport of a NIC. */
gboolean vnet_virtual_port_def_check(const VnetVirtualPortDef *def, const char *file,
                                     GError **error);

/* Merges the virtualports of a NIC, its portgroup and its network the way
 * libvirt does: all given types must agree, and a parameter given in more
 * than one place must have the same value everywhere (else
 * VNET_ERROR_CONFIG_INVALID naming the parameter and both values). Any
 * argument may be NULL; *@ret is NULL when all are. @file names the NIC's
 * document in messages. */
gboolean vnet_virtual_port_def_merge(const VnetVirtualPortDef *nic,
                                     const VnetVirtualPortDef *portgroup,
                                     const VnetVirtualPortDef *network, const char *file,
                                     VnetVirtualPortDef **ret, GError **error);

/* ---- <vlan> ------------------------------------------------------------ */

#define VNET_VLAN_TAG_MIN 1
#define VNET_VLAN_TAG_MAX 4094

typedef enum {
    VNET_VLAN_NATIVE_MODE_NONE,
    VNET_VLAN_NATIVE_MODE_TAGGED,
    VNET_VLAN_NATIVE_MODE_UNTAGGED,
    VNET_VLAN_NATIVE_MODE_LAST
} VnetVlanNativeMode;
VNET_ENUM_DECL(vnet_vlan_native_mode);

typedef struct {
    guint id; /* 1-4094 */
    VnetVlanNativeMode native_mode;
    guint line;
} VnetVlanTag;

typedef struct _VnetVlanDef {
    VnetTristate trunk;
    guint n_tags;
    VnetVlanTag *tags;
    guint line;
} VnetVlanDef;

/* Parses <vlan>: at least one <tag>; several tags need trunk='yes'; at most
 * one tag has a nativeMode, and only in a trunk; ids are unique. */
VnetVlanDef *vnet_vlan_def_parse(const xmlNode *node, GError **error);
void vnet_vlan_def_format(VnetXmlWriter *writer, const VnetVlanDef *def);
VnetVlanDef *vnet_vlan_def_copy(const VnetVlanDef *def);
gboolean vnet_vlan_def_equal(const VnetVlanDef *a, const VnetVlanDef *b);
void vnet_vlan_def_free(VnetVlanDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetVlanDef, vnet_vlan_def_free)

/* ---- <mtu size='N'/> --------------------------------------------------- */

#define VNET_MTU_MIN 68
#define VNET_MTU_MAX 65535

/* Parses <mtu size>; *@ret_line gets the element's line (nullable). */
gboolean vnet_mtu_parse(const xmlNode *node, guint *ret, guint *ret_line, GError **error);
/* Writes <mtu size='N'/>; nothing when @mtu is 0. */
void vnet_mtu_format(VnetXmlWriter *writer, guint mtu);

/* ---- port-forward rules ------------------------------------------------ */

typedef enum {
    VNET_PORT_PROTOCOL_NONE,
    VNET_PORT_PROTOCOL_TCP,
    VNET_PORT_PROTOCOL_UDP,
    VNET_PORT_PROTOCOL_LAST
} VnetPortProtocol;
VNET_ENUM_DECL(vnet_port_protocol);

/* One forwarding rule, VirtualBox's NAT rule in XML form:
 *   <portForward name='ssh' protocol='tcp' hostAddress='127.0.0.1'
 *                hostPort='1022' guestAddress='10.0.2.15' guestPort='22'/>
 * hostAddress absent (or empty, as VirtualBox writes it) means every host
 * address; guestAddress may be absent here, and the caller's validation
 * decides whether it is required (NICs: no, networks: yes). */
typedef struct _VnetPortForward {
    char *name;
    VnetPortProtocol protocol;
    VnetInetAddr host_address; /* family 0: any */
    guint host_port;           /* 1-65535 */
    VnetInetAddr guest_address; /* family 0: not given */
    guint guest_port;          /* 1-65535 */
    guint line;
} VnetPortForward;

/* Longest rule name (VirtualBox's rules are short words). */
#define VNET_PORT_FORWARD_NAME_MAX 64

/* Rule names are 1-64 printable characters without ',' (VirtualBox's rule
 * separator), in XML and in VirtualBox's rule string alike. */
gboolean vnet_port_forward_name_is_valid(const char *name);
/* Parses the vnet form of <portForward>. */
VnetPortForward *vnet_port_forward_parse(const xmlNode *node, GError **error);
void vnet_port_forward_format(VnetXmlWriter *writer, const VnetPortForward *rule);
VnetPortForward *vnet_port_forward_copy(const VnetPortForward *rule);
gboolean vnet_port_forward_equal(const VnetPortForward *a, const VnetPortForward *b);
void vnet_port_forward_free(VnetPortForward *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetPortForward, vnet_port_forward_free)

/* Checks a list of rules (VnetPortForward *) for duplicates: names must be
 * unique, and no two rules may claim the same protocol, host address and
 * host port. @what says whose rules these are in messages ("interface 2",
 * "network 'natnet1'"). */
gboolean vnet_port_forward_check_list(const GPtrArray *rules, const char *file, const char *what,
                                      GError **error);
