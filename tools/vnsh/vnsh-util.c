/* vnsh-util.c: the connection, lookups, and parsing and writing the XML
 * documents vnsh changes client-side (vnsh never includes libvnet's
 * internals; facts it shows come from the API's getters and summaries). */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "vnsh.h"

/* Where vnsh connects when neither -c nor VNET_DEFAULT_URI says: the
 * library's default (dbus:///system for a user other than root while vnetd
 * runs, else the system's local driver). Others cannot change the host
 * in-process, so without vnetd they are told their choices instead. */
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
