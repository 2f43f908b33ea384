/* direct-link-test.c: src/network/link-direct in throwaway namespaces, a
 * veth pair standing in for the physical NIC, results read from the kernel
 * (`ip -d -j`) and from real traffic (ping between namespaces, Ethernet
 * frames through a macvtap fd). */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include <linux/if.h>

#include <vnet/vnet.h>

#include "frame-helper.h"
#include "netns-helper.h"
#include "network/link-direct-nic.h"
#include "network/link-direct.h"
#include "network/undo.h"
#include "test-util.h"
#include "util/vnet-netns.h"


/* A string member of link @name in @ns ("address", "group"...), copied. */
static char *
link_attr(const char *ns, const char *name, const char *member)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonObject *link = vnet_netns_find_link(root, name);

    g_assert_nonnull(link);
    return g_strdup(vnet_netns_str_member(link, member));
}

static gint64
link_mtu(const char *ns, const char *name)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonObject *link = vnet_netns_find_link(root, name);

    g_assert_nonnull(link);
    return json_object_get_int_member(link, "mtu");
}

static char *
link_info_data(const char *ns, const char *name, const char *member)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonObject *link = vnet_netns_find_link(root, name);
    JsonObject *info;

    g_assert_nonnull(link);
    info = json_object_get_object_member(link, "linkinfo");
    if (g_str_equal(member, "info_kind"))
        return g_strdup(vnet_netns_str_member(info, "info_kind"));
    return g_strdup(
        vnet_netns_str_member(json_object_get_object_member(info, "info_data"), member));
}

/* The kernel's @member of link @name in @ns is @want: a top-level one
 * (link_attr) or one of its linkinfo (link_info_data). Macros, so that a
 * failure names the line of the check. */
#define assert_link_attr(ns, name, member, want)                                                   \
    do {                                                                                           \
        g_autofree char *got_ = link_attr(ns, name, member);                                       \
        g_assert_cmpstr(got_, ==, want);                                                           \
    } while (0)

#define assert_link_info(ns, name, member, want)                                                   \
    do {                                                                                           \
        g_autofree char *got_ = link_info_data(ns, name, member);                                  \
        g_assert_cmpstr(got_, ==, want);                                                           \
    } while (0)

static guint
count_group(const char *ns, guint32 group)
{
    g_autofree char *want = g_strdup_printf("%u", group);

    return vnet_netns_count_links(ns, want);
}

/* One echo request, two seconds for the answer: address resolution may
 * wait for the next ARP retransmission (one second). */
static gboolean
ping(const char *from_ns, const char *address)
{
    return vnet_netns_sh_status(from_ns, "ping -c1 -W2 -q %s", address) == 0;
}

/* ---- a small world: the "physical" NIC and guests ------------------------ */

/* vnt-eth0 (host) <-> far0 in namespace vnt-far, 192.0.2.100/24: the
 * device direct NICs sit on, and a host on the far side of it. */
static void
make_physical(const char *phys, const char *far_ns, const char *far_addr)
{
    vnet_netns_add(far_ns);
    vnet_netns_veth(phys, NULL, "far0", far_ns);
    vnet_netns_sh(far_ns, "ip addr add %s/24 dev far0", far_addr);
}

/* The first step of most tests here: the namespace, vnt-eth0 with the
 * host 192.0.2.100 beyond it, and a netlink handle; NULL when skipped. */
static VnetNl *
enter_with_physical(void)
{
    if (!vnet_netns_enter_or_skip())
        return NULL;
    make_physical("vnt-eth0", "vnt-far", "192.0.2.100");
    return vnet_test_open_nl();
}

static void
remove_physical(const char *phys, const char *far_ns)
{
    vnet_netns_sh(NULL, "ip link del %s", phys);
    vnet_netns_del(far_ns);
}

typedef struct {
    char *name;
    int fd;
    guint32 group;
    GPtrArray *links; /* VnetDirectLink * */
} Guest;

static Guest *
guest_new(const char *name, guint32 group)
{
    Guest *g = g_new0(Guest, 1);

    g->name = g_strdup(name);
    g->group = group;
    g->links = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_direct_link_free);
    g_assert_cmpint(vnet_netns_create(name, NULL), ==, 0);
    g_assert_cmpint(vnet_netns_open(name, &g->fd), ==, 0);
    return g;
}

static void
guest_free(Guest *g)
{
    g_ptr_array_unref(g->links);
    close(g->fd);
    vnet_netns_destroy(g->name);
    g_free(g->name);
    g_free(g);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Guest, guest_free)

static VnetDirectCtx
guest_ctx(Guest *g, VnetNl *nl, VnetDirectRegistry *registry, const char *guest_name)
{
    VnetDirectCtx ctx = {
        .nl = nl,
        .group = g->group,
        .domain = g->name,
        .describe = "interface 1 (type 'direct') of domain under test",
        .registry = registry,
        .netns = TRUE,
        .netns_fd = g->fd,
        .guest_name = guest_name,
    };
    return ctx;
}

/* One direct NIC as eth0 of @g, with address @addr. */
static void
guest_attach(Guest *g, VnetNl *nl, VnetDirectRegistry *registry, const char *source,
             VnetDirectMode mode, const char *mac, const char *addr)
{
    VnetMac m = vnet_test_mac(mac);
    VnetDirectDef def = {.source_dev = source, .mode = mode, .mac = &m};
    VnetDirectCtx ctx = guest_ctx(g, nl, registry, "eth0");
    g_autoptr(GError) error = NULL;
    VnetDirectLink *link = NULL;

    g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
    g_assert_no_error(error);
    g_ptr_array_add(g->links, link);
    vnet_netns_sh(g->name, "ip addr add %s/24 dev eth0", addr);
}

static void
guest_teardown(Guest *g, VnetNl *nl)
{
    g_autoptr(VnetNl) guest_nl = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint(vnet_nl_open_in_netns(g->fd, &guest_nl), ==, 0);
    g_assert_true(vnet_direct_teardown(nl, guest_nl, g->group, g->links, &error));
    g_assert_no_error(error);
    g_ptr_array_set_size(g->links, 0);
}

/* ---- modes, proved with traffic ------------------------------------------- */

static void
check_mode(VnetDirectMode mode, gboolean expect_between, const char *kernel_mode)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(Guest) g1 = NULL;
    g_autoptr(Guest) g2 = NULL;

    nl = vnet_test_open_nl();
    make_physical("vnt-eth0", "vnt-far", "192.0.2.100");
    g1 = guest_new("vnt-g1", 1001);
    g2 = guest_new("vnt-g2", 1002);
    guest_attach(g1, nl, registry, "vnt-eth0", mode, "52:54:00:00:01:01", "192.0.2.11");
    guest_attach(g2, nl, registry, "vnt-eth0", mode, "52:54:00:00:01:02", "192.0.2.12");

    assert_link_info("vnt-g1", "eth0", "info_kind", "macvlan");
    assert_link_info("vnt-g1", "eth0", "mode", kernel_mode);
    assert_link_attr("vnt-g1", "eth0", "address", "52:54:00:00:01:01");

    /* every guest reaches the host on the far side of the device */
    g_assert_true(ping("vnt-g1", "192.0.2.100"));
    g_assert_true(ping("vnt-g2", "192.0.2.100"));
    g_assert_true(ping("vnt-far", "192.0.2.12"));
    g_assert_cmpint(ping("vnt-g1", "192.0.2.12"), ==, expect_between);
    g_assert_cmpint(ping("vnt-g2", "192.0.2.11"), ==, expect_between);

    guest_teardown(g1, nl);
    guest_teardown(g2, nl);
    g_assert_false(vnet_netns_link_exists("vnt-g1", "eth0"));
    remove_physical("vnt-eth0", "vnt-far");
}

static void
test_mode_bridge(void)
{
    if (!vnet_netns_enter_or_skip())
        return;
    check_mode(VNET_DIRECT_MODE_BRIDGE, TRUE, "bridge");
}

static void
test_mode_private(void)
{
    if (!vnet_netns_enter_or_skip())
        return;
    check_mode(VNET_DIRECT_MODE_PRIVATE, FALSE, "private");
}

static void
test_mode_vepa(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(Guest) g1 = NULL;
    g_autoptr(Guest) g2 = NULL;

    if (!vnet_netns_enter_or_skip())
        return;
    /* no mode at all is vepa, as in libvirt */
    check_mode(VNET_DIRECT_MODE_NONE, FALSE, "vepa");

    /* the far side becomes a bridge: without hairpin it does not send a
     * frame back out of the port it came in, with hairpin it does */
    nl = vnet_test_open_nl();
    make_physical("vnt-eth0", "vnt-far", "192.0.2.100");
    vnet_netns_sh("vnt-far", "ip addr flush dev far0 && ip link add br0 type bridge && "
                             "ip link set far0 master br0 && "
                             "ip addr add 192.0.2.100/24 dev br0 && ip link set br0 up");
    g1 = guest_new("vnt-g1", 1001);
    g2 = guest_new("vnt-g2", 1002);
    guest_attach(g1, nl, registry, "vnt-eth0", VNET_DIRECT_MODE_VEPA, "52:54:00:00:01:01",
                 "192.0.2.11");
    guest_attach(g2, nl, registry, "vnt-eth0", VNET_DIRECT_MODE_VEPA, "52:54:00:00:01:02",
                 "192.0.2.12");
    assert_link_info("vnt-g2", "eth0", "mode", "vepa");
    g_assert_true(ping("vnt-g1", "192.0.2.100"));
    g_assert_true(ping("vnt-g2", "192.0.2.100"));
    g_assert_false(ping("vnt-g1", "192.0.2.12"));

    vnet_netns_sh("vnt-far", "ip link set far0 type bridge_slave hairpin on");
    /* forget the failed resolutions, so the next ping asks again at once */
    vnet_netns_sh("vnt-g1", "ip neigh flush all");
    vnet_netns_sh("vnt-g2", "ip neigh flush all");
    g_assert_true(ping("vnt-g1", "192.0.2.12"));
    g_assert_true(ping("vnt-g2", "192.0.2.11"));

    guest_teardown(g1, nl);
    guest_teardown(g2, nl);
    remove_physical("vnt-eth0", "vnt-far");
}

/* ---- VM guests: the macvtap fd carries frames both ways ----------------- */

static void
test_vm_macvtap_frames(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectLink) link = NULL;
    g_autoptr(GError) error = NULL;
    VnetMac mac = vnet_test_mac("52:54:00:0a:0b:0c");
    VnetDirectDef def = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_BRIDGE,
                         .mac = &mac, .mtu = 1400};
    VnetDirectCtx ctx = {.nl = NULL, .group = 1101, .domain = "vm1", .describe = "vm1 nic"};

    if (!(nl = enter_with_physical()))
        return;
    ctx.nl = nl;
    g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
    g_assert_no_error(error);
    g_assert_true(g_str_has_prefix(link->name, "vnmvtap"));
    g_assert_cmpint(link->tap_fd, >=, 0);
    assert_link_info(NULL, link->name, "info_kind", "macvtap");
    assert_link_info(NULL, link->name, "mode", "bridge");
    assert_link_attr(NULL, link->name, "group", "1101");
    g_assert_cmpint(link_mtu(NULL, link->name), ==, 1400);

    vnet_test_assert_frames(link->tap_fd, &mac, "vnt-far", "far0",
                            "direct");
    g_assert_true(vnet_direct_link_undo(link, nl, &error));
    g_assert_no_error(error);
    g_assert_cmpint(link->tap_fd, ==, -1);
    g_assert_cmpuint(count_group(NULL, 1101), ==, 0);
    /* undo twice is harmless */
    g_assert_true(vnet_direct_link_undo(link, nl, &error));
    remove_physical("vnt-eth0", "vnt-far");
}

static void
test_vm_target_dev(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectLink) link = NULL;
    g_autoptr(VnetDirectLink) again = NULL;
    g_autoptr(GError) error = NULL;
    VnetDirectDef def = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PRIVATE,
                         .target_dev = "vnt-mytap", .link_state = VNET_LINK_STATE_DOWN};
    VnetDirectCtx ctx = {.group = 1102, .domain = "vm2", .describe = "interface 1 of vm2"};

    if (!(nl = enter_with_physical()))
        return;
    ctx.nl = nl;
    g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
    g_assert_cmpstr(link->name, ==, "vnt-mytap");
    assert_link_attr(NULL, "vnt-mytap", "operstate", "DOWN");
    /* the name is taken now */
    g_assert_false(vnet_direct_realize(&def, &ctx, &again, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_nonnull(strstr(error->message, "a device called 'vnt-mytap' already exists"));
    g_assert_true(vnet_direct_link_undo(link, nl, NULL));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-mytap"));
    remove_physical("vnt-eth0", "vnt-far");
}

/* ---- passthrough ---------------------------------------------------------- */

static void
test_passthrough(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(Guest) a = NULL;
    g_autoptr(Guest) b = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *old_mac = NULL;
    g_autofree char *holder = NULL;
    VnetMac mac_a = vnet_test_mac("52:54:00:aa:00:01");
    VnetMac mac_b = vnet_test_mac("52:54:00:bb:00:01");
    VnetDirectDef def_a = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PASSTHROUGH,
                           .mac = &mac_a, .mtu = 1400};
    VnetDirectDef def_b = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PASSTHROUGH,
                           .mac = &mac_b};
    VnetDirectCtx ctx;
    VnetDirectLink *link = NULL;
    guint links_b;

    if (!(nl = enter_with_physical()))
        return;
    old_mac = link_attr(NULL, "vnt-eth0", "address");
    g_assert_cmpint(link_mtu(NULL, "vnt-eth0"), ==, 1500);

    a = guest_new("vnt-pta", 1201);
    b = guest_new("vnt-ptb", 1202);
    ctx = guest_ctx(a, nl, registry, "eth0");
    g_assert_true(vnet_direct_realize(&def_a, &ctx, &link, &error));
    g_assert_no_error(error);
    g_ptr_array_add(a->links, link);
    g_assert_true(link->passthrough);

    /* the guest's interface has the NIC's MAC (and so has the device) */
    assert_link_attr("vnt-pta", "eth0", "address", "52:54:00:aa:00:01");
    assert_link_attr(NULL, "vnt-eth0", "address", "52:54:00:aa:00:01");
    g_assert_cmpint(link_mtu("vnt-pta", "eth0"), ==, 1400);
    assert_link_info("vnt-pta", "eth0", "mode", "passthru");
    holder = vnet_direct_registry_passthrough_holder(registry, "vnt-eth0");
    g_assert_cmpstr(holder, ==, "vnt-pta");
    /* and it works: the far side answers the guest */
    vnet_netns_sh("vnt-pta", "ip addr add 192.0.2.21/24 dev eth0");
    g_assert_true(ping("vnt-pta", "192.0.2.100"));

    /* a second domain asking for the same device: refused, naming the one
     * holding it, nothing made */
    links_b = vnet_netns_count_links("vnt-ptb", NULL);
    ctx = guest_ctx(b, nl, registry, "eth0");
    g_assert_false(vnet_direct_realize(&def_b, &ctx, &link, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_nonnull(strstr(error->message, "passthrough mode by domain 'vnt-pta'"));
    g_clear_error(&error);
    g_assert_cmpuint(vnet_netns_count_links("vnt-ptb", NULL), ==, links_b);
    /* any other mode on that device too */
    def_b.mode = VNET_DIRECT_MODE_BRIDGE;
    g_assert_false(vnet_direct_realize(&def_b, &ctx, &link, &error));
    g_assert_nonnull(strstr(error->message, "domain 'vnt-pta'"));
    g_clear_error(&error);
    g_assert_cmpuint(vnet_netns_count_links("vnt-ptb", NULL), ==, links_b);
    /* the device's address is still the guest's */
    assert_link_attr(NULL, "vnt-eth0", "address", "52:54:00:aa:00:01");

    /* destroy: the device has its old MAC and MTU back, the claim is gone */
    guest_teardown(a, nl);
    assert_link_attr(NULL, "vnt-eth0", "address", old_mac);
    g_assert_cmpint(link_mtu(NULL, "vnt-eth0"), ==, 1500);
    g_assert_false(vnet_netns_link_exists("vnt-pta", "eth0"));
    g_clear_pointer(&holder, g_free);
    holder = vnet_direct_registry_passthrough_holder(registry, "vnt-eth0");
    g_assert_null(holder);

    /* now the second domain can have it */
    def_b.mode = VNET_DIRECT_MODE_PASSTHROUGH;
    g_assert_true(vnet_direct_realize(&def_b, &ctx, &link, &error));
    g_ptr_array_add(b->links, link);
    assert_link_attr("vnt-ptb", "eth0", "address", "52:54:00:bb:00:01");
    guest_teardown(b, nl);
    assert_link_attr(NULL, "vnt-eth0", "address", old_mac);
    remove_physical("vnt-eth0", "vnt-far");
}

static void
test_passthrough_vm(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(VnetDirectLink) link = NULL;
    g_autoptr(VnetDirectLink) other = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *old_mac = NULL;
    VnetMac mac = vnet_test_mac("52:54:00:cc:00:01");
    VnetDirectDef def = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PASSTHROUGH,
                         .mac = &mac};
    VnetDirectCtx ctx = {.group = 1301, .domain = "vmpt", .registry = registry};

    if (!(nl = enter_with_physical()))
        return;
    ctx.nl = nl;
    vnet_netns_sh(NULL, "ip link set vnt-eth0 down");
    /* passthrough of a device that is down is refused like any other */
    g_assert_false(vnet_direct_realize(&def, &ctx, &link, &error));
    g_assert_nonnull(strstr(error->message, "source device 'vnt-eth0' is down"));
    g_clear_error(&error);
    vnet_netns_sh(NULL, "ip link set vnt-eth0 up");
    old_mac = link_attr(NULL, "vnt-eth0", "address");

    g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
    g_assert_no_error(error);
    assert_link_attr(NULL, link->name, "address", "52:54:00:cc:00:01");
    /* the same domain cannot have the device twice either */
    g_assert_false(vnet_direct_realize(&def, &ctx, &other, &error));
    g_assert_nonnull(strstr(error->message, "domain 'vmpt'"));
    g_clear_error(&error);

    g_assert_true(vnet_direct_link_undo(link, nl, &error));
    assert_link_attr(NULL, "vnt-eth0", "address", old_mac);
    g_assert_null(vnet_direct_registry_passthrough_holder(registry, "vnt-eth0"));
    remove_physical("vnt-eth0", "vnt-far");
}

/* ---- the source device is checked first ----------------------------------- */

static void
expect_refused(VnetNl *nl, const char *source, VnetDirectDef *def, int code, const char *text)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDirectLink) link = NULL;
    VnetDirectCtx ctx = {.nl = nl, .group = 1401, .domain = "chk",
                         .describe = "interface 3 (type 'direct') of domain 'chk'"};
    guint before = vnet_netns_count_links(NULL, NULL);

    def->source_dev = source;
    g_assert_false(vnet_direct_realize(def, &ctx, &link, &error));
    g_assert_error(error, VNET_ERROR, code);
    g_test_message("%s", error->message);
    g_assert_true(g_str_has_prefix(error->message, "interface 3 (type 'direct') of domain 'chk'"));
    g_assert_nonnull(strstr(error->message, text));
    g_assert_null(link);
    /* nothing left behind */
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
    g_assert_cmpuint(count_group(NULL, 1401), ==, 0);
}

static void
test_source_checks(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectLink) tap = NULL;
    g_autoptr(GError) error = NULL;
    VnetDirectDef def = {.mode = VNET_DIRECT_MODE_BRIDGE};
    VnetDirectCtx ctx = {.group = 1402, .domain = "chk"};

    if (!(nl = enter_with_physical()))
        return;
    ctx.nl = nl;

    expect_refused(nl, "vnt-nosuch", &def, VNET_ERROR_OPERATION_FAILED,
                   "source device 'vnt-nosuch' does not exist");
    vnet_netns_veth("vnt-down0", NULL, "vnt-down1", NULL);
    vnet_netns_sh(NULL, "ip link set vnt-down0 down");
    expect_refused(nl, "vnt-down0", &def, VNET_ERROR_OPERATION_FAILED,
                   "source device 'vnt-down0' is down");

    def.source_dev = "vnt-eth0";
    g_assert_true(vnet_direct_realize(&def, &ctx, &tap, &error));
    expect_refused(nl, tap->name, &def, VNET_ERROR_OPERATION_FAILED, "is itself a macvtap");

    vnet_netns_sh(NULL, "ip link add vnt-br0 type bridge && ip link set vnt-br0 up && "
                        "ip link set vnt-down1 master vnt-br0 up");
    expect_refused(nl, "vnt-down1", &def, VNET_ERROR_OPERATION_FAILED,
                   "source device 'vnt-down1' is a port of bridge 'vnt-br0'");

    def.has_virtualport = TRUE;
    def.virtualport = VNET_VIRTUAL_PORT_TYPE_8021QBG;
    expect_refused(nl, "vnt-eth0", &def, VNET_ERROR_CONFIG_UNSUPPORTED,
                   "<virtualport type='802.1Qbg'> cannot be started: "
                   "vnet does not speak the 802.1Qbg VDP");
    def.virtualport = VNET_VIRTUAL_PORT_TYPE_8021QBH;
    expect_refused(nl, "vnt-eth0", &def, VNET_ERROR_CONFIG_UNSUPPORTED,
                   "<virtualport type='802.1Qbh'> cannot be started: "
                   "vnet does not speak the 802.1Qbh");
    def.has_virtualport = FALSE;
    expect_refused(nl, NULL, &def, VNET_ERROR_CONFIG_INVALID, "no source device");

    g_assert_true(vnet_direct_link_undo(tap, nl, NULL));
    vnet_netns_sh(NULL, "ip link del vnt-down0 && ip link del vnt-br0");
    remove_physical("vnt-eth0", "vnt-far");
}

/* ---- a start failing on its third NIC of four leaves nothing --------------- */

static void
test_rollback(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(Guest) g = NULL;
    g_autoptr(VnetUndo) undo = vnet_undo_new();
    g_autoptr(GError) error = NULL;
    g_autofree char *old_mac = NULL;
    VnetMac macs[4] = {vnet_test_mac("52:54:00:00:04:01"), vnet_test_mac("52:54:00:00:04:02"),
                       vnet_test_mac("52:54:00:00:04:03"), vnet_test_mac("52:54:00:00:04:04")};
    VnetDirectDef defs[4] = {
        {.source_dev = "vnt-eth1", .mode = VNET_DIRECT_MODE_PASSTHROUGH, .mac = &macs[0],
         .mtu = 1280},
        {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_BRIDGE, .mac = &macs[1]},
        {.source_dev = "vnt-gone", .mode = VNET_DIRECT_MODE_BRIDGE, .mac = &macs[2]},
        {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PRIVATE, .mac = &macs[3]},
    };
    guint host_links;
    guint i;

    if (!(nl = enter_with_physical()))
        return;
    vnet_netns_veth("vnt-eth1", NULL, "vnt-eth1p", NULL);
    old_mac = link_attr(NULL, "vnt-eth1", "address");
    host_links = vnet_netns_count_links(NULL, NULL);
    g = guest_new("vnt-rb", 1501);

    for (i = 0; i < G_N_ELEMENTS(defs); i++) {
        g_autofree char *eth = g_strdup_printf("eth%u", i);
        g_autofree char *what = g_strdup_printf("interface %u (type 'direct') of domain 'vnt-rb'",
                                                i + 1);
        VnetDirectCtx ctx = guest_ctx(g, nl, registry, eth);
        VnetDirectLink *link = NULL;

        ctx.describe = what;
        if (!vnet_direct_realize(&defs[i], &ctx, &link, &error))
            break;
        vnet_undo_push(undo, what, vnet_direct_link_undo_func, link,
                       (GDestroyNotify)vnet_direct_link_free);
    }
    g_assert_cmpuint(i, ==, 2);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED);
    g_assert_nonnull(strstr(error->message, "interface 3 (type 'direct')"));
    g_assert_nonnull(strstr(error->message, "'vnt-gone' does not exist"));
    /* two were made, then everything goes */
    g_assert_true(vnet_netns_link_exists("vnt-rb", "eth0"));
    g_assert_true(vnet_netns_link_exists("vnt-rb", "eth1"));
    vnet_undo_run(undo);
    g_assert_cmpuint(vnet_netns_count_links("vnt-rb", NULL), ==, 1); /* lo */
    g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, host_links);
    assert_link_attr(NULL, "vnt-eth1", "address", old_mac);
    g_assert_cmpint(link_mtu(NULL, "vnt-eth1"), ==, 1500);
    g_assert_null(vnet_direct_registry_passthrough_holder(registry, "vnt-eth1"));

    vnet_netns_sh(NULL, "ip link del vnt-eth1");
    remove_physical("vnt-eth0", "vnt-far");
}

/* ---- destroy: 8 direct NICs, one netlink request ---------------------------- */

static void
test_bulk_teardown(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GPtrArray) vm = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_direct_link_free);
    g_autoptr(GPtrArray) bystander =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_direct_link_free);
    g_autoptr(Guest) g = NULL;
    g_autoptr(VnetNl) guest_nl = NULL;
    g_autoptr(GError) error = NULL;
    guint64 before;

    if (!(nl = enter_with_physical()))
        return;
    /* a VM domain with 8 macvtaps, another with 2 */
    for (int i = 0; i < 10; i++) {
        VnetDirectDef def = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_BRIDGE};
        VnetDirectCtx ctx = {.nl = nl, .group = i < 8 ? 1601 : 1602, .domain = "bulk"};
        VnetDirectLink *link = NULL;

        g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
        g_ptr_array_add(i < 8 ? vm : bystander, link);
    }
    g_assert_cmpuint(count_group(NULL, 1601), ==, 8);
    before = vnet_nl_get_request_count(nl);
    g_assert_true(vnet_direct_teardown(nl, NULL, 1601, vm, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(vnet_nl_get_request_count(nl), ==, before + 1);
    g_assert_cmpuint(count_group(NULL, 1601), ==, 0);
    g_assert_cmpuint(count_group(NULL, 1602), ==, 2);
    for (guint i = 0; i < vm->len; i++)
        g_assert_cmpint(((VnetDirectLink *)g_ptr_array_index(vm, i))->tap_fd, ==, -1);
    g_assert_true(vnet_direct_teardown(nl, NULL, 1602, bystander, &error));
    g_assert_cmpuint(count_group(NULL, 1602), ==, 0);

    /* a netns guest with 8 macvlans: one request inside its namespace */
    g = guest_new("vnt-bulk", 1603);
    for (int i = 0; i < 8; i++) {
        g_autofree char *eth = g_strdup_printf("eth%d", i);
        VnetDirectDef def = {.source_dev = "vnt-eth0", .mode = VNET_DIRECT_MODE_PRIVATE};
        VnetDirectCtx ctx = guest_ctx(g, nl, NULL, eth);
        VnetDirectLink *link = NULL;

        g_assert_true(vnet_direct_realize(&def, &ctx, &link, &error));
        g_ptr_array_add(g->links, link);
    }
    g_assert_cmpuint(count_group("vnt-bulk", 1603), ==, 8);
    g_assert_cmpint(vnet_nl_open_in_netns(g->fd, &guest_nl), ==, 0);
    before = vnet_nl_get_request_count(guest_nl);
    g_assert_true(vnet_direct_teardown(nl, guest_nl, 1603, g->links, &error));
    g_assert_cmpuint(vnet_nl_get_request_count(guest_nl), ==, before + 1);
    g_assert_cmpuint(vnet_netns_count_links("vnt-bulk", NULL), ==, 1);
    remove_physical("vnt-eth0", "vnt-far");
}

static void
test_registry(void)
{
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    g_autoptr(GError) error = NULL;
    g_autofree char *holder = NULL;

    g_assert_true(vnet_direct_registry_claim(registry, "eth0", VNET_DIRECT_MODE_BRIDGE, "a",
                                             &error));
    g_assert_true(vnet_direct_registry_claim(registry, "eth0", VNET_DIRECT_MODE_VEPA, "b",
                                             &error));
    g_assert_false(vnet_direct_registry_claim(registry, "eth0", VNET_DIRECT_MODE_PASSTHROUGH,
                                              "c", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "device 'eth0' cannot be given in passthrough mode: domain 'a' uses it "
                    "already");
    g_clear_error(&error);
    g_assert_true(vnet_direct_registry_claim(registry, "eth1", VNET_DIRECT_MODE_PASSTHROUGH,
                                             "c", &error));
    g_assert_false(vnet_direct_registry_claim(registry, "eth1", VNET_DIRECT_MODE_PRIVATE, "d",
                                              &error));
    g_assert_cmpstr(error->message, ==, "device 'eth1' is used in passthrough mode by domain 'c'");
    g_clear_error(&error);
    holder = vnet_direct_registry_passthrough_holder(registry, "eth1");
    g_assert_cmpstr(holder, ==, "c");
    vnet_direct_registry_release(registry, "eth0", VNET_DIRECT_MODE_BRIDGE, "a");
    vnet_direct_registry_release(registry, "eth0", VNET_DIRECT_MODE_VEPA, "b");
    g_assert_true(vnet_direct_registry_claim(registry, "eth0", VNET_DIRECT_MODE_PASSTHROUGH,
                                             "c", &error));
}

static void
test_def_from_interface(void)
{
    VnetVirtualPortDef vport = {.type = VNET_VIRTUAL_PORT_TYPE_8021QBH};
    VnetDomainInterfaceDef nic = {
        .type = VNET_DOMAIN_INTERFACE_TYPE_DIRECT,
        .source_dev = (char *)"eth3",
        .direct_mode = VNET_DIRECT_MODE_PRIVATE,
        .mtu = 9000,
        .link_state = VNET_LINK_STATE_DOWN,
        .target_dev = (char *)"mytap",
        .virtualport = &vport,
    };
    VnetDirectDef def;

    nic.mac = vnet_test_mac("52:54:00:01:02:03");
    vnet_direct_def_from_interface(&nic, &def);
    g_assert_cmpstr(def.source_dev, ==, "eth3");
    g_assert_cmpint(def.mode, ==, VNET_DIRECT_MODE_PRIVATE);
    g_assert_true(vnet_mac_equal(def.mac, &nic.mac));
    g_assert_cmpuint(def.mtu, ==, 9000);
    g_assert_cmpint(def.link_state, ==, VNET_LINK_STATE_DOWN);
    g_assert_cmpstr(def.target_dev, ==, "mytap");
    g_assert_true(def.has_virtualport);
    g_assert_cmpint(def.virtualport, ==, VNET_VIRTUAL_PORT_TYPE_8021QBH);
}


/* ---- through the NIC ops table, as the netns backend calls it ------------- */

static gboolean
start_through_ops(VnetDomainDef *def, VnetNl *nl, int fd, VnetDomainStatus *status,
                  GError **error)
{
    g_autoptr(VnetUndo) undo = vnet_undo_new();

    for (guint i = 0; i < def->interfaces->len; i++) {
        g_autofree char *eth = g_strdup_printf("eth%u", i);
        VnetNicCtx ctx = {
            .def = def,
            .nic = g_ptr_array_index(def->interfaces, i),
            .status = status,
            .undo = undo,
            .nl = nl,
            .netns_fd = fd,
            .guest_name = eth,
        };

        if (!vnet_nic_direct_ops.realize_netns(&ctx, error)) {
            vnet_undo_run(undo);
            return FALSE;
        }
    }
    return TRUE;
}

static void
test_nic_ops(void)
{
    static const char xml[] =
        "<domain type='netns'><name>vnt-ops</name>"
        "<uuid>319f8421-3aea-5cf0-8c6f-8b9b5a29f2d9</uuid><devices>"
        "<interface type='direct'><mac address='52:54:00:00:05:01'/>"
        "<source dev='vnt-eth1' mode='passthrough'/></interface>"
        "<interface type='direct'><mac address='52:54:00:00:05:02'/>"
        "<source dev='vnt-eth0' mode='bridge'/></interface>"
        "<interface type='direct'><mac address='52:54:00:00:05:03'/>"
        "<source dev='vnt-eth0' mode='private'/><link state='down'/></interface>"
        "</devices></domain>";
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(Guest) g = NULL;
    g_autoptr(Guest) other = NULL;
    g_autoptr(VnetDomainStatus) status = vnet_domain_status_new("netns");
    g_autoptr(VnetDomainStatus) status2 = vnet_domain_status_new("netns");
    g_autoptr(VnetDomainDef) def = NULL;
    g_autoptr(VnetDomainDef) def2 = NULL;
    g_autofree char *old_mac = NULL;
    g_autofree char *restored = NULL;
    g_autofree char *xml2 = NULL;
    guint64 requests;

    if (!(nl = enter_with_physical()))
        return;
    vnet_netns_veth("vnt-eth1", NULL, "vnt-eth1p", NULL);
    old_mac = link_attr(NULL, "vnt-eth1", "address");
    def = vnet_domain_def_parse_string(xml, "ops.xml", &error);
    g_assert_no_error(error);
    g = guest_new("vnt-ops", VNET_NETDEV_GROUP);
    status->group = VNET_NETDEV_GROUP;
    status2->group = VNET_NETDEV_GROUP;

    g_assert_true(start_through_ops(def, nl, g->fd, status, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(status->links->len, ==, 3);
    g_assert_cmpint(((VnetStatusLink *)g_ptr_array_index(status->links, 0))->ifindex, ==, 0);
    assert_link_attr("vnt-ops", "eth0", "address", "52:54:00:00:05:01");
    assert_link_attr("vnt-ops", "eth2", "operstate", "DOWN");
    g_assert_cmpuint(count_group("vnt-ops", VNET_NETDEV_GROUP), ==, 3);
    /* the device as it was, for a stop by another process */
    g_assert_cmpuint(status->passthrough->len, ==, 1);
    {
        VnetStatusPassthrough *pt = g_ptr_array_index(status->passthrough, 0);
        VnetMac old = vnet_test_mac(old_mac);

        g_assert_cmpstr(pt->dev, ==, "vnt-eth1");
        g_assert_true(vnet_mac_equal(&pt->mac, &old));
        g_assert_true(pt->up);
    }

    /* a second domain wanting the passthrough device: refused by name, and
     * its first NIC (made before) rolled back */
    xml2 = g_strdup(xml);
    memcpy(strstr(xml2, "vnt-ops"), "vnt-op2", 7);
    {
        char *first = strstr(xml2, "<interface");
        char *second = strstr(first + 1, "<interface");
        char *third = strstr(second + 1, "<interface");
        g_autofree char *reordered = g_strdup_printf("%.*s%.*s%s", (int)(first - xml2), xml2,
                                                     (int)(third - second), second, first);
        char *p;

        /* NIC order now: bridge, passthrough (refused), private; MACs of
         * their own (macvlans on one device may not share one) */
        while ((p = strstr(reordered, ":05:")))
            p[2] = '6';
        def2 = vnet_domain_def_parse_string(reordered, "ops2.xml", &error);
        g_assert_no_error(error);
    }
    other = guest_new("vnt-op2", VNET_NETDEV_GROUP);
    g_assert_false(start_through_ops(def2, nl, other->fd, status2, &error));
    g_test_message("%s", error->message);
    g_assert_nonnull(strstr(error->message, "by domain 'vnt-ops'"));
    g_assert_nonnull(strstr(error->message, "interface 2 (type 'direct') of domain 'vnt-op2'"));
    g_clear_error(&error);
    g_assert_cmpuint(vnet_netns_count_links("vnt-op2", NULL), ==, 1);
    g_assert_cmpuint(status2->passthrough->len, ==, 0);

    /* stop: one request in the namespace, device restored */
    requests = vnet_nic_direct_get_delete_requests();
    g_assert_true(vnet_nic_direct_stop_netns(def, status, g->fd, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(vnet_nic_direct_get_delete_requests() - requests, ==, 1);
    g_assert_cmpuint(vnet_netns_count_links("vnt-ops", NULL), ==, 1);
    g_assert_cmpuint(status->links->len, ==, 0);
    g_assert_cmpuint(status->passthrough->len, ==, 0);
    assert_link_attr(NULL, "vnt-eth1", "address", old_mac);
    g_assert_null(vnet_direct_registry_passthrough_holder(vnet_nic_direct_registry(), "vnt-eth1"));
    g_assert_true(vnet_nic_direct_stop_netns(def, status, g->fd, &error));
    g_assert_no_error(error);

    vnet_netns_sh(NULL, "ip link del vnt-eth1");
    remove_physical("vnt-eth0", "vnt-far");
}

/* VM guests through the ops (realize_vm): macvtaps in the host namespace
 * in the domain's group, their fds carrying frames; a stop (group delete
 * plus vnet_nic_direct_stop_netns with no namespace) and a rollback each
 * leave the host as before, the passthrough device restored. */
static void
test_nic_ops_vm(void)
{
    static const char xml[] =
        "<domain type='kvm'><name>vnt-vm</name>"
        "<uuid>4b1f0c3e-8d2a-4e5b-9c6d-7e8f9a0b1c2d</uuid><devices>"
        "<interface type='direct'><mac address='52:54:00:00:08:01'/>"
        "<source dev='vnt-eth0' mode='bridge'/><mtu size='1400'/></interface>"
        "<interface type='direct'><mac address='52:54:00:00:08:02'/>"
        "<source dev='vnt-eth1' mode='passthrough'/><target dev='vnt-mvt9'/></interface>"
        "</devices></domain>";
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = NULL;
    g_autofree char *old_mac = NULL;
    VnetMac guest0 = vnet_test_mac("52:54:00:00:08:01");
    guint before;

    if (!(nl = enter_with_physical()))
        return;
    vnet_netns_veth("vnt-eth1", NULL, "vnt-eth1p", NULL);
    old_mac = link_attr(NULL, "vnt-eth1", "address");
    before = vnet_netns_count_links(NULL, NULL);
    def = vnet_domain_def_parse_string(xml, "vm.xml", &error);
    g_assert_no_error(error);
    g_assert_nonnull(vnet_nic_direct_ops.realize_vm);

    for (guint round = 0; round < 2; round++) {
        g_autoptr(VnetDomainStatus) status = vnet_domain_status_new("qemu");
        g_autoptr(VnetUndo) undo = vnet_undo_new();
        int fds[2] = {-1, -1};

        status->group = 1301;
        for (guint i = 0; i < 2; i++) {
            VnetNicCtx ctx = {.def = def, .nic = g_ptr_array_index(def->interfaces, i),
                              .status = status, .undo = undo, .nl = nl, .netns_fd = -1};

            g_assert_true(vnet_nic_direct_ops.realize_vm(&ctx, &fds[i], &error));
            g_assert_no_error(error);
            g_assert_cmpint(fds[i], >=, 0);
        }
        /* the kernel's view: macvtaps in the host namespace, recorded like
         * taps (host name and ifindex) */
        {
            VnetDomainInterfaceDef *nic = g_ptr_array_index(def->interfaces, 0);
            VnetStatusLink *rec = g_ptr_array_index(status->links, 0);
            g_autoptr(JsonNode) host = vnet_netns_ip_json(NULL, "link");
            JsonObject *kernel = vnet_netns_find_link(host, nic->target_dev);

            g_assert_true(g_str_has_prefix(nic->target_dev, "vnmvtap"));
            g_assert_nonnull(kernel);
            g_assert_cmpstr(rec->name, ==, nic->target_dev);
            /* the recorded ifindex is the kernel's, not just self-consistent */
            g_assert_cmpint(rec->ifindex, ==, json_object_get_int_member(kernel, "ifindex"));
            g_assert_cmpint(rec->ifindex, ==, nic->target_ifindex);
            g_assert_cmpint(rec->ifindex, >, 0);
            g_assert_null(rec->guest_name);
            assert_link_info(NULL, nic->target_dev, "info_kind", "macvtap");
            assert_link_info(NULL, nic->target_dev, "mode", "bridge");
            assert_link_attr(NULL, nic->target_dev, "address", "52:54:00:00:08:01");
            assert_link_attr(NULL, nic->target_dev, "group", "1301");
            g_assert_cmpint(link_mtu(NULL, nic->target_dev), ==, 1400);
        }
        assert_link_info(NULL, "vnt-mvt9", "mode", "passthru");
        assert_link_attr(NULL, "vnt-eth1", "address", "52:54:00:00:08:02");
        g_assert_cmpuint(status->passthrough->len, ==, 1);
        g_assert_cmpstr(((VnetStatusPassthrough *)g_ptr_array_index(status->passthrough, 0))->dev,
                        ==, "vnt-eth1");
        g_assert_cmpuint(count_group(NULL, 1301), ==, 2);
        vnet_test_assert_frames(fds[0], &guest0, "vnt-far", "far0",
                            round == 0 ? "vm nic" : "vm nic again");

        if (round == 0) {
            /* a stop: the domain's group in one request, then the devices */
            g_assert_cmpint(vnet_nl_link_delete_group(nl, 1301), ==, 0);
            g_assert_true(vnet_nic_direct_stop_netns(def, status, -1, &error));
            g_assert_no_error(error);
            g_assert_cmpuint(status->passthrough->len, ==, 0);
        } else {
            /* a failed start's rollback, the fds still open */
            vnet_undo_run(undo);
        }
        close(fds[0]);
        close(fds[1]);
        g_assert_cmpuint(vnet_netns_count_links(NULL, NULL), ==, before);
        assert_link_attr(NULL, "vnt-eth1", "address", old_mac);
        g_assert_null(
            vnet_direct_registry_passthrough_holder(vnet_nic_direct_registry(), "vnt-eth1"));
    }
    vnet_netns_sh(NULL, "ip link del vnt-eth1");
    remove_physical("vnt-eth0", "vnt-far");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/direct/registry", test_registry);
    g_test_add_func("/direct/def-from-interface", test_def_from_interface);
    g_test_add_func("/direct/mode/bridge", test_mode_bridge);
    g_test_add_func("/direct/mode/private", test_mode_private);
    g_test_add_func("/direct/mode/vepa", test_mode_vepa);
    g_test_add_func("/direct/vm/macvtap-frames", test_vm_macvtap_frames);
    g_test_add_func("/direct/vm/target-dev", test_vm_target_dev);
    g_test_add_func("/direct/passthrough/netns", test_passthrough);
    g_test_add_func("/direct/passthrough/vm", test_passthrough_vm);
    g_test_add_func("/direct/source-checks", test_source_checks);
    g_test_add_func("/direct/rollback", test_rollback);
    g_test_add_func("/direct/bulk-teardown", test_bulk_teardown);
    g_test_add_func("/direct/nic-ops", test_nic_ops);
    g_test_add_func("/direct/nic-ops-vm", test_nic_ops_vm);
    return g_test_run();
}
