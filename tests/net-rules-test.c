/* net-rules-test.c: what networks hand to nft and dnsmasq, built without
 * touching the host (the builders are pure), and the privileged-port check
 * that runs before anything is created. The traffic proof is in
 * net-realize-test.c. */
#include <config.h>

#include <sys/wait.h>
#include <unistd.h>

#include <vnet/vnet.h>

#include "network/dnsmasq.h"
#include "network/net-bridged.h"
#include "network/nftables.h"
#include "test-util.h"

static VnetNetworkDef *
parse(const char *xml)
{
    g_autoptr(GError) error = NULL;
    VnetNetworkDef *def = vnet_network_def_parse_string(xml, "test.xml", &error);

    g_assert_no_error(error);
    g_assert_true(vnet_network_def_validate(def, &error));
    if (!def->bridge_name)
        def->bridge_name = g_strdup("vnbr7");
    return def;
}

static const char nat_xml[] =
    "<network><name>natnet1</name>"
    "<forward mode='nat'>"
    "<portForward name='ssh' protocol='tcp' hostPort='2222' guestAddress='192.168.15.5'"
    " guestPort='22'/>"
    "<portForward name='dns6' protocol='udp' hostAddress='fd00::1' hostPort='5353'"
    " guestAddress='fd15::5' guestPort='53'/>"
    "</forward>"
    "<ip address='192.168.15.1' prefix='24'><dhcp>"
    "<range start='192.168.15.100' end='192.168.15.199'/>"
    "<host mac='52:54:00:00:00:05' ip='192.168.15.5' name='five'/>"
    "</dhcp></ip>"
    "<ip family='ipv6' address='fd15::1' prefix='64'/>"
    "</network>";

static void
test_nft_nat(void)
{
    g_autoptr(VnetNetworkDef) def = parse(nat_xml);
    g_autofree char *script = vnet_nft_network_script(def, TRUE);
    g_autofree char *removal = vnet_nft_network_script(def, FALSE);

    /* one transaction: make sure, delete, add again */
    g_assert_true(g_str_has_prefix(script, "table ip vnet-natnet1 {}\n"
                                           "delete table ip vnet-natnet1\n"
                                           "table ip vnet-natnet1 {\n"));
    g_assert_nonnull(strstr(script, "ip saddr { 192.168.15.0/24 } ip daddr != "
                                    "{ 192.168.15.0/24 } ip daddr != { 224.0.0.0/24, "
                                    "255.255.255.255 } masquerade"));
    g_assert_nonnull(strstr(script, "fib daddr type local tcp dport 2222 dnat to "
                                    "192.168.15.5:22 comment \"ssh\""));
    g_assert_nonnull(strstr(script, "chain output {"));
    g_assert_nonnull(strstr(script, "ip6 daddr fd00::1 udp dport 5353 dnat to [fd15::5]:53"));
    /* no IPv6 masquerade without <nat ipv6='yes'> */
    g_assert_null(strstr(script, "ip6 saddr { fd15::/64 } ip6 daddr != { fd15::/64 } ip6 "
                                 "daddr != ff00::/8 masquerade"));
    g_assert_nonnull(strstr(script, "oifname \"vnbr7\" reject"));
    g_assert_cmpstr(removal, ==,
                    "table ip vnet-natnet1 {}\ndelete table ip vnet-natnet1\n"
                    "table ip6 vnet-natnet1 {}\ndelete table ip6 vnet-natnet1\n");
}

static void
test_nft_kinds(void)
{
    g_autoptr(VnetNetworkDef) internal = parse("<network><name>lab</name>"
                                               "<forward mode='internal'/></network>");
    g_autoptr(VnetNetworkDef) hostonly = parse("<network><name>ho</name>"
                                               "<forward mode='hostonly'/></network>");
    g_autoptr(VnetNetworkDef) odd = parse("<network><name>9 lives</name>"
                                          "<forward mode='internal'/></network>");
    g_autofree char *s_internal = vnet_nft_network_script(internal, TRUE);
    g_autofree char *s_hostonly = vnet_nft_network_script(hostonly, TRUE);
    g_autofree char *odd_name = vnet_nft_table_name(odd);

    g_assert_nonnull(strstr(s_internal, "type filter hook input priority filter; policy "
                                        "accept;\n    iifname \"vnbr7\" drop"));
    g_assert_null(strstr(s_internal, "masquerade"));
    g_assert_null(strstr(s_hostonly, "masquerade"));
    g_assert_nonnull(strstr(s_hostonly, "iifname \"vnbr7\" drop"));
    g_assert_true(g_str_has_prefix(odd_name, "vnet-"));
    g_assert_null(strchr(odd_name, ' '));
}

static void
test_dnsmasq_config(void)
{
    g_autoptr(VnetNetworkDef) def = parse(nat_xml);
    g_autoptr(VnetNetworkDef) hostonly = parse("<network><name>ho</name>"
                                               "<forward mode='hostonly'/></network>");
    g_autofree char *conf = vnet_dnsmasq_config(def, "/run/x");
    g_autofree char *ho_conf = vnet_dnsmasq_config(hostonly, "/run/y");

    g_assert_true(vnet_dnsmasq_needed(def));
    g_assert_nonnull(strstr(conf, "\ninterface=vnbr7\n"));
    g_assert_nonnull(strstr(conf, "\nexcept-interface=lo\nbind-dynamic\n"));
    g_assert_nonnull(strstr(conf, "\npid-file=/run/x/dnsmasq.pid\n"));
    g_assert_nonnull(strstr(conf, "\ndhcp-range=192.168.15.100,192.168.15.199,255.255.255.0\n"));
    g_assert_nonnull(strstr(conf, "\ndhcp-host=52:54:00:00:00:05,192.168.15.5,five\n"));
    g_assert_nonnull(strstr(conf, "\ndhcp-leasefile=/run/x/dnsmasq.leases\n"));
    g_assert_nonnull(strstr(conf, "\nenable-ra\n"));
    g_assert_null(strstr(conf, "dhcp-option=3"));
    /* VirtualBox's host-only defaults; no default route through the host */
    g_assert_nonnull(strstr(ho_conf, "dhcp-range=192.168.56.101,192.168.56.254,255.255.255.0"));
    g_assert_nonnull(strstr(ho_conf, "\ndhcp-option=3\n"));
}

static void
test_low_ports(void)
{
    g_autoptr(VnetNetworkDef) def = parse(
        "<network><name>low</name><forward mode='nat'>"
        "<portForward name='http' protocol='tcp' hostPort='80' guestAddress='10.9.0.5'"
        " guestPort='80'/></forward><ip address='10.9.0.1' prefix='24'/></network>");
    g_autoptr(GError) error = NULL;
    pid_t pid;
    int status;

    if (geteuid() == 0)
        g_assert_true(vnet_network_check_forward_ports(def, &error));
    /* an unprivileged process (a child that gave up root) is refused with a
     * clear error, before anything is created */
    pid = fork();
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) < 0 || setuid(65534) < 0))
            _exit(3);
        if (vnet_network_check_forward_ports(def, &error))
            _exit(1);
        _exit(error->code == VNET_ERROR_ACCESS_DENIED &&
                      strstr(error->message, "port forward 'http' uses host port 80")
                  ? 0
                  : 2);
    }
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/net/rules/nft-nat", test_nft_nat);
    g_test_add_func("/net/rules/nft-kinds", test_nft_kinds);
    g_test_add_func("/net/rules/dnsmasq", test_dnsmasq_config);
    g_test_add_func("/net/rules/low-ports", test_low_ports);
    return g_test_run();
}
