/* tap-link-test.c: the taps of VM guests' NICs (src/util/vnet-tap,
 * src/network/link-tap, the realize_vm NIC ops) in a private namespace: a
 * bridge with a veth port whose far end sits in another namespace stands in
 * for a network; frames written into the tap fd come out on the far side
 * and the reverse, and `ip -d -j link` shows what the kernel made. */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_tun.h>

#include <vnet/vnet.h>

#include "frame-helper.h"
#include "netns-helper.h"
#include "network/link-tap.h"
#include "network/nic.h"
#include "test-util.h"
#include "util/vnet-netns.h"
#include "util/vnet-tap.h"

#define BRIDGE "vntbr0"
#define FAR_NS "vnt-far"

static gboolean
enter_or_skip(void)
{
    if (!vnet_netns_enter_or_skip())
        return FALSE;
    if (access("/dev/net/tun", R_OK | W_OK) != 0) {
        g_test_skip("no /dev/net/tun");
        return FALSE;
    }
    return TRUE;
}

static JsonObject *
linkinfo_member(VnetNetnsLink *l, const char *member)
{
    JsonObject *info = json_object_get_object_member(l->link, "linkinfo");

    g_assert_nonnull(info);
    return json_object_has_member(info, member) ? json_object_get_object_member(info, member)
                                                : NULL;
}

static gboolean
has_flag(VnetNetnsLink *l, const char *flag)
{
    return vnet_netns_link_has_flag(l->link, flag);
}

/* ---- the world: a bridge with one port leading to a far namespace ------- */

static void
make_bridge(guint mtu)
{
    vnet_netns_sh(NULL, "ip link add %s mtu %u type bridge && ip link set %s up", BRIDGE, mtu,
                  BRIDGE);
    vnet_netns_add(FAR_NS);
    vnet_netns_veth("vnt-port", NULL, "far0", FAR_NS);
    vnet_netns_sh(NULL, "ip link set vnt-port mtu %u master %s", mtu, BRIDGE);
    vnet_netns_sh(FAR_NS, "ip link set far0 mtu %u", mtu);
}

/* The first step of the bridge tests: the namespace, the bridge at @mtu
 * with its port to the far side, and a netlink handle; NULL when skipped. */
static VnetNl *
enter_with_bridge(guint mtu)
{
    if (!enter_or_skip())
        return NULL;
    make_bridge(mtu);
    return vnet_test_open_nl();
}

static void
remove_bridge(void)
{
    vnet_netns_sh(NULL, "ip link del vnt-port; ip link del %s", BRIDGE);
    vnet_netns_del(FAR_NS);
}

/* ---- util: /dev/net/tun ------------------------------------------------- */

static void
test_host_mac(void)
{
    VnetMac guest = vnet_test_mac("52:54:00:0a:0b:0c");
    VnetMac fe = vnet_test_mac("fe:54:00:0a:0b:0c");
    VnetMac fa = vnet_test_mac("fa:54:00:0a:0b:0c");
    VnetMac host;

    vnet_tap_host_mac(&guest, &host);
    g_assert_true(vnet_mac_equal(&host, &fe));
    /* a guest that already has 0xfe must still differ from its tap */
    vnet_tap_host_mac(&fe, &host);
    g_assert_true(vnet_mac_equal(&host, &fa));
}

static void
test_create(void)
{
    char name1[VNET_IFNAMSIZ];
    char name2[VNET_IFNAMSIZ];
    char got[VNET_IFNAMSIZ];
    guint flags = 0;
    int fd1 = -1;
    int fd2 = -1;
    int fd3 = -1;

    if (!enter_or_skip())
        return;
    /* the kernel picks free names from the template */
    g_assert_cmpint(vnet_tap_create("vnet%d", 0, name1, &fd1), ==, 0);
    g_assert_cmpint(vnet_tap_create("vnet%d", VNET_TAP_VNET_HDR, name2, &fd2), ==, 0);
    g_assert_true(g_str_has_prefix(name1, "vnet"));
    g_assert_true(g_str_has_prefix(name2, "vnet"));
    g_assert_cmpstr(name1, !=, name2);
    g_assert_true(vnet_netns_link_exists(NULL, name1));
    g_assert_true(vnet_netns_link_exists(NULL, name2));

    g_assert_cmpint(vnet_tap_get_info(fd1, got, &flags), ==, 0);
    g_assert_cmpstr(got, ==, name1);
    g_assert_cmpuint(flags & (IFF_TAP | IFF_NO_PI | IFF_VNET_HDR), ==, IFF_TAP | IFF_NO_PI);
    g_assert_cmpint(vnet_tap_get_info(fd2, NULL, &flags), ==, 0);
    g_assert_cmpuint(flags & IFF_VNET_HDR, ==, IFF_VNET_HDR);
    {
        g_auto(VnetNetnsLink) l = {0};

        vnet_netns_link_read(&l, NULL, name1);
        g_assert_cmpstr(vnet_netns_str_member(json_object_get_object_member(l.link, "linkinfo"),
                                   "info_kind"),
                        ==, "tun");
        g_assert_cmpstr(vnet_netns_str_member(linkinfo_member(&l, "info_data"), "type"), ==, "tap");
    }

    /* an existing device is never attached to: not a tap, nor a tap of
     * someone else's */
    g_assert_cmpint(vnet_tap_create(name1, 0, NULL, &fd3), ==, -EBUSY);
    g_assert_cmpint(vnet_tap_create("lo", 0, NULL, &fd3), ==, -EBUSY);
    g_assert_cmpint(fd3, ==, -1);
    g_assert_cmpint(vnet_tap_create("", 0, NULL, &fd3), ==, -EINVAL);
    g_assert_cmpint(vnet_tap_create("a-name-far-too-long", 0, NULL, &fd3), ==, -EINVAL);

    /* not persistent: closing the fd removes the tap */
    close(fd1);
    close(fd2);
    g_assert_false(vnet_netns_link_exists(NULL, name1));
    g_assert_false(vnet_netns_link_exists(NULL, name2));
}

/* ---- network: a tap joining a bridge ------------------------------------ */

static void
test_bridge_frames(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetTapLink) link = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(VnetNetnsLink) l = {0};
    VnetMac guest = vnet_test_mac("52:54:00:0a:0b:0c");
    VnetTapDef def = {.mac = &guest, .bridge = BRIDGE, .vnet_hdr = TRUE};
    VnetTapCtx ctx = {.group = 1201, .describe = "vm1 nic"};
    VnetNlLinkInfo br;

    if (!(nl = enter_with_bridge(1400)))
        return;
    ctx.nl = nl;

    g_assert_true(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_no_error(error);
    g_assert_true(g_str_has_prefix(link->name, "vnet"));
    g_assert_cmpint(link->tap_fd, >=, 0);
    g_assert_cmpstr(link->bridge, ==, BRIDGE);

    /* the kernel's view: a tap, enslaved, the bridge's MTU (none given),
     * the group, the host-side MAC, up */
    vnet_netns_link_read(&l, NULL, link->name);
    g_assert_cmpstr(vnet_netns_str_member(linkinfo_member(&l, "info_data"), "type"), ==, "tap");
    g_assert_cmpstr(vnet_netns_str_member(l.link, "master"), ==, BRIDGE);
    g_assert_cmpint(json_object_get_int_member(l.link, "mtu"), ==, 1400);
    g_assert_cmpstr(vnet_netns_str_member(l.link, "group"), ==, "1201");
    g_assert_cmpstr(vnet_netns_str_member(l.link, "address"), ==, "fe:54:00:0a:0b:0c");
    g_assert_true(has_flag(&l, "UP"));
    g_assert_false(json_object_get_boolean_member(linkinfo_member(&l, "info_slave_data"),
                                                  "isolated"));
    /* the bridge never took the guest's address */
    g_assert_cmpint(vnet_nl_link_get(nl, BRIDGE, &br), ==, 0);
    g_assert_false(vnet_mac_equal(&br.mac, &guest));

    vnet_test_assert_frames(link->tap_fd, &guest, FAR_NS, "far0", "tap");

    g_assert_true(vnet_tap_link_undo(link, nl, &error));
    g_assert_no_error(error);
    g_assert_cmpint(link->tap_fd, ==, -1);
    g_assert_false(vnet_netns_link_exists(NULL, link->name));
    /* twice is harmless */
    g_assert_true(vnet_tap_link_undo(link, nl, &error));
    remove_bridge();
}

static void
test_options(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetTapLink) link = NULL;
    g_autoptr(VnetTapLink) plain = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(VnetNetnsLink) l = {0};
    VnetMac guest = vnet_test_mac("52:54:00:0a:0b:0d");
    VnetMac guest2 = vnet_test_mac("52:54:00:0a:0b:0e");
    VnetTapDef def = {.mac = &guest, .bridge = BRIDGE, .mtu = 1300, .target_dev = "vnt-tap7",
                      .isolated = VNET_TRISTATE_YES, .down = TRUE};
    VnetTapDef plain_def = {.mac = &guest2};
    VnetTapCtx ctx = {.group = 1202, .describe = "vm2 nic"};
    int fd;

    if (!(nl = enter_with_bridge(9000)))
        return;
    ctx.nl = nl;

    g_assert_true(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(link->name, ==, "vnt-tap7");
    vnet_netns_link_read(&l, NULL, "vnt-tap7");
    g_assert_cmpstr(vnet_netns_str_member(l.link, "master"), ==, BRIDGE);
    g_assert_cmpint(json_object_get_int_member(l.link, "mtu"), ==, 1300);
    g_assert_cmpstr(vnet_netns_str_member(l.link, "group"), ==, "1202");
    g_assert_false(has_flag(&l, "UP"));
    g_assert_true(json_object_get_boolean_member(linkinfo_member(&l, "info_slave_data"),
                                                 "isolated"));

    /* no bridge: a tap attached to nothing (type 'ethernet') */
    g_assert_true(vnet_tap_realize(&plain_def, &ctx, &plain, &error));
    g_assert_no_error(error);
    vnet_netns_link_read(&l, NULL, plain->name);
    g_assert_false(json_object_has_member(l.link, "master"));
    g_assert_true(has_flag(&l, "UP"));
    g_assert_cmpstr(vnet_netns_str_member(l.link, "address"), ==, "fe:54:00:0a:0b:0e");

    /* the fd handed on (to a hypervisor): undo still removes the tap */
    fd = vnet_tap_link_steal_fd(link);
    g_assert_cmpint(link->tap_fd, ==, -1);
    g_assert_true(vnet_tap_link_undo(link, nl, &error));
    g_assert_no_error(error);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-tap7"));
    close(fd);

    /* the domain's group takes its taps in one request, fds open or not */
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 1202), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, plain->name));
    g_assert_true(vnet_tap_link_undo(plain, nl, &error));
    remove_bridge();
}

static void
test_errors(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetTapLink) link = NULL;
    g_autoptr(GError) error = NULL;
    VnetMac guest = vnet_test_mac("52:54:00:0a:0b:0f");
    VnetTapDef def = {.mac = &guest, .bridge = "vnt-nobr"};
    VnetTapCtx ctx = {.group = 1203, .describe = "vm3 nic"};
    guint before;

    if (!(nl = enter_with_bridge(1500)))
        return;
    ctx.nl = nl;
    before = vnet_netns_count_links(NULL, NULL);

    g_assert_false(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_cmpstr(error->message, ==, "vm3 nic: host bridge 'vnt-nobr' does not exist");
    g_clear_error(&error);

    def.bridge = "vnt-port";
    g_assert_false(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_cmpstr(error->message, ==, "vm3 nic: host bridge 'vnt-port' is not a bridge");
    g_clear_error(&error);

    def.bridge = BRIDGE;
    def.target_dev = "vnt-port";
    g_assert_false(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_cmpstr(error->message, ==, "vm3 nic: a device called 'vnt-port' already exists");
    g_clear_error(&error);

    /* a failure after the tap exists (an MTU the kernel refuses) leaves
     * nothing behind */
    def.target_dev = "vnt-tap9";
    def.mtu = 100000;
    g_assert_false(vnet_tap_realize(&def, &ctx, &link, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_NETLINK);
    g_test_message("%s", error->message);
    g_assert_true(g_str_has_prefix(error->message,
                                   "vm3 nic: setting up tap vnt-tap9 and adding it to bridge "
                                   "'vntbr0': "));
    g_assert_null(link);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-tap9"));
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
    remove_bridge();
}

/* ---- the NIC ops a QEMU backend calls ----------------------------------- */

static const char domain_xml[] =
    "<domain type='kvm'><name>vnt-vm</name>"
    "<uuid>5a4c1b0e-56a8-4c6b-9d51-5d1d3f0c2a11</uuid><devices>"
    "<interface type='network'><mac address='52:54:00:00:07:01'/>"
    "<source network='vnt-net'/><model type='virtio'/></interface>"
    "<interface type='bridge'><mac address='52:54:00:00:07:02'/>"
    "<source bridge='" BRIDGE "'/><mtu size='1280'/></interface>"
    "<interface type='ethernet'><mac address='52:54:00:00:07:03'/>"
    "<target dev='vnt-eth9'/></interface>"
    "<interface type='routed'><mac address='52:54:00:00:07:04'/>"
    "<ip address='192.0.2.44'/></interface>"
    "</devices></domain>";

static const char network_xml[] =
    "<network><name>vnt-net</name><bridge name='" BRIDGE "'/><mtu size='1400'/>"
    "<port isolated='yes'/></network>";

static void
test_nic_ops(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = NULL;
    g_autoptr(VnetNetworkDef) net = NULL;
    g_autoptr(VnetDomainStatus) status = vnet_domain_status_new("qemu");
    g_autoptr(VnetUndo) undo = vnet_undo_new();
    g_auto(VnetNetnsLink) l = {0};
    int fds[3] = {-1, -1, -1};
    guint before;

    if (!(nl = enter_with_bridge(1500)))
        return;
    before = vnet_netns_count_links(NULL, NULL);
    def = vnet_domain_def_parse_string(domain_xml, "vm.xml", &error);
    g_assert_no_error(error);
    net = vnet_network_def_parse_string(network_xml, "net.xml", &error);
    g_assert_no_error(error);
    status->group = 1204;

    for (guint i = 0; i < 3; i++) {
        VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, i);
        const VnetNicOps *ops = vnet_nic_ops_get(nic->type);
        VnetNicCtx ctx = {.def = def, .nic = nic, .status = status, .undo = undo, .nl = nl,
                          .netns_fd = -1,
                          .network = nic->type == VNET_DOMAIN_INTERFACE_TYPE_NETWORK ? net
                                                                                      : NULL};

        g_assert_nonnull(ops->realize_vm);
        g_assert_true(ops->realize_vm(&ctx, &fds[i], &error));
        g_assert_no_error(error);
        g_assert_cmpint(fds[i], >=, 0);
    }
    g_assert_cmpuint(status->links->len, ==, 3);

    /* network: the network's bridge, its MTU and port isolation, virtio
     * headers on the fd */
    {
        VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, 0);
        VnetStatusLink *rec = g_ptr_array_index(status->links, 0);
        guint flags = 0;

        g_assert_cmpstr(rec->name, ==, nic->target_dev);
        g_assert_cmpint(rec->ifindex, ==, nic->target_ifindex);
        g_assert_cmpuint(rec->group, ==, 1204);
        g_assert_null(rec->guest_name);
        vnet_netns_link_read(&l, NULL, nic->target_dev);
        /* the recorded ifindex is the kernel's, not just self-consistent */
        g_assert_cmpint(rec->ifindex, ==, json_object_get_int_member(l.link, "ifindex"));
        g_assert_cmpstr(vnet_netns_str_member(l.link, "master"), ==, BRIDGE);
        g_assert_cmpint(json_object_get_int_member(l.link, "mtu"), ==, 1400);
        g_assert_cmpstr(vnet_netns_str_member(l.link, "group"), ==, "1204");
        g_assert_cmpstr(vnet_netns_str_member(l.link, "address"), ==, "fe:54:00:00:07:01");
        g_assert_true(json_object_get_boolean_member(linkinfo_member(&l, "info_slave_data"),
                                                     "isolated"));
        g_assert_cmpint(vnet_tap_get_info(fds[0], NULL, &flags), ==, 0);
        g_assert_cmpuint(flags & IFF_VNET_HDR, ==, IFF_VNET_HDR);
        vnet_test_assert_frames(fds[0], &nic->mac, FAR_NS, "far0", "network nic");
    }
    /* bridge: the host bridge, the NIC's own MTU, no isolation */
    {
        VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, 1);

        vnet_netns_link_read(&l, NULL, nic->target_dev);
        g_assert_cmpstr(vnet_netns_str_member(l.link, "master"), ==, BRIDGE);
        g_assert_cmpint(json_object_get_int_member(l.link, "mtu"), ==, 1280);
        g_assert_false(json_object_get_boolean_member(linkinfo_member(&l, "info_slave_data"),
                                                      "isolated"));
    }
    /* ethernet: its <target dev>, attached to nothing */
    vnet_netns_link_read(&l, NULL, "vnt-eth9");
    g_assert_false(json_object_has_member(l.link, "master"));
    g_assert_cmpstr(vnet_netns_str_member(l.link, "group"), ==, "1204");

    /* kinds with no VM realization say so through a NULL op */
    g_assert_null(vnet_nic_ops_get(VNET_DOMAIN_INTERFACE_TYPE_VDE)->realize_vm);

    /* a failed start rolls back: every tap goes although the fds (the
     * hypervisor's) are still open */
    vnet_undo_run(undo);
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
    for (guint i = 0; i < 3; i++)
        close(fds[i]);

    /* a network NIC without its network running is refused by name */
    {
        VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, 0);
        VnetNicCtx ctx = {.def = def, .nic = nic, .status = status, .undo = undo, .nl = nl,
                          .netns_fd = -1};
        int fd = -1;

        g_assert_false(vnet_nic_ops_get(nic->type)->realize_vm(&ctx, &fd, &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
        g_assert_cmpstr(error->message, ==,
                        "interface 1 (type 'network') of domain 'vnt-vm': network 'vnt-net' is "
                        "not running");
        g_assert_cmpint(fd, ==, -1);
    }
    remove_bridge();
}

/* ---- routed and not-attached NICs of VM guests --------------------------- */

#define UPLINK "vnt-up0"

static const char routed_xml[] =
    "<domain type='kvm'><name>vnt-rvm</name>"
    "<uuid>6d0e2c4a-1b3f-4a5c-8d7e-9f0a1b2c3d4e</uuid><devices>"
    "<interface type='routed'><mac address='52:54:00:00:09:01'/>"
    "<ip address='192.0.2.44'/><link state='down'/></interface>"
    "<interface type='null'><mac address='52:54:00:00:09:02'/></interface>"
    "</devices></domain>";

/* Reads frames from @fd (after @skip header bytes) for two seconds until
 * an ARP request asking for @target arrives; copies it to @ret (60 bytes). */
static gboolean
receive_arp_request(int fd, gsize skip, const guint8 target[4], guint8 *ret)
{
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < deadline) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        guint8 buf[2048];
        ssize_t n;

        if (poll(&pfd, 1, 200) <= 0)
            continue;
        n = read(fd, buf, sizeof(buf));
        /* ethertype ARP, opcode request, target protocol address */
        if (n >= (ssize_t)(skip + 42) && buf[skip + 12] == 0x08 && buf[skip + 13] == 0x06 &&
            buf[skip + 21] == 1 && memcmp(buf + skip + 38, target, 4) == 0) {
            memcpy(ret, buf + skip, 42);
            return TRUE;
        }
    }
    return FALSE;
}

/* Whether an ICMP echo request to @dst arrives on @fd within two seconds. */
static gboolean
receive_echo(int fd, gsize skip, const guint8 dst[4])
{
    gint64 deadline = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;

    while (g_get_monotonic_time() < deadline) {
        struct pollfd pfd = {.fd = fd, .events = POLLIN};
        guint8 buf[2048];
        ssize_t n;

        if (poll(&pfd, 1, 200) <= 0)
            continue;
        n = read(fd, buf, sizeof(buf));
        /* IPv4, protocol ICMP, destination, type echo request */
        if (n >= (ssize_t)(skip + 35) && buf[skip + 12] == 0x08 && buf[skip + 13] == 0x00 &&
            buf[skip + 23] == 1 && memcmp(buf + skip + 30, dst, 4) == 0 &&
            buf[skip + 34] == 8)
            return TRUE;
    }
    return FALSE;
}

static gboolean
has_proxy_neigh(const char *addr, const char *dev)
{
    const char *argv[] = {"ip", "-j", "neigh", "show", "proxy", NULL};
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(GError) error = NULL;
    JsonArray *entries;

    g_assert_cmpint(vnet_test_run_full(argv, &out, NULL), ==, 0);
    root = json_from_string(out, &error);
    g_assert_no_error(error);
    entries = json_node_get_array(root);

    for (guint i = 0; i < json_array_get_length(entries); i++) {
        JsonObject *e = json_array_get_object_element(entries, i);

        if (g_strcmp0(vnet_netns_str_member(e, "dst"), addr) == 0 &&
            g_strcmp0(vnet_netns_str_member(e, "dev"), dev) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The device of the route to exactly @dst (a host route), or NULL. */
static char *
host_route_dev(const char *dst)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(NULL, "route");
    JsonArray *routes = json_node_get_array(root);

    for (guint i = 0; i < json_array_get_length(routes); i++) {
        JsonObject *r = json_array_get_object_element(routes, i);

        if (g_strcmp0(vnet_netns_str_member(r, "dst"), dst) == 0)
            return g_strdup(vnet_netns_str_member(r, "dev"));
    }
    return NULL;
}

static void
test_nic_ops_routed_null(void)
{
    static const guint8 guest_ip[4] = {192, 0, 2, 44};
    static const guint8 gateway_ip[4] = {169, 255, 30, 1};
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = NULL;
    g_autoptr(VnetDomainStatus) status = vnet_domain_status_new("qemu");
    g_autoptr(VnetUndo) undo = vnet_undo_new();
    g_auto(VnetNetnsLink) l = {0};
    g_autofree char *dev = NULL;
    g_autofree char *addrs = NULL;
    VnetDomainInterfaceDef *routed;
    VnetDomainInterfaceDef *null_nic;
    guint8 arp[60] = {0};
    guint8 reply[128] = {0};
    int hdr_sz = 0;
    guint flags = 0;
    int fd = -1;
    int null_fd = 0;
    guint before;

    if (!enter_or_skip())
        return;
    nl = vnet_test_open_nl();
    /* the host's uplink to a segment 192.0.2.0/24 with a far host on it */
    vnet_netns_add(FAR_NS);
    vnet_netns_veth(UPLINK, NULL, "far0", FAR_NS);
    vnet_netns_sh(NULL, "ip addr add 192.0.2.1/24 dev " UPLINK);
    vnet_netns_sh(FAR_NS, "ip addr add 192.0.2.100/24 dev far0");
    before = vnet_netns_count_links(NULL, NULL);
    def = vnet_domain_def_parse_string(routed_xml, "rvm.xml", &error);
    g_assert_no_error(error);
    routed = g_ptr_array_index(def->interfaces, 0);
    null_nic = g_ptr_array_index(def->interfaces, 1);
    status->group = 1205;

    {
        VnetNicCtx ctx = {.def = def, .nic = routed, .status = status, .undo = undo, .nl = nl,
                          .netns_fd = -1};

        g_assert_nonnull(vnet_nic_ops_get(routed->type)->realize_vm);
        g_assert_true(vnet_nic_ops_get(routed->type)->realize_vm(&ctx, &fd, &error));
        g_assert_no_error(error);
        g_assert_cmpint(fd, >=, 0);
    }
    /* not attached: nothing on the host, no fd */
    {
        VnetNicCtx ctx = {.def = def, .nic = null_nic, .status = status, .undo = undo,
                          .nl = nl, .netns_fd = -1};

        g_assert_true(vnet_nic_ops_get(null_nic->type)->realize_vm(&ctx, &null_fd, &error));
        g_assert_no_error(error);
        g_assert_cmpint(null_fd, ==, -1);
        g_assert_null(null_nic->target_dev);
    }
    g_assert_cmpuint(status->links->len, ==, 1);
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before + 1);

    /* the tap: up although the NIC's cable is out (the hypervisor's
     * business), attached to nothing, in the group, the gateway /32 */
    vnet_netns_link_read(&l, NULL, routed->target_dev);
    g_assert_cmpstr(vnet_netns_str_member(linkinfo_member(&l, "info_data"), "type"), ==, "tap");
    g_assert_true(has_flag(&l, "UP"));
    g_assert_false(json_object_has_member(l.link, "master"));
    g_assert_cmpstr(vnet_netns_str_member(l.link, "group"), ==, "1205");
    {
        g_autofree char *cmd =
            g_strdup_printf("ip -4 -o addr show dev %s | awk '{print $4}'", routed->target_dev);
        const char *argv[] = {"sh", "-c", cmd, NULL};

        g_assert_cmpint(vnet_test_run_full(argv, &addrs, NULL), ==, 0);
        g_assert_cmpstr(g_strstrip(addrs), ==, "169.255.30.1/32");
    }
    /* the host route to the guest and the proxy neighbour on the uplink */
    dev = host_route_dev("192.0.2.44");
    g_assert_cmpstr(dev, ==, routed->target_dev);
    g_assert_true(has_proxy_neigh("192.0.2.44", UPLINK));

    /* traffic: the far host pings the guest; the host answers its ARP
     * (proxy), routes the echo to the tap and first asks the guest, from
     * the gateway, for its MAC: that request arrives on the fd */
    g_assert_cmpint(vnet_tap_get_info(fd, NULL, &flags), ==, 0);
    if (flags & IFF_VNET_HDR)
        g_assert_cmpint(ioctl(fd, TUNGETVNETHDRSZ, &hdr_sz), ==, 0);
    vnet_netns_sh(FAR_NS, "ping -c 4 -i 0.3 -W 1 192.0.2.44 >/dev/null 2>&1 &");
    g_assert_true(receive_arp_request(fd, hdr_sz, guest_ip, arp));
    g_assert_cmpmem(arp + 28, 4, gateway_ip, 4);
    /* the guest answers; the echo request follows */
    {
        guint8 *frame = reply + hdr_sz;

        memcpy(frame, arp + 6, 6);                   /* to the asker */
        memcpy(frame + 6, routed->mac.addr, 6);
        memcpy(frame + 12, "\x08\x06\x00\x01\x08\x00\x06\x04\x00\x02", 10);
        memcpy(frame + 22, routed->mac.addr, 6);     /* sender: the guest */
        memcpy(frame + 28, guest_ip, 4);
        memcpy(frame + 32, arp + 22, 6);             /* target: the asker */
        memcpy(frame + 38, arp + 28, 4);
        g_assert_cmpint(write(fd, reply, hdr_sz + 60), ==, hdr_sz + 60);
    }
    g_assert_true(receive_echo(fd, hdr_sz, guest_ip));
    {
        g_autofree char *neigh = NULL;
        const char *argv[] = {"ip", "netns", "exec", FAR_NS, "ip", "neigh", "show",
                              "192.0.2.44", NULL};
        char host_mac[VNET_MAC_STRLEN];
        VnetNlLinkInfo up;

        /* the far host reaches the guest at the host's MAC */
        g_assert_cmpint(vnet_test_run_full(argv, &neigh, NULL), ==, 0);
        g_assert_cmpint(vnet_nl_link_get(nl, UPLINK, &up), ==, 0);
        vnet_mac_format(&up.mac, host_mac);
        g_assert_nonnull(strstr(neigh, host_mac));
    }

    /* a stop: the domain's group, then release: nothing is left */
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 1205), ==, 0);
    vnet_nic_ops_get(routed->type)->release(def, routed);
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
    g_clear_pointer(&dev, g_free);
    g_assert_null((dev = host_route_dev("192.0.2.44")));
    g_assert_false(has_proxy_neigh("192.0.2.44", UPLINK));
    close(fd);

    /* a rollback leaves nothing either */
    {
        g_autoptr(VnetDomainStatus) status2 = vnet_domain_status_new("qemu");
        g_autoptr(VnetUndo) undo2 = vnet_undo_new();
        VnetNicCtx ctx = {.def = def, .nic = routed, .status = status2, .undo = undo2,
                          .nl = nl, .netns_fd = -1};

        status2->group = 1206;
        g_assert_true(vnet_nic_ops_get(routed->type)->realize_vm(&ctx, &fd, &error));
        g_assert_no_error(error);
        g_assert_true(has_proxy_neigh("192.0.2.44", UPLINK));
        vnet_undo_run(undo2);
        close(fd);
        g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
        g_assert_null((dev = host_route_dev("192.0.2.44")));
        g_assert_false(has_proxy_neigh("192.0.2.44", UPLINK));
    }
    vnet_netns_sh(NULL, "ip link del " UPLINK);
    vnet_netns_del(FAR_NS);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tap/host-mac", test_host_mac);
    g_test_add_func("/tap/create", test_create);
    g_test_add_func("/tap/bridge-frames", test_bridge_frames);
    g_test_add_func("/tap/options", test_options);
    g_test_add_func("/tap/errors", test_errors);
    g_test_add_func("/tap/nic-ops", test_nic_ops);
    g_test_add_func("/tap/nic-ops-routed-null", test_nic_ops_routed_null);
    return g_test_run();
}
