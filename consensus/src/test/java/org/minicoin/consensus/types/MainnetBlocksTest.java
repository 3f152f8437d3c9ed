package org.minicoin.consensus.types;

import org.minicoin.consensus.testing.ChainParamsFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.merkle.MerkleTree;
import org.minicoin.consensus.params.ChainParams;

import org.minicoin.consensus.pow.ProofOfWork;
import org.minicoin.consensus.testing.TestData;

/** The first 439 real mainnet blocks: parse, re-serialize, proof of work, linkage, merkle roots. */
class MainnetBlocksTest {
    private static List<byte[]> raw;
    private static List<Block> blocks;

    @BeforeAll
    static void parseAll() {
        raw = TestData.mainnetRaw();
        blocks = new ArrayList<>();
        for (byte[] b : raw) {
            blocks.add(Block.fromBytes(b));
        }
    }

    @Test
    void fileHoldsHeights0To438With446Transactions() {
        assertThat(blocks).hasSize(439);
        assertThat(blocks.stream().mapToInt(b -> b.transactions().size()).sum()).isEqualTo(446);
        assertThat(blocks.get(0).hash())
                .hasToString("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    }

    @Test
    void everyBlockReserializesByteIdentically() {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            assertThat(b.serialize()).as("block %d", i).isEqualTo(raw.get(i));
            assertThat(b.totalSize()).as("size of block %d", i).isEqualTo(raw.get(i).length);
            // Pre-segwit blocks: no witness, so stripped size == size and weight == 4 * size.
            assertThat(b.weight()).isEqualTo(4 * raw.get(i).length);
        }
    }

    @Test
    void everyBlockMeetsItsTarget() {
        ChainParams main = ChainParamsFixtures.mainnet();
        for (Block b : blocks) {
            assertThat(ProofOfWork.checkProofOfWork(b.hash(), b.header().bits(), main)).as("pow of %s", b.hash())
                    .isTrue();
        }
    }

    @Test
    void everyBlockLinksToItsPredecessor() {
        assertThat(blocks.get(0).header().prevBlock()).isEqualTo(Hash.ZERO);
        for (int i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i).header().prevBlock()).as("block %d", i).isEqualTo(blocks.get(i - 1).hash());
        }
    }

    @Test
    void everyMerkleRootIsRecomputedWithoutMutation() {
        for (Block b : blocks) {
            MerkleTree.Result r = MerkleTree.blockRoot(b);
            assertThat(r.root()).as("merkle root of %s", b.hash()).isEqualTo(b.header().merkleRoot());
            assertThat(r.mutated()).isFalse();
        }
    }

    @Test
    void knownTransactionOfBlock170() {
        // Block 170 holds the first person-to-person payment, Satoshi to Hal Finney.
        Block b170 = blocks.get(170);
        assertThat(b170.transactions()).hasSize(2);
        Transaction tx = b170.transactions().get(1);
        assertThat(tx.txid()).hasToString("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
        assertThat(tx.isCoinbase()).isFalse();
        assertThat(b170.transactions().get(0).isCoinbase()).isTrue();
        assertThat(tx.outputs()).extracting(TxOut::value).containsExactly(10_00000000L, 40_00000000L);
    }
}
