# tests of src/util/vnet-nl, vnet-netns and vnet-sysctl: message building
# without privileges, everything else in a private network namespace.
UTIL_NL_TESTS = \
	tests/util-nl-test \
	tests/util-netns-test
check_PROGRAMS += $(UTIL_NL_TESTS)
TESTS += $(UTIL_NL_TESTS)

tests_util_nl_test_SOURCES = tests/util-nl-test.c
tests_util_nl_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_nl_test_LDADD = $(VNET_TEST_LIBS)
tests_util_netns_test_SOURCES = tests/util-netns-test.c
tests_util_netns_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_netns_test_LDADD = $(VNET_TEST_LIBS)
