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
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/link-direct.h"

#define GROUP_BASE 40000u

static int n_domains = 100;
static int n_nics = 8;
static gboolean verbose;

static void G_GNUC_NORETURN G_GNUC_PRINTF(1, 2)
die(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    fputs("direct-bench: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(1);
}

/* A private network namespace with its own sysfs (macvtap devices are found
 * there), so nothing here reaches the machine's network. */
static void
enter_private_namespace(void)
{
    if (geteuid() != 0)
        die("needs root (it creates a private network namespace)");
    if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0)
        die("unshare: %s", g_strerror(errno));
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        die("making / private: %s", g_strerror(errno));
    if (umount2("/sys", MNT_DETACH) < 0 && errno != EINVAL)
        die("detaching /sys: %s", g_strerror(errno));
    if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
        die("mounting sysfs: %s", g_strerror(errno));
}

static void
run(const char *command)
{
    int status = system(command);

    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        die("'%s' failed", command);
}

static double
now_us(void)
{
    return (double)g_get_monotonic_time();
}

static int
compare_double(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;

    return (x > y) - (x < y);
}

typedef struct {
    double min, median, mean, p90, max;
} Stats;

static Stats
stats_of(double *values, int n)
{
    Stats s = {0};
    double sum = 0;

    qsort(values, n, sizeof(double), compare_double);
    for (int i = 0; i < n; i++)
        sum += values[i];
    s.min = values[0];
    s.median = values[n / 2];
    s.mean = sum / n;
    s.p90 = values[(n * 9) / 10 < n ? (n * 9) / 10 : n - 1];
    s.max = values[n - 1];
    return s;
}

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
        die("netlink: %s", g_strerror(-r));
    for (int d = 0; d < n_domains; d++) {
        g_autofree char *name = g_strdup_printf("bench%d", d);
        guint64 before = vnet_nl_get_request_count(nl);
        double t0 = now_us();

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
                die("domain %d NIC %d: %s", d, i, error->message);
            g_ptr_array_add(domains[d], link);
        }
        start_us[d] = now_us() - t0;
        start_requests[d] = vnet_nl_get_request_count(nl) - before;
    }
    for (int d = 0; d < n_domains; d++) {
        g_autoptr(GError) error = NULL;
        guint64 before = vnet_nl_get_request_count(nl);
        double t0 = now_us();
        double t1;

        /* the guest backend lets go of the tap fds first; the kernel waits
         * for an RCU grace period per closed queue */
        for (guint i = 0; i < domains[d]->len; i++) {
            int fd = vnet_direct_link_steal_tap_fd(g_ptr_array_index(domains[d], i));

            if (fd >= 0)
                close(fd);
        }
        t1 = now_us();
        if (!vnet_direct_teardown(nl, NULL, GROUP_BASE + d, domains[d], &error))
            die("domain %d: %s", d, error->message);
        destroy_us[d] = now_us() - t0;
        close_us[d] = t1 - t0;
        delete_us[d] = now_us() - t1;
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
    g_autofree char *create_path = NULL;
    g_autofree char *delete_path = NULL;
    g_autofree char *cmd = NULL;
    GString *create = g_string_new(NULL);
    GString *delete = g_string_new(NULL);
    double t0;

    if (!dir)
        die("temporary directory: %s", g_strerror(errno));
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
    create_path = g_build_filename(dir, "create", NULL);
    delete_path = g_build_filename(dir, "delete", NULL);
    if (!g_file_set_contents(create_path, create->str, -1, NULL) ||
        !g_file_set_contents(delete_path, delete->str, -1, NULL))
        die("writing the batch files");

    cmd = g_strdup_printf("ip -batch %s", create_path);
    t0 = now_us();
    run(cmd);
    *create_us = now_us() - t0;
    g_free(cmd);
    cmd = g_strdup_printf("ip -batch %s", delete_path);
    t0 = now_us();
    run(cmd);
    *delete_us = now_us() - t0;

    unlink(create_path);
    unlink(delete_path);
    rmdir(dir);
    g_string_free(create, TRUE);
    g_string_free(delete, TRUE);
}

static void
print_stats(const char *what, double *values)
{
    Stats s = stats_of(values, n_domains);

    printf("  %-22s min %8.0f  median %8.0f  mean %8.0f  p90 %8.0f  max %8.0f us\n", what, s.min,
           s.median, s.mean, s.p90, s.max);
}

int
main(int argc, char **argv)
{
    GOptionEntry entries[] = {
        {"domains", 'd', 0, G_OPTION_ARG_INT, &n_domains, "domains to start (100)", "N"},
        {"nics", 'n', 0, G_OPTION_ARG_INT, &n_nics, "direct NICs per domain (8)", "M"},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "print every domain's times", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) options = g_option_context_new("- direct NIC start/destroy");
    g_autoptr(GError) error = NULL;
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

    g_option_context_add_main_entries(options, entries, NULL);
    if (!g_option_context_parse(options, &argc, &argv, &error))
        die("%s", error->message);
    if (n_domains < 1 || n_domains > 10000 || n_nics < 1 || n_nics > 64)
        die("--domains must be 1..10000 and --nics 1..64");

    enter_private_namespace();
    run("ip link add vnb-phys type veth peer name vnb-far && ip link set vnb-phys up && "
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
    vnet_start_mean = stats_of(start_us, n_domains).mean;
    vnet_destroy_mean = stats_of(destroy_us, n_domains).mean;
    vnet_delete_mean = stats_of(delete_us, n_domains).mean;
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
