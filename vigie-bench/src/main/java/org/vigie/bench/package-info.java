/**
 * Benchmarks: JMH micro-benchmarks ({@code java -jar vigie-bench/target/vigie-bench.jar}) and the
 * end-to-end load generator and evaluation harnesses. Figures are reported as ratios against a
 * baseline measured in the same run.
 */
package org.vigie.bench;
