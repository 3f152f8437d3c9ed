package org.minicoin.consensus.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.testing.TestData;
import org.minicoin.consensus.types.Block;
import org.minicoin.consensus.types.Hash;
import org.minicoin.consensus.types.Transaction;

class MerkleTreeTest {

    private static Hash leaf(int i) {
        return Hash.sha256d(new byte[] {(byte) i});
    }

    private static List<Hash> leaves(int... ids) {
        List<Hash> out = new ArrayList<>();
        for (int id : ids) {
            out.add(leaf(id));
        }
        return out;
    }

    @Test
    void emptyAndSingleLeaf() {
        assertThat(MerkleTree.compute(List.of()).root()).isEqualTo(Hash.ZERO);
        assertThat(MerkleTree.compute(leaves(7)).root()).isEqualTo(leaf(7));
        assertThat(MerkleTree.compute(leaves(7)).mutated()).isFalse();
    }

    @Test
    void twoLeavesHashTheirConcatenation() {
        Hash expected = Hash.wrap(Hashes.sha256d(leaf(1).toBytes(), leaf(2).toBytes()));
        assertThat(MerkleTree.compute(leaves(1, 2)).root()).isEqualTo(expected);
    }

    @Test
    void duplicatedLastLeafGivesTheSameRootAndIsFlagged() {
        // CVE-2012-2459: [a,b,c] and [a,b,c,c] share a root; only the second is mutated.
        MerkleTree.Result honest = MerkleTree.compute(leaves(1, 2, 3));
        MerkleTree.Result forged = MerkleTree.compute(leaves(1, 2, 3, 3));
        assertThat(forged.root()).isEqualTo(honest.root());
        assertThat(honest.mutated()).isFalse();
        assertThat(forged.mutated()).isTrue();
    }

    @Test
    void duplicatedSubtreeIsFlaggedToo() {
        // [a..f] pads its 3 inner nodes to 4 by repeating (e,f); [a..f,e,f] spells that out.
        MerkleTree.Result honest = MerkleTree.compute(leaves(1, 2, 3, 4, 5, 6));
        MerkleTree.Result forged = MerkleTree.compute(leaves(1, 2, 3, 4, 5, 6, 5, 6));
        assertThat(forged.root()).isEqualTo(honest.root());
        assertThat(honest.mutated()).isFalse();
        assertThat(forged.mutated()).isTrue();
    }

    @Test
    void realBlockWithDuplicatedLastTransactionIsDetected() {
        // The mutation needs an odd count of at least 3: take the first such block of Core's regtest chain.
        Block block = TestData.regtestRaw().stream()
                .map(Block::fromBytes)
                .filter(b -> b.transactions().size() >= 3 && b.transactions().size() % 2 == 1)
                .findFirst().orElseThrow();
        List<Transaction> txs = new ArrayList<>(block.transactions());
        txs.add(txs.get(txs.size() - 1));
        MerkleTree.Result r = MerkleTree.blockRoot(txs);
        assertThat(r.root()).isEqualTo(block.header().merkleRoot());
        assertThat(r.mutated()).isTrue();
        assertThat(MerkleTree.blockRoot(block).mutated()).isFalse();
    }

    @Test
    void witnessRootUsesZeroForTheCoinbase() {
        Block b170 = Block.fromBytes(TestData.mainnetRaw().get(170));
        List<Transaction> txs = b170.transactions();
        Hash expected = Hash.wrap(Hashes.sha256d(Hash.ZERO.toBytes(), txs.get(1).wtxid().toBytes()));
        assertThat(MerkleTree.witnessRoot(txs).root()).isEqualTo(expected);
    }
}
