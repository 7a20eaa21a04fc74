/**
 * The served API description checked against the API: linted, and every exchange of the
 * main flows validated against it.
 */
package io.hashop.system.api;
