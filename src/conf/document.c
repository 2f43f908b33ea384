/* document.c: vnet's XML documents as a whole: the root element picks the
 * document type, then the type's parse, validate and format run. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/domain_conf.h"
#include "conf/network_conf.h"
#include "util/vnet-i18n.h"
#include "util/vnet-xml.h"

static VnetDocumentType
document_type_of(const xmlNode *root)
{
    if (vnet_xml_is_element(root, "domain"))
        return VNET_DOCUMENT_DOMAIN;
    if (vnet_xml_is_element(root, "network"))
        return VNET_DOCUMENT_NETWORK;
    return VNET_DOCUMENT_UNKNOWN;
}

/* Parses, post-parses, validates and formats the document @doc. Returns the
 * canonical text, or NULL with @error set. */
static char *
document_process(xmlDoc *doc, VnetDocumentType *ret_type, GError **error)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    VnetDocumentType type = document_type_of(root);
    char *text = NULL;

    switch (type) {
    case VNET_DOCUMENT_DOMAIN: {
        g_autoptr(VnetDomainDef) def = vnet_domain_def_parse_node(root, error);
        if (!def || !vnet_domain_def_validate(def, error))
            return NULL;
        text = vnet_domain_def_format(def, 0);
        break;
    }
    case VNET_DOCUMENT_NETWORK: {
        g_autoptr(VnetNetworkDef) def = vnet_network_def_parse_node(root, error);
        if (!def || !vnet_network_def_validate(def, error))
            return NULL;
        text = vnet_network_def_format(def, 0);
        break;
    }
    case VNET_DOCUMENT_UNKNOWN:
    default:
        vnet_xml_error(error, VNET_ERROR_INVALID_XML, root,
                       _("root element <%s> is not a vnet document; expected <domain> or "
                         "<network>"),
                       (const char *)root->name);
        return NULL;
    }
    if (ret_type)
        *ret_type = type;
    return text;
}

static char *
process_file(const char *path, VnetDocumentType *ret_type, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;

    g_return_val_if_fail(path != NULL, NULL);
    vnet_i18n_init();
    doc = vnet_xml_parse_file(path, error);
    if (!doc)
        return NULL;
    return document_process(doc, ret_type, error);
}

/**
 * vnet_xml_validate_file:
 * @path: the XML file to check
 * @ret_type: (out) (optional): the document's type, set on success
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @path is a valid domain or network document.
 */
gboolean
vnet_xml_validate_file(const char *path, VnetDocumentType *ret_type, GError **error)
{
    g_autofree char *text = process_file(path, ret_type, error);

    return text != NULL;
}

/**
 * vnet_xml_format_file:
 * @path: the XML file to read
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @path in canonical form, or %NULL on error.
 */
char *
vnet_xml_format_file(const char *path, GError **error)
{
    return process_file(path, NULL, error);
}

/**
 * vnet_xml_format_string:
 * @xml: a domain or network document
 * @name: (nullable): how error messages call the document
 * @error: return location for a #GError
 *
 * Returns: (transfer full): @xml in canonical form, or %NULL on error.
 */
char *
vnet_xml_format_string(const char *xml, const char *name, GError **error)
{
    g_autoptr(xmlDoc) doc = NULL;

    g_return_val_if_fail(xml != NULL, NULL);
    vnet_i18n_init();
    doc = vnet_xml_parse_string(xml, -1, name, error);
    if (!doc)
        return NULL;
    return document_process(doc, NULL, error);
}
