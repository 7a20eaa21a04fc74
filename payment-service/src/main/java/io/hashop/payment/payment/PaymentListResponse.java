package io.hashop.payment.payment;

import java.util.List;

/** The caller's most recent payments, newest first. */
record PaymentListResponse(List<PaymentResponse> items) {

}
