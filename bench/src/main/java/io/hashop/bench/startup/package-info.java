/**
 * S10: how long a service takes from {@code java} to a ready {@code /readyz} as a fat
 * jar, extracted, and with a CDS archive or an AOT cache, and how much memory it holds
 * then.
 */
package io.hashop.bench.startup;
