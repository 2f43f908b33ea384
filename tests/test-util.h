/* test-util.h: helpers shared by every test program. */
#pragma once

#include <glib.h>

/* Path of a file in the source tree's tests/ folder (VNET_TEST_SRCDIR). */
char *vnet_test_srcdir_path(const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Path under the top of the source tree (VNET_TOP_SRCDIR). */
char *vnet_test_top_srcdir_path(const char *first, ...) G_GNUC_NULL_TERMINATED;
/* Path under the top of the build tree (VNET_TOP_BUILDDIR). */
char *vnet_test_top_builddir_path(const char *first, ...) G_GNUC_NULL_TERMINATED;
/* The libvirt conformance corpus, or NULL (the caller skips) when absent. */
char *vnet_test_conformance_path(const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Sorted names of the files in @dir ending with @suffix. */
GPtrArray *vnet_test_list_dir(const char *dir, const char *suffix);

/* Reads a whole file; fails the test on error. */
char *vnet_test_read_file(const char *path);

/* TRUE when VNET_TEST_REGENERATE=1: data-driven tests then rewrite their
 * expected outputs instead of comparing. */
gboolean vnet_test_regenerate(void);

/* Compares @actual with the file at @expected_path (or rewrites it). */
void vnet_test_assert_file_equal(const char *expected_path, const char *actual);

/* Runs a command line (argv) and returns its stdout; fails the test when it
 * exits non-zero. stderr is shown on failure. */
char *vnet_test_run(const char *const *argv);
/* Same, returning the exit status and both outputs. */
int vnet_test_run_full(const char *const *argv, char **ret_stdout, char **ret_stderr);
