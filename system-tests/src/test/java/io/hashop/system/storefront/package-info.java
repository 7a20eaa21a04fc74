/**
 * The storefront in a real browser: headless Chromium through the real gateways and BFFs.
 */
package io.hashop.system.storefront;
