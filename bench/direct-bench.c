/* direct-bench.c: start and destroy N domains with M direct NICs each
 * (macvtap in bridge mode on a veth standing in for the physical NIC, the
 * tap device opened, the domain's own netdev group), through
 * src/network/link-direct, and compare with `ip -batch` creating the same
 * links and deleting them by group, in the same run and the same kind of
 * private namespace.
 *
 *   bench/direct-bench [--domains N] [--nics M] [--verbose]
 *
 * Needs root; touches only a private network and mount namespace.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "bench-util.h"
#include "network/link-direct.h"

#define GROUP_BASE 40000u

static int n_domains = 100;
static int n_nics = 8;
static gboolean verbose;

static void
mac_for(int domain, int nic, VnetMac *mac)
{
    guint8 bytes[6] = {0x52, 0x54, 0x00, (guint8)(domain >> 8), (guint8)domain, (guint8)nic};

    memcpy(mac->addr, bytes, 6);
}

/* vnet: per domain, M realizes (one RTM_NEWLINK each, plus the lookups and
 * the tap open) and one teardown (one RTM_DELLINK for the group). */
static void
bench_vnet(double *start_us, double *destroy_us, double *close_us, double *delete_us,
           guint64 *start_requests, guint64 *destroy_requests)
{
    g_autoptr(VnetNl) nl = NULL;
    g_autoptr(VnetDirectRegistry) registry = vnet_direct_registry_new();
    GPtrArray **domains = g_new0(GPtrArray *, n_domains);
    int r;

    if ((r = vnet_nl_open(&nl)) < 0)
        bench_die("netlink: %s", g_strerror(-r));
    for (int d = 0; d < n_domains; d++) {
        g_autofree char *name = g_strdup_printf("bench%d", d);
        guint64 before = vnet_nl_get_request_count(nl);
        double t0 = bench_now_us();

        domains[d] = g_ptr_array_new_with_free_func((GDestroyNotify)vnet_direct_link_free);
        for (int i = 0; i < n_nics; i++) {
            g_autoptr(GError) error = NULL;
            VnetMac mac;
            VnetDirectDef def = {.source_dev = "vnb-phys", .mode = VNET_DIRECT_MODE_BRIDGE,
                                 .mac = &mac};
            VnetDirectCtx ctx = {.nl = nl, .group = GROUP_BASE + d, .domain = name,
                                 .registry = registry};
            VnetDirectLink *link = NULL;

            mac_for(d, i, &mac);
            if (!vnet_direct_realize(&def, &ctx, &link, &error))
                bench_die("domain %d NIC %d: %s", d, i, error->message);
            g_ptr_array_add(domains[d], link);
        }
        start_us[d] = bench_now_us() - t0;
        start_requests[d] = vnet_nl_get_request_count(nl) - before;
    }
    for (int d = 0; d < n_domains; d++) {
        g_autoptr(GError) error = NULL;
        guint64 before = vnet_nl_get_request_count(nl);
        double t0 = bench_now_us();
        double t1;

        /* the guest backend lets go of the tap fds first; the kernel waits
         * for an RCU grace period per closed queue */
        for (guint i = 0; i < domains[d]->len; i++) {
            int fd = vnet_direct_link_steal_tap_fd(g_ptr_array_index(domains[d], i));

            if (fd >= 0)
                close(fd);
        }
        t1 = bench_now_us();
        if (!vnet_direct_teardown(nl, NULL, GROUP_BASE + d, domains[d], &error))
            bench_die("domain %d: %s", d, error->message);
        destroy_us[d] = bench_now_us() - t0;
        close_us[d] = t1 - t0;
        delete_us[d] = bench_now_us() - t1;
        destroy_requests[d] = vnet_nl_get_request_count(nl) - before;
        g_ptr_array_unref(domains[d]);
    }
    g_free(domains);
}

/* ip -batch: the same links (name, MAC, group, up, mode in one request
 * each), created from one batch file, then deleted by group from another:
 * the floor of one netlink request per link and one per domain, without
 * name allocation or opening tap devices. */
static void
bench_ip_batch(double *create_us, double *delete_us)
{
    g_autofree char *dir = g_dir_make_tmp("vnet-bench-XXXXXX", NULL);
    g_autoptr(GString) create = g_string_new(NULL);
    g_autoptr(GString) delete = g_string_new(NULL);

    if (!dir)
        bench_die("temporary directory: %s", g_strerror(errno));
    for (int d = 0; d < n_domains; d++) {
        for (int i = 0; i < n_nics; i++) {
            VnetMac mac;
            char mac_str[VNET_MAC_STRLEN];

            mac_for(d, i, &mac);
            vnet_mac_format(&mac, mac_str);
            g_string_append_printf(create,
                                   "link add link vnb-phys name vnbtap%d address %s group %u up "
                                   "type macvtap mode bridge\n",
                                   d * n_nics + i, mac_str, GROUP_BASE + d);
        }
        g_string_append_printf(delete, "link del group %u\n", GROUP_BASE + d);
    }
    *create_us = bench_time_ip_batch(dir, "create", create->str);
    *delete_us = bench_time_ip_batch(dir, "delete", delete->str);
    rmdir(dir);
}

static void
print_stats(const char *what, const double *values)
{
    bench_print_stats_us(what, 22, values, n_domains);
}

int
main(int argc, char **argv)
{
    double *start_us;
    double *destroy_us;
    double *close_us;
    double *delete_us;
    guint64 *start_req;
    guint64 *destroy_req;
    double vnet_start_mean;
    double vnet_destroy_mean;
    double vnet_delete_mean;
    double ip_create = 0;
    double ip_delete = 0;
    double ip_create_per_domain;
    double ip_delete_per_domain;

    bench_init("direct-bench");
    bench_parse_domain_options(&argc, &argv, "- direct NIC start/destroy", &n_domains, &n_nics, &verbose);

    bench_enter_private_namespace(FALSE);
    bench_run("ip link add vnb-phys type veth peer name vnb-far && ip link set vnb-phys up && "
        "ip link set vnb-far up");

    start_us = g_new0(double, n_domains);
    destroy_us = g_new0(double, n_domains);
    close_us = g_new0(double, n_domains);
    delete_us = g_new0(double, n_domains);
    start_req = g_new0(guint64, n_domains);
    destroy_req = g_new0(guint64, n_domains);
    bench_vnet(start_us, destroy_us, close_us, delete_us, start_req, destroy_req);
    if (verbose) {
        for (int d = 0; d < n_domains; d++)
            printf("domain %3d: start %8.0f us (%" G_GUINT64_FORMAT " requests), destroy %8.0f us "
                   "(%" G_GUINT64_FORMAT " request%s)\n",
                   d, start_us[d], start_req[d], destroy_us[d], destroy_req[d],
                   destroy_req[d] == 1 ? "" : "s");
    }
    bench_ip_batch(&ip_create, &ip_delete);

    ip_create_per_domain = ip_create / n_domains;
    ip_delete_per_domain = ip_delete / n_domains;
    printf("direct NICs: %d domains x %d macvtaps (bridge mode) on a veth, private namespace\n",
           n_domains, n_nics);
    printf("vnet (link-direct, tap fd opened; %" G_GUINT64_FORMAT " requests per start, "
           "%" G_GUINT64_FORMAT " per destroy):\n",
           start_req[0], destroy_req[0]);
    print_stats("start per domain", start_us);
    vnet_start_mean = bench_stats_of(start_us, n_domains).mean;
    vnet_destroy_mean = bench_stats_of(destroy_us, n_domains).mean;
    vnet_delete_mean = bench_stats_of(delete_us, n_domains).mean;
    print_stats("destroy per domain", destroy_us);
    print_stats("  closing the tap fds", close_us);
    print_stats("  group delete", delete_us);
    printf("ip -batch (same links, one add per link, one del group per domain):\n");
    printf("  %-22s %8.0f us total, %8.0f us per domain\n", "create", ip_create,
           ip_create_per_domain);
    printf("  %-22s %8.0f us total, %8.0f us per domain\n", "group delete", ip_delete,
           ip_delete_per_domain);
    printf("ratio vnet / ip -batch (means per domain):  start %.2f   destroy %.2f   "
           "destroy without closing taps %.2f\n",
           vnet_start_mean / ip_create_per_domain, vnet_destroy_mean / ip_delete_per_domain,
           vnet_delete_mean / ip_delete_per_domain);

    g_free(start_us);
    g_free(destroy_us);
    g_free(close_us);
    g_free(delete_us);
    g_free(start_req);
    g_free(destroy_req);
    return 0;
}
