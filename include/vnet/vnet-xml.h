/* vnet-xml.h: checking and canonicalising vnet's XML documents.
 *
 * The root element picks the document type: <domain> or <network>.
 */
#pragma once

#if !defined(VNET_H_INSIDE) && !defined(VNET_COMPILATION)
#error "Only <vnet/vnet.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * VnetDocumentType:
 * @VNET_DOCUMENT_UNKNOWN: not a vnet document
 * @VNET_DOCUMENT_DOMAIN: a <domain> document
 * @VNET_DOCUMENT_NETWORK: a <network> document
 */
typedef enum {
    VNET_DOCUMENT_UNKNOWN,
    VNET_DOCUMENT_DOMAIN,
    VNET_DOCUMENT_NETWORK,
} VnetDocumentType;

/**
 * vnet_xml_validate_file:
 * @path: the XML file to check
 * @ret_type: (out) (optional): the type of the document, set on success
 * @error: return location for a #GError
 *
 * Parses @path as a domain or network document and checks every rule vnet
 * has for it, without touching the host. Error messages start with
 * "PATH:LINE: " and name the element, attribute and value at fault.
 *
 * Returns: %TRUE when the document is valid.
 */
gboolean vnet_xml_validate_file(const char *path, VnetDocumentType *ret_type, GError **error);

/**
 * vnet_xml_format_file:
 * @path: the XML file to read
 * @error: return location for a #GError
 *
 * Validates @path like vnet_xml_validate_file() and returns the document in
 * vnet's canonical form, with defaults (UUID, MAC addresses, …) filled in.
 * Formatting the result again gives the same bytes.
 *
 * Returns: (transfer full): the canonical XML, or %NULL on error.
 */
char *vnet_xml_format_file(const char *path, GError **error);

/**
 * vnet_xml_format_string:
 * @xml: a domain or network document
 * @name: (nullable): how to call the document in error messages
 * @error: return location for a #GError
 *
 * Like vnet_xml_format_file(), for a document held in memory.
 *
 * Returns: (transfer full): the canonical XML, or %NULL on error.
 */
char *vnet_xml_format_string(const char *xml, const char *name, GError **error);

G_END_DECLS
