/* domain-conformance-test.c: every libvirt domain file of the conformance
 * corpus (../shared/conformance/libvirt/domain/in) goes through vnet with a
 * definite, expected result:
 *
 * - accepted: every <interface> becomes a typed object, validation passes,
 *   and nothing else is dropped (every element of the input is still in
 *   vnet's output); where domain/out/ has the same name, each <interface> of
 *   vnet's output is equivalent to libvirt's (parsed trees compared, only
 *   what vnet supports, attribute order and MAC case ignored);
 * - rejected: the error names the unsupported feature listed below. Files
 *   rejected for their domain type (lxc) still have each <interface> parsed
 *   on its own, since that vocabulary is what vnet promises to accept.
 *
 * Any other outcome fails, including a file missing from this list.
 */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "test-util.h"

typedef struct {
    const char *file;
    const char *needle; /* NULL: accepted; else a substring of the error */
    gboolean on_validate;   /* rejected by validation rather than parsing */
    gboolean parse_ifaces; /* rejected for the domain; parse interfaces alone */
} Expectation;

static const Expectation expectations[] = {
    {"domain-qemu-interface-filterref.xml", "<filterref> (libvirt network filters) is not "
                                            "supported", FALSE, FALSE},
    {"lxc-ethernet-hostip.xml", "domain type 'lxc'", FALSE, TRUE},
    {"lxc-ethernet.xml", "domain type 'lxc'", FALSE, TRUE},
    {"net-bandwidth.xml", NULL, FALSE, FALSE},
    {"net-bandwidth2.xml", NULL, FALSE, FALSE},
    {"net-client.xml", NULL, FALSE, FALSE},
    {"net-coalesce.xml", "<coalesce> (interrupt coalescing) is not supported", FALSE, FALSE},
    {"net-eth-hostip.xml", NULL, FALSE, FALSE},
    {"net-eth-ifname.xml", NULL, FALSE, FALSE},
    {"net-eth-names.xml", NULL, FALSE, FALSE},
    {"net-eth-unmanaged-tap.xml", NULL, FALSE, FALSE},
    {"net-eth.xml", NULL, FALSE, FALSE},
    {"net-hostdev-bootorder.xml", "interface type 'hostdev' is not supported", FALSE, FALSE},
    {"net-hostdev-vfio.xml", "interface type 'hostdev' is not supported", FALSE, FALSE},
    {"net-hostdev.xml", "interface type 'hostdev' is not supported", FALSE, FALSE},
    {"net-isolated-port.xml", NULL, FALSE, FALSE},
    {"net-linkstate.xml", NULL, FALSE, FALSE},
    /* libvirt passes any model string to QEMU; vnet knows its models. */
    {"net-many-models.xml", "attribute 'type': invalid value 'idontexist'", FALSE, FALSE},
    /* 192.0.0.1 is no multicast group: QEMU's mcast socket refuses it too. */
    {"net-mcast.xml", "192.0.0.1 is not a multicast address", TRUE, FALSE},
    {"net-midonet.xml", "virtualport type 'midonet' is not supported", FALSE, FALSE},
    {"net-mtu.xml", NULL, FALSE, FALSE},
    {"net-openvswitch.xml", "virtualport type 'openvswitch' is not supported", FALSE, FALSE},
    {"net-server.xml", NULL, FALSE, FALSE},
    {"net-udp.xml", NULL, FALSE, FALSE},
    {"net-user-addr.xml", NULL, FALSE, FALSE},
    {"net-user-passt.xml", "backend type 'passt'", FALSE, FALSE},
    {"net-user.xml", NULL, FALSE, FALSE},
    {"net-vdpa.xml", "interface type 'vdpa' is not supported", FALSE, FALSE},
    {"net-vhostuser-multiq.xml", "interface type 'vhostuser' is not supported", FALSE, FALSE},
    {"net-vhostuser.xml", "interface type 'vhostuser' is not supported", FALSE, FALSE},
    {"net-virtio-device.xml", NULL, FALSE, FALSE},
    {"net-virtio-disable-offloads.xml", NULL, FALSE, FALSE},
    {"net-virtio-netdev.xml", NULL, FALSE, FALSE},
    /* VLAN 4095 is reserved by 802.1Q; vnet accepts 1-4094. */
    {"net-virtio-network-portgroup.xml", "invalid value '4095'", FALSE, FALSE},
    {"net-virtio-rss.xml", NULL, FALSE, FALSE},
    {"net-virtio-rxtxqueuesize.xml", NULL, FALSE, FALSE},
    {"net-virtio-teaming-network.xml", "<teaming> (virtio failover teaming) is not supported",
     FALSE, FALSE},
    {"net-virtio-teaming.xml", "<teaming> (virtio failover teaming) is not supported", FALSE,
     FALSE},
    {"net-virtio.xml", NULL, FALSE, FALSE},
    {"network-interface-mac-check.xml", NULL, FALSE, FALSE},
    {"network-interface-mac-clear.xml", NULL, FALSE, FALSE},
    {"portprofile.xml", "domain type 'lxc'", FALSE, TRUE},
    {"tap-vhost.xml", NULL, FALSE, FALSE},
};

static const Expectation *
find_expectation(const char *file)
{
    for (guint i = 0; i < G_N_ELEMENTS(expectations); i++)
        if (g_str_equal(expectations[i].file, file))
            return &expectations[i];
    return NULL;
}

static xmlDoc *
read_doc(const char *path)
{
    g_autoptr(GError) error = NULL;
    xmlDoc *doc = vnet_xml_parse_file(path, &error);

    g_assert_no_error(error);
    return doc;
}

static void
count_elements(const xmlNode *node, GHashTable *counts)
{
    for (const xmlNode *c = node; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        g_hash_table_replace(counts, (gpointer)c->name,
                             GUINT_TO_POINTER(GPOINTER_TO_UINT(
                                                  g_hash_table_lookup(counts, c->name)) +
                                              1));
        count_elements(c->children, counts);
    }
}

/* Nothing dropped: every element name occurs in vnet's output as often as
 * in the input (vnet adds only generated <uuid> and <mac>). */
static void
assert_nothing_dropped(xmlDoc *in, xmlDoc *out)
{
    g_autoptr(GHashTable) a = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) b = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer key, value;

    count_elements(xmlDocGetRootElement(in), a);
    count_elements(xmlDocGetRootElement(out), b);
    g_hash_table_iter_init(&iter, a);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        guint have = GPOINTER_TO_UINT(g_hash_table_lookup(b, key));

        if (have < GPOINTER_TO_UINT(value))
            g_error("element <%s>: %u in the input, %u in vnet's output", (const char *)key,
                    GPOINTER_TO_UINT(value), have);
    }
}

/* What vnet supports inside <interface>, for the equivalence check. */
static const char *const compared_children[] = {
    "mac", "source", "target", "model", "link", "mtu", "bandwidth", "vlan", "virtualport",
    "ip", "portForward", NULL,
};

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A canonical text for a subtree: name, sorted attributes (MACs lowercased),
 * then the children in order. libvirt's live-only source portid is left
 * out (vnet, like libvirt's inactive XML, does not write it). */
static void
canonical(const xmlNode *node, GString *out)
{
    g_autoptr(GPtrArray) attrs = g_ptr_array_new_with_free_func(g_free);

    g_string_append_printf(out, "<%s", (const char *)node->name);
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
        g_autofree char *v = g_strdup(value ? (const char *)value : "");

        xmlFree(value);
        if (vnet_xml_is_element(node, "source") && g_str_equal(a->name, "portid"))
            continue;
        if (vnet_xml_is_element(node, "mac") && g_str_equal(a->name, "address")) {
            char *lower = g_ascii_strdown(v, -1);
            g_free(v);
            v = lower;
        }
        g_ptr_array_add(attrs, g_strdup_printf("%s=%s", (const char *)a->name, v));
    }
    g_ptr_array_sort(attrs, compare_strings);
    for (guint i = 0; i < attrs->len; i++)
        g_string_append_printf(out, " %s", (const char *)g_ptr_array_index(attrs, i));
    g_string_append(out, ">");
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            canonical(c, out);
    g_string_append(out, "</>");
}

static char *
interface_key(const xmlNode *iface)
{
    GString *out = g_string_new(NULL);
    xmlChar *type = xmlGetProp(iface, BAD_CAST "type");
    g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func(g_free);

    g_string_append_printf(out, "interface type=%s:", (const char *)type);
    xmlFree(type);
    /* The order of an interface's children carries no meaning (vnet writes
     * them in its own canonical order). */
    vnet_xml_foreach_element(child, iface) {
        GString *one;

        if (!g_strv_contains(compared_children, (const char *)child->name))
            continue;
        one = g_string_new(NULL);
        canonical(child, one);
        g_ptr_array_add(children, g_string_free(one, FALSE));
    }
    g_ptr_array_sort(children, compare_strings);
    for (guint i = 0; i < children->len; i++)
        g_string_append(out, g_ptr_array_index(children, i));
    return g_string_free(out, FALSE);
}

static GPtrArray *
interfaces_of(xmlDoc *doc)
{
    GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
    xmlNode *devices = vnet_xml_child(xmlDocGetRootElement(doc), "devices");

    vnet_xml_foreach_element(child, devices) {
        if (vnet_xml_is_element(child, "interface"))
            g_ptr_array_add(list, interface_key(child));
    }
    return list;
}

static void
assert_equivalent(const char *file, xmlDoc *ours)
{
    g_autofree char *out_path = vnet_test_conformance_path("libvirt", "domain", "out", file, NULL);
    g_autoptr(xmlDoc) theirs = NULL;
    g_autoptr(GPtrArray) a = NULL;
    g_autoptr(GPtrArray) b = NULL;

    if (!g_file_test(out_path, G_FILE_TEST_EXISTS))
        return;
    theirs = read_doc(out_path);
    a = interfaces_of(ours);
    b = interfaces_of(theirs);
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++)
        g_assert_cmpstr(g_ptr_array_index(a, i), ==, g_ptr_array_index(b, i));
}

static void
test_accepted(const char *file, const char *path)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) in = read_doc(path);
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_node(xmlDocGetRootElement(in), &error);
    g_autofree char *formatted = NULL;
    g_autoptr(xmlDoc) out = NULL;
    xmlNode *devices;

    g_assert_no_error(error);
    g_assert_true(vnet_domain_def_validate(def, &error));
    g_assert_no_error(error);
    devices = vnet_xml_child(xmlDocGetRootElement(in), "devices");
    g_assert_cmpuint(def->interfaces->len, ==, vnet_xml_count_children(devices, "interface"));
    for (guint i = 0; i < def->interfaces->len; i++) {
        const VnetDomainInterfaceDef *iface = g_ptr_array_index(def->interfaces, i);
        g_assert_cmpint(iface->type, >, VNET_DOMAIN_INTERFACE_TYPE_NONE);
    }
    formatted = vnet_domain_def_format(def, 0);
    out = vnet_xml_parse_string(formatted, -1, file, &error);
    g_assert_no_error(error);
    assert_nothing_dropped(in, out);
    assert_equivalent(file, out);
}

static void
test_interfaces_alone(const char *path)
{
    g_autoptr(xmlDoc) in = read_doc(path);
    xmlNode *devices = vnet_xml_child(xmlDocGetRootElement(in), "devices");
    guint index = 0;

    g_assert_cmpuint(vnet_xml_count_children(devices, "interface"), >, 0);
    vnet_xml_foreach_element(child, devices) {
        g_autoptr(GError) error = NULL;
        g_autoptr(VnetDomainInterfaceDef) iface = NULL;

        if (!vnet_xml_is_element(child, "interface"))
            continue;
        iface = vnet_domain_interface_def_parse(child, index++, &error);
        g_assert_no_error(error);
        g_assert_nonnull(iface);
    }
}

static void
test_file(gconstpointer data)
{
    const char *file = data;
    const Expectation *expect = find_expectation(file);
    g_autofree char *path = vnet_test_conformance_path("libvirt", "domain", "in", file, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = NULL;

    if (!expect)
        g_error("%s: not in this test's list of expected outcomes; decide and add it", file);
    if (!expect->needle) {
        test_accepted(file, path);
        return;
    }
    def = vnet_domain_def_parse_file(path, &error);
    if (expect->on_validate) {
        g_assert_no_error(error);
        g_assert_false(vnet_domain_def_validate(def, &error));
    } else {
        g_assert_null(def);
    }
    g_assert_nonnull(error);
    if (!strstr(error->message, expect->needle))
        g_error("%s: error '%s' does not name '%s'", file, error->message, expect->needle);
    if (expect->parse_ifaces)
        test_interfaces_alone(path);
}

int
main(int argc, char **argv)
{
    g_autofree char *dir = NULL;
    g_autoptr(GPtrArray) files = NULL;

    g_test_init(&argc, &argv, NULL);
    dir = vnet_test_conformance_path("libvirt", "domain", "in", NULL);
    if (!dir) {
        g_test_skip("the conformance corpus is not available (VNET_CONFORMANCE_DIR)");
        return g_test_run();
    }
    files = vnet_test_list_dir(dir, ".xml");
    g_assert_cmpuint(files->len, ==, G_N_ELEMENTS(expectations));
    for (guint i = 0; i < files->len; i++) {
        const char *file = g_ptr_array_index(files, i);
        g_autofree char *test_path = g_strdup_printf("/domain/conformance/%s", file);

        g_test_add_data_func(test_path, file, test_file);
    }
    return g_test_run();
}
