/* domain-schema-test.c: every domain document vnet writes validates against
 * schemas/domain.rng: the expected outputs of the xml2xml tests, the
 * examples, and vnet's formatting of each accepted conformance file. */
#include <config.h>

#include <libxml/relaxng.h>
#include <string.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "test-util.h"

static xmlRelaxNG *schema;

static void
collect_error(void *data, const xmlError *err)
{
    GString *errors = data;

    g_string_append_printf(errors, "line %d: %s", err->line, err->message);
}

static void
assert_valid_doc(const char *what, xmlDoc *doc)
{
    xmlRelaxNGValidCtxt *ctxt = xmlRelaxNGNewValidCtxt(schema);
    GString *errors = g_string_new(NULL);
    int r;

    xmlRelaxNGSetValidStructuredErrors(ctxt, (xmlStructuredErrorFunc)collect_error, errors);
    r = xmlRelaxNGValidateDoc(ctxt, doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (r != 0)
        g_error("%s does not validate against schemas/domain.rng:\n%s", what, errors->str);
    g_string_free(errors, TRUE);
}

static void
test_file(gconstpointer data)
{
    const char *path = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(xmlDoc) doc = vnet_xml_parse_file(path, &error);

    g_assert_no_error(error);
    assert_valid_doc(path, doc);
}

/* vnet's own output for a libvirt file it accepts. */
static void
test_conformance_output(gconstpointer data)
{
    const char *path = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_file(path, &error);
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;

    if (!def) {
        /* Rejected files are domain-conformance-test's business. */
        g_test_skip(error->message);
        return;
    }
    xml = vnet_domain_def_format(def, 0);
    doc = vnet_xml_parse_string(xml, -1, path, &error);
    g_assert_no_error(error);
    assert_valid_doc(path, doc);
}

static void
add_folder(GPtrArray *keep, const char *prefix, const char *dir, GTestDataFunc func)
{
    g_autoptr(GPtrArray) names = NULL;

    if (!dir || !g_file_test(dir, G_FILE_TEST_IS_DIR))
        return;
    names = vnet_test_list_dir(dir, ".xml");
    for (guint i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        char *path = g_build_filename(dir, name, NULL);
        g_autofree char *test_path = g_strdup_printf("%s/%s", prefix, name);

        g_ptr_array_add(keep, path);
        g_test_add_data_func(test_path, path, func);
    }
}

int
main(int argc, char **argv)
{
    g_autofree char *rng = NULL;
    g_autofree char *out_dir = NULL;
    g_autofree char *examples_dir = NULL;
    g_autofree char *conformance_dir = NULL;
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    xmlRelaxNGParserCtxt *parser;
    int r;

    g_test_init(&argc, &argv, NULL);
    rng = vnet_test_top_srcdir_path("schemas", "domain.rng", NULL);
    parser = xmlRelaxNGNewParserCtxt(rng);
    schema = xmlRelaxNGParse(parser);
    xmlRelaxNGFreeParserCtxt(parser);
    g_assert_nonnull(schema);

    out_dir = vnet_test_srcdir_path("domainxml2xml", "out", NULL);
    examples_dir = vnet_test_top_srcdir_path("examples", "domains", NULL);
    conformance_dir = vnet_test_conformance_path("libvirt", "domain", "in", NULL);
    add_folder(paths, "/domain/schema/out", out_dir, test_file);
    add_folder(paths, "/domain/schema/example", examples_dir, test_file);
    add_folder(paths, "/domain/schema/conformance", conformance_dir, test_conformance_output);
    r = g_test_run();
    xmlRelaxNGFree(schema);
    xmlRelaxNGCleanupTypes();
    return r;
}
