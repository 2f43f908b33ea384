/* vnsh-domain.c: the domain commands, as virsh spells them. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vnsh.h"

#define DOMAIN_ARG(help)                                                                     \
    {"domain", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NAME", help, VNSH_COMPLETE_DOMAIN}

/* The commands networks have too (vnsh-object.c). */
static int
cmd_define(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_DEFINE);
}

static int
cmd_undefine(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_UNDEFINE);
}

static int
cmd_start(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_START);
}

static int
cmd_destroy(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_DESTROY);
}

static int
cmd_dumpxml(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_DUMPXML);
}

static int
cmd_edit(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_EDIT);
}

static int
cmd_autostart(VnshCtl *ctl, const VnshArgs *args)
{
    return vnsh_object_run(ctl, args, VNET_OBJECT_DOMAIN, VNSH_OBJECT_AUTOSTART);
}

static const VnshColumn list_columns[] = {
    {"name", N_("Name")},
    {"uuid", N_("UUID")},
    {"type", N_("Type")},
    {"state", N_("State")},
};

static int
cmd_list(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) domains = vnet_connection_list_domains(ctl->conn, vnsh_list_flags(args),
                                                                &error);
    g_autoptr(VnshTable) table = vnsh_table_new(list_columns, G_N_ELEMENTS(list_columns));

    if (!domains)
        return vnsh_report(error);
    for (guint i = 0; i < domains->len; i++) {
        VnetDomain *domain = domains->pdata[i];
        g_autofree char *type = NULL;
        VnetDomainState state = 0;

        /* a domain undefined meanwhile by someone else is simply left out */
        if (!vnet_domain_get_state(domain, &state, NULL))
            continue;
        type = vnet_domain_get_type_name(domain, NULL);
        vnsh_table_add_row(table);
        vnsh_table_add_string(table, vnet_domain_get_name(domain));
        vnsh_table_add_string(table, vnet_domain_get_uuid(domain));
        vnsh_table_add_string(table, type);
        vnsh_table_add_string(table, vnet_domain_state_to_string(state));
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

/* ---- NICs ------------------------------------------------------------------------- */

static VnetDomainXmlFlags
nic_list_flags(guint affect)
{
    /* --config alone names the NICs of the configuration */
    return affect == VNET_DOMAIN_AFFECT_CONFIG ? VNET_DOMAIN_XML_INACTIVE : 0;
}

/* Finds a NIC by what the user may call it: its MAC address, "nicN"
 * (1-based, as VirtualBox numbers NICs), its name inside the guest (eth0)
 * or its host device. Returns its MAC, or NULL after printing the error. */
static char *
resolve_nic(VnetDomain *domain, const char *spec, VnetDomainXmlFlags flags)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) nics = vnet_domain_list_interfaces(domain, flags, &error);
    guint64 number = 0;
    gboolean by_number = g_str_has_prefix(spec, "nic") &&
                         g_ascii_string_to_unsigned(spec + 3, 10, 1, G_MAXUINT, &number, NULL);

    if (!nics) {
        vnsh_report(error);
        return NULL;
    }
    for (guint i = 0; i < nics->len; i++) {
        const VnetDomainInterface *nic = nics->pdata[i];

        if ((by_number && nic->index + 1 == number) || g_ascii_strcasecmp(nic->mac, spec) == 0 ||
            g_strcmp0(nic->guest_name, spec) == 0 || g_strcmp0(nic->target, spec) == 0)
            return g_strdup(nic->mac);
    }
    vnsh_error(_("domain '%s' has no NIC '%s' (name one by its MAC address, as nicN, or by its "
                 "guest or host device; 'domiflist %s' lists them)"),
               vnet_domain_get_name(domain), spec, vnet_domain_get_name(domain));
    return NULL;
}

static const VnshColumn iflist_columns[] = {
    {"nic", N_("NIC")},       {"type", N_("Type")}, {"source", N_("Source")},
    {"mode", N_("Mode")},     {"model", N_("Model")}, {"mac", N_("MAC")},
    {"link", N_("Link")},     {"device", N_("Device")}, {"guest", N_("Guest")},
};

static int
cmd_domiflist(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetDomain) domain = vnsh_lookup_domain(ctl, vnsh_args_get(args, "domain"));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) nics = NULL;
    g_autoptr(VnshTable) table = vnsh_table_new(iflist_columns, G_N_ELEMENTS(iflist_columns));
    VnetDomainXmlFlags flags = vnsh_args_has(args, "inactive") ? VNET_DOMAIN_XML_INACTIVE : 0;

    if (!domain)
        return VNSH_EXIT_FAILED;
    nics = vnet_domain_list_interfaces(domain, flags, &error);
    if (!nics)
        return vnsh_report(error);
    for (guint i = 0; i < nics->len; i++) {
        const VnetDomainInterface *nic = nics->pdata[i];
        g_autofree char *name = g_strdup_printf("nic%u", nic->index + 1);
        const char *mode = nic->mode;

        /* a direct NIC without <source mode> runs as vepa (libvirt's default,
         * and what vnet gives the kernel): show what the NIC does */
        if (!mode && g_str_equal(nic->type, "direct"))
            mode = "vepa";
        vnsh_table_add_row(table);
        vnsh_table_add_string(table, name);
        vnsh_table_add_string(table, nic->type);
        vnsh_table_add_string(table, nic->source);
        vnsh_table_add_string(table, mode);
        vnsh_table_add_string(table, nic->model);
        vnsh_table_add_string(table, nic->mac);
        vnsh_table_add_string(table, nic->link_up ? "up" : "down");
        vnsh_table_add_string(table, nic->target);
        vnsh_table_add_string(table, nic->guest_name);
    }
    vnsh_table_print(table, vnsh_args_has(args, "json"));
    return VNSH_EXIT_OK;
}

static int
cmd_domif_setlink(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetDomain) domain = vnsh_lookup_domain(ctl, vnsh_args_get(args, "domain"));
    g_autoptr(GError) error = NULL;
    const char *state = vnsh_args_get(args, "state");
    guint affect = vnsh_affect_flags(args);
    g_autofree char *mac = NULL;
    gboolean up;

    if (g_str_equal(state, "up")) {
        up = TRUE;
    } else if (g_str_equal(state, "down")) {
        up = FALSE;
    } else {
        vnsh_error(_("link state '%s' is not 'up' or 'down'"), state);
        return VNSH_EXIT_USAGE;
    }
    if (!domain || !(mac = resolve_nic(domain, vnsh_args_get(args, "interface"),
                                       nic_list_flags(affect))))
        return VNSH_EXIT_FAILED;
    if (!vnet_domain_set_link_state(domain, mac, up, affect, &error))
        return vnsh_report(error);
    printf(_("Link of %s set %s\n"), vnsh_args_get(args, "interface"), up ? "up" : "down");
    return VNSH_EXIT_OK;
}

/* <source> of each interface type attach-interface knows how to write. */
static char *
source_element(const char *type, const char *source, const char *mode, GError **error)
{
    static const char *const by_network[] = {"network", "natnetwork", "hostonly", NULL};
    static const char *const sourceless[] = {"ethernet", "null", "user", "routed", NULL};

    if (g_strv_contains(sourceless, type)) {
        if (source) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                        _("a '%s' interface takes no SOURCE"), type);
            return NULL;
        }
        return g_strdup("");
    }
    if (!source) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                    _("a '%s' interface needs a SOURCE"), type);
        return NULL;
    }
    if (g_strv_contains(by_network, type))
        return g_markup_printf_escaped("<source network='%s'/>", source);
    if (g_str_equal(type, "internal"))
        return g_markup_printf_escaped("<source name='%s'/>", source);
    if (g_str_equal(type, "bridge"))
        return g_markup_printf_escaped("<source bridge='%s'/>", source);
    if (g_str_equal(type, "direct"))
        return g_markup_printf_escaped("<source dev='%s' mode='%s'/>", source,
                                       mode ? mode : "vepa");
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                _("type '%s': attach-interface writes network, natnetwork, hostonly, internal, "
                  "bridge, direct, ethernet, null, user and routed interfaces; give other "
                  "kinds as XML with --file"),
                type);
    return NULL;
}

static char *
interface_xml(const VnshArgs *args, GError **error)
{
    const char *type = vnsh_args_get(args, "type");
    g_autofree char *source = NULL;
    GString *xml;

    if (vnsh_args_has(args, "mode") && g_strcmp0(type, "direct") != 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                    _("--mode is for 'direct' interfaces only"));
        return NULL;
    }
    source = source_element(type, vnsh_args_get(args, "source"), vnsh_args_get(args, "mode"),
                            error);
    if (!source)
        return NULL;
    xml = g_string_new(NULL);
    g_string_append_printf(xml, "<interface type='%s'>", type);
    if (vnsh_args_has(args, "mac")) {
        g_autofree char *mac = g_markup_printf_escaped("<mac address='%s'/>",
                                                       vnsh_args_get(args, "mac"));
        g_string_append(xml, mac);
    }
    g_string_append(xml, source);
    if (vnsh_args_has(args, "model")) {
        g_autofree char *model = g_markup_printf_escaped("<model type='%s'/>",
                                                         vnsh_args_get(args, "model"));
        g_string_append(xml, model);
    }
    if (vnsh_args_has(args, "target")) {
        g_autofree char *target = g_markup_printf_escaped("<target dev='%s'/>",
                                                          vnsh_args_get(args, "target"));
        g_string_append(xml, target);
    }
    g_string_append(xml, "</interface>");
    return g_string_free(xml, FALSE);
}

static int
cmd_attach_interface(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetDomain) domain = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;
    const char *file = vnsh_args_get(args, "file");
    const char *type = vnsh_args_get(args, "type");

    if (file && type) {
        vnsh_error(_("give either TYPE [SOURCE] or --file FILE, not both"));
        return VNSH_EXIT_USAGE;
    }
    if (!file && !type) {
        vnsh_error(_("attach-interface needs TYPE [SOURCE] or --file FILE"));
        return VNSH_EXIT_USAGE;
    }
    if (file) {
        xml = vnsh_read_file(file);
        if (!xml)
            return VNSH_EXIT_FAILED;
    } else if (!(xml = interface_xml(args, &error))) {
        vnsh_error("%s", error->message);
        return VNSH_EXIT_USAGE;
    }
    domain = vnsh_lookup_domain(ctl, vnsh_args_get(args, "domain"));
    if (!domain)
        return VNSH_EXIT_FAILED;
    if (!vnet_domain_attach_interface(domain, xml, vnsh_affect_flags(args), &error))
        return vnsh_report(error);
    printf(_("Interface attached successfully\n"));
    return VNSH_EXIT_OK;
}

static int
cmd_detach_interface(VnshCtl *ctl, const VnshArgs *args)
{
    g_autoptr(VnetDomain) domain = vnsh_lookup_domain(ctl, vnsh_args_get(args, "domain"));
    g_autoptr(GError) error = NULL;
    guint affect = vnsh_affect_flags(args);
    g_autofree char *mac = NULL;

    if (!domain || !(mac = resolve_nic(domain, vnsh_args_get(args, "interface"),
                                       nic_list_flags(affect))))
        return VNSH_EXIT_FAILED;
    if (!vnet_domain_detach_interface(domain, mac, affect, &error))
        return vnsh_report(error);
    printf(_("Interface detached successfully\n"));
    return VNSH_EXIT_OK;
}

/* ---- the table ---------------------------------------------------------------------- */

static const VnshOption define_options[] = {
    {"file", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "FILE", N_("a domain XML file"), VNSH_COMPLETE_FILE},
    {NULL},
};

static const VnshOption domain_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {NULL},
};

static const VnshOption list_options[] = {
    {"all", VNSH_OPT_BOOL, 0, NULL, N_("list running and shut off domains")},
    {"inactive", VNSH_OPT_BOOL, 0, NULL, N_("list shut off domains only")},
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

static const VnshOption dumpxml_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"inactive", VNSH_OPT_BOOL, 0, NULL,
     N_("the persistent configuration instead of the live state")},
    {NULL},
};

static const VnshOption autostart_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"disable", VNSH_OPT_BOOL, 0, NULL, N_("stop starting it automatically")},
    {NULL},
};

static const VnshOption domiflist_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"inactive", VNSH_OPT_BOOL, 0, NULL, N_("the configured NICs, even while running")},
    {"json", VNSH_OPT_BOOL, 0, NULL, N_("print JSON instead of a table")},
    {NULL},
};

#define AFFECT_OPTIONS                                                                       \
    {"live", VNSH_OPT_BOOL, 0, NULL, N_("change the running domain")},                       \
    {"config", VNSH_OPT_BOOL, 0, NULL, N_("change the persistent configuration")}

static const VnshOption setlink_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"interface", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NIC",
     N_("the NIC: its MAC address, nicN, its guest name (eth0) or host device"),
     VNSH_COMPLETE_NIC},
    {"state", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "up|down", N_("plug the cable in or pull it out"),
     VNSH_COMPLETE_WORDS, "up down"},
    AFFECT_OPTIONS,
    {NULL},
};

static const VnshOption attach_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"type", VNSH_OPT_ARG, 0, "TYPE",
     N_("network, natnetwork, hostonly, internal, bridge, direct, ethernet, null, user or "
        "routed"),
     VNSH_COMPLETE_WORDS,
     "network natnetwork hostonly internal bridge direct ethernet null user routed"},
    {"source", VNSH_OPT_ARG, 0, "SOURCE",
     N_("the network, internal network name, bridge or host device"), VNSH_COMPLETE_NETWORK},
    {"mac", VNSH_OPT_STRING, 0, "MAC", N_("the MAC address (generated when absent)")},
    {"model", VNSH_OPT_STRING, 0, "MODEL", N_("the NIC model, e.g. virtio or 82540EM"),
     VNSH_COMPLETE_WORDS, "virtio e1000 e1000e rtl8139 pcnet Am79C970A Am79C973 82540EM "
                          "82543GC 82545EM"},
    {"target", VNSH_OPT_STRING, 0, "DEV", N_("the host device name")},
    {"mode", VNSH_OPT_STRING, 0, "MODE", N_("direct NICs: vepa, bridge, private or passthrough"),
     VNSH_COMPLETE_WORDS, "vepa bridge private passthrough"},
    {"file", VNSH_OPT_STRING, 0, "FILE", N_("an <interface> XML file instead of TYPE SOURCE"),
     VNSH_COMPLETE_FILE},
    AFFECT_OPTIONS,
    {NULL},
};

static const VnshOption detach_options[] = {
    DOMAIN_ARG(N_("the domain's name or UUID")),
    {"interface", VNSH_OPT_ARG, VNSH_OPT_REQUIRED, "NIC",
     N_("the NIC: its MAC address, nicN, its guest name (eth0) or host device"),
     VNSH_COMPLETE_NIC},
    AFFECT_OPTIONS,
    {NULL},
};

const VnshCommand vnsh_domain_commands[] = {
    {"list", N_("list domains: name, UUID, type, state"),
     N_("Without options, the running domains."), "vnsh list --all", list_options, 0, cmd_list},
    {"define", N_("define (or redefine) a domain from an XML file"), NULL,
     "vnsh define examples/domains/ethernet.xml", define_options, 0, cmd_define},
    {"undefine", N_("remove the definition of a domain that is not running"), NULL,
     "vnsh undefine web1", domain_options, 0, cmd_undefine},
    {"start", N_("start a domain: realize its NICs and run its guest"), NULL, "vnsh start web1",
     domain_options, 0, cmd_start},
    {"destroy", N_("stop a running domain at once and remove what its start created"), NULL,
     "vnsh destroy web1", domain_options, 0, cmd_destroy},
    {"dumpxml", N_("print a domain's XML"),
     N_("A running domain shows its live state, with the realized devices."),
     "vnsh dumpxml web1 --inactive", dumpxml_options, 0, cmd_dumpxml},
    {"edit", N_("edit a domain's XML in $VISUAL or $EDITOR"),
     N_("The edited XML is validated when the editor exits; when it is refused the error is "
        "shown and you may edit it again. Your edit is never thrown away: after 'n' its file "
        "is kept and named."),
     "EDITOR=nano vnsh edit web1", domain_options, 0, cmd_edit},
    {"autostart", N_("start a domain whenever vnet starts"), NULL, "vnsh autostart web1",
     autostart_options, 0, cmd_autostart},
    {"domiflist", N_("list a domain's NICs: type, source, mode, model, MAC, realized device"),
     NULL, "vnsh domiflist web1", domiflist_options, 0, cmd_domiflist},
    {"domif-setlink", N_("plug a NIC's virtual cable in (up) or pull it out (down)"), NULL,
     "vnsh domif-setlink web1 nic1 down", setlink_options, 0, cmd_domif_setlink},
    {"attach-interface", N_("add a NIC to a domain"),
     N_("Without --live or --config: the running domain when it runs, else its configuration."),
     "vnsh attach-interface web1 natnetwork natnet1 --model virtio --live --config",
     attach_options, 0, cmd_attach_interface},
    {"detach-interface", N_("remove a NIC from a domain"),
     N_("Without --live or --config: the running domain when it runs, else its configuration."),
     "vnsh detach-interface web1 52:54:00:12:34:56 --config", detach_options, 0,
     cmd_detach_interface},
    {NULL},
};
