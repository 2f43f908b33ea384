/* network-api-test.c: network XML beyond the data-driven cases: hostile
 * input, kinds and post-parse defaults, conflicts across networks, port
 * forwards added and removed, VirtualBox's rule strings, programmatic
 * internal networks. */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "conf/network_conf.h"
#include "network-test-common.h"
#include "test-util.h"

static VnetNetworkDef *
parse_ok(const char *xml)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_string(xml, "net.xml", &error);

    g_assert_no_error(error);
    g_assert_true(vnet_network_def_validate(def, &error));
    g_assert_no_error(error);
    return g_steal_pointer(&def);
}

static void
assert_message(const GError *error, const char *expected)
{
    g_assert_nonnull(error);
    g_assert_cmpstr(error->message, ==, expected);
}

/* ---- hostile input --------------------------------------------------------------- */

static void
assert_refused(const char *xml, gssize len, const char *needle)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *copy = len < 0 ? g_strdup(xml) : g_strndup(xml, len);
    g_autoptr(VnetNetworkDef) def = NULL;

    if (len >= 0) {
        /* parse_string takes NUL-terminated text; the hostile bytes that
         * need a length go through a file instead. */
        g_autofree char *path = g_build_filename(g_get_tmp_dir(), "vnet-net-XXXXXX", NULL);
        int fd = g_mkstemp(path);

        g_assert_cmpint(fd, >=, 0);
        g_assert_cmpint(write(fd, xml, len), ==, len);
        close(fd);
        def = vnet_network_def_parse_file(path, &error);
        unlink(path);
    } else {
        def = vnet_network_def_parse_string(copy, "evil.xml", &error);
        g_assert_true(error && g_str_has_prefix(error->message, "evil.xml:"));
    }
    g_assert_null(def);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    if (!strstr(error->message, needle))
        g_error("message '%s' lacks '%s'", error->message, needle);
}

static void
test_hostile_doctype(void)
{
    assert_refused("<?xml version='1.0'?>\n<!DOCTYPE network [\n"
                   "<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                   "<network><name>&x;</name></network>\n",
                   -1, "DOCTYPE");
}

static void
test_hostile_billion_laughs(void)
{
    g_autoptr(GString) xml = g_string_new("<?xml version='1.0'?>\n<!DOCTYPE network [\n"
                                          "<!ENTITY l0 'lol'>\n");

    for (int i = 1; i < 10; i++) {
        g_string_append_printf(xml, "<!ENTITY l%d '", i);
        for (int j = 0; j < 10; j++)
            g_string_append_printf(xml, "&l%d;", i - 1);
        g_string_append(xml, "'>\n");
    }
    g_string_append(xml, "]>\n<network><name>&l9;</name></network>\n");
    assert_refused(xml->str, -1, "DOCTYPE");
}

static void
test_hostile_huge(void)
{
    g_autofree char *path = g_build_filename(g_get_tmp_dir(), "vnet-net-huge-XXXXXX", NULL);
    int fd = g_mkstemp(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def = NULL;

    /* 100 MB, sparse: no disk space used */
    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, "<network>", 9), ==, 9);
    g_assert_cmpint(ftruncate(fd, (off_t)100 * 1024 * 1024), ==, 0);
    close(fd);
    def = vnet_network_def_parse_file(path, &error);
    unlink(path);
    g_assert_null(def);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    g_assert_nonnull(strstr(error->message, "at most"));
}

static void
test_hostile_deep(void)
{
    g_autoptr(GString) xml = g_string_new("<network><name>n</name><metadata>");

    for (int i = 0; i < 10000; i++)
        g_string_append(xml, "<a>");
    for (int i = 0; i < 10000; i++)
        g_string_append(xml, "</a>");
    g_string_append(xml, "</metadata></network>");
    assert_refused(xml->str, -1, "nested more than");
}

static void
test_hostile_not_utf8(void)
{
    assert_refused("<network>\n<name>caf\xe9</name></network>", -1, "evil.xml:2: byte 0xe9");
    assert_refused("<network><name>a\0b</name></network>", 35, "UTF-8");
}

static void
test_wrong_root(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def =
        vnet_network_def_parse_string("<domain>\n<name>x</name></domain>", "d.xml", &error);

    g_assert_null(def);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    assert_message(error, "d.xml:1: expected a <network> document, found <domain>");
}

/* ---- kinds and defaults ------------------------------------------------------------ */

static void
test_kinds(void)
{
    static const struct {
        const char *body;
        VnetNetworkKind kind;
    } cases[] = {
        {"<forward mode='nat'/><ip address='10.1.0.1' prefix='24'/>", VNET_NETWORK_KIND_NAT},
        {"<forward/><ip address='10.1.0.1' prefix='24'/>", VNET_NETWORK_KIND_NAT},
        {"<ip address='10.1.0.1' prefix='24'/>", VNET_NETWORK_KIND_HOSTONLY},
        {"<forward mode='hostonly'/>", VNET_NETWORK_KIND_HOSTONLY},
        {"", VNET_NETWORK_KIND_INTERNAL},
        {"<forward mode='internal'/>", VNET_NETWORK_KIND_INTERNAL},
        {"<forward mode='bridge'/><bridge name='br0'/>", VNET_NETWORK_KIND_BRIDGE},
        {"<forward mode='bridge'><interface dev='eth0'/></forward>",
         VNET_NETWORK_KIND_DIRECT_BRIDGE},
        {"<forward mode='route'/><ip address='10.1.0.1' prefix='24'/>",
         VNET_NETWORK_KIND_ROUTE},
        {"<forward mode='open'/><ip address='10.1.0.1' prefix='24'/>", VNET_NETWORK_KIND_OPEN},
        {"<forward mode='vepa' dev='eth0'/>", VNET_NETWORK_KIND_VEPA},
        {"<forward mode='private'><interface dev='eth0'/></forward>",
         VNET_NETWORK_KIND_PRIVATE},
        {"<forward mode='passthrough'><interface dev='eth0'/></forward>",
         VNET_NETWORK_KIND_PASSTHROUGH},
    };

    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *xml =
            g_strdup_printf("<network><name>k%u</name>%s</network>", i, cases[i].body);
        g_autoptr(VnetNetworkDef) def = parse_ok(xml);

        g_assert_cmpstr(vnet_network_kind_to_string(def->kind), ==,
                        vnet_network_kind_to_string(cases[i].kind));
        g_assert_cmpint(vnet_network_kind_is_pool(def->kind), ==,
                        def->kind >= VNET_NETWORK_KIND_VEPA);
    }
    g_assert_true(vnet_network_kind_has_own_bridge(VNET_NETWORK_KIND_NAT));
    g_assert_false(vnet_network_kind_has_own_bridge(VNET_NETWORK_KIND_BRIDGE));
}

static void
test_defaults(void)
{
    g_autoptr(VnetNetworkDef) nat =
        parse_ok("<network><name>n</name><forward mode='nat'/>"
                 "<ip address='192.168.15.0' prefix='24'><dhcp/></ip></network>");
    g_autoptr(VnetNetworkDef) host = parse_ok("<network><name>h</name>"
                                              "<forward mode='hostonly'/></network>");
    g_autoptr(VnetNetworkDef) server =
        parse_ok("<network><name>s</name><ip address='10.0.0.1' prefix='24'>"
                 "<dhcp server='10.0.0.100'/></ip></network>");
    g_autoptr(VnetNetworkDef) last =
        parse_ok("<network><name>l</name><ip address='10.0.0.254' prefix='24'>"
                 "<dhcp/></ip></network>");
    g_autofree char *nat_xml = vnet_network_def_format(nat, 0);
    g_autofree char *host_xml = vnet_network_def_format(host, 0);
    g_autofree char *server_xml = vnet_network_def_format(server, 0);
    g_autofree char *last_xml = vnet_network_def_format(last, 0);
    char uuid[VNET_UUID_STRLEN];

    g_assert_true(nat->uuid_set);
    vnet_uuid_format(&nat->uuid, uuid);
    g_assert_nonnull(strstr(nat_xml, uuid));
    /* the UUID line varies; the rest is fixed */
    g_assert_nonnull(strstr(nat_xml, "  <forward mode='nat'/>\n"
                                     "  <ip address='192.168.15.1' prefix='24'>\n"
                                     "    <dhcp>\n"
                                     "      <range start='192.168.15.2' end='192.168.15.254'/>\n"
                                     "    </dhcp>\n"
                                     "  </ip>\n"));
    g_assert_null(strstr(nat_xml, "<bridge"));
    g_assert_nonnull(strstr(host_xml, "  <forward mode='hostonly'/>\n"
                                      "  <ip address='192.168.56.1' prefix='24'>\n"
                                      "    <dhcp server='192.168.56.100'>\n"
                                      "      <range start='192.168.56.101' "
                                      "end='192.168.56.254'/>\n"));
    g_assert_nonnull(strstr(server_xml, "<range start='10.0.0.101' end='10.0.0.254'/>"));
    g_assert_nonnull(strstr(last_xml, "<range start='10.0.0.1' end='10.0.0.253'/>"));
    g_assert_cmpuint(vnet_network_ip_def_prefix(vnet_network_def_ipv4(nat)), ==, 24);
}

static void
test_new_internal(void)
{
    g_autoptr(VnetNetworkDef) def = vnet_network_def_new_internal("intnet");
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    g_autoptr(VnetNetworkDef) again = NULL;
    char uuid[VNET_UUID_STRLEN];
    g_autofree char *expected = NULL;

    g_assert_cmpint(def->kind, ==, VNET_NETWORK_KIND_INTERNAL);
    g_assert_true(def->uuid_set);
    g_assert_true(vnet_network_def_validate(def, &error));
    xml = vnet_network_def_format(def, 0);
    vnet_uuid_format(&def->uuid, uuid);
    expected = g_strdup_printf("<network>\n  <name>intnet</name>\n  <uuid>%s</uuid>\n"
                               "  <forward mode='internal'/>\n</network>\n",
                               uuid);
    g_assert_cmpstr(xml, ==, expected);
    again = parse_ok(xml);
    g_assert_cmpint(again->kind, ==, VNET_NETWORK_KIND_INTERNAL);
    g_assert_true(vnet_uuid_equal(&again->uuid, &def->uuid));
}

/* ---- conflicts ----------------------------------------------------------------------- */

static void
test_conflicts(void)
{
    g_autoptr(VnetNetworkDef) a = parse_ok(
        "<network><name>natnet1</name><uuid>11111111-2222-3333-4444-555555555555</uuid>"
        "<forward mode='nat'/><bridge name='vnbr0'/>"
        "<ip address='192.168.15.1' prefix='24'/></network>");
    g_autoptr(VnetNetworkDef) b = parse_ok(
        "<network><name>other</name>\n<forward mode='nat'/>\n<bridge name='vnbr0'/>\n"
        "<ip address='10.9.0.1' prefix='24'/></network>");
    g_autoptr(VnetNetworkDef) c = parse_ok(
        "<network><name>third</name>\n<forward mode='nat'/>\n"
        "<ip address='192.168.15.129' prefix='25'/></network>");
    g_autoptr(VnetNetworkDef) d = parse_ok(
        "<network><name>natnet1</name><uuid>11111111-2222-3333-4444-555555555555</uuid>"
        "<forward mode='nat'/><bridge name='vnbr0'/>"
        "<ip address='192.168.15.1' prefix='24'/></network>");
    g_autoptr(VnetNetworkDef) e = parse_ok(
        "<network><name>fine</name><forward mode='nat'/><bridge name='vnbr7'/>"
        "<ip address='192.168.16.1' prefix='24'/><ip family='ipv6' address='fd00::1' "
        "prefix='64'/></network>");
    const VnetNetworkDef *others[] = {a};
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;

    g_assert_false(vnet_network_def_check_conflicts(b, others, 1, &error));
    assert_message(error, "net.xml:3: element <bridge>, attribute 'name': bridge 'vnbr0' is "
                          "already used by network 'natnet1'; expected a bridge name of this "
                          "network's own");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_check_conflicts(c, others, 1, &error));
    assert_message(error, "net.xml:3: element <ip>, attribute 'address': subnet "
                          "192.168.15.128/25 overlaps 192.168.15.0/24 of network 'natnet1'; "
                          "expected a subnet no other network uses");
    g_clear_error(&error);
    /* a redefinition (same UUID) does not conflict with its old self */
    g_assert_true(vnet_network_def_check_conflicts(d, others, 1, &error));
    g_assert_no_error(error);
    g_assert_true(vnet_network_def_check_conflicts(e, others, 1, &error));
    g_assert_no_error(error);

    name = vnet_network_def_pick_bridge_name(others, 1);
    g_assert_cmpstr(name, ==, "vnbr1");
}

/* ---- port forwards ---------------------------------------------------------------------- */

static const char natnet1[] =
    "<network>\n"
    "  <name>natnet1</name>\n"
    "  <forward mode='nat'>\n"
    "    <portForward name='ssh' protocol='tcp' hostPort='1022' guestAddress='192.168.15.5' "
    "guestPort='22'/>\n"
    "  </forward>\n"
    "  <ip address='192.168.15.1' prefix='24'>\n"
    "    <dhcp/>\n"
    "  </ip>\n"
    "</network>\n";

static VnetPortForward *
rule(const char *text, int family)
{
    g_autoptr(GError) error = NULL;
    VnetPortForward *pf = vnet_network_port_forward_parse_rule(text, family, &error);

    g_assert_no_error(error);
    return pf;
}

static void
test_port_forward_edit(void)
{
    g_autoptr(VnetNetworkDef) def = parse_ok(natnet1);
    g_autoptr(VnetNetworkDef) host =
        parse_ok("<network><name>h</name><ip address='192.168.15.1' prefix='24'/></network>");
    g_autoptr(VnetPortForward) web = rule("web:tcp:[]:8080:[192.168.15.6]:80", AF_INET);
    g_autoptr(VnetPortForward) dup_name = rule("ssh:udp:[]:53:[192.168.15.6]:53", AF_INET);
    g_autoptr(VnetPortForward) dup_port = rule("ssh2:tcp:[]:1022:[192.168.15.7]:22", AF_INET);
    g_autoptr(VnetPortForward) outside = rule("x:tcp:[]:2000:[192.168.16.7]:22", AF_INET);
    g_autoptr(VnetPortForward) no_guest = rule("y:tcp:[]:2001:[]:22", AF_INET);
    g_autoptr(VnetPortForward) v6 = rule("v6:tcp:[::1]:2002:[fd00::5]:22", AF_INET6);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;

    g_assert_true(vnet_network_def_add_port_forward(def, web, &error));
    g_assert_no_error(error);
    xml = vnet_network_def_format(def, 0);
    g_assert_nonnull(strstr(xml, "    <portForward name='web' protocol='tcp' hostPort='8080' "
                                 "guestAddress='192.168.15.6' guestPort='80'/>\n"));
    g_assert_true(vnet_network_def_validate(def, &error));

    g_assert_false(vnet_network_def_add_port_forward(def, dup_name, &error));
    assert_message(error, "net.xml: network 'natnet1': element <portForward>, attribute "
                          "'name': rule 'ssh' is already defined on line 4");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_add_port_forward(def, dup_port, &error));
    assert_message(error, "net.xml: network 'natnet1': element <portForward name='ssh2'>: "
                          "host port tcp/1022 is already forwarded by rule 'ssh' on line 4");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_add_port_forward(def, outside, &error));
    assert_message(error, "net.xml: element <portForward>, attribute 'guestAddress': "
                          "192.168.16.7 is outside every IPv4 subnet of network 'natnet1'");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_add_port_forward(def, no_guest, &error));
    assert_message(error, "net.xml: element <portForward>: rule 'y' needs attribute "
                          "'guestAddress' (the guest the traffic goes to)");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_add_port_forward(def, v6, &error));
    assert_message(error, "net.xml: element <portForward>, attribute 'guestAddress': fd00::5 "
                          "is outside every IPv6 subnet of network 'natnet1'");
    g_clear_error(&error);
    g_assert_false(vnet_network_def_add_port_forward(host, web, &error));
    assert_message(error, "net.xml: element <portForward>: rule 'web': port forwards belong "
                          "to NAT networks (forward mode 'nat'); this network's mode is "
                          "'none'");
    g_clear_error(&error);
    g_assert_cmpuint(def->forward.port_forwards->len, ==, 2);

    g_assert_true(vnet_network_def_remove_port_forward(def, "ssh", &error));
    g_assert_false(vnet_network_def_remove_port_forward(def, "ssh", &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG);
    assert_message(error, "network 'natnet1' has no port-forward rule named 'ssh'");
    g_clear_error(&error);
    g_clear_pointer(&xml, g_free);
    xml = vnet_network_def_format(def, 0);
    g_assert_null(strstr(xml, "name='ssh'"));
    g_assert_nonnull(strstr(xml, "name='web'"));
}

static void
test_rule_strings(void)
{
    static const struct {
        const char *text;
        int family;
        const char *expected; /* the message, or NULL: valid and formats back */
    } cases[] = {
        {"ssh:tcp:[]:1022:[192.168.15.5]:22", AF_INET, NULL},
        {"dns:udp:[127.0.0.1]:5353:[10.0.2.15]:53", 0, NULL},
        {"v6:tcp:[::1]:2222:[fd00::5]:22", AF_INET6, NULL},
        {"any:tcp:[]:80:[]:8080", 0, NULL},
        {"ssh:tpc:[]:1022:[192.168.15.5]:22", AF_INET,
         "port-forward rule 'ssh:tpc:[]:1022:[192.168.15.5]:22': protocol 'tpc' is not tcp or "
         "udp (did you mean 'tcp'?); expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        {":tcp:[]:1022:[192.168.15.5]:22", AF_INET,
         "port-forward rule ':tcp:[]:1022:[192.168.15.5]:22': the rule has no name; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh:tcp:127.0.0.1:1022:[192.168.15.5]:22", AF_INET,
         "port-forward rule 'ssh:tcp:127.0.0.1:1022:[192.168.15.5]:22': the host address must "
         "be written in brackets, e.g. [] or [10.0.2.15]; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh:tcp:[]:0:[192.168.15.5]:22", AF_INET,
         "port-forward rule 'ssh:tcp:[]:0:[192.168.15.5]:22': host port '0' is not a number "
         "from 1 to 65535; expected name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh:tcp:[]:1022:[192.168.15.5]:70000", AF_INET,
         "port-forward rule 'ssh:tcp:[]:1022:[192.168.15.5]:70000': guest port '70000' is not "
         "a number from 1 to 65535; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh:tcp:[]:1022:[fd00::5]:22", AF_INET,
         "port-forward rule 'ssh:tcp:[]:1022:[fd00::5]:22': guest address 'fd00::5' is not an "
         "IPv4 address; expected name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh:tcp:[]:1022:[192.168.15.5:22", AF_INET,
         "port-forward rule 'ssh:tcp:[]:1022:[192.168.15.5:22': the guest address has no "
         "closing ']' followed by ':'; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        {"ssh", AF_INET,
         "port-forward rule 'ssh': the protocol is missing; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
        /* the same name rule as the XML form: a C1 control character (U+0085)
         * would otherwise be accepted here and refused when read back */
        {"a\xc2\x85" "b:tcp:[]:1022:[192.168.15.5]:22", AF_INET,
         "port-forward rule 'a\xc2\x85" "b:tcp:[]:1022:[192.168.15.5]:22': the name may not "
         "contain ',' or control characters and must be UTF-8; expected "
         "name:proto:[hostip]:hostport:[guestip]:guestport"},
    };

    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(VnetPortForward) pf =
            vnet_network_port_forward_parse_rule(cases[i].text, cases[i].family, &error);

        if (!cases[i].expected) {
            g_autofree char *back = NULL;

            g_assert_no_error(error);
            back = vnet_network_port_forward_format_rule(pf);
            g_assert_cmpstr(back, ==, cases[i].text);
        } else {
            g_assert_null(pf);
            g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG);
            assert_message(error, cases[i].expected);
        }
    }
}

static void
test_copy_independent(void)
{
    g_autoptr(VnetNetworkDef) def = parse_ok(natnet1);
    g_autoptr(VnetNetworkDef) copy = vnet_network_def_copy(def);
    g_autofree char *before = vnet_network_def_format(def, 0);
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true(vnet_network_def_remove_port_forward(copy, "ssh", &error));
    g_free(copy->name);
    copy->name = g_strdup("changed");
    after = vnet_network_def_format(def, 0);
    g_assert_cmpstr(before, ==, after);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/network/hostile/doctype-external-entity", test_hostile_doctype);
    g_test_add_func("/network/hostile/billion-laughs", test_hostile_billion_laughs);
    g_test_add_func("/network/hostile/100MB-sparse-file", test_hostile_huge);
    g_test_add_func("/network/hostile/deep-nesting", test_hostile_deep);
    g_test_add_func("/network/hostile/not-utf8", test_hostile_not_utf8);
    g_test_add_func("/network/hostile/wrong-root", test_wrong_root);
    g_test_add_func("/network/kinds", test_kinds);
    g_test_add_func("/network/defaults", test_defaults);
    g_test_add_func("/network/new-internal", test_new_internal);
    g_test_add_func("/network/conflicts", test_conflicts);
    g_test_add_func("/network/port-forward/add-remove", test_port_forward_edit);
    g_test_add_func("/network/port-forward/rule-strings", test_rule_strings);
    g_test_add_func("/network/copy", test_copy_independent);
    return g_test_run();
}
