/* status.h: what a running object created on the host, as kept in its
 * status file under the runtime folder.
 *
 * A domain's status file is
 *   <domstatus backend='netns'>
 *     <netns name='web1' inode='4026532601'/>
 *     <link name='vnet0' ifindex='7' group='30318' nic='52:54:00:aa:bb:01' guest='eth0'/>
 *     <domain type='netns'>... the live definition ...</domain>
 *   </domstatus>
 * and a network's is <netstatus> with its live <network>. The records let a
 * new process tell "still running" (the namespace with that inode is still
 * mounted) from "gone", and remove exactly what was made (a link is deleted
 * only when its name and ifindex both still match).
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "conf/network_conf.h"

/* The netdev group (IFLA_GROUP) of every link vnet creates. */
#define VNET_NETDEV_GROUP 30318u

typedef struct {
    char *name;       /* host-side name */
    int ifindex;      /* host-side ifindex */
    guint32 group;
    VnetMac nic;      /* the domain NIC it realizes */
    char *guest_name; /* its name inside a netns guest, or NULL */
} VnetStatusLink;

void vnet_status_link_free(VnetStatusLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetStatusLink, vnet_status_link_free)

typedef struct {
    char *backend;     /* "netns", "test" */
    char *netns;       /* the guest namespace, or NULL */
    guint64 netns_inode;
    GPtrArray *links;  /* VnetStatusLink *, in creation order */
} VnetDomainStatus;

VnetDomainStatus *vnet_domain_status_new(const char *backend);
void vnet_domain_status_free(VnetDomainStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDomainStatus, vnet_domain_status_free)

/* The link realizing the NIC with MAC @nic, or NULL. */
VnetStatusLink *vnet_domain_status_find_link(VnetDomainStatus *status, const VnetMac *nic);
/* Removes (and frees) @link from the record. */
void vnet_domain_status_remove_link(VnetDomainStatus *status, VnetStatusLink *link);

/* The status document for @status and the live definition @live. */
char *vnet_domain_status_format(const VnetDomainStatus *status, const VnetDomainDef *live);
/* Reads a status file; errors name the file. */
gboolean vnet_domain_status_parse_file(const char *path, VnetDomainStatus **ret_status,
                                       VnetDomainDef **ret_live, GError **error);

/* Networks: only the live definition so far (issue 7 adds its host records). */
char *vnet_network_status_format(const VnetNetworkDef *live);
gboolean vnet_network_status_parse_file(const char *path, VnetNetworkDef **ret_live,
                                        GError **error);
