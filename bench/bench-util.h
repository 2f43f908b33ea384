/* bench-util.h: what the benchmarks share: dying with a message, a private
 * namespace to run in, commands, the clock, statistics over samples, and
 * timed `ip -batch` runs (the floors the benchmarks compare vnet with). */
#pragma once

#include <glib.h>

typedef struct {
    double min, median, mean, p90, max;
} BenchStats;

/* Names the benchmark in the messages of bench_die(); call it first. */
void bench_init(const char *name);

/* Prints "NAME: message" to stderr and exits with status 1. */
void bench_die(const char *format, ...) G_GNUC_NORETURN G_GNUC_PRINTF(1, 2);

/* Parses the command line of a benchmark that starts many domains:
 * --domains N (1..10000), --nics M (1..64) and --verbose; the variables
 * hold the defaults on entry. Dies on a bad command line. */
void bench_parse_domain_options(int *argc, char ***argv, const char *summary, int *n_domains,
                                int *n_nics, gboolean *verbose);

/* Enters a private network and mount namespace with its own sysfs (macvtap
 * devices are found there), so nothing reaches the machine's network; with
 * @own_run_netns also a private /run/netns, for named namespaces. Dies
 * unless root. */
void bench_enter_private_namespace(gboolean own_run_netns);

/* Runs a shell command (printf-style); dies unless it exits with 0. */
void bench_run(const char *format, ...) G_GNUC_PRINTF(1, 2);

/* The monotonic clock, in microseconds. */
double bench_now_us(void);

/* min/median/mean/p90/max of @n (>= 1) samples; @values is left as it is. */
BenchStats bench_stats_of(const double *values, guint n);

/* Prints "  WHAT  min .. median .. mean .. p90 .. max .. us" for @n
 * samples in microseconds, WHAT padded to @width columns. */
void bench_print_stats_us(const char *what, int width, const double *values, guint n);

/* Writes @text to @dir/@name, runs `ip -batch` over it, removes it, and
 * returns the microseconds the command took. */
double bench_time_ip_batch(const char *dir, const char *name, const char *text);
