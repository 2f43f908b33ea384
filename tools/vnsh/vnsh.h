/* vnsh.h: what the shell's command files share. Commands are data: each
 * group file exports a table of VnshCommand; vnsh.c dispatches. */
#pragma once

#include <glib.h>

typedef struct {
    const char *name;
    const char *synopsis; /* "validate FILE" */
    const char *summary;  /* one line, translated at print time */
    const char *example;
    /* Runs the command; argv[0] is the command name. Returns the exit
     * status: 0 success, 1 failed command, 2 bad usage. */
    int (*run)(int argc, char **argv);
} VnshCommand;

/* Exit statuses, as the user sees them. */
enum {
    VNSH_EXIT_OK = 0,
    VNSH_EXIT_FAILED = 1,
    VNSH_EXIT_USAGE = 2,
};

/* Prints "error: MESSAGE" on stderr. */
void vnsh_error(const char *format, ...) G_GNUC_PRINTF(1, 2);

extern const VnshCommand vnsh_misc_commands[];
extern const VnshCommand vnsh_xml_commands[];
