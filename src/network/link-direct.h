/* link-direct.h: <interface type='direct'> realized on the host.
 *
 * A direct NIC is a macvlan-family link on a host device (the "source
 * device") in one of the kernel's modes:
 *   VM guests     a macvtap named <target dev> or vnmvtapN in the host
 *                 namespace; its character device is opened by the device
 *                 number sysfs gives and the fd kept for the guest backend
 *   netns guests  a macvlan created directly inside the guest's namespace
 *                 as ethN (one request: it exists there completely or not
 *                 at all; it has no host-side name)
 * with the NIC's MAC, MTU and link state, tagged with the caller's netdev
 * group so that one RTM_DELLINK removes a whole domain's direct links.
 *
 * passthrough gives the guest the whole device: one NIC per device across
 * the connection (a VnetDirectRegistry names the domain holding it), and
 * the device's MAC, MTU and up/down state are saved before and restored
 * after.
 *
 * Every realize returns a VnetDirectLink record: what was made, the tap fd,
 * the saved passthrough state, and how to undo it. Nothing is left behind
 * when realize fails.
 */
#pragma once

#include <glib.h>

#include "conf/domain_conf.h"
#include "util/vnet-nl.h"

/* ---- passthrough bookkeeping across a connection ----------------------- */

/* Which domain uses which source device in which mode, for one connection
 * (thread-safe, refcounted). */
typedef struct VnetDirectRegistry VnetDirectRegistry;

VnetDirectRegistry *vnet_direct_registry_new(void);
VnetDirectRegistry *vnet_direct_registry_ref(VnetDirectRegistry *registry);
void vnet_direct_registry_unref(VnetDirectRegistry *registry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDirectRegistry, vnet_direct_registry_unref)

/* Records that @domain uses @source_dev in @mode. Refused (FALSE, with
 * VNET_ERROR_OPERATION_INVALID naming the holder) when passthrough meets any
 * other use of the device. A restarted process calls this for the direct
 * NICs of the domains it finds still running. */
gboolean vnet_direct_registry_claim(VnetDirectRegistry *registry, const char *source_dev,
                                    VnetDirectMode mode, const char *domain, GError **error);
/* Drops one claim made with the same arguments. */
void vnet_direct_registry_release(VnetDirectRegistry *registry, const char *source_dev,
                                  VnetDirectMode mode, const char *domain);
/* Drops every claim of @domain (its destroy; or before a restarted process
 * claims a running domain's devices again, so that doing it twice is
 * harmless). */
void vnet_direct_registry_release_domain(VnetDirectRegistry *registry, const char *domain);
/* The domain holding @source_dev in passthrough, or NULL (a copy). */
char *vnet_direct_registry_passthrough_holder(VnetDirectRegistry *registry,
                                              const char *source_dev);

/* ---- what to make, and where ------------------------------------------ */

/* The fields of a direct <interface> this module needs. */
typedef struct {
    const char *source_dev;  /* <source dev>: required */
    VnetDirectMode mode;     /* NONE means vepa, as in libvirt */
    const VnetMac *mac;      /* NULL: the kernel picks one */
    guint mtu;               /* 0: not set */
    VnetLinkState link_state; /* DOWN: the link is created down */
    const char *target_dev;  /* VM guests: the macvtap's name; NULL: vnmvtapN */
    /* A <virtualport> (802.1Qbg / 802.1Qbh): its protocol work is a separate
     * issue, so a start with one is refused naming it. */
    VnetVirtualPortType virtualport;
    gboolean has_virtualport;
} VnetDirectDef;

/* Fills @ret from a parsed <interface type='direct'> (pointers into @nic). */
void vnet_direct_def_from_interface(const VnetDomainInterfaceDef *nic, VnetDirectDef *ret);

typedef struct {
    VnetNl *nl;           /* the host namespace (source devices, macvtaps) */
    guint32 group;        /* netdev group of every link made; not 0 */
    const char *domain;   /* the domain's name, for passthrough claims */
    const char *describe; /* "interface 2 (type 'direct') of domain 'web1'" */
    VnetDirectRegistry *registry; /* the connection's; NULL: no claims */
    /* netns guests: the namespace and the name there */
    gboolean netns;
    int netns_fd;
    const char *guest_name; /* "eth0" */
} VnetDirectCtx;

/* ---- the record of what was made --------------------------------------- */

typedef struct {
    char *name;          /* macvtap name (VM), or guest_name in the namespace */
    int ifindex;         /* in the namespace it lives in */
    guint32 group;
    guint32 kernel_mode; /* MACVLAN_MODE_* */
    gboolean in_netns;   /* a macvlan inside the guest namespace */
    int netns_fd;        /* (owned dup) that namespace, or -1 */
    int tap_fd;          /* VM guests: the macvtap device, O_RDWR|O_CLOEXEC; -1 */

    char *source_dev;
    int source_ifindex;
    /* passthrough: the device as it was before */
    gboolean passthrough;
    VnetMac saved_mac;
    guint saved_mtu;
    gboolean saved_up;

    /* internal: the claim to drop, and whether it is still ours */
    VnetDirectRegistry *registry;
    char *domain;
    VnetDirectMode mode;
    gboolean active;
} VnetDirectLink;

/* Frees the record (closing its fds) WITHOUT touching the host: after a
 * successful start the links stay, owned by the running domain. */
void vnet_direct_link_free(VnetDirectLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetDirectLink, vnet_direct_link_free)

/* Hands the tap fd to the caller (-1 when there is none); the record no
 * longer closes it. */
int vnet_direct_link_steal_tap_fd(VnetDirectLink *link);

/* ---- realize, undo, teardown ------------------------------------------- */

/* Checks @def's source device (exists, up, not a macvlan/macvtap itself,
 * not a bridge port) and its virtualport, without changing anything. */
gboolean vnet_direct_check_source(const VnetDirectDef *def, const VnetDirectCtx *ctx,
                                  GError **error);

/* Makes the link @def describes (after vnet_direct_check_source and the
 * passthrough claim). On failure nothing is left: no link, no claim, the
 * device as it was. */
gboolean vnet_direct_realize(const VnetDirectDef *def, const VnetDirectCtx *ctx,
                             VnetDirectLink **ret, GError **error);

/* Undoes one realize: deletes the link (if it is still the one made),
 * restores a passthrough device, drops the claim. @nl is a handle on the
 * host namespace. Idempotent. */
gboolean vnet_direct_link_undo(VnetDirectLink *link, VnetNl *nl, GError **error);
/* The same as a VnetUndoFunc (opens its own netlink handle; failures go to
 * the debug log): push it with vnet_direct_link_free as data_free. */
void vnet_direct_link_undo_func(gpointer link);

/* Removes every link of @links (all realized with group @group) with ONE
 * RTM_DELLINK per namespace they live in: @links_nl is a handle on that
 * namespace (the host's @nl for VM guests, one opened in the guest's
 * namespace for netns guests; NULL: @nl). Then restores passthrough devices
 * and drops claims. */
gboolean vnet_direct_teardown(VnetNl *nl, VnetNl *links_nl, guint32 group, GPtrArray *links,
                              GError **error);
