/* vnet-xml.c: hardened libxml2 parsing, attribute helpers and a writer. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "util/vnet-i18n.h"
#include "util/vnet-xml.h"

/* ---- parsing ------------------------------------------------------------ */

typedef struct {
    const char *name;
    guint depth;
    char *refusal; /* why we stopped the parser ourselves */
    int refusal_line;
    startElementNsSAX2Func start_element;
    endElementNsSAX2Func end_element;
} ParseState;

static void
refuse(xmlParserCtxt *ctxt, const char *why)
{
    ParseState *state = ctxt->_private;

    if (!state->refusal) {
        state->refusal = g_strdup(why);
        state->refusal_line = xmlSAX2GetLineNumber(ctxt);
    }
    xmlStopParser(ctxt);
}

static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                   const xmlChar *system_id)
{
    refuse(ctx, _("DOCTYPE declarations (and so DTDs and entities) are not allowed"));
}

static void
on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                 int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                 int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxt *ctxt = ctx;
    ParseState *state = ctxt->_private;

    if (++state->depth > VNET_XML_MAX_DEPTH) {
        g_autofree char *why = g_strdup_printf(
            _("elements are nested more than %d deep"), VNET_XML_MAX_DEPTH);
        refuse(ctxt, why);
        return;
    }
    state->start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                         nb_defaulted, attributes);
}

static void
on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    xmlParserCtxt *ctxt = ctx;
    ParseState *state = ctxt->_private;

    state->depth--;
    state->end_element(ctx, localname, prefix, uri);
}

static guint
line_of_offset(const char *buf, gsize offset)
{
    guint line = 1;

    for (gsize i = 0; i < offset; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

static xmlDoc *
parse_buffer(const char *buf, gsize len, const char *name, GError **error)
{
    const char *end = NULL;
    ParseState state = {.name = name};
    xmlParserCtxt *ctxt;
    xmlDoc *doc;
    int options = XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                  XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

    vnet_i18n_init();
    if (len > VNET_XML_MAX_SIZE) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML,
                    _("%s: document is %" G_GSIZE_FORMAT " bytes; at most %d are allowed"), name,
                    len, VNET_XML_MAX_SIZE);
        return NULL;
    }
    if (!g_utf8_validate_len(buf, len, &end)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML,
                    _("%s:%u: byte 0x%02x at offset %" G_GSIZE_FORMAT
                      " is not valid UTF-8 (documents must be UTF-8 text without NUL bytes)"),
                    name, line_of_offset(buf, end - buf), (guint8)*end, (gsize)(end - buf));
        return NULL;
    }

    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INTERNAL, _("%s: out of memory"), name);
        return NULL;
    }
    ctxt->_private = &state;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->externalSubset = on_internal_subset;
    ctxt->sax->entityDecl = NULL;
    state.start_element = ctxt->sax->startElementNs;
    state.end_element = ctxt->sax->endElementNs;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->sax->endElementNs = on_end_element;

    doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8", options);

    /* libxml2 stores the name URI-escaped ("domain%20XML"); messages
     * must show it as the caller gave it. */
    if (doc) {
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup(BAD_CAST name);
    }
    if (state.refusal) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML, "%s:%d: %s", name,
                    state.refusal_line, state.refusal);
        g_clear_pointer(&doc, xmlFreeDoc);
    } else if (!doc || !ctxt->wellFormed) {
        const xmlError *last = xmlCtxtGetLastError(ctxt);
        g_autofree char *msg = g_strdup(last && last->message ? last->message : "unknown error");

        g_strchomp(msg);
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML, _("%s:%d: malformed XML: %s"), name,
                    last ? last->line : 0, msg);
        g_clear_pointer(&doc, xmlFreeDoc);
    } else if (!xmlDocGetRootElement(doc)) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML, _("%s: document has no element"),
                    name);
        g_clear_pointer(&doc, xmlFreeDoc);
    }
    g_free(state.refusal);
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
}

xmlDoc *
vnet_xml_parse_string(const char *xml, gssize len, const char *name, GError **error)
{
    g_return_val_if_fail(xml != NULL, NULL);

    return parse_buffer(xml, len < 0 ? strlen(xml) : (gsize)len, name ? name : "(string)", error);
}

xmlDoc *
vnet_xml_parse_file(const char *path, GError **error)
{
    int fd;
    struct stat st;
    g_autofree char *buf = NULL;
    gsize len = 0;

    g_return_val_if_fail(path != NULL, NULL);
    vnet_i18n_init();

    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("%s: cannot open: %s"), path,
                    g_strerror(e));
        return NULL;
    }
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > VNET_XML_MAX_SIZE) {
        close(fd);
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML,
                    _("%s: document is %lld bytes; at most %d are allowed"), path,
                    (long long)st.st_size, VNET_XML_MAX_SIZE);
        return NULL;
    }
    /* Read at most one byte past the limit, so a pipe or a growing file
     * cannot make us hold more than that. */
    buf = g_malloc(VNET_XML_MAX_SIZE + 2);
    while (len <= VNET_XML_MAX_SIZE) {
        ssize_t n = read(fd, buf + len, VNET_XML_MAX_SIZE + 1 - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("%s: cannot read: %s"), path,
                        g_strerror(e));
            return NULL;
        }
        if (n == 0)
            break;
        len += n;
    }
    close(fd);
    if (len > VNET_XML_MAX_SIZE) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML,
                    _("%s: document is larger than %d bytes"), path, VNET_XML_MAX_SIZE);
        return NULL;
    }
    buf[len] = '\0';
    return parse_buffer(buf, len, path, error);
}

const char *
vnet_xml_node_file(const xmlNode *node)
{
    if (node && node->doc && node->doc->URL)
        return (const char *)node->doc->URL;
    return "(string)";
}

guint
vnet_xml_node_line(const xmlNode *node)
{
    long line = node ? xmlGetLineNo((xmlNode *)node) : 0;

    return line > 0 ? (guint)line : 0;
}

/* ---- errors ------------------------------------------------------------- */

static void
error_valist(GError **error, gint code, const char *file, guint line, const char *format,
             va_list args) G_GNUC_PRINTF(5, 0);

static void
error_valist(GError **error, gint code, const char *file, guint line, const char *format,
             va_list args)
{
    g_autofree char *text = g_strdup_vprintf(format, args);

    if (line)
        g_set_error(error, VNET_ERROR, code, "%s:%u: %s", file, line, text);
    else
        g_set_error(error, VNET_ERROR, code, "%s: %s", file, text);
}

void
vnet_xml_error(GError **error, gint code, const xmlNode *node, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    error_valist(error, code, vnet_xml_node_file(node), vnet_xml_node_line(node), format, args);
    va_end(args);
}

void
vnet_xml_error_at(GError **error, gint code, const char *file, guint line, const char *format,
                  ...)
{
    va_list args;

    va_start(args, format);
    error_valist(error, code, file ? file : "(string)", line, format, args);
    va_end(args);
}

void
vnet_xml_error_missing_attr(GError **error, const xmlNode *node, const char *name)
{
    vnet_i18n_init();
    vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node, _("element <%s> needs attribute '%s'"),
                   (const char *)node->name, name);
}

void
vnet_xml_error_missing_child(GError **error, const xmlNode *node, const char *name)
{
    vnet_i18n_init();
    vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                   _("element <%s> needs a child element <%s>"), (const char *)node->name, name);
}

void
vnet_xml_error_bad_attr(GError **error, const xmlNode *node, const char *name, const char *value,
                        const char *expected)
{
    vnet_i18n_init();
    vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                   _("element <%s>, attribute '%s': invalid value '%s'; expected %s"),
                   (const char *)node->name, name, value, expected);
}

void
vnet_xml_error_unsupported(GError **error, const xmlNode *node, const char *feature)
{
    vnet_i18n_init();
    vnet_xml_error(error, VNET_ERROR_CONFIG_UNSUPPORTED, node,
                   _("element <%s>: %s is not supported by vnet"), (const char *)node->name,
                   feature);
}

/* ---- walking ------------------------------------------------------------ */

gboolean
vnet_xml_is_element(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name);
}

static xmlNode *
element_from(xmlNode *node)
{
    while (node && node->type != XML_ELEMENT_NODE)
        node = node->next;
    return node;
}

xmlNode *
vnet_xml_first_element(const xmlNode *parent)
{
    return parent ? element_from(parent->children) : NULL;
}

xmlNode *
vnet_xml_next_element(const xmlNode *node)
{
    return node ? element_from(node->next) : NULL;
}

xmlNode *
vnet_xml_child(const xmlNode *parent, const char *name)
{
    vnet_xml_foreach_element(child, parent) {
        if (vnet_xml_is_element(child, name))
            return child;
    }
    return NULL;
}

guint
vnet_xml_count_children(const xmlNode *parent, const char *name)
{
    guint n = 0;

    vnet_xml_foreach_element(child, parent) {
        if (vnet_xml_is_element(child, name))
            n++;
    }
    return n;
}

char *
vnet_xml_content(const xmlNode *node)
{
    xmlChar *raw = xmlNodeGetContent(node);
    char *text;

    if (!raw)
        return NULL;
    text = g_strstrip(g_strdup((const char *)raw));
    xmlFree(raw);
    if (!*text) {
        g_free(text);
        return NULL;
    }
    return text;
}

/* ---- typed attributes ---------------------------------------------------- */

char *
vnet_xml_prop(const xmlNode *node, const char *name)
{
    xmlChar *raw = xmlGetNoNsProp(node, BAD_CAST name);
    char *value;

    if (!raw)
        return NULL;
    value = g_strdup((const char *)raw);
    xmlFree(raw);
    return value;
}

/* Fetches the attribute; FALSE with error if required and missing. */
static gboolean
fetch(const xmlNode *node, const char *name, gboolean required, char **ret, GError **error)
{
    *ret = vnet_xml_prop(node, name);
    if (!*ret && required) {
        vnet_xml_error_missing_attr(error, node, name);
        return FALSE;
    }
    return TRUE;
}

static void
set_present(gboolean *ret_present, gboolean value)
{
    if (ret_present)
        *ret_present = value;
}

gboolean
vnet_xml_prop_string(const xmlNode *node, const char *name, gboolean required, char **ret,
                     GError **error)
{
    g_autofree char *value = NULL;

    if (!fetch(node, name, required, &value, error))
        return FALSE;
    if (value) {
        g_free(*ret);
        *ret = g_steal_pointer(&value);
    }
    return TRUE;
}

gboolean
vnet_xml_prop_enum(const xmlNode *node, const char *name, const VnetEnumTable *table,
                   gboolean required, int *ret, GError **error)
{
    g_autofree char *value = NULL;
    int parsed;

    if (!fetch(node, name, required, &value, error))
        return FALSE;
    if (!value)
        return TRUE;
    parsed = vnet_enum_from_string(table, value);
    if (parsed < 0) {
        g_autofree char *allowed = vnet_enum_list_values(table);
        const char *suggestion = vnet_enum_suggest(table, value);
        g_autofree char *expected = NULL;

        vnet_i18n_init();
        if (suggestion)
            expected = g_strdup_printf(_("one of: %s (did you mean '%s'?)"), allowed, suggestion);
        else
            expected = g_strdup_printf(_("one of: %s"), allowed);
        vnet_xml_error_bad_attr(error, node, name, value, expected);
        return FALSE;
    }
    *ret = parsed;
    return TRUE;
}

gboolean
vnet_xml_prop_uint(const xmlNode *node, const char *name, guint64 min, guint64 max,
                   gboolean required, guint64 *ret, gboolean *ret_present, GError **error)
{
    g_autofree char *value = NULL;
    guint64 parsed;

    set_present(ret_present, FALSE);
    if (!fetch(node, name, required, &value, error))
        return FALSE;
    if (!value)
        return TRUE;
    if (!g_ascii_isdigit(value[0]) ||
        !g_ascii_string_to_unsigned(value, 10, min, max, &parsed, NULL)) {
        g_autofree char *expected = NULL;

        vnet_i18n_init();
        expected = g_strdup_printf(_("a whole number from %" G_GUINT64_FORMAT
                                     " to %" G_GUINT64_FORMAT),
                                   min, max);
        vnet_xml_error_bad_attr(error, node, name, value, expected);
        return FALSE;
    }
    *ret = parsed;
    set_present(ret_present, TRUE);
    return TRUE;
}

gboolean
vnet_xml_prop_tristate(const xmlNode *node, const char *name, VnetTristate *ret, GError **error)
{
    int value = VNET_TRISTATE_ABSENT;

    if (!vnet_xml_prop_enum(node, name, &vnet_tristate_table, FALSE, &value, error))
        return FALSE;
    *ret = value;
    return TRUE;
}

gboolean
vnet_xml_prop_switch(const xmlNode *node, const char *name, VnetSwitch *ret, GError **error)
{
    int value = VNET_SWITCH_ABSENT;

    if (!vnet_xml_prop_enum(node, name, &vnet_switch_table, FALSE, &value, error))
        return FALSE;
    *ret = value;
    return TRUE;
}

/* The MAC and UUID helpers differ only in the parser and the example in
 * their message; one body keeps their absent/present/invalid handling and
 * wording the same.  @expected is marked with N_() by the caller and
 * translated here, after the text domain is bound. */
typedef int (*TextParser)(const char *text, void *ret);

static gboolean
prop_parsed(const xmlNode *node, const char *name, gboolean required, TextParser parse,
            void *ret, const char *expected, gboolean *ret_present, GError **error)
{
    g_autofree char *value = NULL;

    set_present(ret_present, FALSE);
    if (!fetch(node, name, required, &value, error))
        return FALSE;
    if (!value)
        return TRUE;
    if (parse(value, ret) < 0) {
        vnet_i18n_init();
        vnet_xml_error_bad_attr(error, node, name, value, _(expected));
        return FALSE;
    }
    set_present(ret_present, TRUE);
    return TRUE;
}

static int
parse_mac(const char *text, void *ret)
{
    return vnet_mac_parse(text, ret);
}

static int
parse_uuid(const char *text, void *ret)
{
    return vnet_uuid_parse(text, ret);
}

gboolean
vnet_xml_prop_mac(const xmlNode *node, const char *name, gboolean required, VnetMac *ret,
                  gboolean *ret_present, GError **error)
{
    return prop_parsed(node, name, required, parse_mac, ret,
                       N_("a MAC address such as 52:54:00:12:34:56"), ret_present, error);
}

gboolean
vnet_xml_prop_inet(const xmlNode *node, const char *name, int family, gboolean required,
                   VnetInetAddr *ret, GError **error)
{
    g_autofree char *value = NULL;
    int r;

    if (!fetch(node, name, required, &value, error))
        return FALSE;
    if (!value)
        return TRUE;
    r = vnet_inet_parse(value, family, ret);
    if (r < 0) {
        vnet_i18n_init();
        vnet_xml_error_bad_attr(error, node, name, value,
                                family == AF_INET    ? _("an IPv4 address")
                                : family == AF_INET6 ? _("an IPv6 address")
                                                     : _("an IPv4 or IPv6 address"));
        return FALSE;
    }
    return TRUE;
}

gboolean
vnet_xml_prop_uuid(const xmlNode *node, const char *name, gboolean required, VnetUuid *ret,
                   gboolean *ret_present, GError **error)
{
    return prop_parsed(node, name, required, parse_uuid, ret,
                       N_("a UUID such as 4dea22b3-1d52-d8f3-2516-782e98ab3fa0"), ret_present,
                       error);
}

gboolean
vnet_xml_content_uuid(const xmlNode *node, VnetUuid *ret, GError **error)
{
    g_autofree char *text = vnet_xml_content(node);

    if (!text || vnet_uuid_parse(text, ret) < 0) {
        vnet_i18n_init();
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <%s>: invalid UUID '%s'; expected a UUID such as "
                         "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"),
                       (const char *)node->name, text ? text : "");
        return FALSE;
    }
    return TRUE;
}

/* ---- writing ------------------------------------------------------------- */

struct _VnetXmlWriter {
    GString *out;
    GPtrArray *open;      /* names of the open elements */
    gboolean tag_pending; /* "<name attrs" written, ">" not yet */
};

VnetXmlWriter *
vnet_xml_writer_new(void)
{
    VnetXmlWriter *writer = g_new0(VnetXmlWriter, 1);

    writer->out = g_string_new(NULL);
    writer->open = g_ptr_array_new_with_free_func(g_free);
    return writer;
}

void
vnet_xml_writer_free(VnetXmlWriter *writer)
{
    if (!writer)
        return;
    g_string_free(writer->out, TRUE);
    g_ptr_array_unref(writer->open);
    g_free(writer);
}

static void
indent(VnetXmlWriter *writer)
{
    for (guint i = 0; i < writer->open->len; i++)
        g_string_append(writer->out, "  ");
}

static void
close_pending(VnetXmlWriter *writer)
{
    if (writer->tag_pending) {
        g_string_append(writer->out, ">\n");
        writer->tag_pending = FALSE;
    }
}

static void
append_escaped(GString *out, const char *text, gboolean attribute)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '\'':
            g_string_append(out, attribute ? "&apos;" : "'");
            break;
        case '"':
            g_string_append(out, attribute ? "&quot;" : "\"");
            break;
        case '\n':
            g_string_append(out, attribute ? "&#10;" : "\n");
            break;
        case '\t':
            g_string_append(out, attribute ? "&#9;" : "\t");
            break;
        case '\r':
            g_string_append(out, "&#13;");
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}

void
vnet_xml_writer_start(VnetXmlWriter *writer, const char *name)
{
    close_pending(writer);
    indent(writer);
    g_string_append_printf(writer->out, "<%s", name);
    g_ptr_array_add(writer->open, g_strdup(name));
    writer->tag_pending = TRUE;
}

void
vnet_xml_writer_attr(VnetXmlWriter *writer, const char *name, const char *value)
{
    g_return_if_fail(writer->tag_pending);

    if (!value)
        return;
    g_string_append_printf(writer->out, " %s='", name);
    append_escaped(writer->out, value, TRUE);
    g_string_append_c(writer->out, '\'');
}

void
vnet_xml_writer_attr_printf(VnetXmlWriter *writer, const char *name, const char *format, ...)
{
    va_list args;
    g_autofree char *value = NULL;

    va_start(args, format);
    value = g_strdup_vprintf(format, args);
    va_end(args);
    vnet_xml_writer_attr(writer, name, value);
}

void
vnet_xml_writer_attr_uint(VnetXmlWriter *writer, const char *name, guint64 value)
{
    vnet_xml_writer_attr_printf(writer, name, "%" G_GUINT64_FORMAT, value);
}

void
vnet_xml_writer_attr_mac(VnetXmlWriter *writer, const char *name, const VnetMac *mac)
{
    char buf[VNET_MAC_STRLEN];

    vnet_mac_format(mac, buf);
    vnet_xml_writer_attr(writer, name, buf);
}

void
vnet_xml_writer_attr_inet(VnetXmlWriter *writer, const char *name, const VnetInetAddr *addr)
{
    char buf[VNET_INET_STRLEN];

    if (!vnet_inet_is_set(addr))
        return;
    vnet_inet_format(addr, buf);
    vnet_xml_writer_attr(writer, name, buf);
}

void
vnet_xml_writer_end(VnetXmlWriter *writer)
{
    g_autofree char *name = NULL;

    g_return_if_fail(writer->open->len > 0);

    name = g_ptr_array_steal_index(writer->open, writer->open->len - 1);
    if (writer->tag_pending) {
        g_string_append(writer->out, "/>\n");
        writer->tag_pending = FALSE;
        return;
    }
    indent(writer);
    g_string_append_printf(writer->out, "</%s>\n", name);
}

void
vnet_xml_writer_text_element(VnetXmlWriter *writer, const char *name, const char *text)
{
    if (!text)
        return;
    close_pending(writer);
    indent(writer);
    g_string_append_printf(writer->out, "<%s>", name);
    append_escaped(writer->out, text, FALSE);
    g_string_append_printf(writer->out, "</%s>\n", name);
}

static gboolean
only_text_children(const xmlNode *node)
{
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
            return FALSE;
    return TRUE;
}

static char *
qualified_name(const xmlNode *node)
{
    if (node->ns && node->ns->prefix)
        return g_strdup_printf("%s:%s", node->ns->prefix, node->name);
    return g_strdup((const char *)node->name);
}

void
vnet_xml_writer_node(VnetXmlWriter *writer, const xmlNode *node)
{
    g_autofree char *name = NULL;

    switch (node->type) {
    case XML_COMMENT_NODE:
        close_pending(writer);
        indent(writer);
        g_string_append_printf(writer->out, "<!--%s-->\n", (const char *)node->content);
        return;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: {
        g_autofree char *text = g_strstrip(g_strdup((const char *)node->content));
        if (*text) {
            close_pending(writer);
            indent(writer);
            append_escaped(writer->out, text, FALSE);
            g_string_append_c(writer->out, '\n');
        }
        return;
    }
    case XML_ELEMENT_NODE:
        break;
    default:
        return;
    }

    /* Same quoting and indentation as vnet's own elements, so a preserved
     * subtree reads like the rest and formats byte-stably. */
    name = qualified_name(node);
    vnet_xml_writer_start(writer, name);
    for (const xmlNs *ns = node->nsDef; ns; ns = ns->next) {
        g_autofree char *attr =
            ns->prefix ? g_strdup_printf("xmlns:%s", ns->prefix) : g_strdup("xmlns");
        vnet_xml_writer_attr(writer, attr, (const char *)ns->href);
    }
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
        g_autofree char *attr = a->ns && a->ns->prefix
                                    ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                    : g_strdup((const char *)a->name);
        vnet_xml_writer_attr(writer, attr, value ? (const char *)value : "");
        xmlFree(value);
    }
    if (node->children && only_text_children(node)) {
        xmlChar *text = xmlNodeGetContent(node);

        g_string_append_c(writer->out, '>');
        writer->tag_pending = FALSE;
        append_escaped(writer->out, (const char *)text, FALSE);
        g_string_append_printf(writer->out, "</%s>\n", name);
        g_free(g_ptr_array_steal_index(writer->open, writer->open->len - 1));
        xmlFree(text);
        return;
    }
    for (const xmlNode *c = node->children; c; c = c->next)
        vnet_xml_writer_node(writer, c);
    vnet_xml_writer_end(writer);
}

char *
vnet_xml_writer_finish(VnetXmlWriter *writer)
{
    g_return_val_if_fail(writer->open->len == 0, NULL);

    return g_strdup(writer->out->str);
}
