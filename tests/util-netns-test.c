/* util-netns-test.c: src/util/vnet-netns — named namespaces that `ip netns`
 * sees, their inodes, code run inside one, and the netns-guest recipe
 * (a veth whose peer goes straight into the namespace as ethN, then set up
 * from inside), all in a private namespace. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netns-helper.h"
#include "test-util.h"
#include "util/vnet-netns.h"
#include "util/vnet-nl.h"
#include "util/vnet-sysctl.h"

/* The inode of the namespace the calling thread is in. */
static guint64
current_netns_inode(void)
{
    struct stat st;

    g_assert_cmpint(stat("/proc/thread-self/ns/net", &st), ==, 0);
    return st.st_ino;
}

static char *
sh_output(const char *cmd)
{
    const char *argv[] = {"sh", "-c", cmd, NULL};
    char *out = vnet_test_run(argv);

    return g_strchomp(out);
}

static void
test_names(void)
{
    g_autofree char *long_name = g_strnfill(256, 'a');

    g_assert_true(vnet_netns_name_is_valid("guest-1"));
    g_assert_false(vnet_netns_name_is_valid(NULL));
    g_assert_false(vnet_netns_name_is_valid(""));
    g_assert_false(vnet_netns_name_is_valid("."));
    g_assert_false(vnet_netns_name_is_valid(".."));
    g_assert_false(vnet_netns_name_is_valid("a/b"));
    g_assert_false(vnet_netns_name_is_valid(long_name));
    g_assert_cmpint(vnet_netns_create("../etc", NULL), ==, -EINVAL);
    g_assert_cmpint(vnet_netns_destroy("a/b"), ==, -EINVAL);
}

static void
test_create_destroy(void)
{
    g_autofree char *listed = NULL;
    g_autofree char *inside = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *lo_flags = NULL;
    guint64 inode = 0;
    guint64 again = 0;
    guint64 other = 0;
    guint64 cookie = 0;
    guint64 old_cookie = 0;

    if (!vnet_netns_enter_or_skip())
        return;
    g_assert_cmpint(vnet_netns_create("vnt-ns1", &inode), ==, 0);
    g_assert_cmpuint(inode, >, 0);
    /* ip netns sees it, and its own view of the namespace is the same one */
    listed = sh_output("ip netns list");
    g_assert_nonnull(strstr(listed, "vnt-ns1"));
    inside = sh_output("ip netns exec vnt-ns1 readlink /proc/self/ns/net");
    expected = g_strdup_printf("net:[%" G_GUINT64_FORMAT "]", inode);
    g_assert_cmpstr(inside, ==, expected);
    g_assert_cmpuint(inode, !=, current_netns_inode());
    /* loopback is up there */
    lo_flags = sh_output("ip -n vnt-ns1 -br link show lo");
    g_assert_nonnull(strstr(lo_flags, "UP"));

    g_assert_cmpint(vnet_netns_get_inode("vnt-ns1", &again), ==, 0);
    g_assert_cmpuint(again, ==, inode);
    g_assert_cmpint(vnet_netns_get_cookie("vnt-ns1", &old_cookie), ==, 0);
    g_assert_cmpint(vnet_netns_create("vnt-ns1", NULL), ==, -EEXIST);

    /* a second namespace is another one */
    g_assert_cmpint(vnet_netns_create("vnt-ns2", &other), ==, 0);
    g_assert_cmpuint(other, !=, inode);

    g_assert_cmpint(vnet_netns_destroy("vnt-ns1"), ==, 0);
    g_assert_cmpint(vnet_netns_get_inode("vnt-ns1", &again), ==, -ENOENT);
    g_assert_cmpint(vnet_netns_destroy("vnt-ns1"), ==, -ENOENT);
    g_free(listed);
    listed = sh_output("ip netns list");
    g_assert_null(strstr(listed, "vnt-ns1"));
    g_assert_nonnull(strstr(listed, "vnt-ns2"));

    /* the same name again: a new namespace, told apart by its cookie (the
     * inode of the old one may be given to the new one) */
    g_assert_cmpint(vnet_netns_create("vnt-ns1", &again), ==, 0);
    g_assert_cmpint(vnet_netns_get_cookie("vnt-ns1", &cookie), ==, 0);
    g_assert_cmpuint(cookie, !=, 0);
    g_assert_cmpuint(cookie, !=, old_cookie);
    g_assert_cmpint(vnet_netns_get_cookie("vnt-ns1", &again), ==, 0);
    g_assert_cmpuint(again, ==, cookie);
    g_assert_cmpint(vnet_netns_destroy("vnt-ns1"), ==, 0);
    g_assert_cmpint(vnet_netns_get_cookie("vnt-ns1", &again), ==, -ENOENT);
    g_assert_cmpint(vnet_netns_destroy("vnt-ns2"), ==, 0);

    /* a leftover file with nothing mounted on it (a crash between create
     * and mount): not a namespace, and destroy cleans it */
    vnet_netns_sh(NULL, "touch " VNET_NETNS_RUN_DIR "/vnt-stale");
    g_assert_cmpint(vnet_netns_get_inode("vnt-stale", &again), ==, -ENXIO);
    g_assert_cmpint(vnet_netns_destroy("vnt-stale"), ==, 0);
    g_assert_false(g_file_test(VNET_NETNS_RUN_DIR "/vnt-stale", G_FILE_TEST_EXISTS));
}

static void
test_created_by_ip(void)
{
    g_autofree char *inside = NULL;
    g_autofree char *expected = NULL;
    guint64 inode = 0;
    int fd = -1;

    if (!vnet_netns_enter_or_skip())
        return;
    /* and the other way round: one `ip netns add` made is ours to use */
    vnet_netns_add("vnt-byip");
    g_assert_cmpint(vnet_netns_get_inode("vnt-byip", &inode), ==, 0);
    inside = sh_output("ip netns exec vnt-byip readlink /proc/self/ns/net");
    expected = g_strdup_printf("net:[%" G_GUINT64_FORMAT "]", inode);
    g_assert_cmpstr(inside, ==, expected);
    g_assert_cmpint(vnet_netns_open("vnt-byip", &fd), ==, 0);
    g_assert_cmpint(fcntl(fd, F_GETFD) & FD_CLOEXEC, ==, FD_CLOEXEC);
    close(fd);
    g_assert_cmpint(vnet_netns_destroy("vnt-byip"), ==, 0);
    g_assert_cmpint(vnet_netns_open("vnt-byip", &fd), ==, -ENOENT);
}

typedef struct {
    guint64 inode;
    char *forward;
} Inside;

static int
look_inside(gpointer data)
{
    Inside *in = data;
    int r;

    in->inode = current_netns_inode();
    if ((r = vnet_sysctl_write("net/ipv4/ip_forward", "1")) < 0)
        return r;
    if ((r = vnet_sysctl_read("net/ipv4/ip_forward", &in->forward)) < 0)
        return r;
    return 42;
}

static int
fail_inside(gpointer data)
{
    return -ENOTTY;
}

static void
test_run(void)
{
    Inside in = {0};
    g_autofree char *outside_forward = NULL;
    g_autofree char *inside_forward = NULL;
    guint64 mine;
    guint64 inode;
    int fd;

    if (!vnet_netns_enter_or_skip())
        return;
    mine = current_netns_inode();
    g_assert_cmpint(vnet_netns_create("vnt-run", &inode), ==, 0);
    g_assert_cmpint(vnet_netns_open("vnt-run", &fd), ==, 0);
    {
        guint64 by_fd = 0;

        g_assert_cmpint(vnet_netns_fd_get_inode(fd, &by_fd), ==, 0);
        g_assert_cmpuint(by_fd, ==, inode);
    }
    g_assert_cmpint(vnet_sysctl_write("net/ipv4/ip_forward", "0"), ==, 0);
    g_assert_cmpint(vnet_netns_run(fd, look_inside, &in), ==, 42);
    g_assert_cmpuint(in.inode, ==, inode);
    g_assert_cmpstr(in.forward, ==, "1");
    g_free(in.forward);
    /* the caller's thread never moved, and the sysctl stayed there */
    g_assert_cmpuint(current_netns_inode(), ==, mine);
    g_assert_cmpint(vnet_sysctl_read("net/ipv4/ip_forward", &outside_forward), ==, 0);
    g_assert_cmpstr(outside_forward, ==, "0");
    inside_forward = sh_output("ip netns exec vnt-run cat /proc/sys/net/ipv4/ip_forward");
    g_assert_cmpstr(inside_forward, ==, "1");

    g_assert_cmpint(vnet_netns_run(fd, fail_inside, NULL), ==, -ENOTTY);
    /* an fd that is no namespace */
    {
        int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

        g_assert_cmpint(vnet_netns_run(null_fd, look_inside, &in), ==, -EINVAL);
        close(null_fd);
    }
    g_assert_cmpint(vnet_netns_run(-1, look_inside, &in), ==, -EBADF);
    close(fd);
    g_assert_cmpint(vnet_netns_destroy("vnt-run"), ==, 0);
}

/* What the netns guest backend does per NIC: host end vnetN in vnet's
 * group, the peer created directly inside the guest's namespace as ethN,
 * then MAC, MTU and link state applied from inside. */
static void
test_guest_nic(void)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetNl) guest_nl = NULL;
    g_autoptr(JsonNode) guest_links = NULL;
    g_autoptr(JsonNode) host_links = NULL;
    VnetMac mac;
    VnetNlLinkInfo host;
    VnetNlLinkInfo eth0;
    JsonObject *link;
    int fd;

    if (!vnet_netns_enter_or_skip())
        return;
    g_assert_cmpint(vnet_mac_parse("52:54:00:65:74:68", &mac), ==, 0);
    g_assert_cmpint(vnet_nl_open(&nl), ==, 0);
    g_assert_cmpint(vnet_netns_create("vnt-guest", NULL), ==, 0);
    g_assert_cmpint(vnet_netns_open("vnt-guest", &fd), ==, 0);
    {
        VnetNlLinkDef def = {
            .kind = VNET_NL_LINK_KIND_VETH,
            .name = "vnt-vnet%d",
            .has_group = TRUE,
            .group = 401,
            .up = VNET_TRISTATE_YES,
            .peer_name = "eth0",
            .peer_up = VNET_TRISTATE_YES,
            .has_peer_netns_fd = TRUE,
            .peer_netns_fd = fd,
        };
        VnetNlLinkDef taken = def;
        guint64 before = vnet_nl_get_request_count(nl);

        g_assert_cmpint(vnet_nl_link_create(nl, &def, &host), ==, 0);
        /* create, raise the peer inside the namespace, read back */
        g_assert_cmpuint(vnet_nl_get_request_count(nl), ==, before + 2);
        /* eth0 is taken there now: nothing made, no half pair left */
        taken.name = "vnt-half";
        g_assert_cmpint(vnet_nl_link_create(nl, &taken, NULL), ==, -EEXIST);
        g_assert_false(vnet_netns_link_exists(NULL, "vnt-half"));
    }
    {
        g_autoptr(JsonNode) links = vnet_netns_ip_json("vnt-guest", "link");
        JsonObject *guest_eth0 = vnet_netns_find_link(links, "eth0");
        JsonArray *flags = json_object_get_array_member(guest_eth0, "flags");
        gboolean up = FALSE;

        for (guint i = 0; i < json_array_get_length(flags); i++)
            up |= g_str_equal(json_array_get_string_element(flags, i), "UP");
        g_assert_true(up);
    }
    g_assert_cmpstr(host.name, ==, "vnt-vnet0");
    g_assert_cmpuint(host.group, ==, 401);
    g_assert_false(vnet_netns_link_exists(NULL, "eth0"));

    g_assert_cmpint(vnet_nl_open_in_netns(fd, &guest_nl), ==, 0);
    g_assert_cmpint(vnet_nl_link_get(guest_nl, "eth0", &eth0), ==, 0);
    {
        VnetNlLinkChange change = {.mac = &mac, .mtu = 1400, .up = VNET_TRISTATE_YES};

        g_assert_cmpint(vnet_nl_link_change(guest_nl, eth0.ifindex, &change), ==, 0);
    }
    guest_links = vnet_netns_ip_json("vnt-guest", "link");
    link = vnet_netns_find_link(guest_links, "eth0");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:65:74:68");
    g_assert_cmpint(json_object_get_int_member(link, "mtu"), ==, 1400);
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(link, "linkinfo"), "info_kind"),
                    ==, "veth");

    /* a second NIC: created here, then moved in and renamed eth1 in one
     * request */
    {
        VnetNlLinkDef def = {.kind = VNET_NL_LINK_KIND_VETH,
                             .name = "vnt-vnet%d",
                             .peer_name = "vnt-tmp1"};
        VnetNlLinkInfo tmp;
        guint64 before;

        g_assert_cmpint(vnet_nl_link_create(nl, &def, &host), ==, 0);
        g_assert_cmpstr(host.name, ==, "vnt-vnet1");
        g_assert_cmpint(vnet_nl_link_get(nl, "vnt-tmp1", &tmp), ==, 0);
        before = vnet_nl_get_request_count(nl);
        g_assert_cmpint(vnet_nl_link_move_to_netns(nl, tmp.ifindex, fd, "eth1"), ==, 0);
        g_assert_cmpuint(vnet_nl_get_request_count(nl), ==, before + 1);
        g_assert_true(vnet_netns_link_exists("vnt-guest", "eth1"));
        g_assert_false(vnet_netns_link_exists(NULL, "vnt-tmp1"));
        /* eth1 is taken there now: EEXIST, and (the kernel moves first,
         * renames second) the link is over there under its old name */
        g_assert_cmpint(vnet_nl_link_create(nl, &def, &host), ==, 0);
        g_assert_cmpint(vnet_nl_link_get(nl, "vnt-tmp1", &tmp), ==, 0);
        g_assert_cmpint(vnet_nl_link_move_to_netns(nl, tmp.ifindex, fd, "eth1"), ==, -EEXIST);
        g_assert_false(vnet_netns_link_exists(NULL, "vnt-tmp1"));
        g_assert_true(vnet_netns_link_exists("vnt-guest", "vnt-tmp1"));
    }

    /* the host ends of a guest's NICs go in one request; their peers in
     * the guest go with them */
    host_links = vnet_netns_ip_json(NULL, "link");
    g_assert_nonnull(vnet_netns_find_link(host_links, "vnt-vnet0"));
    g_assert_cmpint(vnet_nl_link_set_group(nl, host.ifindex, 401), ==, 0);
    g_assert_cmpint(vnet_nl_link_get(nl, "vnt-vnet1", &host), ==, 0);
    g_assert_cmpint(vnet_nl_link_set_group(nl, host.ifindex, 401), ==, 0);
    g_assert_cmpint(vnet_nl_link_delete_group(nl, 401), ==, 0);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-vnet0"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-vnet1"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-vnet2"));
    g_assert_false(vnet_netns_link_exists("vnt-guest", "eth0"));
    g_assert_false(vnet_netns_link_exists("vnt-guest", "eth1"));

    close(fd);
    g_assert_cmpint(vnet_netns_destroy("vnt-guest"), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/netns/names", test_names);
    g_test_add_func("/util/netns/create-destroy", test_create_destroy);
    g_test_add_func("/util/netns/created-by-ip", test_created_by_ip);
    g_test_add_func("/util/netns/run", test_run);
    g_test_add_func("/util/netns/guest-nic", test_guest_nic);
    return g_test_run();
}
