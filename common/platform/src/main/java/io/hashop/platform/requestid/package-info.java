/**
 * Request ids: accepted from the caller (or created), kept in the logging context as
 * {@code request_id}, and passed on to every downstream call over HTTP and gRPC.
 */
package io.hashop.platform.requestid;
