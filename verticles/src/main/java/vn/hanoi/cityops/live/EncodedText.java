package vn.hanoi.cityops.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text message encoded to UTF-8 once for every socket it goes to. {@code writeTextMessage(String)} encodes
 * the text again for each socket; with thousands of sockets that was the largest part of a delta's cost.
 * <p>Vert.x 5 has no public factory for a text frame from bytes ({@code WebSocketFrame.textFrame} takes a
 * String), so this uses the frame implementation's constructor. Each write gets its own frame over a
 * {@link ByteBuf#slice() slice} of the shared bytes: Netty moves a written buffer's reader index, so one
 * frame (or one buffer) must never be written twice; the bytes themselves are only read.
 * <p>The bytes are in a JDK direct buffer: the socket writes them as they are (a heap buffer is copied into
 * a fresh direct one for every socket), and the garbage collector frees them once the last write is done
 * (Vert.x wraps a frame's bytes so that Netty never releases them, so reference counting could not).
 * {@code LiveFanoutIT} checks that what the clients read is the text, for small and large messages and
 * many sockets.
 */
final class EncodedText {
  /** Longer messages are written as text: Vert.x splits them into frames of the server's maximum size. */
  private static final int MAX_FRAME_BYTES = HttpServerOptions.DEFAULT_MAX_WEBSOCKET_FRAME_SIZE;

  private final String text;
  private final ByteBuf utf8;

  EncodedText(String text) {
    this.text = text;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    this.utf8 = bytes.length <= MAX_FRAME_BYTES
        ? Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip())
        : null;
  }

  String text() {
    return text;
  }

  /** Writes the message to {@code ws}; call on the socket's event loop. */
  void writeTo(ServerWebSocket ws) {
    if (utf8 == null) {
      ws.writeTextMessage(text);
    } else {
      ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8.slice(), true));
    }
  }
}
