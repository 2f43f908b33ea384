# tests: networks realized on the host (issue 7), with real traffic between
# namespaces. Needs root (skips otherwise); busybox, nft, dnsmasq, ping, ss.
NET_TESTS = tests/net-realize-test tests/net-rules-test
check_PROGRAMS += $(NET_TESTS)
TESTS += $(NET_TESTS)
tests_net_realize_test_SOURCES = tests/net-realize-test.c
tests_net_realize_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_net_realize_test_LDADD = $(VNET_TEST_LIBS)
tests_net_rules_test_SOURCES = tests/net-rules-test.c
tests_net_rules_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_net_rules_test_LDADD = $(VNET_TEST_LIBS)
# the taps of VM guests' NICs (util/vnet-tap, network/link-tap, the
# realize_vm NIC ops): frames both ways through a bridge, read from the
# kernel. Needs root and /dev/net/tun (skips otherwise).
TAP_TESTS = tests/tap-link-test
check_PROGRAMS += $(TAP_TESTS)
TESTS += $(TAP_TESTS)
tests_tap_link_test_SOURCES = tests/tap-link-test.c
tests_tap_link_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_tap_link_test_LDADD = $(VNET_TEST_LIBS)
