/** Registration, login and logout: the session and XSRF cookies start and end here. */
package io.hashop.bff.auth;
