package io.hashop.user.notification;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the order outcome e-mails.
 *
 * @param from the sender address (env {@code MAIL_FROM})
 */
@Validated
@ConfigurationProperties("hashop.user.notifications")
record NotificationProperties(@DefaultValue("hashop <no-reply@hashop.local>") @NotBlank String from) {

}
