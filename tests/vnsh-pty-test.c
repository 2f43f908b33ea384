/* vnsh-pty-test.c: the interactive shell on a pseudo-terminal, typed at as
 * a person would: TAB completion of a command, an option, a subcommand, a
 * domain and a network name; the history kept in $XDG_DATA_HOME and
 * recalled with the Up arrow after a restart; `edit` answering "re-edit?"
 * on the terminal. A small expect loop over forkpty(). */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "vnsh-test-common.h"

#define TIMEOUT_MS 10000
#define PROMPT "vnsh # "
#define UP "\033[A"

typedef struct {
    pid_t pid;
    int fd;
    GString *output; /* everything vnsh wrote */
    gsize mark;      /* where the next expect() starts looking */
} Pty;

static Pty *
pty_spawn(const char *data_home, const char *editor)
{
    g_autofree char *vnsh = vnsh_test_binary();
    Pty *pty = g_new0(Pty, 1);
    struct winsize size = {.ws_row = 50, .ws_col = 200};

    pty->output = g_string_new(NULL);
    pty->pid = forkpty(&pty->fd, NULL, NULL, &size);
    g_assert_cmpint(pty->pid, >=, 0);
    if (pty->pid == 0) {
        const char *argv[] = {vnsh, "-c", "test:///default", NULL};

        /* a terminal with no escape sequences to speak of, so the screen is the text */
        setenv("TERM", "dumb", 1);
        setenv("LC_ALL", "C", 1);
        setenv("XDG_DATA_HOME", data_home, 1);
        setenv("INPUTRC", "/dev/null", 1);
        unsetenv("VNET_DEFAULT_URI");
        unsetenv("VISUAL");
        if (editor)
            setenv("EDITOR", editor, 1);
        execv(vnsh, (char **)argv);
        _exit(127);
    }
    return pty;
}

/* Reads what is there, waiting up to @timeout_ms for something. */
static gboolean
pty_read(Pty *pty, int timeout_ms)
{
    struct pollfd pfd = {.fd = pty->fd, .events = POLLIN};
    char buf[4096];
    ssize_t n;

    if (poll(&pfd, 1, timeout_ms) <= 0)
        return FALSE;
    n = read(pty->fd, buf, sizeof(buf));
    if (n <= 0)
        return FALSE; /* EIO: vnsh is gone */
    g_string_append_len(pty->output, buf, n);
    return TRUE;
}

static void
pty_expect(Pty *pty, const char *text)
{
    gint64 deadline = g_get_monotonic_time() + TIMEOUT_MS * 1000;

    for (;;) {
        const char *found = strstr(pty->output->str + pty->mark, text);

        if (found) {
            pty->mark = found - pty->output->str + strlen(text);
            return;
        }
        if (g_get_monotonic_time() > deadline ||
            !pty_read(pty, (deadline - g_get_monotonic_time()) / 1000 + 1)) {
            if (!strstr(pty->output->str + pty->mark, text)) {
                g_test_message("waiting for '%s'; the terminal shows:\n%s", text,
                               pty->output->str + pty->mark);
                g_assert_not_reached();
            }
        }
    }
}

static void
pty_type(Pty *pty, const char *keys)
{
    size_t len = strlen(keys);

    g_assert_cmpint(write(pty->fd, keys, len), ==, (ssize_t)len);
}

/* Waits for vnsh to exit and returns its status. */
static int
pty_wait(Pty *pty)
{
    int status = 0;

    while (pty_read(pty, 2000))
        ;
    g_assert_cmpint(waitpid(pty->pid, &status, 0), ==, pty->pid);
    close(pty->fd);
    g_string_free(pty->output, TRUE);
    g_free(pty);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void
test_completion_and_history(void)
{
    g_autofree char *home = vnsh_test_tmpdir("pty");
    g_autofree char *history_path = g_build_filename(home, "vnet", "vnsh_history", NULL);
    g_autofree char *history = NULL;
    Pty *pty = pty_spawn(home, NULL);

    pty_expect(pty, "Type 'help'");
    pty_expect(pty, PROMPT);

    /* a command name, then a domain name */
    pty_type(pty, "dest\t");
    pty_expect(pty, "destroy ");
    pty_type(pty, "te\t");
    pty_expect(pty, "test ");
    pty_type(pty, "\r");
    pty_expect(pty, "Domain 'test' destroyed");
    pty_expect(pty, PROMPT);

    /* an option */
    pty_type(pty, "list --al\t");
    pty_expect(pty, "list --all");
    pty_type(pty, "\r");
    pty_expect(pty, "shut off");
    pty_expect(pty, PROMPT);

    /* a network name */
    pty_type(pty, "net-dumpxml def\t");
    pty_expect(pty, "net-dumpxml default");
    pty_type(pty, "\r");
    pty_expect(pty, "<name>default</name>");
    pty_expect(pty, PROMPT);

    /* a two-word command, its option, and the option's value */
    pty_type(pty, "natnetwork mo\t");
    pty_expect(pty, "natnetwork modify ");
    pty_type(pty, "--netn\t");
    pty_expect(pty, "--netname ");
    pty_type(pty, "def\t");
    pty_expect(pty, "default ");
    pty_type(pty, "--dhcp o\t\t");
    pty_expect(pty, "off");
    pty_type(pty, "n\r");
    pty_expect(pty, "NAT network 'default' modified");
    pty_expect(pty, PROMPT);

    /* a failed command does not end the session */
    pty_type(pty, "start nosuch\r");
    pty_expect(pty, "error: ");
    pty_expect(pty, PROMPT);

    pty_type(pty, "quit\r");
    g_assert_cmpint(pty_wait(pty), ==, 0);

    history = vnet_test_read_file(history_path);
    g_assert_nonnull(strstr(history, "destroy test\n"));
    g_assert_nonnull(strstr(history, "natnetwork modify --netname default --dhcp on\n"));

    /* a new session recalls the previous one's commands */
    pty = pty_spawn(home, NULL);
    pty_expect(pty, PROMPT);
    pty_type(pty, UP UP UP);
    pty_expect(pty, "natnetwork modify --netname default --dhcp on");
    pty_type(pty, "\r");
    pty_expect(pty, "NAT network 'default' modified");
    pty_expect(pty, PROMPT);
    pty_type(pty, "\004"); /* Ctrl-D */
    g_assert_cmpint(pty_wait(pty), ==, 0);
    vnsh_test_rmtree(home);
}

static void
test_edit_on_terminal(void)
{
    g_autofree char *home = vnsh_test_tmpdir("pty-edit");
    g_autofree char *editor = vnsh_test_script(
        home, "editor.sh",
        "n=$(cat \"$(dirname \"$0\")/count\" 2>/dev/null || echo 0)\n"
        "echo $((n + 1)) > \"$(dirname \"$0\")/count\"\n"
        "if [ $n = 0 ]; then sed -i \"s/type='network'/type='bogus'/\" \"$1\";\n"
        "else sed -i \"s/type='bogus'/type='network'/; s/virtio/e1000/\" \"$1\"; fi\n");
    Pty *pty = pty_spawn(home, editor);

    pty_expect(pty, PROMPT);
    pty_type(pty, "edit test\r");
    pty_expect(pty, "error: ");
    pty_expect(pty, "re-edit? [y/n] ");
    pty_type(pty, "y\r");
    pty_expect(pty, "Domain 'test' XML configuration edited.");
    pty_expect(pty, PROMPT);
    pty_type(pty, "dumpxml test --inactive\r");
    pty_expect(pty, "<model type='e1000'/>");
    pty_expect(pty, PROMPT);
    pty_type(pty, "exit\r");
    g_assert_cmpint(pty_wait(pty), ==, 0);
    vnsh_test_rmtree(home);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN);
    g_test_add_func("/vnsh/pty/completion-and-history", test_completion_and_history);
    g_test_add_func("/vnsh/pty/edit", test_edit_on_terminal);
    return g_test_run();
}
