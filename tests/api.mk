# tests: the C API on test:///default and local:///?root=DIR, the local
# driver's store and crash recovery, the netns guest backend (in private
# namespaces), and the example program built against an installed libvnet.
API_TESTS = \
	tests/api-common-test
check_PROGRAMS += $(API_TESTS)
TESTS += $(API_TESTS)

tests_api_common_test_SOURCES = tests/api-common-test.c
tests_api_common_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_api_common_test_LDADD = $(VNET_TEST_LIBS)

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
