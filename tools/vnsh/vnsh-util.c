/* vnsh-util.c: the connection, lookups, and reading the XML the API hands
 * back (vnsh never includes libvnet's internals; where it needs a field the
 * API has no getter for, it reads the document the API returns). */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "vnsh.h"

/* Where vnsh connects when neither -c nor VNET_DEFAULT_URI says: root gets
 * the system's local driver. Others cannot change the host in-process;
 * once the D-Bus service (vnetd) exists, their default belongs here. */
static char *
default_uri(GError **error)
{
    g_autofree char *uri = vnet_connection_get_default_uri();

    /* The library's default is the system's local driver unless vnetd runs;
     * a user other than root could do nothing with the local driver, so
     * say what to do instead of failing on permissions later. */
    if (geteuid() == 0 || !g_str_equal(uri, VNET_BUILTIN_DEFAULT_URI))
        return g_steal_pointer(&uri);
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_URI,
                _("no connection URI: as a user other than root, choose one with "
                  "'-c URI' or %s, e.g. 'vnsh -c local:///?root=DIR' (an embedded "
                  "driver with its folders under DIR) or 'vnsh -c test:///default', "
                  "or start the D-Bus service vnetd (then vnsh uses dbus:///system)"),
                VNET_DEFAULT_URI_ENV);
    return NULL;
}

static VnetConnection *
open_connection(VnshCtl *ctl, GError **error)
{
    g_autofree char *uri = NULL;

    if (ctl->conn)
        return ctl->conn;
    if (ctl->uri)
        uri = g_strdup(ctl->uri);
    else if (!(uri = default_uri(error)))
        return NULL;
    ctl->conn = vnet_connection_open(uri, error);
    return ctl->conn;
}

/**
 * vnsh_connection:
 * @ctl: the shell
 *
 * Returns: (transfer none): the connection, opened on first use from -c,
 *   VNET_DEFAULT_URI or the default; NULL after printing the error.
 */
VnetConnection *
vnsh_connection(VnshCtl *ctl)
{
    g_autoptr(GError) error = NULL;

    if (!open_connection(ctl, &error)) {
        vnsh_report(error);
        return NULL;
    }
    return ctl->conn;
}

/**
 * vnsh_connection_quiet:
 * @ctl: the shell
 *
 * Returns: (transfer none): the connection, or NULL (nothing printed).
 */
VnetConnection *
vnsh_connection_quiet(VnshCtl *ctl)
{
    return open_connection(ctl, NULL);
}

/**
 * vnsh_ctl_clear:
 * @ctl: the shell
 *
 * Closes the connection and frees the URI.
 */
void
vnsh_ctl_clear(VnshCtl *ctl)
{
    g_clear_pointer(&ctl->conn, vnet_connection_close);
    g_clear_pointer(&ctl->uri, g_free);
}

/**
 * vnsh_lookup_domain:
 * @ctl: the shell (connected)
 * @name: a domain name or UUID
 *
 * Returns: (transfer full): the domain, or NULL after printing the error.
 */
VnetDomain *
vnsh_lookup_domain(VnshCtl *ctl, const char *name)
{
    g_autoptr(GError) error = NULL;
    VnetDomain *domain = vnet_domain_lookup_by_name(ctl->conn, name, &error);

    if (!domain && g_uuid_string_is_valid(name)) {
        g_clear_error(&error);
        domain = vnet_domain_lookup_by_uuid(ctl->conn, name, &error);
    }
    if (!domain)
        vnsh_report(error);
    return domain;
}

/**
 * vnsh_lookup_network:
 * @ctl: the shell (connected)
 * @name: a network name or UUID
 *
 * Returns: (transfer full): the network, or NULL after printing the error.
 */
VnetNetwork *
vnsh_lookup_network(VnshCtl *ctl, const char *name)
{
    g_autoptr(GError) error = NULL;
    VnetNetwork *network = vnet_network_lookup_by_name(ctl->conn, name, &error);

    if (!network && g_uuid_string_is_valid(name)) {
        g_clear_error(&error);
        network = vnet_network_lookup_by_uuid(ctl->conn, name, &error);
    }
    if (!network)
        vnsh_report(error);
    return network;
}

/**
 * vnsh_read_file:
 * @path: a file
 *
 * Returns: (transfer full): its contents, or NULL after printing the error.
 */
char *
vnsh_read_file(const char *path)
{
    g_autoptr(GError) error = NULL;
    char *text = NULL;

    if (!g_file_get_contents(path, &text, NULL, &error)) {
        vnsh_error("%s", error->message);
        return NULL;
    }
    return text;
}

/**
 * vnsh_affect_flags:
 * @args: parsed arguments with --live and --config options
 *
 * Returns: VNET_DOMAIN_AFFECT_* (equal to VNET_NETWORK_AFFECT_*).
 */
guint
vnsh_affect_flags(const VnshArgs *args)
{
    guint flags = VNET_DOMAIN_AFFECT_CURRENT;

    G_STATIC_ASSERT((int)VNET_DOMAIN_AFFECT_LIVE == (int)VNET_NETWORK_AFFECT_LIVE);
    G_STATIC_ASSERT((int)VNET_DOMAIN_AFFECT_CONFIG == (int)VNET_NETWORK_AFFECT_CONFIG);
    if (vnsh_args_has(args, "live"))
        flags |= VNET_DOMAIN_AFFECT_LIVE;
    if (vnsh_args_has(args, "config"))
        flags |= VNET_DOMAIN_AFFECT_CONFIG;
    return flags;
}

/* ---- XML ------------------------------------------------------------------ */

/**
 * vnsh_xml_parse:
 * @xml: a document
 * @name: (nullable): how to name it in messages
 * @error: return location for an error
 *
 * Returns: (transfer full): the parsed document (no network access, no
 *   entity expansion), or NULL with @error.
 */
xmlDoc *
vnsh_xml_parse(const char *xml, const char *name, GError **error)
{
    xmlDoc *doc = xmlReadMemory(xml, strlen(xml), name, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    if (!doc || !xmlDocGetRootElement(doc)) {
        const xmlError *last = xmlGetLastError();

        if (last && last->message)
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML, "%s:%d: %s",
                        name ? name : "XML", last->line, g_strstrip(g_strdup(last->message)));
        else
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_XML, _("%s: not well-formed XML"),
                        name ? name : "XML");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/**
 * vnsh_xml_get:
 * @doc: a document
 * @xpath: an XPath expression
 *
 * Returns: (transfer full) (nullable): string(@xpath), NULL when empty.
 */
char *
vnsh_xml_get(xmlDoc *doc, const char *xpath)
{
    g_autofree char *expr = g_strdup_printf("string(%s)", xpath);
    xmlXPathContext *ctx = xmlXPathNewContext(doc);
    xmlXPathObject *obj = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    char *value = NULL;

    if (obj && obj->type == XPATH_STRING && obj->stringval && *obj->stringval)
        value = g_strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return value;
}

/**
 * vnsh_xml_to_string:
 * @doc: a document
 *
 * Returns: (transfer full): the document as text.
 */
char *
vnsh_xml_to_string(xmlDoc *doc)
{
    xmlChar *mem = NULL;
    int len = 0;
    char *text;

    xmlDocDumpFormatMemory(doc, &mem, &len, 1);
    text = g_strndup((const char *)mem, len);
    xmlFree(mem);
    return text;
}

/**
 * vnsh_xml_free:
 * @doc: (nullable): a document
 */
void
vnsh_xml_free(xmlDoc *doc)
{
    xmlFreeDoc(doc);
}

/* ---- VirtualBox's port-forward rule ------------------------------------------ */

static gboolean
rule_error(const char *rule, GError **error, const char *format, ...) G_GNUC_PRINTF(3, 4);

static gboolean
rule_error(const char *rule, GError **error, const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                _("port-forward rule '%s': %s; expected "
                  "name:proto:[hostip]:hostport:[guestip]:guestport"),
                rule, text);
    return FALSE;
}

static gboolean
rule_port(const char *rule, const char *what, const char *text, guint *ret, GError **error)
{
    guint64 port = 0;

    if (!*text)
        return rule_error(rule, error, _("the %s is missing"), what);
    if (!g_ascii_isdigit(text[0]) ||
        !g_ascii_string_to_unsigned(text, 10, 1, 65535, &port, NULL))
        return rule_error(rule, error, _("%s '%s' is not a number from 1 to 65535"), what, text);
    *ret = (guint)port;
    return TRUE;
}

/* "[address]" at *p, followed by ':'; the address may be empty. */
static gboolean
rule_address(const char *rule, const char **p, const char *what, int family, char **ret,
             GError **error)
{
    const char *close;
    g_autofree char *text = NULL;
    g_autoptr(GInetAddress) address = NULL;

    if (**p != '[')
        return rule_error(rule, error, _("the %s must be written in brackets, e.g. [] or [%s]"),
                          what, family == 6 ? "fd00::5" : "10.0.2.15");
    close = strchr(*p, ']');
    if (!close || close[1] != ':')
        return rule_error(rule, error, _("the %s has no closing ']' followed by ':'"), what);
    text = g_strndup(*p + 1, close - *p - 1);
    *p = close + 2;
    if (*text) {
        address = g_inet_address_new_from_string(text);
        if (!address || g_inet_address_get_family(address) !=
                            (family == 6 ? G_SOCKET_FAMILY_IPV6 : G_SOCKET_FAMILY_IPV4))
            return rule_error(rule, error, _("%s '%s' is not an %s address"), what, text,
                              family == 6 ? "IPv6" : "IPv4");
    }
    *ret = g_steal_pointer(&text);
    return TRUE;
}

/**
 * vnsh_port_forward_rule_to_xml:
 * @rule: "name:proto:[hostip]:hostport:[guestip]:guestport"
 * @family: 4 (--port-forward-4) or 6 (--port-forward-6)
 * @error: return location for an error (VNET_ERROR_INVALID_ARG)
 *
 * Converts VirtualBox's rule string into the <portForward/> element that
 * vnet_network_add_port_forward() takes. Either address may be empty.
 *
 * Returns: (transfer full): the element, or NULL with @error naming the field.
 */
char *
vnsh_port_forward_rule_to_xml(const char *rule, int family, GError **error)
{
    const char *p = rule;
    const char *colon;
    g_autofree char *name = NULL, *proto = NULL, *host = NULL, *guest = NULL;
    g_autofree char *host_port_text = NULL, *escaped = NULL;
    g_autoptr(GString) xml = NULL;
    guint host_port = 0, guest_port = 0;

    colon = strchr(p, ':');
    if (colon == p || !*rule) {
        rule_error(rule, error, "%s", _("the rule has no name"));
        return NULL;
    }
    if (!colon) {
        rule_error(rule, error, "%s", _("the protocol is missing"));
        return NULL;
    }
    name = g_strndup(p, colon - p);
    if (strchr(name, ',') || !g_utf8_validate(name, -1, NULL) || g_utf8_strlen(name, -1) > 64) {
        rule_error(rule, error, "%s",
                   _("the name must be 1-64 characters of UTF-8 without ','"));
        return NULL;
    }
    p = colon + 1;
    colon = strchr(p, ':');
    if (!colon) {
        rule_error(rule, error, "%s", _("the host address is missing"));
        return NULL;
    }
    proto = g_ascii_strdown(p, colon - p);
    if (!g_str_equal(proto, "tcp") && !g_str_equal(proto, "udp")) {
        rule_error(rule, error, _("protocol '%.*s' is not tcp or udp"), (int)(colon - p), p);
        return NULL;
    }
    p = colon + 1;
    if (!rule_address(rule, &p, _("host address"), family, &host, error))
        return NULL;
    colon = strchr(p, ':');
    host_port_text = colon ? g_strndup(p, colon - p) : g_strdup(p);
    if (!rule_port(rule, _("host port"), host_port_text, &host_port, error))
        return NULL;
    if (!colon) {
        rule_error(rule, error, "%s", _("the guest address is missing"));
        return NULL;
    }
    p = colon + 1;
    if (!rule_address(rule, &p, _("guest address"), family, &guest, error))
        return NULL;
    if (!rule_port(rule, _("guest port"), p, &guest_port, error))
        return NULL;

    xml = g_string_new(NULL);
    escaped = g_markup_escape_text(name, -1);
    g_string_append_printf(xml, "<portForward name='%s' protocol='%s'", escaped, proto);
    if (*host)
        g_string_append_printf(xml, " hostAddress='%s'", host);
    g_string_append_printf(xml, " hostPort='%u'", host_port);
    if (*guest)
        g_string_append_printf(xml, " guestAddress='%s'", guest);
    g_string_append_printf(xml, " guestPort='%u'/>", guest_port);
    return g_string_free(g_steal_pointer(&xml), FALSE);
}
