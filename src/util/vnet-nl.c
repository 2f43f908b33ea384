/* vnet-nl.c: rtnetlink through libnl-route-3 (see vnet-nl.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include <netlink/route/link/macvlan.h>
#include <netlink/route/link/macvtap.h>

#include "util/vnet-log.h"
#include "util/vnet-netns.h"
#include "util/vnet-nl-private.h"
#include "util/vnet-nl.h"

#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif
#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NLM_F_CAPPED
#define NLM_F_CAPPED 0x100
#endif
#ifndef NLM_F_ACK_TLVS
#define NLM_F_ACK_TLVS 0x200
#endif

VNET_ENUM_IMPL(vnet_nl_link_kind, VNET_NL_LINK_KIND_LAST, NULL, "veth", "macvlan", "macvtap",
               "bridge", "dummy");

/* ---- errors ------------------------------------------------------- */

static const int nle_errno[] = {
    [NLE_SUCCESS] = 0,
    [NLE_FAILURE] = EIO,
    [NLE_INTR] = EINTR,
    [NLE_BAD_SOCK] = EBADF,
    [NLE_AGAIN] = EAGAIN,
    [NLE_NOMEM] = ENOMEM,
    [NLE_EXIST] = EEXIST,
    [NLE_INVAL] = EINVAL,
    [NLE_RANGE] = ERANGE,
    [NLE_MSGSIZE] = EMSGSIZE,
    [NLE_OPNOTSUPP] = EOPNOTSUPP,
    [NLE_AF_NOSUPPORT] = EAFNOSUPPORT,
    [NLE_OBJ_NOTFOUND] = ENOENT,
    [NLE_NOATTR] = ENODATA,
    [NLE_MISSING_ATTR] = EINVAL,
    [NLE_AF_MISMATCH] = EAFNOSUPPORT,
    [NLE_SEQ_MISMATCH] = EILSEQ,
    [NLE_MSG_OVERFLOW] = EOVERFLOW,
    [NLE_MSG_TRUNC] = EMSGSIZE,
    [NLE_NOADDR] = EADDRNOTAVAIL,
    [NLE_SRCRT_NOSUPPORT] = EOPNOTSUPP,
    [NLE_MSG_TOOSHORT] = EBADMSG,
    [NLE_MSGTYPE_NOSUPPORT] = EOPNOTSUPP,
    [NLE_OBJ_MISMATCH] = EINVAL,
    [NLE_NOCACHE] = ENOENT,
    [NLE_BUSY] = EBUSY,
    [NLE_PROTO_MISMATCH] = EPROTONOSUPPORT,
    [NLE_NOACCESS] = EACCES,
    [NLE_PERM] = EPERM,
    [NLE_PKTLOC_FILE] = ENOENT,
    [NLE_PARSE_ERR] = EBADMSG,
    [NLE_NODEV] = ENODEV,
    [NLE_IMMUTABLE] = EPERM,
    [NLE_DUMP_INTR] = EINTR,
    [NLE_ATTRSIZE] = ERANGE,
};

/**
 * vnet_nl_error_to_errno:
 * @nl_error: a libnl error code (negative -NLE_* or positive NLE_*)
 *
 * Returns: the matching negative errno (-EIO when there is none).
 */
int
vnet_nl_error_to_errno(int nl_error)
{
    int code = ABS(nl_error);

    if (code == 0)
        return 0;
    if (code < (int)G_N_ELEMENTS(nle_errno) && nle_errno[code] != 0)
        return -nle_errno[code];
    return -EIO;
}

/* ---- the handle --------------------------------------------------- */

static int
nl_new(VnetNl **ret)
{
    g_autoptr(VnetNlSock) sk = nl_socket_alloc();
    int one = 1;
    int r;
    VnetNl *nl;

    if (!sk)
        return -ENOMEM;
    r = nl_connect(sk, NETLINK_ROUTE);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    /* the kernel's own explanation of a refusal, without an echo of our
     * whole request in every error */
    (void)setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
    (void)setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
    /* dumps of many links: let libnl size its receive buffer by peeking */
    nl_socket_enable_msg_peek(sk);

    nl = g_new0(VnetNl, 1);
    nl->sk = g_steal_pointer(&sk);
    g_mutex_init(&nl->lock);
    nl->name_hints = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    *ret = nl;
    return 0;
}

/**
 * vnet_nl_open:
 * @ret: (out): the new handle
 *
 * Opens a NETLINK_ROUTE socket in the calling thread's network namespace.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_open(VnetNl **ret)
{
    return nl_new(ret);
}

static int
open_in_netns_cb(gpointer data)
{
    return nl_new(data);
}

/**
 * vnet_nl_open_in_netns:
 * @netns_fd: an fd of a network namespace
 * @ret: (out): the new handle
 *
 * Opens the handle's socket from a thread inside @netns_fd, so every request
 * on it acts on that namespace. The calling thread stays where it is.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_open_in_netns(int netns_fd, VnetNl **ret)
{
    VnetNl *nl = NULL;
    int r;

    r = vnet_netns_run(netns_fd, open_in_netns_cb, &nl);
    if (r < 0)
        return r;
    *ret = nl;
    return 0;
}

/**
 * vnet_nl_free:
 * @nl: (nullable): a handle
 *
 * Closes the socket and frees the handle.
 */
void
vnet_nl_free(VnetNl *nl)
{
    if (!nl)
        return;
    nl_socket_free(nl->sk);
    g_mutex_clear(&nl->lock);
    g_free(nl->last_error_message);
    g_hash_table_destroy(nl->name_hints);
    g_free(nl);
}

/**
 * vnet_nl_get_request_count:
 * @nl: a handle
 *
 * Returns: how many requests this handle has sent to the kernel.
 */
guint64
vnet_nl_get_request_count(VnetNl *nl)
{
    guint64 n;

    g_mutex_lock(&nl->lock);
    n = nl->n_requests;
    g_mutex_unlock(&nl->lock);
    return n;
}

/**
 * vnet_nl_last_error_message:
 * @nl: a handle
 *
 * Returns: (nullable): the kernel's extended-ack message for the last
 * failed request, e.g. "Invalid MTU", or %NULL when it gave none.
 */
const char *
vnet_nl_last_error_message(VnetNl *nl)
{
    return nl->last_error_message;
}

/* ---- one request, with our own acknowledgement handling --------------- */

typedef struct {
    guint32 seq;
    gboolean done;
    int error; /* the kernel's errno, negative */
    char *ext_message;
    nl_recvmsg_msg_cb_t on_valid;
    void *on_valid_arg;
    int valid_error; /* first failure of on_valid */
} Request;

static int
on_seq_check(struct nl_msg *msg, void *arg)
{
    Request *req = arg;

    /* a late answer to an earlier, abandoned request is not ours */
    return nlmsg_hdr(msg)->nlmsg_seq == req->seq ? NL_OK : NL_SKIP;
}

static void
take_ext_ack(Request *req, struct nlmsgerr *e)
{
    struct nlmsghdr *hdr = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
    size_t offset = sizeof(*e);
    struct nlattr *tlvs;
    struct nlattr *attr;
    int len;

    if (!(hdr->nlmsg_flags & NLM_F_ACK_TLVS))
        return;
    /* the TLVs follow the echoed request, which is only its header when
     * the kernel capped it */
    if (!(hdr->nlmsg_flags & NLM_F_CAPPED))
        offset += e->msg.nlmsg_len - NLMSG_HDRLEN;
    len = (int)hdr->nlmsg_len - NLMSG_HDRLEN - (int)offset;
    if (len <= 0)
        return;
    tlvs = (struct nlattr *)((char *)e + offset);
    attr = nla_find(tlvs, len, NLMSGERR_ATTR_MSG);
    if (attr && nla_len(attr) > 0)
        req->ext_message = g_strndup(nla_data(attr), nla_len(attr));
}

static int
on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
    Request *req = arg;

    req->error = e->error;
    req->done = TRUE;
    take_ext_ack(req, e);
    return NL_STOP;
}

static int
on_ack(struct nl_msg *msg, void *arg)
{
    Request *req = arg;

    req->done = TRUE;
    return NL_STOP;
}

static int
on_valid(struct nl_msg *msg, void *arg)
{
    Request *req = arg;
    int r;

    if (!req->on_valid)
        return NL_OK;
    r = req->on_valid(msg, req->on_valid_arg);
    if (r < 0 && req->valid_error == 0)
        req->valid_error = r;
    return NL_OK;
}

/* Sends @msg and reads until its acknowledgement (or NLMSG_DONE for a dump),
 * passing every answer to @cb. Keeps the kernel's errno: libnl's own
 * nl_wait_for_ack squeezes it through nl_syserr2nlerr, which folds several
 * errnos into one code. */
static int
request(VnetNl *nl, struct nl_msg *msg, nl_recvmsg_msg_cb_t cb, void *cb_arg)
{
    Request req = {.on_valid = cb, .on_valid_arg = cb_arg};
    struct nl_cb *callbacks;
    struct nlmsghdr *hdr;
    gboolean dump;
    int r;

    g_mutex_lock(&nl->lock);
    g_clear_pointer(&nl->last_error_message, g_free);

    callbacks = nl_cb_alloc(NL_CB_DEFAULT);
    if (!callbacks) {
        g_mutex_unlock(&nl->lock);
        return -ENOMEM;
    }
    nl_cb_set(callbacks, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, on_seq_check, &req);
    nl_cb_set(callbacks, NL_CB_ACK, NL_CB_CUSTOM, on_ack, &req);
    nl_cb_set(callbacks, NL_CB_FINISH, NL_CB_CUSTOM, on_ack, &req);
    nl_cb_set(callbacks, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &req);
    nl_cb_err(callbacks, NL_CB_CUSTOM, on_error, &req);

    nl_complete_msg(nl->sk, msg);
    hdr = nlmsg_hdr(msg);
    dump = (hdr->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
    /* a dump ends with NLMSG_DONE; everything else with an ack or error */
    if (dump)
        hdr->nlmsg_flags &= ~NLM_F_ACK;
    else
        hdr->nlmsg_flags |= NLM_F_ACK;
    req.seq = hdr->nlmsg_seq;

    r = nl_send(nl->sk, msg);
    if (r < 0) {
        r = vnet_nl_error_to_errno(r);
        goto out;
    }
    nl->n_requests++;
    while (!req.done) {
        r = nl_recvmsgs(nl->sk, callbacks);
        if (r < 0 && !req.done) {
            r = vnet_nl_error_to_errno(r);
            goto out;
        }
    }
    r = req.error < 0 ? req.error : req.valid_error;
    if (req.error < 0)
        vnet_debug("netlink", "request type %u refused: %s%s%s", hdr->nlmsg_type,
                   g_strerror(-req.error), req.ext_message ? ": " : "",
                   req.ext_message ? req.ext_message : "");
    nl->last_error_message = g_steal_pointer(&req.ext_message);

out:
    g_free(req.ext_message);
    nl_cb_put(callbacks);
    g_mutex_unlock(&nl->lock);
    return r;
}

/* ---- link lookup ---------------------------------------------------- */

static void
take_object(struct nl_object *obj, void *arg)
{
    struct nl_object **out = arg;

    if (!*out) {
        nl_object_get(obj);
        *out = obj;
    }
}

static void
link_to_info(struct rtnl_link *link, VnetNlLinkInfo *info)
{
    struct nl_addr *addr;
    const char *s;

    memset(info, 0, sizeof(*info));
    info->ifindex = rtnl_link_get_ifindex(link);
    s = rtnl_link_get_name(link);
    if (s)
        g_strlcpy(info->name, s, sizeof(info->name));
    s = rtnl_link_get_type(link);
    if (s)
        g_strlcpy(info->kind, s, sizeof(info->kind));
    s = rtnl_link_get_slave_type(link);
    if (s)
        g_strlcpy(info->slave_kind, s, sizeof(info->slave_kind));
    addr = rtnl_link_get_addr(link);
    if (addr && nl_addr_get_len(addr) == VNET_MAC_LEN) {
        info->has_mac = TRUE;
        memcpy(info->mac.addr, nl_addr_get_binary_addr(addr), VNET_MAC_LEN);
    }
    info->mtu = rtnl_link_get_mtu(link);
    info->flags = rtnl_link_get_flags(link);
    info->master = rtnl_link_get_master(link);
    info->parent = rtnl_link_get_link(link);
    info->group = rtnl_link_get_group(link);
    if (rtnl_link_is_macvlan(link))
        info->macvlan_mode = rtnl_link_macvlan_get_mode(link);
    else if (rtnl_link_is_macvtap(link))
        info->macvlan_mode = rtnl_link_macvtap_get_mode(link);
}

static int
on_link(struct nl_msg *msg, void *arg)
{
    struct nl_object **out = arg;
    int r;

    r = nl_msg_parse(msg, take_object, out);
    return r < 0 ? vnet_nl_error_to_errno(r) : 0;
}

static int
link_get(VnetNl *nl, int ifindex, const char *name, VnetNlLinkInfo *ret)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nl_object *obj = NULL;
    int r;

    if (name && (!*name || strlen(name) >= VNET_IFNAMSIZ))
        return -EINVAL;
    r = rtnl_link_build_get_request(ifindex, name, &msg);
    if (r < 0)
        return vnet_nl_error_to_errno(r);
    r = request(nl, msg, on_link, &obj);
    if (r == 0 && !obj)
        r = -ENODEV;
    if (r == 0)
        link_to_info((struct rtnl_link *)obj, ret);
    if (obj)
        nl_object_put(obj);
    return r;
}

/**
 * vnet_nl_link_get:
 * @nl: a handle
 * @name: an interface name
 * @ret: (out): what the kernel says about it
 *
 * Returns: 0, -ENODEV when there is no such link, or -errno.
 */
int
vnet_nl_link_get(VnetNl *nl, const char *name, VnetNlLinkInfo *ret)
{
    return link_get(nl, 0, name, ret);
}

/**
 * vnet_nl_link_get_by_index:
 * @nl: a handle
 * @ifindex: an interface index
 * @ret: (out): what the kernel says about it
 *
 * Returns: 0, -ENODEV when there is no such link, or -errno.
 */
int
vnet_nl_link_get_by_index(VnetNl *nl, int ifindex, VnetNlLinkInfo *ret)
{
    if (ifindex <= 0)
        return -EINVAL;
    return link_get(nl, ifindex, NULL, ret);
}

/**
 * vnet_nl_link_exists:
 * @nl: a handle
 * @name: an interface name
 *
 * Returns: 1 when the link exists, 0 when it does not, or -errno.
 */
int
vnet_nl_link_exists(VnetNl *nl, const char *name)
{
    VnetNlLinkInfo info;
    int r = vnet_nl_link_get(nl, name, &info);

    if (r == -ENODEV)
        return 0;
    return r < 0 ? r : 1;
}

static void
append_link(struct nl_object *obj, void *arg)
{
    VnetNlLinkInfo info;

    link_to_info((struct rtnl_link *)obj, &info);
    g_array_append_val((GArray *)arg, info);
}

static int
on_link_dump(struct nl_msg *msg, void *arg)
{
    int r = nl_msg_parse(msg, append_link, arg);

    return r < 0 ? vnet_nl_error_to_errno(r) : 0;
}

/**
 * vnet_nl_link_list:
 * @nl: a handle
 * @ret: (out): a new array of #VnetNlLinkInfo, one per link
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_list(VnetNl *nl, GArray **ret)
{
    g_autoptr(GArray) links = g_array_new(FALSE, TRUE, sizeof(VnetNlLinkInfo));
    g_autoptr(VnetNlMsg) msg = nlmsg_alloc_simple(RTM_GETLINK, NLM_F_DUMP);
    struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC};
    int r;

    if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
        return -ENOMEM;
    r = request(nl, msg, on_link_dump, links);
    if (r < 0)
        return r;
    *ret = g_steal_pointer(&links);
    return 0;
}

/**
 * vnet_nl_link_info_is_up:
 * @info: a link
 *
 * Returns: whether IFF_UP is set (administratively up).
 */
gboolean
vnet_nl_link_info_is_up(const VnetNlLinkInfo *info)
{
    return (info->flags & IFF_UP) != 0;
}

/**
 * vnet_nl_link_info_is_macvlan:
 * @info: a link
 *
 * Returns: whether the link is a macvlan or a macvtap.
 */
gboolean
vnet_nl_link_info_is_macvlan(const VnetNlLinkInfo *info)
{
    return g_str_equal(info->kind, "macvlan") || g_str_equal(info->kind, "macvtap");
}

/**
 * vnet_nl_link_info_is_macvtap:
 * @info: a link
 *
 * Returns: whether the link is a macvtap.
 */
gboolean
vnet_nl_link_info_is_macvtap(const VnetNlLinkInfo *info)
{
    return g_str_equal(info->kind, "macvtap");
}

/**
 * vnet_nl_link_info_is_bridge_port:
 * @info: a link
 *
 * Returns: whether the link is enslaved to a bridge.
 */
gboolean
vnet_nl_link_info_is_bridge_port(const VnetNlLinkInfo *info)
{
    return info->master != 0 && g_str_equal(info->slave_kind, "bridge");
}

/**
 * vnet_nl_link_info_has_master:
 * @info: a link
 *
 * Returns: whether the link is enslaved to anything (bridge, bond, vrf...).
 */
gboolean
vnet_nl_link_info_has_master(const VnetNlLinkInfo *info)
{
    return info->master != 0;
}

/* ---- pieces of requests, shared with vnet-nl-link.c ----------------- */

/* Sets the link-layer address of request object @link to @mac; 0 or
 * -ENOMEM. Shared by link creation and link changes. */
int
vnet_nl_rtnl_set_mac(struct rtnl_link *link, const VnetMac *mac)
{
    g_autoptr(VnetNlAddr) addr = nl_addr_build(AF_LLC, mac->addr, VNET_MAC_LEN);

    if (!addr)
        return -ENOMEM;
    rtnl_link_set_addr(link, addr);
    return 0;
}

/* Sets or clears IFF_UP on request object @link; VNET_TRISTATE_NONE
 * leaves the flag out of the request. */
void
vnet_nl_rtnl_set_up(struct rtnl_link *link, VnetTristate up)
{
    if (up == VNET_TRISTATE_YES)
        rtnl_link_set_flags(link, IFF_UP);
    else if (up == VNET_TRISTATE_NO)
        rtnl_link_unset_flags(link, IFF_UP);
}

/**
 * vnet_nl_ifname_is_valid:
 * @name: (nullable): a proposed interface name
 *
 * The kernel's own limits plus no path component, since the name also
 * ends up in /proc/sys and /sys paths.
 *
 * Returns: whether @name can be an interface name.
 */
gboolean
vnet_nl_ifname_is_valid(const char *name)
{
    return name && *name && strlen(name) < VNET_IFNAMSIZ && !strchr(name, '/') &&
           !g_str_equal(name, ".") && !g_str_equal(name, "..");
}

/* ---- link changes --------------------------------------------------- */

/**
 * vnet_nl_link_change_build_msg:
 * @ifindex: the link to change
 * @change: what to change
 * @ret: (out): the request
 *
 * Pure: the one message vnet_nl_link_change() sends.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_change_build_msg(int ifindex, const VnetNlLinkChange *change, VnetNlMsg **ret)
{
    g_autoptr(VnetRtnlLink) orig = rtnl_link_alloc();
    g_autoptr(VnetRtnlLink) link = rtnl_link_alloc();
    int r;

    if (!orig || !link)
        return -ENOMEM;
    if (ifindex <= 0)
        return -EINVAL;
    rtnl_link_set_ifindex(orig, ifindex);
    rtnl_link_set_ifindex(link, ifindex);
    if (change->name) {
        if (!vnet_nl_ifname_is_valid(change->name) || strchr(change->name, '%'))
            return -EINVAL;
        rtnl_link_set_name(link, change->name);
    }
    if (change->mac && (r = vnet_nl_rtnl_set_mac(link, change->mac)) < 0)
        return r;
    if (change->mtu)
        rtnl_link_set_mtu(link, change->mtu);
    vnet_nl_rtnl_set_up(link, change->up);
    if (change->has_master)
        rtnl_link_set_master(link, change->master);
    if (change->has_group)
        rtnl_link_set_group(link, change->group);
    if (change->has_netns_fd)
        rtnl_link_set_ns_fd(link, change->netns_fd);
    r = rtnl_link_build_change_request(orig, link, 0, ret);
    return r < 0 ? vnet_nl_error_to_errno(r) : 0;
}

/**
 * vnet_nl_link_change:
 * @nl: a handle
 * @ifindex: the link to change
 * @change: what to change
 *
 * Applies every set field of @change in one request. Moving into a
 * namespace and renaming there happen together.
 *
 * Returns: 0 or the kernel's -errno (-EBUSY renaming a link that is up).
 */
int
vnet_nl_link_change(VnetNl *nl, int ifindex, const VnetNlLinkChange *change)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = vnet_nl_link_change_build_msg(ifindex, change, &msg)) < 0)
        return r;
    return request(nl, msg, NULL, NULL);
}

/**
 * vnet_nl_link_set_up:
 * @nl: a handle
 * @ifindex: the link
 * @up: set or clear IFF_UP
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_set_up(VnetNl *nl, int ifindex, gboolean up)
{
    VnetNlLinkChange change = {.up = up ? VNET_TRISTATE_YES : VNET_TRISTATE_NO};

    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_set_mac:
 * @nl: a handle
 * @ifindex: the link
 * @mac: the new address
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_set_mac(VnetNl *nl, int ifindex, const VnetMac *mac)
{
    VnetNlLinkChange change = {.mac = mac};

    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_set_mtu:
 * @nl: a handle
 * @ifindex: the link
 * @mtu: the new MTU (not 0)
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_set_mtu(VnetNl *nl, int ifindex, guint mtu)
{
    VnetNlLinkChange change = {.mtu = mtu};

    if (mtu == 0)
        return -EINVAL;
    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_set_master:
 * @nl: a handle
 * @ifindex: the link
 * @master_ifindex: the bridge to enslave it to, or 0 to release it
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_set_master(VnetNl *nl, int ifindex, int master_ifindex)
{
    VnetNlLinkChange change = {.has_master = TRUE, .master = master_ifindex};

    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_rename:
 * @nl: a handle
 * @ifindex: the link (down)
 * @name: its new name
 *
 * Returns: 0, -EEXIST when the name is taken, -EBUSY when the link is up.
 */
int
vnet_nl_link_rename(VnetNl *nl, int ifindex, const char *name)
{
    VnetNlLinkChange change = {.name = name};

    if (!name)
        return -EINVAL;
    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_set_group:
 * @nl: a handle
 * @ifindex: the link
 * @group: its new netdev group
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_set_group(VnetNl *nl, int ifindex, guint32 group)
{
    VnetNlLinkChange change = {.has_group = TRUE, .group = group};

    return vnet_nl_link_change(nl, ifindex, &change);
}

/**
 * vnet_nl_link_move_to_netns:
 * @nl: a handle
 * @ifindex: the link
 * @netns_fd: the namespace to move it into
 * @name: (nullable): its name there
 *
 * The kernel moves the link before renaming it: on -EEXIST (the name is
 * taken there) the link is in @netns_fd under its old name.
 *
 * Returns: 0, or -EEXIST when the name is taken there, or -errno.
 */
int
vnet_nl_link_move_to_netns(VnetNl *nl, int ifindex, int netns_fd, const char *name)
{
    VnetNlLinkChange change = {.name = name, .has_netns_fd = TRUE, .netns_fd = netns_fd};

    return vnet_nl_link_change(nl, ifindex, &change);
}

/* libnl's bridge flags know neither "isolated" nor how to clear a flag in
 * one request with others, so the port attributes are written directly. */
static int
put_port_flag(struct nl_msg *msg, int attr, VnetTristate value)
{
    if (value == VNET_TRISTATE_ABSENT)
        return 0;
    return nla_put_u8(msg, attr, value == VNET_TRISTATE_YES) < 0 ? -EMSGSIZE : 0;
}

/**
 * vnet_nl_bridge_port_build_msg:
 * @ifindex: a bridge port
 * @port: the flags to set or clear
 * @ret: (out): the RTM_SETLINK (AF_BRIDGE) request
 *
 * Pure.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_bridge_port_build_msg(int ifindex, const VnetNlBridgePort *port, VnetNlMsg **ret)
{
    g_autoptr(VnetNlMsg) msg = nlmsg_alloc_simple(RTM_SETLINK, 0);
    struct ifinfomsg ifi = {.ifi_family = AF_BRIDGE, .ifi_index = ifindex};
    struct nlattr *protinfo;
    int r;

    if (ifindex <= 0)
        return -EINVAL;
    if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
        return -ENOMEM;
    protinfo = nla_nest_start(msg, IFLA_PROTINFO | NLA_F_NESTED);
    if (!protinfo)
        return -EMSGSIZE;
    if ((r = put_port_flag(msg, IFLA_BRPORT_MODE, port->hairpin)) < 0 ||
        (r = put_port_flag(msg, IFLA_BRPORT_ISOLATED, port->isolated)) < 0 ||
        (r = put_port_flag(msg, IFLA_BRPORT_LEARNING, port->learning)) < 0 ||
        (r = put_port_flag(msg, IFLA_BRPORT_UNICAST_FLOOD, port->unicast_flood)) < 0)
        return r;
    nla_nest_end(msg, protinfo);
    *ret = g_steal_pointer(&msg);
    return 0;
}

/**
 * vnet_nl_bridge_port_set:
 * @nl: a handle
 * @ifindex: a bridge port
 * @port: the flags to set or clear (absent ones are left alone)
 *
 * Returns: 0 or -errno (-EOPNOTSUPP when the link is no bridge port).
 */
int
vnet_nl_bridge_port_set(VnetNl *nl, int ifindex, const VnetNlBridgePort *port)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = vnet_nl_bridge_port_build_msg(ifindex, port, &msg)) < 0)
        return r;
    return request(nl, msg, NULL, NULL);
}

/**
 * vnet_nl_send_request:
 * @nl: a handle
 * @msg: a complete request (not a dump)
 *
 * Returns: 0 once the kernel acknowledged it, or its -errno.
 */
int
vnet_nl_send_request(VnetNl *nl, VnetNlMsg *msg)
{
    return request(nl, msg, NULL, NULL);
}

/* ---- link deletion -------------------------------------------------- */

/**
 * vnet_nl_link_delete:
 * @nl: a handle
 * @ifindex: the link
 *
 * Returns: 0, -ENODEV when there is no such link, or -errno.
 */
int
vnet_nl_link_delete(VnetNl *nl, int ifindex)
{
    g_autoptr(VnetRtnlLink) link = rtnl_link_alloc();
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if (!link)
        return -ENOMEM;
    if (ifindex <= 0)
        return -EINVAL;
    rtnl_link_set_ifindex(link, ifindex);
    if ((r = rtnl_link_build_delete_request(link, &msg)) < 0)
        return vnet_nl_error_to_errno(r);
    return request(nl, msg, NULL, NULL);
}

/**
 * vnet_nl_link_delete_by_name:
 * @nl: a handle
 * @name: the link's name
 *
 * Returns: 0 (also when there is no such link) or -errno.
 */
int
vnet_nl_link_delete_by_name(VnetNl *nl, const char *name)
{
    g_autoptr(VnetRtnlLink) link = rtnl_link_alloc();
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if (!link)
        return -ENOMEM;
    if (!vnet_nl_ifname_is_valid(name))
        return -EINVAL;
    rtnl_link_set_name(link, name);
    if ((r = rtnl_link_build_delete_request(link, &msg)) < 0)
        return vnet_nl_error_to_errno(r);
    r = request(nl, msg, NULL, NULL);
    return r == -ENODEV ? 0 : r;
}

/**
 * vnet_nl_link_delete_group_build_msg:
 * @group: a netdev group (not 0)
 * @ret: (out): the request
 *
 * Pure: RTM_DELLINK with ifi_index 0 and IFLA_GROUP, which the kernel reads
 * as "every link of this group". libnl has no object call for it.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_link_delete_group_build_msg(guint32 group, VnetNlMsg **ret)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = 0};

    if (group == 0)
        return -EINVAL;
    msg = nlmsg_alloc_simple(RTM_DELLINK, 0);
    if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
        return -ENOMEM;
    if (nla_put_u32(msg, IFLA_GROUP, group) < 0)
        return -EMSGSIZE;
    *ret = g_steal_pointer(&msg);
    return 0;
}

/**
 * vnet_nl_link_delete_group:
 * @nl: a handle
 * @group: a netdev group (not 0)
 *
 * Deletes every link of @group in the handle's namespace with one request.
 * The kernel checks every member before deleting any: when one cannot be
 * deleted (a physical device) nothing is and -EOPNOTSUPP comes back.
 *
 * Returns: 0 (also for an empty group) or -errno.
 */
int
vnet_nl_link_delete_group(VnetNl *nl, guint32 group)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = vnet_nl_link_delete_group_build_msg(group, &msg)) < 0)
        return r;
    r = request(nl, msg, NULL, NULL);
    /* the kernel's way of saying the group had no member */
    return r == -ENODEV ? 0 : r;
}
