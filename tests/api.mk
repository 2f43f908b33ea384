# tests: the C API on test:///default and local:///?root=DIR, the local
# driver's store and crash recovery, the netns guest backend (in private
# namespaces), and the example program built against an installed libvnet.
API_TESTS = \
	tests/api-common-test \
	tests/api-info-test
check_PROGRAMS += $(API_TESTS)
TESTS += $(API_TESTS)

tests_api_common_test_SOURCES = tests/api-common-test.c
tests_api_common_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_api_common_test_LDADD = $(VNET_TEST_LIBS)
tests_api_info_test_SOURCES = tests/api-info-test.c
tests_api_info_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_api_info_test_LDADD = $(VNET_TEST_LIBS)

API_LOCAL_TESTS = tests/api-local-test
check_PROGRAMS += $(API_LOCAL_TESTS)
TESTS += $(API_LOCAL_TESTS)
tests_api_local_test_SOURCES = tests/api-local-test.c
tests_api_local_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_api_local_test_LDADD = $(VNET_TEST_LIBS)

# Needs root (skips otherwise): runs in a private network namespace.
API_NETNS_TESTS = tests/api-netns-test
check_PROGRAMS += $(API_NETNS_TESTS)
TESTS += $(API_NETNS_TESTS)
tests_api_netns_test_SOURCES = tests/api-netns-test.c
tests_api_netns_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_api_netns_test_LDADD = $(VNET_TEST_LIBS)

# examples/c: built by make check, run, and rebuilt out of tree against an
# installed libvnet through pkg-config.
check_PROGRAMS += examples/c/vnet-example
examples_c_vnet_example_SOURCES = examples/c/vnet-example.c
examples_c_vnet_example_LDADD = src/libvnet.la $(GLIB_LIBS)
EXTRA_DIST += examples/c/domain.xml tests/example-c-test.sh
TESTS += tests/example-c-test.sh
AM_TESTS_ENVIRONMENT += \
	VNET_CC='$(CC)'; export VNET_CC; \
	VNET_PKG_CONFIG='$(PKG_CONFIG)'; export VNET_PKG_CONFIG; \
	VNET_EXAMPLE_CFLAGS='$(SANITIZER_CFLAGS) $(SANITIZER_LDFLAGS)'; export VNET_EXAMPLE_CFLAGS;
