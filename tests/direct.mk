# tests of src/network/link-direct: every mode with real traffic between
# namespaces, passthrough, rollback and bulk teardown.
DIRECT_TESTS = tests/direct-link-test
check_PROGRAMS += $(DIRECT_TESTS)
TESTS += $(DIRECT_TESTS)

tests_direct_link_test_SOURCES = tests/direct-link-test.c
tests_direct_link_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_direct_link_test_LDADD = $(VNET_TEST_LIBS)

# the same end to end through the public API on local:///?root=DIR: netns
# domains from XML, modes proved with ping, passthrough (also after a
# SIGKILL), rollback, source checks, virtualports, one-request destroy
DIRECT_API_TESTS = tests/direct-api-test
check_PROGRAMS += $(DIRECT_API_TESTS)
TESTS += $(DIRECT_API_TESTS)
tests_direct_api_test_SOURCES = tests/direct-api-test.c
tests_direct_api_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_direct_api_test_LDADD = $(VNET_TEST_LIBS)
