package org.minicoin.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minicoin.node.p2p.wire.WireSamples.filled;
import static org.minicoin.node.p2p.wire.WireSamples.ip;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.testing.ChainParamsFixtures;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

/**
 * python-bitcoinlib (Debian's python3-bitcoinlib) as an independent encoder: the frames it writes must equal ours
 * byte for byte, and ours must parse them back to the same messages.
 */
class WireCodecBitcoinlibTest {
    private static final ChainParams MAIN = ChainParamsFixtures.mainnet();

    @Test
    void framesMatchPythonBitcoinlib() throws IOException, InterruptedException, URISyntaxException {
        Block block = TestData.mainnet().get(1);
        Transaction tx = TestData.regtest().stream().flatMap(b -> b.transactions().stream().skip(1))
                .filter(Transaction::hasWitness).findFirst().orElseThrow();
        Map<String, Message> ours = new HashMap<>();
        ours.put("version", new VersionMessage(70016, 1033, 1_700_000_000L, ip("203.0.113.7", 8333, 9, 0),
                ip("2001:db8::1", 18444, 1033, 0), 0x1122334455667788L, "/Satoshi:29.0.0/", 905_000, false));
        ours.put("verack", new VerackMessage());
        ours.put("inv", new InvMessage(List.of(new InvVector(InvVector.MSG_TX, filled(0x11)),
                new InvVector(InvVector.MSG_BLOCK, filled(0x22)), new InvVector(InvVector.MSG_WTX, filled(0x55)),
                new InvVector(InvVector.MSG_WITNESS_TX, filled(0x41)))));
        ours.put("getdata", new GetDataMessage(List.of(new InvVector(InvVector.MSG_WITNESS_BLOCK, filled(0x42)),
                new InvVector(InvVector.MSG_CMPCT_BLOCK, filled(0x44)),
                new InvVector(InvVector.MSG_FILTERED_BLOCK, filled(0x33)))));
        ours.put("ping", new PingMessage(0x0102030405060708L));
        ours.put("pong", new PongMessage(0x0807060504030201L));
        ours.put("addr", new AddrMessage(List.of(ip("198.51.100.20", 8333, 1, 1_700_000_123L),
                ip("2001:db8::2", 8334, 1033, 1_700_000_456L))));
        ours.put("getheaders", new GetHeadersMessage(70016, List.of(filled(1), filled(2)), filled(3)));
        ours.put("getblocks", new GetBlocksMessage(70016, List.of(filled(4)), Hash.ZERO));
        ours.put("block", new BlockMessage(block, false));
        ours.put("tx", new TxMessage(tx, true));

        Path script = Path.of(getClass().getResource("bitcoinlib_frames.py").toURI());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Hex.encode(block.serialize()),
                Hex.encode(tx.serialize())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("python3 with python-bitcoinlib (apt install python3-bitcoinlib):\n%s", out)
                .isZero();
        Map<String, String> theirs = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.split(" ");
            theirs.put(parts[0], parts[1]);
        }
        assertThat(theirs.keySet()).containsExactlyInAnyOrderElementsOf(ours.keySet());
        for (var e : ours.entrySet()) {
            byte[] frame = Hex.decode(theirs.get(e.getKey()));
            assertThat(Hex.encode(WireCodec.frame(MAIN, e.getValue()))).as(e.getKey()).isEqualTo(theirs.get(e.getKey()));
            assertThat(WireCodec.unframe(MAIN, frame)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
