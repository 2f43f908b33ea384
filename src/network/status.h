/* status.h: what a running object created on the host, as kept in its
 * status file under the runtime folder.
 *
 * A domain's status file is
 *   <domstatus backend='netns' group='30318'>
 *     <netns name='web1' inode='4026532601' cookie='8193'/>
 *     <link name='vnet0' ifindex='7' group='30318' nic='52:54:00:aa:bb:01' guest='eth0'/>
 *     <passthrough dev='eth3' ifindex='4' mac='52:54:00:12:34:56' mtu='1500' up='yes'
 *                  nic='52:54:00:aa:bb:02'/>
 *     <domain type='netns'>... the live definition ...</domain>
 *   </domstatus>
 * and a network's is <netstatus> with its live <network>. The records let a
 * new process tell "still running" (the namespace with that cookie — or, on
 * kernels without SO_NETNS_COOKIE, that inode — is still mounted) from
 * "gone", remove exactly what was made (a link is deleted only when its name
 * and ifindex both still match), and give a passthrough device its own MAC,
 * MTU and state back.
 *
 * Netdev groups: every link a running domain creates carries the domain's
 * own group (IFLA_GROUP), recorded in <domstatus group>. It is allocated at
 * start from [VNET_NETDEV_GROUP, VNET_NETDEV_GROUP + VNET_NETDEV_GROUP_COUNT)
 * (network/netdev-group.h): the lowest one that no running domain of this
 * process holds and that no link of the host namespace carries. So
 *   a domain's links      go with one RTM_DELLINK for its group in each
 *                         namespace they live in (host: veth host ends,
 *                         macvtaps; guest: macvlans)
 *   a connection's or a   go with one such request per domain, found in the
 *   crashed process's     status files — never one request per link, and
 *                         never touching another domain's links.
 * Links of a status file without a group (older files) are deleted one by
 * one.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "conf/network_conf.h"

/* The first netdev group (IFLA_GROUP) of the range running domains get
 * theirs from, and the size of that range. */
#define VNET_NETDEV_GROUP 30318u
#define VNET_NETDEV_GROUP_COUNT 65536u

typedef struct {
    char *name;       /* host-side name (guest-only links: the name there) */
    int ifindex;      /* host-side ifindex; 0: the link lives only in the guest */
    guint32 group;
    VnetMac nic;      /* the domain NIC it realizes */
    char *guest_name; /* its name inside a netns guest, or NULL */
} VnetStatusLink;

void vnet_status_link_free(VnetStatusLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetStatusLink, vnet_status_link_free)

/* A source device given to a NIC in passthrough mode, as it was before. */
typedef struct {
    char *dev;      /* the source device */
    int ifindex;    /* its ifindex in the host namespace */
    VnetMac mac;    /* its own MAC, MTU and up/down state */
    guint mtu;
    gboolean up;
    VnetMac nic;    /* the domain NIC that holds it */
} VnetStatusPassthrough;

void vnet_status_passthrough_free(VnetStatusPassthrough *pt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetStatusPassthrough, vnet_status_passthrough_free)

typedef struct {
    char *backend;     /* "netns", "test" */
    guint32 group;     /* the domain's netdev group; 0: none */
    char *netns;       /* the guest namespace, or NULL */
    guint64 netns_inode;
    guint64 netns_cookie; /* 0: unknown (kernel before 5.14) */
    GPtrArray *links;  /* VnetStatusLink *, in creation order */
    GPtrArray *passthrough; /* VnetStatusPassthrough *, in creation order */
} VnetDomainStatus;

VnetDomainStatus *vnet_domain_status_new(const char *backend);
void vnet_domain_status_free(VnetDomainStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainStatus, vnet_domain_status_free)

/* The link realizing the NIC with MAC @nic, or NULL. */
VnetStatusLink *vnet_domain_status_find_link(VnetDomainStatus *status, const VnetMac *nic);
/* Removes (and frees) @link from the record. */
void vnet_domain_status_remove_link(VnetDomainStatus *status, VnetStatusLink *link);
/* The passthrough device held by the NIC with MAC @nic, or NULL. */
VnetStatusPassthrough *vnet_domain_status_find_passthrough(VnetDomainStatus *status,
                                                           const VnetMac *nic);

/* The status document for @status and the live definition @live. */
char *vnet_domain_status_format(const VnetDomainStatus *status, const VnetDomainDef *live);
/* Reads a status file; errors name the file. */
gboolean vnet_domain_status_parse_file(const char *path, VnetDomainStatus **ret_status,
                                       VnetDomainDef **ret_live, GError **error);

/* Networks: <netstatus transient='yes' ondemand='yes'> with the live
 * <network>. What a network made on the host follows from its live
 * definition (bridge name, nftables table names, dnsmasq's runtime folder),
 * so the kinds' stop ops need nothing more to remove it after a crash. */
typedef enum {
    /* created for an internal NIC, with no definition file */
    VNET_NETWORK_STATUS_TRANSIENT = 1 << 0,
    /* started because a NIC needed it: stopped when the last such NIC
     * leaves */
    VNET_NETWORK_STATUS_ON_DEMAND = 1 << 1,
} VnetNetworkStatusFlags;

char *vnet_network_status_format(const VnetNetworkDef *live, guint flags);
gboolean vnet_network_status_parse_file(const char *path, VnetNetworkDef **ret_live,
                                        guint *ret_flags, GError **error);
