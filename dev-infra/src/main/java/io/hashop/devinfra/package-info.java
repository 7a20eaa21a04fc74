/**
 * Real PostgreSQL and Redis for local runs and tests: embedded servers by default,
 * external ones when their addresses are set in the environment.
 */
package io.hashop.devinfra;
