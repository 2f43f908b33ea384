/* network-test-common.c: RelaxNG validation through libxml2's API. */
#include <config.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "network-test-common.h"
#include "test-util.h"

static void
collect_error(void *data, xmlError *error)
{
    GString *out = data;

    g_string_append_printf(out, "line %d: %s", error->line, error->message);
}

gboolean
network_test_rng_validate(const char *rng_path, const char *xml, char **ret_errors)
{
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGParserCtxt *pctxt = xmlRelaxNGNewParserCtxt(rng_path);
    xmlRelaxNG *schema;
    xmlRelaxNGValidCtxt *vctxt;
    xmlDoc *doc;
    int r;

    g_assert_nonnull(pctxt);
    xmlRelaxNGSetParserStructuredErrors(pctxt, (xmlStructuredErrorFunc)collect_error, errors);
    schema = xmlRelaxNGParse(pctxt);
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (!schema)
        g_error("%s does not load: %s", rng_path, errors->str);

    doc = xmlReadMemory(xml, (int)strlen(xml), "doc.xml", NULL, XML_PARSE_NONET);
    g_assert_nonnull(doc);
    vctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vctxt, (xmlStructuredErrorFunc)collect_error, errors);
    r = xmlRelaxNGValidateDoc(vctxt, doc);
    xmlRelaxNGFreeValidCtxt(vctxt);
    xmlRelaxNGFree(schema);
    xmlFreeDoc(doc);
    if (ret_errors)
        *ret_errors = g_strdup(errors->str);
    return r == 0;
}

char *
network_test_schema_path(void)
{
    return vnet_test_top_srcdir_path("schemas", "network.rng", NULL);
}
