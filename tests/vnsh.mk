# vnsh driven as a user runs it (argv mode).
VNSH_TESTS = tests/vnsh-xml-test
check_PROGRAMS += $(VNSH_TESTS)
TESTS += $(VNSH_TESTS)
tests_vnsh_xml_test_SOURCES = tests/vnsh-xml-test.c
tests_vnsh_xml_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnsh_xml_test_LDADD = $(VNET_TEST_LIBS)
# the tests run the installed-layout binary from the build tree
$(VNSH_TESTS): tools/vnsh/vnsh$(EXEEXT)
