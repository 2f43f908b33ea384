/* vnet-xml.h: safe parsing of untrusted XML, typed attribute helpers with one
 * wording for every error, and a small canonical writer.
 *
 * Every error message starts with "FILE:LINE: " taken from the node (the
 * document's URL is the file name, or the name given for a string), then
 * names the element and attribute, the value, and what is allowed.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "util/vnet-enum.h"
#include "util/vnet-inet.h"
#include "util/vnet-mac.h"
#include "util/vnet-uuid.h"

/* Documents larger than this are refused before parsing. */
#define VNET_XML_MAX_SIZE (10 * 1024 * 1024)
/* Elements nested deeper than this are refused while parsing. */
#define VNET_XML_MAX_DEPTH 64

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)

/* ---- reading documents ------------------------------------------------ */

/* Parses @path without network access, DTDs or entities: a DOCTYPE, a
 * document over VNET_XML_MAX_SIZE, nesting over VNET_XML_MAX_DEPTH, bytes
 * that are not UTF-8, or malformed XML fail with VNET_ERROR_INVALID_XML. */
xmlDoc *vnet_xml_parse_file(const char *path, GError **error);
/* The same for a document in memory; @len -1 means NUL-terminated; @name
 * (e.g. "domain XML") stands for the file name in messages. */
xmlDoc *vnet_xml_parse_string(const char *xml, gssize len, const char *name, GError **error);

/* The file name a node's messages use. */
const char *vnet_xml_node_file(const xmlNode *node);
guint vnet_xml_node_line(const xmlNode *node);

/* ---- errors ------------------------------------------------------------ */

/* Sets @error (VNET_ERROR, @code) to "FILE:LINE: " + the formatted text. */
void vnet_xml_error(GError **error, gint code, const xmlNode *node, const char *format, ...)
    G_GNUC_PRINTF(4, 5);
/* Same, with an explicit location (for validation of stored defs). */
void vnet_xml_error_at(GError **error, gint code, const char *file, guint line,
                       const char *format, ...) G_GNUC_PRINTF(5, 6);

/* "FILE:LINE: element <NODE> needs attribute 'NAME'" (CONFIG_INVALID) */
void vnet_xml_error_missing_attr(GError **error, const xmlNode *node, const char *name);
/* "FILE:LINE: element <NODE> needs a child element <NAME>" */
void vnet_xml_error_missing_child(GError **error, const xmlNode *node, const char *name);
/* "FILE:LINE: element <NODE>, attribute 'NAME': invalid value 'VALUE'; expected EXPECTED" */
void vnet_xml_error_bad_attr(GError **error, const xmlNode *node, const char *name,
                             const char *value, const char *expected);
/* "FILE:LINE: element <NODE>: FEATURE is not supported by vnet" (CONFIG_UNSUPPORTED) */
void vnet_xml_error_unsupported(GError **error, const xmlNode *node, const char *feature);

/* ---- walking ----------------------------------------------------------- */

gboolean vnet_xml_is_element(const xmlNode *node, const char *name);
xmlNode *vnet_xml_first_element(const xmlNode *parent);
xmlNode *vnet_xml_next_element(const xmlNode *node);
/* First child element called @name, or NULL. */
xmlNode *vnet_xml_child(const xmlNode *parent, const char *name);
guint vnet_xml_count_children(const xmlNode *parent, const char *name);
/* Trimmed text content, or NULL when empty. */
char *vnet_xml_content(const xmlNode *node);

#define vnet_xml_foreach_element(child, parent)                                                    \
    for (xmlNode *child = vnet_xml_first_element(parent); child;                                   \
         child = vnet_xml_next_element(child))

/* ---- typed attributes --------------------------------------------------
 * Each returns FALSE with @error set when the attribute is present but bad,
 * or absent and @required. When absent and optional, the out-value is left
 * untouched and TRUE is returned; @ret_present (nullable) says which. */

char *vnet_xml_prop(const xmlNode *node, const char *name);
gboolean vnet_xml_prop_string(const xmlNode *node, const char *name, gboolean required,
                              char **ret, GError **error);
gboolean vnet_xml_prop_enum(const xmlNode *node, const char *name, const VnetEnumTable *table,
                            gboolean required, int *ret, GError **error);
gboolean vnet_xml_prop_uint(const xmlNode *node, const char *name, guint64 min, guint64 max,
                            gboolean required, guint64 *ret, gboolean *ret_present,
                            GError **error);
gboolean vnet_xml_prop_tristate(const xmlNode *node, const char *name, VnetTristate *ret,
                                GError **error);
gboolean vnet_xml_prop_switch(const xmlNode *node, const char *name, VnetSwitch *ret,
                              GError **error);
gboolean vnet_xml_prop_mac(const xmlNode *node, const char *name, gboolean required,
                           VnetMac *ret, gboolean *ret_present, GError **error);
/* @family 0 accepts IPv4 or IPv6; an absent address leaves ret->family 0. */
gboolean vnet_xml_prop_inet(const xmlNode *node, const char *name, int family,
                            gboolean required, VnetInetAddr *ret, GError **error);
gboolean vnet_xml_prop_uuid(const xmlNode *node, const char *name, gboolean required,
                            VnetUuid *ret, gboolean *ret_present, GError **error);
/* The text of element @node as a UUID (<uuid>…</uuid>). */
gboolean vnet_xml_content_uuid(const xmlNode *node, VnetUuid *ret, GError **error);

/* ---- writing ----------------------------------------------------------- */

typedef struct _VnetXmlWriter VnetXmlWriter;

VnetXmlWriter *vnet_xml_writer_new(void);
void vnet_xml_writer_free(VnetXmlWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnetXmlWriter, vnet_xml_writer_free)

/* Opens <name; attributes may follow until the first child or end. */
void vnet_xml_writer_start(VnetXmlWriter *writer, const char *name);
/* Adds name='value' (escaped); a NULL value adds nothing. */
void vnet_xml_writer_attr(VnetXmlWriter *writer, const char *name, const char *value);
void vnet_xml_writer_attr_printf(VnetXmlWriter *writer, const char *name, const char *format,
                                 ...) G_GNUC_PRINTF(3, 4);
void vnet_xml_writer_attr_uint(VnetXmlWriter *writer, const char *name, guint64 value);
void vnet_xml_writer_attr_mac(VnetXmlWriter *writer, const char *name, const VnetMac *mac);
void vnet_xml_writer_attr_inet(VnetXmlWriter *writer, const char *name,
                               const VnetInetAddr *addr);
/* Closes the current element: "/>" when it got no children or text. */
void vnet_xml_writer_end(VnetXmlWriter *writer);
/* <name>text</name> on one line; NULL text adds nothing. */
void vnet_xml_writer_text_element(VnetXmlWriter *writer, const char *name, const char *text);
/* Writes a copy of @node (kept verbatim from the input) at the current depth. */
void vnet_xml_writer_node(VnetXmlWriter *writer, const xmlNode *node);
/* Finishes the document and returns its text (ends with a newline). */
char *vnet_xml_writer_finish(VnetXmlWriter *writer);
