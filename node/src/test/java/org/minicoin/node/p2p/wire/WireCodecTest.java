package org.minicoin.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minicoin.node.p2p.wire.WireSamples.filled;
import static org.minicoin.node.p2p.wire.WireSamples.rawFrame;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.node.p2p.wire.ProtocolViolation.Kind;

class WireCodecTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();
    private static final ChainParams REGTEST = ChainParamsFixtures.regtest();

    static Stream<Message> samples() {
        return WireSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyMessageRoundTrips(Message message) {
        byte[] frame = WireCodec.frame(REGTEST, message);
        assertThat(Arrays.copyOf(frame, 4)).isEqualTo(Hex.decode("fabfb5da"));
        assertThat(WireCodec.unframe(REGTEST, frame)).isEqualTo(message);
    }

    @Test
    void verackMatchesTheWikiHexDump() {
        // Bitcoin wiki, Protocol documentation, "verack": the header of an empty payload, checksum 5df6e0e2.
        byte[] wiki = Hex.decode("f9beb4d976657261636b000000000000000000005df6e0e2");
        assertThat(WireCodec.frame(MAIN, new VerackMessage())).isEqualTo(wiki);
        assertThat(WireCodec.unframe(MAIN, wiki)).isEqualTo(new VerackMessage());
    }

    @Test
    void versionFromTheWikiHexDumpDecodesWithCoresDefaultsForAbsentFields() {
        // Bitcoin wiki, Protocol documentation, "version": a 0.7.2 node (protocol 60002) without the relay byte.
        String dump = "F9 BE B4 D9 76 65 72 73 69 6F 6E 00 00 00 00 00 64 00 00 00 35 8D 49 32 62 EA 00 00 01 00 00 00"
                + " 00 00 00 00 11 B2 D0 50 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF"
                + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF 00 00 00 00 00 00"
                + " 3B 2E B3 5D 8C E6 17 65 0F 2F 53 61 74 6F 73 68 69 3A 30 2E 37 2E 32 2F C0 3E 03 00";
        byte[] frame = Hex.decode(dump.replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        String payload = Hex.encode(Arrays.copyOfRange(frame, 24, frame.length));
        VersionMessage v = (VersionMessage) WireCodec.unframe(MAIN, frame);
        assertThat(v.version()).isEqualTo(60002);
        assertThat(v.services()).isEqualTo(1);
        assertThat(v.timestamp()).isEqualTo(0x50d0b211L);
        assertThat(v.receiver().network()).isEqualTo(Network.IPV4);
        assertThat(v.receiver().address()).containsExactly(0, 0, 0, 0);
        assertThat(v.nonce()).isEqualTo(0x6517e68c5db32e3bL);
        assertThat(v.userAgent()).isEqualTo("/Satoshi:0.7.2/");
        assertThat(v.startHeight()).isEqualTo(212_672);
        assertThat(v.relay()).as("relay absent means true (BIP-0037)").isTrue();
        ByteWriter w = new ByteWriter();
        v.encode(w);
        assertThat(Hex.encode(w.toByteArray())).isEqualTo(payload + "01");
    }

    @Test
    void versionTruncatedAfterTheReceiverTakesCoresDefaults() {
        byte[] full = WireCodec.frame(MAIN, WireSamples.all().get(0));
        byte[] shortPayload = Arrays.copyOfRange(full, 24, 24 + 4 + 8 + 8 + 26);
        VersionMessage v = (VersionMessage) WireCodec.unframe(MAIN, rawFrame(MAIN, "version", shortPayload));
        assertThat(v.sender()).isEqualTo(NetAddress.unspecified());
        assertThat(v.nonce()).isEqualTo(1);
        assertThat(v.userAgent()).isEmpty();
        assertThat(v.startHeight()).isEqualTo(-1);
        assertThat(v.relay()).isTrue();
    }

    @Test
    void mainnetBlockOneFramesAndParsesBack() {
        byte[] raw = TestData.mainnetRaw().get(1);
        byte[] frame = WireCodec.frame(MAIN, new BlockMessage(Block.fromBytes(raw), true));
        assertThat(Arrays.copyOfRange(frame, 24, frame.length)).isEqualTo(raw);
        BlockMessage parsed = (BlockMessage) WireCodec.unframe(MAIN, frame);
        assertThat(parsed.block().hash())
                .isEqualTo(Hash.fromHex("00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048"));
    }

    @Test
    void everyRegtestBlockFramesWithAndWithoutWitness() {
        List<byte[]> raw = TestData.regtestRaw();
        int withWitness = 0;
        for (byte[] bytes : raw) {
            Block block = Block.fromBytes(bytes);
            byte[] frame = WireCodec.frame(REGTEST, new BlockMessage(block, true));
            assertThat(Arrays.copyOfRange(frame, 24, frame.length)).isEqualTo(bytes);
            assertThat(((BlockMessage) WireCodec.unframe(REGTEST, frame)).block()).isEqualTo(block);
            Block stripped = ((BlockMessage) WireCodec.unframe(REGTEST,
                    WireCodec.frame(REGTEST, new BlockMessage(block, false)))).block();
            assertThat(stripped.hash()).isEqualTo(block.hash());
            assertThat(stripped.transactions()).noneMatch(Transaction::hasWitness);
            if (block.transactions().stream().anyMatch(Transaction::hasWitness)) {
                withWitness++;
                assertThat(stripped.totalSize()).isLessThan(block.totalSize());
            }
        }
        assertThat(withWitness).as("the data set has witness blocks").isPositive();
    }

    @Test
    void wrongMagicIsRejected() {
        byte[] frame = WireCodec.frame(REGTEST, new VerackMessage());
        assertViolation(() -> WireCodec.unframe(MAIN, frame), Kind.BAD_MAGIC, "Wrong MessageStart fabfb5da");
    }

    @Test
    void wrongChecksumIsRejected() {
        byte[] frame = WireCodec.frame(MAIN, new PingMessage(7));
        frame[24] ^= 1;
        assertViolation(() -> WireCodec.unframe(MAIN, frame), Kind.BAD_CHECKSUM, "Wrong checksum (ping, 8 bytes)");
    }

    @Test
    void lengthOverTheLimitIsRejectedFromTheHeaderAlone() {
        byte[] header = header(MAIN, "block", MessageHeader.MAX_PROTOCOL_MESSAGE_LENGTH + 1);
        assertViolation(() -> WireCodec.unframe(MAIN, header), Kind.OVERSIZE, "Size too large (block, 4000001 bytes)");
        assertThat(Kind.OVERSIZE.desynchronizes()).isTrue();
        MessageHeader atLimit = MessageHeader.decode(new org.minicoin.consensus.encoding.ByteReader(
                header(MAIN, "block", MessageHeader.MAX_PROTOCOL_MESSAGE_LENGTH)), MAIN);
        assertThat(atLimit.payloadLength()).isEqualTo(4_000_000);
    }

    @Test
    void payloadShorterThanAnnouncedIsTruncated() {
        byte[] frame = WireCodec.frame(MAIN, new PingMessage(7));
        assertViolation(() -> WireCodec.unframe(MAIN, Arrays.copyOf(frame, frame.length - 1)), Kind.TRUNCATED,
                "ping payload of 7 bytes, header announced 8");
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "pong", new byte[7])), Kind.TRUNCATED,
                "truncated nonce");
    }

    @Test
    void trailingBytesAfterAMessageAreRejected() {
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "verack", new byte[1])), Kind.TRAILING_BYTES,
                "1 bytes of trailing data after verack");
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "feefilter", new byte[9])),
                Kind.TRAILING_BYTES, "after feefilter");
    }

    @Test
    void commandsWithBytesAfterTheFirstNulOrNonPrintableAreRejected() {
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "ver\0ack", new byte[0])), Kind.BAD_COMMAND,
                "Invalid message type (ver\\x00ack, 0 bytes)");
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "ping\u0001", new byte[8])),
                Kind.BAD_COMMAND, "Invalid message type");
    }

    @Test
    void unknownAndOddlyCasedCommandsBecomeUnknownMessages() {
        assertThat(WireCodec.unframe(MAIN, rawFrame(MAIN, "VERACK", new byte[] {1, 2})))
                .isEqualTo(new UnknownMessage("VERACK", new byte[] {1, 2}));
        assertThat(WireCodec.unframe(MAIN, rawFrame(MAIN, "reject", new byte[3])))
                .as("Core removed reject").isInstanceOf(UnknownMessage.class);
        byte[] verack = WireCodec.frame(MAIN, new VerackMessage());
        assertThat(WireCodec.unframe(MAIN, verack)).as("the codec keeps no state: a duplicate decodes the same")
                .isEqualTo(WireCodec.unframe(MAIN, verack));
    }

    @Test
    void invGetdataNotfoundAllowFiftyThousandEntriesButNotMore() {
        for (String command : List.of("inv", "getdata", "notfound")) {
            assertThat(WireCodec.unframe(MAIN, rawFrame(MAIN, command, invPayload(50_000))).command())
                    .isEqualTo(command);
            assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, command, invPayload(50_001))),
                    Kind.TOO_MANY_ENTRIES, command + " message size = 50001");
        }
    }

    @Test
    void aCountLargerThanThePayloadFailsBeforeAllocating() {
        byte[] payload = new ByteWriter().writeCompactSize(40_000).toByteArray();
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "inv", payload)), Kind.TRUNCATED,
                "announces 40000 entries");
    }

    @Test
    void addrAndAddrv2AllowAThousandEntriesButNotMore() {
        ByteWriter addr = new ByteWriter().writeCompactSize(1001);
        ByteWriter addrv2 = new ByteWriter().writeCompactSize(1001);
        NetAddress a = WireSamples.ip("192.0.2.1", 8333, 1, 1);
        for (int i = 0; i < 1001; i++) {
            a.writeV1(addr, true);
            a.writeV2(addrv2);
        }
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "addr", addr.toByteArray())),
                Kind.TOO_MANY_ENTRIES, "addr message size = 1001");
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "addrv2", addrv2.toByteArray())),
                Kind.TOO_MANY_ENTRIES, "addrv2 message size = 1001");
    }

    @Test
    void addrv2SkipsUnknownNetworksAndEmbeddedIpv4LikeCore() {
        ByteWriter w = new ByteWriter().writeCompactSize(5);
        WireSamples.ip("192.0.2.1", 8333, 1, 1).writeV2(w);
        w.writeUInt32LE(2).writeCompactSize(1).writeUInt8(3).writeVarBytes(new byte[10]).writeUInt16BE(1); // TORv2
        w.writeUInt32LE(3).writeCompactSize(1).writeUInt8(99).writeVarBytes(new byte[77]).writeUInt16BE(1); // future
        byte[] mapped = Hex.decode("00000000000000000000ffffc0000201");
        w.writeUInt32LE(4).writeCompactSize(1).writeUInt8(2).writeVarBytes(mapped).writeUInt16BE(1);
        WireSamples.ip("2001:db8::9", 8333, 1, 5).writeV2(w);
        AddrV2Message m = (AddrV2Message) WireCodec.unframe(MAIN, rawFrame(MAIN, "addrv2", w.toByteArray()));
        assertThat(m.addresses()).extracting(NetAddress::time).containsExactly(1L, 5L);
    }

    @Test
    void addrv2RejectsWrongLengthsForKnownNetworksAndOverlongAddresses() {
        ByteWriter wrong = new ByteWriter().writeCompactSize(1);
        wrong.writeUInt32LE(1).writeCompactSize(1).writeUInt8(4).writeVarBytes(new byte[31]).writeUInt16BE(1);
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "addrv2", wrong.toByteArray())),
                Kind.MALFORMED, "BIP155 TORV3 address with length 31 (should be 32)");
        ByteWriter tooLong = new ByteWriter().writeCompactSize(1);
        tooLong.writeUInt32LE(1).writeCompactSize(1).writeUInt8(99).writeVarBytes(new byte[513]).writeUInt16BE(1);
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "addrv2", tooLong.toByteArray())),
                Kind.MALFORMED, "Address too long: 513 > 512");
    }

    @Test
    void locatorAllows101HashesButNotMore() {
        for (String command : List.of("getheaders", "getblocks")) {
            assertThat(WireCodec.unframe(MAIN, rawFrame(MAIN, command, locatorPayload(101))).command())
                    .isEqualTo(command);
            assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, command, locatorPayload(102))),
                    Kind.TOO_MANY_ENTRIES, command + " locator size = 102");
        }
    }

    @Test
    void headersAllowTwoThousandButNotMoreAndEachCountMustBeZero() {
        byte[] header = TestData.mainnetRaw().get(1);
        assertThat(((HeadersMessage) WireCodec.unframe(MAIN, rawFrame(MAIN, "headers", headersPayload(header,
                2000, 0)))).headers()).hasSize(2000);
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "headers", headersPayload(header, 2001, 0))),
                Kind.TOO_MANY_ENTRIES, "headers message size = 2001");
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "headers", headersPayload(header, 3, 1))),
                Kind.NONZERO_TX_COUNT, "header 0 has transaction count 1");
    }

    @Test
    void userAgentOver256BytesIsRejected() {
        VersionMessage v = (VersionMessage) WireSamples.all().get(0);
        ByteWriter w = new ByteWriter();
        v.encode(w);
        byte[] ok = w.toByteArray();
        int agentAt = 4 + 8 + 8 + 26 + 26 + 8;
        ByteWriter bad = new ByteWriter().writeBytes(ok, 0, agentAt).writeVarBytes(new byte[257])
                .writeInt32LE(0).writeUInt8(1);
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "version", bad.toByteArray())),
                Kind.MALFORMED, "String length limit exceeded (257 > 256)");
        assertThatThrownBy(() -> new VersionMessage(70016, 0, 0, v.receiver(), v.sender(), 0, "x".repeat(257), 0,
                true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonCanonicalCountIsMalformed() {
        byte[] payload = Hex.decode("fd0100" + "01000000" + "11".repeat(32));
        assertViolation(() -> WireCodec.unframe(MAIN, rawFrame(MAIN, "inv", payload)), Kind.MALFORMED,
                "non-canonical CompactSize");
    }

    private static byte[] header(ChainParams params, String command, int length) {
        ByteWriter w = new ByteWriter().writeBytes(params.magicBytes());
        byte[] name = Arrays.copyOf(command.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12);
        return w.writeBytes(name).writeUInt32LE(length).writeInt32LE(0).toByteArray();
    }

    private static byte[] invPayload(int n) {
        ByteWriter w = new ByteWriter(9 + n * 36).writeCompactSize(n);
        for (int i = 0; i < n; i++) {
            w.writeInt32LE(InvVector.MSG_TX).writeBytes(filled(i & 0xff).toBytes());
        }
        return w.toByteArray();
    }

    private static byte[] locatorPayload(int n) {
        ByteWriter w = new ByteWriter().writeInt32LE(70016).writeCompactSize(n);
        for (int i = 0; i < n; i++) {
            w.writeBytes(filled(i).toBytes());
        }
        return w.writeBytes(new byte[32]).toByteArray();
    }

    private static byte[] headersPayload(byte[] block, int n, int txCount) {
        ByteWriter w = new ByteWriter().writeCompactSize(n);
        for (int i = 0; i < n; i++) {
            w.writeBytes(block, 0, 80).writeCompactSize(txCount);
        }
        return w.toByteArray();
    }

    static void assertViolation(ThrowingCallable call, Kind kind, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolViolation.class, v -> {
            assertThat(v.kind()).isEqualTo(kind);
            assertThat(v.getMessage()).contains(text);
        });
    }
}
