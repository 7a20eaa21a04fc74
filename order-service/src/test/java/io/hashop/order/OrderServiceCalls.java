package io.hashop.order;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.hashop.contracts.order.v1.OrderLineRequest;
import io.hashop.contracts.order.v1.OrderServiceGrpc;
import io.hashop.contracts.order.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.hashop.contracts.order.v1.PlaceOrderRequest;
import io.hashop.platform.grpc.InternalIdentityCallCredentials;
import io.hashop.platform.identity.CallerIdentity;
import io.hashop.platform.identity.InternalTokenIssuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * order-service's gRPC API as its tests call it: one plaintext channel to the test's
 * server, stubs carrying a caller's internal token, and the requests and error details
 * the catalog's and the orders' tests share.
 */
public final class OrderServiceCalls implements AutoCloseable {

	private final ManagedChannel channel;

	private final InternalTokenIssuer issuer;

	private OrderServiceCalls(ManagedChannel channel, InternalTokenIssuer issuer) {
		this.channel = channel;
		this.issuer = issuer;
	}

	/** A channel to the server on {@code port}, tokens from {@code issuer}. */
	public static OrderServiceCalls open(int port, InternalTokenIssuer issuer) {
		return new OrderServiceCalls(ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build(),
				issuer);
	}

	public ManagedChannel channel() {
		return this.channel;
	}

	/** A stub calling as this user (role USER). */
	public OrderServiceBlockingStub as(String userId) {
		return stub(CallerIdentity.user(userId, Set.of("USER")));
	}

	/** A stub calling as a new admin. */
	public OrderServiceBlockingStub asAdmin() {
		return stub(CallerIdentity.user(UUID.randomUUID().toString(), Set.of("ADMIN")));
	}

	private OrderServiceBlockingStub stub(CallerIdentity caller) {
		return OrderServiceGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.withCallCredentials(InternalIdentityCallCredentials.of(this.issuer.issue(caller, "order-service")));
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	public static PlaceOrderRequest order(String key, OrderLineRequest... lines) {
		return PlaceOrderRequest.newBuilder().setIdempotencyKey(key).addAllItems(List.of(lines)).build();
	}

	public static OrderLineRequest line(long productId, int quantity) {
		return OrderLineRequest.newBuilder().setProductId(productId).setQuantity(quantity).build();
	}

	public static StatusRuntimeException catchStatus(Runnable call) {
		return catchThrowableOfType(StatusRuntimeException.class, call::run);
	}

	/** The {@code ErrorInfo} reason of a refusal, or null. */
	public static String reason(StatusRuntimeException error) {
		return StatusProto.fromThrowable(error)
			.getDetailsList()
			.stream()
			.filter((detail) -> detail.is(ErrorInfo.class))
			.map((detail) -> unpack(detail, ErrorInfo.class).getReason())
			.findFirst()
			.orElse(null);
	}

	/** The fields a call refused as INVALID_ARGUMENT names in its {@code BadRequest}. */
	public static List<String> violations(Runnable call) {
		StatusRuntimeException error = catchStatus(call);
		assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		return StatusProto.fromThrowable(error)
			.getDetailsList()
			.stream()
			.filter((detail) -> detail.is(BadRequest.class))
			.flatMap((detail) -> unpack(detail, BadRequest.class).getFieldViolationsList().stream())
			.map(BadRequest.FieldViolation::getField)
			.toList();
	}

	private static <T extends Message> T unpack(Any detail, Class<T> type) {
		try {
			return detail.unpack(type);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
