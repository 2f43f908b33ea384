/* netns-helper-test.c: the private namespace really is private, and what
 * the helper reads back comes from the kernel. */
#include <config.h>

#include <net/if.h>

#include "netns-helper.h"

static void
test_private_namespace(void)
{
    g_autoptr(JsonNode) links = NULL;
    JsonArray *array;

    if (!vnet_netns_enter_or_skip())
        return;
    /* A fresh namespace has only lo. */
    links = vnet_netns_ip_json(NULL, "link");
    array = json_node_get_array(links);
    g_assert_cmpuint(json_array_get_length(array), ==, 1);
    g_assert_nonnull(vnet_netns_find_link(links, "lo"));
    /* sysfs shows this namespace's devices, not the host's */
    g_assert_true(g_file_test("/sys/class/net/lo", G_FILE_TEST_EXISTS));
    g_assert_cmpuint(if_nametoindex("lo"), ==, 1);
}

static void
test_veth_between_namespaces(void)
{
    g_autoptr(JsonNode) outside = NULL;
    JsonObject *link;

    if (!vnet_netns_enter_or_skip())
        return;
    vnet_netns_add("outside");
    vnet_netns_veth("vnt-host0", NULL, "vnt-out0", "outside");
    g_assert_true(vnet_netns_link_exists(NULL, "vnt-host0"));
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-out0"));
    outside = vnet_netns_ip_json("outside", "link");
    link = vnet_netns_find_link(outside, "vnt-out0");
    g_assert_nonnull(link);
    g_assert_cmpstr(json_object_get_string_member(
                        json_object_get_object_member(link, "linkinfo"), "info_kind"),
                    ==, "veth");

    vnet_netns_sh(NULL, "ip addr add 192.0.2.1/24 dev vnt-host0");
    vnet_netns_sh("outside", "ip addr add 192.0.2.2/24 dev vnt-out0");
    /* real traffic between the two namespaces */
    vnet_netns_sh(NULL, "ping -c 1 -W 2 192.0.2.2 >/dev/null");
    vnet_netns_del("outside");
    /* the kernel dismantles a namespace asynchronously: its veth peer goes
     * away shortly after the last reference does */
    for (int i = 0; i < 100 && vnet_netns_link_exists(NULL, "vnt-host0"); i++)
        g_usleep(50 * 1000);
    g_assert_false(vnet_netns_link_exists(NULL, "vnt-host0"));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/netns/private", test_private_namespace);
    g_test_add_func("/netns/veth", test_veth_between_namespaces);
    return g_test_run();
}
