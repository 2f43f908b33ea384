# bench: fragment of the top-level Makefile.am
EXTRA_DIST += bench/README.md

# what every benchmark shares (namespace, commands, clock, statistics,
# timed ip -batch); compiled into each, as the benchmarks are separate
# programs
bench_util_sources = bench/bench-util.c bench/bench-util.h

# direct NICs: start/destroy of many domains against ip -batch (needs root)
noinst_PROGRAMS += bench/direct-bench
bench_direct_bench_SOURCES = bench/direct-bench.c $(bench_util_sources)
bench_direct_bench_LDADD = src/libvnet_internal.la $(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)

# the same through the public API: netns domains on local:///?root=DIR
noinst_PROGRAMS += bench/direct-api-bench
bench_direct_api_bench_SOURCES = bench/direct-api-bench.c $(bench_util_sources)
bench_direct_api_bench_LDADD = src/libvnet_internal.la $(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)

bench_list = bench/direct-bench bench/direct-api-bench
bench: $(bench_list)
	@for b in $(bench_list); do echo "== $$b"; ./$$b || exit 1; done
.PHONY: bench

# networks (issue 7): NAT network with DHCP and 10 forwards vs ip/nft/dnsmasq
noinst_PROGRAMS += bench/net-nat-bench
bench_net_nat_bench_SOURCES = bench/net-nat-bench.c $(bench_util_sources)
bench_net_nat_bench_LDADD = src/libvnet_internal.la $(GLIB_LIBS) $(XML_LIBS) $(NL_LIBS)
bench_list += bench/net-nat-bench
