/* direct-api-bench.c: start and destroy N netns domains with M direct NICs
 * each through the public API (local:///?root=TMPDIR), and compare with
 * `ip -batch` creating the same links and deleting them by group, in the
 * same run and the same private namespace.
 *
 *   bench/direct-api-bench [--domains N] [--nics M] [--verbose]
 *
 * vnet's start of a domain is: a named namespace (bind mount, loopback up),
 * a netdev group chosen, per NIC the source checks and one RTM_NEWLINK that
 * creates the macvlan inside the namespace, and the status file written
 * atomically; destroy is one RTM_DELLINK for the domain's group inside the
 * namespace, the namespace unmounted, the status file removed. The floors
 * are `ip -batch` creating the same macvlans (MAC, group, up, mode; one
 * request each) and deleting them with one `link del group` per domain, and
 * `ip -batch` adding and deleting the same number of named namespaces.
 *
 * Needs root; touches only a private network and mount namespace.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "bench-util.h"

#define IP_GROUP_BASE 50000u

static int n_domains = 100;
static int n_nics = 8;
static gboolean verbose;

static char *
mac_for(int domain, int nic)
{
    return g_strdup_printf("52:54:00:%02x:%02x:%02x", (domain >> 8) & 0xff, domain & 0xff,
                           nic & 0xff);
}

static char *
domain_xml(int d)
{
    GString *xml = g_string_new(NULL);

    g_string_append_printf(xml, "<domain type='netns'><name>vnb%d</name><devices>", d);
    for (int i = 0; i < n_nics; i++) {
        g_autofree char *mac = mac_for(d, i);

        g_string_append_printf(xml,
                               "<interface type='direct'><mac address='%s'/>"
                               "<source dev='vnb-phys' mode='bridge'/></interface>",
                               mac);
    }
    g_string_append(xml, "</devices></domain>");
    return g_string_free(xml, FALSE);
}

/* vnet through the public API: all domains started one after the other,
 * then destroyed one after the other. */
static void
bench_vnet(const char *uri, double *start_us, double *destroy_us)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VnetConnection) conn = vnet_connection_open(uri, &error);
    VnetDomain **domains = g_new0(VnetDomain *, n_domains);

    if (!conn)
        bench_die("%s: %s", uri, error->message);
    for (int d = 0; d < n_domains; d++) {
        g_autofree char *xml = domain_xml(d);

        domains[d] = vnet_domain_define_xml(conn, xml, &error);
        if (!domains[d])
            bench_die("defining domain %d: %s", d, error->message);
    }
    for (int d = 0; d < n_domains; d++) {
        double t0 = bench_now_us();

        if (!vnet_domain_start(domains[d], &error))
            bench_die("starting domain %d: %s", d, error->message);
        start_us[d] = bench_now_us() - t0;
    }
    for (int d = 0; d < n_domains; d++) {
        double t0 = bench_now_us();

        if (!vnet_domain_destroy(domains[d], &error))
            bench_die("destroying domain %d: %s", d, error->message);
        destroy_us[d] = bench_now_us() - t0;
    }
    for (int d = 0; d < n_domains; d++) {
        if (!vnet_domain_undefine(domains[d], &error))
            bench_die("undefining domain %d: %s", d, error->message);
        vnet_domain_unref(domains[d]);
    }
    g_free(domains);
}

typedef struct {
    double create_links, delete_groups; /* the links */
    double add_netns, del_netns;        /* the namespaces */
} Floor;

static Floor
bench_ip_batch(void)
{
    g_autofree char *dir = g_dir_make_tmp("vnet-bench-XXXXXX", NULL);
    g_autoptr(GString) create = g_string_new(NULL);
    g_autoptr(GString) delete = g_string_new(NULL);
    g_autoptr(GString) add_ns = g_string_new(NULL);
    g_autoptr(GString) del_ns = g_string_new(NULL);
    Floor f;

    if (!dir)
        bench_die("temporary directory: %s", g_strerror(errno));
    for (int d = 0; d < n_domains; d++) {
        for (int i = 0; i < n_nics; i++) {
            g_autofree char *mac = mac_for(d, i);

            g_string_append_printf(create,
                                   "link add link vnb-phys name vnbl%d address %s group %u up "
                                   "type macvlan mode bridge\n",
                                   d * n_nics + i, mac, IP_GROUP_BASE + d);
        }
        g_string_append_printf(delete, "link del group %u\n", IP_GROUP_BASE + d);
        g_string_append_printf(add_ns, "netns add vnbip%d\n", d);
        g_string_append_printf(del_ns, "netns del vnbip%d\n", d);
    }
    f.create_links = bench_time_ip_batch(dir, "create", create->str);
    f.delete_groups = bench_time_ip_batch(dir, "delete", delete->str);
    f.add_netns = bench_time_ip_batch(dir, "add-netns", add_ns->str);
    f.del_netns = bench_time_ip_batch(dir, "del-netns", del_ns->str);
    rmdir(dir);
    return f;
}

static void
print_stats(const char *what, const double *values)
{
    bench_print_stats_us(what, 20, values, n_domains);
}

int
main(int argc, char **argv)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *root = NULL;
    g_autofree char *uri = NULL;
    g_autofree double *start_us = NULL;
    g_autofree double *destroy_us = NULL;
    double start_mean;
    double destroy_mean;
    double links_create;
    double links_delete;
    double ns_add;
    double ns_del;
    Floor f;

    bench_init("direct-api-bench");
    bench_parse_domain_options(&argc, &argv, "- direct NICs through the API", &n_domains, &n_nics, &verbose);

    bench_enter_private_namespace(TRUE);
    bench_run("ip link set lo up && "
        "ip link add vnb-phys type veth peer name vnb-far && ip link set vnb-phys up && "
        "ip link set vnb-far up");
    root = g_dir_make_tmp("vnet-bench-root-XXXXXX", &error);
    if (!root)
        bench_die("%s", error->message);
    uri = g_strdup_printf("local:///?root=%s", root);

    start_us = g_new0(double, n_domains);
    destroy_us = g_new0(double, n_domains);
    bench_vnet(uri, start_us, destroy_us);
    if (verbose) {
        for (int d = 0; d < n_domains; d++)
            printf("domain %3d: start %8.0f us, destroy %8.0f us\n", d, start_us[d],
                   destroy_us[d]);
    }
    f = bench_ip_batch();

    links_create = f.create_links / n_domains;
    links_delete = f.delete_groups / n_domains;
    ns_add = f.add_netns / n_domains;
    ns_del = f.del_netns / n_domains;
    start_mean = bench_stats_of(start_us, n_domains).mean;
    destroy_mean = bench_stats_of(destroy_us, n_domains).mean;
    printf("direct NICs through the API: %d netns domains x %d macvlans (bridge mode) on a "
           "veth, local:///?root=..., private namespace\n",
           n_domains, n_nics);
    printf("vnet:\n");
    print_stats("start per domain", start_us);
    print_stats("destroy per domain", destroy_us);
    printf("ip -batch, per domain (same links: one add each with MAC, group, up, mode; one "
           "del group per domain):\n");
    printf("  %-20s %8.0f us (links)  + %8.0f us (netns add) = %8.0f us\n", "create", links_create,
           ns_add, links_create + ns_add);
    printf("  %-20s %8.0f us (links)  + %8.0f us (netns del) = %8.0f us\n", "group delete",
           links_delete, ns_del, links_delete + ns_del);
    printf("ratio vnet / ip -batch (means per domain):\n");
    printf("  start   %6.2f against the links alone, %6.2f with the namespace\n",
           start_mean / links_create, start_mean / (links_create + ns_add));
    printf("  destroy %6.2f against the group delete alone, %6.2f with the namespace\n",
           destroy_mean / links_delete, destroy_mean / (links_delete + ns_del));

    bench_run("rm -rf '%s'", root);
    return 0;
}
