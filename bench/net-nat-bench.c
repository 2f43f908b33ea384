/* net-nat-bench.c: start and destroy a NAT network with DHCP and 10 port
 * forwards, N times, through the public API on local:///?root=TMPDIR, beside
 * the same host operations done by hand with the tools (ip, nft, dnsmasq)
 * in the same run and the same private namespace, as a ratio.
 *
 *   bench/net-nat-bench [--runs 100] [--verbose]
 *
 * vnet's start is: the bridge (one RTM_NEWLINK), IPv6 off on it, its address,
 * up, ip_forward on, one `nft -f -` transaction (two tables), dnsmasq's
 * configuration written and dnsmasq started (its first process returns once
 * it serves), the status file written; destroy is dnsmasq stopped (SIGTERM,
 * waiting until it is gone), one `nft -f -` removing the tables, one
 * RTM_DELLINK, the status file removed. The hand-made floor runs the same
 * steps as commands: `ip link add`, `ip addr add`, `ip link set up`,
 * `nft -f FILE` with the same rules, `dnsmasq --conf-file` with the same
 * configuration; then kill + wait, `nft delete table` x2, `ip link del`.
 */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnet/vnet.h>

#include "bench-util.h"

#include "network/dnsmasq.h"
#include "network/nftables.h"

static int n_runs = 100;
static gboolean verbose;

static GString *
network_xml(void)
{
    GString *xml = g_string_new("<network><name>bench</name><bridge name='vnbrbench'/>"
                                "<forward mode='nat'>");

    for (guint i = 0; i < 10; i++)
        g_string_append_printf(xml,
                               "<portForward name='f%u' protocol='tcp' hostPort='%u' "
                               "guestAddress='192.168.150.%u' guestPort='80'/>",
                               i, 10000 + i, 10 + i);
    g_string_append(xml, "</forward><ip address='192.168.150.1' prefix='24'><dhcp>"
                         "<range start='192.168.150.100' end='192.168.150.200'/>"
                         "</dhcp></ip></network>");
    return xml;
}

/* Prints a line of statistics over @times (ms); returns their mean. */
static double
report(const char *what, GArray *times)
{
    BenchStats s = bench_stats_of((const double *)(void *)times->data, times->len);

    printf("  %-28s min %7.2f  median %7.2f  mean %7.2f  p90 %7.2f  max %7.2f ms\n", what,
           s.min, s.median, s.mean, s.p90, s.max);
    return s.mean;
}

static int
read_pid(const char *path)
{
    g_autofree char *text = NULL;

    for (guint i = 0; i < 500; i++) {
        if (g_file_get_contents(path, &text, NULL, NULL) && atoi(text) > 0)
            return atoi(text);
        g_usleep(1000);
    }
    bench_die("no pid in %s", path);
}

static void
wait_gone(int pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d", pid);

    while (g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_autofree char *stat_path = g_strdup_printf("/proc/%d/stat", pid);
        g_autofree char *stat = NULL;

        /* a zombie of a daemon (its parent is gone) counts as gone */
        if (g_file_get_contents(stat_path, &stat, NULL, NULL) && strstr(stat, ") Z "))
            return;
        g_usleep(200);
    }
}

int
main(int argc, char **argv)
{
    GOptionEntry entries[] = {
        {"runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "start/destroy cycles", "N"},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "print every cycle", NULL},
        {NULL},
    };
    g_autoptr(GOptionContext) opts = g_option_context_new("- NAT network start/destroy");
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) xml = network_xml();
    g_autoptr(VnetConnection) conn = NULL;
    g_autoptr(VnetNetwork) net = NULL;
    g_autoptr(VnetNetworkDef) def = NULL;
    g_autoptr(GArray) v_start = g_array_new(FALSE, FALSE, sizeof(double));
    g_autoptr(GArray) v_stop = g_array_new(FALSE, FALSE, sizeof(double));
    g_autoptr(GArray) h_start = g_array_new(FALSE, FALSE, sizeof(double));
    g_autoptr(GArray) h_stop = g_array_new(FALSE, FALSE, sizeof(double));
    g_autofree char *root = NULL;
    g_autofree char *uri = NULL;
    g_autofree char *hand_dir = NULL;
    g_autofree char *nft_file = NULL;
    g_autofree char *conf_file = NULL;
    g_autofree char *pid_file = NULL;
    g_autofree char *script = NULL;
    g_autofree char *conf = NULL;
    double vs, vd, hs, hd;

    bench_init("net-nat-bench");
    g_option_context_add_main_entries(opts, entries, NULL);
    if (!g_option_context_parse(opts, &argc, &argv, &error))
        bench_die("%s", error->message);
    bench_enter_private_namespace(FALSE);
    bench_run("ip link set lo up");
    root = g_dir_make_tmp("vnet-bench-XXXXXX", &error);
    if (!root)
        bench_die("%s", error->message);
    uri = g_strdup_printf("local:///?root=%s", root);
    conn = vnet_connection_open(uri, &error);
    if (!conn)
        bench_die("%s", error->message);
    net = vnet_network_define_xml(conn, xml->str, &error);
    if (!net)
        bench_die("%s", error->message);

    /* the hand-made floor uses exactly what vnet would write */
    def = vnet_network_def_parse_string(xml->str, "bench", &error);
    if (!def)
        bench_die("%s", error->message);
    hand_dir = g_build_filename(root, "hand", NULL);
    g_mkdir_with_parents(hand_dir, 0755);
    nft_file = g_build_filename(hand_dir, "rules.nft", NULL);
    conf_file = g_build_filename(hand_dir, "dnsmasq.conf", NULL);
    pid_file = g_build_filename(hand_dir, "dnsmasq.pid", NULL);
    script = vnet_nft_network_script(def, TRUE);
    conf = vnet_dnsmasq_config(def, hand_dir);
    if (!g_file_set_contents(nft_file, script, -1, &error) ||
        !g_file_set_contents(conf_file, conf, -1, &error))
        bench_die("%s", error->message);

    for (int i = 0; i < n_runs; i++) {
        gint64 t0, t1, t2;
        double a, b;
        int pid;

        t0 = g_get_monotonic_time();
        if (!vnet_network_start(net, &error))
            bench_die("start: %s", error->message);
        t1 = g_get_monotonic_time();
        if (!vnet_network_destroy(net, &error))
            bench_die("destroy: %s", error->message);
        t2 = g_get_monotonic_time();
        a = (t1 - t0) / 1000.0;
        b = (t2 - t1) / 1000.0;
        g_array_append_val(v_start, a);
        g_array_append_val(v_stop, b);

        t0 = g_get_monotonic_time();
        bench_run("ip link add vnbrbench type bridge && "
            "echo 1 > /proc/sys/net/ipv6/conf/vnbrbench/disable_ipv6 && "
            "ip addr add 192.168.150.1/24 dev vnbrbench && ip link set vnbrbench up && "
            "echo 1 > /proc/sys/net/ipv4/ip_forward && nft -f %s && dnsmasq --conf-file=%s",
            nft_file, conf_file);
        pid = read_pid(pid_file);
        t1 = g_get_monotonic_time();
        kill(pid, SIGTERM);
        wait_gone(pid);
        bench_run("nft delete table ip vnet-bench && nft delete table ip6 vnet-bench && "
            "ip link del vnbrbench && rm -f %s", pid_file);
        t2 = g_get_monotonic_time();
        a = (t1 - t0) / 1000.0;
        b = (t2 - t1) / 1000.0;
        g_array_append_val(h_start, a);
        g_array_append_val(h_stop, b);
        if (verbose)
            printf("%4d  vnet %.2f / %.2f ms   by hand %.2f / %.2f ms\n", i,
                   g_array_index(v_start, double, i), g_array_index(v_stop, double, i),
                   g_array_index(h_start, double, i), g_array_index(h_stop, double, i));
    }
    printf("NAT network with DHCP and 10 port forwards, %d start/destroy cycles\n", n_runs);
    vs = report("vnet start", v_start);
    vd = report("vnet destroy", v_stop);
    hs = report("by hand start (ip/nft/dnsmasq)", h_start);
    hd = report("by hand destroy", h_stop);
    printf("  ratio vnet / by hand: start %.2f, destroy %.2f, both %.2f\n", vs / hs, vd / hd,
           (vs + vd) / (hs + hd));
    bench_run("rm -rf '%s'", root);
    return 0;
}
