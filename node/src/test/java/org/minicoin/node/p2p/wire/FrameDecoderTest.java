package org.minicoin.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.node.p2p.wire.ProtocolViolation.Kind;

class FrameDecoderTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();

    /** Records what the decoder raises through exceptionCaught. */
    private static final class Errors extends ChannelInboundHandlerAdapter {
        final List<Throwable> seen = new ArrayList<>();

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            seen.add(cause);
        }
    }

    private final Errors errors = new Errors();
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAIN), errors);

    @Test
    void messagesSplitAcrossReadsAtEveryByteComeOutInOrder() {
        List<Message> sent = WireSamples.all();
        ByteWriter stream = new ByteWriter();
        for (Message m : sent) {
            stream.writeBytes(WireCodec.frame(MAIN, m));
        }
        byte[] bytes = stream.toByteArray();
        for (int at = 0; at < bytes.length; at += 7) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, Math.min(7, bytes.length - at)));
        }
        assertThat(readAll()).containsExactlyElementsOf(sent);
        assertThat(errors.seen).isEmpty();
    }

    @Test
    void lengthOverTheLimitClosesTheChannelBeforeAnyPayloadArrives() {
        ByteWriter header = new ByteWriter().writeBytes(MAIN.magicBytes())
                .writeBytes(Arrays.copyOf("block".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12)).writeUInt32LE(4_000_001).writeInt32LE(0);
        channel.writeInbound(Unpooled.wrappedBuffer(header.toByteArray()));
        assertThat(errors.seen).singleElement().isInstanceOfSatisfying(ProtocolViolation.class,
                v -> assertThat(v.kind()).isEqualTo(Kind.OVERSIZE));
        assertThat(channel.isOpen()).isFalse();
        assertThat(readAll()).isEmpty();
    }

    @Test
    void wrongMagicClosesTheChannelAndDiscardsTheRest() {
        byte[] frame = WireCodec.frame(ChainParamsFixtures.regtest(), new VerackMessage());
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        assertThat(errors.seen).singleElement().isInstanceOfSatisfying(ProtocolViolation.class,
                v -> assertThat(v.kind()).isEqualTo(Kind.BAD_MAGIC));
        assertThat(channel.isOpen()).isFalse();
        assertThat(readAll()).isEmpty();
    }

    @Test
    void badChecksumDropsOnlyThatMessage() {
        byte[] bad = WireCodec.frame(MAIN, new PingMessage(1));
        bad[bad.length - 1] ^= 0x40;
        channel.writeInbound(Unpooled.wrappedBuffer(bad), Unpooled.wrappedBuffer(WireCodec.frame(MAIN,
                new PongMessage(2))));
        assertThat(errors.seen).singleElement().isInstanceOfSatisfying(ProtocolViolation.class,
                v -> assertThat(v.kind()).isEqualTo(Kind.BAD_CHECKSUM));
        assertThat(readAll()).containsExactly(new PongMessage(2));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void tooManyInvEntriesIsRaisedAndTheStreamContinues() {
        ByteWriter payload = new ByteWriter().writeCompactSize(50_001);
        payload.writeBytes(new byte[50_001 * 36]);
        channel.writeInbound(Unpooled.wrappedBuffer(WireSamples.rawFrame(MAIN, "inv", payload.toByteArray())),
                Unpooled.wrappedBuffer(WireCodec.frame(MAIN, new VerackMessage())));
        assertThat(errors.seen).singleElement().isInstanceOfSatisfying(ProtocolViolation.class,
                v -> assertThat(v.kind()).isEqualTo(Kind.TOO_MANY_ENTRIES));
        assertThat(readAll()).containsExactly(new VerackMessage());
    }

    @Test
    void truncatedPayloadWaitsAndTheChannelClosesWithoutAMessage() {
        byte[] frame = WireCodec.frame(MAIN, new PingMessage(99));
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, frame.length - 3));
        assertThat(readAll()).isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(frame, frame.length - 3, 2));
        assertThat(readAll()).isEmpty();
        assertThat(channel.finish()).as("nothing was produced").isFalse();
        assertThat(channel.isOpen()).isFalse();
        assertThat(errors.seen).isEmpty();
    }

    @Test
    void encoderWritesTheCodecsFrame() {
        EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(MAIN));
        Message m = WireSamples.all().get(0);
        out.writeOutbound(m);
        ByteBuf buf = out.readOutbound();
        assertThat(ByteBufUtil.getBytes(buf)).isEqualTo(WireCodec.frame(MAIN, m));
        buf.release();
    }

    private List<Message> readAll() {
        List<Message> got = new ArrayList<>();
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            got.add((Message) o);
        }
        return got;
    }
}
