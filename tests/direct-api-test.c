/* direct-api-test.c: <interface type='direct'> end to end through the public
 * API on local:///?root=DIR, in a private network namespace. netns domains
 * are defined from XML and started; a veth pair stands in for the physical
 * NIC ("vnt-eth0" here, its far end "far0" in namespace vnt-far holding
 * 192.0.2.100). Results come from the kernel (`ip -d -j`) and from real
 * traffic (ping), never from vnet's own records:
 *   modes        bridge: guests reach each other; private: they do not;
 *                vepa: only through an external switch with hairpin on;
 *                all of them reach the far host
 *   passthrough  the guest has the NIC's MAC; a second domain is refused
 *                naming the holder; the device gets its MAC and MTU back
 *                after destroy, also after the process holding it was
 *                SIGKILLed
 *   failures     a start failing on its third of four NICs, and source
 *                devices that are missing, down, a macvtap or a bridge
 *                port, leave `ip -j link` as it was; virtualports are
 *                refused by name
 *   bulk         destroy of a domain with 8 direct NICs is one RTM_DELLINK
 */
#include <config.h>

#include <unistd.h>

#include <vnet/vnet.h>

#include "local-fixture.h"
#include "netns-helper.h"
#include "network/link-direct-nic.h"
#include "network/status.h"
#include "test-util.h"

typedef VnetTestLocal Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    if (!vnet_test_local_open(fx, "direct"))
        return;
    /* the "physical" NIC and a host on its far side */
    vnet_netns_add("vnt-far");
    vnet_netns_veth("vnt-eth0", NULL, "far0", "vnt-far");
    vnet_netns_sh("vnt-far", "ip addr add 192.0.2.100/24 dev far0");
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    if (fx->root) {
        g_clear_pointer(&fx->conn, vnet_connection_close);
        vnet_netns_sh_status(NULL, "ip link del vnt-eth0");
        vnet_netns_sh_status(NULL, "ip netns del vnt-far");
    }
    vnet_test_local_close(fx);
}

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

/* `ip -d -j link` of the current namespace, as text. */
static char *
host_links(void)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(NULL, "link");

    return json_to_string(root, TRUE);
}

static char *
link_member(const char *ns, const char *name, const char *member)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonObject *link = vnet_netns_find_link(root, name);

    g_assert_nonnull(link);
    if (!json_object_has_member(link, member))
        return NULL;
    if (json_node_get_value_type(json_object_get_member(link, member)) == G_TYPE_STRING)
        return g_strdup(json_object_get_string_member(link, member));
    return g_strdup_printf("%" G_GINT64_FORMAT, json_object_get_int_member(link, member));
}

static char *
macvlan_mode(const char *ns, const char *name)
{
    g_autoptr(JsonNode) root = vnet_netns_ip_json(ns, "link");
    JsonObject *link = vnet_netns_find_link(root, name);
    JsonObject *info;

    g_assert_nonnull(link);
    info = json_object_get_object_member(link, "linkinfo");
    g_assert_cmpstr(json_object_get_string_member(info, "info_kind"), ==, "macvlan");
    return g_strdup(json_object_get_string_member(
        json_object_get_object_member(info, "info_data"), "mode"));
}

static gboolean
ping(const char *from_ns, const char *address)
{
    return vnet_netns_sh_status(from_ns, "ping -c1 -W2 -q %s", address) == 0;
}

static VnetDomain *
define(Fixture *fx, const char *xml)
{
    g_autoptr(GError) error = NULL;
    VnetDomain *dom = vnet_domain_define_xml(fx->conn, xml, &error);

    g_assert_no_error(error);
    g_assert_nonnull(dom);
    return dom;
}

static VnetDomain *
start_direct(Fixture *fx, const char *name, const char *mac, const char *dev, const char *mode)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = g_strdup_printf(
        "<domain type='netns'><name>%s</name><devices>"
        "<interface type='direct'><mac address='%s'/><source dev='%s' mode='%s'/></interface>"
        "</devices></domain>",
        name, mac, dev, mode);
    /* defined already by an earlier round of the same test */
    VnetDomain *dom = vnet_domain_lookup_by_name(fx->conn, name, NULL);

    if (!dom)
        dom = define(fx, xml);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    return dom;
}

static void
destroy(VnetDomain *dom)
{
    g_autoptr(GError) error = NULL;

    g_assert_true(vnet_domain_destroy(dom, &error));
    g_assert_no_error(error);
}

/* ---- modes ------------------------------------------------------------- */

typedef struct {
    VnetDomain *g1;
    VnetDomain *g2;
} Pair;

static Pair
start_pair(Fixture *fx, const char *mode)
{
    Pair p;

    p.g1 = start_direct(fx, "vnt-g1", "52:54:00:00:11:01", "vnt-eth0", mode);
    p.g2 = start_direct(fx, "vnt-g2", "52:54:00:00:11:02", "vnt-eth0", mode);
    vnet_netns_sh("vnt-g1", "ip addr add 192.0.2.11/24 dev eth0");
    vnet_netns_sh("vnt-g2", "ip addr add 192.0.2.12/24 dev eth0");
    return p;
}

static void
stop_pair(Pair *p)
{
    destroy(p->g1);
    destroy(p->g2);
    g_clear_pointer(&p->g1, vnet_domain_unref);
    g_clear_pointer(&p->g2, vnet_domain_unref);
    g_assert_false(netns_exists("vnt-g1"));
    g_assert_false(netns_exists("vnt-g2"));
}

static void
check_mode(Fixture *fx, const char *mode, gboolean between)
{
    Pair p = start_pair(fx, mode);
    g_autofree char *seen = macvlan_mode("vnt-g1", "eth0");
    g_autofree char *mac = link_member("vnt-g2", "eth0", "address");

    g_assert_cmpstr(seen, ==, mode);
    g_assert_cmpstr(mac, ==, "52:54:00:00:11:02");
    g_assert_true(ping("vnt-g1", "192.0.2.100"));
    g_assert_true(ping("vnt-g2", "192.0.2.100"));
    g_assert_true(ping("vnt-far", "192.0.2.11"));
    g_assert_cmpint(ping("vnt-g1", "192.0.2.12"), ==, between);
    g_assert_cmpint(ping("vnt-g2", "192.0.2.11"), ==, between);
    stop_pair(&p);
}

static void
test_mode_bridge(Fixture *fx, gconstpointer data)
{
    if (fx->conn)
        check_mode(fx, "bridge", TRUE);
}

static void
test_mode_private(Fixture *fx, gconstpointer data)
{
    if (fx->conn)
        check_mode(fx, "private", FALSE);
}

static void
test_mode_vepa(Fixture *fx, gconstpointer data)
{
    Pair p;

    if (!fx->conn)
        return;
    /* without a switch that reflects frames, the guests are apart */
    check_mode(fx, "vepa", FALSE);

    /* the external switch: a bridge on the far side, hairpin on the port
     * facing the device */
    vnet_netns_sh("vnt-far", "ip addr del 192.0.2.100/24 dev far0 && "
                             "ip link add br0 type bridge && ip link set br0 up && "
                             "ip link set far0 master br0 && "
                             "ip link set far0 type bridge_slave hairpin on && "
                             "ip addr add 192.0.2.100/24 dev br0");
    p = start_pair(fx, "vepa");
    g_assert_true(ping("vnt-g1", "192.0.2.100"));
    g_assert_true(ping("vnt-g1", "192.0.2.12"));
    g_assert_true(ping("vnt-g2", "192.0.2.11"));
    stop_pair(&p);
}

/* ---- passthrough ----------------------------------------------------------- */

static const char pt_xml[] =
    "<domain type='netns'><name>vnt-pt1</name><devices>"
    "<interface type='direct'><mac address='52:54:00:00:22:01'/>"
    "<source dev='vnt-eth1' mode='passthrough'/><mtu size='1400'/></interface>"
    "</devices></domain>";

static void
make_pt_device(void)
{
    vnet_netns_add("vnt-pfar");
    vnet_netns_veth("vnt-eth1", NULL, "pfar0", "vnt-pfar");
}

static void
remove_pt_device(void)
{
    vnet_netns_sh(NULL, "ip link del vnt-eth1");
    vnet_netns_del("vnt-pfar");
}

static void
test_passthrough(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) other = NULL;
    g_autofree char *old_mac = NULL;
    g_autofree char *old_mtu = NULL;
    g_autofree char *mac = NULL;
    g_autofree char *dev_mac = NULL;
    g_autofree char *mac_after = NULL;
    g_autofree char *mtu_after = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    if (!fx->conn)
        return;
    make_pt_device();
    old_mac = link_member(NULL, "vnt-eth1", "address");
    old_mtu = link_member(NULL, "vnt-eth1", "mtu");

    dom = define(fx, pt_xml);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);
    mac = link_member("vnt-pt1", "eth0", "address");
    g_assert_cmpstr(mac, ==, "52:54:00:00:22:01");
    {
        g_autofree char *mode = macvlan_mode("vnt-pt1", "eth0");

        g_assert_cmpstr(mode, ==, "passthru");
    }
    dev_mac = link_member(NULL, "vnt-eth1", "address");
    g_assert_cmpstr(dev_mac, ==, "52:54:00:00:22:01");

    /* the same device again, in passthrough or any other mode: refused,
     * naming the domain that holds it, nothing left behind */
    before = host_links();
    other = define(fx, "<domain type='netns'><name>vnt-pt2</name><devices>"
                       "<interface type='direct'><mac address='52:54:00:00:22:02'/>"
                       "<source dev='vnt-eth1' mode='passthrough'/></interface>"
                       "</devices></domain>");
    g_assert_false(vnet_domain_start(other, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_OPERATION_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "interface 1 (type 'direct') of domain 'vnt-pt2': device 'vnt-eth1' is used "
                    "in passthrough mode by domain 'vnt-pt1'");
    g_clear_error(&error);
    g_clear_pointer(&other, vnet_domain_unref);
    other = define(fx, "<domain type='netns'><name>vnt-pt3</name><devices>"
                       "<interface type='direct'><mac address='52:54:00:00:22:03'/>"
                       "<source dev='vnt-eth1' mode='bridge'/></interface>"
                       "</devices></domain>");
    g_assert_false(vnet_domain_start(other, &error));
    g_assert_nonnull(strstr(error->message, "by domain 'vnt-pt1'"));
    g_clear_error(&error);
    after = host_links();
    g_assert_cmpstr(before, ==, after);
    g_assert_false(netns_exists("vnt-pt2"));
    g_assert_false(netns_exists("vnt-pt3"));

    /* the device as it was before */
    destroy(dom);
    mac_after = link_member(NULL, "vnt-eth1", "address");
    mtu_after = link_member(NULL, "vnt-eth1", "mtu");
    g_assert_cmpstr(mac_after, ==, old_mac);
    g_assert_cmpstr(mtu_after, ==, old_mtu);
    /* and free for the next one */
    g_assert_true(vnet_domain_start(other, &error));
    g_assert_no_error(error);
    destroy(other);
    remove_pt_device();
}

static void
test_passthrough_crash(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) other = NULL;
    g_autofree char *old_mac = NULL;
    g_autofree char *status_path = NULL;
    g_autofree char *status_xml = NULL;

    if (!fx->conn)
        return;
    make_pt_device();
    old_mac = link_member(NULL, "vnt-eth1", "address");
    dom = define(fx, pt_xml);
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&fx->conn, vnet_connection_close);

    /* killed while running: the next connection finds it running, still
     * holding the device, and its destroy gives the device back */
    vnet_test_start_and_kill(fx->uri, "vnt-pt1");
    g_assert_true(netns_exists("vnt-pt1"));
    status_path = g_build_filename(fx->root, "run/domains/vnt-pt1.xml", NULL);
    g_assert_true(g_file_get_contents(status_path, &status_xml, NULL, NULL));
    g_assert_nonnull(strstr(status_xml, "<passthrough dev='vnt-eth1'"));
    {
        g_autofree char *dev_mac = link_member(NULL, "vnt-eth1", "address");

        g_assert_cmpstr(dev_mac, ==, "52:54:00:00:22:01");
    }
    fx->conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    dom = vnet_domain_lookup_by_name(fx->conn, "vnt-pt1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 1);
    other = define(fx, "<domain type='netns'><name>vnt-pt2</name><devices>"
                       "<interface type='direct'><mac address='52:54:00:00:22:02'/>"
                       "<source dev='vnt-eth1' mode='passthrough'/></interface>"
                       "</devices></domain>");
    g_assert_false(vnet_domain_start(other, &error));
    g_assert_nonnull(strstr(error->message, "by domain 'vnt-pt1'"));
    g_clear_error(&error);
    destroy(dom);
    g_assert_false(netns_exists("vnt-pt1"));
    {
        g_autofree char *dev_mac = link_member(NULL, "vnt-eth1", "address");

        g_assert_cmpstr(dev_mac, ==, old_mac);
    }
    g_clear_pointer(&dom, vnet_domain_unref);
    g_clear_pointer(&other, vnet_domain_unref);
    g_clear_pointer(&fx->conn, vnet_connection_close);

    /* killed again, and the guest vanishes before anyone looks: opening
     * the next connection cleans up, giving the device back */
    vnet_test_start_and_kill(fx->uri, "vnt-pt1");
    vnet_netns_sh(NULL, "ip netns delete vnt-pt1");
    fx->conn = vnet_connection_open(fx->uri, &error);
    g_assert_no_error(error);
    dom = vnet_domain_lookup_by_name(fx->conn, "vnt-pt1", &error);
    g_assert_cmpint(vnet_domain_is_active(dom, &error), ==, 0);
    g_assert_false(g_file_test(status_path, G_FILE_TEST_EXISTS));
    {
        g_autofree char *dev_mac = link_member(NULL, "vnt-eth1", "address");

        g_assert_cmpstr(dev_mac, ==, old_mac);
    }
    remove_pt_device();
}

/* ---- failures leave nothing behind ----------------------------------------- */

static void
check_start_fails(Fixture *fx, const char *name, const char *nics, const char *message)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = g_strdup_printf(
        "<domain type='netns'><name>%s</name><devices>%s</devices></domain>", name, nics);
    g_autoptr(VnetDomain) dom = define(fx, xml);
    g_autofree char *before = host_links();
    g_autofree char *after = NULL;

    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_nonnull(error);
    g_test_message("%s", error->message);
    g_assert_cmpstr(error->message, ==, message);
    after = host_links();
    g_assert_cmpstr(before, ==, after);
    g_assert_false(netns_exists(name));
    g_assert_cmpint(vnet_domain_is_active(dom, NULL), ==, 0);
    g_assert_true(vnet_domain_undefine(dom, NULL));
}

#define DIRECT_NIC(mac, dev, mode)                                                                 \
    "<interface type='direct'><mac address='" mac "'/><source dev='" dev "' mode='" mode           \
    "'/></interface>"

static void
test_third_of_four(Fixture *fx, gconstpointer data)
{
    if (!fx->conn)
        return;
    check_start_fails(fx, "vnt-rb",
                      DIRECT_NIC("52:54:00:00:33:01", "vnt-eth0", "bridge")
                      DIRECT_NIC("52:54:00:00:33:02", "vnt-eth0", "private")
                      DIRECT_NIC("52:54:00:00:33:03", "vnt-nosuch", "bridge")
                      DIRECT_NIC("52:54:00:00:33:04", "vnt-eth0", "vepa"),
                      "interface 3 (type 'direct') of domain 'vnt-rb': source device "
                      "'vnt-nosuch' does not exist");
}

static void
test_source_checks(Fixture *fx, gconstpointer data)
{
    if (!fx->conn)
        return;
    vnet_netns_sh(NULL, "ip link add vnt-down type veth peer name vnt-downp");
    vnet_netns_sh(NULL, "ip link add vnt-mvt link vnt-eth0 type macvtap && "
                        "ip link set vnt-mvt up");
    vnet_netns_sh(NULL, "ip link add vnt-br type bridge && ip link add vnt-port type veth peer name vnt-portp && "
                        "ip link set vnt-port master vnt-br && ip link set vnt-port up");

    check_start_fails(fx, "vnt-s1",
                      "<interface type='ethernet'><mac address='52:54:00:00:44:00'/></interface>"
                      DIRECT_NIC("52:54:00:00:44:01", "vnt-nosuch", "bridge"),
                      "interface 2 (type 'direct') of domain 'vnt-s1': source device "
                      "'vnt-nosuch' does not exist");
    check_start_fails(fx, "vnt-s2", DIRECT_NIC("52:54:00:00:44:02", "vnt-down", "bridge"),
                      "interface 1 (type 'direct') of domain 'vnt-s2': source device "
                      "'vnt-down' is down");
    check_start_fails(fx, "vnt-s3", DIRECT_NIC("52:54:00:00:44:03", "vnt-mvt", "vepa"),
                      "interface 1 (type 'direct') of domain 'vnt-s3': source device "
                      "'vnt-mvt' is itself a macvtap; give the device it is stacked on "
                      "instead");
    check_start_fails(fx, "vnt-s4", DIRECT_NIC("52:54:00:00:44:04", "vnt-port", "private"),
                      "interface 1 (type 'direct') of domain 'vnt-s4': source device "
                      "'vnt-port' is a port of bridge 'vnt-br'; use <interface "
                      "type='bridge'> with that bridge, or release the device from it");

    vnet_netns_sh(NULL, "ip link del vnt-down && ip link del vnt-mvt && "
                        "ip link del vnt-port && ip link del vnt-br");
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-downp"));
}

static void
test_virtualport(Fixture *fx, gconstpointer data)
{
    if (!fx->conn)
        return;
    check_start_fails(
        fx, "vnt-qbg",
        "<interface type='direct'><mac address='52:54:00:00:55:01'/>"
        "<source dev='vnt-eth0' mode='vepa'/>"
        "<virtualport type='802.1Qbg'><parameters managerid='11' typeid='1193047' "
        "typeidversion='2' instanceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/></virtualport>"
        "</interface>",
        "interface 1 (type 'direct') of domain 'vnt-qbg': <virtualport type='802.1Qbg'> cannot "
        "be started: vnet does not speak the 802.1Qbg VDP protocol to the switch; remove the "
        "virtualport to use mode 'vepa' without it");
    check_start_fails(
        fx, "vnt-qbh",
        "<interface type='direct'><mac address='52:54:00:00:55:02'/>"
        "<source dev='vnt-eth0' mode='passthrough'/>"
        "<virtualport type='802.1Qbh'><parameters profileid='finance'/></virtualport>"
        "</interface>",
        "interface 1 (type 'direct') of domain 'vnt-qbh': <virtualport type='802.1Qbh'> cannot "
        "be started: vnet does not speak the 802.1Qbh port profile protocol to the switch; "
        "remove the virtualport to use mode 'passthrough' without it");
}

/* VM guests have no backend in this build: a clear error, nothing made. */
static void
test_vm_guest(Fixture *fx, gconstpointer data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    if (!fx->conn)
        return;
    dom = define(fx, "<domain type='kvm'><name>vnt-vm</name><devices>"
                     DIRECT_NIC("52:54:00:00:66:01", "vnt-eth0", "bridge")
                     "</devices></domain>");
    before = host_links();
    g_assert_false(vnet_domain_start(dom, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_BACKEND_UNAVAILABLE);
    g_assert_nonnull(strstr(error->message, "'kvm' guest backend is not available"));
    after = host_links();
    g_assert_cmpstr(before, ==, after);
}

/* ---- bulk teardown ------------------------------------------------------------ */

static void
test_bulk_destroy(Fixture *fx, gconstpointer data)
{
    g_autoptr(GString) xml = g_string_new("<domain type='netns'><name>vnt-bulk</name><devices>");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(VnetDomain) neighbour = NULL;
    g_autoptr(JsonNode) guest = NULL;
    g_autofree char *group = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    guint64 requests;

    if (!fx->conn)
        return;
    before = host_links();
    /* a neighbour on the same device, which must survive */
    neighbour = start_direct(fx, "vnt-nb", "52:54:00:00:77:ff", "vnt-eth0", "bridge");
    vnet_netns_sh("vnt-nb", "ip addr add 192.0.2.21/24 dev eth0");
    for (guint i = 0; i < 8; i++)
        g_string_append_printf(xml,
                               "<interface type='direct'><mac address='52:54:00:00:77:%02x'/>"
                               "<source dev='vnt-eth0' mode='%s'/></interface>",
                               i, i % 2 ? "bridge" : "vepa");
    g_string_append(xml, "</devices></domain>");
    dom = define(fx, xml->str);
    g_assert_true(vnet_domain_start(dom, &error));
    g_assert_no_error(error);

    /* eight macvlans, all in the domain's own group, another one than the
     * neighbour's */
    group = link_member("vnt-bulk", "eth0", "group");
    g_assert_nonnull(group);
    {
        g_autofree char *nb_group = link_member("vnt-nb", "eth0", "group");

        g_assert_cmpstr(group, !=, nb_group);
    }
    guest = vnet_netns_ip_json("vnt-bulk", "link");
    for (guint i = 0; i < 8; i++) {
        g_autofree char *name = g_strdup_printf("eth%u", i);
        JsonObject *link = vnet_netns_find_link(guest, name);

        g_assert_nonnull(link);
        g_assert_cmpstr(json_object_get_string_member(link, "group"), ==, group);
    }

    requests = vnet_nic_direct_get_delete_requests();
    destroy(dom);
    g_assert_cmpuint(vnet_nic_direct_get_delete_requests() - requests, ==, 1);
    g_assert_false(netns_exists("vnt-bulk"));
    g_assert_true(vnet_netns_link_exists("vnt-nb", "eth0"));
    g_assert_true(ping("vnt-nb", "192.0.2.100"));
    destroy(neighbour);
    after = host_links();
    g_assert_cmpstr(before, ==, after);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* Before any thread exists (the helper's rule). */
    vnet_netns_try_enter_private();

#define ADD(path, func) g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown)
    ADD("/direct/api/mode/bridge", test_mode_bridge);
    ADD("/direct/api/mode/private", test_mode_private);
    ADD("/direct/api/mode/vepa", test_mode_vepa);
    ADD("/direct/api/passthrough", test_passthrough);
    ADD("/direct/api/passthrough-crash", test_passthrough_crash);
    ADD("/direct/api/third-of-four", test_third_of_four);
    ADD("/direct/api/source-checks", test_source_checks);
    ADD("/direct/api/virtualport", test_virtualport);
    ADD("/direct/api/vm-guest", test_vm_guest);
    ADD("/direct/api/bulk-destroy", test_bulk_destroy);
#undef ADD
    return g_test_run();
}
