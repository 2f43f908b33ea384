/* vnsh-object.c: the commands virsh has for domains and networks alike
 * (define, undefine, start, destroy, dumpxml, edit, autostart). They differ
 * only in the C API functions they call and in the words of their
 * messages, so they are written once here and vnsh-domain.c and
 * vnsh-network.c keep what is their own. */
#include <config.h>

#include <stdio.h>

#include <glib/gi18n.h>

#include "vnsh.h"

/* The domain or the network a command is on: exactly one is set. */
typedef struct {
    VnetDomain *domain;
    VnetNetwork *network;
} Object;

static void
object_clear(Object *obj)
{
    g_clear_pointer(&obj->domain, vnet_domain_unref);
    g_clear_pointer(&obj->network, vnet_network_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Object, object_clear)

/* Looks up the object the "domain" or "network" option names (by name or
 * UUID); FALSE after printing the error. */
static gboolean
object_lookup(VnshCtl *ctl, const VnshArgs *args, VnetObjectKind kind, Object *obj)
{
    if (kind == VNET_OBJECT_DOMAIN)
        obj->domain = vnsh_lookup_domain(ctl, vnsh_args_get(args, "domain"));
    else
        obj->network = vnsh_lookup_network(ctl, vnsh_args_get(args, "network"));
    return obj->domain || obj->network;
}

static const char *
object_name(const Object *obj)
{
    return obj->domain ? vnet_domain_get_name(obj->domain) : vnet_network_get_name(obj->network);
}

static char *
object_xml(const Object *obj, gboolean inactive, GError **error)
{
    if (obj->domain)
        return vnet_domain_get_xml(obj->domain, inactive ? VNET_DOMAIN_XML_INACTIVE : 0, error);
    return vnet_network_get_xml(obj->network, inactive ? VNET_NETWORK_XML_INACTIVE : 0, error);
}

static int
define_from_file(VnshCtl *ctl, const VnshArgs *args, VnetObjectKind kind)
{
    const char *file = vnsh_args_get(args, "file");
    g_autofree char *xml = vnsh_read_file(file);
    g_autoptr(GError) error = NULL;
    g_auto(Object) obj = {NULL, NULL};

    if (!xml)
        return VNSH_EXIT_FAILED;
    if (kind == VNET_OBJECT_DOMAIN)
        obj.domain = vnet_domain_define_xml(ctl->conn, xml, &error);
    else
        obj.network = vnet_network_define_xml(ctl->conn, xml, &error);
    if (!obj.domain && !obj.network)
        return vnsh_report(error);
    printf(obj.domain ? _("Domain '%s' defined from %s\n") : _("Network '%s' defined from %s\n"),
           object_name(&obj), file);
    return VNSH_EXIT_OK;
}

/* The editor loop's way of defining what the user wrote. */
static gboolean
define_edited_domain(VnshCtl *ctl, const char *xml, GError **error)
{
    g_autoptr(VnetDomain) domain = vnet_domain_define_xml(ctl->conn, xml, error);

    if (domain)
        printf(_("Domain '%s' XML configuration edited.\n"), vnet_domain_get_name(domain));
    return domain != NULL;
}

static gboolean
define_edited_network(VnshCtl *ctl, const char *xml, GError **error)
{
    g_autoptr(VnetNetwork) network = vnet_network_define_xml(ctl->conn, xml, error);

    if (network)
        printf(_("Network '%s' XML configuration edited.\n"), vnet_network_get_name(network));
    return network != NULL;
}

static int
edit(VnshCtl *ctl, const Object *obj)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = object_xml(obj, TRUE, &error);

    if (!xml)
        return vnsh_report(error);
    if (obj->domain)
        return vnsh_edit_loop(ctl, _("Domain"), object_name(obj), xml, define_edited_domain);
    return vnsh_edit_loop(ctl, _("Network"), object_name(obj), xml, define_edited_network);
}

static int
dumpxml(const VnshArgs *args, const Object *obj)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = object_xml(obj, vnsh_args_has(args, "inactive"), &error);

    if (!xml)
        return vnsh_report(error);
    fputs(xml, stdout);
    return VNSH_EXIT_OK;
}

static int
autostart(const VnshArgs *args, const Object *obj)
{
    g_autoptr(GError) error = NULL;
    gboolean enable = !vnsh_args_has(args, "disable");

    if (obj->domain ? !vnet_domain_set_autostart(obj->domain, enable, &error)
                    : !vnet_network_set_autostart(obj->network, enable, &error))
        return vnsh_report(error);
    if (obj->domain)
        printf(enable ? _("Domain '%s' marked as autostarted\n")
                      : _("Domain '%s' unmarked as autostarted\n"),
               object_name(obj));
    else
        printf(enable ? _("Network '%s' marked as autostarted\n")
                      : _("Network '%s' unmarked as autostarted\n"),
               object_name(obj));
    return VNSH_EXIT_OK;
}

/* Undefine, start or destroy. */
static int
change_state(VnshObjectCommand command, const Object *obj)
{
    g_autoptr(GError) error = NULL;
    const char *name = object_name(obj);
    gboolean dom = obj->domain != NULL;
    gboolean ok;

    switch (command) {
    case VNSH_OBJECT_UNDEFINE:
        ok = dom ? vnet_domain_undefine(obj->domain, &error)
                 : vnet_network_undefine(obj->network, &error);
        if (ok)
            printf(dom ? _("Domain '%s' has been undefined\n")
                       : _("Network '%s' has been undefined\n"),
                   name);
        break;
    case VNSH_OBJECT_START:
        ok = dom ? vnet_domain_start(obj->domain, &error)
                 : vnet_network_start(obj->network, &error);
        if (ok)
            printf(dom ? _("Domain '%s' started\n") : _("Network '%s' started\n"), name);
        break;
    case VNSH_OBJECT_DESTROY:
        ok = dom ? vnet_domain_destroy(obj->domain, &error)
                 : vnet_network_destroy(obj->network, &error);
        if (ok)
            printf(dom ? _("Domain '%s' destroyed\n") : _("Network '%s' destroyed\n"), name);
        break;
    default:
        g_assert_not_reached();
    }
    return ok ? VNSH_EXIT_OK : vnsh_report(error);
}

/**
 * vnsh_object_run:
 * @ctl: the shell (connected)
 * @args: the command's arguments: "file" for define, else "domain" or
 *   "network" (a name or UUID) and the command's own options
 * @kind: domains or networks
 * @command: what to do
 *
 * Runs one of the commands domains and networks share, printing what it
 * did or the error.
 *
 * Returns: the exit status.
 */
int
vnsh_object_run(VnshCtl *ctl, const VnshArgs *args, VnetObjectKind kind,
                VnshObjectCommand command)
{
    g_auto(Object) obj = {NULL, NULL};

    if (command == VNSH_OBJECT_DEFINE)
        return define_from_file(ctl, args, kind);
    if (!object_lookup(ctl, args, kind, &obj))
        return VNSH_EXIT_FAILED;
    switch (command) {
    case VNSH_OBJECT_DUMPXML:
        return dumpxml(args, &obj);
    case VNSH_OBJECT_EDIT:
        return edit(ctl, &obj);
    case VNSH_OBJECT_AUTOSTART:
        return autostart(args, &obj);
    default:
        return change_state(command, &obj);
    }
}

/**
 * vnsh_list_flags:
 * @args: a listing's arguments, with --all and --inactive
 *
 * Returns: which objects to list: the active ones unless told otherwise.
 */
VnetListFlags
vnsh_list_flags(const VnshArgs *args)
{
    if (vnsh_args_has(args, "all"))
        return VNET_LIST_ALL;
    if (vnsh_args_has(args, "inactive"))
        return VNET_LIST_INACTIVE;
    return VNET_LIST_ACTIVE;
}
