/* vnsh-readline.c: the interactive shell: a prompt with GNU readline's
 * line editing, completion from the command tables, and a history kept in
 * the user's data folder. When standard input is not a terminal, commands
 * are read from it line by line instead (scripts, pipes). */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "vnsh.h"

#define HISTORY_MAX 1000

static VnshCtl *completion_ctl;
static GPtrArray *completion_candidates;

static char *
candidate_generator(const char *text, int state)
{
    static guint next;

    if (state == 0)
        next = 0;
    if (!completion_candidates || next >= completion_candidates->len)
        return NULL;
    return strdup(completion_candidates->pdata[next++]);
}

static char **
attempted_completion(const char *text, int start, int end)
{
    g_autofree char *before = g_strndup(rl_line_buffer, start);
    g_autoptr(GPtrArray) commands = vnsh_split_line(before, TRUE, NULL);
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
    gboolean files = FALSE;
    char **last;

    rl_attempted_completion_over = 1;
    if (!commands || !commands->len)
        return NULL;
    last = commands->pdata[commands->len - 1];
    for (guint i = 0; last[i]; i++) {
        if (!*last[i] && !last[i + 1])
            break; /* the empty word a trailing space made: @text replaces it */
        g_ptr_array_add(words, g_strdup(last[i]));
    }
    /* "--dhcp=o": readline breaks the word at '='; the option still wants a value */
    if (words->len && g_str_has_suffix(words->pdata[words->len - 1], "=") &&
        start > 0 && rl_line_buffer[start - 1] == '=') {
        char *word = words->pdata[words->len - 1];

        word[strlen(word) - 1] = '\0';
    }
    g_ptr_array_add(words, g_strdup(text));
    g_ptr_array_add(words, NULL);

    g_clear_pointer(&completion_candidates, g_ptr_array_unref);
    completion_candidates = vnsh_complete_words(completion_ctl, (char **)words->pdata, &files);
    if (files) {
        rl_attempted_completion_over = 0; /* readline's own file name completion */
        return NULL;
    }
    return rl_completion_matches(text, candidate_generator);
}

static char *
history_path(void)
{
    return g_build_filename(g_get_user_data_dir(), "vnet", "vnsh_history", NULL);
}

static void
history_open(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    using_history();
    stifle_history(HISTORY_MAX);
    if (g_mkdir_with_parents(dir, 0700) < 0)
        return;
    if (read_history(path) != 0)
        write_history(path); /* creates it, so that appending works */
}

static void
history_remember(const char *path, const char *line)
{
    HIST_ENTRY *previous = history_length > 0 ? history_get(history_base + history_length - 1)
                                               : NULL;

    /* as bash's ignoredups: repeating a command does not fill the history */
    if (previous && g_str_equal(previous->line, line))
        return;
    add_history(line);
    if (append_history(1, path) == 0)
        history_truncate_file(path, HISTORY_MAX);
}

static int
run_terminal(VnshCtl *ctl)
{
    g_autofree char *path = history_path();
    int status = VNSH_EXIT_OK;

    completion_ctl = ctl;
    rl_readline_name = "vnsh";
    rl_attempted_completion_function = attempted_completion;
    rl_completer_word_break_characters = (char *)" \t\n;=";
    history_open(path);

    printf(_("Welcome to vnsh %s, the vnet shell.\n"
             "Type 'help' for the commands, 'help COMMAND' for one, 'quit' to leave.\n\n"),
           PACKAGE_VERSION);
    while (!ctl->quit) {
        g_autofree char *raw = readline("vnsh # ");
        g_autofree char *line = NULL;

        if (!raw) {
            putchar('\n');
            break;
        }
        line = g_strstrip(g_strdup(raw));
        if (!*line)
            continue;
        history_remember(path, line);
        status = vnsh_run_line(ctl, line, TRUE);
    }
    g_clear_pointer(&completion_candidates, g_ptr_array_unref);
    return status;
}

static int
run_stream(VnshCtl *ctl)
{
    g_autoptr(GString) line = g_string_new(NULL);
    int status = VNSH_EXIT_OK;
    char buf[4096];

    while (!ctl->quit && fgets(buf, sizeof(buf), ctl->input)) {
        g_string_append(line, buf);
        if (line->len && line->str[line->len - 1] != '\n' && !feof(ctl->input))
            continue; /* a line longer than the buffer */
        status = vnsh_run_line(ctl, line->str, TRUE);
        g_string_truncate(line, 0);
    }
    return status;
}

/**
 * vnsh_interactive:
 * @ctl: the shell
 *
 * Reads and runs commands until "quit" or the end of input: with a prompt,
 * line editing, completion and history on a terminal, line by line
 * otherwise. A failed command does not stop the session.
 *
 * Returns: the exit status of the last command.
 */
int
vnsh_interactive(VnshCtl *ctl)
{
    ctl->interactive = TRUE;
    if (isatty(fileno(ctl->input)) && isatty(STDOUT_FILENO))
        return run_terminal(ctl);
    return run_stream(ctl);
}

/**
 * vnsh_ask_yes_no:
 * @ctl: the shell
 * @question: the question, e.g. "re-edit? [y/n] "
 *
 * Returns: TRUE for y/yes, FALSE for n/no or the end of input.
 */
gboolean
vnsh_ask_yes_no(VnshCtl *ctl, const char *question)
{
    char answer[64];

    for (;;) {
        fputs(question, stdout);
        fflush(stdout);
        if (!fgets(answer, sizeof(answer), ctl->input)) {
            putchar('\n');
            return FALSE;
        }
        g_strstrip(answer);
        if (g_ascii_strcasecmp(answer, "y") == 0 || g_ascii_strcasecmp(answer, "yes") == 0)
            return TRUE;
        if (g_ascii_strcasecmp(answer, "n") == 0 || g_ascii_strcasecmp(answer, "no") == 0)
            return FALSE;
    }
}
