package org.minicoin.consensus.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.testing.TestData;

/**
 * A regtest chain made by Bitcoin Core with segwit spends of every common kind: witness serialization, weights and
 * the BIP-0141 witness commitment are checked on real Core output.
 */
class RegtestBlocksTest {
    /** OP_RETURN, push 36, then the commitment header aa21a9ed (BIP-0141). */
    private static final byte[] COMMITMENT_PREFIX = Hex.decode("6a24aa21a9ed");

    private static List<byte[]> raw;
    private static List<Block> blocks;

    @BeforeAll
    static void parseAll() {
        raw = TestData.regtestRaw();
        blocks = new ArrayList<>();
        for (byte[] b : raw) {
            blocks.add(Block.fromBytes(b));
        }
    }

    @Test
    void everyBlockRoundTripsAndMatchesCoresSummary() {
        JsonNode summary = TestData.json("regtest/core-regtest-11.json");
        assertThat(blocks).hasSize(summary.get("blocks_in_file").asInt());
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i).serialize()).as("block %d", i).isEqualTo(raw.get(i));
        }
        long witnessTxs = blocks.stream().flatMap(b -> b.transactions().stream()).filter(Transaction::hasWitness)
                .count();
        assertThat(witnessTxs).as("the file exercises segwit").isGreaterThan(500);
        // Core's best block is in the file.
        assertThat(blocks).extracting(b -> b.hash().toString()).contains(summary.get("bestblock").asText());
    }

    @Test
    void everyBlockLinksToAnEarlierBlockOrGenesis() {
        Map<Hash, Integer> seen = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0) {
                assertThat(seen).as("parent of block %d", i).containsKey(b.header().prevBlock());
            }
            seen.put(b.hash(), i);
        }
    }

    @Test
    void merkleRootsAndWitnessCommitmentsRecompute() {
        int commitments = 0;
        for (Block b : blocks) {
            assertThat(MerkleTree.blockRoot(b).root()).isEqualTo(b.header().merkleRoot());
            Transaction coinbase = b.transactions().get(0);
            byte[] commitment = witnessCommitment(coinbase);
            if (commitment == null) {
                continue;
            }
            // Commitment = SHA256d(witness root || witness reserved value), the value being the coinbase's witness.
            byte[] reserved = coinbase.inputs().get(0).witness().get(0);
            byte[] expected = Hashes.sha256d(MerkleTree.witnessRoot(b.transactions()).root().toBytes(), reserved);
            assertThat(commitment).as("witness commitment of %s", b.hash()).isEqualTo(expected);
            commitments++;
        }
        assertThat(commitments).isGreaterThan(100);
    }

    @Test
    void witnessTransactionsHaveConsistentSizesAndIds() {
        for (Block b : blocks) {
            for (Transaction tx : b.transactions()) {
                byte[] full = tx.serialize();
                assertThat(tx.totalSize()).isEqualTo(full.length);
                assertThat(tx.baseSize()).isEqualTo(tx.serializeWithoutWitness().length);
                assertThat(tx.weight()).isEqualTo(3 * tx.baseSize() + tx.totalSize());
                assertThat(tx.vsize()).isEqualTo((tx.weight() + 3) / 4);
                assertThat(tx.txid()).isEqualTo(Hash.sha256d(tx.serializeWithoutWitness()));
                assertThat(tx.wtxid()).isEqualTo(Hash.sha256d(full));
                if (tx.hasWitness()) {
                    assertThat(tx.wtxid()).isNotEqualTo(tx.txid());
                    assertThat(tx.totalSize()).isGreaterThan(tx.baseSize());
                }
            }
        }
    }

    /** The last output script starting with the commitment header, as Core's GetWitnessCommitmentIndex. */
    private static byte[] witnessCommitment(Transaction coinbase) {
        byte[] found = null;
        for (TxOut out : coinbase.outputs()) {
            byte[] s = out.scriptPubKey();
            if (s.length >= 38 && Arrays.equals(s, 0, 6, COMMITMENT_PREFIX, 0, 6)) {
                found = Arrays.copyOfRange(s, 6, 38);
            }
        }
        return found;
    }
}
