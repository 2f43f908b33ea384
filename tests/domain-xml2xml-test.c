/* domain-xml2xml-test.c: data-driven domain XML tests.
 *
 * tests/domainxml2xml/in/NAME.xml must parse and validate, format to
 * tests/domainxml2xml/out/NAME.xml, and formatting is byte-stable (parse ->
 * format -> parse -> format) and survives a deep copy.
 * tests/domainxml-invalid/NAME.xml must fail parsing or validation with
 * exactly the message in NAME.err (file name and line included).
 * examples/domains/NAME.xml must parse, validate and be canonical already.
 */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "test-util.h"

static void
assert_round_trip(const char *name, const char *formatted)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) again = vnet_domain_def_parse_string(formatted, name, &error);
    g_autofree char *second = NULL;

    g_assert_no_error(error);
    g_assert_true(vnet_domain_def_validate(again, &error));
    g_assert_no_error(error);
    second = vnet_domain_def_format(again, 0);
    g_assert_cmpstr(second, ==, formatted);
}

static void
test_xml2xml(gconstpointer data)
{
    const char *name = data;
    g_autofree char *in_path = vnet_test_srcdir_path("domainxml2xml", "in", name, NULL);
    g_autofree char *out_path = vnet_test_srcdir_path("domainxml2xml", "out", name, NULL);
    g_autofree char *xml = vnet_test_read_file(in_path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(xml, name, &error);
    g_autoptr(VnetDomainDef) copy = NULL;
    g_autofree char *formatted = NULL;
    g_autofree char *copied = NULL;

    g_assert_no_error(error);
    g_assert_true(vnet_domain_def_validate(def, &error));
    g_assert_no_error(error);
    formatted = vnet_domain_def_format(def, 0);
    vnet_test_assert_file_equal(out_path, formatted);
    assert_round_trip(name, formatted);

    copy = vnet_domain_def_copy(def);
    copied = vnet_domain_def_format(copy, 0);
    g_assert_cmpstr(copied, ==, formatted);
    g_assert_cmpstr(copy->file, ==, def->file);
    g_assert_true(vnet_domain_def_validate(copy, &error));
}

static void
test_invalid(gconstpointer data)
{
    const char *name = data;
    g_autofree char *path = vnet_test_srcdir_path("domainxml-invalid", name, NULL);
    g_autofree char *base = g_strndup(name, strlen(name) - strlen(".xml"));
    g_autofree char *err_name = g_strconcat(base, ".err", NULL);
    g_autofree char *err_path = vnet_test_srcdir_path("domainxml-invalid", err_name, NULL);
    g_autofree char *xml = vnet_test_read_file(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(xml, name, &error);
    g_autofree char *actual = NULL;

    if (def) {
        g_assert_no_error(error);
        g_assert_false(vnet_domain_def_validate(def, &error));
    }
    g_assert_nonnull(error);
    g_assert_true(error->domain == VNET_ERROR);
    actual = g_strconcat(error->message, "\n", NULL);
    vnet_test_assert_file_equal(err_path, actual);
    /* Every message points at the input: "NAME.xml:LINE: ". */
    g_assert_true(g_str_has_prefix(error->message, name));
    g_assert_true(error->message[strlen(name)] == ':');
}

static void
test_example(gconstpointer data)
{
    const char *name = data;
    g_autofree char *path = vnet_test_top_srcdir_path("examples", "domains", name, NULL);
    g_autofree char *xml = vnet_test_read_file(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_file(path, &error);
    g_autofree char *formatted = NULL;

    g_assert_no_error(error);
    g_assert_true(vnet_domain_def_validate(def, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(def->file, ==, path);
    formatted = vnet_domain_def_format(def, 0);
    /* Examples are written in canonical form, generated values included. */
    g_assert_cmpstr(formatted, ==, xml);
}

/* Random defaults: UUID, MACs with 52:54:00 unique within the domain, an
 * 802.1Qbg instanceid; written out so a second round changes nothing. */
static void
test_generated_defaults(void)
{
    GString *xml = g_string_new("<domain type='kvm'><name>gen</name><devices>\n"
                                "<interface type='direct'><source dev='eth0' mode='vepa'/>"
                                "<virtualport type='802.1Qbg'><parameters managerid='11' "
                                "typeid='1193047' typeidversion='2'/></virtualport>"
                                "</interface>\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = NULL;
    g_autoptr(GHashTable) macs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *formatted = NULL;
    const VnetDomainInterfaceDef *first;

    for (int i = 0; i < 50; i++)
        g_string_append(xml, "<interface type='null'/>\n");
    g_string_append(xml, "</devices></domain>\n");
    def = vnet_domain_def_parse_string(xml->str, "gen.xml", &error);
    g_string_free(xml, TRUE);
    g_assert_no_error(error);
    g_assert_true(def->uuid_generated);
    g_assert_false(vnet_uuid_is_null(&def->uuid));
    g_assert_cmpuint(def->interfaces->len, ==, 51);
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *iface = g_ptr_array_index(def->interfaces, i);
        char buf[VNET_MAC_STRLEN];

        g_assert_true(iface->mac_generated);
        g_assert_true(vnet_mac_is_unicast(&iface->mac));
        g_assert_cmpmem(iface->mac.addr, 3, vnet_mac_default_prefix, 3);
        vnet_mac_format(&iface->mac, buf);
        g_assert_true(g_hash_table_add(macs, g_strdup(buf)));
    }
    first = g_ptr_array_index(def->interfaces, 0);
    g_assert_true(first->virtualport->instanceid_set);
    g_assert_false(vnet_uuid_is_null(&first->virtualport->instanceid));
    g_assert_true(vnet_domain_def_validate(def, &error));
    formatted = vnet_domain_def_format(def, 0);
    g_assert_nonnull(strstr(formatted, "<uuid>"));
    g_assert_nonnull(strstr(formatted, "instanceid='"));
    g_assert_nonnull(strstr(formatted, "<mac address='52:54:00:"));
    assert_round_trip("gen.xml", formatted);
}

/* The accessors for defaults that stay implicit. */
static void
test_implicit_defaults(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(
        "<domain type='netns'><name>d</name><devices>"
        "<interface type='internal'><mac address='52:54:00:00:00:01'/></interface>"
        "<interface type='routed'><mac address='52:54:00:00:00:02'/>"
        "<ip address='192.0.2.7'/></interface>"
        "<interface type='direct'><mac address='52:54:00:00:00:03'/>"
        "<source dev='eth0'/><model type='Am79C973'/></interface>"
        "</devices></domain>",
        NULL, &error);
    const VnetDomainInterfaceDef *internal, *routed, *direct;
    VnetInetAddr gw;
    g_autofree char *gw_str = NULL;

    g_assert_no_error(error);
    internal = g_ptr_array_index(def->interfaces, 0);
    routed = g_ptr_array_index(def->interfaces, 1);
    direct = g_ptr_array_index(def->interfaces, 2);
    g_assert_cmpstr(vnet_domain_interface_def_internal_name(internal), ==, "intnet");
    vnet_domain_interface_def_routed_gateway(routed, &gw);
    gw_str = vnet_inet_to_string(&gw);
    g_assert_cmpstr(gw_str, ==, "169.255.30.1");
    g_assert_cmpint(direct->direct_mode, ==, VNET_DIRECT_MODE_NONE);
    g_assert_cmpstr(vnet_nic_model_qemu_device(direct->model), ==, "pcnet");
    g_assert_false(vnet_nic_model_supports_jumbo(direct->model));
    g_assert_cmpstr(vnet_nic_model_qemu_device(VNET_NIC_MODEL_82545EM), ==, "e1000-82545em");
    g_assert_cmpstr(vnet_nic_model_qemu_device(VNET_NIC_MODEL_VIRTIO), ==, "virtio-net-pci");
    g_assert_cmpstr(def->file, ==, "domain XML");
}

static void
test_bandwidth_group_units(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(
        "<domain type='test'><name>bw</name><bandwidthGroups>"
        "<group name='a' limit='20m'/><group name='b' limit='5'/>"
        "<group name='c' limit='100K'/><group name='d' limit='1g'/>"
        "</bandwidthGroups></domain>",
        "bw.xml", &error);

    g_assert_no_error(error);
    g_assert_cmpuint(vnet_bandwidth_group_bytes_per_sec(
                         vnet_domain_def_find_bandwidth_group(def, "a")),
                     ==, 2500000);
    g_assert_cmpuint(vnet_bandwidth_group_bytes_per_sec(
                         vnet_domain_def_find_bandwidth_group(def, "b")),
                     ==, 5000000);
    g_assert_cmpuint(vnet_bandwidth_group_bytes_per_sec(
                         vnet_domain_def_find_bandwidth_group(def, "c")),
                     ==, 100000);
    g_assert_cmpuint(vnet_bandwidth_group_bytes_per_sec(
                         vnet_domain_def_find_bandwidth_group(def, "d")),
                     ==, 125000000);
    g_assert_null(vnet_domain_def_find_bandwidth_group(def, "e"));
}

/* Live XML: <target ifindex> only with VNET_DOMAIN_DEF_FORMAT_LIVE, and it
 * parses back (status files embed live XML). */
static void
test_live(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_string(
        "<domain type='netns'><name>live</name>"
        "<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid><devices>"
        "<interface type='bridge'><mac address='52:54:00:00:00:01'/>"
        "<source bridge='br0'/><target dev='vnbr0' ifindex='12'/>"
        "<guest dev='eth0'/></interface></devices></domain>",
        "live.xml", &error);
    g_autoptr(VnetDomainDef) again = NULL;
    g_autoptr(VnetDomainDef) copy = NULL;
    g_autofree char *config = NULL;
    g_autofree char *live = NULL;
    g_autofree char *live_again = NULL;
    const VnetDomainInterfaceDef *iface;
    VnetMac mac;

    g_assert_no_error(error);
    iface = g_ptr_array_index(def->interfaces, 0);
    g_assert_cmpint(iface->target_ifindex, ==, 12);
    g_assert_cmpstr(iface->guest_dev, ==, "eth0");
    config = vnet_domain_def_format(def, 0);
    live = vnet_domain_def_format(def, VNET_DOMAIN_DEF_FORMAT_LIVE);
    g_assert_null(strstr(config, "ifindex"));
    g_assert_nonnull(strstr(live, "<target dev='vnbr0' ifindex='12'/>"));
    g_assert_nonnull(strstr(config, "<guest dev='eth0'/>"));
    again = vnet_domain_def_parse_string(live, "live.xml", &error);
    g_assert_no_error(error);
    live_again = vnet_domain_def_format(again, VNET_DOMAIN_DEF_FORMAT_LIVE);
    g_assert_cmpstr(live_again, ==, live);
    copy = vnet_domain_def_copy(def);
    iface = g_ptr_array_index(copy->interfaces, 0);
    g_assert_cmpint(iface->target_ifindex, ==, 12);
    g_assert_cmpstr(iface->guest_dev, ==, "eth0");

    g_assert_cmpint(vnet_mac_parse("52:54:00:00:00:01", &mac), ==, 0);
    g_assert_cmpint(vnet_domain_def_find_interface_by_mac(def, &mac), ==, 0);
    g_assert_cmpint(vnet_mac_parse("52:54:00:00:00:02", &mac), ==, 0);
    g_assert_cmpint(vnet_domain_def_find_interface_by_mac(def, &mac), ==, -1);
}

static void
add_folder(const char *prefix, GPtrArray *names, GTestDataFunc func)
{
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        g_autofree char *path = g_strdup_printf("%s/%s", prefix, name);

        g_test_add_data_func(path, name, func);
    }
}

int
main(int argc, char **argv)
{
    g_autofree char *in_dir = NULL;
    g_autofree char *invalid_dir = NULL;
    g_autofree char *examples_dir = NULL;
    g_autoptr(GPtrArray) valid = NULL;
    g_autoptr(GPtrArray) invalid = NULL;
    g_autoptr(GPtrArray) examples = NULL;

    g_test_init(&argc, &argv, NULL);
    in_dir = vnet_test_srcdir_path("domainxml2xml", "in", NULL);
    invalid_dir = vnet_test_srcdir_path("domainxml-invalid", NULL);
    examples_dir = vnet_test_top_srcdir_path("examples", "domains", NULL);
    valid = vnet_test_list_dir(in_dir, ".xml");
    invalid = vnet_test_list_dir(invalid_dir, ".xml");
    examples = vnet_test_list_dir(examples_dir, ".xml");
    /* The floor: at least 60 valid and 40 invalid cases. */
    g_assert_cmpuint(valid->len, >=, 60);
    g_assert_cmpuint(invalid->len, >=, 40);

    add_folder("/domain/xml2xml", valid, test_xml2xml);
    add_folder("/domain/invalid", invalid, test_invalid);
    add_folder("/domain/example", examples, test_example);
    g_test_add_func("/domain/defaults/generated", test_generated_defaults);
    g_test_add_func("/domain/defaults/implicit", test_implicit_defaults);
    g_test_add_func("/domain/bandwidth-group/units", test_bandwidth_group_units);
    g_test_add_func("/domain/live", test_live);
    return g_test_run();
}
