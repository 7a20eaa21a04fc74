/** Configuration of the user service. */
package io.hashop.user.config;
