/** Checks of a started platform: every instance ready, an order placed and paid. */
package io.hashop.launcher.check;
