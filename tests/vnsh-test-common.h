/* vnsh-test-common.h: running vnsh as a user would, for the vnsh tests. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

/* The vnsh binary of the build tree. */
char *vnsh_test_binary(void);

typedef struct {
    const char *const *env; /* extra "NAME=VALUE" (NAME= alone unsets), or NULL */
    const char *input;      /* what vnsh reads on stdin, or NULL (empty) */
    gboolean drop_root;     /* run as nobody when the test runs as root */
} VnshTestOptions;

/* Runs vnsh with @args (NULL-terminated, without the program name);
 * returns the exit status (-1 when it could not be run as asked). */
int vnsh_test_run(const VnshTestOptions *options, const char *const *args, char **ret_out,
                  char **ret_err);
/* vnsh -c test:///default LINE: @line is one argument, split by vnsh. */
int vnsh_test_line(const char *line, char **ret_out, char **ret_err);
/* Same with another URI. */
int vnsh_test_line_uri(const char *uri, const char *line, char **ret_out, char **ret_err);

/* Parses JSON output; fails the test when it is not an array. */
JsonArray *vnsh_test_json_array(const char *text, JsonNode **ret_root);
/* The object of @array whose member @key is @value, or NULL. */
JsonObject *vnsh_test_json_find(JsonArray *array, const char *key, const char *value);

/* A fresh folder under g_get_tmp_dir(). */
char *vnsh_test_tmpdir(const char *what);
/* Writes an executable script @name into @dir with @body. */
char *vnsh_test_script(const char *dir, const char *name, const char *body);
/* Removes @dir and everything in it. */
void vnsh_test_rmtree(const char *dir);
