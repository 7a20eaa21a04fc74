/** The public API end to end, through the real gateways and BFFs to the real services. */
package io.hashop.system.edge;
