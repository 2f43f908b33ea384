/* util-nl-test.c: src/util/vnet-nl — requests built without privileges
 * checked attribute by attribute, and every operation done for real in a
 * private network namespace, its result read back with `ip -d -j` or seen
 * as real traffic. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <linux/if.h>

#include "frame-helper.h"
#include "netns-helper.h"
#include "test-util.h"
#include "util/vnet-netns.h"
#include "util/vnet-nl.h"
#include "util/vnet-sysctl.h"

static int
ifindex_of(VnetNl *nl, const char *name)
{
    VnetNlLinkInfo info;

    g_assert_cmpint(vnet_nl_link_get(nl, name, &info), ==, 0);
    return info.ifindex;
}

static JsonObject *
linkinfo(JsonObject *link)
{
    g_assert_true(json_object_has_member(link, "linkinfo"));
    return json_object_get_object_member(link, "linkinfo");
}

/* ---- pure builders (no privileges) ---------------------------------- */

static void
test_errno_map(void)
{
    g_assert_cmpint(vnet_nl_error_to_errno(0), ==, 0);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_EXIST), ==, -EEXIST);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_NODEV), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_BUSY), ==, -EBUSY);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_NOMEM), ==, -ENOMEM);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_PERM), ==, -EPERM);
    g_assert_cmpint(vnet_nl_error_to_errno(-NLE_OPNOTSUPP), ==, -EOPNOTSUPP);
    /* every libnl code maps to some errno, and the inverse of
     * nl_syserr2nlerr holds for the errnos callers tell apart */
    for (int code = 1; code <= NLE_MAX; code++)
        g_assert_cmpint(vnet_nl_error_to_errno(-code), <, 0);
    {
        static const int errnos[] = {EEXIST, ENODEV, EBUSY, EPERM, ENOMEM, EINVAL, EOPNOTSUPP};

        for (guint i = 0; i < G_N_ELEMENTS(errnos); i++)
            g_assert_cmpint(vnet_nl_error_to_errno(-nl_syserr2nlerr(errnos[i])), ==, -errnos[i]);
    }
}

/* Parses a built RTM_NEWLINK/RTM_SETLINK message: its ifinfomsg and
 * top-level attributes. */
static struct ifinfomsg *
parse_link_msg(struct nl_msg *msg, struct nlattr **tb)
{
    struct nlmsghdr *hdr = nlmsg_hdr(msg);

    g_assert_cmpint(nlmsg_parse(hdr, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL), ==, 0);
    return nlmsg_data(hdr);
}

static void
test_build_macvtap(void)
{
    VnetNlLinkDef def = {
        .kind = VNET_NL_LINK_KIND_MACVTAP,
        .name = "vnmvtap7",
        .parent_ifindex = 42,
        .macvlan_mode = MACVLAN_MODE_PRIVATE,
    };
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct nlattr *info[IFLA_INFO_MAX + 1];
    struct nlattr *data[IFLA_MACVLAN_MAX + 1];
    struct ifinfomsg *ifi;
    struct nlmsghdr *hdr;

    g_assert_cmpint(vnet_nl_link_def_build_msg(&def, NULL, &msg), ==, 0);
    hdr = nlmsg_hdr(msg);
    g_assert_cmpuint(hdr->nlmsg_type, ==, RTM_NEWLINK);
    g_assert_cmpuint(hdr->nlmsg_flags & (NLM_F_CREATE | NLM_F_EXCL), ==,
                     NLM_F_CREATE | NLM_F_EXCL);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpint(ifi->ifi_index, ==, 0);
    /* nothing the def left unset */
    g_assert_cmpuint(ifi->ifi_change, ==, 0);
    g_assert_null(tb[IFLA_MTU]);
    g_assert_null(tb[IFLA_ADDRESS]);
    g_assert_null(tb[IFLA_GROUP]);
    g_assert_null(tb[IFLA_NET_NS_FD]);
    g_assert_null(tb[IFLA_MASTER]);
    /* and exactly what it set */
    g_assert_cmpstr(nla_get_string(tb[IFLA_IFNAME]), ==, "vnmvtap7");
    g_assert_cmpuint(nla_get_u32(tb[IFLA_LINK]), ==, 42);
    g_assert_nonnull(tb[IFLA_LINKINFO]);
    g_assert_cmpint(nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL), ==, 0);
    g_assert_cmpstr(nla_get_string(info[IFLA_INFO_KIND]), ==, "macvtap");
    g_assert_cmpint(nla_parse_nested(data, IFLA_MACVLAN_MAX, info[IFLA_INFO_DATA], NULL), ==, 0);
    g_assert_cmpuint(nla_get_u32(data[IFLA_MACVLAN_MODE]), ==, MACVLAN_MODE_PRIVATE);
}

static void
test_build_all_set(void)
{
    VnetMac mac = vnet_test_mac("52:54:00:aa:bb:cc");
    VnetNlLinkDef def = {
        .kind = VNET_NL_LINK_KIND_MACVLAN,
        .name = "vnmvlan3",
        .parent_ifindex = 5,
        .mac = &mac,
        .mtu = 9000,
        .has_group = TRUE,
        .group = 4242,
        .up = VNET_TRISTATE_YES,
        .has_netns_fd = TRUE,
        .netns_fd = 17,
    };
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct ifinfomsg *ifi;

    g_assert_cmpint(vnet_nl_link_def_build_msg(&def, "vnmvlan9", &msg), ==, 0);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpuint(ifi->ifi_flags & IFF_UP, ==, IFF_UP);
    g_assert_cmpuint(ifi->ifi_change & IFF_UP, ==, IFF_UP);
    /* the explicit name wins over def->name */
    g_assert_cmpstr(nla_get_string(tb[IFLA_IFNAME]), ==, "vnmvlan9");
    g_assert_cmpuint(nla_get_u32(tb[IFLA_MTU]), ==, 9000);
    g_assert_cmpuint(nla_get_u32(tb[IFLA_GROUP]), ==, 4242);
    g_assert_cmpuint(nla_get_u32(tb[IFLA_NET_NS_FD]), ==, 17);
    g_assert_cmpint(nla_len(tb[IFLA_ADDRESS]), ==, 6);
    g_assert_cmpmem(nla_data(tb[IFLA_ADDRESS]), 6, mac.addr, 6);
}

static void
test_build_invalid(void)
{
    g_autoptr(VnetRtnlLink) link = NULL;
    VnetNlLinkDef no_parent = {.kind = VNET_NL_LINK_KIND_MACVLAN, .name = "x"};
    VnetNlLinkDef no_kind = {.name = "x"};
    VnetNlLinkDef long_name = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "0123456789abcdef"};
    VnetNlLinkDef slash = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "a/b"};
    VnetNlLinkDef peer_on_dummy = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "d", .peer_name = "p"};
    VnetNlLinkDef mode_on_veth = {.kind = VNET_NL_LINK_KIND_VETH, .name = "v", .macvlan_mode = 1};
    VnetNlLinkDef bad_mode = {.kind = VNET_NL_LINK_KIND_MACVLAN, .name = "m",
                              .parent_ifindex = 2, .macvlan_mode = 3};

    g_assert_cmpint(vnet_nl_link_def_build(&no_parent, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&no_kind, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&long_name, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&slash, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&peer_on_dummy, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&mode_on_veth, NULL, &link), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_def_build(&bad_mode, NULL, &link), ==, -EINVAL);
    /* a template is resolved by create, never sent */
    g_assert_cmpint(vnet_nl_link_def_build(&(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                            .name = "vn%d"},
                                           NULL, &link),
                    ==, -EINVAL);
    g_assert_null(link);
}

static void
test_build_veth_peer(void)
{
    VnetMac peer_mac = vnet_test_mac("52:54:00:00:00:01");
    VnetNlLinkDef def = {
        .kind = VNET_NL_LINK_KIND_VETH,
        .name = "vnet5",
        .peer_name = "eth0",
        .peer_mac = &peer_mac,
        .peer_up = VNET_TRISTATE_YES,
        .has_peer_netns_fd = TRUE,
        .peer_netns_fd = 9,
    };
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct nlattr *info[IFLA_INFO_MAX + 1];
    struct nlattr *peer_tb[IFLA_MAX + 1];
    struct nlattr *peer;
    struct ifinfomsg *peer_ifi;

    g_assert_cmpint(vnet_nl_link_def_build_msg(&def, NULL, &msg), ==, 0);
    parse_link_msg(msg, tb);
    g_assert_null(tb[IFLA_NET_NS_FD]);
    g_assert_cmpint(nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL), ==, 0);
    g_assert_cmpstr(nla_get_string(info[IFLA_INFO_KIND]), ==, "veth");
    /* IFLA_INFO_DATA { VETH_INFO_PEER { ifinfomsg, attributes } } */
    peer = nla_find(nla_data(info[IFLA_INFO_DATA]), nla_len(info[IFLA_INFO_DATA]), 1);
    g_assert_nonnull(peer);
    peer_ifi = nla_data(peer);
    /* never in the creating request: the kernel refuses it */
    g_assert_cmpuint(peer_ifi->ifi_flags & IFF_UP, ==, 0);
    g_assert_cmpint(nla_parse(peer_tb, IFLA_MAX,
                              (struct nlattr *)((char *)nla_data(peer) +
                                                NLMSG_ALIGN(sizeof(struct ifinfomsg))),
                              nla_len(peer) - (int)NLMSG_ALIGN(sizeof(struct ifinfomsg)), NULL),
                    ==, 0);
    g_assert_cmpstr(nla_get_string(peer_tb[IFLA_IFNAME]), ==, "eth0");
    g_assert_cmpuint(nla_get_u32(peer_tb[IFLA_NET_NS_FD]), ==, 9);
    g_assert_cmpmem(nla_data(peer_tb[IFLA_ADDRESS]), 6, peer_mac.addr, 6);
}

static void
test_build_change(void)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    g_autoptr(VnetNlMsg) release = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct ifinfomsg *ifi;
    VnetNlLinkChange change = {
        .name = "eth3",
        .up = VNET_TRISTATE_NO,
        .has_netns_fd = TRUE,
        .netns_fd = 11,
    };

    g_assert_cmpint(vnet_nl_link_change_build_msg(7, &change, &msg), ==, 0);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpint(ifi->ifi_index, ==, 7);
    g_assert_cmpuint(ifi->ifi_change, ==, IFF_UP);
    g_assert_cmpuint(ifi->ifi_flags & IFF_UP, ==, 0);
    /* the move and the new name there travel in one message */
    g_assert_cmpstr(nla_get_string(tb[IFLA_IFNAME]), ==, "eth3");
    g_assert_cmpuint(nla_get_u32(tb[IFLA_NET_NS_FD]), ==, 11);
    g_assert_null(tb[IFLA_MTU]);
    g_assert_null(tb[IFLA_MASTER]);

    /* master 0 is sent: it means "release" */
    g_assert_cmpint(vnet_nl_link_change_build_msg(
                        7, &(VnetNlLinkChange){.has_master = TRUE, .master = 0}, &release),
                    ==, 0);
    parse_link_msg(release, tb);
    g_assert_nonnull(tb[IFLA_MASTER]);
    g_assert_cmpuint(nla_get_u32(tb[IFLA_MASTER]), ==, 0);
    g_assert_null(tb[IFLA_IFNAME]);
}

static void
test_build_group_delete(void)
{
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct ifinfomsg *ifi;
    int n_attrs = 0;
    struct nlattr *attr;
    int rem;

    g_assert_cmpint(vnet_nl_link_delete_group_build_msg(0, &msg), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_delete_group_build_msg(4711, &msg), ==, 0);
    g_assert_cmpuint(nlmsg_hdr(msg)->nlmsg_type, ==, RTM_DELLINK);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpint(ifi->ifi_index, ==, 0);
    g_assert_cmpuint(nla_get_u32(tb[IFLA_GROUP]), ==, 4711);
    nlmsg_for_each_attr(attr, nlmsg_hdr(msg), sizeof(struct ifinfomsg), rem)
        n_attrs++;
    g_assert_cmpint(n_attrs, ==, 1);
}

static void
test_build_bridge_port(void)
{
    VnetNlBridgePort port = {.hairpin = VNET_TRISTATE_YES, .isolated = VNET_TRISTATE_NO};
    g_autoptr(VnetNlMsg) msg = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct nlattr *brport[IFLA_BRPORT_MAX + 1];
    struct ifinfomsg *ifi;

    g_assert_cmpint(vnet_nl_bridge_port_build_msg(3, &port, &msg), ==, 0);
    g_assert_cmpuint(nlmsg_hdr(msg)->nlmsg_type, ==, RTM_SETLINK);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpint(ifi->ifi_family, ==, AF_BRIDGE);
    g_assert_cmpint(ifi->ifi_index, ==, 3);
    g_assert_cmpint(nla_parse_nested(brport, IFLA_BRPORT_MAX, tb[IFLA_PROTINFO], NULL), ==, 0);
    g_assert_cmpuint(nla_get_u8(brport[IFLA_BRPORT_MODE]), ==, 1);
    g_assert_cmpuint(nla_get_u8(brport[IFLA_BRPORT_ISOLATED]), ==, 0);
    g_assert_null(brport[IFLA_BRPORT_LEARNING]);
}

static void
test_build_bridge_opts(void)
{
    VnetNlBridgeOpts opts = {.stp = VNET_TRISTATE_NO, .has_forward_delay = TRUE,
                             .forward_delay = 700};
    VnetNlBridgeOpts only_stp = {.stp = VNET_TRISTATE_YES};
    g_autoptr(VnetNlMsg) msg = NULL;
    g_autoptr(VnetNlMsg) msg2 = NULL;
    struct nlattr *tb[IFLA_MAX + 1];
    struct nlattr *info[IFLA_INFO_MAX + 1];
    struct nlattr *br[IFLA_BR_MAX + 1];
    struct ifinfomsg *ifi;

    g_assert_cmpint(vnet_nl_bridge_opts_build_msg(0, &opts, &msg), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_bridge_opts_build_msg(5, &opts, &msg), ==, 0);
    /* a change of an existing link: no NLM_F_CREATE */
    g_assert_cmpuint(nlmsg_hdr(msg)->nlmsg_type, ==, RTM_NEWLINK);
    g_assert_cmpuint(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_CREATE, ==, 0);
    ifi = parse_link_msg(msg, tb);
    g_assert_cmpint(ifi->ifi_index, ==, 5);
    g_assert_cmpint(nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL), ==, 0);
    g_assert_cmpstr(nla_get_string(info[IFLA_INFO_KIND]), ==, "bridge");
    g_assert_cmpint(nla_parse_nested(br, IFLA_BR_MAX, info[IFLA_INFO_DATA], NULL), ==, 0);
    g_assert_cmpuint(nla_get_u32(br[IFLA_BR_STP_STATE]), ==, 0);
    g_assert_cmpuint(nla_get_u32(br[IFLA_BR_FORWARD_DELAY]), ==, 700);

    /* only what is set is sent */
    g_assert_cmpint(vnet_nl_bridge_opts_build_msg(5, &only_stp, &msg2), ==, 0);
    parse_link_msg(msg2, tb);
    g_assert_cmpint(nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL), ==, 0);
    g_assert_cmpint(nla_parse_nested(br, IFLA_BR_MAX, info[IFLA_INFO_DATA], NULL), ==, 0);
    g_assert_cmpuint(nla_get_u32(br[IFLA_BR_STP_STATE]), ==, 1);
    g_assert_null(br[IFLA_BR_FORWARD_DELAY]);
}

/* ---- in a private namespace ------------------------------------------ */

static void
test_lookup(void)
{
    g_autoptr(VnetNl) nl = NULL;
    VnetNlLinkInfo info;
    g_autoptr(GArray) all = NULL;
    gboolean seen_lo = FALSE;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_get(nl, "lo", &info), ==, 0);
    g_assert_cmpint(info.ifindex, ==, 1);
    g_assert_cmpstr(info.name, ==, "lo");
    g_assert_true(vnet_nl_link_info_is_up(&info));
    g_assert_false(vnet_nl_link_info_is_macvlan(&info));
    g_assert_false(vnet_nl_link_info_has_master(&info));
    g_assert_cmpuint(info.mtu, ==, 65536);

    g_assert_cmpint(vnet_nl_link_get(nl, "vnt-none", &info), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_link_get_by_index(nl, 99999, &info), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_link_exists(nl, "lo"), ==, 1);
    g_assert_cmpint(vnet_nl_link_exists(nl, "vnt-none"), ==, 0);
    g_assert_cmpint(vnet_nl_link_get(nl, "0123456789abcdefg", &info), ==, -EINVAL);

    vnet_netns_sh(NULL, "ip link add vnt-lk0 type bridge && ip link set vnt-lk0 mtu 1400 up");
    g_assert_cmpint(vnet_nl_link_get(nl, "vnt-lk0", &info), ==, 0);
    g_assert_cmpstr(info.kind, ==, "bridge");
    g_assert_cmpuint(info.mtu, ==, 1400);
    g_assert_true(info.has_mac);
    g_assert_true(vnet_nl_link_info_is_up(&info));

    g_assert_cmpint(vnet_nl_link_list(nl, &all), ==, 0);
    for (guint i = 0; i < all->len; i++)
        seen_lo |= g_str_equal(g_array_index(all, VnetNlLinkInfo, i).name, "lo");
    g_assert_true(seen_lo);
    g_assert_cmpuint(all->len, >=, 2);
    g_assert_cmpint(vnet_nl_link_delete_by_name(nl, "vnt-lk0"), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-lk0"));
    /* deleting what is not there is no error by name, ENODEV by index */
    g_assert_cmpint(vnet_nl_link_delete_by_name(nl, "vnt-lk0"), ==, 0);
    g_assert_cmpint(vnet_nl_link_delete(nl, 99999), ==, -ENODEV);
}

static void
test_create_veth(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_auto(VnetNetnsLink) ip = {0};
    VnetMac mac = vnet_test_mac("52:54:00:12:34:56");
    VnetNlLinkDef def = {
        .kind = VNET_NL_LINK_KIND_VETH,
        .name = "vnt-ve0",
        .mac = &mac,
        .mtu = 1400,
        .has_group = TRUE,
        .group = 301,
        .up = VNET_TRISTATE_YES,
        .peer_name = "vnt-ve1",
        .peer_mtu = 1400,
    };
    VnetNlLinkInfo info;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_create(nl, &def, &info), ==, 0);
    g_assert_cmpstr(info.name, ==, "vnt-ve0");
    g_assert_cmpint(info.ifindex, >, 0);
    g_assert_cmpuint(info.group, ==, 301);
    g_assert_true(vnet_mac_equal(&info.mac, &mac));

    vnet_netns_link_read(&ip, NULL, "vnt-ve0");
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "address"), ==, "52:54:00:12:34:56");
    g_assert_cmpint(json_object_get_int_member(ip.link, "mtu"), ==, 1400);
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "group"), ==, "301");
    g_assert_true(vnet_netns_link_has_flag(ip.link, "UP"));
    g_assert_cmpstr(vnet_netns_str_member(linkinfo(ip.link), "info_kind"), ==, "veth");
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "link"), ==, "vnt-ve1");
    vnet_netns_link_read(&ip, NULL, "vnt-ve1");
    g_assert_false(vnet_netns_link_has_flag(ip.link, "UP"));
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "group"), ==, "default");

    /* the same fixed name again: the kernel's EEXIST, unchanged */
    g_assert_cmpint(vnet_nl_link_create(nl, &def, NULL), ==, -EEXIST);
    g_assert_cmpint(vnet_nl_link_delete(nl, info.ifindex), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-ve0"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-ve1"));
}

static void
test_create_macvlan_modes(void)
{
    static const struct {
        VnetNlLinkKind kind;
        guint32 mode;
        const char *ip_mode;
    } cases[] = {
        {VNET_NL_LINK_KIND_MACVLAN, MACVLAN_MODE_VEPA, "vepa"},
        {VNET_NL_LINK_KIND_MACVLAN, MACVLAN_MODE_BRIDGE, "bridge"},
        {VNET_NL_LINK_KIND_MACVLAN, MACVLAN_MODE_PRIVATE, "private"},
        {VNET_NL_LINK_KIND_MACVTAP, MACVLAN_MODE_VEPA, "vepa"},
        {VNET_NL_LINK_KIND_MACVTAP, MACVLAN_MODE_BRIDGE, "bridge"},
        {VNET_NL_LINK_KIND_MACVTAP, MACVLAN_MODE_PRIVATE, "private"},
        {VNET_NL_LINK_KIND_MACVTAP, MACVLAN_MODE_PASSTHRU, "passthru"},
        {VNET_NL_LINK_KIND_MACVLAN, MACVLAN_MODE_PASSTHRU, "passthru"},
    };
    g_autoptr(VnetNl) nl = NULL;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    vnet_netns_sh(NULL, "ip link add vnt-par0 type veth peer name vnt-par1 && "
                        "ip link set vnt-par0 up");
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_auto(VnetNetnsLink) ip = {0};
        const char *kind = vnet_nl_link_kind_to_string(cases[i].kind);
        VnetNlLinkDef def = {
            .kind = cases[i].kind,
            .name = "vnt-mv0",
            .parent_ifindex = ifindex_of(nl, "vnt-par0"),
            .macvlan_mode = cases[i].mode,
        };
        VnetNlLinkInfo info;

        g_test_message("%s mode %s", kind, cases[i].ip_mode);
        g_assert_cmpint(vnet_nl_link_create(nl, &def, &info), ==, 0);
        g_assert_cmpstr(info.kind, ==, kind);
        g_assert_cmpuint(info.macvlan_mode, ==, cases[i].mode);
        g_assert_cmpint(info.parent, ==, def.parent_ifindex);
        g_assert_true(vnet_nl_link_info_is_macvlan(&info));
        g_assert_cmpint(vnet_nl_link_info_is_macvtap(&info), ==,
                        cases[i].kind == VNET_NL_LINK_KIND_MACVTAP);
        vnet_netns_link_read(&ip, NULL, "vnt-mv0");
        g_assert_cmpstr(vnet_netns_str_member(linkinfo(ip.link), "info_kind"), ==, kind);
        g_assert_cmpstr(
            vnet_netns_str_member(json_object_get_object_member(linkinfo(ip.link), "info_data"),
                                  "mode"),
            ==, cases[i].ip_mode);
        g_assert_cmpstr(vnet_netns_str_member(ip.link, "link"), ==, "vnt-par0");
        g_assert_cmpint(vnet_nl_link_delete(nl, info.ifindex), ==, 0);
    }
    /* a parent that does not exist: the kernel's ENODEV */
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_MACVLAN,
                                                         .name = "vnt-mv1",
                                                         .parent_ifindex = 99999},
                                        NULL),
                    ==, -ENODEV);
    /* a second macvlan on a passthrough parent: refused, and the kernel says
     * why */
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_MACVLAN,
                                                         .name = "vnt-mv2",
                                                         .parent_ifindex = ifindex_of(nl, "vnt-par0"),
                                                         .macvlan_mode = MACVLAN_MODE_PASSTHRU},
                                        NULL),
                    ==, 0);
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_MACVLAN,
                                                         .name = "vnt-mv3",
                                                         .parent_ifindex = ifindex_of(nl, "vnt-par0"),
                                                         .macvlan_mode = MACVLAN_MODE_BRIDGE},
                                        NULL),
                    ==, -EINVAL);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-mv3"));
    vnet_netns_sh(NULL, "ip link del vnt-mv2 && ip link del vnt-par0");
}

static void
test_create_template(void)
{
    g_autoptr(VnetNl) nl = NULL;
    VnetNlLinkDef def = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "vnttpl%d"};
    VnetNlLinkInfo info;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    /* taken by someone else before we start */
    vnet_netns_sh(NULL, "ip link add vnttpl0 type bridge && ip link add vnttpl2 type bridge");
    g_assert_cmpint(vnet_nl_link_create(nl, &def, &info), ==, 0);
    g_assert_cmpstr(info.name, ==, "vnttpl1");
    g_assert_cmpint(vnet_nl_link_create(nl, &def, &info), ==, 0);
    g_assert_cmpstr(info.name, ==, "vnttpl3");
    g_assert_true(vnet_netns_link_exists(NULL, "vnttpl3"));
    /* invalid templates */
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vn%s"},
                                        NULL),
                    ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vn%d%d"},
                                        NULL),
                    ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_create(nl, &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE},
                                        NULL),
                    ==, -EINVAL);
    vnet_netns_sh(NULL, "for i in 0 1 2 3; do ip link del vnttpl$i; done");
}

typedef struct {
    GPtrArray *names;
    int error;
} RaceResult;

static gpointer
race_thread(gpointer data)
{
    RaceResult *res = data;
    g_autoptr(VnetNl) nl = NULL;
    VnetNlLinkDef def = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "vntrace%d"};

    res->error = vnet_nl_open(&nl);
    for (int i = 0; i < 15 && res->error == 0; i++) {
        VnetNlLinkInfo info;

        res->error = vnet_nl_link_create(nl, &def, &info);
        if (res->error == 0)
            g_ptr_array_add(res->names, g_strdup(info.name));
    }
    return NULL;
}

static void
test_create_template_race(void)
{
    RaceResult results[3];
    GThread *threads[3];
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(VnetNl) nl = NULL;

    if (!vnet_netns_enter_or_skip())
        return;
    /* three handles that all start at candidate 0 and collide on purpose */
    for (guint t = 0; t < G_N_ELEMENTS(threads); t++) {
        results[t].names = g_ptr_array_new_with_free_func(g_free);
        threads[t] = g_thread_new("race", race_thread, &results[t]);
    }
    for (guint t = 0; t < G_N_ELEMENTS(threads); t++) {
        g_thread_join(threads[t]);
        g_assert_cmpint(results[t].error, ==, 0);
        g_assert_cmpuint(results[t].names->len, ==, 15);
        for (guint i = 0; i < results[t].names->len; i++) {
            const char *name = g_ptr_array_index(results[t].names, i);

            g_assert_false(g_hash_table_contains(seen, name));
            g_hash_table_add(seen, (gpointer)name);
            g_assert_true(vnet_netns_link_exists(NULL, name));
        }
    }
    g_assert_cmpuint(g_hash_table_size(seen), ==, 45);
    nl = vnet_test_open_nl();
    for (guint t = 0; t < G_N_ELEMENTS(threads); t++) {
        for (guint i = 0; i < results[t].names->len; i++)
            g_assert_cmpint(
                vnet_nl_link_delete_by_name(nl, g_ptr_array_index(results[t].names, i)), ==, 0);
        g_ptr_array_unref(results[t].names);
    }
}

static void
test_change(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_auto(VnetNetnsLink) ip = {0};
    VnetMac mac = vnet_test_mac("02:00:00:00:00:42");
    VnetNlLinkDef def = {.kind = VNET_NL_LINK_KIND_BRIDGE, .name = "vnt-ch0"};
    VnetNlLinkChange all = {
        .mac = &mac,
        .mtu = 1280,
        .up = VNET_TRISTATE_YES,
        .has_group = TRUE,
        .group = 302,
    };
    VnetNlLinkInfo info;
    guint64 before;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_create(nl, &def, &info), ==, 0);
    before = vnet_nl_get_request_count(nl);
    g_assert_cmpint(vnet_nl_link_change(nl, info.ifindex, &all), ==, 0);
    g_assert_cmpuint(vnet_nl_get_request_count(nl), ==, before + 1);
    vnet_netns_link_read(&ip, NULL, "vnt-ch0");
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "address"), ==, "02:00:00:00:00:42");
    g_assert_cmpint(json_object_get_int_member(ip.link, "mtu"), ==, 1280);
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "group"), ==, "302");
    g_assert_true(vnet_netns_link_has_flag(ip.link, "UP"));

    /* renaming onto a taken name: the kernel's EEXIST, unchanged */
    g_assert_cmpint(vnet_nl_link_rename(nl, info.ifindex, "lo"), ==, -EEXIST);
    g_assert_cmpint(vnet_nl_link_set_up(nl, info.ifindex, FALSE), ==, 0);
    g_assert_cmpint(vnet_nl_link_rename(nl, info.ifindex, "vnt-ch1"), ==, 0);
    vnet_netns_link_read(&ip, NULL, "vnt-ch1");
    g_assert_false(vnet_netns_link_has_flag(ip.link, "UP"));
    g_assert_cmpint(vnet_nl_link_set_mtu(nl, info.ifindex, 1500), ==, 0);
    g_assert_cmpint(vnet_nl_link_set_group(nl, info.ifindex, 0), ==, 0);
    g_assert_cmpint(vnet_nl_link_set_mac(nl, info.ifindex, &(VnetMac){{2, 0, 0, 0, 0, 0x43}}),
                    ==, 0);
    vnet_netns_link_read(&ip, NULL, "vnt-ch1");
    g_assert_cmpint(json_object_get_int_member(ip.link, "mtu"), ==, 1500);
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "group"), ==, "default");
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "address"), ==, "02:00:00:00:00:43");

    /* an MTU the device refuses: EINVAL, with the kernel's explanation */
    g_assert_cmpint(vnet_nl_link_set_mtu(nl, info.ifindex, 10), ==, -EINVAL);
    g_assert_nonnull(vnet_nl_last_error_message(nl));
    g_test_message("kernel said: %s", vnet_nl_last_error_message(nl));
    g_assert_cmpint(vnet_nl_link_set_up(nl, 99999, TRUE), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_link_delete(nl, info.ifindex), ==, 0);
}

static void
test_bridge_ports(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_auto(VnetNetnsLink) ip = {0};
    VnetNlLinkInfo br;
    VnetNlLinkInfo port;
    VnetNlLinkInfo info;
    JsonObject *slave;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vnt-br0",
                                                         .up = VNET_TRISTATE_YES},
                                        &br),
                    ==, 0);
    g_assert_cmpstr(br.kind, ==, "bridge");
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_VETH,
                                                         .name = "vnt-bp0",
                                                         .peer_name = "vnt-bp1"},
                                        &port),
                    ==, 0);
    g_assert_cmpint(vnet_nl_link_set_master(nl, port.ifindex, br.ifindex), ==, 0);
    g_assert_cmpint(vnet_nl_link_get_by_index(nl, port.ifindex, &info), ==, 0);
    g_assert_true(vnet_nl_link_info_is_bridge_port(&info));
    g_assert_cmpint(info.master, ==, br.ifindex);
    vnet_netns_link_read(&ip, NULL, "vnt-bp0");
    g_assert_cmpstr(vnet_netns_str_member(ip.link, "master"), ==, "vnt-br0");

    g_assert_cmpint(vnet_nl_bridge_port_set(nl, port.ifindex,
                                            &(VnetNlBridgePort){.hairpin = VNET_TRISTATE_YES,
                                                                .isolated = VNET_TRISTATE_YES}),
                    ==, 0);
    vnet_netns_link_read(&ip, NULL, "vnt-bp0");
    slave = json_object_get_object_member(linkinfo(ip.link), "info_slave_data");
    g_assert_true(json_object_get_boolean_member(slave, "hairpin"));
    g_assert_true(json_object_get_boolean_member(slave, "isolated"));
    g_assert_true(json_object_get_boolean_member(slave, "learning"));
    g_assert_cmpint(vnet_nl_bridge_port_set(nl, port.ifindex,
                                            &(VnetNlBridgePort){.hairpin = VNET_TRISTATE_NO,
                                                                .learning = VNET_TRISTATE_NO}),
                    ==, 0);
    vnet_netns_link_read(&ip, NULL, "vnt-bp0");
    slave = json_object_get_object_member(linkinfo(ip.link), "info_slave_data");
    g_assert_false(json_object_get_boolean_member(slave, "hairpin"));
    g_assert_true(json_object_get_boolean_member(slave, "isolated"));
    g_assert_false(json_object_get_boolean_member(slave, "learning"));

    /* release */
    g_assert_cmpint(vnet_nl_link_set_master(nl, port.ifindex, 0), ==, 0);
    g_assert_cmpint(vnet_nl_link_get_by_index(nl, port.ifindex, &info), ==, 0);
    g_assert_false(vnet_nl_link_info_is_bridge_port(&info));
    vnet_netns_link_read(&ip, NULL, "vnt-bp0");
    g_assert_false(json_object_has_member(ip.link, "master"));
    /* flags on a link that is no port: refused */
    g_assert_cmpint(vnet_nl_bridge_port_set(nl, port.ifindex,
                                            &(VnetNlBridgePort){.hairpin = VNET_TRISTATE_YES}),
                    <, 0);
    g_assert_cmpint(vnet_nl_link_delete(nl, port.ifindex), ==, 0);
    g_assert_cmpint(vnet_nl_link_delete(nl, br.ifindex), ==, 0);
}

static void
test_delete_group(void)
{
    g_autoptr(VnetNl) nl = NULL;
    VnetNlLinkInfo parent;
    guint64 before;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vnt-gpar",
                                                         .up = VNET_TRISTATE_YES},
                                        &parent),
                    ==, 0);
    /* 20 veths and 30 macvlans in group 77, one bystander in group 78 */
    for (int i = 0; i < 20; i++) {
        g_autofree char *peer = g_strdup_printf("vnt-gp%d", i);
        VnetNlLinkDef def = {
            .kind = VNET_NL_LINK_KIND_VETH,
            .name = "vnt-gv%d",
            .has_group = TRUE,
            .group = 77,
            .peer_name = peer,
        };
        g_assert_cmpint(vnet_nl_link_create(nl, &def, NULL), ==, 0);
    }
    for (int i = 0; i < 30; i++) {
        VnetNlLinkDef def = {
            .kind = VNET_NL_LINK_KIND_MACVLAN,
            .name = "vnt-gm%d",
            .parent_ifindex = parent.ifindex,
            .macvlan_mode = MACVLAN_MODE_BRIDGE,
            .has_group = TRUE,
            .group = 77,
            .up = VNET_TRISTATE_YES,
        };
        g_assert_cmpint(vnet_nl_link_create(nl, &def, NULL), ==, 0);
    }
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vnt-gother",
                                                         .has_group = TRUE,
                                                         .group = 78},
                                        NULL),
                    ==, 0);
    g_assert_cmpuint(vnet_netns_count_links(NULL, "77"), ==, 50);

    before = vnet_nl_get_request_count(nl);
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 77), ==, 0);
    /* one request did it all */
    g_assert_cmpuint(vnet_nl_get_request_count(nl), ==, before + 1);
    g_assert_cmpuint(vnet_netns_count_links(NULL, "77"), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-gp0"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-gp19"));
    g_assert_true(vnet_netns_link_exists(NULL, "vnt-gpar"));
    g_assert_true(vnet_netns_link_exists(NULL, "vnt-gother"));
    /* an empty group is no error; group 0 is everything and refused */
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 77), ==, 0);
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 0), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 78), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-gother"));
    g_assert_cmpint(vnet_nl_link_delete(nl, parent.ifindex), ==, 0);
}

static gboolean
json_array_has(JsonNode *root, const char *member, const char *value, const char *member2,
               const char *value2)
{
    JsonArray *array = json_node_get_array(root);

    for (guint i = 0; i < json_array_get_length(array); i++) {
        JsonObject *o = json_array_get_object_element(array, i);

        if (g_strcmp0(vnet_netns_str_member(o, member), value) == 0 &&
            (!member2 || g_strcmp0(vnet_netns_str_member(o, member2), value2) == 0))
            return TRUE;
    }
    return FALSE;
}

static gboolean
link_has_addr(const char *name, const char *local, gint64 prefix)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(NULL, "addr");
    JsonObject *link = vnet_netns_find_link(root, name);
    JsonArray *infos;

    g_assert_nonnull(link);
    infos = json_object_get_array_member(link, "addr_info");
    for (guint i = 0; i < json_array_get_length(infos); i++) {
        JsonObject *a = json_array_get_object_element(infos, i);

        if (g_strcmp0(vnet_netns_str_member(a, "local"), local) == 0 &&
            json_object_get_int_member(a, "prefixlen") == prefix)
            return TRUE;
    }
    return FALSE;
}

static VnetInetAddr
inet_of(const char *str)
{
    VnetInetAddr a;

    g_assert_cmpint(vnet_inet_parse(str, 0, &a), ==, 0);
    return a;
}

static void
test_addr_route_neigh(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(JsonNode) routes = NULL;
    g_autoptr(JsonNode) after = NULL;
    g_autofree char *value = NULL;
    VnetInetAddr v4 = inet_of("198.51.100.1");
    VnetInetAddr v6 = inet_of("2001:db8::1");
    VnetInetAddr guest = inet_of("198.51.100.77");
    VnetNlRoute host_route = {.dst = inet_of("203.0.113.9"), .prefix = 32};
    VnetNlRoute default_route = {.gateway = inet_of("198.51.100.254")};
    VnetNlRoute default6 = {.gateway = inet_of("2001:db8::fe")};
    VnetNlLinkInfo dev;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_BRIDGE,
                                                         .name = "vnt-ad0",
                                                         .up = VNET_TRISTATE_YES},
                                        &dev),
                    ==, 0);
    vnet_netns_sh(NULL, "sysctl -qw net.ipv6.conf.vnt-ad0.accept_dad=0");
    g_assert_cmpint(vnet_nl_addr_add(nl, dev.ifindex, &v4, 24), ==, 0);
    g_assert_cmpint(vnet_nl_addr_add(nl, dev.ifindex, &v6, 64), ==, 0);
    g_assert_cmpint(vnet_nl_addr_add(nl, dev.ifindex, &v4, 24), ==, -EEXIST);
    g_assert_true(link_has_addr("vnt-ad0", "198.51.100.1", 24));
    g_assert_true(link_has_addr("vnt-ad0", "2001:db8::1", 64));

    host_route.ifindex = dev.ifindex;
    g_assert_cmpint(vnet_nl_route_add(nl, &host_route), ==, 0);
    g_assert_cmpint(vnet_nl_route_add(nl, &default_route), ==, 0);
    g_assert_cmpint(vnet_nl_route_add(nl, &default6), ==, 0);
    g_assert_cmpint(vnet_nl_route_add(nl, &host_route), ==, -EEXIST);
    routes = vnet_netns_ip_json(NULL, "route");
    g_assert_true(json_array_has(routes, "dst", "203.0.113.9", "dev", "vnt-ad0"));
    g_assert_true(json_array_has(routes, "dst", "203.0.113.9", "scope", "link"));
    g_assert_true(json_array_has(routes, "dst", "default", "gateway", "198.51.100.254"));
    {
        const char *argv[] = {"ip", "-j", "-6", "route", "show", NULL};
        g_autofree char *out = vnet_test_run(argv);

        g_assert_nonnull(strstr(out, "\"gateway\":\"2001:db8::fe\""));
    }

    g_assert_cmpint(vnet_nl_neigh_proxy_add(nl, dev.ifindex, &guest), ==, 0);
    {
        const char *argv[] = {"ip", "-j", "neigh", "show", "proxy", NULL};
        g_autofree char *out = vnet_test_run(argv);

        g_assert_nonnull(strstr(out, "\"dst\":\"198.51.100.77\",\"dev\":\"vnt-ad0\""));
    }
    g_assert_cmpint(vnet_nl_neigh_proxy_del(nl, dev.ifindex, &guest), ==, 0);
    {
        const char *argv[] = {"ip", "-j", "neigh", "show", "proxy", NULL};
        g_autofree char *out = vnet_test_run(argv);

        g_assert_null(strstr(out, "198.51.100.77"));
    }
    g_assert_cmpint(vnet_nl_neigh_proxy_del(nl, dev.ifindex, &guest), ==, -ENOENT);

    /* proxy_arp for the link, through /proc/sys */
    g_assert_cmpint(vnet_sysctl_iface_write(AF_INET, "vnt-ad0", "proxy_arp", "1"), ==, 0);
    g_assert_cmpint(vnet_sysctl_iface_read(AF_INET, "vnt-ad0", "proxy_arp", &value), ==, 0);
    g_assert_cmpstr(value, ==, "1");
    g_assert_cmpint(vnet_netns_sh_status(NULL, "test \"$(cat "
                                               "/proc/sys/net/ipv4/conf/vnt-ad0/proxy_arp)\" = 1"),
                    ==, 0);
    g_assert_cmpint(vnet_sysctl_iface_write(AF_INET, "../x", "proxy_arp", "1"), ==, -EINVAL);
    g_assert_cmpint(vnet_sysctl_iface_write(AF_INET, "vnt-none", "proxy_arp", "1"), ==, -ENOENT);
    g_assert_cmpint(vnet_sysctl_write("net/ipv4/ip_forward", "1"), ==, 0);
    g_assert_cmpint(vnet_netns_sh_status(NULL, "test \"$(sysctl -n net.ipv4.ip_forward)\" = 1"),
                    ==, 0);
    g_assert_cmpint(vnet_sysctl_write("net/../../etc/passwd", "x"), ==, -EINVAL);

    g_assert_cmpint(vnet_nl_route_del(nl, &host_route), ==, 0);
    g_assert_cmpint(vnet_nl_route_del(nl, &default_route), ==, 0);
    g_assert_cmpint(vnet_nl_route_del(nl, &host_route), ==, -ESRCH);
    after = vnet_netns_ip_json(NULL, "route");
    g_assert_false(json_array_has(after, "dst", "203.0.113.9", NULL, NULL));
    g_assert_false(json_array_has(after, "dst", "default", NULL, NULL));

    g_assert_cmpint(vnet_nl_addr_del(nl, dev.ifindex, &v4, 24), ==, 0);
    g_assert_cmpint(vnet_nl_addr_del(nl, dev.ifindex, &v6, 64), ==, 0);
    g_assert_false(link_has_addr("vnt-ad0", "198.51.100.1", 24));
    g_assert_false(link_has_addr("vnt-ad0", "2001:db8::1", 64));
    g_assert_cmpint(vnet_nl_addr_del(nl, dev.ifindex, &v4, 24), ==, -EADDRNOTAVAIL);
    /* invalid input never reaches the kernel */
    g_assert_cmpint(vnet_nl_addr_add(nl, dev.ifindex, &v4, 33), ==, -EINVAL);
    g_assert_cmpint(vnet_nl_route_add(nl, &(VnetNlRoute){.dst = inet_of("10.0.0.0"),
                                                         .prefix = 8}),
                    ==, -EINVAL);
    g_assert_cmpint(vnet_nl_link_delete(nl, dev.ifindex), ==, 0);
}

/* ---- the macvtap character device, with real frames ----------------- */

static void
test_macvtap_fd(void)
{
    g_autoptr(VnetNl) nl = NULL;
    VnetMac tap_mac = vnet_test_mac("52:54:00:0a:0b:0c");
    VnetNlLinkInfo tap;
    int tap_fd = -1;
    dev_t devnum;

    if (!vnet_netns_enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    /* the "physical" NIC: a veth whose far end is in another namespace */
    vnet_netns_add("vnt-tapfar");
    vnet_netns_veth("vnt-phys", NULL, "vnt-far", "vnt-tapfar");
    g_assert_cmpint(vnet_nl_link_create(nl,
                                        &(VnetNlLinkDef){.kind = VNET_NL_LINK_KIND_MACVTAP,
                                                         .name = "vnt-tap%d",
                                                         .parent_ifindex = ifindex_of(nl, "vnt-phys"),
                                                         .macvlan_mode = MACVLAN_MODE_BRIDGE,
                                                         .mac = &tap_mac,
                                                         .up = VNET_TRISTATE_YES},
                                        &tap),
                    ==, 0);
    g_assert_cmpint(vnet_nl_macvtap_get_devnum(tap.name, 0, &devnum), ==, 0);
    g_assert_cmpint(major(devnum), >, 0);
    g_assert_cmpint(vnet_nl_macvtap_open(tap.name, tap.ifindex, &tap_fd), ==, 0);
    g_assert_cmpint(tap_fd, >=, 0);
    g_assert_cmpint(fcntl(tap_fd, F_GETFD) & FD_CLOEXEC, ==, FD_CLOEXEC);
    /* no node left behind in /dev or the temporary directory */
    {
        g_autofree char *pattern = g_strdup_printf("ls -d %s/vnet-tap-* /dev/vnet-tap-* 2>/dev/null",
                                                   g_get_tmp_dir());
        g_assert_cmpint(vnet_netns_sh_status(NULL, "%s", pattern), !=, 0);
    }
    vnet_test_assert_frames(tap_fd, &tap_mac, "vnt-tapfar", "vnt-far", "vnet");

    /* not a macvtap, or no such link */
    g_assert_cmpint(vnet_nl_macvtap_open("vnt-phys", 0, &tap_fd), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_macvtap_open("vnt-none", 0, &tap_fd), ==, -ENODEV);
    g_assert_cmpint(vnet_nl_macvtap_open("../x", 0, &tap_fd), ==, -EINVAL);

    close(tap_fd);
    g_assert_cmpint(vnet_nl_link_delete(nl, tap.ifindex), ==, 0);
    vnet_netns_sh(NULL, "ip link del vnt-phys");
    vnet_netns_del("vnt-tapfar");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/nl/errno-map", test_errno_map);
    g_test_add_func("/util/nl/build/macvtap", test_build_macvtap);
    g_test_add_func("/util/nl/build/all-set", test_build_all_set);
    g_test_add_func("/util/nl/build/invalid", test_build_invalid);
    g_test_add_func("/util/nl/build/veth-peer", test_build_veth_peer);
    g_test_add_func("/util/nl/build/change", test_build_change);
    g_test_add_func("/util/nl/build/group-delete", test_build_group_delete);
    g_test_add_func("/util/nl/build/bridge-port", test_build_bridge_port);
    g_test_add_func("/util/nl/build/bridge-opts", test_build_bridge_opts);
    g_test_add_func("/util/nl/lookup", test_lookup);
    g_test_add_func("/util/nl/create/veth", test_create_veth);
    g_test_add_func("/util/nl/create/macvlan-modes", test_create_macvlan_modes);
    g_test_add_func("/util/nl/create/template", test_create_template);
    g_test_add_func("/util/nl/create/template-race", test_create_template_race);
    g_test_add_func("/util/nl/change", test_change);
    g_test_add_func("/util/nl/bridge-ports", test_bridge_ports);
    g_test_add_func("/util/nl/delete-group", test_delete_group);
    g_test_add_func("/util/nl/addr-route-neigh", test_addr_route_neigh);
    g_test_add_func("/util/nl/macvtap-fd", test_macvtap_fd);
    return g_test_run();
}
