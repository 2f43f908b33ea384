/* vnet-nl-bridge.c: a bridge's own options over rtnetlink. libnl-route-3
 * has no setters for them (its bridge info ops know VLAN filtering and
 * netfilter hooks only), so the attributes are written directly. */
#include <config.h>

#include <errno.h>

#include <linux/if_link.h>

#include "util/vnet-nl.h"

/**
 * vnet_nl_bridge_opts_build_msg:
 * @ifindex: a bridge
 * @opts: the options to set (absent ones are not sent)
 * @ret: (out): the RTM_NEWLINK request changing them
 *
 * Pure.
 *
 * Returns: 0 or -errno.
 */
int
vnet_nl_bridge_opts_build_msg(int ifindex, const VnetNlBridgeOpts *opts, VnetNlMsg **ret)
{
    /* no NLM_F_CREATE: the bridge must exist, and only its options change */
    g_autoptr(VnetNlMsg) msg = nlmsg_alloc_simple(RTM_NEWLINK, 0);
    struct ifinfomsg ifi = {.ifi_family = AF_UNSPEC, .ifi_index = ifindex};
    struct nlattr *linkinfo;
    struct nlattr *data;

    if (ifindex <= 0)
        return -EINVAL;
    if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
        return -ENOMEM;
    if (!(linkinfo = nla_nest_start(msg, IFLA_LINKINFO)) ||
        nla_put_string(msg, IFLA_INFO_KIND, "bridge") < 0 ||
        !(data = nla_nest_start(msg, IFLA_INFO_DATA)))
        return -EMSGSIZE;
    if (opts->has_forward_delay &&
        nla_put_u32(msg, IFLA_BR_FORWARD_DELAY, opts->forward_delay) < 0)
        return -EMSGSIZE;
    if (opts->stp != VNET_TRISTATE_ABSENT &&
        nla_put_u32(msg, IFLA_BR_STP_STATE, opts->stp == VNET_TRISTATE_YES) < 0)
        return -EMSGSIZE;
    nla_nest_end(msg, data);
    nla_nest_end(msg, linkinfo);
    *ret = g_steal_pointer(&msg);
    return 0;
}

/**
 * vnet_nl_bridge_opts_set:
 * @nl: a handle
 * @ifindex: a bridge
 * @opts: the options to set
 *
 * Returns: 0 or -errno (-EOPNOTSUPP when the link is not a bridge,
 *   -ERANGE for a forward delay the kernel refuses with STP on).
 */
int
vnet_nl_bridge_opts_set(VnetNl *nl, int ifindex, const VnetNlBridgeOpts *opts)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    int r;

    if ((r = vnet_nl_bridge_opts_build_msg(ifindex, opts, &msg)) < 0)
        return r;
    return vnet_nl_send_request(nl, msg);
}
