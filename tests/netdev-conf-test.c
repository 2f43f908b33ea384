/* netdev-conf-test.c: the pieces shared by domain and network XML:
 * <bandwidth>, <virtualport> (and the NIC/portgroup/network merge), <vlan>,
 * <mtu> and port-forward rules: parse, format, copy, equal, errors. */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/netdev_conf.h"
#include "test-util.h"

static xmlDoc *
doc_of(const char *xml)
{
    g_autoptr(GError) error = NULL;
    xmlDoc *doc = vnet_xml_parse_string(xml, -1, "t.xml", &error);

    g_assert_no_error(error);
    return doc;
}

static char *
format_with(void (*fn)(VnetXmlWriter *, gconstpointer), gconstpointer def)
{
    g_autoptr(VnetXmlWriter) writer = vnet_xml_writer_new();

    fn(writer, def);
    return vnet_xml_writer_finish(writer);
}

static void
bw_format(VnetXmlWriter *w, gconstpointer d)
{
    vnet_bandwidth_def_format(w, d);
}

static void
vp_format(VnetXmlWriter *w, gconstpointer d)
{
    vnet_virtual_port_def_format(w, d);
}

static void
vlan_format(VnetXmlWriter *w, gconstpointer d)
{
    vnet_vlan_def_format(w, d);
}

static void
pf_format(VnetXmlWriter *w, gconstpointer d)
{
    vnet_port_forward_format(w, d);
}

static void
test_bandwidth(void)
{
    g_autoptr(xmlDoc) doc = doc_of("<bandwidth>\n<outbound average='128' peak='256' burst='256'/>"
                                   "\n<inbound floor='200' average='1000'/></bandwidth>");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetBandwidthDef) def = NULL;
    g_autoptr(VnetBandwidthDef) copy = NULL;
    g_autofree char *xml = NULL;

    /* A floor needs the caller's permission (network NICs only). */
    g_assert_null(vnet_bandwidth_def_parse(xmlDocGetRootElement(doc), 0, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "t.xml:3: element <inbound>, attribute 'floor': a floor is only allowed on "
                    "interfaces of type 'network'");
    g_clear_error(&error);
    def = vnet_bandwidth_def_parse(xmlDocGetRootElement(doc), VNET_BANDWIDTH_PARSE_ALLOW_FLOOR,
                                   &error);
    g_assert_no_error(error);
    g_assert_cmpuint(def->in->average, ==, 1000);
    g_assert_cmpuint(def->in->floor, ==, 200);
    g_assert_cmpuint(def->in->line, ==, 3);
    g_assert_cmpuint(def->out->burst, ==, 256);
    xml = format_with(bw_format, def);
    g_assert_cmpstr(xml, ==,
                    "<bandwidth>\n  <inbound average='1000' floor='200'/>\n"
                    "  <outbound average='128' peak='256' burst='256'/>\n</bandwidth>\n");
    copy = vnet_bandwidth_def_copy(def);
    g_assert_true(vnet_bandwidth_def_equal(def, copy));
    copy->out->peak = 300;
    g_assert_false(vnet_bandwidth_def_equal(def, copy));
}

static void
test_bandwidth_group(void)
{
    g_autoptr(xmlDoc) doc = doc_of("<bandwidth group='g1'/>");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetBandwidthDef) def = NULL;

    g_assert_null(vnet_bandwidth_def_parse(xmlDocGetRootElement(doc), 0, &error));
    g_assert_nonnull(strstr(error->message, "only allowed on domain interfaces"));
    g_clear_error(&error);
    def = vnet_bandwidth_def_parse(xmlDocGetRootElement(doc), VNET_BANDWIDTH_PARSE_ALLOW_GROUP,
                                   &error);
    g_assert_no_error(error);
    g_assert_cmpstr(def->group, ==, "g1");
}

static VnetVirtualPortDef *
vport(const char *xml)
{
    g_autoptr(xmlDoc) doc = doc_of(xml);
    g_autoptr(GError) error = NULL;
    VnetVirtualPortDef *def = vnet_virtual_port_def_parse(xmlDocGetRootElement(doc), &error);

    g_assert_no_error(error);
    return def;
}

static void
test_virtualport(void)
{
    g_autoptr(VnetVirtualPortDef) qbg = vport(
        "<virtualport type='802.1Qbg'><parameters managerid='11' typeid='1193047' "
        "typeidversion='2'/></virtualport>");
    g_autoptr(VnetVirtualPortDef) copy = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;

    g_assert_cmpint(qbg->type, ==, VNET_VIRTUAL_PORT_TYPE_8021QBG);
    g_assert_false(qbg->instanceid_set);
    g_assert_true(vnet_virtual_port_def_fill_defaults(qbg, &error));
    g_assert_true(qbg->instanceid_set);
    g_assert_true(vnet_virtual_port_def_check(qbg, "t.xml", &error));
    copy = vnet_virtual_port_def_copy(qbg);
    g_assert_true(vnet_virtual_port_def_equal(qbg, copy));
    qbg->instanceid_set = FALSE;
    xml = format_with(vp_format, qbg);
    g_assert_cmpstr(xml, ==,
                    "<virtualport type='802.1Qbg'>\n  <parameters managerid='11' "
                    "typeid='1193047' typeidversion='2'/>\n</virtualport>\n");
}

static void
test_virtualport_unsupported(void)
{
    static const char *const cases[][2] = {
        {"<virtualport type='openvswitch'/>", "virtualport type 'openvswitch'"},
        {"<virtualport type='midonet'/>", "virtualport type 'midonet'"},
        {"<virtualport><parameters interfaceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/>"
         "</virtualport>",
         "parameter 'interfaceid'"},
    };

    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(xmlDoc) doc = doc_of(cases[i][0]);
        g_autoptr(GError) error = NULL;

        g_assert_null(vnet_virtual_port_def_parse(xmlDocGetRootElement(doc), &error));
        g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_UNSUPPORTED);
        g_assert_nonnull(strstr(error->message, cases[i][1]));
    }
}

static void
test_virtualport_merge(void)
{
    g_autoptr(VnetVirtualPortDef) nic =
        vport("<virtualport><parameters instanceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/>"
              "</virtualport>");
    g_autoptr(VnetVirtualPortDef) pg =
        vport("<virtualport><parameters typeid='1193047' typeidversion='2'/></virtualport>");
    g_autoptr(VnetVirtualPortDef) net =
        vport("<virtualport type='802.1Qbg'><parameters managerid='11'/></virtualport>");
    g_autoptr(VnetVirtualPortDef) other =
        vport("<virtualport type='802.1Qbg'><parameters managerid='12'/></virtualport>");
    g_autoptr(VnetVirtualPortDef) qbh =
        vport("<virtualport type='802.1Qbh'><parameters profileid='finance'/></virtualport>");
    g_autoptr(VnetVirtualPortDef) merged = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true(vnet_virtual_port_def_merge(nic, pg, net, "d.xml", &merged, &error));
    g_assert_no_error(error);
    g_assert_cmpint(merged->type, ==, VNET_VIRTUAL_PORT_TYPE_8021QBG);
    g_assert_cmpuint(merged->managerid, ==, 11);
    g_assert_cmpuint(merged->typeid, ==, 1193047);
    g_assert_cmpuint(merged->typeidversion, ==, 2);
    g_assert_true(merged->instanceid_set);
    g_assert_true(vnet_virtual_port_def_check(merged, "d.xml", &error));
    g_clear_pointer(&merged, vnet_virtual_port_def_free);

    g_assert_false(vnet_virtual_port_def_merge(net, NULL, other, "d.xml", &merged, &error));
    g_assert_cmpstr(error->message, ==,
                    "d.xml:1: element <virtualport>: conflicting values for 'managerid': '11' "
                    "in the interface, '12' in the network");
    g_clear_error(&error);
    g_assert_false(vnet_virtual_port_def_merge(net, qbh, NULL, "d.xml", &merged, &error));
    g_assert_nonnull(strstr(error->message, "conflicting values for 'type': '802.1Qbg'"));
    g_clear_error(&error);

    g_assert_true(vnet_virtual_port_def_merge(NULL, NULL, NULL, "d.xml", &merged, &error));
    g_assert_null(merged);
    /* An incomplete merge is caught by the check. */
    g_assert_true(vnet_virtual_port_def_merge(nic, NULL, net, "d.xml", &merged, &error));
    g_assert_false(vnet_virtual_port_def_check(merged, "d.xml", &error));
    g_assert_nonnull(strstr(error->message, "needs attribute 'typeid'"));
}

static void
test_vlan(void)
{
    g_autoptr(xmlDoc) doc = doc_of("<vlan trunk='yes'><tag id='42'/>"
                                   "<tag id='47' nativeMode='tagged'/></vlan>");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetVlanDef) def = vnet_vlan_def_parse(xmlDocGetRootElement(doc), &error);
    g_autoptr(VnetVlanDef) copy = NULL;
    g_autofree char *xml = NULL;

    g_assert_no_error(error);
    g_assert_cmpuint(def->n_tags, ==, 2);
    g_assert_cmpint(def->tags[1].native_mode, ==, VNET_VLAN_NATIVE_MODE_TAGGED);
    xml = format_with(vlan_format, def);
    g_assert_cmpstr(xml, ==,
                    "<vlan trunk='yes'>\n  <tag id='42'/>\n  <tag id='47' nativeMode='tagged'/>"
                    "\n</vlan>\n");
    copy = vnet_vlan_def_copy(def);
    g_assert_true(vnet_vlan_def_equal(def, copy));
    copy->tags[0].id = 43;
    g_assert_false(vnet_vlan_def_equal(def, copy));
}

static void
test_mtu(void)
{
    g_autoptr(xmlDoc) doc = doc_of("<mtu size='9000'/>");
    g_autoptr(xmlDoc) bad = doc_of("<mtu/>");
    g_autoptr(GError) error = NULL;
    guint mtu = 0, line = 0;

    g_assert_true(vnet_mtu_parse(xmlDocGetRootElement(doc), &mtu, &line, &error));
    g_assert_cmpuint(mtu, ==, 9000);
    g_assert_cmpuint(line, ==, 1);
    g_assert_false(vnet_mtu_parse(xmlDocGetRootElement(bad), &mtu, NULL, &error));
    g_assert_cmpstr(error->message, ==, "t.xml:1: element <mtu> needs attribute 'size'");
}

static VnetPortForward *
rule(const char *xml)
{
    g_autoptr(xmlDoc) doc = doc_of(xml);
    g_autoptr(GError) error = NULL;
    VnetPortForward *r = vnet_port_forward_parse(xmlDocGetRootElement(doc), &error);

    g_assert_no_error(error);
    return r;
}

static void
test_port_forward(void)
{
    g_autoptr(VnetPortForward) r = rule("<portForward name='ssh' protocol='tcp' hostAddress='' "
                                        "hostPort='1022' guestAddress='192.168.15.5' "
                                        "guestPort='22'/>");
    g_autoptr(VnetPortForward) copy = vnet_port_forward_copy(r);
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func(
        (GDestroyNotify)vnet_port_forward_free);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = format_with(pf_format, r);
    g_autoptr(xmlDoc) mixed = doc_of("<portForward name='x' protocol='tcp' "
                                     "hostAddress='::1' hostPort='1' guestAddress='10.0.0.1' "
                                     "guestPort='2'/>");

    g_assert_cmpstr(xml, ==,
                    "<portForward name='ssh' protocol='tcp' hostPort='1022' "
                    "guestAddress='192.168.15.5' guestPort='22'/>\n");
    g_assert_true(vnet_port_forward_equal(r, copy));
    g_assert_null(vnet_port_forward_parse(xmlDocGetRootElement(mixed), &error));
    g_assert_nonnull(strstr(error->message, "both be IPv4 or both IPv6"));
    g_clear_error(&error);

    g_ptr_array_add(rules, g_steal_pointer(&copy));
    g_ptr_array_add(rules, rule("<portForward name='web' protocol='tcp' hostPort='8080' "
                                "guestPort='80'/>"));
    g_assert_true(vnet_port_forward_check_list(rules, "n.xml", "network 'n'", &error));
    g_ptr_array_add(rules, rule("<portForward name='web2' protocol='tcp' "
                                "hostAddress='10.1.1.1' hostPort='8080' guestPort='81'/>"));
    g_assert_false(vnet_port_forward_check_list(rules, "n.xml", "network 'n'", &error));
    g_assert_cmpstr(error->message, ==,
                    "n.xml:1: network 'n': element <portForward name='web2'>: host port "
                    "tcp/8080 is already forwarded by rule 'web' on line 1");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/netdev/bandwidth", test_bandwidth);
    g_test_add_func("/netdev/bandwidth/group", test_bandwidth_group);
    g_test_add_func("/netdev/virtualport", test_virtualport);
    g_test_add_func("/netdev/virtualport/unsupported", test_virtualport_unsupported);
    g_test_add_func("/netdev/virtualport/merge", test_virtualport_merge);
    g_test_add_func("/netdev/vlan", test_vlan);
    g_test_add_func("/netdev/mtu", test_mtu);
    g_test_add_func("/netdev/port-forward", test_port_forward);
    return g_test_run();
}
