package io.hashop.payment.provider;

/**
 * What the provider decided about a charge.
 *
 * @param authorized whether the amount was authorized
 * @param reference the provider's reference for the charge
 * @param declineReason why it was declined, {@code null} when authorized
 */
public record ChargeOutcome(boolean authorized, String reference, String declineReason) {

}
