/* bench-util.c: the helpers every benchmark uses (see bench-util.h). */
#include <config.h>

#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"

static const char *bench_name = "bench";

/**
 * bench_init:
 * @name: the benchmark's name, for messages
 *
 * Names the benchmark in the messages of bench_die().
 */
void
bench_init(const char *name)
{
    bench_name = name;
}

/**
 * bench_die:
 * @format: printf-style message
 * @...: its arguments
 *
 * Prints "NAME: message" to stderr and exits with status 1: a benchmark
 * that cannot set its scene has nothing to measure.
 */
void
bench_die(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    fprintf(stderr, "%s: ", bench_name);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(1);
}

/**
 * bench_parse_domain_options:
 * @argc: main()'s
 * @argv: main()'s
 * @summary: the line `--help` prints after the program's name
 * @n_domains: (inout): domains to start
 * @n_nics: (inout): NICs per domain
 * @verbose: (inout): whether to print every domain's times
 *
 * Parses the options the domain benchmarks share; dies on a bad one.
 */
void
bench_parse_domain_options(int *argc, char ***argv, const char *summary, int *n_domains,
                           int *n_nics, gboolean *verbose)
{
    GOptionEntry entries[] = {
        {"domains", 'd', 0, G_OPTION_ARG_INT, n_domains, "domains to start (100)", "N"},
        {"nics", 'n', 0, G_OPTION_ARG_INT, n_nics, "direct NICs per domain (8)", "M"},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, verbose, "print every domain's times", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) options = g_option_context_new(summary);
    g_autoptr(GError) error = NULL;

    g_option_context_add_main_entries(options, entries, NULL);
    if (!g_option_context_parse(options, argc, argv, &error))
        bench_die("%s", error->message);
    if (*n_domains < 1 || *n_domains > 10000 || *n_nics < 1 || *n_nics > 64)
        bench_die("--domains must be 1..10000 and --nics 1..64");
}

/**
 * bench_enter_private_namespace:
 * @own_run_netns: whether to mount a private /run/netns too
 *
 * Enters a private network and mount namespace with its own sysfs, so
 * neither the links nor (with @own_run_netns) the named namespaces a
 * benchmark creates reach the machine.
 */
void
bench_enter_private_namespace(gboolean own_run_netns)
{
    if (geteuid() != 0)
        bench_die("needs root (it creates a private network namespace)");
    if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0)
        bench_die("unshare: %s", g_strerror(errno));
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
        bench_die("making / private: %s", g_strerror(errno));
    if (umount2("/sys", MNT_DETACH) < 0 && errno != EINVAL)
        bench_die("detaching /sys: %s", g_strerror(errno));
    if (mount("sysfs", "/sys", "sysfs", 0, NULL) < 0)
        bench_die("mounting sysfs: %s", g_strerror(errno));
    if (!own_run_netns)
        return;
    g_mkdir_with_parents("/run/netns", 0755);
    if (mount("tmpfs", "/run/netns", "tmpfs", 0, "mode=0755") < 0)
        bench_die("mounting /run/netns: %s", g_strerror(errno));
}

/**
 * bench_run:
 * @format: printf-style shell command
 * @...: its arguments
 *
 * Runs the command with system(3); dies unless it exits with status 0.
 */
void
bench_run(const char *format, ...)
{
    va_list args;
    g_autofree char *cmd = NULL;
    int status;

    va_start(args, format);
    cmd = g_strdup_vprintf(format, args);
    va_end(args);
    status = system(cmd);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bench_die("'%s' failed", cmd);
}

/**
 * bench_now_us:
 *
 * Returns: the monotonic clock, in microseconds.
 */
double
bench_now_us(void)
{
    return (double)g_get_monotonic_time();
}

static int
compare_double(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;

    return (x > y) - (x < y);
}

/**
 * bench_stats_of:
 * @values: (array length=n): samples
 * @n: how many (at least 1)
 *
 * Returns: their minimum, median, mean, 90th percentile and maximum,
 *   computed on a sorted copy.
 */
BenchStats
bench_stats_of(const double *values, guint n)
{
    g_autofree double *sorted = g_memdup2(values, sizeof(double) * n);
    BenchStats s = {0};
    double sum = 0;

    g_assert(n > 0);
    qsort(sorted, n, sizeof(double), compare_double);
    for (guint i = 0; i < n; i++)
        sum += sorted[i];
    s.min = sorted[0];
    s.median = sorted[n / 2];
    s.mean = sum / n;
    s.p90 = sorted[(n * 9) / 10];
    s.max = sorted[n - 1];
    return s;
}

/**
 * bench_print_stats_us:
 * @what: what was measured
 * @width: the column @what is padded to
 * @values: (array length=n): samples, in microseconds
 * @n: how many (at least 1)
 *
 * Prints one line of bench_stats_of() over @values.
 */
void
bench_print_stats_us(const char *what, int width, const double *values, guint n)
{
    BenchStats s = bench_stats_of(values, n);

    printf("  %-*s min %8.0f  median %8.0f  mean %8.0f  p90 %8.0f  max %8.0f us\n", width, what,
           s.min, s.median, s.mean, s.p90, s.max);
}

/**
 * bench_time_ip_batch:
 * @dir: a scratch folder
 * @name: a file name in it
 * @text: `ip -batch` input
 *
 * Returns: the microseconds `ip -batch` took over @text (writing the file
 *   is not counted); dies when it fails.
 */
double
bench_time_ip_batch(const char *dir, const char *name, const char *text)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    double t0;
    double elapsed;

    if (!g_file_set_contents(path, text, -1, NULL))
        bench_die("writing %s", path);
    t0 = bench_now_us();
    bench_run("ip -batch %s", path);
    elapsed = bench_now_us() - t0;
    unlink(path);
    return elapsed;
}
