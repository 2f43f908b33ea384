/* network-conformance-test.c: libvirt's own network XML
 * ($VNET_CONFORMANCE_DIR/libvirt/network/{in,out,out-only}) through vnet.
 *
 * Every file is accepted (parsed and validated) or rejected as listed in
 * `rejected` below, with an error naming the unsupported feature. For an
 * accepted file:
 *   - vnet's output is equivalent to libvirt's formatting of it (out/NAME
 *     for in/NAME; the file itself for out/ and out-only/), comparing trees:
 *     attribute order, quoting and blanks do not matter, MAC addresses
 *     compare case-insensitively, and the values libvirt adds itself and
 *     vnet does not (see `libvirt_added`) are ignored;
 *   - vnet's output validates against libvirt's own network.rng when it
 *     uses no vnet extension, and always against vnet's network.rng.
 * The corpus README's "Files libvirt rejects" are rejected on purpose too.
 */
#include <config.h>

#include <libxml/parser.h>
#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf.h"
#include "network-test-common.h"
#include "test-util.h"

typedef struct {
    const char *file;    /* folder/name */
    gint code;           /* VNET_ERROR_* */
    const char *feature; /* what the message must name */
} Rejection;

/* vnet's decision, per libvirt feature it does not take. Everything else in
 * the corpus is accepted and kept. */
static const Rejection rejected[] = {
    /* PCI host-device pools: outside vnet's scope (no device assignment). */
    {"in/hostdev.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "mode 'hostdev'"},
    {"in/hostdev-pf-driver-model.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "mode 'hostdev'"},
    {"out-only/hostdev-pf.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "mode 'hostdev'"},
    /* Open vSwitch ports: vnet uses Linux bridges only. */
    {"in/openvswitch-net.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "openvswitch"},
    /* Raw dnsmasq options would bypass vnet's generated configuration. */
    {"out-only/dnsmasq-options.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "dnsmasq:options"},
    /* libvirt rejects these three itself (README, "Files libvirt rejects");
     * vnet does too, naming why. */
    {"in/passthrough-address-crash.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "a pool of PCI addresses"},
    {"in/passthrough-pf.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "SR-IOV physical function"},
    {"out/passthrough-pf.xml", VNET_ERROR_CONFIG_UNSUPPORTED, "SR-IOV physical function"},
    {"in/open-network-with-forward-dev.xml", VNET_ERROR_CONFIG_INVALID,
     "mode 'open' sends traffic out no particular device"},
    /* libvirt takes a 'nat' network with only an IPv6 subnet (it then NATs
     * nothing and routes IPv6). vnet's rule is that a NAT network has the
     * IPv4 subnet its guests share (or <nat ipv6='yes'/>); use mode
     * 'route' for routed IPv6. */
    {"out-only/dhcp6-network.xml", VNET_ERROR_CONFIG_INVALID, "a NAT network needs an IPv4"},
};

/* Values libvirt's formatter adds that vnet leaves out (it writes only what
 * the document said): ignored when the vnet side lacks them. */
typedef struct {
    const char *element;
    const char *attribute; /* NULL: the whole element */
    const char *value;
} LibvirtAdded;

static const LibvirtAdded libvirt_added[] = {
    {"bridge", "stp", "on"},
    {"bridge", "delay", "0"},
    /* a generated bridge MAC (libvirt's test suite mocks its generator) */
    {"mac", NULL, "52:54:00:00:00:00"},
};

/* Values vnet keeps from the input and libvirt drops as defaults. */
static const LibvirtAdded vnet_kept[] = {
    {"network", "ipv6", "no"},
};

static const Rejection *
find_rejection(const char *file)
{
    for (guint i = 0; i < G_N_ELEMENTS(rejected); i++)
        if (g_str_equal(rejected[i].file, file))
            return &rejected[i];
    return NULL;
}

/* ---- tree comparison ------------------------------------------------------------ */

static gboolean
looks_like_mac(const char *s)
{
    return strlen(s) == 17 && s[2] == ':' && s[5] == ':' && s[14] == ':';
}

static gboolean
values_equal(const char *a, const char *b)
{
    if (looks_like_mac(a) && looks_like_mac(b))
        return g_ascii_strcasecmp(a, b) == 0;
    return g_str_equal(a, b);
}

static char *
prop(const xmlNode *node, const xmlChar *name)
{
    xmlChar *raw = xmlGetProp(node, name);
    char *v = raw ? g_strdup((const char *)raw) : NULL;

    xmlFree(raw);
    return v;
}

static gboolean
listed(const LibvirtAdded *list, guint n, const xmlNode *node, const char *attr,
       const char *value)
{
    for (guint i = 0; i < n; i++) {
        if (!g_str_equal(list[i].element, (const char *)node->name))
            continue;
        if (!attr && !list[i].attribute) {
            g_autofree char *addr = prop(node, BAD_CAST "address");

            if (addr && values_equal(addr, list[i].value))
                return TRUE;
        } else if (attr && list[i].attribute && g_str_equal(attr, list[i].attribute) &&
                   g_str_equal(value, list[i].value)) {
            return TRUE;
        }
    }
    return FALSE;
}

static const xmlNode *
next_element(const xmlNode *node)
{
    while (node && node->type != XML_ELEMENT_NODE)
        node = node->next;
    return node;
}

static char *
text_of(const xmlNode *node)
{
    xmlChar *raw = xmlNodeGetContent(node);
    char *text = g_strstrip(g_strdup(raw ? (const char *)raw : ""));

    xmlFree(raw);
    return text;
}

static gboolean only_text(const xmlNode *node)
{
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return FALSE;
    return TRUE;
}

/* Compares the vnet tree @v with the libvirt tree @l; on a difference,
 * appends where and what to @why. */
static gboolean
trees_equal(const xmlNode *v, const xmlNode *l, GString *why)
{
    const xmlNode *vc;
    const xmlNode *lc;

    if (!xmlStrEqual(v->name, l->name)) {
        g_string_append_printf(why, "element <%s> vs libvirt's <%s> (line %ld)", v->name,
                               l->name, xmlGetLineNo((xmlNode *)l));
        return FALSE;
    }
    for (const xmlAttr *a = v->properties; a; a = a->next) {
        g_autofree char *mine = prop(v, a->name);
        g_autofree char *theirs = prop(l, a->name);

        if (!theirs && listed(vnet_kept, G_N_ELEMENTS(vnet_kept), v, (const char *)a->name,
                              mine))
            continue;
        if (!theirs || !values_equal(mine, theirs)) {
            g_string_append_printf(why, "<%s> attribute %s='%s' vs libvirt's '%s' (line %ld)",
                                   v->name, a->name, mine, theirs ? theirs : "(absent)",
                                   xmlGetLineNo((xmlNode *)l));
            return FALSE;
        }
    }
    for (const xmlAttr *a = l->properties; a; a = a->next) {
        g_autofree char *theirs = prop(l, a->name);

        if (xmlHasProp(v, a->name) ||
            listed(libvirt_added, G_N_ELEMENTS(libvirt_added), l, (const char *)a->name, theirs))
            continue;
        g_string_append_printf(why, "<%s> lacks libvirt's %s='%s' (line %ld)", v->name,
                               a->name, theirs, xmlGetLineNo((xmlNode *)l));
        return FALSE;
    }
    if (only_text(v) && only_text(l)) {
        g_autofree char *vt = text_of(v);
        g_autofree char *lt = text_of(l);

        if (!g_str_equal(vt, lt)) {
            g_string_append_printf(why, "<%s> text '%s' vs libvirt's '%s'", v->name, vt, lt);
            return FALSE;
        }
        return TRUE;
    }
    vc = next_element(v->children);
    lc = next_element(l->children);
    while (vc || lc) {
        if (lc && (!vc || !xmlStrEqual(vc->name, lc->name)) &&
            listed(libvirt_added, G_N_ELEMENTS(libvirt_added), lc, NULL, NULL)) {
            lc = next_element(lc->next);
            continue;
        }
        if (!vc || !lc) {
            g_string_append_printf(why, "<%s>: %s <%s> (line %ld)", v->name,
                                   vc ? "vnet has an extra" : "vnet lacks libvirt's",
                                   vc ? vc->name : lc->name,
                                   xmlGetLineNo((xmlNode *)(vc ? vc : lc)));
            return FALSE;
        }
        if (!trees_equal(vc, lc, why))
            return FALSE;
        vc = next_element(vc->next);
        lc = next_element(lc->next);
    }
    return TRUE;
}

static void
assert_equivalent(const char *vnet_xml, const char *libvirt_path)
{
    g_autofree char *libvirt_xml = vnet_test_read_file(libvirt_path);
    xmlDoc *v = xmlReadMemory(vnet_xml, (int)strlen(vnet_xml), "vnet.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    xmlDoc *l = xmlReadMemory(libvirt_xml, (int)strlen(libvirt_xml), libvirt_path, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    g_autoptr(GString) why = g_string_new(NULL);
    gboolean equal;

    g_assert_nonnull(v);
    g_assert_nonnull(l);
    equal = trees_equal(xmlDocGetRootElement(v), xmlDocGetRootElement(l), why);
    xmlFreeDoc(v);
    xmlFreeDoc(l);
    if (!equal)
        g_error("vnet's output differs from %s: %s\n--- vnet\n%s", libvirt_path, why->str,
                vnet_xml);
}

/* ---- the walk ---------------------------------------------------------------------- */

static gboolean
uses_vnet_extension(const VnetNetworkDef *def)
{
    if (def->forward.mode == VNET_NETWORK_FORWARD_HOSTONLY ||
        def->forward.mode == VNET_NETWORK_FORWARD_INTERNAL || def->forward.port_forwards->len)
        return TRUE;
    for (guint i = 0; i < def->ips->len; i++) {
        const VnetNetworkIpDef *ip = def->ips->pdata[i];

        if (ip->dhcp && vnet_inet_is_set(&ip->dhcp->server))
            return TRUE;
    }
    return FALSE;
}

static void
test_file(gconstpointer data)
{
    const char *file = data; /* folder/name */
    const Rejection *rejection = find_rejection(file);
    g_autofree char *path = vnet_test_conformance_path("libvirt", "network", file, NULL);
    g_autofree char *xml = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetNetworkDef) def = NULL;
    g_autofree char *out = NULL;
    g_autofree char *errors = NULL;
    g_autofree char *libvirt_rng = NULL;
    g_autofree char *vnet_rng = network_test_schema_path();
    g_autofree char *name = g_path_get_basename(file);
    g_autofree char *partner = NULL;

    if (!path) {
        g_test_skip("the conformance corpus ($VNET_CONFORMANCE_DIR) is absent");
        return;
    }
    def = vnet_network_def_parse_file(path, &error);
    if (def)
        vnet_network_def_validate(def, &error);
    if (rejection) {
        if (!error)
            g_error("%s: accepted, but vnet's list says it is rejected naming \"%s\"", file,
                    rejection->feature);
        g_assert_true(error->domain == VNET_ERROR);
        if (error->code != rejection->code || !strstr(error->message, rejection->feature))
            g_error("%s: rejected with \"%s\" (code %d); expected code %d naming \"%s\"", file,
                    error->message, error->code, rejection->code, rejection->feature);
        /* The message still points at the element. */
        g_assert_true(g_str_has_prefix(error->message, path));
        return;
    }
    if (error)
        g_error("%s: rejected (%s) but not listed as rejected", file, error->message);

    out = vnet_network_def_format(def, 0);
    {
        /* byte-stable */
        g_autoptr(VnetNetworkDef) again = vnet_network_def_parse_string(out, name, &error);
        g_autofree char *out2 = NULL;

        g_assert_no_error(error);
        out2 = vnet_network_def_format(again, 0);
        g_assert_cmpstr(out, ==, out2);
    }

    if (g_str_has_prefix(file, "in/")) {
        partner = vnet_test_conformance_path("libvirt", "network", "out", name, NULL);
        if (!g_file_test(partner, G_FILE_TEST_EXISTS))
            g_clear_pointer(&partner, g_free);
    } else {
        partner = g_strdup(path);
    }
    if (partner)
        assert_equivalent(out, partner);

    if (!network_test_rng_validate(vnet_rng, out, &errors))
        g_error("%s: vnet's output does not validate against vnet's schema:\n%s\n%s", file,
                errors, out);
    g_clear_pointer(&errors, g_free);
    libvirt_rng = vnet_test_conformance_path("libvirt", "schemas", "network.rng", NULL);
    g_assert_false(uses_vnet_extension(def));
    if (!network_test_rng_validate(libvirt_rng, out, &errors))
        g_error("%s: vnet's output does not validate against libvirt's network.rng:\n%s\n%s",
                file, errors, out);
}

static void
test_list_used(gconstpointer data)
{
    const GPtrArray *files = data;

    /* Every listed rejection names a file that exists: the list is not stale. */
    for (guint i = 0; i < G_N_ELEMENTS(rejected); i++) {
        gboolean found = FALSE;

        for (guint j = 0; j < files->len && !found; j++)
            found = g_str_equal(files->pdata[j], rejected[i].file);
        if (!found)
            g_error("rejection list names %s, which the corpus does not hold", rejected[i].file);
    }
}

int
main(int argc, char **argv)
{
    static const char *const folders[] = {"in", "out", "out-only"};
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *base = NULL;

    g_test_init(&argc, &argv, NULL);
    base = vnet_test_conformance_path("libvirt", "network", NULL);
    if (!base) {
        g_test_add_data_func("/network/conformance/absent", "in/none.xml", test_file);
        return g_test_run();
    }
    for (guint f = 0; f < G_N_ELEMENTS(folders); f++) {
        g_autofree char *dir = g_build_filename(base, folders[f], NULL);
        g_autoptr(GPtrArray) names = vnet_test_list_dir(dir, ".xml");

        for (guint i = 0; i < names->len; i++)
            g_ptr_array_add(files, g_strdup_printf("%s/%s", folders[f], (char *)names->pdata[i]));
    }
    for (guint i = 0; i < files->len; i++) {
        g_autofree char *path = g_strdup_printf("/network/conformance/%s", (char *)files->pdata[i]);
        g_test_add_data_func(path, files->pdata[i], test_file);
    }
    g_test_add_data_func("/network/conformance/rejection-list", files, test_list_used);
    return g_test_run();
}
