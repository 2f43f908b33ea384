/* network-test-common.h: helpers shared by the network XML tests. */
#pragma once

#include <glib.h>

/* Validates the document @xml against the RelaxNG schema at @rng_path.
 * Returns TRUE when it is valid; otherwise the schema's complaints are in
 * *@ret_errors (nullable). */
gboolean network_test_rng_validate(const char *rng_path, const char *xml, char **ret_errors);

/* Path of vnet's schemas/network.rng in the source tree. */
char *network_test_schema_path(void);
