/* util-xml-test.c: hostile input is refused; attribute helpers' wording;
 * the writer's canonical output. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <vnet/vnet.h>

#include "util/vnet-xml.h"

static void
assert_refused(const char *xml, gssize len, const char *needle)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = vnet_xml_parse_string(xml, len, "input.xml", &error);

    g_assert_null(doc);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    if (!strstr(error->message, needle))
        g_error("message '%s' lacks '%s'", error->message, needle);
    g_assert_true(g_str_has_prefix(error->message, "input.xml"));
}

static void
test_well_formed(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc =
        vnet_xml_parse_string("<domain>\n  <name>a</name>\n</domain>\n", -1, "x.xml", &error);
    xmlNode *root;
    xmlNode *name;

    g_assert_no_error(error);
    root = xmlDocGetRootElement(doc);
    g_assert_true(vnet_xml_is_element(root, "domain"));
    name = vnet_xml_child(root, "name");
    g_assert_nonnull(name);
    g_assert_cmpuint(vnet_xml_node_line(name), ==, 2);
    g_assert_cmpstr(vnet_xml_node_file(name), ==, "x.xml");
}

static void
test_malformed(void)
{
    assert_refused("<domain>\n<name>a</domain>", -1, "input.xml:2: malformed XML");
    assert_refused("", 0, "malformed XML");
}

static void
test_doctype(void)
{
    assert_refused("<?xml version='1.0'?>\n<!DOCTYPE domain SYSTEM 'file:///etc/passwd'>\n"
                   "<domain/>",
                   -1, "DOCTYPE");
    assert_refused("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><d>&x;</d>", -1,
                   "DOCTYPE");
}

static void
test_billion_laughs(void)
{
    GString *xml = g_string_new("<?xml version='1.0'?>\n<!DOCTYPE lolz [\n"
                                "<!ENTITY lol0 'lol'>\n");

    for (int i = 1; i < 10; i++) {
        g_string_append_printf(xml, "<!ENTITY lol%d '", i);
        for (int j = 0; j < 10; j++)
            g_string_append_printf(xml, "&lol%d;", i - 1);
        g_string_append(xml, "'>\n");
    }
    g_string_append(xml, "]>\n<lolz>&lol9;</lolz>\n");
    assert_refused(xml->str, xml->len, "DOCTYPE");
    g_string_free(xml, TRUE);
}

static void
test_too_large(void)
{
    /* A 100 MB document is refused by size before any parsing. */
    gsize len = 100 * 1024 * 1024;
    g_autofree char *path = g_build_filename(g_get_tmp_dir(), "vnet-huge-XXXXXX", NULL);
    int fd = g_mkstemp(path);
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = NULL;

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(write(fd, "<domain>", 8), ==, 8);
    g_assert_cmpint(ftruncate(fd, len), ==, 0);
    close(fd);
    doc = vnet_xml_parse_file(path, &error);
    g_assert_null(doc);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML);
    g_assert_nonnull(strstr(error->message, "at most"));
    unlink(path);

    /* the same for memory */
    {
        g_autofree char *big = g_malloc0(VNET_XML_MAX_SIZE + 10);
        assert_refused(big, VNET_XML_MAX_SIZE + 10, "at most");
    }
}

static void
test_deep_nesting(void)
{
    GString *xml = g_string_new(NULL);

    for (int i = 0; i < 100000; i++)
        g_string_append(xml, "<a>");
    for (int i = 0; i < 100000; i++)
        g_string_append(xml, "</a>");
    assert_refused(xml->str, xml->len, "nested more than 64 deep");
    g_string_free(xml, TRUE);
}

static void
test_not_utf8(void)
{
    assert_refused("<domain>\n<name>caf\xe9</name></domain>", -1, "input.xml:2: byte 0xe9");
    assert_refused("<?xml version='1.0' encoding='ISO-8859-1'?><d>\xe9</d>", -1, "UTF-8");
    assert_refused("<d>a\0b</d>", 10, "UTF-8");
}

static void
test_missing_file(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file("/nonexistent/vnet.xml", &error);

    g_assert_null(doc);
    g_assert_error(error, VNET_ERROR, VNET_ERROR_IO);
    g_assert_true(g_str_has_prefix(error->message, "/nonexistent/vnet.xml: cannot open"));
}

VNET_ENUM_DECL(test_mode);
typedef enum {
    TEST_MODE_NONE,
    TEST_MODE_VEPA,
    TEST_MODE_BRIDGE,
    TEST_MODE_PRIVATE,
    TEST_MODE_PASSTHROUGH,
    TEST_MODE_LAST
} TestMode;
VNET_ENUM_IMPL(test_mode, TEST_MODE_LAST, NULL, "vepa", "bridge", "private", "passthrough");

static xmlNode *
root_of(xmlDoc **doc, const char *xml)
{
    g_autoptr(GError) error = NULL;

    *doc = vnet_xml_parse_string(xml, -1, "t.xml", &error);
    g_assert_no_error(error);
    return xmlDocGetRootElement(*doc);
}

static void
test_attr_helpers(void)
{
    g_autoptr(xmlDoc) doc = NULL;
    xmlNode *node = root_of(&doc, "<x\n mode='vepx' good='bridge' n='300' m='42' mac='52:54:00:1:2:3'"
                                  " badmac='zz' ip='10.0.2.15' uuid='nope' on='yes' sw='off'/>");
    g_autoptr(GError) error = NULL;
    int mode = 0;
    guint64 n = 0;
    gboolean present = TRUE;
    VnetMac mac;
    VnetInetAddr ip = {0};
    VnetUuid uuid;
    VnetTristate on = VNET_TRISTATE_ABSENT;
    VnetSwitch sw = VNET_SWITCH_ABSENT;
    g_autofree char *str = NULL;

    g_assert_false(vnet_xml_prop_enum(node, "mode", &test_mode_table, FALSE, &mode, &error));
    g_assert_error(error, VNET_ERROR, VNET_ERROR_CONFIG_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "t.xml:2: element <x>, attribute 'mode': invalid value 'vepx'; expected one "
                    "of: vepa, bridge, private, passthrough (did you mean 'vepa'?)");
    g_clear_error(&error);
    g_assert_true(vnet_xml_prop_enum(node, "good", &test_mode_table, FALSE, &mode, &error));
    g_assert_cmpint(mode, ==, TEST_MODE_BRIDGE);
    mode = 77;
    g_assert_true(vnet_xml_prop_enum(node, "absent", &test_mode_table, FALSE, &mode, &error));
    g_assert_cmpint(mode, ==, 77);
    g_assert_false(vnet_xml_prop_enum(node, "absent", &test_mode_table, TRUE, &mode, &error));
    g_assert_cmpstr(error->message, ==, "t.xml:2: element <x> needs attribute 'absent'");
    g_clear_error(&error);

    g_assert_false(vnet_xml_prop_uint(node, "n", 1, 255, FALSE, &n, &present, &error));
    g_assert_cmpstr(error->message, ==,
                    "t.xml:2: element <x>, attribute 'n': invalid value '300'; expected a whole "
                    "number from 1 to 255");
    g_assert_false(present);
    g_clear_error(&error);
    g_assert_true(vnet_xml_prop_uint(node, "m", 1, 255, FALSE, &n, &present, &error));
    g_assert_cmpuint(n, ==, 42);
    g_assert_true(present);
    g_assert_true(vnet_xml_prop_uint(node, "absent", 1, 255, FALSE, &n, &present, &error));
    g_assert_false(present);

    g_assert_true(vnet_xml_prop_mac(node, "mac", TRUE, &mac, NULL, &error));
    g_assert_cmphex(mac.addr[5], ==, 3);
    g_assert_false(vnet_xml_prop_mac(node, "badmac", TRUE, &mac, NULL, &error));
    g_assert_nonnull(strstr(error->message, "invalid value 'zz'; expected a MAC address"));
    g_clear_error(&error);

    g_assert_true(vnet_xml_prop_inet(node, "ip", AF_INET, TRUE, &ip, &error));
    g_assert_cmpint(ip.family, ==, AF_INET);
    g_assert_false(vnet_xml_prop_inet(node, "ip", AF_INET6, TRUE, &ip, &error));
    g_assert_nonnull(strstr(error->message, "expected an IPv6 address"));
    g_clear_error(&error);

    g_assert_false(vnet_xml_prop_uuid(node, "uuid", FALSE, &uuid, NULL, &error));
    g_assert_nonnull(strstr(error->message, "invalid value 'nope'; expected a UUID"));
    g_clear_error(&error);

    g_assert_true(vnet_xml_prop_tristate(node, "on", &on, &error));
    g_assert_cmpint(on, ==, VNET_TRISTATE_YES);
    g_assert_true(vnet_xml_prop_switch(node, "sw", &sw, &error));
    g_assert_cmpint(sw, ==, VNET_SWITCH_OFF);
    g_assert_false(vnet_xml_prop_switch(node, "on", &sw, &error));
    g_assert_nonnull(strstr(error->message, "expected one of: on, off"));
    g_clear_error(&error);

    g_assert_true(vnet_xml_prop_string(node, "good", TRUE, &str, &error));
    g_assert_cmpstr(str, ==, "bridge");
}

static void
test_writer(void)
{
    g_autoptr(VnetXmlWriter) w = vnet_xml_writer_new();
    g_autoptr(xmlDoc) doc = NULL;
    xmlNode *kept = root_of(&doc, "<disk type='file'><!-- kept -->"
                                  "<source file='/a&amp;b'/><serial>x y</serial>"
                                  "<m:app xmlns:m='urn:x' m:k='v'/></disk>");
    VnetMac mac = {{0x52, 0x54, 0, 0xab, 0xcd, 0xef}};
    g_autofree char *out = NULL;

    vnet_xml_writer_start(w, "domain");
    vnet_xml_writer_attr(w, "type", "netns");
    vnet_xml_writer_attr(w, "absent", NULL);
    vnet_xml_writer_text_element(w, "name", "a<b & 'c'");
    vnet_xml_writer_start(w, "devices");
    vnet_xml_writer_node(w, kept);
    vnet_xml_writer_start(w, "mac");
    vnet_xml_writer_attr_mac(w, "address", &mac);
    vnet_xml_writer_end(w);
    vnet_xml_writer_start(w, "bw");
    vnet_xml_writer_attr_uint(w, "average", 1000);
    vnet_xml_writer_attr(w, "q", "it's");
    vnet_xml_writer_end(w);
    vnet_xml_writer_end(w);
    vnet_xml_writer_end(w);
    out = vnet_xml_writer_finish(w);
    g_assert_cmpstr(out, ==,
                    "<domain type='netns'>\n"
                    "  <name>a&lt;b &amp; 'c'</name>\n"
                    "  <devices>\n"
                    "    <disk type='file'>\n"
                    "      <!-- kept -->\n"
                    "      <source file='/a&amp;b'/>\n"
                    "      <serial>x y</serial>\n"
                    "      <m:app xmlns:m='urn:x' m:k='v'/>\n"
                    "    </disk>\n"
                    "    <mac address='52:54:00:ab:cd:ef'/>\n"
                    "    <bw average='1000' q='it&apos;s'/>\n"
                    "  </devices>\n"
                    "</domain>\n");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/util/xml/well-formed", test_well_formed);
    g_test_add_func("/util/xml/malformed", test_malformed);
    g_test_add_func("/util/xml/doctype-and-external-entities", test_doctype);
    g_test_add_func("/util/xml/billion-laughs", test_billion_laughs);
    g_test_add_func("/util/xml/too-large", test_too_large);
    g_test_add_func("/util/xml/deep-nesting", test_deep_nesting);
    g_test_add_func("/util/xml/not-utf8", test_not_utf8);
    g_test_add_func("/util/xml/missing-file", test_missing_file);
    g_test_add_func("/util/xml/attribute-helpers", test_attr_helpers);
    g_test_add_func("/util/xml/writer", test_writer);
    return g_test_run();
}
