/**
 * The catalog, served from a two-level cache, and admin price changes that invalidate it
 * everywhere.
 */
package io.hashop.bff.catalog;
