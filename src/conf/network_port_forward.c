/* network_port_forward.c: the port-forward rules of a NAT network: adding
 * and removing them on a def (what vnsh's "natnetwork modify" and live
 * edits go through), and VirtualBox's rule string
 * "name:proto:[hostip]:hostport:[guestip]:guestport". */
#include <config.h>

#include <string.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"

/**
 * vnet_network_def_add_port_forward:
 * @def: a NAT network
 * @rule: the rule to add (copied)
 * @error: return location for an error
 *
 * Adds @rule after the checks validation applies to rules read from XML:
 * the network is NAT, the guest address is in one of its subnets, and the
 * name and (protocol, host address, host port) are not taken.
 *
 * Returns: TRUE when the rule was added; @def is unchanged otherwise.
 */
gboolean
vnet_network_def_add_port_forward(VnetNetworkDef *def, const VnetPortForward *rule,
                                  GError **error)
{
    g_autoptr(GPtrArray) rules = g_ptr_array_new();
    g_autoptr(VnetPortForward) copy = NULL;

    g_return_val_if_fail(def != NULL && rule != NULL, FALSE);

    copy = vnet_port_forward_copy(rule);
    for (guint i = 0; i < def->forward.port_forwards->len; i++)
        g_ptr_array_add(rules, def->forward.port_forwards->pdata[i]);
    g_ptr_array_add(rules, copy);
    if (!vnet_network_def_check_port_forwards(def, rules, error))
        return FALSE;
    g_ptr_array_add(def->forward.port_forwards, g_steal_pointer(&copy));
    return TRUE;
}

/**
 * vnet_network_def_remove_port_forward:
 * @def: a network
 * @name: the rule's name
 * @error: return location for an error
 *
 * Returns: TRUE when the rule existed and was removed.
 */
gboolean
vnet_network_def_remove_port_forward(VnetNetworkDef *def, const char *name, GError **error)
{
    g_return_val_if_fail(def != NULL && name != NULL, FALSE);

    for (guint i = 0; i < def->forward.port_forwards->len; i++) {
        const VnetPortForward *rule = def->forward.port_forwards->pdata[i];

        if (g_strcmp0(rule->name, name) == 0) {
            g_ptr_array_remove_index(def->forward.port_forwards, i);
            return TRUE;
        }
    }
    vnet_i18n_init();
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                _("network '%s' has no port-forward rule named '%s'"), def->name, name);
    return FALSE;
}

/* ---- VirtualBox's rule string ------------------------------------------------------ */

typedef struct {
    const char *rule;
    const char *p;
    int family;
} RuleParser;

static gboolean rule_error(const RuleParser *rp, GError **error, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

static gboolean
rule_error(const RuleParser *rp, GError **error, const char *format, ...)
{
    va_list args;
    g_autofree char *text = NULL;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, VNET_ERROR, VNET_ERROR_INVALID_ARG,
                _("port-forward rule '%s': %s; expected "
                  "name:proto:[hostip]:hostport:[guestip]:guestport"),
                rp->rule, text);
    return FALSE;
}

/* The text up to the next ':' (or the end when @last). */
static char *
take_field(RuleParser *rp, gboolean last)
{
    const char *end = last ? rp->p + strlen(rp->p) : strchr(rp->p, ':');
    char *field;

    if (!end)
        return NULL;
    field = g_strndup(rp->p, end - rp->p);
    rp->p = *end ? end + 1 : end;
    return field;
}

static gboolean
take_port(RuleParser *rp, const char *what, gboolean last, guint *ret, GError **error)
{
    g_autofree char *field = take_field(rp, last);
    guint64 port = 0;

    if (!field)
        return rule_error(rp, error, _("the %s is missing"), what);
    if (!g_ascii_isdigit(field[0]) ||
        !g_ascii_string_to_unsigned(field, 10, 1, 65535, &port, NULL))
        return rule_error(rp, error, _("%s '%s' is not a number from 1 to 65535"), what,
                          field);
    *ret = (guint)port;
    return TRUE;
}

/* "[address]:" with the address optional (empty brackets). */
static gboolean
take_address(RuleParser *rp, const char *what, VnetInetAddr *ret, GError **error)
{
    const char *close;
    g_autofree char *text = NULL;

    if (*rp->p != '[')
        return rule_error(rp, error, _("the %s must be written in brackets, e.g. [] or [%s]"),
                          what, rp->family == AF_INET6 ? "fd00::5" : "10.0.2.15");
    close = strchr(rp->p, ']');
    if (!close || close[1] != ':')
        return rule_error(rp, error, _("the %s has no closing ']' followed by ':'"), what);
    text = g_strndup(rp->p + 1, close - rp->p - 1);
    rp->p = close + 2;
    memset(ret, 0, sizeof(*ret));
    if (!*text)
        return TRUE;
    if (vnet_inet_parse(text, rp->family, ret) < 0)
        return rule_error(rp, error, _("%s '%s' is not an %s address"), what, text,
                          rp->family == AF_INET    ? "IPv4"
                          : rp->family == AF_INET6 ? "IPv6"
                                                   : "IPv4 or IPv6");
    return TRUE;
}

/**
 * vnet_network_port_forward_parse_rule:
 * @rule: "name:proto:[hostip]:hostport:[guestip]:guestport"
 * @family: AF_INET (--port-forward-4), AF_INET6 (--port-forward-6) or 0
 * @error: return location for an error (VNET_ERROR_INVALID_ARG)
 *
 * Parses VirtualBox's port-forward rule syntax. Either address may be empty
 * ("[]"); whether the guest address is required is the network's rule,
 * checked when the rule is added.
 *
 * Returns: (transfer full): the rule, or NULL with @error naming the field.
 */
VnetPortForward *
vnet_network_port_forward_parse_rule(const char *rule, int family, GError **error)
{
    RuleParser rp = {.rule = rule, .p = rule, .family = family};
    g_autoptr(VnetPortForward) pf = g_new0(VnetPortForward, 1);
    g_autofree char *proto = NULL;
    g_autofree char *lower = NULL;
    int protocol;

    g_return_val_if_fail(rule != NULL, NULL);
    vnet_i18n_init();

    pf->name = take_field(&rp, FALSE);
    if (!pf->name && *rule) {
        rule_error(&rp, error, "%s", _("the protocol is missing"));
        return NULL;
    }
    if (!pf->name || !*pf->name) {
        rule_error(&rp, error, "%s", _("the rule has no name"));
        return NULL;
    }
    if (strlen(pf->name) > VNET_PORT_FORWARD_NAME_MAX) {
        rule_error(&rp, error, _("name '%s' is longer than %d characters"), pf->name,
                   VNET_PORT_FORWARD_NAME_MAX);
        return NULL;
    }
    if (!vnet_port_forward_name_is_valid(pf->name)) {
        rule_error(&rp, error, "%s",
                   _("the name may not contain ',' or control characters and must be "
                     "UTF-8"));
        return NULL;
    }
    proto = take_field(&rp, FALSE);
    if (!proto) {
        rule_error(&rp, error, "%s", _("the protocol is missing"));
        return NULL;
    }
    /* VBoxManage users type "TCP" as often as "tcp"; the XML form stays
     * strict, the command-line rule string is lenient about case. */
    lower = g_ascii_strdown(proto, -1);
    protocol = vnet_port_protocol_from_string(lower);
    if (protocol <= 0) {
        const char *suggestion = vnet_enum_suggest(&vnet_port_protocol_table, proto);

        if (suggestion)
            rule_error(&rp, error, _("protocol '%s' is not tcp or udp (did you mean '%s'?)"),
                       proto, suggestion);
        else
            rule_error(&rp, error, _("protocol '%s' is not tcp or udp"), proto);
        return NULL;
    }
    pf->protocol = protocol;
    if (!take_address(&rp, _("host address"), &pf->host_address, error) ||
        !take_port(&rp, _("host port"), FALSE, &pf->host_port, error) ||
        !take_address(&rp, _("guest address"), &pf->guest_address, error) ||
        !take_port(&rp, _("guest port"), TRUE, &pf->guest_port, error))
        return NULL;
    return g_steal_pointer(&pf);
}

/**
 * vnet_network_port_forward_format_rule:
 * @rule: a rule
 *
 * Returns: (transfer full): @rule in VirtualBox's string form.
 */
char *
vnet_network_port_forward_format_rule(const VnetPortForward *rule)
{
    char host[VNET_INET_STRLEN] = "";
    char guest[VNET_INET_STRLEN] = "";

    if (vnet_inet_is_set(&rule->host_address))
        vnet_inet_format(&rule->host_address, host);
    if (vnet_inet_is_set(&rule->guest_address))
        vnet_inet_format(&rule->guest_address, guest);
    return g_strdup_printf("%s:%s:[%s]:%u:[%s]:%u", rule->name,
                           vnet_port_protocol_to_string(rule->protocol), host, rule->host_port,
                           guest, rule->guest_port);
}
