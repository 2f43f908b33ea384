/* network_dns_conf.c: <dns> (forwarders, TXT and SRV records, host names):
 * parse, format, copy. */
#include <config.h>

#include <vnet/vnet.h>

#include "conf/network_conf_priv.h"
#include "util/vnet-i18n.h"

static void
forwarder_free(VnetNetworkDnsForwarder *f)
{
    g_free(f->domain);
    g_free(f);
}

static void
txt_free(VnetNetworkDnsTxt *t)
{
    g_free(t->name);
    g_free(t->value);
    g_free(t);
}

static void
srv_free(VnetNetworkDnsSrv *s)
{
    g_free(s->service);
    g_free(s->domain);
    g_free(s->target);
    g_free(s);
}

static void
host_free(VnetNetworkDnsHost *h)
{
    if (h->hostnames)
        g_ptr_array_unref(h->hostnames);
    g_free(h);
}

static VnetNetworkDnsDef *
dns_new(void)
{
    VnetNetworkDnsDef *dns = g_new0(VnetNetworkDnsDef, 1);

    dns->forwarders = g_ptr_array_new_with_free_func((GDestroyNotify)forwarder_free);
    dns->txts = g_ptr_array_new_with_free_func((GDestroyNotify)txt_free);
    dns->srvs = g_ptr_array_new_with_free_func((GDestroyNotify)srv_free);
    dns->hosts = g_ptr_array_new_with_free_func((GDestroyNotify)host_free);
    return dns;
}

/**
 * vnet_network_dns_def_free:
 * @dns: (nullable): a <dns>
 *
 * Frees @dns and its records.
 */
void
vnet_network_dns_def_free(VnetNetworkDnsDef *dns)
{
    if (!dns)
        return;
    g_ptr_array_unref(dns->forwarders);
    g_ptr_array_unref(dns->txts);
    g_ptr_array_unref(dns->srvs);
    g_ptr_array_unref(dns->hosts);
    g_free(dns);
}

/**
 * vnet_network_dns_def_copy:
 * @dns: a <dns>
 *
 * Returns: (transfer full): a deep copy of @dns.
 */
VnetNetworkDnsDef *
vnet_network_dns_def_copy(const VnetNetworkDnsDef *dns)
{
    VnetNetworkDnsDef *copy = dns_new();

    copy->enable = dns->enable;
    copy->forward_plain_names = dns->forward_plain_names;
    copy->line = dns->line;
    for (guint i = 0; i < dns->forwarders->len; i++) {
        const VnetNetworkDnsForwarder *f = dns->forwarders->pdata[i];
        VnetNetworkDnsForwarder *c = g_memdup2(f, sizeof(*f));

        c->domain = g_strdup(f->domain);
        g_ptr_array_add(copy->forwarders, c);
    }
    for (guint i = 0; i < dns->txts->len; i++) {
        const VnetNetworkDnsTxt *t = dns->txts->pdata[i];
        VnetNetworkDnsTxt *c = g_memdup2(t, sizeof(*t));

        c->name = g_strdup(t->name);
        c->value = g_strdup(t->value);
        g_ptr_array_add(copy->txts, c);
    }
    for (guint i = 0; i < dns->srvs->len; i++) {
        const VnetNetworkDnsSrv *s = dns->srvs->pdata[i];
        VnetNetworkDnsSrv *c = g_memdup2(s, sizeof(*s));

        c->service = g_strdup(s->service);
        c->domain = g_strdup(s->domain);
        c->target = g_strdup(s->target);
        g_ptr_array_add(copy->srvs, c);
    }
    for (guint i = 0; i < dns->hosts->len; i++) {
        const VnetNetworkDnsHost *h = dns->hosts->pdata[i];
        VnetNetworkDnsHost *c = g_memdup2(h, sizeof(*h));

        c->hostnames = g_ptr_array_new_with_free_func(g_free);
        for (guint j = 0; j < h->hostnames->len; j++)
            g_ptr_array_add(c->hostnames, g_strdup(h->hostnames->pdata[j]));
        g_ptr_array_add(copy->hosts, c);
    }
    return copy;
}

/**
 * vnet_network_dns_def_has_content:
 * @dns: (nullable): a <dns>
 *
 * Returns: TRUE when @dns configures anything (records, forwarders,
 * switches); FALSE for a bare <dns/> or <dns enable='no'/>.
 */
gboolean
vnet_network_dns_def_has_content(const VnetNetworkDnsDef *dns)
{
    return dns && (dns->enable == VNET_TRISTATE_YES ||
                   dns->forward_plain_names != VNET_TRISTATE_ABSENT ||
                   dns->forwarders->len || dns->txts->len || dns->srvs->len || dns->hosts->len);
}

/* ---- parsing ------------------------------------------------------------------ */

static gboolean
parse_forwarder(const xmlNode *node, VnetNetworkDnsDef *dns, GError **error)
{
    static const char *const attrs[] = {"addr", "domain", NULL};
    VnetNetworkDnsForwarder *f;
    g_autofree char *domain = NULL;
    VnetInetAddr addr = {0};

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_inet(node, "addr", 0, FALSE, &addr, error) ||
        !vnet_xml_prop_string(node, "domain", FALSE, &domain, error))
        return FALSE;
    if (!domain && !vnet_inet_is_set(&addr)) {
        vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, node,
                       _("element <forwarder> needs attribute 'addr' (a DNS server), "
                         "'domain' (names resolved only locally), or both"));
        return FALSE;
    }
    f = g_new0(VnetNetworkDnsForwarder, 1);
    f->addr = addr;
    f->domain = g_steal_pointer(&domain);
    f->line = vnet_xml_node_line(node);
    g_ptr_array_add(dns->forwarders, f);
    return TRUE;
}

static gboolean
parse_txt(const xmlNode *node, VnetNetworkDnsDef *dns, GError **error)
{
    static const char *const attrs[] = {"name", "value", NULL};
    g_autofree char *name = NULL;
    g_autofree char *value = NULL;
    VnetNetworkDnsTxt *t;

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_string(node, "name", TRUE, &name, error) ||
        !vnet_xml_prop_string(node, "value", TRUE, &value, error))
        return FALSE;
    t = g_new0(VnetNetworkDnsTxt, 1);
    t->name = g_steal_pointer(&name);
    t->value = g_steal_pointer(&value);
    t->line = vnet_xml_node_line(node);
    g_ptr_array_add(dns->txts, t);
    return TRUE;
}

static gboolean
parse_srv(const xmlNode *node, VnetNetworkDnsDef *dns, GError **error)
{
    static const char *const attrs[] = {"service", "protocol", "domain", "target", "port",
                                        "priority", "weight", NULL};
    g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func((GDestroyNotify)srv_free);
    VnetNetworkDnsSrv *s = g_new0(VnetNetworkDnsSrv, 1);
    int protocol = VNET_PORT_PROTOCOL_NONE;
    guint64 port = 0, priority = 0, weight = 0;

    g_ptr_array_add(holder, s);
    s->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_network_xml_check_empty(node, error) ||
        !vnet_xml_prop_string(node, "service", TRUE, &s->service, error) ||
        !vnet_xml_prop_enum(node, "protocol", &vnet_port_protocol_table, TRUE, &protocol,
                            error) ||
        !vnet_xml_prop_string(node, "domain", FALSE, &s->domain, error) ||
        !vnet_xml_prop_string(node, "target", FALSE, &s->target, error) ||
        !vnet_xml_prop_uint(node, "port", 0, 65535, FALSE, &port, &s->port_set, error) ||
        !vnet_xml_prop_uint(node, "priority", 0, 65535, FALSE, &priority, &s->priority_set,
                            error) ||
        !vnet_xml_prop_uint(node, "weight", 0, 65535, FALSE, &weight, &s->weight_set, error))
        return FALSE;
    s->protocol = protocol;
    s->port = (guint)port;
    s->priority = (guint)priority;
    s->weight = (guint)weight;
    g_ptr_array_add(dns->srvs, g_ptr_array_steal_index(holder, 0));
    return TRUE;
}

static gboolean
parse_host(const xmlNode *node, VnetNetworkDnsDef *dns, GError **error)
{
    static const char *const attrs[] = {"ip", NULL};
    static const char *const children[] = {"hostname", NULL};
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    VnetNetworkDnsHost *h;
    VnetInetAddr ip = {0};

    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_inet(node, "ip", 0, TRUE, &ip, error))
        return FALSE;
    vnet_xml_foreach_element(child, node) {
        char *name = NULL;

        if (!vnet_xml_is_element(child, "hostname")) {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            return FALSE;
        }
        if (!vnet_network_xml_check_attrs(child, (const char *const[]){NULL}, error))
            return FALSE;
        name = vnet_xml_content(child);
        if (!name) {
            vnet_xml_error(error, VNET_ERROR_CONFIG_INVALID, child,
                           _("element <hostname> is empty"));
            return FALSE;
        }
        g_ptr_array_add(names, name);
    }
    if (names->len == 0) {
        vnet_xml_error_missing_child(error, node, "hostname");
        return FALSE;
    }
    h = g_new0(VnetNetworkDnsHost, 1);
    h->ip = ip;
    h->hostnames = g_steal_pointer(&names);
    h->line = vnet_xml_node_line(node);
    g_ptr_array_add(dns->hosts, h);
    return TRUE;
}

/**
 * vnet_network_dns_def_parse:
 * @node: a <dns> element
 * @error: return location for an error
 *
 * Returns: (transfer full): the parsed <dns>, or NULL with @error set.
 */
VnetNetworkDnsDef *
vnet_network_dns_def_parse(const xmlNode *node, GError **error)
{
    static const char *const attrs[] = {"enable", "forwardPlainNames", NULL};
    static const char *const children[] = {"forwarder", "txt", "srv", "host", NULL};
    g_autoptr(VnetNetworkDnsDef) dns = dns_new();

    vnet_i18n_init();
    dns->line = vnet_xml_node_line(node);
    if (!vnet_network_xml_check_attrs(node, attrs, error) ||
        !vnet_xml_prop_tristate(node, "enable", &dns->enable, error) ||
        !vnet_xml_prop_tristate(node, "forwardPlainNames", &dns->forward_plain_names, error))
        return NULL;
    vnet_xml_foreach_element(child, node) {
        gboolean ok;

        if (vnet_xml_is_element(child, "forwarder"))
            ok = parse_forwarder(child, dns, error);
        else if (vnet_xml_is_element(child, "txt"))
            ok = parse_txt(child, dns, error);
        else if (vnet_xml_is_element(child, "srv"))
            ok = parse_srv(child, dns, error);
        else if (vnet_xml_is_element(child, "host"))
            ok = parse_host(child, dns, error);
        else {
            vnet_network_xml_error_unknown_child(error, node, child, children);
            ok = FALSE;
        }
        if (!ok)
            return NULL;
    }
    return g_steal_pointer(&dns);
}

/* ---- formatting ------------------------------------------------------------- */

/**
 * vnet_network_dns_def_format:
 * @writer: the writer
 * @dns: a <dns>
 *
 * Writes <dns> in libvirt's order: forwarders, TXT, SRV, hosts.
 */
void
vnet_network_dns_def_format(VnetXmlWriter *writer, const VnetNetworkDnsDef *dns)
{
    vnet_xml_writer_start(writer, "dns");
    vnet_xml_writer_attr(writer, "enable", vnet_tristate_to_string(dns->enable));
    vnet_xml_writer_attr(writer, "forwardPlainNames",
                         vnet_tristate_to_string(dns->forward_plain_names));
    for (guint i = 0; i < dns->forwarders->len; i++) {
        const VnetNetworkDnsForwarder *f = dns->forwarders->pdata[i];

        vnet_xml_writer_start(writer, "forwarder");
        vnet_xml_writer_attr(writer, "domain", f->domain);
        vnet_xml_writer_attr_inet(writer, "addr", &f->addr);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < dns->txts->len; i++) {
        const VnetNetworkDnsTxt *t = dns->txts->pdata[i];

        vnet_xml_writer_start(writer, "txt");
        vnet_xml_writer_attr(writer, "name", t->name);
        vnet_xml_writer_attr(writer, "value", t->value);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < dns->srvs->len; i++) {
        const VnetNetworkDnsSrv *s = dns->srvs->pdata[i];

        vnet_xml_writer_start(writer, "srv");
        vnet_xml_writer_attr(writer, "service", s->service);
        vnet_xml_writer_attr(writer, "protocol", vnet_port_protocol_to_string(s->protocol));
        vnet_xml_writer_attr(writer, "domain", s->domain);
        vnet_xml_writer_attr(writer, "target", s->target);
        if (s->port_set)
            vnet_xml_writer_attr_uint(writer, "port", s->port);
        if (s->priority_set)
            vnet_xml_writer_attr_uint(writer, "priority", s->priority);
        if (s->weight_set)
            vnet_xml_writer_attr_uint(writer, "weight", s->weight);
        vnet_xml_writer_end(writer);
    }
    for (guint i = 0; i < dns->hosts->len; i++) {
        const VnetNetworkDnsHost *h = dns->hosts->pdata[i];

        vnet_xml_writer_start(writer, "host");
        vnet_xml_writer_attr_inet(writer, "ip", &h->ip);
        for (guint j = 0; j < h->hostnames->len; j++)
            vnet_xml_writer_text_element(writer, "hostname", h->hostnames->pdata[j]);
        vnet_xml_writer_end(writer);
    }
    vnet_xml_writer_end(writer);
}
