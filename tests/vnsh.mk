# vnsh driven as a user runs it: argv mode, stdin scripts, edit with a
# scripted $EDITOR, an interactive session on a pty (completion, history),
# help and man page against the command tables, netns domains on the
# local driver, and the bash completion script.
VNSH_TESTS = \
	tests/vnsh-xml-test \
	tests/vnsh-cmd-test \
	tests/vnsh-help-test \
	tests/vnsh-pty-test \
	tests/vnsh-local-test
check_PROGRAMS += $(VNSH_TESTS)
TESTS += $(VNSH_TESTS) tests/vnsh-bash-completion.sh
EXTRA_DIST += tests/vnsh-bash-completion.sh tests/vnsh-data/iface-null.xml

# Running vnsh as a child process, shared by the vnsh tests.
check_LTLIBRARIES += tests/libvnsh_test.la
tests_libvnsh_test_la_SOURCES = tests/vnsh-test-common.c tests/vnsh-test-common.h
tests_libvnsh_test_la_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_libvnsh_test_la_LIBADD = $(GLIB_LIBS) $(JSON_LIBS)
VNSH_TEST_LIBS = tests/libvnsh_test.la $(VNET_TEST_LIBS)

tests_vnsh_xml_test_SOURCES = tests/vnsh-xml-test.c
tests_vnsh_xml_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnsh_xml_test_LDADD = $(VNET_TEST_LIBS)
tests_vnsh_cmd_test_SOURCES = tests/vnsh-cmd-test.c
tests_vnsh_cmd_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnsh_cmd_test_LDADD = $(VNSH_TEST_LIBS)
tests_vnsh_pty_test_SOURCES = tests/vnsh-pty-test.c
tests_vnsh_pty_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnsh_pty_test_LDADD = $(VNSH_TEST_LIBS) -lutil
tests_vnsh_local_test_SOURCES = tests/vnsh-local-test.c
tests_vnsh_local_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS)
tests_vnsh_local_test_LDADD = $(VNSH_TEST_LIBS)
# Walks vnsh's own command tables (tools/vnsh/libvnsh.la) and compares them
# with `vnsh help` and the man page.
tests_vnsh_help_test_SOURCES = tests/vnsh-help-test.c
tests_vnsh_help_test_CPPFLAGS = $(VNET_TEST_CPPFLAGS) -I$(top_srcdir)/tools/vnsh \
	$(READLINE_CFLAGS)
tests_vnsh_help_test_LDADD = tools/vnsh/libvnsh.la tests/libvnsh_test.la \
	tests/libvnet_test.la src/libvnet.la $(GLIB_LIBS) $(JSON_LIBS) $(NL_LIBS)

# the tests run the installed-layout binary and man page from the build tree
$(VNSH_TESTS): tools/vnsh/vnsh$(EXEEXT) docs/vnsh.1
