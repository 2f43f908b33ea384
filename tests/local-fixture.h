/* local-fixture.h: a `local:` connection over a throwaway state root, in a
 * private network namespace — the fixture of the API tests that realize
 * domains and networks for real.
 */
#pragma once

#include <glib.h>

#include <vnet/vnet.h>

typedef struct {
    char *root;           /* the state root, a fresh temporary directory */
    char *uri;            /* local:///?root=ROOT */
    VnetConnection *conn; /* open on uri; NULL when the test was skipped */
} VnetTestLocal;

/* Enters the private namespace (or g_test_skip()s and returns FALSE, all
 * fields left NULL), then makes a root "vnet-PREFIX-XXXXXX" in the temporary
 * directory and opens a connection on it. */
gboolean vnet_test_local_open(VnetTestLocal *tl, const char *prefix);

/* Closes the connection (if still open), removes the root and frees the
 * fields. Harmless on a skipped fixture. */
void vnet_test_local_close(VnetTestLocal *tl);

/* Forks a process that opens @uri and starts domain @domain, and SIGKILLs
 * it once the domain runs: a crash with everything realized. */
void vnet_test_start_and_kill(const char *uri, const char *domain);
