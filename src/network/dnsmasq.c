/* dnsmasq.c: one dnsmasq per network — configuration, process, leases. */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <vnet/vnet.h>

#include "network/dnsmasq.h"
#include "network/net-exec.h"
#include "util/vnet-file.h"
#include "util/vnet-i18n.h"
#include "util/vnet-log.h"

#define CONF_FILE "dnsmasq.conf"
#define PID_FILE "dnsmasq.pid"
#define LEASE_FILE "dnsmasq.leases"

/**
 * vnet_dnsmasq_needed:
 * @live: a network
 *
 * Returns: whether the network runs a dnsmasq.
 */
gboolean
vnet_dnsmasq_needed(const VnetNetworkDef *live)
{
    gboolean dhcp = FALSE;

    if (live->ips->len == 0)
        return FALSE;
    for (guint i = 0; i < live->ips->len; i++)
        dhcp = dhcp || ((const VnetNetworkIpDef *)g_ptr_array_index(live->ips, i))->dhcp;
    return dhcp || !live->dns || live->dns->enable != VNET_TRISTATE_NO;
}

static guint64
lease_seconds(const VnetNetworkLease *lease)
{
    switch (lease->unit) {
    case VNET_NETWORK_LEASE_UNIT_SECONDS:
        return lease->expiry;
    case VNET_NETWORK_LEASE_UNIT_HOURS:
        return lease->expiry * 3600;
    default:
        return lease->expiry * 60;
    }
}

/* ",LEASE" for dhcp-range/dhcp-host, "" when not set. */
static char *
lease_text(const VnetNetworkLease *lease)
{
    if (!lease->set)
        return g_strdup("");
    if (lease->expiry == 0)
        return g_strdup(",infinite");
    /* dnsmasq refuses leases under two minutes */
    return g_strdup_printf(",%" G_GUINT64_FORMAT, MAX(lease_seconds(lease), 120));
}

static void
add_dns(GString *out, const VnetNetworkDef *live)
{
    const VnetNetworkDnsDef *dns = live->dns;
    gboolean forwarders = FALSE;

    if (dns && dns->enable == VNET_TRISTATE_NO) {
        g_string_append(out, "port=0\n");
        return;
    }
    if (live->domain_name) {
        g_string_append_printf(out, "domain=%s\nexpand-hosts\n", live->domain_name);
        if (live->domain_local_only == VNET_TRISTATE_YES)
            g_string_append_printf(out, "local=/%s/\n", live->domain_name);
    }
    if (!dns)
        return;
    if (dns->forward_plain_names == VNET_TRISTATE_NO)
        g_string_append(out, "domain-needed\n");
    for (guint i = 0; i < dns->forwarders->len; i++) {
        const VnetNetworkDnsForwarder *fwd = g_ptr_array_index(dns->forwarders, i);
        g_autofree char *addr = vnet_inet_is_set(&fwd->addr) ? vnet_inet_to_string(&fwd->addr)
                                                              : g_strdup("#");

        if (fwd->domain)
            g_string_append_printf(out, "server=/%s/%s\n", fwd->domain, addr);
        else
            g_string_append_printf(out, "server=%s\n", addr);
        forwarders = forwarders || (!fwd->domain && vnet_inet_is_set(&fwd->addr));
    }
    if (forwarders)
        g_string_append(out, "no-resolv\n");
    for (guint i = 0; i < dns->hosts->len; i++) {
        const VnetNetworkDnsHost *host = g_ptr_array_index(dns->hosts, i);
        g_autofree char *ip = vnet_inet_to_string(&host->ip);
        g_autofree char *names = NULL;

        if (host->hostnames->len == 0)
            continue;
        g_ptr_array_add(host->hostnames, NULL);
        names = g_strjoinv(",", (char **)host->hostnames->pdata);
        g_ptr_array_remove_index(host->hostnames, host->hostnames->len - 1);
        g_string_append_printf(out, "host-record=%s,%s\n", names, ip);
    }
    for (guint i = 0; i < dns->txts->len; i++) {
        const VnetNetworkDnsTxt *txt = g_ptr_array_index(dns->txts, i);

        g_string_append_printf(out, "txt-record=%s,\"%s\"\n", txt->name,
                               txt->value ? txt->value : "");
    }
    for (guint i = 0; i < dns->srvs->len; i++) {
        const VnetNetworkDnsSrv *srv = g_ptr_array_index(dns->srvs, i);

        g_string_append_printf(out, "srv-host=_%s._%s%s%s", srv->service,
                               srv->protocol == VNET_PORT_PROTOCOL_UDP ? "udp" : "tcp",
                               srv->domain ? "." : "", srv->domain ? srv->domain : "");
        if (srv->target) {
            g_string_append_printf(out, ",%s", srv->target);
            if (srv->port_set)
                g_string_append_printf(out, ",%u", srv->port);
            if (srv->priority_set)
                g_string_append_printf(out, ",%u", srv->priority);
            if (srv->weight_set)
                g_string_append_printf(out, ",%u", srv->weight);
        }
        g_string_append_c(out, '\n');
    }
}

static void
add_dhcp(GString *out, const VnetNetworkIpDef *ip, guint64 *max_leases)
{
    const VnetNetworkDhcp *dhcp = ip->dhcp;
    guint prefix = vnet_network_ip_def_prefix(ip);
    gboolean v6 = ip->address.family == AF_INET6;
    g_autofree char *mask = NULL;

    if (v6) {
        mask = g_strdup_printf("%u", prefix);
    } else {
        VnetInetAddr netmask;

        vnet_inet_prefix_to_netmask(AF_INET, prefix, &netmask);
        mask = vnet_inet_to_string(&netmask);
    }
    for (guint i = 0; i < dhcp->ranges->len; i++) {
        const VnetNetworkDhcpRange *range = g_ptr_array_index(dhcp->ranges, i);
        g_autofree char *start = vnet_inet_to_string(&range->start);
        g_autofree char *end = vnet_inet_to_string(&range->end);
        g_autofree char *lease = lease_text(&range->lease);

        g_string_append_printf(out, "dhcp-range=%s,%s,%s%s\n", start, end, mask, lease);
        *max_leases += vnet_inet_range_size(&range->start, &range->end);
    }
    if (dhcp->ranges->len == 0 && dhcp->hosts->len > 0) {
        VnetInetAddr net;
        g_autofree char *text = NULL;

        vnet_inet_network(&ip->address, prefix, &net);
        text = vnet_inet_to_string(&net);
        g_string_append_printf(out, "dhcp-range=%s,static,%s\n", text, mask);
    }
    for (guint i = 0; i < dhcp->hosts->len; i++) {
        const VnetNetworkDhcpHost *host = g_ptr_array_index(dhcp->hosts, i);
        g_autofree char *addr = vnet_inet_is_set(&host->ip) ? vnet_inet_to_string(&host->ip)
                                                             : NULL;
        g_autofree char *lease = lease_text(&host->lease);
        g_autoptr(GString) line = g_string_new("dhcp-host=");

        if (host->mac_set) {
            char mac[VNET_MAC_STRLEN];

            vnet_mac_format(&host->mac, mac);
            g_string_append(line, mac);
        } else if (host->id) {
            g_string_append_printf(line, "id:%s", host->id);
        }
        if (addr)
            g_string_append_printf(line, v6 ? ",[%s]" : ",%s", addr);
        if (host->name)
            g_string_append_printf(line, ",%s", host->name);
        g_string_append_printf(out, "%s%s\n", line->str, lease);
        (*max_leases)++;
    }
    if (dhcp->bootp_file)
        g_string_append_printf(out, "dhcp-boot=%s%s%s\n", dhcp->bootp_file,
                               dhcp->bootp_server ? ",," : "",
                               dhcp->bootp_server ? dhcp->bootp_server : "");
}

/**
 * vnet_dnsmasq_config:
 * @live: a running network (with its bridge name)
 * @dir: its runtime folder
 *
 * Returns: (transfer full): the text of dnsmasq.conf.
 */
char *
vnet_dnsmasq_config(const VnetNetworkDef *live, const char *dir)
{
    g_autoptr(GString) out = g_string_new(NULL);
    guint64 max_leases = 0;
    gboolean any_dhcp = FALSE;
    gboolean any_v6 = FALSE;
    gboolean tftp = FALSE;

    g_string_append_printf(out,
                           "# dnsmasq of vnet network '%s': written by vnet at every start,\n"
                           "# edits are lost. Change the network's XML instead.\n",
                           live->name);
    g_string_append(out, "strict-order\n"
                         "user=root\n"
                         "no-hosts\n"
                         "except-interface=lo\n"
                         "bind-dynamic\n");
    g_string_append_printf(out, "interface=%s\n", live->bridge_name);
    g_string_append_printf(out, "pid-file=%s/%s\n", dir, PID_FILE);
    add_dns(out, live);
    for (guint i = 0; i < live->ips->len; i++) {
        const VnetNetworkIpDef *ip = g_ptr_array_index(live->ips, i);

        any_v6 = any_v6 || ip->address.family == AF_INET6;
        if (ip->tftp_root && !tftp) {
            g_string_append_printf(out, "enable-tftp\ntftp-root=%s\n", ip->tftp_root);
            tftp = TRUE;
        }
        if (!ip->dhcp)
            continue;
        any_dhcp = TRUE;
        add_dhcp(out, ip, &max_leases);
    }
    if (any_dhcp) {
        g_string_append(out, "dhcp-no-override\ndhcp-authoritative\n");
        g_string_append_printf(out, "dhcp-lease-max=%" G_GUINT64_FORMAT "\n",
                               MAX(max_leases, 1));
        g_string_append_printf(out, "dhcp-leasefile=%s/%s\n", dir, LEASE_FILE);
        /* libvirt's isolated networks: no default route through the host */
        if (live->kind == VNET_NETWORK_KIND_HOSTONLY)
            g_string_append(out, "dhcp-option=3\n");
    }
    if (any_v6)
        g_string_append(out, "enable-ra\n");
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static char *
read_cmdline(int pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/cmdline", pid);
    char *text = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &text, &len, NULL))
        return NULL;
    /* NUL-separated arguments, as one string with spaces */
    for (gsize i = 0; i + 1 < len; i++) {
        if (text[i] == '\0')
            text[i] = ' ';
    }
    return text;
}

/**
 * vnet_dnsmasq_get_pid:
 * @dir: a network's runtime folder
 *
 * Returns: the pid of the dnsmasq vnet started for @dir, or 0.
 */
int
vnet_dnsmasq_get_pid(const char *dir)
{
    g_autofree char *pid_path = g_build_filename(dir, PID_FILE, NULL);
    g_autofree char *conf_arg = g_strdup_printf("--conf-file=%s/%s", dir, CONF_FILE);
    g_autofree char *text = NULL;
    g_autofree char *cmdline = NULL;
    char *end = NULL;
    long pid;

    if (!g_file_get_contents(pid_path, &text, NULL, NULL))
        return 0;
    pid = strtol(text, &end, 10);
    if (pid <= 0 || pid > G_MAXINT || end == text)
        return 0;
    cmdline = read_cmdline((int)pid);
    if (!cmdline || !strstr(cmdline, "dnsmasq") || !strstr(cmdline, conf_arg))
        return 0;
    return (int)pid;
}

static gboolean
process_gone(int pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/stat", pid);
    g_autofree char *stat = NULL;
    const char *state;

    if (!g_file_get_contents(path, &stat, NULL, NULL))
        return TRUE;
    /* a zombie waiting for its parent has stopped serving */
    state = strrchr(stat, ')');
    return state && state[1] == ' ' && state[2] == 'Z';
}

/**
 * vnet_dnsmasq_start:
 * @live: a running network (its bridge exists and has its addresses)
 * @dir: its runtime folder
 * @error: return location for a #GError
 *
 * Returns: %TRUE when dnsmasq runs.
 */
gboolean
vnet_dnsmasq_start(const VnetNetworkDef *live, const char *dir, GError **error)
{
    g_autofree char *dnsmasq = vnet_net_find_program("dnsmasq", "dnsmasq-base", error);
    g_autofree char *conf = NULL;
    g_autofree char *conf_path = g_build_filename(dir, CONF_FILE, NULL);
    g_autofree char *conf_arg = NULL;
    g_autofree char *what = NULL;
    const char *argv[3];
    int r;

    if (!dnsmasq)
        return FALSE;
    what = g_strdup_printf(_("network '%s': starting dnsmasq"), live->name);
    if (g_mkdir_with_parents(dir, 0755) < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("%s: creating folder %s: %s"), what,
                    dir, g_strerror(errno));
        return FALSE;
    }
    conf = vnet_dnsmasq_config(live, dir);
    r = vnet_file_write_atomic(conf_path, conf, strlen(conf), 0644);
    if (r < 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("%s: writing %s: %s"), what, conf_path,
                    g_strerror(-r));
        return FALSE;
    }
    conf_arg = g_strdup_printf("--conf-file=%s", conf_path);
    argv[0] = dnsmasq;
    argv[1] = conf_arg;
    argv[2] = NULL;
    /* dnsmasq forks, and its first process exits only once the server
     * has bound its sockets and written the pid file (or failed). */
    if (!vnet_net_run(argv, NULL, what, error))
        return FALSE;
    if (vnet_dnsmasq_get_pid(dir) == 0) {
        g_set_error(error, VNET_ERROR, VNET_ERROR_OPERATION_FAILED,
                    _("%s: dnsmasq exited without leaving a running server"), what);
        return FALSE;
    }
    return TRUE;
}

static void
remove_dir(const char *dir)
{
    static const char *const files[] = {CONF_FILE, PID_FILE, LEASE_FILE};

    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(dir, files[i], NULL);

        if (unlink(path) < 0 && errno != ENOENT)
            vnet_debug("dnsmasq", "removing %s: %s", path, g_strerror(errno));
    }
    if (rmdir(dir) < 0 && errno != ENOENT)
        vnet_debug("dnsmasq", "removing %s: %s", dir, g_strerror(errno));
}

/**
 * vnet_dnsmasq_stop:
 * @dir: a network's runtime folder
 * @error: return location for a #GError
 *
 * Returns: %TRUE when no dnsmasq of @dir runs any more.
 */
gboolean
vnet_dnsmasq_stop(const char *dir, GError **error)
{
    int pid = vnet_dnsmasq_get_pid(dir);

    if (pid > 0) {
        if (kill(pid, SIGTERM) < 0 && errno != ESRCH) {
            g_set_error(error, VNET_ERROR, VNET_ERROR_SYSTEM,
                        _("stopping dnsmasq (pid %d): %s"), pid, g_strerror(errno));
            return FALSE;
        }
        for (guint i = 0; i < 200 && !process_gone(pid); i++)
            g_usleep(10 * 1000);
        if (!process_gone(pid)) {
            vnet_debug("dnsmasq", "pid %d ignored SIGTERM; killing it", pid);
            kill(pid, SIGKILL);
            for (guint i = 0; i < 200 && !process_gone(pid); i++)
                g_usleep(10 * 1000);
        }
    }
    remove_dir(dir);
    return TRUE;
}

static guint
prefix_for(const VnetNetworkDef *live, const VnetInetAddr *addr)
{
    for (guint i = 0; i < live->ips->len; i++) {
        const VnetNetworkIpDef *ip = g_ptr_array_index(live->ips, i);
        guint prefix = vnet_network_ip_def_prefix(ip);

        if (ip->address.family == addr->family &&
            vnet_inet_in_subnet(addr, &ip->address, prefix))
            return prefix;
    }
    return vnet_inet_family_bits(addr->family);
}

/**
 * vnet_dnsmasq_read_leases:
 * @live: a running network
 * @dir: its runtime folder
 * @error: return location for a #GError
 *
 * dnsmasq's lease file has one line per IPv4 lease, "EXPIRY MAC IP
 * HOSTNAME CLIENTID" with "*" for an unknown field; DHCPv6 leases (after a
 * "duid" line) have no MAC and are not listed.
 *
 * Returns: (transfer full) (element-type VnetDhcpLease): the leases.
 */
GPtrArray *
vnet_dnsmasq_read_leases(const VnetNetworkDef *live, const char *dir, GError **error)
{
    g_autofree char *path = g_build_filename(dir, LEASE_FILE, NULL);
    g_autoptr(GPtrArray) leases =
        g_ptr_array_new_with_free_func((GDestroyNotify)vnet_dhcp_lease_free);
    g_autoptr(GError) local_error = NULL;
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;

    if (!g_file_get_contents(path, &text, NULL, &local_error)) {
        if (g_error_matches(local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return g_steal_pointer(&leases);
        g_set_error(error, VNET_ERROR, VNET_ERROR_IO, _("network '%s': reading leases: %s"),
                    live->name, local_error->message);
        return NULL;
    }
    lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        g_auto(GStrv) f = g_strsplit(lines[i], " ", -1);
        VnetDhcpLease *lease;
        VnetInetAddr addr;
        VnetMac mac;
        char mac_text[VNET_MAC_STRLEN];

        if (g_strv_length(f) < 5 || vnet_mac_parse(f[1], &mac) < 0 ||
            vnet_inet_parse(f[2], 0, &addr) < 0)
            continue;
        vnet_mac_format(&mac, mac_text);
        lease = g_new0(VnetDhcpLease, 1);
        lease->expiry_time = g_ascii_strtoll(f[0], NULL, 10);
        lease->mac = g_strdup(mac_text);
        lease->ip = vnet_inet_to_string(&addr);
        lease->prefix = prefix_for(live, &addr);
        lease->hostname = g_str_equal(f[3], "*") ? NULL : g_strdup(f[3]);
        lease->client_id = g_str_equal(f[4], "*") ? NULL : g_strdup(f[4]);
        g_ptr_array_add(leases, lease);
    }
    return g_steal_pointer(&leases);
}
