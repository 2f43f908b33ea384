/* vnsh-cmd-test.c: every vnsh command in argv mode on test:///default, as a
 * user runs them: output, exit status (0 success, 1 failed, 2 usage),
 * "error: ..." on stderr. The test driver keeps its state in memory, so a
 * case that needs several steps runs them in one vnsh as "a; b; c". */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "netns-helper.h"
#include "test-util.h"
#include "vnsh-test-common.h"

typedef struct {
    const char *path;
    const char *line;        /* vnsh -c test:///default LINE; "%s" is the top srcdir */
    int status;
    const char *out_has[6];  /* substrings of stdout, in this order */
    const char *out_lacks;   /* not in stdout */
    const char *err_has;     /* substring of stderr; NULL: stderr is empty */
} Case;

static const Case cases[] = {
    /* ---- domains ---- */
    {"list/running", "list", 0,
     {" Name ", " UUID ", " Type ", " State", "test   6695eb01-f6a4-8304-79aa-97f2502e193f   test   running"}},
    {"list/inactive-empty", "list --inactive", 0, {" Name "}, "6695eb01"},
    {"list/all", "destroy test; list --all", 0, {"Domain 'test' destroyed", "shut off"}},
    {"list/default-hides-shutoff", "destroy test; list", 0, {" Name "}, "6695eb01"},
    {"list/bad-option", "list --al", 2, {NULL}, NULL, "did you mean '--all'?"},
    {"list/extra-arg", "list web1", 2, {NULL}, NULL, "error: unexpected argument 'web1'"},
    {"define/file", "define %s/examples/domains/ethernet.xml; list --all", 0,
     {"Domain 'tap1' defined from", "tap1", "kvm", "shut off"}},
    {"define/missing-file", "define /nonexistent/web1.xml", 1, {NULL}, NULL,
     "error: Failed to open file"},
    {"define/no-arg", "define", 2, {NULL}, NULL, "error: command 'define' needs FILE"},
    {"define/invalid", "define %s/examples/networks/natnet1.xml", 1, {NULL}, NULL, "error: "},
    {"undefine/running", "undefine test", 1, {NULL}, NULL, "error: "},
    {"undefine/ok", "destroy test; undefine test; list --all", 0,
     {"Domain 'test' has been undefined"}, "6695eb01"},
    {"undefine/unknown", "undefine nosuch", 1, {NULL}, NULL, "error: "},
    {"undefine/by-uuid", "destroy test; undefine 6695eb01-f6a4-8304-79aa-97f2502e193f", 0,
     {"Domain 'test' has been undefined"}},
    {"start/running", "start test", 1, {NULL}, NULL, "error: "},
    {"start/ok", "destroy test; start test; list", 0, {"Domain 'test' started", "running"}},
    {"destroy/not-running", "destroy test; destroy test", 1, {"destroyed"}, NULL, "error: "},
    {"dumpxml/live", "dumpxml test", 0, {"<domain type='test'>", "<name>test</name>", "aa:bb:cc:dd:ee:ff"}},
    {"dumpxml/inactive", "dumpxml test --inactive", 0, {"<domain type='test'>"}, "<target"},
    {"dumpxml/by-name-option", "dumpxml --domain test", 0, {"<name>test</name>"}},
    {"dumpxml/unknown", "dumpxml nosuch", 1, {NULL}, NULL, "error: "},
    {"autostart/on-off", "autostart test; autostart test --disable", 0,
     {"Domain 'test' marked as autostarted", "Domain 'test' unmarked as autostarted"}},
    /* ---- NICs ---- */
    {"domiflist/table", "domiflist test", 0,
     {" NIC ", " Type ", " Source ", " Mode ", " Model ", "nic1   network   default   -      virtio   aa:bb:cc:dd:ee:ff   up"}},
    {"domif-setlink/down", "domif-setlink test nic1 down; domiflist test", 0,
     {"Link of nic1 set down", "aa:bb:cc:dd:ee:ff   down"}},
    {"domif-setlink/by-mac-config", "domif-setlink test AA:BB:CC:DD:EE:FF down --config; "
                                    "domiflist test --inactive; domiflist test", 0,
     {"down", "aa:bb:cc:dd:ee:ff   up"}},
    {"domif-setlink/bad-state", "domif-setlink test nic1 sideways", 2, {NULL}, NULL,
     "error: link state 'sideways' is not 'up' or 'down'"},
    {"domif-setlink/no-nic", "domif-setlink test nic9 down", 1, {NULL}, NULL,
     "error: domain 'test' has no NIC 'nic9'"},
    {"attach-interface/config", "attach-interface test natnetwork default --mac 52:54:00:00:00:99 "
                                "--model e1000 --config; domiflist test --inactive; domiflist test", 0,
     {"Interface attached successfully", "nic2   natnetwork   default", "e1000", "52:54:00:00:00:99", " NIC "},
     NULL},
    {"attach-interface/direct", "destroy test; attach-interface test direct eth0 --mode private; "
                                "domiflist test", 0,
     {"Interface attached successfully", "nic2   direct    eth0      private"}},
    {"attach-interface/direct-default-mode", "destroy test; attach-interface test direct eth0; domiflist test", 0,
     {"nic2   direct    eth0      vepa"}},
    {"attach-interface/file", "destroy test; attach-interface test --file %s/tests/vnsh-data/iface-null.xml; "
                              "domiflist test", 0,
     {"Interface attached successfully", "nic2   null", "52:54:00:00:77:01"}},
    {"attach-interface/needs-source", "attach-interface test bridge", 2, {NULL}, NULL,
     "error: a 'bridge' interface needs a SOURCE"},
    {"attach-interface/no-source", "attach-interface test null br0", 2, {NULL}, NULL,
     "error: a 'null' interface takes no SOURCE"},
    {"attach-interface/mode-not-direct", "attach-interface test bridge br0 --mode vepa", 2, {NULL},
     NULL, "--mode is for 'direct' interfaces only"},
    {"attach-interface/nothing", "attach-interface test", 2, {NULL}, NULL,
     "attach-interface needs TYPE [SOURCE] or --file FILE"},
    {"attach-interface/bad-mac", "attach-interface test network default --mac 52:54 --config", 1,
     {NULL}, NULL, "error: "},
    {"detach-interface/config", "attach-interface test network default --mac 52:54:00:00:00:99 --config; "
                                "detach-interface test 52:54:00:00:00:99 --config; domiflist test --inactive", 0,
     {"Interface attached successfully", "Interface detached successfully"}, "52:54:00:00:00:99"},
    {"detach-interface/by-number", "destroy test; detach-interface test nic1; domiflist test", 0,
     {"Interface detached successfully", " NIC "}, "aa:bb:cc"},
    {"detach-interface/unknown", "detach-interface test 52:54:00:00:00:42", 1, {NULL}, NULL,
     "has no NIC '52:54:00:00:00:42'"},
    /* ---- networks ---- */
    {"net-list/active", "net-list", 0,
     {" Name ", " State ", " Autostart ", " Mode ", "default   dd8fe884-6c02-601e-7551-cca97df1c5df   active   no          nat    vnbr0"}},
    {"net-list/inactive", "net-destroy default; net-list --inactive; net-list", 0,
     {"Network 'default' destroyed", "inactive"}, "   active "},
    {"net-define/file", "net-define %s/examples/networks/natnet1.xml; net-list --all", 0,
     {"Network 'natnet1' defined from", "natnet1", "inactive", "nat"}},
    {"net-define/hostonly-kind", "net-define %s/examples/networks/hostonly.xml; net-list --all", 0,
     {"vboxnet0", "hostonly"}},
    {"net-define/missing", "net-define /nonexistent.xml", 1, {NULL}, NULL, "error: "},
    {"net-start/ok", "net-define %s/examples/networks/natnet1.xml; net-start natnet1; net-list", 0,
     {"Network 'natnet1' started", "natnet1", "active"}},
    {"net-start/running", "net-start default", 1, {NULL}, NULL, "error: "},
    {"net-undefine/active", "net-undefine default", 1, {NULL}, NULL, "error: "},
    {"net-undefine/ok", "net-define %s/examples/networks/natnet1.xml; net-undefine natnet1; net-list --all", 0,
     {"Network 'natnet1' has been undefined"}, "natnet1 "},
    {"net-dumpxml/ok", "net-dumpxml default", 0, {"<network>", "<name>default</name>", "192.168.122.1"}},
    {"net-dumpxml/unknown", "net-dumpxml nosuch", 1, {NULL}, NULL, "error: "},
    {"net-autostart/on", "net-autostart default; net-list; net-autostart default --disable", 0,
     {"Network 'default' marked as autostarted", "yes", "Network 'default' unmarked as autostarted"}},
    {"net-dhcp-leases/empty", "net-dhcp-leases default", 0, {" Expiry Time ", " MAC address ", " IP address "}},
    {"net-dhcp-leases/inactive", "net-define %s/examples/networks/natnet1.xml; net-dhcp-leases natnet1", 1,
     {"defined"}, NULL, "error: "},
    /* ---- natnetwork ---- */
    {"natnetwork/add", "natnetwork add --netname natnet1 --network 192.168.15.0/24; net-dumpxml natnet1", 0,
     {"NAT network 'natnet1' added", "<forward mode='nat'", "<ip address='192.168.15.1' prefix='24'>",
      "<range start='192.168.15.2' end='192.168.15.254'/>"}, "<nat ipv6"},
    {"natnetwork/add-host-bits", "natnetwork add --netname n2 --network 10.7.7.99/24 --dhcp off; net-dumpxml n2", 0,
     {"<ip address='10.7.7.1' prefix='24'/>"}, "<dhcp"},
    {"natnetwork/add-enable-ipv6", "natnetwork add --netname natnet1 --network 192.168.15.0/24 --enable "
                                   "--ipv6 on --port-forward-4 'ssh:tcp:[]:1022:[192.168.15.5]:22'; "
                                   "net-list; natnetwork list", 0,
     {"natnet1", "active", "yes", "fd17:625c:f037:a80f::/64", "ssh:tcp:[]:1022:[192.168.15.5]:22"}},
    {"natnetwork/add-equals", "natnetwork add --netname=n3 --network=10.8.0.0/16 --dhcp=off; natnetwork list n3", 0,
     {"10.8.0.0/16   10.8.0.1   no"}},
    {"natnetwork/add-no-network", "natnetwork add --netname x", 2, {NULL}, NULL,
     "error: command 'natnetwork add' needs --network CIDR"},
    {"natnetwork/add-bad-cidr", "natnetwork add --netname x --network 300.1.1.0/24", 2, {NULL}, NULL,
     "error: --network: '300.1.1.0/24' is not an IPv4 network in CIDR form"},
    {"natnetwork/add-bad-switch", "natnetwork add --netname x --network 10.1.0.0/24 --dhcp maybe", 2,
     {NULL}, NULL, "error: --dhcp 'maybe': expected on or off"},
    {"natnetwork/add-overlap", "natnetwork add --netname x --network 192.168.122.0/25", 1, {NULL}, NULL,
     "error: "},
    {"natnetwork/modify-rules", "natnetwork modify --netname default "
                                "--port-forward-4 'ssh:tcp:[]:2222:[192.168.122.5]:22' "
                                "--port-forward-4 'dns:udp:[127.0.0.1]:5353:[192.168.122.5]:53'; "
                                "net-dumpxml default; "
                                "natnetwork modify --netname default --port-forward-4 delete ssh; natnetwork list", 0,
     {"NAT network 'default' modified",
      "<portForward name='ssh' protocol='tcp' hostPort='2222' guestAddress='192.168.122.5' guestPort='22'/>",
      "<portForward name='dns' protocol='udp' hostAddress='127.0.0.1' hostPort='5353'",
      "dns:udp:[127.0.0.1]:5353:[192.168.122.5]:53"}, "ssh:tcp"},
    {"natnetwork/modify-replace", "natnetwork modify --netname default --port-forward-4 'ssh:tcp:[]:2222:[192.168.122.5]:22'; "
                                  "natnetwork modify --netname default --port-forward-4 delete ssh "
                                  "--port-forward-4 'ssh:tcp:[]:2223:[192.168.122.5]:22'; natnetwork list --json", 0,
     {"ssh:tcp:[]:2223:[192.168.122.5]:22"}, "2222"},
    {"natnetwork/modify-ipv6-rule", "natnetwork modify --netname default --ipv6 on; net-destroy default; net-start default; "
                                    "natnetwork modify --netname default --port-forward-6 'w6:tcp:[]:8086:[fd17:625c:f037:a87a::10]:80'; "
                                    "net-dumpxml default", 0,
     {"The new addressing applies when 'default' next starts.", "<nat ipv6='yes'/>",
      "guestAddress='fd17:625c:f037:a87a::10'", "<ip family='ipv6' address='fd17:625c:f037:a87a::1' prefix='64'/>"}},
    {"natnetwork/modify-dhcp-off", "natnetwork modify --netname default --dhcp off; net-dumpxml default --inactive", 0,
     {"modified"}, "<dhcp>"},
    {"natnetwork/modify-network", "natnetwork add --netname n --network 10.1.0.0/24; "
                                  "natnetwork modify --netname n --network 10.2.0.0/24; net-dumpxml n", 0,
     {"<ip address='10.2.0.1' prefix='24'>", "<range start='10.2.0.2' end='10.2.0.254'/>"}},
    {"natnetwork/modify-rule-no-brackets", "natnetwork modify --netname default --port-forward-4 'ssh:tcp:1022:[]:22'", 2,
     {NULL}, NULL, "error: --port-forward-4: port-forward rule 'ssh:tcp:1022:[]:22': the host address must be written in brackets"},
    {"natnetwork/modify-rule-proto", "natnetwork modify --netname default --port-forward-4 'ssh:tcpp:[]:1022:[]:22'", 2,
     {NULL}, NULL, "protocol 'tcpp' is not tcp or udp"},
    {"natnetwork/modify-rule-port", "natnetwork modify --netname default --port-forward-4 'ssh:tcp:[]:70000:[]:22'", 2,
     {NULL}, NULL, "host port '70000' is not a number from 1 to 65535"},
    {"natnetwork/modify-rule-family", "natnetwork modify --netname default --port-forward-4 'ssh:tcp:[::1]:1022:[]:22'", 2,
     {NULL}, NULL, "host address '::1' is not an IPv4 address"},
    {"natnetwork/modify-rule-noname", "natnetwork modify --netname default --port-forward-4 ':tcp:[]:1022:[]:22'", 2,
     {NULL}, NULL, "the rule has no name"},
    {"natnetwork/modify-delete-noname", "natnetwork modify --netname default --port-forward-4 delete", 2,
     {NULL}, NULL, "'--port-forward-4 delete' needs the rule's name"},
    {"natnetwork/modify-delete-unknown", "natnetwork modify --netname default --port-forward-4 delete nosuch", 1,
     {NULL}, NULL, "error: "},
    {"natnetwork/modify-outside", "natnetwork modify --netname default --port-forward-4 'ssh:tcp:[]:1022:[10.9.9.9]:22'", 1,
     {NULL}, NULL, "error: "},
    {"natnetwork/stop-start", "natnetwork stop --netname default; net-list --inactive; natnetwork start --netname default", 0,
     {"NAT network 'default' stopped", "default", "NAT network 'default' started"}},
    {"natnetwork/remove", "natnetwork remove --netname default; net-list --all", 0,
     {"NAT network 'default' removed"}, "default "},
    {"natnetwork/not-nat", "net-define %s/examples/networks/hostonly.xml; natnetwork start --netname vboxnet0", 1,
     {"defined"}, NULL, "error: network 'vboxnet0' is a hostonly network, not a nat network"},
    {"natnetwork/disable", "natnetwork modify --netname default --disable; net-list --all", 0,
     {"modified", "inactive   no"}},
    {"natnetwork/list-filter", "natnetwork add --netname natA --network 10.3.0.0/24; natnetwork list 'nat*'", 0,
     {"natA"}, "default"},
    {"natnetwork/no-subcommand", "natnetwork", 2, {NULL}, NULL,
     "error: 'natnetwork' needs a subcommand: add, modify, start, stop, remove, list"},
    {"natnetwork/bad-subcommand", "natnetwork frob", 2, {NULL}, NULL,
     "error: 'natnetwork' has no subcommand 'frob'"},
    /* ---- hostonlyif ---- */
    {"hostonlyif/create", "hostonlyif create; hostonlyif create; hostonlyif list; net-dumpxml vboxnet1", 0,
     {"Interface 'vboxnet0' was successfully created", "Interface 'vboxnet1' was successfully created",
      "vboxnet0   192.168.56.1   24", "vboxnet1   192.168.57.1   24",
      "<dhcp server='192.168.57.100'>"}},
    {"hostonlyif/ipconfig", "hostonlyif create; hostonlyif ipconfig vboxnet0 --ip 192.168.60.1 --netmask 255.255.255.128 "
                            "--ipv6 fd00:60::1 --netmasklengthv6 48; net-dumpxml vboxnet0 --inactive", 0,
     {"Interface 'vboxnet0' reconfigured", "The new addresses apply when 'vboxnet0' next starts.",
      "<ip address='192.168.60.1' prefix='25'>",
      /* the old DHCP range is replaced by the rest of the new subnet */
      "<range start='192.168.60.2' end='192.168.60.126'/>",
      "<ip family='ipv6' address='fd00:60::1' prefix='48'/>"},
     "192.168.56."},
    {"hostonlyif/ipconfig-bad-mask", "hostonlyif ipconfig vboxnet0 --ip 192.168.60.1 --netmask 255.0.255.0", 2,
     {NULL}, NULL, "error: --netmask '255.0.255.0' is not an IPv4 netmask"},
    {"hostonlyif/ipconfig-nothing", "hostonlyif ipconfig vboxnet0", 2, {NULL}, NULL,
     "needs --ip or --ipv6"},
    {"hostonlyif/remove", "hostonlyif create; hostonlyif remove vboxnet0; net-list --all", 0,
     {"Interface 'vboxnet0' was successfully removed"}, "hostonly"},
    {"hostonlyif/remove-not-hostonly", "hostonlyif remove default", 1, {NULL}, NULL,
     "error: network 'default' is a nat network, not a hostonly network"},
    /* ---- the shell ---- */
    {"shell/unknown", "frobnicate", 2, {NULL}, NULL, "error: unknown command 'frobnicate'"},
    {"shell/stops-at-failure", "list; nosuch; net-list", 2, {" Name "}, "vnbr0",
     "error: unknown command 'nosuch'"},
    {"shell/quotes", "dumpxml 'test'; dumpxml \"test\"", 0, {"<name>test</name>"}},
    {"shell/comment", "list # and the rest is ignored", 0, {"running"}},
    {"shell/open-quote", "dumpxml 'test", 2, {NULL}, NULL, "error: unterminated ' quote"},
    {"shell/version", "version", 0, {"vnsh " PACKAGE_VERSION " (libvnet "}},
    {"shell/uri", "uri", 0, {"test:///default"}},
    {"shell/connect", "connect test:///default; uri", 0, {"test:///default"}},
    {"shell/connect-bad", "connect bogus:///x", 1, {NULL}, NULL, "error: "},
    {"shell/help-command", "help list", 0,
     {"NAME", "list - list domains", "SYNOPSIS", "list [--all] [--inactive] [--json]", "EXAMPLE", "vnsh list --all"}},
    {"shell/help-option", "natnetwork modify --help", 0,
     {"natnetwork modify --netname NAME [--network CIDR]", "[--port-forward-4 RULE]...", "delete NAME"}},
    {"shell/help-group", "help natnetwork", 0, {"natnetwork add - ", "natnetwork list - "}},
    {"shell/help-two-words", "help natnetwork add", 0, {"natnetwork add --netname NAME --network CIDR"}, "natnetwork list - "},
    {"shell/help-unknown", "help nosuch", 2, {NULL}, NULL, "error: unknown command 'nosuch'"},
    {"shell/complete", "complete -- domif", 0, {"domiflist\ndomif-setlink\n"}},
    {"shell/complete-names", "complete -- start ''", 0, {"test\n"}},
    {"shell/complete-option", "complete -- list --a", 0, {"--all\n"}},
};

static void
run_case(gconstpointer data)
{
    const Case *c = data;
    g_autofree char *top = vnet_test_top_srcdir_path(".", NULL);
    g_autofree char *line = NULL;
    g_autofree char *out = NULL, *err = NULL;
    const char *at;
    int status;

    /* the case's line may name files of the source tree with %s (several times) */
    {
        g_auto(GStrv) parts = g_strsplit(c->line, "%s", -1);

        line = g_strjoinv(top, parts);
    }
    status = vnsh_test_line(line, &out, &err);
    if (status != c->status)
        g_test_message("line: %s\nstdout:\n%s\nstderr:\n%s", line, out, err);
    g_assert_cmpint(status, ==, c->status);
    at = out;
    for (guint i = 0; i < G_N_ELEMENTS(c->out_has) && c->out_has[i]; i++) {
        const char *found = strstr(at, c->out_has[i]);

        if (!found)
            g_test_message("line: %s\nstdout:\n%s\nmissing: '%s'", line, out, c->out_has[i]);
        g_assert_nonnull(found);
        at = found;
    }
    if (c->out_lacks) {
        if (strstr(out, c->out_lacks))
            g_test_message("stdout:\n%s", out);
        g_assert_null(strstr(out, c->out_lacks));
    }
    if (c->err_has) {
        if (!strstr(err, c->err_has))
            g_test_message("line: %s\nstderr:\n%s", line, err);
        g_assert_nonnull(strstr(err, c->err_has));
        g_assert_true(g_str_has_prefix(err, "error: ") || g_str_has_prefix(err, "usage") ||
                      strstr(err, "\nerror: "));
    } else {
        g_assert_cmpstr(err, ==, "");
    }
}

/* ---- JSON: parsed back, the same data as the tables ------------------------------ */

static void
test_json_list(void)
{
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;
    JsonObject *test;

    g_assert_cmpint(vnsh_test_line("define /dev/null; list --all --json", &out, &err), ==, 1);
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(vnsh_test_line("list --all --json", &out, &err), ==, 0);
    array = vnsh_test_json_array(out, &root);
    g_assert_cmpuint(json_array_get_length(array), ==, 1);
    test = vnsh_test_json_find(array, "name", "test");
    g_assert_nonnull(test);
    g_assert_cmpstr(json_object_get_string_member(test, "uuid"), ==,
                    "6695eb01-f6a4-8304-79aa-97f2502e193f");
    g_assert_cmpstr(json_object_get_string_member(test, "type"), ==, "test");
    g_assert_cmpstr(json_object_get_string_member(test, "state"), ==, "running");
}

static void
test_json_net_list(void)
{
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;
    JsonObject *net;

    g_assert_cmpint(vnsh_test_line("net-list --json", &out, NULL), ==, 0);
    array = vnsh_test_json_array(out, &root);
    net = vnsh_test_json_find(array, "name", "default");
    g_assert_nonnull(net);
    g_assert_cmpstr(json_object_get_string_member(net, "state"), ==, "active");
    g_assert_false(json_object_get_boolean_member(net, "autostart"));
    g_assert_cmpstr(json_object_get_string_member(net, "mode"), ==, "nat");
    g_assert_cmpstr(json_object_get_string_member(net, "bridge"), ==, "vnbr0");
}

static void
test_json_domiflist(void)
{
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;
    JsonObject *nic;

    g_assert_cmpint(vnsh_test_line("domiflist test --json", &out, NULL), ==, 0);
    array = vnsh_test_json_array(out, &root);
    g_assert_cmpuint(json_array_get_length(array), ==, 1);
    nic = json_array_get_object_element(array, 0);
    g_assert_cmpstr(json_object_get_string_member(nic, "nic"), ==, "nic1");
    g_assert_cmpstr(json_object_get_string_member(nic, "type"), ==, "network");
    g_assert_cmpstr(json_object_get_string_member(nic, "source"), ==, "default");
    g_assert_true(json_object_get_null_member(nic, "mode"));
    g_assert_cmpstr(json_object_get_string_member(nic, "model"), ==, "virtio");
    g_assert_cmpstr(json_object_get_string_member(nic, "mac"), ==, "aa:bb:cc:dd:ee:ff");
    g_assert_cmpstr(json_object_get_string_member(nic, "link"), ==, "up");
    g_assert_true(json_object_has_member(nic, "device"));
    g_assert_true(json_object_has_member(nic, "guest"));
}

static void
test_json_leases(void)
{
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint(vnsh_test_line("net-dhcp-leases default --json", &out, NULL), ==, 0);
    vnsh_test_json_array(out, &root);
}

static void
test_json_natnetwork(void)
{
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array, *rules;
    JsonObject *net;

    g_assert_cmpint(vnsh_test_line("natnetwork add --netname natnet1 --network 192.168.15.0/24 "
                                   "--port-forward-4 'ssh:tcp:[]:1022:[192.168.15.5]:22' "
                                   "--ipv6 on --dhcp off; natnetwork list --json",
                                   &out, NULL),
                    ==, 0);
    array = vnsh_test_json_array(strstr(out, "["), &root);
    g_assert_cmpuint(json_array_get_length(array), ==, 2);
    net = vnsh_test_json_find(array, "name", "natnet1");
    g_assert_nonnull(net);
    g_assert_cmpstr(json_object_get_string_member(net, "network"), ==, "192.168.15.0/24");
    g_assert_cmpstr(json_object_get_string_member(net, "gateway"), ==, "192.168.15.1");
    g_assert_false(json_object_get_boolean_member(net, "dhcp"));
    g_assert_true(json_object_get_boolean_member(net, "ipv6"));
    g_assert_cmpstr(json_object_get_string_member(net, "ipv6_prefix"), ==,
                    "fd17:625c:f037:a80f::/64");
    g_assert_false(json_object_get_boolean_member(net, "enabled"));
    rules = json_object_get_array_member(net, "port_forwards");
    g_assert_cmpuint(json_array_get_length(rules), ==, 1);
    g_assert_cmpstr(json_array_get_string_element(rules, 0), ==,
                    "ssh:tcp:[]:1022:[192.168.15.5]:22");
}

static void
test_json_hostonlyif(void)
{
    g_autofree char *out = NULL;
    g_autoptr(JsonNode) root = NULL;
    JsonArray *array;
    JsonObject *net;

    g_assert_cmpint(vnsh_test_line("hostonlyif create; hostonlyif list --json", &out, NULL), ==, 0);
    array = vnsh_test_json_array(strstr(out, "["), &root);
    net = vnsh_test_json_find(array, "name", "vboxnet0");
    g_assert_nonnull(net);
    g_assert_cmpstr(json_object_get_string_member(net, "ip"), ==, "192.168.56.1");
    g_assert_cmpint(json_object_get_int_member(net, "netmask_length"), ==, 24);
    g_assert_true(json_object_get_boolean_member(net, "dhcp"));
    g_assert_true(json_object_get_boolean_member(net, "active"));
}

/* ---- argv forms and the connection --------------------------------------------------- */

static void
test_argv_separators(void)
{
    const char *split[] = {"-c", "test:///default", "destroy", "test", ";", "list", "--all", NULL};
    const char *glued[] = {"-c", "test:///default", "destroy", "test;", "list", "--all", NULL};
    const char *failing[] = {"-c", "test:///default", "start", "test", ";", "list", NULL};
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint(vnsh_test_run(NULL, split, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "destroyed"));
    g_assert_nonnull(strstr(out, "shut off"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(vnsh_test_run(NULL, glued, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "shut off"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    /* the first failure stops the rest */
    g_assert_cmpint(vnsh_test_run(NULL, failing, &out, &err), ==, 1);
    g_assert_true(g_str_has_prefix(err, "error: "));
    g_assert_cmpstr(out, ==, "");
}

static void
test_default_uri(void)
{
    const char *list[] = {"list", NULL};
    const char *env_test[] = {"VNET_DEFAULT_URI=test:///default", NULL};
    VnshTestOptions from_env = {.env = env_test};
    VnshTestOptions as_user = {.drop_root = TRUE};
    g_autofree char *out = NULL, *err = NULL;
    int status;

    g_assert_cmpint(vnsh_test_run(&from_env, list, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "running"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);

    /* a user who is not root, without -c and VNET_DEFAULT_URI, is told the choices */
    status = vnsh_test_run(&as_user, list, &out, &err);
    if (status == 126) {
        g_test_skip("cannot run vnsh as nobody here");
        return;
    }
    g_assert_cmpint(status, ==, 1);
    g_assert_true(g_str_has_prefix(err, "error: no connection URI"));
    g_assert_nonnull(strstr(err, "-c local:///?root=DIR"));
    g_assert_cmpstr(out, ==, "");
}

static void
test_usage(void)
{
    const char *help[] = {"--help", NULL};
    const char *bad[] = {"--frob", NULL};
    const char *no_uri[] = {"-c", NULL};
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint(vnsh_test_run(NULL, help, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "Usage: vnsh [-c URI]"));
    g_assert_nonnull(strstr(out, "natnetwork modify"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(vnsh_test_run(NULL, bad, &out, &err), ==, 2);
    g_assert_true(g_str_has_prefix(err, "error: unknown option '--frob'"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    g_assert_cmpint(vnsh_test_run(NULL, no_uri, &out, &err), ==, 2);
    g_assert_true(g_str_has_prefix(err, "error: option '-c' needs a URI"));
}

/* Commands on stdin when it is not a terminal: a script. */
static void
test_stdin_script(void)
{
    const char *args[] = {"-c", "test:///default", NULL};
    VnshTestOptions options = {.input = "# a vnsh script\n"
                                        "destroy test\n"
                                        "nosuch\n"
                                        "list --all\n"};
    g_autofree char *out = NULL, *err = NULL;

    /* a failure does not stop the session; the status is the last command's */
    g_assert_cmpint(vnsh_test_run(&options, args, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "destroyed"));
    g_assert_nonnull(strstr(out, "shut off"));
    g_assert_true(g_str_has_prefix(err, "error: unknown command 'nosuch'"));
}

/* ---- edit / net-edit with a scripted $EDITOR ---------------------------------------- */

/* First run: an invalid document (an interface type that does not exist);
 * second run: fixes it and changes the model. The count is kept in a file
 * next to the script. */
static const char editor_body[] =
    "dir=$(dirname \"$0\")\n"
    "n=$(cat \"$dir/count\" 2>/dev/null || echo 0)\n"
    "n=$((n + 1))\n"
    "echo $n > \"$dir/count\"\n"
    "cp \"$1\" \"$dir/seen-$n.xml\"\n"
    "if [ $n = 1 ]; then\n"
    "  sed -i \"s/type='network'/type='bogus'/; s/<forward mode='nat'/<forward mode='nah'/\" \"$1\"\n"
    "else\n"
    "  sed -i \"s/type='bogus'/type='network'/; s/virtio/e1000/; "
    "s/<forward mode='nah'/<forward mode='nat'/; s/192.168.122.254/192.168.122.200/\" \"$1\"\n"
    "fi\n";

static void
run_edit(const char *line, const char *answers, int expected, char **ret_dir, char **ret_out,
         char **ret_err)
{
    g_autofree char *dir = vnsh_test_tmpdir("edit");
    g_autofree char *editor = vnsh_test_script(dir, "editor.sh", editor_body);
    g_autofree char *env_editor = g_strdup_printf("EDITOR=%s", editor);
    g_autofree char *tmp_env = g_strdup_printf("TMPDIR=%s", dir);
    const char *env2[] = {env_editor, "VISUAL=", tmp_env, NULL};
    VnshTestOptions options = {.env = env2, .input = answers};
    const char *args[] = {"-c", "test:///default", line, NULL};

    g_assert_cmpint(vnsh_test_run(&options, args, ret_out, ret_err), ==, expected);
    *ret_dir = g_steal_pointer(&dir);
}

static void
test_edit_reedit(void)
{
    g_autofree char *dir = NULL, *out = NULL, *err = NULL;
    g_autofree char *seen2 = NULL, *count = NULL, *count_path = NULL, *seen2_path = NULL;

    run_edit("edit test; dumpxml test --inactive", "y\n", 0, &dir, &out, &err);
    /* the error, the question, then the valid edit defined */
    g_assert_true(g_str_has_prefix(err, "error: "));
    g_assert_nonnull(strstr(err, "bogus"));
    g_assert_nonnull(strstr(out, "re-edit? [y/n]"));
    g_assert_nonnull(strstr(out, "Domain 'test' XML configuration edited."));
    g_assert_nonnull(strstr(out, "<model type='e1000'/>"));
    g_assert_null(strstr(out, "bogus"));
    /* the second editor run was given the user's invalid edit, not a fresh copy */
    count_path = g_build_filename(dir, "count", NULL);
    count = vnet_test_read_file(count_path);
    g_assert_cmpstr(count, ==, "2\n");
    seen2_path = g_build_filename(dir, "seen-2.xml", NULL);
    seen2 = vnet_test_read_file(seen2_path);
    g_assert_nonnull(strstr(seen2, "type='bogus'"));
    vnsh_test_rmtree(dir);
}

static void
test_edit_give_up(void)
{
    g_autofree char *dir = NULL, *out = NULL, *err = NULL;
    g_autofree char *kept_path = NULL, *kept = NULL;
    const char *at;

    run_edit("edit test", "n\n", 1, &dir, &out, &err);
    at = strstr(err, "your edit is kept in ");
    g_assert_nonnull(at);
    kept_path = g_strndup(at + strlen("your edit is kept in "),
                          strcspn(at + strlen("your edit is kept in "), "\n"));
    g_assert_true(g_str_has_prefix(kept_path, dir));
    kept = vnet_test_read_file(kept_path);
    g_assert_nonnull(strstr(kept, "type='bogus'"));
    vnsh_test_rmtree(dir);
}

static void
test_edit_eof_keeps(void)
{
    g_autofree char *dir = NULL, *out = NULL, *err = NULL;

    /* no answer at all (end of input) is a "no": the edit is kept */
    run_edit("net-edit default", "", 1, &dir, &out, &err);
    g_assert_nonnull(strstr(err, "nah"));
    g_assert_nonnull(strstr(err, "your edit is kept in "));
    vnsh_test_rmtree(dir);
}

static void
test_net_edit(void)
{
    g_autofree char *dir = NULL, *out = NULL, *err = NULL;

    run_edit("net-edit default; net-dumpxml default --inactive", "maybe\ny\n", 0, &dir, &out,
             &err);
    g_assert_nonnull(strstr(out, "re-edit? [y/n] re-edit? [y/n]"));
    g_assert_nonnull(strstr(out, "Network 'default' XML configuration edited."));
    g_assert_nonnull(strstr(out, "<range start='192.168.122.2' end='192.168.122.200'/>"));
    vnsh_test_rmtree(dir);
}

static void
test_edit_unchanged(void)
{
    const char *env[] = {"EDITOR=true", "VISUAL=", NULL};
    VnshTestOptions options = {.env = env};
    const char *args[] = {"-c", "test:///default", "edit test", NULL};
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint(vnsh_test_run(&options, args, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "Domain 'test' XML configuration not changed."));
    g_assert_cmpstr(err, ==, "");
}

static void
test_edit_editor_fails(void)
{
    const char *env[] = {"EDITOR=false", "VISUAL=", NULL};
    VnshTestOptions options = {.env = env};
    const char *args[] = {"-c", "test:///default", "edit test", NULL};
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint(vnsh_test_run(&options, args, &out, &err), ==, 1);
    g_assert_nonnull(strstr(err, "error: the editor 'false' failed"));
    g_assert_nonnull(strstr(err, "kept in"));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    /* The local driver acts on the host it runs on: as root, that host is a
     * private namespace, so nothing here can reach the machine's own network
     * even by mistake. (Without root the local driver cannot change links.) */
    vnet_netns_enter_private_if_root();
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/vnsh/cmd/%s", cases[i].path);

        g_test_add_data_func(path, &cases[i], run_case);
    }
    g_test_add_func("/vnsh/json/list", test_json_list);
    g_test_add_func("/vnsh/json/net-list", test_json_net_list);
    g_test_add_func("/vnsh/json/domiflist", test_json_domiflist);
    g_test_add_func("/vnsh/json/net-dhcp-leases", test_json_leases);
    g_test_add_func("/vnsh/json/natnetwork-list", test_json_natnetwork);
    g_test_add_func("/vnsh/json/hostonlyif-list", test_json_hostonlyif);
    g_test_add_func("/vnsh/argv/separators", test_argv_separators);
    g_test_add_func("/vnsh/argv/default-uri", test_default_uri);
    g_test_add_func("/vnsh/argv/usage", test_usage);
    g_test_add_func("/vnsh/argv/stdin-script", test_stdin_script);
    g_test_add_func("/vnsh/edit/re-edit", test_edit_reedit);
    g_test_add_func("/vnsh/edit/give-up", test_edit_give_up);
    g_test_add_func("/vnsh/edit/end-of-input", test_edit_eof_keeps);
    g_test_add_func("/vnsh/edit/net-edit", test_net_edit);
    g_test_add_func("/vnsh/edit/unchanged", test_edit_unchanged);
    g_test_add_func("/vnsh/edit/editor-fails", test_edit_editor_fails);
    return g_test_run();
}
