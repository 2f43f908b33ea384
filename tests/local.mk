# tests: GTest programs run through automake's TAP driver, one TAP line per
# test case. tests/run-tap.sh adds --tap (and valgrind for check-valgrind).
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
LOG_COMPILER = $(top_srcdir)/tests/run-tap.sh
AM_TESTS_ENVIRONMENT = \
	VNET_TEST_SRCDIR='$(abs_top_srcdir)/tests'; export VNET_TEST_SRCDIR; \
	VNET_TEST_BUILDDIR='$(abs_top_builddir)/tests'; export VNET_TEST_BUILDDIR; \
	VNET_TOP_SRCDIR='$(abs_top_srcdir)'; export VNET_TOP_SRCDIR; \
	VNET_TOP_BUILDDIR='$(abs_top_builddir)'; export VNET_TOP_BUILDDIR; \
	VNET_CONFORMANCE_DIR='$(CONFORMANCE_DIR)'; export VNET_CONFORMANCE_DIR; \
	XMLLINT='$(XMLLINT)'; export XMLLINT; \
	G_DEBUG=fatal-criticals; export G_DEBUG;
EXTRA_DIST += tests/run-tap.sh tests/valgrind.supp

# Shared test helpers: data-file lookup, and namespaces for host tests.
check_LTLIBRARIES += tests/libvnet_test.la
tests_libvnet_test_la_SOURCES = \
	tests/test-util.c tests/test-util.h \
	tests/netns-helper.c tests/netns-helper.h \
	tests/frame-helper.c tests/frame-helper.h \
	tests/local-fixture.c tests/local-fixture.h
tests_libvnet_test_la_CPPFLAGS = $(AM_CPPFLAGS) $(JSON_CFLAGS)
tests_libvnet_test_la_LIBADD = $(GLIB_LIBS) $(JSON_LIBS) $(NL_LIBS)

VNET_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(JSON_CFLAGS)
VNET_TEST_LIBS = tests/libvnet_test.la src/libvnet_internal.la \
	$(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS) $(JSON_LIBS)

UTIL_TESTS = \
	tests/util-mac-test \
	tests/util-uuid-test \
	tests/util-inet-test \
	tests/util-xml-test \
	tests/util-enum-test \
	tests/util-error-test \
	tests/util-log-test \
	tests/netns-helper-test
check_PROGRAMS += $(UTIL_TESTS)
TESTS += $(UTIL_TESTS)

tests_util_mac_test_SOURCES = tests/util-mac-test.c
tests_util_mac_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_mac_test_LDADD = $(VNET_TEST_LIBS)
tests_util_uuid_test_SOURCES = tests/util-uuid-test.c
tests_util_uuid_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_uuid_test_LDADD = $(VNET_TEST_LIBS)
tests_util_inet_test_SOURCES = tests/util-inet-test.c
tests_util_inet_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_inet_test_LDADD = $(VNET_TEST_LIBS)
tests_util_xml_test_SOURCES = tests/util-xml-test.c
tests_util_xml_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_xml_test_LDADD = $(VNET_TEST_LIBS)
tests_util_error_test_SOURCES = tests/util-error-test.c
tests_util_error_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_error_test_LDADD = $(VNET_TEST_LIBS)
tests_util_log_test_SOURCES = tests/util-log-test.c
tests_util_log_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_log_test_LDADD = $(VNET_TEST_LIBS)
tests_netns_helper_test_SOURCES = tests/netns-helper-test.c
tests_netns_helper_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_netns_helper_test_LDADD = $(VNET_TEST_LIBS)
# Walks the enum tables of the whole shared library, so it links every
# object of every layer (whole archive), not only those it calls.
tests_util_enum_test_SOURCES = tests/util-enum-test.c
tests_util_enum_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_util_enum_test_LDADD = $(VNET_TEST_LIBS)
tests_util_enum_test_LDFLAGS = $(AM_LDFLAGS) -Wl,--whole-archive,src/.libs/libvnet_internal.a,--no-whole-archive

# make check-valgrind: the same tests under valgrind's memcheck.
check-valgrind:
	$(MAKE) $(AM_MAKEFLAGS) check VNET_TEST_VALGRIND=1
.PHONY: check-valgrind
AM_TESTS_ENVIRONMENT += VNET_TEST_VALGRIND='$(VNET_TEST_VALGRIND)'; export VNET_TEST_VALGRIND;

# Shell tests print TAP too.
TEST_EXTENSIONS = .sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
TESTS += tests/potfiles-check.sh
EXTRA_DIST += tests/potfiles-check.sh
