# tests: the netdev pieces shared by domain and network XML.
check_PROGRAMS += tests/netdev-conf-test
TESTS += tests/netdev-conf-test
tests_netdev_conf_test_SOURCES = tests/netdev-conf-test.c
tests_netdev_conf_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_netdev_conf_test_LDADD = $(VNET_TEST_LIBS)
