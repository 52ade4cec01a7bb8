/**
 * The benchmarks of {@code tandem bench ...}, a module of their own, wired under the command line by bootstrap:
 * {@code serve}, {@code ingest} and {@code quality} run against a Tandem the command starts itself
 * ({@link io.tandem.adapters.in.bench.BenchLauncher}); {@code experiment} runs the domain's experiment simulation in
 * process.
 *
 * <p>Unlike every other inbound adapter, this package may touch outbound ports (rule
 * {@code BENCH_HARNESS_REACHES_ONLY_PORTS}, exempt from {@code INBOUND_ADAPTERS_USE_ONLY_INBOUND_PORTS}): it
 * measures stages of the request path in isolation, which no use case exposes. Exactly what it touches is named in
 * {@link io.tandem.adapters.in.bench.BenchPlatform}: inbound use cases, plus the five outbound ports of
 * {@link io.tandem.adapters.in.bench.RequestPathPorts} (the online store's user state, the newest and the batch
 * catalog reads, the model artifact and the ranker loader), called as the serving path calls them. Nothing else of
 * the application: no service, no internal class, no port outside those records.
 */
package io.tandem.adapters.in.bench;
