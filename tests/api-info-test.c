/* api-info-test.c: the summary calls and the VirtualBox rule conversion,
 * on test:///default (touches nothing on the host). */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

static VnetConnection *
open_test(void)
{
    g_autoptr(GError) error = NULL;
    VnetConnection *conn = vnet_connection_open("test:///default", &error);

    g_assert_no_error(error);
    return conn;
}

static void
test_domain_type(void)
{
    g_autoptr(VnetConnection) conn = open_test();
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = vnet_domain_lookup_by_name(conn, "test", &error);
    g_autofree char *type = NULL;

    g_assert_no_error(error);
    type = vnet_domain_get_type_name(dom, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(type, ==, "test");
}

static void
test_interface_mode(void)
{
    g_autoptr(VnetConnection) conn = open_test();
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomain) dom = NULL;
    g_autoptr(GPtrArray) nics = NULL;
    const VnetDomainInterface *direct, *net;

    dom = vnet_domain_define_xml(conn,
                                 "<domain type='netns'><name>d1</name><devices>"
                                 "<interface type='direct'><source dev='eth0' mode='private'/>"
                                 "</interface><interface type='network'>"
                                 "<source network='default'/></interface>"
                                 "</devices></domain>",
                                 &error);
    g_assert_no_error(error);
    nics = vnet_domain_list_interfaces(dom, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(nics->len, ==, 2);
    direct = g_ptr_array_index(nics, 0);
    net = g_ptr_array_index(nics, 1);
    g_assert_cmpstr(direct->type, ==, "direct");
    g_assert_cmpstr(direct->mode, ==, "private");
    g_assert_cmpstr(direct->source, ==, "eth0");
    g_assert_null(net->mode);
}

static void
test_network_info(void)
{
    g_autoptr(VnetConnection) conn = open_test();
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetwork) net = vnet_network_lookup_by_name(conn, "default", &error);
    g_autoptr(VnetNetworkInfo) info = NULL;
    g_autoptr(VnetNetworkInfo) after = NULL;
    g_autofree char *xml = NULL;

    g_assert_no_error(error);
    info = vnet_network_get_info(net, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(info->name, ==, "default");
    g_assert_cmpstr(info->kind, ==, "nat");
    g_assert_cmpstr(info->bridge, ==, "vnbr0");
    g_assert_cmpstr(info->ipv4, ==, "192.168.122.1/24");
    g_assert_null(info->ipv6);
    g_assert_true(info->dhcp);
    g_assert_cmpuint(g_strv_length(info->port_forwards), ==, 0);

    xml = vnet_port_forward_rule_to_xml("ssh:tcp:[]:1022:[192.168.122.5]:22", FALSE, &error);
    g_assert_no_error(error);
    g_assert_true(vnet_network_add_port_forward(net, xml, VNET_NETWORK_AFFECT_CONFIG, &error));
    g_assert_no_error(error);
    after = vnet_network_get_info(net, VNET_NETWORK_XML_INACTIVE, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(g_strv_length(after->port_forwards), ==, 1);
    g_assert_cmpstr(after->port_forwards[0], ==, "ssh:tcp:[]:1022:[192.168.122.5]:22");
}

static void
test_rule_conversion(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *rule = NULL;
    g_autofree char *bad = NULL;

    xml = vnet_port_forward_rule_to_xml("web6:udp:[::1]:8080:[fd00::5]:80", TRUE, &error);
    g_assert_no_error(error);
    g_assert_true(g_str_has_prefix(xml, "<portForward name='web6' protocol='udp'"));
    rule = vnet_port_forward_xml_to_rule(xml, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(rule, ==, "web6:udp:[::1]:8080:[fd00::5]:80");

    /* the protocol's case does not matter in the rule string */
    g_clear_pointer(&xml, g_free);
    xml = vnet_port_forward_rule_to_xml("ssh:TCP:[]:2222:[10.0.2.15]:22", FALSE, &error);
    g_assert_no_error(error);
    g_assert_nonnull(strstr(xml, "protocol='tcp'"));

    /* an IPv4 address in an IPv6 rule, and a malformed rule */
    bad = vnet_port_forward_rule_to_xml("x:tcp:[]:1:[10.0.0.1]:2", TRUE, &error);
    g_assert_null(bad);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG);
    g_clear_error(&error);
    bad = vnet_port_forward_rule_to_xml("ssh:tcp:1022:22", FALSE, &error);
    g_assert_null(bad);
    g_assert_nonnull(error);
    g_clear_error(&error);
    bad = vnet_port_forward_xml_to_rule("<forward/>", &error);
    g_assert_null(bad);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/api/info/domain-type", test_domain_type);
    g_test_add_func("/api/info/interface-mode", test_interface_mode);
    g_test_add_func("/api/info/network", test_network_info);
    g_test_add_func("/api/info/rule-conversion", test_rule_conversion);
    return g_test_run();
}
