# tests: vnetd on a private dbus-daemon (started by each test program), in
# a private network namespace (root; skipped otherwise): the C API over
# dbus:///session, real D-Bus tools and vnsh as clients, access control for
# an unprivileged user, 20 concurrent clients, and a vnetd killed and
# restarted while a domain runs.
check_LTLIBRARIES += tests/libvnetd_harness.la
tests_libvnetd_harness_la_SOURCES = tests/vnetd-harness.c tests/vnetd-harness.h
tests_libvnetd_harness_la_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_libvnetd_harness_la_LIBADD = $(GLIB_LIBS)

VNETD_TESTS = \
	tests/vnetd-api-test \
	tests/vnetd-tools-test \
	tests/vnetd-access-test
check_PROGRAMS += $(VNETD_TESTS)
TESTS += $(VNETD_TESTS)
VNETD_TEST_LIBS = tests/libvnetd_harness.la $(VNET_TEST_LIBS)

tests_vnetd_api_test_SOURCES = tests/vnetd-api-test.c
tests_vnetd_api_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnetd_api_test_LDADD = $(VNETD_TEST_LIBS)
# (the tests run the built vnetd and vnsh)
EXTRA_tests_vnetd_api_test_DEPENDENCIES = daemon/vnetd$(EXEEXT)

tests_vnetd_tools_test_SOURCES = tests/vnetd-tools-test.c
tests_vnetd_tools_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnetd_tools_test_LDADD = $(VNETD_TEST_LIBS)
EXTRA_tests_vnetd_tools_test_DEPENDENCIES = daemon/vnetd$(EXEEXT) tools/vnsh/vnsh$(EXEEXT)

tests_vnetd_access_test_SOURCES = tests/vnetd-access-test.c
tests_vnetd_access_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnetd_access_test_LDADD = $(VNETD_TEST_LIBS)
EXTRA_tests_vnetd_access_test_DEPENDENCIES = daemon/vnetd$(EXEEXT)

AM_TESTS_ENVIRONMENT += VNET_DBUS_DAEMON='$(DBUS_DAEMON)'; export VNET_DBUS_DAEMON;
