/* vnsh-local-test.c: vnsh on the real host driver (local:///?root=DIR) with
 * netns guests, inside a private network namespace that the vnsh child
 * processes inherit. Results are read back from the kernel (`ip -j`). The
 * definitions persist in DIR, so each step is its own vnsh process, as a
 * user would type them one by one. */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "netns-helper.h"
#include "test-util.h"
#include "vnsh-test-common.h"

typedef struct {
    char *root;
    char *uri;
} Fixture;

static void
fixture_setup(Fixture *fx, gconstpointer data)
{
    g_autofree char *reason = NULL;

    if (!vnet_netns_enter_private(&reason)) {
        g_test_skip(reason);
        return;
    }
    fx->root = vnsh_test_tmpdir("local");
    fx->uri = g_strdup_printf("local:///?root=%s", fx->root);
}

static void
fixture_teardown(Fixture *fx, gconstpointer data)
{
    if (fx->root)
        vnsh_test_rmtree(fx->root);
    g_free(fx->root);
    g_free(fx->uri);
}

static int
vnsh(Fixture *fx, const char *line, char **ret_out, char **ret_err)
{
    g_autofree char *out = NULL, *err = NULL;
    int status = vnsh_test_line_uri(fx->uri, line, &out, &err);

    if (g_test_verbose() || (status != 0 && !ret_err))
        g_test_message("vnsh %s: %d\n%s%s", line, status, out, err);
    if (ret_out)
        *ret_out = g_steal_pointer(&out);
    if (ret_err)
        *ret_err = g_steal_pointer(&err);
    return status;
}

static gboolean
has_flag(JsonObject *link, const char *flag)
{
    JsonArray *flags = json_object_get_array_member(link, "flags");

    for (guint i = 0; flags && i < json_array_get_length(flags); i++)
        if (g_str_equal(json_array_get_string_element(flags, i), flag))
            return TRUE;
    return FALSE;
}

static gboolean
netns_exists(const char *name)
{
    return vnet_netns_sh_status(NULL, "ip netns list | grep -qw '%s'", name) == 0;
}

static void
test_domain_lifecycle(Fixture *fx, gconstpointer data)
{
    g_autofree char *dir = NULL, *file = NULL, *out = NULL, *err = NULL;
    g_autoptr(JsonNode) guest = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonObject *link, *nic;
    JsonArray *nics;

    if (!fx->root)
        return;
    dir = vnsh_test_tmpdir("local-xml");
    file = g_build_filename(dir, "web1.xml", NULL);
    g_assert_true(g_file_set_contents(file,
                                      "<domain type='netns'>\n"
                                      "  <name>web1</name>\n"
                                      "  <devices>\n"
                                      "    <interface type='ethernet'>\n"
                                      "      <mac address='52:54:00:dd:00:01'/>\n"
                                      "      <target dev='vnweb1a'/>\n"
                                      "    </interface>\n"
                                      "  </devices>\n"
                                      "</domain>\n",
                                      -1, NULL));

    {
        g_autofree char *line = g_strdup_printf("define %s", file);

        g_assert_cmpint(vnsh(fx, line, &out, NULL), ==, 0);
        g_assert_nonnull(strstr(out, "Domain 'web1' defined from"));
        g_clear_pointer(&out, g_free);
    }
    /* persisted: a new vnsh process sees it */
    g_assert_cmpint(vnsh(fx, "list --all", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "web1"));
    g_assert_nonnull(strstr(out, "netns"));
    g_assert_nonnull(strstr(out, "shut off"));
    g_clear_pointer(&out, g_free);

    g_assert_cmpint(vnsh(fx, "start web1", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "Domain 'web1' started"));
    g_clear_pointer(&out, g_free);

    /* the guest, as the kernel sees it */
    g_assert_true(netns_exists("web1"));
    guest = vnet_netns_ip_json("web1", "link");
    link = vnet_netns_find_link(guest, "eth0");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:dd:00:01");
    g_assert_true(has_flag(link, "UP"));
    g_assert_true(vnet_netns_link_exists(NULL, "vnweb1a"));

    /* domiflist names the realized device and the guest's interface */
    g_assert_cmpint(vnsh(fx, "domiflist web1 --json", &out, NULL), ==, 0);
    nics = vnsh_test_json_array(out, &root);
    g_assert_cmpuint(json_array_get_length(nics), ==, 1);
    nic = json_array_get_object_element(nics, 0);
    g_assert_cmpstr(json_object_get_string_member(nic, "type"), ==, "ethernet");
    g_assert_cmpstr(json_object_get_string_member(nic, "device"), ==, "vnweb1a");
    g_assert_cmpstr(json_object_get_string_member(nic, "guest"), ==, "eth0");
    g_clear_pointer(&out, g_free);

    /* the cable pulled out, by guest name: eth0 goes down in the guest */
    g_assert_cmpint(vnsh(fx, "domif-setlink web1 eth0 down", NULL, NULL), ==, 0);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    g_assert_false(has_flag(vnet_netns_find_link(guest, "eth0"), "UP"));
    g_assert_cmpint(vnsh(fx, "domif-setlink web1 vnweb1a up", NULL, NULL), ==, 0);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    g_assert_true(has_flag(vnet_netns_find_link(guest, "eth0"), "UP"));

    /* a NIC attached live is eth1 in the guest; detached, it is gone */
    g_assert_cmpint(vnsh(fx, "attach-interface web1 ethernet --mac 52:54:00:dd:00:02 --live",
                         NULL, NULL),
                    ==, 0);
    g_clear_pointer(&guest, json_node_unref);
    guest = vnet_netns_ip_json("web1", "link");
    link = vnet_netns_find_link(guest, "eth1");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(link, "address"), ==, "52:54:00:dd:00:02");
    g_assert_cmpint(vnsh(fx, "detach-interface web1 eth1 --live", NULL, NULL), ==, 0);
    g_assert_false(vnet_netns_link_exists("web1", "eth1"));

    /* undefine refuses a running domain */
    g_assert_cmpint(vnsh(fx, "undefine web1", NULL, &err), ==, 1);
    g_assert_true(g_str_has_prefix(err, "error: "));
    g_clear_pointer(&err, g_free);

    g_assert_cmpint(vnsh(fx, "destroy web1", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "Domain 'web1' destroyed"));
    g_clear_pointer(&out, g_free);
    g_assert_false(netns_exists("web1"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnweb1a"));

    g_assert_cmpint(vnsh(fx, "undefine web1; list --all", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "has been undefined"));
    g_assert_null(strstr(out, "web1 "));
    vnsh_test_rmtree(dir);
}

/* Networks defined through the VBoxManage verbs persist in the root. */
static void
test_networks_persist(Fixture *fx, gconstpointer data)
{
    g_autofree char *out = NULL;

    if (!fx->root)
        return;
    g_assert_cmpint(vnsh(fx, "natnetwork add --netname natnet1 --network 192.168.15.0/24 "
                             "--port-forward-4 'ssh:tcp:[]:1022:[192.168.15.5]:22'",
                         NULL, NULL),
                    ==, 0);
    g_assert_cmpint(vnsh(fx, "natnetwork list", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "natnet1   192.168.15.0/24   192.168.15.1   yes"));
    g_assert_nonnull(strstr(out, "ssh:tcp:[]:1022:[192.168.15.5]:22"));
    g_clear_pointer(&out, g_free);
    g_assert_cmpint(vnsh(fx, "net-autostart natnet1; net-list --all", &out, NULL), ==, 0);
    g_assert_nonnull(strstr(out, "natnet1"));
    g_assert_nonnull(strstr(out, "inactive   yes"));
    g_clear_pointer(&out, g_free);
    g_assert_cmpint(vnsh(fx, "natnetwork remove --netname natnet1; net-list --all", &out, NULL),
                    ==, 0);
    g_assert_null(strstr(out, "natnet1 "));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add("/vnsh/local/domain-lifecycle", Fixture, NULL, fixture_setup,
               test_domain_lifecycle, fixture_teardown);
    g_test_add("/vnsh/local/networks-persist", Fixture, NULL, fixture_setup,
               test_networks_persist, fixture_teardown);
    return g_test_run();
}
