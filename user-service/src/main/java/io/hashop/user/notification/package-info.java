/**
 * Notifications: one e-mail per order outcome, sent when payment-service reports it.
 */
package io.hashop.user.notification;
