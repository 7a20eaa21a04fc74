package io.hashop.gateway.error;

import java.net.URI;
import java.net.URISyntaxException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Sits right behind Netty's HTTP decoder and marks a request the gateway cannot serve as
 * HTTP (a request line over the limit, headers over Netty's hard limit, bytes a header
 * may not hold, a target that is not a URI, an expectation other than
 * {@code 100-continue}) with {@link #HEADER}, instead of letting Reactor Netty answer a
 * bare status line. {@link MalformedRequestFilter} then refuses it like any other request
 * the edge refuses: problem+json, request id, security headers, access log. The marked
 * request asks for the connection to be closed, since the decoder reads nothing more
 * after a failure. A marker sent by a client is removed, so it cannot forge one.
 */
final class MalformedRequestMarker extends ChannelInboundHandlerAdapter {

	/** Carries the status the request is refused with, from here to the filter. */
	static final String HEADER = "X-Hashop-Malformed";

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			request.headers().remove(HEADER);
			HttpStatus refusal = refusal(request);
			if (refusal != null) {
				ctx.fireChannelRead(marked(request, refusal));
				return;
			}
		}
		ctx.fireChannelRead(msg);
	}

	private static @Nullable HttpStatus refusal(HttpRequest request) {
		if (request.decoderResult().isFailure()) {
			Throwable cause = request.decoderResult().cause();
			if (cause instanceof TooLongHttpLineException) {
				return HttpStatus.URI_TOO_LONG;
			}
			if (cause instanceof TooLongHttpHeaderException) {
				return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			}
			return (cause instanceof TooLongFrameException) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		}
		String expectation = request.headers().get(HttpHeaderNames.EXPECT);
		if (expectation != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expectation)) {
			return HttpStatus.EXPECTATION_FAILED;
		}
		return isUri(request.uri()) ? null : HttpStatus.BAD_REQUEST;
	}

	private static boolean isUri(String target) {
		try {
			new URI(target);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The request Reactor Netty gets instead: a decoding failure becomes an empty GET
	 * (its headers may be half read); a well-formed head keeps its method and headers, so
	 * a body that follows is still read as this request's.
	 */
	private static HttpRequest marked(HttpRequest request, HttpStatus refusal) {
		HttpRequest marked;
		if (request.decoderResult().isFailure()) {
			ReferenceCountUtil.release(request);
			marked = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
		}
		else {
			request.headers().remove(HttpHeaderNames.EXPECT);
			request.setUri("/");
			marked = request;
		}
		marked.headers().set(HEADER, refusal.value());
		marked.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return marked;
	}

}
