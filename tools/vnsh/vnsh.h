/* vnsh.h: what the shell's files share.
 *
 * Commands are data: each group file (vnsh-domain.c, vnsh-network.c,
 * vnsh-natnetwork.c, vnsh-hostonlyif.c, vnsh-xml.c, vnsh-misc.c) exports a
 * table of VnshCommand, each with its table of VnshOption. The same tables
 * drive argument parsing (vnsh-cmd.c), `help` and the man page
 * (vnsh-help.c), and completion in the interactive shell and in bash
 * (vnsh-complete.c). vnsh is only a client of the public C API.
 */
#pragma once

#include <stdio.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#include <vnet/vnet.h>

/* Exit statuses, as the user sees them. */
enum {
    VNSH_EXIT_OK = 0,
    VNSH_EXIT_FAILED = 1,
    VNSH_EXIT_USAGE = 2,
};

typedef enum {
    VNSH_OPT_BOOL,   /* --all */
    VNSH_OPT_STRING, /* --mac MAC or --mac=MAC */
    VNSH_OPT_ARG,    /* positional (in table order), or --name VALUE */
} VnshOptType;

typedef enum {
    VNSH_OPT_REQUIRED = 1 << 0,
    VNSH_OPT_MULTI = 1 << 1,       /* may be repeated; every value is kept */
    VNSH_OPT_DELETE_FORM = 1 << 2, /* "--opt delete NAME" (VBoxManage) */
} VnshOptFlags;

/* What a value is completed from. */
typedef enum {
    VNSH_COMPLETE_NONE,
    VNSH_COMPLETE_DOMAIN,
    VNSH_COMPLETE_NETWORK,
    VNSH_COMPLETE_FILE,
    VNSH_COMPLETE_NIC,     /* the MACs of the domain named by the "domain" option */
    VNSH_COMPLETE_WORDS,   /* the space-separated words in VnshOption.words */
    VNSH_COMPLETE_COMMAND, /* a command name (help) */
} VnshComplete;

typedef struct {
    const char *name;    /* "all"; also the --name spelling of an ARG */
    VnshOptType type;
    guint flags;         /* VnshOptFlags */
    const char *metavar; /* "NAME", "FILE"; NULL for BOOL */
    const char *help;    /* N_(), translated when printed */
    VnshComplete complete;
    const char *words;   /* for VNSH_COMPLETE_WORDS: "up down" */
} VnshOption;

typedef struct _VnshCtl VnshCtl;
typedef struct _VnshArgs VnshArgs;

typedef enum {
    VNSH_CMD_NO_CONNECT = 1 << 0, /* works without a connection */
} VnshCmdFlags;

typedef struct {
    /* One word ("list"), or two for VBoxManage's verbs ("natnetwork add"). */
    const char *name;
    const char *summary;     /* one line, N_() */
    const char *description; /* a paragraph, N_(), or NULL */
    const char *example;     /* a command line, not translated */
    const VnshOption *options;
    guint flags;             /* VnshCmdFlags */
    /* Returns the exit status: 0 success, 1 failed command, 2 bad usage. */
    int (*run)(VnshCtl *ctl, const VnshArgs *args);
} VnshCommand;

typedef struct {
    const char *title; /* N_() */
    const VnshCommand *commands; /* ends with {NULL} */
} VnshGroup;

/* Every group, in help order; ends with {NULL}. */
extern const VnshGroup vnsh_groups[];

extern const VnshCommand vnsh_domain_commands[];
extern const VnshCommand vnsh_network_commands[];
extern const VnshCommand vnsh_natnetwork_commands[];
extern const VnshCommand vnsh_hostonlyif_commands[];
extern const VnshCommand vnsh_xml_commands[];
extern const VnshCommand vnsh_misc_commands[];

/* The state of one vnsh process. */
struct _VnshCtl {
    char *uri;            /* -c URI; NULL: VNET_DEFAULT_URI or default_uri() */
    VnetConnection *conn; /* opened on first need */
    gboolean interactive;
    gboolean quit;
    FILE *input;          /* where answers to questions are read */
};

/* Returns the connection, opening it on first use; NULL after printing
 * "error: ..." when it cannot be opened. */
VnetConnection *vnsh_connection(VnshCtl *ctl);
/* The same without printing anything (completion). */
VnetConnection *vnsh_connection_quiet(VnshCtl *ctl);
void vnsh_ctl_clear(VnshCtl *ctl);

/* ---- commands and their arguments (vnsh-cmd.c) ---------------------------- */

struct _VnshArgs {
    const VnshCommand *command;
    GHashTable *values; /* option name -> GPtrArray of char* ("" for BOOL) */
};

const VnshCommand *vnsh_command_find(const char *name);
/* The command named by the first one or two of @argv; *@ret_used says how
 * many words the name took. NULL when none (after printing the error). */
const VnshCommand *vnsh_command_lookup(int argc, char **argv, int *ret_used);
/* TRUE when @word is the first word of two-word commands ("natnetwork"). */
gboolean vnsh_command_is_prefix(const char *word);

/* Parses the words after the command name into @args; prints the error and
 * returns FALSE on bad usage. *@ret_help is set for --help. */
gboolean vnsh_args_parse(const VnshCommand *command, int argc, char **argv, VnshArgs *args,
                         gboolean *ret_help);
void vnsh_args_clear(VnshArgs *args);
const char *vnsh_args_get(const VnshArgs *args, const char *name);
gboolean vnsh_args_has(const VnshArgs *args, const char *name);
GPtrArray *vnsh_args_get_all(const VnshArgs *args, const char *name);
const VnshOption *vnsh_command_find_option(const VnshCommand *command, const char *name);

/* Runs one command line already split into words (argv[0] is the name). */
int vnsh_run_argv(VnshCtl *ctl, int argc, char **argv);
/* Splits @line into commands at unquoted ';' and into words (quotes and
 * backslashes as in sh, '#' starts a comment). Returns an array of
 * NULL-terminated word vectors, or NULL after printing the error. */
GPtrArray *vnsh_split_line(const char *line, gboolean partial, GError **error);
/* Runs every command of @line; stops at the first failure unless
 * @keep_going. Returns the status of the last command run. */
int vnsh_run_line(VnshCtl *ctl, const char *line, gboolean keep_going);

/* ---- help and the man page (vnsh-help.c) --------------------------------- */

char *vnsh_command_synopsis(const VnshCommand *command);
void vnsh_print_command_help(FILE *out, const VnshCommand *command);
void vnsh_print_command_list(FILE *out);
void vnsh_print_usage(FILE *out);
/* The whole man page, man(7) format, untranslated. */
char *vnsh_man_page(void);

/* ---- completion (vnsh-complete.c) ---------------------------------------- */

/* Candidates for the last word of @words (it may be empty), given the
 * words before it. *@ret_files is set when the word is a file name (the
 * caller completes files itself). */
GPtrArray *vnsh_complete_words(VnshCtl *ctl, char **words, gboolean *ret_files);

/* ---- interactive shell (vnsh-readline.c) --------------------------------- */

int vnsh_interactive(VnshCtl *ctl);
/* Asks a yes/no question on stdout, reading the answer from ctl->input.
 * FALSE on "n" or end of input. */
gboolean vnsh_ask_yes_no(VnshCtl *ctl, const char *question);

/* ---- output (vnsh-table.c) ------------------------------------------------- */

typedef struct {
    const char *key;    /* JSON member name */
    const char *header; /* N_(), the table's column title */
} VnshColumn;

typedef struct _VnshTable VnshTable;

VnshTable *vnsh_table_new(const VnshColumn *columns, guint n_columns);
void vnsh_table_free(VnshTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VnshTable, vnsh_table_free)
/* Starts a row; then one add per column, in order. */
void vnsh_table_add_row(VnshTable *table);
void vnsh_table_add_string(VnshTable *table, const char *text); /* NULL: "-" / null */
void vnsh_table_add_bool(VnshTable *table, gboolean value);
void vnsh_table_add_int(VnshTable *table, gint64 value, const char *text);
/* A list: a JSON array, joined by ", " in the table ("-" when empty). */
void vnsh_table_add_strv(VnshTable *table, const char *const *values);
/* Prints aligned columns, or a JSON array of objects. */
void vnsh_table_print(VnshTable *table, gboolean json);

/* Prints "error: MESSAGE" on stderr. */
void vnsh_error(const char *format, ...) G_GNUC_PRINTF(1, 2);
/* Prints "error: " and the error's message; returns VNSH_EXIT_FAILED. */
int vnsh_report(const GError *error);

/* ---- XML that vnsh changes before defining it (vnsh-util.c) -------------- */

/* Parses XML returned by the API or written by the user (no network, no
 * entities). NULL with @error set when it is not well formed. */
struct _xmlDoc *vnsh_xml_parse(const char *xml, const char *name, GError **error);
char *vnsh_xml_to_string(struct _xmlDoc *doc);
void vnsh_xml_free(struct _xmlDoc *doc);

/* Reads a whole file; prints the error and returns NULL on failure. */
char *vnsh_read_file(const char *path);

VnetDomain *vnsh_lookup_domain(VnshCtl *ctl, const char *name);
VnetNetwork *vnsh_lookup_network(VnshCtl *ctl, const char *name);

/* Edits @xml with $VISUAL/$EDITOR and hands the result to @define until it
 * is accepted, the user gives up, or nothing changed (edit, net-edit). */
typedef gboolean (*VnshDefineFunc)(VnshCtl *ctl, const char *xml, GError **error);
int vnsh_edit_loop(VnshCtl *ctl, const char *what, const char *name, const char *xml,
                   VnshDefineFunc define);

/* "--live"/"--config" -> the API's affect flags (both enums have the same values). */
guint vnsh_affect_flags(const VnshArgs *args);

/* ---- what the domain and network commands share (vnsh-object.c) ---------- */

/* The commands virsh has for domains and networks alike. */
typedef enum {
    VNSH_OBJECT_DEFINE,    /* from the "file" option */
    VNSH_OBJECT_UNDEFINE,
    VNSH_OBJECT_START,
    VNSH_OBJECT_DESTROY,
    VNSH_OBJECT_DUMPXML,   /* --inactive */
    VNSH_OBJECT_EDIT,
    VNSH_OBJECT_AUTOSTART, /* --disable */
} VnshObjectCommand;

/* Runs @command on the domain or network the "domain" or "network" option
 * names (by name or UUID); prints what it did or the error. Returns the
 * exit status. */
int vnsh_object_run(VnshCtl *ctl, const VnshArgs *args, VnetObjectKind kind,
                    VnshObjectCommand command);
/* --all / --inactive -> which objects a listing shows (the active ones by
 * default). */
VnetListFlags vnsh_list_flags(const VnshArgs *args);

