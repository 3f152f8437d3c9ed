package org.minicoin.node.p2p.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

/** One sample of every message type, and a raw framer for payloads our encoders would never produce. */
final class WireSamples {
    private WireSamples() {
    }

    static Hash filled(int b) {
        byte[] h = new byte[32];
        java.util.Arrays.fill(h, (byte) b);
        return Hash.wrap(h);
    }

    static NetAddress ip(String host, int port, long services, long time) {
        try {
            return NetAddress.ip(time, services, InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Message> all() {
        Block block1 = TestData.mainnet().get(1);
        Block segwit = TestData.regtest().stream()
                .filter(b -> b.transactions().stream().skip(1).anyMatch(t -> t.hasWitness())).findFirst().orElseThrow();
        Transaction spend = segwit.transactions().stream().skip(1).filter(Transaction::hasWitness).findFirst()
                .orElseThrow();
        return List.of(
                new VersionMessage(70016, 1033, 1_700_000_000L, ip("203.0.113.7", 8333, 9, 0),
                        ip("2001:db8::1", 18444, 1033, 0), 0x1122334455667788L, "/minicoin:0.1.0/", 905_000, false),
                new VerackMessage(),
                new PingMessage(-1L),
                new PongMessage(42),
                new GetAddrMessage(),
                new AddrMessage(List.of(ip("198.51.100.20", 8333, 1, 1_700_000_123L),
                        ip("2001:db8::2", 8334, 1033, 0xffffffffL))),
                new AddrV2Message(List.of(ip("198.51.100.20", 8333, 1, 5),
                        new NetAddress(7, 1L << 40, Network.TORV3, filled(0x7a).toBytes(), 9050),
                        new NetAddress(8, -1L, Network.I2P, filled(0x12).toBytes(), 0),
                        new NetAddress(9, 0, Network.CJDNS, ip("2001:db8::3", 1, 0, 0).address(), 8333))),
                new SendAddrV2Message(),
                new InvMessage(List.of(new InvVector(InvVector.MSG_TX, filled(1)),
                        new InvVector(InvVector.MSG_WTX, filled(5)), new InvVector(0x7777, filled(7)))),
                new GetDataMessage(List.of(new InvVector(InvVector.MSG_WITNESS_BLOCK, filled(2)),
                        new InvVector(InvVector.MSG_WITNESS_TX, filled(3)),
                        new InvVector(InvVector.MSG_FILTERED_BLOCK, filled(4)),
                        new InvVector(InvVector.MSG_CMPCT_BLOCK, filled(6)))),
                new NotFoundMessage(List.of(new InvVector(InvVector.MSG_BLOCK, filled(9)))),
                new GetHeadersMessage(70016, List.of(filled(1), filled(2)), Hash.ZERO),
                new GetBlocksMessage(70016, List.of(filled(3)), filled(4)),
                new HeadersMessage(List.of(block1.header(), TestData.mainnet().get(2).header())),
                new BlockMessage(block1, false),
                new BlockMessage(segwit, true),
                new TxMessage(spend, true),
                new TxMessage(block1.transactions().get(0), false),
                new SendHeadersMessage(),
                new FeeFilterMessage(1000),
                new WtxidRelayMessage(),
                new MempoolMessage(),
                new UnknownMessage("sendcmpct", new byte[] {0, 2, 0, 0, 0, 0, 0, 0, 0}));
    }

    /** A frame with any command and payload, with a correct checksum unless the caller corrupts it. */
    static byte[] rawFrame(ChainParams params, String command, byte[] payload) {
        ByteWriter w = new ByteWriter();
        MessageHeader.of(params, command, payload).encode(w);
        return w.writeBytes(payload).toByteArray();
    }
}
