/* vnet-nl.h: rtnetlink through libnl-route-3 — links, addresses, routes,
 * proxy neighbours, bridge ports, and the macvtap character device.
 *
 * Every function returns 0 (or a documented non-negative value) or -errno;
 * libnl's -NLE_* codes never leave vnet-nl.c. Requests are sent with our own
 * acknowledgement handling, so the kernel's errno (EEXIST, ENODEV, EBUSY...)
 * comes back unchanged, and the kernel's extended-ack text, when it gave
 * one, is kept for the caller's error message (vnet_nl_last_error_message).
 *
 * Building a request (a def -> struct rtnl_link / struct nl_msg) is pure and
 * needs no privileges; sending it is separate. Only the attributes a caller
 * set are sent.
 *
 * A VnetNl handle holds one netlink socket and a lock: it may be shared by
 * threads (requests are serialized) or opened per thread. A handle opened
 * with vnet_nl_open_in_netns() talks to that namespace's kernel objects for
 * its whole life, whichever namespace the calling thread is in.
 */
#pragma once

#include <glib.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/cache.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>

#include "util/vnet-enum.h"
#include "util/vnet-inet.h"
#include "util/vnet-mac.h"

/* IFNAMSIZ, without pulling <net/if.h> (it clashes with <linux/if.h>). */
#define VNET_IFNAMSIZ 16

/* libnl types with cleanup functions, for g_autoptr(). */
typedef struct nl_sock VnetNlSock;
typedef struct nl_msg VnetNlMsg;
typedef struct nl_cache VnetNlCache;
typedef struct nl_addr VnetNlAddr;
typedef struct rtnl_link VnetRtnlLink;
typedef struct rtnl_addr VnetRtnlAddr;
typedef struct rtnl_route VnetRtnlRoute;
typedef struct rtnl_neigh VnetRtnlNeigh;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNlSock, nl_socket_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNlMsg, nlmsg_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNlCache, nl_cache_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNlAddr, nl_addr_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetRtnlLink, rtnl_link_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetRtnlAddr, rtnl_addr_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetRtnlRoute, rtnl_route_put)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetRtnlNeigh, rtnl_neigh_put)

/* libnl error code -> -errno (the inverse of nl_syserr2nlerr). */
int vnet_nl_error_to_errno(int nl_error);

/* ---- the handle ------------------------------------------------------- */

typedef struct VnetNl VnetNl;

/* A handle on the calling thread's network namespace. */
int vnet_nl_open(VnetNl **ret);
/* A handle whose socket lives in the namespace @netns_fd refers to (opened
 * from a short-lived thread that setns()es; the caller's thread is never
 * moved). */
int vnet_nl_open_in_netns(int netns_fd, VnetNl **ret);
void vnet_nl_free(VnetNl *nl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetNl, vnet_nl_free)

/* Requests this handle has sent to the kernel so far (every message that
 * left the socket), so tests can prove that a bulk operation was one
 * request. */
guint64 vnet_nl_get_request_count(VnetNl *nl);
/* The kernel's extended-ack message of the last failed request on this
 * handle, or NULL. Valid until the next request. */
const char *vnet_nl_last_error_message(VnetNl *nl);

/* Whether @name can be an interface name: non-empty, shorter than
 * IFNAMSIZ, and no path component ("/", ".", ".."), so it is also safe in
 * /proc/sys and /sys paths. */
gboolean vnet_nl_ifname_is_valid(const char *name);

/* ---- link lookup ---------------------------------------------------- */

typedef struct {
    int ifindex;
    char name[VNET_IFNAMSIZ];
    char kind[32];       /* IFLA_INFO_KIND ("veth", "macvtap"...); "" for none */
    char slave_kind[32]; /* IFLA_INFO_SLAVE_KIND ("bridge"...); "" for none */
    gboolean has_mac;
    VnetMac mac;
    guint mtu;
    guint flags;          /* IFF_* */
    int master;           /* ifindex of the master, 0 for none */
    int parent;           /* IFLA_LINK: lower device (macvlan, veth peer), 0 */
    guint32 group;        /* netdev group */
    guint32 macvlan_mode; /* MACVLAN_MODE_* for macvlan/macvtap, else 0 */
} VnetNlLinkInfo;

/* Returns 0, -ENODEV when there is no such link, or -errno. */
int vnet_nl_link_get(VnetNl *nl, const char *name, VnetNlLinkInfo *ret);
int vnet_nl_link_get_by_index(VnetNl *nl, int ifindex, VnetNlLinkInfo *ret);
/* 1 when the link exists, 0 when not, -errno on failure. */
int vnet_nl_link_exists(VnetNl *nl, const char *name);
/* Every link of the namespace (an array of VnetNlLinkInfo). */
int vnet_nl_link_list(VnetNl *nl, GArray **ret);

gboolean vnet_nl_link_info_is_up(const VnetNlLinkInfo *info);
/* macvlan or macvtap */
gboolean vnet_nl_link_info_is_macvlan(const VnetNlLinkInfo *info);
gboolean vnet_nl_link_info_is_macvtap(const VnetNlLinkInfo *info);
/* Enslaved to a bridge (master set and the port kind says bridge). */
gboolean vnet_nl_link_info_is_bridge_port(const VnetNlLinkInfo *info);
/* Enslaved to anything (bridge, bond, team, vrf...). */
gboolean vnet_nl_link_info_has_master(const VnetNlLinkInfo *info);

/* ---- link creation -------------------------------------------------- */

typedef enum {
    VNET_NL_LINK_KIND_NONE,
    VNET_NL_LINK_KIND_VETH,
    VNET_NL_LINK_KIND_MACVLAN,
    VNET_NL_LINK_KIND_MACVTAP,
    VNET_NL_LINK_KIND_BRIDGE,
    VNET_NL_LINK_KIND_DUMMY,
    VNET_NL_LINK_KIND_LAST
} VnetNlLinkKind;
VNET_ENUM_DECL(vnet_nl_link_kind);

/* What to create. Zeroed means "nothing set": only what is set is sent. */
typedef struct {
    VnetNlLinkKind kind;
    /* The name, or a template with one "%d" ("vnmvtap%d"): then candidates
     * 0, 1, 2... are tried, each created with NLM_F_EXCL, the next taken on
     * EEXIST, so two processes never get the same name. NULL: the kernel
     * names it. */
    const char *name;
    int parent_ifindex;   /* macvlan/macvtap: the lower device */
    guint32 macvlan_mode; /* MACVLAN_MODE_*; 0: not sent (kernel default vepa) */
    const VnetMac *mac;   /* NULL: not sent */
    guint mtu;            /* 0: not sent */
    gboolean has_group;
    guint32 group; /* netdev group (IFLA_GROUP) */
    VnetTristate up; /* ABSENT: not sent (the kernel creates links down) */
    /* Create the link directly inside another namespace. */
    gboolean has_netns_fd;
    int netns_fd;

    /* veth only: the peer (its name may not be a template). peer_up YES
     * needs peer_name and costs a second request: Linux refuses IFF_UP on a
     * peer in the creating request (ENOTCONN). */
    const char *peer_name;
    const VnetMac *peer_mac;
    guint peer_mtu;
    VnetTristate peer_up;
    gboolean has_peer_netns_fd;
    int peer_netns_fd;
} VnetNlLinkDef;

/* Pure: the link object rtnl_link_add would send for @def, named @name
 * (which overrides def->name; NULL: def->name as it is). */
int vnet_nl_link_def_build(const VnetNlLinkDef *def, const char *name, VnetRtnlLink **ret);
/* Pure: the complete RTM_NEWLINK message (NLM_F_CREATE|NLM_F_EXCL|ACK). */
int vnet_nl_link_def_build_msg(const VnetNlLinkDef *def, const char *name, VnetNlMsg **ret);

/* Creates the link in one request. With a template name, allocates a name
 * as described above (-ENFILE when every candidate is taken). On success
 * fills @ret_info (may be NULL) from the kernel; when the link was created
 * inside another namespace only ret_info->name is filled (ifindex 0).
 * Returns -EEXIST when a fixed name is taken. */
int vnet_nl_link_create(VnetNl *nl, const VnetNlLinkDef *def, VnetNlLinkInfo *ret_info);

/* ---- link changes --------------------------------------------------- */

/* What to change on an existing link; zeroed means "nothing". All of it
 * goes in one request. */
typedef struct {
    const char *name; /* rename (with has_netns_fd: the name there) */
    const VnetMac *mac;
    guint mtu;
    VnetTristate up;
    gboolean has_master;
    int master; /* 0 releases from the current master */
    gboolean has_group;
    guint32 group;
    gboolean has_netns_fd; /* move into the namespace @netns_fd */
    int netns_fd;
} VnetNlLinkChange;

int vnet_nl_link_change_build_msg(int ifindex, const VnetNlLinkChange *change, VnetNlMsg **ret);
int vnet_nl_link_change(VnetNl *nl, int ifindex, const VnetNlLinkChange *change);

/* Shorthands for one change. */
int vnet_nl_link_set_up(VnetNl *nl, int ifindex, gboolean up);
int vnet_nl_link_set_mac(VnetNl *nl, int ifindex, const VnetMac *mac);
int vnet_nl_link_set_mtu(VnetNl *nl, int ifindex, guint mtu);
int vnet_nl_link_set_master(VnetNl *nl, int ifindex, int master_ifindex);
int vnet_nl_link_rename(VnetNl *nl, int ifindex, const char *name);
int vnet_nl_link_set_group(VnetNl *nl, int ifindex, guint32 group);
/* Moves the link into @netns_fd, renamed to @name there when non-NULL, in
 * one request. The kernel moves first and renames second: when @name is
 * taken there, -EEXIST comes back and the link is in @netns_fd under its old
 * name. Creating the link there directly (VnetNlLinkDef.has_netns_fd, or a
 * veth peer's has_peer_netns_fd) is all-or-nothing instead. */
int vnet_nl_link_move_to_netns(VnetNl *nl, int ifindex, int netns_fd, const char *name);

/* Bridge port flags (RTM_SETLINK, AF_BRIDGE, IFLA_PROTINFO). */
typedef struct {
    VnetTristate hairpin;  /* IFLA_BRPORT_MODE: reflect frames to their port */
    VnetTristate isolated; /* IFLA_BRPORT_ISOLATED */
    VnetTristate learning; /* IFLA_BRPORT_LEARNING */
    VnetTristate unicast_flood; /* IFLA_BRPORT_UNICAST_FLOOD */
} VnetNlBridgePort;

int vnet_nl_bridge_port_build_msg(int ifindex, const VnetNlBridgePort *port, VnetNlMsg **ret);
int vnet_nl_bridge_port_set(VnetNl *nl, int ifindex, const VnetNlBridgePort *port);

/* A bridge's own options (RTM_NEWLINK on an existing bridge, IFLA_LINKINFO
 * kind "bridge", IFLA_INFO_DATA), in vnet-nl-bridge.c. The kernel applies
 * the forward delay before the STP state, and clamps the delay to 2..30 s
 * when it turns STP on (it refuses a delay outside that range, -ERANGE,
 * while STP is already on). */
typedef struct {
    VnetTristate stp;           /* IFLA_BR_STP_STATE; ABSENT: not sent */
    gboolean has_forward_delay;
    guint32 forward_delay;      /* IFLA_BR_FORWARD_DELAY, in 1/100 s (USER_HZ) */
} VnetNlBridgeOpts;

int vnet_nl_bridge_opts_build_msg(int ifindex, const VnetNlBridgeOpts *opts, VnetNlMsg **ret);
int vnet_nl_bridge_opts_set(VnetNl *nl, int ifindex, const VnetNlBridgeOpts *opts);

/* Sends a request built by one of the vnet-nl-*.c builders with this
 * handle's acknowledgement handling (the kernel's errno and extended-ack
 * text kept). */
int vnet_nl_send_request(VnetNl *nl, VnetNlMsg *msg);

/* ---- link deletion -------------------------------------------------- */

int vnet_nl_link_delete(VnetNl *nl, int ifindex);
/* 0 also when the link does not exist. */
int vnet_nl_link_delete_by_name(VnetNl *nl, const char *name);
/* Pure: RTM_DELLINK with ifi_index 0 and IFLA_GROUP @group. */
int vnet_nl_link_delete_group_build_msg(guint32 group, VnetNlMsg **ret);
/* Deletes every link of netdev group @group in this namespace with ONE
 * request (the kernel's group delete). 0 also when the group was empty;
 * -EINVAL for group 0 (the default group: every physical device);
 * -EOPNOTSUPP (and nothing deleted) when a member cannot be deleted. */
int vnet_nl_link_delete_group(VnetNl *nl, guint32 group);

/* ---- addresses, routes, proxy neighbours ---------------------------- */

int vnet_nl_addr_add(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix);
/* The same without IPv6 duplicate address detection (IFA_F_NODAD). */
int vnet_nl_addr_add_nodad(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix);
int vnet_nl_addr_del(VnetNl *nl, int ifindex, const VnetInetAddr *addr, guint prefix);

typedef struct {
    /* Destination: unset (family 0) with a gateway means the default route
     * of the gateway's family. */
    VnetInetAddr dst;
    guint prefix;
    VnetInetAddr gateway; /* unset: directly on @ifindex (scope link) */
    int ifindex;          /* 0: not sent */
    guint32 table;        /* 0: main */
    gboolean has_metric;
    guint32 metric;
} VnetNlRoute;

int vnet_nl_route_build(const VnetNlRoute *route, VnetRtnlRoute **ret);
int vnet_nl_route_add(VnetNl *nl, const VnetNlRoute *route);
int vnet_nl_route_del(VnetNl *nl, const VnetNlRoute *route);

/* "ip neigh add proxy ADDR dev IFINDEX": answer ARP/NDP for @addr on the
 * link (with proxy_arp / proxy_ndp enabled there). */
int vnet_nl_neigh_proxy_add(VnetNl *nl, int ifindex, const VnetInetAddr *addr);
int vnet_nl_neigh_proxy_del(VnetNl *nl, int ifindex, const VnetInetAddr *addr);

/* ---- macvtap character device --------------------------------------- */

/* The macvtap's character device number, from
 * /sys/class/net/NAME/macvtap/tapIFINDEX/dev. @ifindex 0: read from sysfs. */
int vnet_nl_macvtap_get_devnum(const char *name, int ifindex, dev_t *ret);
/* Opens the macvtap's character device O_RDWR|O_CLOEXEC by its device
 * number: through /dev/char/MAJ:MIN when that node exists and matches,
 * else through a node made with mknod in a private temporary directory
 * (removed before returning). Never uses /dev/tapN (ifindexes repeat across
 * namespaces; udev may not run). */
int vnet_nl_macvtap_open(const char *name, int ifindex, int *ret_fd);
