# tests of src/network/link-direct: every mode with real traffic between
# namespaces, passthrough, rollback and bulk teardown.
DIRECT_TESTS = tests/direct-link-test
check_PROGRAMS += $(DIRECT_TESTS)
TESTS += $(DIRECT_TESTS)

tests_direct_link_test_SOURCES = tests/direct-link-test.c
tests_direct_link_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_direct_link_test_LDADD = $(VNET_TEST_LIBS)
